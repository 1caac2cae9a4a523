"""The uitsturen pages: the teacher's "uit de les sturen" form (a tablet in class, no
JavaScript needed), the melding with its three parts and its steps, the teamleider's list of
open meldingen (and its CSV). Views only call services and selectors; a refused act shows
the service's Dutch message and changes nothing."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dossiers import audit, relaties
from dossiers.models import Leerling, Lesopdracht
from dossiers.stappen import geweigerd
from statuut.hulp import naam_van
from statuut.models import Maatregelsoort
from statuut.services import InvoerFout

from . import forms, selectors, services, stappen, toegang
from .models import Uitstuurmelding

PER_PAGINA = 25


@login_required
def nieuw(request):
    vandaag = timezone.localdate()
    treden = toegang.treden_voor(request.user, op=vandaag)
    if not treden:
        raise Http404
    eigen = Q(pk__in=[])
    for _trede, qs in treden:
        eigen |= Q(pk__in=qs.values("pk"))
    plaatsing = relaties.plaatsingen_op(vandaag).filter(leerling=OuterRef("pk")).order_by("pk")
    leerlingen = (Leerling.objects.filter(eigen)
                  .annotate(groepnaam=Subquery(plaatsing.values("groep__naam")[:1]))
                  .order_by("groepnaam", "achternaam", "roepnaam", "pk"))
    rungs = (Maatregelsoort.objects.filter(pk__in=[t.pk for t, _qs in treden])
             .select_related("statuut").order_by("statuut__school_id", "trede"))
    gekozen = request.GET.get("maatregelsoort", "")[:40]
    begin = {"leerling": request.GET.get("leerling", "")[:12]}
    # The teacher's own subject, when they teach one: a tap fewer.
    vakken = list(Lesopdracht.objects.filter(docent__user=request.user)
                  .values_list("vak", flat=True).distinct()[:2])
    if len(vakken) == 1:
        begin["vak"] = vakken[0]
    for trede in rungs:
        if trede.code == gekozen:
            begin["maatregelsoort"] = trede.pk
    form = forms.UitsturenForm(request.POST or None, leerlingen=leerlingen, treden=rungs,
                               initial=begin)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                m = services.uitsturen(door=request.user, leerling=d["leerling"],
                                       maatregelsoort=d["maatregelsoort"], vak=d["vak"],
                                       lesuur=d["lesuur"], reden=d["reden"])
            except InvoerFout as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                messages.success(request, _("%(n)s is uit de les gestuurd en meldt zich direct "
                                            "bij de teamleider of afdelingsleider.")
                                 % {"n": d["leerling"].volledige_naam})
                return redirect("uitsturen:melding", pk=m.pk)
        else:
            status = 400
    return render(request, "uitsturen/nieuw.html", {"form": form}, status=status)


def _melding(user, pk: int) -> Uitstuurmelding:
    try:
        m = selectors.melding(pk)
    except Uitstuurmelding.DoesNotExist as exc:
        raise Http404 from exc
    if not toegang.mag_zien(user, m):
        raise Http404
    return m


@login_required
def melding(request, pk: int):
    m = _melding(request.user, pk)
    open_, wachtend = stappen.open_en_wachtend(request.user, m)
    formulieren = []
    for stap in open_:
        begin = {"reden": m.reden_docent or m.reden_kort} if stap == "toelichten" else {}
        form = forms.FORMULIEREN[stap](initial=begin)
        if stap == "inleveren" and m.gesprek:
            del form.fields["gesprek"]
        formulieren.append((stap, stappen.STAPPEN[stap].titel, form))
    audit.inzage_vastleggen(user=request.user, leerling=m.leerling,
                            onderdeel=_("uitstuurmelding"), object=m)
    return render(request, "uitsturen/melding.html", {
        "m": m, "leerling": m.leerling, "formulieren": formulieren,
        "wachtend": [(stappen.STAPPEN[s].titel, reden) for s, reden in wachtend],
        "docent": naam_van(m.docent), "gemeld_bij": naam_van(m.gemeld_bij),
        "afgerond_door": naam_van(m.afgerond_door), "les": services.les_tekst(m),
        "gesprek": services.gesprek_tekst(m)})


@login_required
@require_POST
def stap(request, pk: int, stap: str):
    if stap not in stappen.STAPPEN:
        raise Http404
    m = _melding(request.user, pk)
    # The step table first (the service asks it again under its lock): a refusal goes back
    # to the report's page with the reason, the form unread.
    if (weigering := stappen.weigering(request.user, m, stap)) is not None:
        return geweigerd(request, weigering, reverse("uitsturen:melding", args=[m.pk]))
    form = forms.FORMULIEREN[stap](request.POST)
    try:
        if not form.is_valid():
            raise InvoerFout(" ".join(str(e) for fouten in form.errors.values() for e in fouten))
        d = form.cleaned_data
        if stap == "melden":
            services.melden(door=request.user, melding=m, verhaal=d["verhaal"])
        elif stap == "toelichten":
            services.toelichten(door=request.user, melding=m, reden=d["reden"],
                                gesprek=d["gesprek"], afspraak_op=d["afspraak_op"])
        elif stap == "inleveren":
            services.inleveren(door=request.user, melding=m, straf=d["straf"],
                               gesprek=d["gesprek"])
        else:
            services.afronden(door=request.user, melding=m)
    except InvoerFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, {
            "melden": _("De melding is ontvangen; de uitstuurbrief is begonnen."),
            "toelichten": _("De reden en het gesprek staan op de uitstuurbrief."),
            "inleveren": _("De uitstuurbrief is ingeleverd bij de teamleider."),
            "afronden": _("De uitstuurmelding is afgerond.") + (
                " " + _("De uitstuurbrief gaat naar de ouders.") if m.schriftelijk else ""),
        }[stap])
    return redirect("uitsturen:melding", pk=m.pk)


def _csv(naam: str, kop: list[str], rijen) -> HttpResponse:
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    schrijver = csv.writer(antwoord, delimiter=";")
    schrijver.writerow(kop)
    for rij in rijen:
        # A cell starting with = + - @ is text, not a formula (CSV injection).
        schrijver.writerow([f"'{c}" if str(c)[:1] in "=+-@" else c for c in rij])
    return antwoord


@login_required
def overzicht(request):
    vandaag = timezone.localdate()
    if not toegang.scholen_volgen(request.user, op=vandaag).exists():
        raise Http404
    qs = selectors.open_meldingen(request.user, op=vandaag)
    if request.GET.get("formaat") == "csv":
        meldingen = list(qs[:5000])
        audit.inzagen_vastleggen(user=request.user, leerlingen=[m.leerling for m in meldingen],
                                 lijst="uitstuurmeldingen", onderdeel=_("open uitstuurmeldingen"),
                                 filter="csv")
        return _csv("uitstuurmeldingen", [
            _("leerlingnummer"), _("naam"), _("groep"), _("datum"), _("tijd"), _("les"),
            _("leraar"), _("maatregel"), _("reden"), _("stand"), _("uiterlijk")],
            [(m.leerling.leerlingnummer, m.leerling.volledige_naam, m.groepnaam or "",
              f"{m.datum:%d-%m-%Y}", f"{timezone.localtime(m.tijdstip):%H:%M}",
              services.les_tekst(m), naam_van(m.docent), m.maatregel_naam, m.reden_kort,
              m.get_stand_display(),
              f"{m.termijn.vervaldatum:%d-%m-%Y}" if m.termijn else "") for m in meldingen])
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    meldingen = list(pagina.object_list)
    audit.inzagen_vastleggen(user=request.user, leerlingen=[m.leerling for m in meldingen],
                             lijst="uitstuurmeldingen", onderdeel=_("open uitstuurmeldingen"),
                             filter=f"pagina={pagina.number}")
    return render(request, "uitsturen/overzicht.html", {
        "meldingen": meldingen, "pagina": pagina, "vandaag": vandaag})
