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
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dossiers import audit
from statuut.models import Verzuimdrempel
from statuut.services import InvoerFout

from . import forms, importeren, selectors, services, stappen, toegang
from .models import (
    Absentie,
    Actiestatus,
    Drempelactie,
    Importkoppeling,
    Oordeel,
    TeLaat,
    Verlofaanvraag,
)

PER_PAGINA = 25


def _csv(naam: str, kop: list[str], rijen) -> HttpResponse:
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    schrijver = csv.writer(antwoord, delimiter=";")
    schrijver.writerow(kop)
    for rij in rijen:
        # A cell starting with = + - @ is text, not a formula (CSV injection).
        # ("" is in every string: an empty cell stays empty.)
        schrijver.writerow([f"'{c}" if str(c)[:1] and str(c)[:1] in "=+-@" else c
                            for c in rij])
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
    selectors.schorsing_voor_te_stellen(request.user, rijen, op=vandaag)
    audit.inzagen_vastleggen(user=request.user, leerlingen=leerlingen,
                             lijst="verzuimoverzicht", onderdeel=_("verzuim: tellingen"),
                             filter=groep, soorten=["verzuim"])
    if csv_:
        return _csv("verzuimoverzicht", [
            _("leerlingnummer"), _("naam"), _("groep"), _("te laat ongeoorloofd (periode)"),
            _("te laat ongeoorloofd (vorige periode)"),
            _("nog te beoordelen"), _("uren ongeoorloofd absent (4 weken)"),
            _("volgende drempel"), _("open acties"), _("inhalen uiterlijk"),
            _("brieven wachtend")],
            [(r.leerling.leerlingnummer, r.leerling.volledige_naam, r.leerling.groepnaam or "",
              r.te_laat, r.te_laat_vorige, r.te_beoordelen, r.uren,
              r.volgende.aantal if r.volgende else "",
              " | ".join(a.omschrijving for a in r.open),
              " | ".join(f"{a.termijn.vervaldatum:%d-%m-%Y}" for a in r.inhalen if a.termijn),
              r.brieven) for r in rijen])
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
    return get_object_or_404(Drempelactie.objects.filter(toegang.drempelacties_zichtbaar(user))
                             .select_related("leerling__school", "termijn"), pk=pk)


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
    uitnodigen = stappen.weigering(request.user, "uitnodigen", actie.leerling, obj=actie)
    return render(request, "verzuim/melding.html", {
        **gegevens, "afhandelen": forms.AfhandelenForm() if weigering is None else None,
        "uitnodigen": forms.UitnodigenForm() if uitnodigen is None else None,
        "schorsing_voorstellen": _schorsing_url(request.user, actie)})


@login_required
@require_POST
def uitnodigen(request, pk: int):
    actie = _actie(request.user, pk)
    form = forms.UitnodigenForm(request.POST)
    try:
        if not form.is_valid():
            stappen.toetsen(stappen.weigering(request.user, "uitnodigen", actie.leerling,
                                              obj=actie))
            raise InvoerFout(_("Vul datum, tijd en plaats van het gesprek in."))
        services.uitnodigen(door=request.user, actie=actie, **form.cleaned_data)
    except InvoerFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De uitnodiging gaat naar de ouders."))
    return redirect("verzuim:melding", pk=actie.pk)


def _schorsing_url(user, actie: Drempelactie) -> str:
    """Bijlage A: the schoolleiding's proposal of a schorsing, in the sancties flow's own
    proposal page (which asks its own authority again)."""
    if (actie.actie_code != Verzuimdrempel.Actie.SCHORSING_MOGELIJK
            or actie.status != Actiestatus.OPEN
            or not toegang.mag(user, toegang.SCHORSING_VOORSTELLEN, actie.leerling)):
        return ""
    return reverse("sancties:schorsing_nieuw", args=[actie.leerling_id])


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
    # The leave requests are entries of the same section "verzuim": shown with it.
    verlof = list(Verlofaanvraag.objects.filter(leerling=ll, laatste_dag__gte=van)
                  .order_by("-eerste_dag", "-pk"))
    audit.inzage_vastleggen(user=request.user, leerling=ll,
                            onderdeel=_("verzuim: registraties"), object=ll)
    return render(request, "verzuim/leerling.html", {
        "leerling": ll, "te_laat": te_laat, "absenties": absenties, "acties": acties,
        "verlof": verlof,
        "mag_beoordelen": stappen.weigering(request.user, "beoordelen", ll) is None,
        "signaleren": _signaleerformulier(request.user, ll, vandaag)})


