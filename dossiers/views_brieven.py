"""Letters in the browser.

- The outgoing post of the administratie (`/post/`): letters to e-mail, to print (with the
  reason), failed ones with their reason and a retry, recently sent ones; each PDF to
  download (its read logged), and a batch of letters as one PDF with a progress page.
  Only the schools where the statuut gives `brief.verzenden`; anyone else gets 404.
  Handling the post is no reason to read a letter (issue 11): a letter whose source the
  user may not read (`toegang.brieven_leesbaar`) shows only its addressees and status, can
  be e-mailed by the system, but not opened, bundled or marked as printed by them.
- A letter's PDF (`/post/<id>/pdf/`) for whoever may read its source: the mentor, the
  zorgcoördinator who asked for an invitation, the teamleider who decided a schorsing open
  it from the dossier entry's "Naar de bron" (issue 12); 404 for anyone else.
- The request of an invitation to a talk for one pupil (`brief.aanvragen`).

Views only call services; every state change is a POST.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from statuut.models import Artikel, Handeling
from statuut.selectors import statuut_op
from statuut.services import InvoerFout

from . import audit, selectors, toegang
from .brieven.forms import UitnodigingForm
from .brieven.services import (
    WACHT_SCHOOLDAGEN,
    VerzendFout,
    brief_aanvragen,
    brief_opnieuw,
    brief_verzenden,
    bundel_aanvragen,
    is_vastgelopen,
    per_post_verstuurd,
    wacht_te_lang,
)
from .brieven.soorten import SOORTEN
from .models import Brief, Briefbundel, Briefstatus, Bundelstatus, Verzendwijze

VERZONDEN_DAGEN = 30  # "Verzonden" shows the letters of the last 30 days
VERZONDEN_MAX = 50
ONDERDEEL_POST = "uitgaande post"


def _titel(brief, leesbaar: bool) -> str:
    # The kind of letter says what it is about ("Reactie op uw klacht"): only for who may
    # read it.
    if not leesbaar:
        return _("Brief (inhoud niet voor u zichtbaar)")
    return SOORTEN[brief.soort].titel if brief.soort in SOORTEN else brief.soort


def _post_of_404(user):
    if not toegang.scholen_waar(user, Handeling.BRIEF_VERZENDEN).exists():
        raise Http404


def _brieven(user):
    return (toegang.brieven_voor(user).select_related("leerling", "school",
                                                      "verzonden_door__medewerker")
            .prefetch_related("ontvangers").defer("pdf"))


@login_required
def uitgaande_post(request):
    _post_of_404(request.user)
    open_ = list(_brieven(request.user).exclude(status=Briefstatus.VERZONDEN)
                 .order_by("datum", "pk"))
    verzonden = list(_brieven(request.user).filter(
        status=Briefstatus.VERZONDEN,
        verzonden_op__gte=timezone.now() - timedelta(days=VERZONDEN_DAGEN),
    ).order_by("-verzonden_op")[:VERZONDEN_MAX])
    leesbaar = toegang.brieven_leesbaar(request.user, open_ + verzonden)
    for b in open_ + verzonden:
        b.leesbaar = b.pk in leesbaar
        b.titel = _titel(b, b.leesbaar)
        b.vastgelopen = is_vastgelopen(b)
        b.wacht_te_lang = wacht_te_lang(b)
        b.per_post = [o for o in b.ontvangers.all()
                      if b.status == Briefstatus.VERZONDEN and o.verzonden_op is None]
    # The list shows pupils' names and their parents: one read-log row for the page. That a
    # pupil has a letter waiting says something of its source: the row carries its kinds.
    audit.inzagen_vastleggen(
        user=request.user, lijst=ONDERDEEL_POST, onderdeel=_("namen, ontvangers en soort brief"),
        leerlingen=[b.leerling for b in open_ + verzonden],
        soorten={toegang.inzagesoort(b) for b in open_ + verzonden})
    gemaakt = [b for b in open_ if b.status == Briefstatus.GEMAAKT]
    return render(request, "brieven/uitgaande_post.html", {
        "email": [b for b in gemaakt if b.verzendwijze == Verzendwijze.EMAIL],
        "print": [b for b in gemaakt if b.verzendwijze != Verzendwijze.EMAIL],
        "mislukt": [b for b in open_ if b.status == Briefstatus.MISLUKT],
        "bezig": [b for b in open_ if b.status == Briefstatus.AANGEVRAAGD],
        "verzonden": verzonden,
        # Sent by e-mail, but some recipients (no e-mail address) still wait for post.
        "nog_per_post": [b for b in verzonden if b.per_post],
        "verzonden_dagen": VERZONDEN_DAGEN,
        "wacht_schooldagen": WACHT_SCHOOLDAGEN,
        "te_lang": sum(1 for b in gemaakt if b.wacht_te_lang),
        # Select all without script: the page again with every letter of a block ticked.
        "alles": request.GET.get("alles", ""),
        "bundels": Briefbundel.objects.filter(
            school__in=toegang.scholen_waar(request.user, Handeling.BRIEF_VERZENDEN),
            aangevraagd_door=request.user).defer("pdf")[:5],
    })


def _pdf_antwoord(inhoud: bytes, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response["Cache-Control"] = "no-store"  # pupil data: not in any cache
    return response


@login_required
def brief_pdf(request, pk):
    # Who may read the letter's source may open it, whether or not they send the post.
    brief = get_object_or_404(Brief.objects.select_related("leerling").defer("pdf"), pk=pk,
                              pdf__isnull=False)
    if not toegang.brief_leesbaar(request.user, brief):
        raise Http404
    audit.inzage_vastleggen(user=request.user, leerling=brief.leerling,
                            onderdeel=f"brief {brief.soort}", object=brief)
    brief.pdf = Brief.objects.filter(pk=brief.pk).values_list("pdf", flat=True).get()
    return _pdf_antwoord(bytes(brief.pdf), f"brief-{brief.pk}-{brief.soort}.pdf")


@login_required
@xframe_options_sameorigin
def brief_pdf_inline(request, pk):
    """The same PDF (the same access check and read log as `brief_pdf`), shown inside the
    preview page instead of downloaded."""
    response = brief_pdf(request, pk)
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline", 1)
    # Only this response may be framed, and only by our own pages.
    response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'"
    response._csp_exempt = True
    return response


def _ontvangers_per_kanaal(brief) -> list[tuple]:
    """Each recipient with the channel it gets the letter through."""
    uit = []
    for o in brief.ontvangers.all():
        if brief.verzendwijze == Verzendwijze.EMAIL and o.email:
            kanaal = _("per e-mail aan %(e)s") % {"e": o.email}
        else:
            kanaal = _("per post") + (f" ({o.adres}, {o.postcode_plaats})".replace(", )", ")")
                                      if o.adres else " " + _("(adres ontbreekt)"))
        uit.append((o, kanaal))
    return uit


@login_required
def brief_bekijken(request, pk):
    """The administratie sees the letter (its PDF) and who gets it through which channel,
    and confirms sending it: the confirmation step, which works without script."""
    _post_of_404(request.user)
    brief = get_object_or_404(toegang.brieven_voor(request.user)
                              .select_related("leerling", "school").prefetch_related("ontvangers")
                              .defer("pdf"), pk=pk)
    audit.inzage_vastleggen(user=request.user, leerling=brief.leerling,
                            onderdeel=ONDERDEEL_POST, object=brief)
    # A letter whose source the user may not read is sent without opening it (issue 11):
    # addressees and status only, no preview, no "afgedrukt".
    leesbaar = toegang.brief_leesbaar(request.user, brief)
    brief.titel = _titel(brief, leesbaar)
    return render(request, "brieven/brief_bekijken.html", {
        "brief": brief, "leesbaar": leesbaar, "ontvangers": _ontvangers_per_kanaal(brief),
        "klaar": brief.status == Briefstatus.GEMAAKT,
        "wacht_te_lang": wacht_te_lang(brief),
        "wacht_schooldagen": WACHT_SCHOOLDAGEN,
    })


ACTIES = {
    "email": _("De brief is per e-mail verzonden."),
    "afgedrukt": _("De brief is vastgelegd als afgedrukt en per post verstuurd."),
    "opnieuw": _("De brief wordt opnieuw gemaakt."),
    "per_post": _("Vastgelegd: de brief is per post verstuurd aan wie geen e-mail kreeg."),
}
#: Sending asks for confirmation: without `bevestigd`, the preview page is shown instead.
TE_BEVESTIGEN = {"email", "afgedrukt"}


def _verzenden(brief, user, actie: str) -> None:
    brief_verzenden(brief, door=user, wijze=(
        Verzendwijze.EMAIL if actie == "email" else Verzendwijze.PRINT))


@login_required
@require_POST
def brief_actie(request, pk, actie):
    _post_of_404(request.user)
    if actie not in ACTIES:
        raise Http404
    brief = get_object_or_404(toegang.brieven_voor(request.user).defer("pdf"), pk=pk)
    if actie in TE_BEVESTIGEN and request.POST.get("bevestigd") != "1":
        return redirect("brief_bekijken", pk=brief.pk)
    try:
        if actie == "opnieuw":
            brief_opnieuw(brief, door=request.user)
        elif actie == "per_post":
            per_post_verstuurd(brief, door=request.user)
        else:
            _verzenden(brief, request.user, actie)
        messages.success(request, ACTIES[actie])
    except (InvoerFout, VerzendFout) as fout:
        messages.error(request, str(fout))
    return redirect("uitgaande_post")


@login_required
@require_POST
def post_verzenden(request):
    """Send several letters at once (the ticked ones), after a confirmation page that lists
    them with their recipients; each letter is sent on its own, a failure stops no other."""
    _post_of_404(request.user)
    actie = request.POST.get("wijze", "email")
    if actie not in TE_BEVESTIGEN:
        raise Http404
    try:
        ids = sorted({int(i) for i in request.POST.getlist("brief")})
    except ValueError:
        ids = []
    brieven = list(_brieven(request.user).filter(pk__in=ids, status=Briefstatus.GEMAAKT)
                   .order_by("leerling__achternaam", "pk"))
    if not brieven:
        messages.error(request, _("Kies eerst een of meer brieven die klaar zijn om te "
                                  "verzenden."))
        return redirect("uitgaande_post")
    if request.POST.get("bevestigd") != "1":
        audit.inzagen_vastleggen(user=request.user, lijst=ONDERDEEL_POST,
                                 onderdeel=_("namen, ontvangers en soort brief"),
                                 leerlingen={b.leerling_id: b.leerling for b in brieven}.values(),
                                 soorten={toegang.inzagesoort(b) for b in brieven})
        leesbaar = toegang.brieven_leesbaar(request.user, brieven)
        for b in brieven:
            b.titel = _titel(b, b.pk in leesbaar)
            b.kanalen = _ontvangers_per_kanaal(b)
        return render(request, "brieven/post_bevestigen.html", {
            "brieven": brieven, "actie": actie,
            "niet_per_email": [b for b in brieven if b.verzendwijze != Verzendwijze.EMAIL]
            if actie == "email" else []})
    gelukt, fouten = 0, []
    for b in brieven:
        try:
            _verzenden(b, request.user, actie)
            gelukt += 1
        except (InvoerFout, VerzendFout) as fout:
            fouten.append(f"{b.leerling.volledige_naam}: {fout}")
    if gelukt:
        messages.success(request, ngettext("%(n)d brief verzonden.", "%(n)d brieven verzonden.",
                                           gelukt) % {"n": gelukt})
    for fout in fouten:
        messages.error(request, fout)
    return redirect("uitgaande_post")


# --- Batches -------------------------------------------------------------------------------

@login_required
@require_POST
def bundel_maken(request):
    _post_of_404(request.user)
    try:
        bundel = bundel_aanvragen(door=request.user, brief_ids=request.POST.getlist("brief"))
    except InvoerFout as fout:
        messages.error(request, str(fout))
        return redirect("uitgaande_post")
    return redirect("bundel", pk=bundel.pk)


def _bundel_of_404(user, pk) -> Briefbundel:
    return get_object_or_404(
        Briefbundel.objects.filter(
            school__in=toegang.scholen_waar(user, Handeling.BRIEF_VERZENDEN)).defer("pdf"),
        pk=pk)


@login_required
def bundel(request, pk):
    b = _bundel_of_404(request.user, pk)
    response = render(request, "brieven/bundel.html", {"bundel": b})
    if b.status == Bundelstatus.BEZIG:
        # Refresh itself until done (no script: CSP allows none inline).
        response["Refresh"] = "2"
    return response


@login_required
def bundel_pdf(request, pk):
    b = _bundel_of_404(request.user, pk)
    if b.status != Bundelstatus.KLAAR:
        raise Http404
    brieven = list(b.brieven.select_related("leerling").defer("pdf"))
    if len(toegang.brieven_leesbaar(request.user, brieven)) < len(brieven):
        raise Http404  # a letter in it is no longer (or never was) theirs to read
    # One read of a list of letters: one row (per school) with the pupils' numbers.
    audit.inzagen_vastleggen(
        user=request.user, leerlingen=[brief.leerling for brief in brieven],
        lijst=_("brievenbundel %(n)s") % {"n": b.pk},
        onderdeel=", ".join(sorted({f"brief {brief.soort}" for brief in brieven})),
        soorten={toegang.inzagesoort(brief) for brief in brieven})
    pdf = Briefbundel.objects.filter(pk=b.pk).values_list("pdf", flat=True).get()
    return _pdf_antwoord(bytes(pdf), f"brieven-bundel-{b.pk}.pdf")


# --- Request an invitation to a talk -------------------------------------------------------

def _artikelen(leerling):
    statuut = statuut_op(leerling.school, timezone.localdate())
    return Artikel.objects.filter(statuut=statuut) if statuut else Artikel.objects.none()


@login_required
def brief_uitnodiging(request, pk):
    leerling = get_object_or_404(selectors.zichtbare_leerlingen(request.user), pk=pk)
    if not toegang.mag(request.user, Handeling.BRIEF_AANVRAGEN, leerling):
        raise Http404
    medewerker = getattr(request.user, "medewerker", None)
    artikelen = list(_artikelen(leerling))
    form = UitnodigingForm(request.POST or None, artikelen=artikelen, initial={
        "met_wie": ", ".join(p for p in (getattr(medewerker, "naam", ""),
                                         getattr(medewerker, "functie", "")) if p)})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        sleutel = f"uitnodiging:{leerling.pk}:{d['datum']:%Y-%m-%d}:{d['tijd']:%H%M}"
        al_gevraagd = Brief.objects.filter(sleutel=sleutel).exists()
        gegevens = {
            "gesprek_datum": formats.date_format(d["datum"], "l j F Y"),
            "gesprek_tijd": _("%(t)s uur") % {"t": d["tijd"].strftime("%H.%M")},
            "plaats": d["plaats"], "aanleiding": d["aanleiding"], "met_wie": d["met_wie"],
        }
        if d["artikel"]:
            gegevens["artikel"] = d["artikel"]
        try:
            brief_aanvragen(door=request.user, leerling=leerling, soort="uitnodiging_gesprek",
                            sleutel=sleutel, gegevens=gegevens,
                            statuut=artikelen[0].statuut if artikelen else None)
        except InvoerFout as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, _(
                "Deze uitnodiging was al aangevraagd; er is geen tweede brief gemaakt."
            ) if al_gevraagd else _(
                "De uitnodiging wordt gemaakt. De administratie verstuurt hem vanuit de "
                "uitgaande post."))
            return redirect("leerling", pk=leerling.pk)
    return render(request, "brieven/uitnodiging.html", {"leerling": leerling, "form": form})
