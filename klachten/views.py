"""The klachten pages. Views only read through the selectors and act through the services;
whoever has no business with a complaint gets 404."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dossiers import audit, toegang
from dossiers.keuzes import met_rollen
from dossiers.models import Inzagesoort, Medewerker, Ouder
from dossiers.stappen import geweigerd
from statuut.hulp import schooljaar_naam, vandaag
from statuut.models import Beroepsregel, Klachtfase, School, Schooljaar
from statuut.selectors import statuut_op
from statuut.services import InvoerFout

from . import forms, jaarverslag, samenstelling, selectors, services, stappen
from . import toegang as klachten_toegang
from .models import Commissielid


def _fouten(form) -> str:
    return " ".join(str(e) for fouten in form.errors.values() for e in fouten)


def _klacht(request, pk):
    klacht = selectors.klacht_detail(request.user, pk)
    if klacht is None:
        raise Http404
    return klacht


# --- overview ------------------------------------------------------------------------------


@login_required
def overzicht(request):
    user, op = request.user, timezone.localdate()
    zoekterm = (request.GET.get("q") or "").strip()
    # What the user may in the complaint procedures, read once for the whole page.
    rechten = klachten_toegang.klachtrechten(user, op)
    scholen = []
    for school in selectors.overzicht_scholen(user, op=op, rechten=rechten):
        scholen.append({"school": school, "klachten": selectors.open_klachten(
            user, school=school, op=op, rechten=rechten)})
    mijn = selectors.zichtbare_klachten(user, op=op, rechten=rechten)
    if zoekterm:
        # By subject, or by reference ("K-12" or "12").
        nummer = zoekterm.upper().removeprefix("K-")
        mijn = mijn.filter(Q(onderwerp__icontains=zoekterm)
                           | Q(pk=int(nummer) if nummer.isascii() and nummer.isdigit()
                              and len(nummer) < 10 else None))
    context = {
        "scholen": scholen, "zoekterm": zoekterm, "vandaag": op,
        "mijn": list(mijn[:50]),
        "beroepen": list(selectors.zichtbare_beroepen(user, op=op, rechten=rechten)[:50]),
        "mag_indienen": bool(rechten.school_ids(klachten_toegang.KLACHT_INDIENEN)),
        "mag_beroep": bool(rechten.school_ids(klachten_toegang.BEROEP_INSTELLEN)),
        # Every staff member finds the commission and its public advices (bijlage B 6, 15).
        "commissiescholen": [s for s in toegang.scholen_van(user) if s.pk in rechten.school_ids(
            klachten_toegang.ADVIEZEN_LEZEN)],
    }
    if not klachten_toegang.heeft_klachtenmenu(user):
        raise Http404
    _overzicht_vastleggen(user, context, zoekterm)
    return render(request, "klachten/overzicht.html", context)


def _overzicht_vastleggen(user, context: dict, zoekterm: str) -> None:
    """One read-log row for the overview: the pupils whose complaints, beroep or bezwaar it
    lists (a confidential report marks the row as such)."""
    klachten = [*context["mijn"], *(k for s in context["scholen"] for k in s["klachten"])]
    soorten = {Inzagesoort.KLACHT}
    if any(k.route == Klachtfase.Route.VERTROUWELIJK for k in klachten):
        soorten.add(Inzagesoort.VERTROUWELIJK)
    audit.inzagen_vastleggen(
        user=user, leerlingen=[*(k.leerling for k in klachten),
                               *(b.leerling for b in context["beroepen"])],
        lijst=_("klachtenoverzicht"), onderdeel=_("klachten, beroep en bezwaar"),
        filter=_("zoekterm '%(z)s'") % {"z": zoekterm} if zoekterm else "", soorten=soorten)


# --- filing --------------------------------------------------------------------------------


def _indienkeuzes(user):
    scholen = klachten_toegang.klacht_indienscholen(user)
    leerlingen = toegang.leerlingen_voor(user).filter(school__in=scholen).select_related(
        "school")
    medewerkers = Medewerker.objects.filter(rollen__school__in=scholen).distinct()
    # Parents are category B (art. 9.1): only of pupils whose B the user may see.
    ouders = Ouder.objects.filter(
        leerlingen__in=toegang.leerlingen_voor(user, categorie="B").filter(school__in=scholen)
    ).distinct()
    return leerlingen, medewerkers, ouders


@login_required
def indienen(request):
    user = request.user
    if not klachten_toegang.klacht_indienscholen(user).exists():
        raise Http404
    leerlingen, medewerkers, ouders = _indienkeuzes(user)
    keuzes = {"leerlingen": leerlingen, "medewerkers": medewerkers, "ouders": ouders,
              "scholen": klachten_toegang.klacht_indienscholen(user)}
    if request.method == "POST":
        form = forms.KlachtForm(request.POST, **keuzes)
        if form.is_valid():
            d = form.cleaned_data
            try:
                klacht = services.klacht_indienen(
                    door=user, leerling=d["leerling"], klager_soort=d["klager_soort"],
                    onderwerp_soort=d["onderwerp_soort"], onderwerp=d["onderwerp"],
                    omschrijving=d["omschrijving"], op=d["ingediend_op"],
                    beklaagde=d["beklaagde"], mede_klagers=list(d["mede_klagers"]),
                    ouder=d["ouder"], seksuele_intimidatie=d["seksuele_intimidatie"],
                    eerste_fase_gehad=d["eerste_fase_gehad"])
            except InvoerFout as fout:
                form.add_error(None, str(fout))
            else:
                if klachten_toegang.klacht_inzage(user, klacht) is None:
                    messages.success(request, _(
                        "De melding is rechtstreeks en vertrouwelijk naar de vertrouwenspersoon "
                        "gegaan. U ziet haar niet meer; de vertrouwenspersoon neemt contact op "
                        "met de klager."))
                    return redirect("klachten:overzicht")
                messages.success(request, _("Klacht %(k)s is ingediend.") % {"k": klacht.kenmerk})
                return redirect("klachten:klacht", pk=klacht.pk)
    else:
        form = forms.KlachtForm(initial={"ingediend_op": timezone.localdate(),
                                         "leerling": request.GET.get("leerling")}, **keuzes)
    # The form offers the pupils by name and their parents (category B): one list read.
    audit.inzagen_vastleggen(user=user, leerlingen=leerlingen.only("leerlingnummer", "school"),
                             lijst=_("klacht indienen"), onderdeel=_("namen en ouders"),
                             soorten=())
    return render(request, "klachten/indienen.html", {"form": form},
                  status=400 if form.errors else 200)


# --- the complaint page --------------------------------------------------------------------


@login_required
def klacht_pagina(request, pk):
    user = request.user
    klacht = _klacht(request, pk)
    inzage = klachten_toegang.inzage_van_zichtbare(user, klacht)
    context = {"klacht": klacht, "inzage": inzage, "vandaag": timezone.localdate(),
               "aan_zet": selectors.aan_zet(klacht)}
    # A confidential report is logged too, marked so: the read log shows its part name only
    # to the vertrouwenspersoon's role, to the directie it is a neutral "leerlinggegevens".
    vertrouwelijk = klacht.route == Klachtfase.Route.VERTROUWELIJK
    audit.inzage_vastleggen(
        user=user, leerling=klacht.leerling,
        onderdeel="vertrouwelijke melding" if vertrouwelijk else "klacht", object=klacht,
        soorten=(Inzagesoort.KLACHT, Inzagesoort.VERTROUWELIJK) if vertrouwelijk
        else (Inzagesoort.KLACHT,))
    # The page offers exactly the steps the services accept for this user now (issue 13).
    aanbod = stappen.klachtaanbod(user, klacht, inzage=inzage)
    open_ = aanbod["stappen"]
    if inzage == klachten_toegang.BEKLAAGDE:
        context["klager_zichtbaar"] = toegang.mag_zien(user, klacht.leerling, "A")
        context["verweer_form"] = forms.VerweerForm() if "verweer" in open_ else None
        return render(request, "klachten/klacht_beklaagde.html", context)
    stappen_ = list(klacht.stappen.all())
    zaak = getattr(klacht, "zaak", None) if hasattr(klacht, "zaak") else None
    context.update({"stappen": stappen_, "zaak": zaak, "wachtend": aanbod["wachtend"],
                    "fasen": selectors.fasen(klacht.statuut, klacht.route)})
    if zaak is not None:
        context["zetels"] = selectors.zetels(zaak)
    formulieren = {"zitting": ("zitting_form", forms.ZittingForm),
                   "advies": ("advies_form", forms.AdviesForm),
                   "uitspraak": ("uitspraak_form", forms.UitspraakForm),
                   "afronden": ("afronden_form", forms.AfrondenForm),
                   "intrekken": ("intrekken_form", forms.IntrekkenForm),
                   "afsluiten": ("afsluiten_form", forms.AfsluitenForm)}
    for stap, (naam, formulier) in formulieren.items():
        if stap in open_:
            context[naam] = formulier()
    context["verschonen_form"] = "verschonen" in open_
    context["volgende"] = aanbod["volgende"]
    if "afronden" in open_:
        context["gesprek_met_beklaagde"] = selectors.is_gesprek_met_beklaagde(klacht,
                                                                             klacht.fase)
    if "delen" in open_:
        context["collega_s"] = met_rollen(
            klachten_toegang.klacht_deelbaar_met(klacht).exclude(pk=user.pk), klacht.school)
        context["delingen"] = selectors.delingen(klacht)
    return render(request, "klachten/klacht.html", context)


def _actie(request, pk, stap: str, formulier, uitvoeren, gelukt: str):
    """A POST on the complaint page: the step table first (a step this user cannot take now
    goes back to the page with the reason, the form unread), then the form's shape, then
    the service (which asks the same check under its lock, and what depends on the data,
    such as the stage to continue to); a refusal is shown as a message and changes nothing."""
    # The complaint without the page's timeline: a step reads only the complaint itself.
    klacht = selectors.klacht_voor_stap(request.user, pk)
    if klacht is None:
        raise Http404
    if (weigering := stappen.weigering(
            request.user, klacht, stap,
            inzage=klachten_toegang.inzage_van_zichtbare(request.user, klacht))) is not None:
        return geweigerd(request, weigering, reverse("klachten:klacht", args=[pk]))
    form = formulier(request.POST)
    if not form.is_valid():
        messages.error(request, _fouten(form))
    else:
        try:
            uitvoeren(klacht, form.cleaned_data)
        except InvoerFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, gelukt)
            # A step done may end the user's sight of it (sharing withdrawn, say): then the
            # overview. A refusal wrote nothing, so the complaint is still in sight.
            if not selectors.zichtbare_klacht(request.user, pk).exists():
                return redirect("klachten:overzicht")
    return redirect("klachten:klacht", pk=pk)


@login_required
@require_POST
def afronden(request, pk):
    return _actie(request, pk, "afronden", forms.AfrondenForm, lambda k, d: services.fase_afronden(
        door=request.user, klacht=k, wat_gebeurde=d["wat_gebeurde"],
        reactie_klager=d["reactie_klager"], op=vandaag()),
        _("De uitkomst van de fase is vastgelegd. De klager kiest nu: afsluiten of verder."))


@login_required
@require_POST
def doorzetten(request, pk):
    def uitvoeren(klacht, d):
        naar = klacht.statuut.klachtfasen.filter(code=d["naar"]).first()
        if naar is None:
            raise InvoerFout(_("Het leerlingenstatuut kent geen fase '%(c)s'.") % {"c": d["naar"]})
        services.doorzetten(door=request.user, klacht=klacht, naar=naar, op=vandaag(),
                            klager_wil_verder=d["klager_wil_verder"])
    return _actie(request, pk, "doorzetten", forms.DoorzettenForm, uitvoeren,
                  _("De klacht is naar de volgende fase gegaan."))


@login_required
@require_POST
def afsluiten(request, pk):
    return _actie(request, pk, "afsluiten", forms.AfsluitenForm, lambda k, d:
                  services.klacht_afsluiten(door=request.user, klacht=k,
                                            reactie_klager=d["reactie_klager"], op=vandaag()),
                  _("De klacht is afgehandeld."))


@login_required
@require_POST
def intrekken(request, pk):
    return _actie(request, pk, "intrekken", forms.IntrekkenForm, lambda k, d:
                  services.klacht_intrekken(door=request.user, klacht=k, reden=d["reden"],
                                            op=vandaag()),
                  _("De klacht is ingetrokken; lopende termijnen vervallen."))


@login_required
@require_POST
def verweer(request, pk):
    return _actie(request, pk, "verweer", forms.VerweerForm, lambda k, d: services.verweer_voeren(
        door=request.user, klacht=k, tekst=d["tekst"], op=vandaag()),
        _("Uw verweer is vastgelegd."))


@login_required
@require_POST
def verschonen(request, pk):
    def uitvoeren(klacht, d):
        lid = Commissielid.objects.filter(pk=d["lid"]).first()
        if lid is None:
            raise InvoerFout(_("Dit lid bestaat niet."))
        services.verschonen(door=request.user, klacht=klacht, lid=lid, wijze=d["wijze"],
                            reden=d["reden"])
    return _actie(request, pk, "verschonen", forms.VerschonenForm, uitvoeren,
                  _("Het lid heeft zich verschoond; de plaatsvervanger neemt de zetel in."))


@login_required
@require_POST
def zitting(request, pk):
    return _actie(request, pk, "zitting", forms.ZittingForm, lambda k, d:
                  services.zitting_vastleggen(door=request.user, klacht=k, **d),
                  _("De zitting is vastgelegd."))


@login_required
@require_POST
def advies(request, pk):
    return _actie(request, pk, "advies", forms.AdviesForm, lambda k, d: services.advies_uitbrengen(
        door=request.user, klacht=k, advies=d["advies"], aanbevelingen=d["aanbevelingen"],
        openbaar=not d["niet_openbaar"], op=vandaag()),
        _("Het advies is uitgebracht; de schoolleiding doet uitspraak."))


@login_required
@require_POST
def uitspraak(request, pk):
    return _actie(request, pk, "uitspraak", forms.UitspraakForm, lambda k, d:
                  services.uitspraak_doen(door=request.user, klacht=k, uitspraak=d["uitspraak"],
                                          wettelijke_toets=d["wettelijke_toets"],
                                          op=vandaag()),
                  _("De uitspraak is gedaan."))


@login_required
@require_POST
def delen(request, pk):
    return _actie(request, pk, "delen", forms.DelenForm, lambda k, d: services.klacht_delen(
        door=request.user, klacht=k, met=get_object_or_404(get_user_model(), pk=d["met"])),
        _("De melding is gedeeld."))


@login_required
@require_POST
def delen_intrekken(request, pk):
    def uitvoeren(klacht, d):
        met = get_user_model().objects.filter(pk=d["met"]).first()
        if met is None:
            raise InvoerFout(_("Deze collega bestaat niet."))
        services.delen_intrekken(door=request.user, klacht=klacht, met=met, reden=d["reden"])
    return _actie(request, pk, "delen_intrekken", forms.DelenIntrekkenForm, uitvoeren,
                  _("Het delen is ingetrokken; de collega ziet de melding niet meer."))


# --- beroep and bezwaar --------------------------------------------------------------------


def _regels(user, op):
    """The beroep and bezwaar possibilities of the statuten in force at the user's schools,
    and per school what the statuut says about bezwaar against a schorsing."""
    regels, schorsing = [], []
    for school in klachten_toegang.beroep_indienscholen(user):
        statuut = statuut_op(school, op)
        if statuut is None:
            continue
        for r in statuut.beroepsregels.all().order_by("code"):
            if r.tegen == "toelating":
                continue  # toelating is not this flow (Noordgouw art. 18)
            regels.append((str(r.pk), f"{school.korte_naam}: {r.get_soort_display()} "
                                      f"{_('tegen')} {r.tegen} {_('bij')} "
                                      f"{selectors.beroep_bij_naam(r)} "
                                      f"({_('art.')} {r.artikel})"))
        schorsing.append({"school": school, "statuut": statuut})
    return regels, schorsing


@login_required
def beroep_instellen(request):
    user, op = request.user, timezone.localdate()
    scholen = klachten_toegang.beroep_indienscholen(user)
    if not scholen.exists():
        raise Http404
    regels, schorsing = _regels(user, op)
    leerlingen = toegang.leerlingen_voor(user).filter(school__in=scholen)
    gekozen = leerlingen.filter(pk=_getal(request.POST.get("leerling")
                                          or request.GET.get("leerling"))).first()
    kw = {"leerlingen": leerlingen, "regels": regels,
          "maatregelen": selectors.maatregelen_van(user, gekozen) if gekozen else (),
          "objecten": selectors.maatregelobjecten(user, gekozen) if gekozen else ()}
    if request.method == "POST":
        form = forms.BeroepForm(request.POST, **kw)
        if form.is_valid():
            d = form.cleaned_data
            regel = Beroepsregel.objects.get(pk=d["regel"])
            stuk = None
            if d["maatregel_stuk"]:
                stuk = toegang.dossierstukken_voor(user, d["leerling"]).filter(
                    pk=d["maatregel_stuk"]).first()
            maatregel = (selectors.maatregel_uit_sleutel(d["maatregel"]) if d["maatregel"]
                         else None)
            if not form.errors:
                try:
                    beroep = services.beroep_instellen(
                        door=user, leerling=d["leerling"], regel=regel,
                        toelichting=d["toelichting"], op=d["ingediend_op"], maatregel=maatregel,
                        maatregel_stuk=stuk)
                except InvoerFout as fout:
                    form.add_error(None, str(fout))
                else:
                    messages.success(request, _("%(s)s %(k)s is ingesteld.") % {
                        "s": regel.get_soort_display().capitalize(), "k": beroep.kenmerk})
                    return redirect("klachten:beroep", pk=beroep.pk)
    else:
        form = forms.BeroepForm(initial={"ingediend_op": op,
                                         "leerling": request.GET.get("leerling"),
                                         "maatregel_stuk": request.GET.get("stuk"),
                                         "maatregel": request.GET.get("maatregel")}, **kw)
    # The form offers the pupils by name and, for the chosen one, their measures (gedrag).
    audit.inzagen_vastleggen(
        user=user, leerlingen=leerlingen.only("leerlingnummer", "school"),
        lijst=_("beroep of bezwaar instellen"),
        onderdeel=(_("namen; maatregelen van leerling %(n)s") % {"n": gekozen.leerlingnummer}
                   if gekozen is not None and (kw["maatregelen"] or kw["objecten"])
                   else _("namen")),
        soorten=(Inzagesoort.DOSSIER,) if gekozen is not None and (
            kw["maatregelen"] or kw["objecten"]) else ())
    return render(request, "klachten/beroep_instellen.html",
                  {"form": form, "schorsing": schorsing, "gekozen": gekozen,
                   "leerlingen": leerlingen}, status=400 if form.errors else 200)


def _getal(waarde) -> int | None:
    waarde = str(waarde or "")
    return int(waarde) if waarde.isascii() and waarde.isdigit() and len(waarde) < 10 else None


@login_required
def beroep_pagina(request, pk):
    user = request.user
    beroep = selectors.zichtbare_beroepen(user).filter(pk=pk).first()
    if beroep is None:
        raise Http404
    # The page offers deciding exactly when the service accepts it (issue 13).
    mag = stappen.beroep_weigering(user, beroep) is None
    if request.method == "POST":
        form = forms.BeslissenForm(request.POST)
        if not form.is_valid():
            messages.error(request, _fouten(form))
        else:
            try:
                services.beroep_beslissen(door=user, beroep=beroep, op=timezone.localdate(),
                                          **form.cleaned_data)
            except InvoerFout as fout:
                messages.error(request, str(fout))
            else:
                messages.success(request, _("De beslissing is vastgelegd."))
        return redirect("klachten:beroep", pk=pk)
    uitkomsten = services.UITKOMSTEN[beroep.regel.soort]
    audit.inzage_vastleggen(user=user, leerling=beroep.leerling,
                            onderdeel=str(beroep.regel.get_soort_display()), object=beroep)
    return render(request, "klachten/beroep.html", {
        "beroep": beroep, "mag_beslissen": mag, "maatregel": (
            selectors.omschrijving(beroep.maatregel) if beroep.maatregel_id else ""),
        "uitkomsten": [(u, u.label) for u in uitkomsten], "vandaag": timezone.localdate()})


# --- the geschillencommissie ---------------------------------------------------------------


@login_required
def commissie(request, school_pk):
    """The composition of this school year's commission, published for the school's staff
    (bijlage B lid 6); `?afdrukken=1` gives the printable list."""
    school = get_object_or_404(School, pk=school_pk)
    if not toegang.rollen_van(request.user, school):
        raise Http404
    jaar = request.GET.get("jaar") or schooljaar_naam(vandaag())
    comm = selectors.commissie_in(school, jaar)
    leden = (list(comm.leden.filter(plaatsvervanger_van__isnull=True)
                  .select_related("plaatsvervanger")) if comm else [])
    context = {"school": school, "commissie": comm, "leden": leden, "jaar": jaar,
               "fouten": services.samenstelling_fouten(comm),
               "mag_samenstellen": klachten_toegang.mag_commissie_samenstellen(request.user,
                                                                               school)
               and samenstelling.kent_geschillencommissie(school, timezone.localdate())}
    if request.GET.get("afdrukken") == "1" and comm is not None:
        # A bare page for printing or the first newsletter of the year (bijlage B lid 6).
        return render(request, "klachten/commissie_afdruk.html", context)
    return render(request, "klachten/commissie.html", context)


@login_required
def commissie_samenstellen(request, school_pk):
    """The schoolleiding records or corrects this school year's commission (bijlage B leden
    5-8); nothing is saved while the composition is incomplete or wrong."""
    school = get_object_or_404(School, pk=school_pk)
    if not klachten_toegang.mag_commissie_samenstellen(request.user, school):
        raise Http404
    if not samenstelling.kent_geschillencommissie(school, timezone.localdate()):
        messages.error(request, samenstelling.geen_commissie_melding(school))
        return redirect("klachten:commissie", school_pk=school.pk)
    # This school year's commission, or the next one's prepared before the year starts.
    jaren = samenstelling.samenstelbare_jaren(timezone.localdate())
    naam = request.GET.get("jaar") or jaren[0]
    if naam not in jaren:
        messages.error(request, _("De geschillencommissie wordt vastgelegd voor dit schooljaar "
                                  "(%(h)s) of het volgende (%(v)s), niet voor '%(j)s'.")
                       % {"h": jaren[0], "v": jaren[1], "j": naam})
        return redirect("klachten:commissie_samenstellen", school_pk=school.pk)
    comm = selectors.commissie_in(school, naam)
    zetels = [(s, samenstelling.zetel_naam(s), g) for s, g in samenstelling.ZETELS]
    keuzes = {"zetels": zetels, "school": school,
              "medewerkers": Medewerker.objects.filter(rollen__school=school).distinct(),
              "secretarissen": klachten_toegang.secretarissen(school),
              # Pupil and parent members by name and number only; parents are category B.
              "leerlingen": toegang.leerlingen_voor(request.user).filter(school=school),
              "ouders": Ouder.objects.filter(leerlingen__in=toegang.leerlingen_voor(
                  request.user, categorie="B").filter(school=school)).distinct()}
    if request.method == "POST":
        form = forms.CommissieForm(request.POST, **keuzes)
        if form.is_valid():
            d = form.cleaned_data
            invoer = [samenstelling.Zetelinvoer(
                s, d[f"{s}-naam"], d[f"{s}-plv"], d[f"{s}-benoemd"], d.get(f"{s}-medewerker"),
                d.get(f"{s}-plvmedewerker"), d.get(f"{s}-leerling"), d.get(f"{s}-plvleerling"),
                d.get(f"{s}-ouder"), d.get(f"{s}-plvouder"))
                for s, _naam, _g in zetels]
            try:
                comm = samenstelling.commissie_samenstellen(
                    door=request.user, school=school, schooljaar=naam, zetels=invoer,
                    voorzitter=d["voorzitter"], secretaris=d["secretaris"])
            except samenstelling.SamenstellingFout as fout:
                for melding in fout.fouten:
                    form.add_error(None, melding)
            except InvoerFout as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, _("De geschillencommissie %(j)s is vastgelegd.")
                                 % {"j": naam})
                return redirect(reverse("klachten:commissie", args=[school.pk])
                                + f"?jaar={naam}")
    else:
        huidig, voorzitter = samenstelling.huidige_invoer(comm)
        initial = {"voorzitter": voorzitter,
                   "secretaris": comm.secretaris_id if comm else None}
        for s, z in huidig.items():
            initial.update({f"{s}-naam": z.naam, f"{s}-plv": z.plaatsvervanger,
                            f"{s}-benoemd": z.benoemd_door})
            for veld in ("medewerker", "plv_medewerker", "leerling", "plv_leerling", "ouder",
                         "plv_ouder"):
                if (waarde := getattr(z, veld)) is not None:
                    initial[f"{s}-{veld.replace('_', '')}"] = waarde.pk
        form = forms.CommissieForm(initial=initial, **keuzes)
    return render(request, "klachten/commissie_samenstellen.html",
                  {"form": form, "school": school, "schooljaar": naam,
                   "andere_jaren": [j for j in jaren if j != naam]},
                  status=400 if form.errors else 200)


@login_required
def adviezen(request, school_pk):
    """The commission's public advices of a school year, for the school's staff, without
    names (bijlage B lid 15)."""
    school = get_object_or_404(School, pk=school_pk)
    naam = request.GET.get("jaar") or schooljaar_naam(vandaag())
    schooljaar = Schooljaar.objects.filter(naam=naam).first()
    if schooljaar is None:
        raise Http404
    # None: the user may not read them (`klachten.toegang.mag_adviezen_zien`).
    adviezen = selectors.openbare_adviezen(request.user, school=school, schooljaar=schooljaar)
    if adviezen is None:
        raise Http404
    return render(request, "klachten/adviezen.html", {
        "school": school, "schooljaar": schooljaar, "adviezen": adviezen})


# --- yearly report -------------------------------------------------------------------------


@login_required
def verslag(request, school_pk):
    user = request.user
    school = get_object_or_404(selectors.overzicht_scholen(user), pk=school_pk)
    jaar = request.GET.get("jaar") or schooljaar_naam(vandaag())
    try:
        cijfers = jaarverslag.cijfers(user, school=school, schooljaar=jaar)
    except InvoerFout as fout:
        messages.error(request, str(fout))
        return redirect("klachten:overzicht")
    if request.GET.get("formaat") == "csv":
        antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
        antwoord["Content-Disposition"] = (
            f'attachment; filename="klachten-{school.korte_naam}-{cijfers.schooljaar}.csv"')
        schrijver = csv.writer(antwoord, delimiter=";")
        for rij in jaarverslag.csv_rijen(cijfers):
            schrijver.writerow(rij)
        return antwoord
    return render(request, "klachten/verslag.html", {"school": school, "cijfers": cijfers,
                                                     "csv_url": reverse("klachten:verslag",
                                                                        args=[school.pk])})