def _signaleerformulier(user, ll, vandaag, data=None):
    """Offered when the statuut has thresholds without a number and the user holds the
    step (the same check the service makes first)."""
    from . import drempels

    if stappen.weigering(user, "signaleren", ll) is not None:
        return None
    handmatig = drempels.handmatige_drempels(ll, vandaag)
    return forms.SignalerenForm(data, drempels=handmatig) if handmatig else None


@login_required
@require_POST
def signaleren(request, pk: int):
    from dossiers.models import Leerling

    ll = get_object_or_404(Leerling.objects.select_related("school"), pk=pk)
    if not (toegang.mag(request.user, toegang.OVERZICHT_ZIEN, ll)
            or toegang.mag(request.user, toegang.DREMPEL_SIGNALEREN, ll)):
        raise Http404
    try:
        form = _signaleerformulier(request.user, ll, timezone.localdate(), request.POST)
        if form is None:
            stappen.toetsen(stappen.weigering(request.user, "signaleren", ll))
            raise InvoerFout(_("Het statuut heeft hier geen drempel zonder aantal."))
        if not form.is_valid():
            raise InvoerFout(_("Kies een drempel en schrijf op waarom."))
        services.drempel_signaleren(door=request.user, leerling=ll, **form.cleaned_data)
    except InvoerFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Gesignaleerd; de actie staat open."))
    return redirect("verzuim:leerling", pk=ll.pk)


def _groepsrijen(overzicht) -> list:
    """(group, [(te laat, hours) per period])."""
    return [(g, [(g.te_laat.get(p.nummer, 0), g.uren.get(p.nummer, 0))
                 for p in overzicht.perioden]) for g in overzicht.groepen]


