"""The verzuim pages: registering te laat and absence, judging, the mentor's overview, the
leerplicht overview with the report's data, the LVS import. Views only call services and
selectors; a refused act shows the service's Dutch message and changes nothing."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dossiers import audit
from statuut.services import InvoerFout

from . import forms, importeren, selectors, services, stappen, toegang
from .models import Absentie, Drempelactie, Importkoppeling, Oordeel, TeLaat

PER_PAGINA = 25


def _csv(naam: str, kop: list[str], rijen) -> HttpResponse:
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    schrijver = csv.writer(antwoord, delimiter=";")
    schrijver.writerow(kop)
    for rij in rijen:
        # A cell starting with = + - @ is text, not a formula (CSV injection).
        schrijver.writerow([f"'{c}" if str(c)[:1] in "=+-@" else c for c in rij])
    return antwoord


def _registreren(request, *, soort: str):
    actie = toegang.TE_LAAT_REGISTREREN if soort == "te_laat" else toegang.ABSENTIE_REGISTREREN
    vandaag = timezone.localdate()
    leerlingen = selectors.leerlingen_overzicht(request.user, op=vandaag, actie=actie)
    if not leerlingen.exists():
        raise Http404
    Form = forms.TeLaatForm if soort == "te_laat" else forms.AbsentieForm
    # From the pupil page: the pupil chosen already.
    form = Form(request.POST or None, leerlingen=leerlingen,
                initial={"leerling": request.GET.get("leerling", "")[:12]})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = dict(form.cleaned_data)
            try:
                if soort == "te_laat":
                    geregistreerd = services.te_laat_registreren(door=request.user, **d)
                    for gevolg in geregistreerd.gevolgen:
                        messages.warning(request, _("Volgens het statuut: %(g)s") % {"g": gevolg})
                else:
                    services.absentie_registreren(door=request.user, **d)
            except InvoerFout as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                messages.success(request, _("Geregistreerd: %(n)s.")
                                 % {"n": d["leerling"].volledige_naam})
                return redirect(request.path)
        else:
            status = 400
    return render(request, "verzuim/registreren.html",
                  {"form": form, "soort": soort}, status=status)


@login_required
def te_laat(request):
    return _registreren(request, soort="te_laat")


@login_required
def absentie(request):
    return _registreren(request, soort="absent")


@login_required
def overzicht(request):
    vandaag = timezone.localdate()
    qs = selectors.leerlingen_overzicht(request.user, op=vandaag)
    groep = request.GET.get("groep", "")[:50]
    if groep:
        qs = qs.filter(groepnaam=groep)
    csv_ = request.GET.get("formaat") == "csv"
    if csv_:
        leerlingen = list(qs[:5000])
    else:
        pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
        leerlingen = list(pagina.object_list)
    if not leerlingen and not toegang.scholen(request.user, toegang.OVERZICHT_ZIEN).exists():
        raise Http404
    rijen, standen = selectors.overzichtrijen(leerlingen, op=vandaag)
    audit.inzagen_vastleggen(user=request.user, leerlingen=leerlingen,
                             lijst="verzuimoverzicht", onderdeel=_("verzuim: tellingen"),
                             filter=groep, soorten=["verzuim"])
    if csv_:
        return _csv("verzuimoverzicht", [
            _("leerlingnummer"), _("naam"), _("groep"), _("te laat ongeoorloofd (periode)"),
            _("nog te beoordelen"), _("uren ongeoorloofd absent (4 weken)"),
            _("volgende drempel"), _("open acties")],
            [(r.leerling.leerlingnummer, r.leerling.volledige_naam, r.leerling.groepnaam or "",
              r.te_laat, r.te_beoordelen, r.uren,
              r.volgende.aantal if r.volgende else "",
              " | ".join(a.omschrijving for a in r.open)) for r in rijen])
    stand = next(iter(standen.values()), None)
    return render(request, "verzuim/overzicht.html", {
        "rijen": rijen, "pagina": pagina, "stand": stand, "groep": groep,
        "extra": f"groep={groep}" if groep else ""})


@login_required
def leerplicht(request):
    vandaag = timezone.localdate()
    if not toegang.scholen(request.user, toegang.LEERPLICHT_MELDEN).exists():
        raise Http404
    qs = selectors.leerplichtacties(request.user, op=vandaag)
    if request.GET.get("formaat") == "csv":
        acties = list(qs[:5000])
        audit.inzagen_vastleggen(user=request.user, leerlingen=[a.leerling for a in acties],
                                 lijst="leerplicht", onderdeel=_("verzuim: meldingen"),
                                 soorten=["verzuim"])
        return _csv("leerplichtmeldingen", [
            _("leerlingnummer"), _("naam"), _("geboortedatum"), _("venster van"),
            _("venster tot"), _("uren ongeoorloofd"), _("drempel overschreden op"),
            _("melden uiterlijk"), _("status")],
            [(a.leerling.leerlingnummer, a.leerling.volledige_naam,
              f"{a.leerling.geboortedatum:%d-%m-%Y}", f"{a.van:%d-%m-%Y}", f"{a.tot:%d-%m-%Y}",
              a.aantal, f"{a.overschreden_op:%d-%m-%Y}",
              f"{a.termijn.vervaldatum:%d-%m-%Y}" if a.termijn else "",
              a.get_status_display()) for a in acties])
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    acties = list(pagina.object_list)
    audit.inzagen_vastleggen(user=request.user, leerlingen=[a.leerling for a in acties],
                             lijst="leerplicht", onderdeel=_("verzuim: meldingen"),
                             soorten=["verzuim"])
    return render(request, "verzuim/leerplicht.html", {"acties": acties, "pagina": pagina})


def _actie(user, pk: int) -> Drempelactie:
    actie = get_object_or_404(Drempelactie.objects.select_related("leerling__school",
                                                                  "termijn"), pk=pk)
    if not (toegang.mag(user, toegang.OVERZICHT_ZIEN, actie.leerling)
            or stappen.weigering(user, "afhandelen", actie.leerling, obj=actie) is None
            or toegang.mag(user, toegang.LEERPLICHT_MELDEN, actie.leerling)):
        raise Http404
    return actie


@login_required
def melding(request, pk: int):
    actie = _actie(request.user, pk)
    gegevens = selectors.melding(actie)
    audit.inzage_vastleggen(user=request.user, leerling=actie.leerling,
                            onderdeel=_("verzuim: melding leerplicht"), object=actie)
    if request.GET.get("formaat") == "csv":
        ll = actie.leerling
        rijen = [(ll.leerlingnummer, ll.volledige_naam, f"{ll.geboortedatum:%d-%m-%Y}",
                  gegevens["groep"], f"{a.datum:%d-%m-%Y}", a.lesuren, a.uren,
                  a.get_melding_display()) for a in gegevens["absenties"]]
        return _csv(f"melding-{ll.leerlingnummer}", [
            _("leerlingnummer"), _("naam"), _("geboortedatum"), _("groep"), _("datum"),
            _("lesuren"), _("uren"), _("melding")], rijen)
    weigering = stappen.weigering(request.user, "afhandelen", actie.leerling, obj=actie)
    return render(request, "verzuim/melding.html", {
        **gegevens, "afhandelen": forms.AfhandelenForm() if weigering is None else None})


@login_required
@require_POST
def afhandelen(request, pk: int):
    actie = _actie(request.user, pk)
    form = forms.AfhandelenForm(request.POST)
    try:
        if not form.is_valid():
            raise InvoerFout(_("Schrijf kort op wat er is gedaan."))
        services.actie_afhandelen(door=request.user, actie=actie,
                                  notitie=form.cleaned_data["notitie"])
    except InvoerFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De actie is afgehandeld."))
    return redirect("verzuim:melding", pk=actie.pk)


@login_required
def beoordelen(request, soort: str, pk: int):
    model = {"te-laat": TeLaat, "absentie": Absentie}.get(soort)
    if model is None:
        raise Http404
    registratie = get_object_or_404(model.objects.select_related("leerling__school"), pk=pk)
    if not toegang.mag(request.user, toegang.OVERZICHT_ZIEN, registratie.leerling) and \
            not toegang.mag(request.user, toegang.BEOORDELEN, registratie.leerling):
        raise Http404
    weigering = stappen.weigering(request.user, "beoordelen", registratie.leerling)
    mogelijk = stappen.oordelen_mogelijk(registratie)
    form = forms.BeoordelenForm(request.POST or None, mogelijk=mogelijk)
    status = 200
    if request.method == "POST":
        try:
            gekozen = request.POST.get("oordeel", "")
            if gekozen in Oordeel.values:
                # The step's own reason first ("al geoorloofd"), before the form's.
                stappen.toetsen(stappen.weigering(request.user, "beoordelen",
                                                  registratie.leerling, obj=registratie,
                                                  oordeel=gekozen))
            if not form.is_valid():
                raise InvoerFout(_("Kies een oordeel en geef aan waarom."))
            services.beoordelen(door=request.user, registratie=registratie,
                                **form.cleaned_data)
        except InvoerFout as exc:
            form.add_error(None, str(exc))
            status = 400
        else:
            messages.success(request, _("Het oordeel is vastgelegd."))
            return redirect("verzuim:leerling", pk=registratie.leerling_id)
    audit.inzage_vastleggen(user=request.user, leerling=registratie.leerling,
                            onderdeel=_("verzuim: registratie"), object=registratie)
    return render(request, "verzuim/beoordelen.html", {
        "registratie": registratie, "form": form, "weigering": weigering,
        "mogelijk": mogelijk}, status=status)


def _importschool(user):
    scholen = list(toegang.scholen(user, toegang.IMPORTEREN))
    if not scholen:
        raise Http404
    return scholen[0]


@login_required
def importeren_pagina(request):
    school = _importschool(request.user)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    uitkomst, fout, regels, status = None, "", [], 200
    if request.method == "POST":
        if form.is_valid():
            try:
                uitkomst = importeren.importeren(door=request.user, school=school,
                                                 inhoud=form.cleaned_data["bestand"].read())
            except importeren.Importfout as exc:
                fout, regels, status = str(exc), exc.regels, 400
            except InvoerFout as exc:
                fout, status = str(exc), 400
        else:
            fout, status = _("Kies een bestand."), 400
    return render(request, "verzuim/importeren.html", {
        "form": form, "uitkomst": uitkomst, "fout": fout, "regels": regels, "school": school,
        "koppeling": importeren.koppeling_van(school), "soorten": importeren.SOORTEN},
        status=status)


@login_required
def koppeling(request):
    school = _importschool(request.user)
    huidig = importeren.koppeling_van(school)
    begin = {**importeren.STANDAARD_KOLOMMEN, **huidig.kolommen,
             "scheidingsteken": huidig.scheidingsteken,
             "codes": "\n".join(f"{k}={v}" for k, v in huidig.codes.items())}
    form = forms.KoppelingForm(request.POST or None, initial=begin)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        Importkoppeling.objects.update_or_create(school=school, defaults={
            "kolommen": {v: d[v] for v in importeren.VELDEN if d.get(v)},
            "codes": d["codes"], "scheidingsteken": d["scheidingsteken"],
            "gewijzigd_door": request.user})
        messages.success(request, _("De kolomkoppeling is opgeslagen."))
        return redirect("verzuim:importeren")
    return render(request, "verzuim/koppeling.html", {"form": form, "school": school},
                  status=400 if request.method == "POST" else 200)


@login_required
def leerling(request, pk: int):
    """One pupil's registrations and steps of this school year, with the judging links."""
    from dossiers.models import Leerling
    from statuut.hulp import schooljaar_grenzen

    ll = get_object_or_404(Leerling.objects.select_related("school"), pk=pk)
    vandaag = timezone.localdate()
    if not (toegang.mag(request.user, toegang.OVERZICHT_ZIEN, ll)
            or toegang.mag(request.user, toegang.BEOORDELEN, ll)):
        raise Http404
    van, tot = schooljaar_grenzen(vandaag)
    te_laat = list(TeLaat.objects.filter(leerling=ll, datum__range=(van, tot))
                   .order_by("-datum", "-lesuur"))
    absenties = list(Absentie.objects.filter(leerling=ll, datum__range=(van, tot))
                     .order_by("-datum", "-pk"))
    acties = list(Drempelactie.objects.filter(leerling=ll, schooljaar__in=[
        f"{van.year}-{tot.year}"]).select_related("termijn").order_by("-overschreden_op"))
    audit.inzage_vastleggen(user=request.user, leerling=ll,
                            onderdeel=_("verzuim: registraties"), object=ll)
    return render(request, "verzuim/leerling.html", {
        "leerling": ll, "te_laat": te_laat, "absenties": absenties, "acties": acties,
        "mag_beoordelen": stappen.weigering(request.user, "beoordelen", ll) is None})
