"""A user's deadlines in their own calendar: a secret feed address (iCalendar) that can be
replaced or revoked. Only a hash of the key is stored; the address is shown once."""

import hashlib
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from icalendar import Calendar, Event

from . import selectors
from .herinneringen import SITE_URL
from .models import Agendalink

SESSIE_SLEUTEL = "nieuwe_agendalink"


def _hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


@login_required
def agenda(request):
    nieuwe = request.session.pop(SESSIE_SLEUTEL, None)
    return render(request, "dossiers/agenda.html", {
        "heeft_link": Agendalink.objects.filter(user=request.user).exists(),
        "nieuwe_url": f"{SITE_URL}/agenda/{nieuwe}.ics" if nieuwe else None,
    })


@login_required
@require_POST
def agenda_link_maken(request):
    sleutel = secrets.token_urlsafe(32)
    Agendalink.objects.update_or_create(user=request.user,
                                        defaults={"sleutel_hash": _hash(sleutel)})
    request.session[SESSIE_SLEUTEL] = sleutel
    messages.success(request, _("Er is een nieuw agenda-adres gemaakt; een eerder adres werkt "
                                "niet meer."))
    return redirect("agenda")


@login_required
@require_POST
def agenda_link_intrekken(request):
    Agendalink.objects.filter(user=request.user).delete()
    messages.success(request, _("Het agenda-adres is ingetrokken; agenda's die het gebruikten "
                                "krijgen geen termijnen meer."))
    return redirect("agenda")


# The secret address is no login, so the middleware's no-store does not reach it: the feed
# lists pupils' deadlines and must not stay in a cache either (issue 11).
FEED_MAX = 500


@never_cache
def agenda_feed(request, sleutel: str):
    link = Agendalink.objects.filter(sleutel_hash=_hash(sleutel)).select_related("user").first()
    if link is None or not link.user.is_active:
        raise Http404
    agenda = Calendar()
    agenda.add("prodid", "-//Leerlingzorg//termijnen//NL")
    agenda.add("version", "2.0")
    agenda.add("x-wr-calname", _("Termijnen leerlingzorg"))
    nu = timezone.now()
    # At most FEED_MAX events, overdue and soonest first: a calendar client re-reads the feed
    # every few hours, and a zorgcoördinator of a large school has thousands (issue 15).
    for termijn in selectors.open_termijnen(link.user, limiet=FEED_MAX):
        event = Event()
        event.add("uid", f"termijn-{termijn.pk}@leerlingzorg")
        event.add("dtstamp", nu)
        event.add("dtstart", termijn.vervaldatum)
        event.add("summary", _("Termijn: %(o)s") % {"o": termijn.omschrijving})
        uitleg = [termijn.regel] if termijn.regel else []
        uitleg.append(f"{SITE_URL}/termijnen/{termijn.pk}/")
        event.add("description", "\n".join(uitleg))
        agenda.add_component(event)
    return HttpResponse(agenda.to_ical(), content_type="text/calendar; charset=utf-8")