@login_required
def afdeling(request):
    """The teamleider's department overview: per group the counts per period, the
    thresholds crossed and the steps open (the groups of the pupils the rows give them)."""
    vandaag = timezone.localdate()
    if not toegang.scholen(request.user, toegang.OVERZICHT_ZIEN).exists():
        raise Http404
    overzicht = selectors.afdelingsoverzicht(request.user, op=vandaag)
    rijen = _groepsrijen(overzicht)
    # Counts per group name no pupil: no read-log row (dossiers.audit logs pupils shown).
    if request.GET.get("formaat") == "csv":
        kop = [_("groep"), _("leerlingen")]
        for p in overzicht.perioden:
            kop += [_("te laat periode %(n)d") % {"n": p.nummer},
                    _("uren absent periode %(n)d") % {"n": p.nummer}]
        kop += [_("drempels overschreden"), _("open acties"), _("inhalen open")]
        return _csv("verzuim-afdeling", kop, [
            [g.naam, g.leerlingen, *[x for paar in perioden for x in paar],
             g.overschreden, g.open, g.inhalen_open] for g, perioden in rijen])
    pagina = Paginator(rijen, PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(request, "verzuim/afdeling.html", {
        "overzicht": overzicht, "rijen": list(pagina.object_list), "pagina": pagina})


@login_required
def grafiek(request):
    """Te laat and verzuim per school week per group, as server-drawn SVG bars (no
    JavaScript), with the numbers as a table and as CSV."""
    vandaag = timezone.localdate()
    if not toegang.scholen(request.user, toegang.OVERZICHT_ZIEN).exists():
        raise Http404
    overzicht = selectors.afdelingsoverzicht(request.user, op=vandaag)
    # Counts per group and week name no pupil: no read-log row.
    if request.GET.get("formaat") == "csv":
        return _csv("verzuim-per-week", [_("groep"), _("week van"), _("te laat ongeoorloofd"),
                                         _("uren ongeoorloofd absent")], [
            (g.naam, f"{w:%d-%m-%Y}", g.week_te_laat.get(w, 0), g.week_uren.get(w, 0))
            for g in overzicht.groepen for w in overzicht.weken])
    pagina = Paginator(overzicht.groepen, 10).get_page(request.GET.get("pagina"))
    groepen = []
    for g in pagina.object_list:
        te_laat = selectors.staafdiagram(overzicht.weken, g.week_te_laat)
        uren = selectors.staafdiagram(overzicht.weken, g.week_uren)
        groepen.append((g, te_laat, uren, list(zip(te_laat["staven"], uren["staven"],
                                                   strict=True))))
    return render(request, "verzuim/grafiek.html", {
        "groepen": groepen, "pagina": pagina, "weken": overzicht.weken})


# --- Verlof (Leerplichtwet art. 14) ---------------------------------------------------------

@login_required
def verlof(request):
    """The leave requests the user records or decides, and the form to record one."""
    vandaag = timezone.localdate()
    if not any(toegang.scholen(request.user, a).exists() for a in toegang.VERLOFACTIES):
        raise Http404
    registreren = selectors.leerlingen_overzicht(request.user, op=vandaag,
                                                 actie=toegang.VERLOF_REGISTREREN)
    form = forms.VerlofForm(request.POST or None, leerlingen=registreren)
    status = 200
    if request.method == "POST":
        try:
            if not form.is_valid():
                raise InvoerFout(_("Vul alle velden in."))
            aanvraag = services.verlof_registreren(door=request.user, **form.cleaned_data)
        except InvoerFout as exc:
            form.add_error(None, str(exc))
            status = 400
        else:
            messages.success(request, _("De verlofaanvraag is vastgelegd."))
            return redirect("verzuim:verlofaanvraag", pk=aanvraag.pk)
    qs = (Verlofaanvraag.objects.filter(toegang.verlof_zichtbaar(request.user, op=vandaag))
          .select_related("leerling").order_by("-ontvangen_op", "-pk"))
    pagina = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    aanvragen = list(pagina.object_list)
    audit.inzagen_vastleggen(user=request.user, leerlingen=[a.leerling for a in aanvragen],
                             lijst="verlof", onderdeel=_("verzuim: verlof"),
                             soorten=["verzuim"])
    return render(request, "verzuim/verlof.html", {
        "form": form if registreren.exists() else None, "aanvragen": aanvragen,
        "pagina": pagina}, status=status)


def _aanvraag(user, pk: int) -> Verlofaanvraag:
    return get_object_or_404(Verlofaanvraag.objects.filter(toegang.verlof_zichtbaar(user))
                             .select_related("leerling__school"), pk=pk)


@login_required
def verlofaanvraag(request, pk: int):
    aanvraag = _aanvraag(request.user, pk)
    aangeboden, wachtend = stappen.aanbod(stappen.VERLOFSTAPPEN, lambda stap: stappen.weigering(
        request.user, stap, aanvraag.leerling, obj=aanvraag))
    audit.inzage_vastleggen(user=request.user, leerling=aanvraag.leerling,
                            onderdeel=_("verzuim: verlof"), object=aanvraag)
    return render(request, "verzuim/verlofaanvraag.html", {
        "aanvraag": aanvraag, "aangeboden": aangeboden, "wachtend": wachtend,
        "form": forms.VerlofStapForm()})


@login_required
@require_POST
def verlofstap(request, pk: int, stap: str):
    aanvraag = _aanvraag(request.user, pk)
    if stap not in stappen.VERLOFSTAPPEN:
        raise Http404
    form = forms.VerlofStapForm(request.POST)
    try:
        if not form.is_valid():
            raise InvoerFout(_("Schrijf de motivering op."))
        services.verlof_stap(door=request.user, aanvraag=aanvraag, stap=stap,
                             motivering=form.cleaned_data["motivering"])
    except InvoerFout as exc:
        messages.error(request, str(exc))
        return redirect("verzuim:verlofaanvraag", pk=aanvraag.pk)
    messages.success(request, _("Vastgelegd."))
    return redirect("verzuim:verlofaanvraag", pk=aanvraag.pk)
