"""The care pages: logging a signal, the case page with its timeline and the forms of the
next allowed steps only, and the zorgcoördinator's work list. Views only call services.

Access: a case the user has no relation to does not exist for them (404). A teacher who
signalled sees a short page: received, being handled or handled. A refused step changes
nothing: one the step table refuses (wrong state, wrong role) goes back to the case page
with its Dutch reason; bad input shows the page again with the message (400).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dossiers import audit, toegang
from dossiers.models import Inzagesoort
from dossiers.stappen import geweigerd
from dossiers.views_dossier import zichtbare_leerling
from statuut.services import InvoerFout

from . import forms, selectors, services, stappen
from . import toegang as zorg_toegang
from .models import Evaluatie, Probleemanalyse, Trajectsoort, Zorgdossier
from .panelen import melderstatus, startinhoud


def _zorgdossier(user, pk: int) -> tuple[Zorgdossier, zorg_toegang.Zorginzage]:
    zd = get_object_or_404(Zorgdossier.objects.select_related("leerling__school", "school",
                                                              "remedial_teacher__medewerker"),
                           pk=pk)
    inzage = selectors.inzage(user, zd)
    # A teacher of the pupil who did not signal may signal, but sees no case at all.
    if inzage.niveau == zorg_toegang.ZORG_GEEN:
        raise Http404
    return zd, inzage


#: The form of each step the case page offers (`zorg.stappen` decides which).
FORMULIEREN = {
    "gesprek": lambda zd, inzage, user: forms.GesprekForm(),
    "consultatie": lambda zd, inzage, user: forms.ConsultatieForm(zorgdossier=zd),
    "oudercontact": lambda zd, inzage, user: forms.OudercontactForm(),
    "doorverwijzen": lambda zd, inzage, user: forms.DoorverwijzenForm(zorgdossier=zd),
    "analyse": lambda zd, inzage, user: forms.AnalyseForm(),
    "traject": lambda zd, inzage, user: forms.TrajectForm(
        meldcode=inzage.ziet(zorg_toegang.ZORG_MELDCODE)),
    "plan": lambda zd, inzage, user: True,
    "terugkoppeling": lambda zd, inzage, user: forms.TerugkoppelingForm(),
    "delen": lambda zd, inzage, user: forms.DelenForm(),
    "afsluiten": lambda zd, inzage, user: forms.AfsluitenForm(),
    "toegang": lambda zd, inzage, user: forms.ToegangForm(zorgdossier=zd, door=user),
}


def _aangeboden(zd: Zorgdossier, inzage: zorg_toegang.Zorginzage, user
                ) -> tuple[dict, list[str]]:
    """The forms of the steps this user may take now (the step table, `zorg.stappen`),
    unbound, and why the steps of this phase that wait cannot be taken yet."""
    open_, wachtend = stappen.stappen_van(user, zd, inzage=inzage)
    return {naam: FORMULIEREN[naam](zd, inzage, user) for naam in open_}, wachtend


def _pagina(request, zd: Zorgdossier, inzage: zorg_toegang.Zorginzage, *, gebonden=None,
            status: int = 200):
    if inzage.niveau < zorg_toegang.ZORG_GEDEELD:
        signalen = [s for s in zd.signalen.all() if s.gemeld_door_id == request.user.pk]
        audit.inzage_vastleggen(user=request.user, leerling=zd.leerling,
                                onderdeel=_("zorg: stand van het eigen signaal"), object=zd)
        return render(request, "zorg/melder.html", {
            "zorgdossier": zd, "leerling": zd.leerling, "signalen": signalen,
            "status": melderstatus(zd)}, status=status)
    formulieren, wachtend = _aangeboden(zd, inzage, request.user)
    if gebonden:
        formulieren.update(gebonden)
    evaluaties = []
    if stappen.weigering(request.user, zd, "evaluatie", inzage=inzage) is None:
        for e in selectors.open_evaluaties(zd).select_related("traject", "termijn"):
            if stappen.weigering(request.user, zd, "evaluatie", inzage=inzage,
                                 evaluatie=e) is None:
                evaluaties.append((e, forms.EvaluatieForm(prefix=f"e{e.pk}")))
    analyse = (Probleemanalyse.objects.filter(zorgdossier=zd).first()
               if inzage.ziet(zorg_toegang.ZORG_VOLLEDIG) else None)
    audit.inzage_vastleggen(user=request.user, leerling=zd.leerling,
                            onderdeel=f"zorgdossier (niveau {inzage.niveau})", object=zd)
    return render(request, "zorg/dossier.html", {
        "zorgdossier": zd, "leerling": zd.leerling, "inzage": inzage,
        "volledig": inzage.ziet(zorg_toegang.ZORG_VOLLEDIG),
        "meldcode": inzage.ziet(zorg_toegang.ZORG_MELDCODE),
        "stappen": selectors.zichtbare_stappen(zd, inzage),
        "signalen": zd.signalen.select_related("gemeld_door__medewerker").order_by("datum"),
        "trajecten": selectors.zichtbare_trajecten(zd, inzage),
        "analyse": analyse, "formulieren": formulieren, "evaluaties": evaluaties,
        "wachtend": wachtend,
        "termijnen": selectors.lopende_termijnen(zd),
    }, status=status)


@login_required
def zorgdossier_pagina(request, pk):
    zd, inzage = _zorgdossier(request.user, pk)
    return _pagina(request, zd, inzage)


def _actie(request, pk, sleutel: str, form_cls, uitvoeren, gelukt: str, *, gelezen=None,
           **form_kwargs):
    """Ask the step table first: a step this user cannot take now goes back to the case page
    with the Dutch reason (Post/Redirect/Get, nothing read from the form). Then parse the
    form and call the service (which asks the same check again, under its lock); a form
    error or a refusal that depends on what was typed shows the page again with it (400),
    nothing changed. `gelezen`: (case, inzage) when the view read them already."""
    zd, inzage = gelezen or _zorgdossier(request.user, pk)
    if (weigering := stappen.weigering(request.user, zd, sleutel, inzage=inzage)) is not None:
        return geweigerd(request, weigering, reverse("zorg:dossier", args=[pk]))
    form = form_cls(request.POST, zorgdossier=zd, **form_kwargs) if form_cls else None
    if form is not None and not form.is_valid():
        messages.error(request, _("Het formulier is niet goed ingevuld; zie de meldingen bij "
                                  "de velden."))
        return _pagina(request, zd, inzage, gebonden={sleutel: form}, status=400)
    try:
        uitvoeren(zd, form.cleaned_data if form is not None else {})
    except InvoerFout as fout:
        messages.error(request, str(fout))
        zd, inzage = _zorgdossier(request.user, pk)
        return _pagina(request, zd, inzage,
                       gebonden={sleutel: form} if form is not None else None, status=400)
    messages.success(request, gelukt)
    return redirect("zorg:dossier", pk=pk)


def _met(form_cls):
    """A form class that accepts (and ignores) the `zorgdossier` keyword."""
    if "zorgdossier" in form_cls.__init__.__code__.co_varnames:
        return form_cls

    class Met(form_cls):
        def __init__(self, *args, zorgdossier=None, **kwargs):
            super().__init__(*args, **kwargs)
    return Met


@login_required
@require_POST
def gesprek(request, pk):
    return _actie(request, pk, "gesprek", _met(forms.GesprekForm), lambda zd, d:
                  services.gesprek_vastleggen(door=request.user, zorgdossier=zd, **d),
                  _("Het gesprek is vastgelegd."))


@login_required
@require_POST
def consultatie(request, pk):
    return _actie(request, pk, "consultatie", forms.ConsultatieForm, lambda zd, d:
                  services.consultatie_vastleggen(door=request.user, zorgdossier=zd, **d),
                  _("De consultatie is vastgelegd."))


@login_required
@require_POST
def oudercontact(request, pk):
    return _actie(request, pk, "oudercontact", _met(forms.OudercontactForm), lambda zd, d:
                  services.oudercontact_vastleggen(door=request.user, zorgdossier=zd, **d),
                  _("Het contact met de ouders is vastgelegd."))


@login_required
@require_POST
def doorverwijzen(request, pk):
    return _actie(request, pk, "doorverwijzen", forms.DoorverwijzenForm, lambda zd, d:
                  services.doorverwijzen(door=request.user, zorgdossier=zd, **d),
                  _("De leerling is aangemeld."))


@login_required
@require_POST
def analyse(request, pk):
    return _actie(request, pk, "analyse", _met(forms.AnalyseForm), lambda zd, d:
                  services.probleemanalyse_vastleggen(door=request.user, zorgdossier=zd, **d),
                  _("De probleemanalyse is vastgelegd."))


def _traject(request, zd, d):
    meldcode = {k: d.get(k) for k in forms.TrajectForm.MELDCODEVELDEN if k in d}
    services.traject_toevoegen(
        door=request.user, zorgdossier=zd, soort=d["soort"], organisatie=d["organisatie"],
        doelen=d["doelen"], wie_doet_wat=d["wie_doet_wat"],
        evaluatiedata=[d["evaluatie_1"], d.get("evaluatie_2"), d.get("evaluatie_3")],
        meldcode=meldcode or None)


@login_required
@require_POST
def traject(request, pk):
    zd, inzage = _zorgdossier(request.user, pk)
    return _actie(request, pk, "traject", forms.TrajectForm,
                  lambda zd, d: _traject(request, zd, d),
                  _("Het traject is toegevoegd aan het plan van aanpak."), gelezen=(zd, inzage),
                  meldcode=inzage.ziet(zorg_toegang.ZORG_MELDCODE))


@login_required
@require_POST
def plan(request, pk):
    return _actie(request, pk, "plan", None, lambda zd, d:
                  services.plan_vaststellen(door=request.user, zorgdossier=zd),
                  _("Het plan van aanpak is vastgesteld."))


def _terugkoppeling(request, zd, d):
    uitnodiging = None
    if d.get("uitnodigen"):
        uitnodiging = {k: d.get(k) for k in ("gesprek_datum", "gesprek_tijd", "plaats")}
    services.terugkoppeling_vastleggen(
        door=request.user, zorgdossier=zd, datum=d["datum"], voor_mentor=d["voor_mentor"],
        mentor=d["mentor"], leerling=d["leerling"], ouders=d["ouders"],
        uitnodiging=uitnodiging)


@login_required
@require_POST
def terugkoppeling(request, pk):
    return _actie(request, pk, "terugkoppeling", _met(forms.TerugkoppelingForm),
                  lambda zd, d: _terugkoppeling(request, zd, d),
                  _("De terugkoppeling is vastgelegd; de zorgcoördinatoren bewaken nu het "
                    "proces."))


@login_required
@require_POST
def evaluatie(request, pk, evaluatie_pk):
    zd, inzage = _zorgdossier(request.user, pk)
    # Only the evaluations this user could see: a hidden (meldcode) one must not answer
    # differently from one that does not exist.
    zichtbaar = Evaluatie.objects.filter(traject__zorgdossier=zd)
    if not inzage.ziet(zorg_toegang.ZORG_MELDCODE):
        zichtbaar = zichtbaar.exclude(traject__soort=Trajectsoort.VEILIG_THUIS)
    if zorg_toegang.ZORG_COORDINEREN not in inzage.handelingen:
        zichtbaar = zichtbaar.none()
    ev = get_object_or_404(zichtbaar, pk=evaluatie_pk)
    if (weigering := stappen.weigering(request.user, zd, "evaluatie", inzage=inzage,
                                       evaluatie=ev)) is not None:
        return geweigerd(request, weigering, reverse("zorg:dossier", args=[pk]))
    form = forms.EvaluatieForm(request.POST, prefix=f"e{ev.pk}")
    if form.is_valid():
        try:
            services.evaluatie_vastleggen(door=request.user, evaluatie=ev, **form.cleaned_data)
        except InvoerFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, _("De evaluatie is vastgelegd."))
            return redirect("zorg:dossier", pk=pk)
    else:
        messages.error(request, _("Vul de datum en het verslag van de evaluatie in."))
    return _pagina(request, zd, inzage, status=400)


@login_required
@require_POST
def delen(request, pk):
    return _actie(request, pk, "delen", _met(forms.DelenForm), lambda zd, d:
                  services.informatie_delen(door=request.user, zorgdossier=zd, **d),
                  _("De informatie is gedeeld met de mentor."))


@login_required
@require_POST
def afsluiten(request, pk):
    return _actie(request, pk, "afsluiten", _met(forms.AfsluitenForm), lambda zd, d:
                  services.zorgdossier_afsluiten(door=request.user, zorgdossier=zd, **d),
                  _("Het zorgtraject is afgesloten."))


@login_required
@require_POST
def toegang_geven(request, pk):
    return _actie(request, pk, "toegang", forms.ToegangForm, lambda zd, d:
                  services.zorgtoegang_verlenen(door=request.user, zorgdossier=zd, **d),
                  _("De toegang tot het zorgdossier is gegeven."), door=request.user)


@login_required
def signaal_melden(request, leerling_pk):
    leerling = zichtbare_leerling(request.user, leerling_pk)
    inzage = zorg_toegang.zorginzage(request.user, leerling)
    if (weigering := stappen.signaal_weigering(request.user, leerling,
                                               inzage=inzage)) is not None:
        return render(request, "zorg/geen_toegang.html", {
            "leerling": leerling, "melding": weigering.tekst}, status=403)
    mentor = zorg_toegang.ZORG_MENTORSTAPPEN in inzage.handelingen
    form = forms.SignaalForm(request.POST or None,
                             initial={"bron": "mentor" if mentor else "docent"})
    if not mentor:
        form.fields["bron"].choices = [c for c in form.fields["bron"].choices
                                       if c[0] != "mentor"]
    if request.method == "POST" and form.is_valid():
        try:
            signaal = services.signaal_melden(door=request.user, leerling=leerling,
                                              **form.cleaned_data)
        except InvoerFout as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, _(
                "Het signaal is gemeld. De mentor is op de hoogte gebracht en gaat met de "
                "leerling in gesprek.") if not mentor else _("Het signaal is vastgelegd."))
            if selectors.inzage(request.user, signaal.zorgdossier).ziet(zorg_toegang.ZORG_GEDEELD):
                return redirect("zorg:dossier", pk=signaal.zorgdossier_id)
            return redirect("leerling", pk=leerling.pk)
    return render(request, "zorg/signaal.html", {"leerling": leerling, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
def werklijst(request, school_pk):
    school = get_object_or_404(zorg_toegang.zorgscholen(request.user), pk=school_pk)
    lijst = selectors.werklijst(request.user, school=school, pagina=request.GET.get("pagina"))
    audit.inzagen_vastleggen(user=request.user, leerlingen=[d.leerling for d in lijst.dossiers],
                             lijst=_("zorg: werklijst"), onderdeel=_("fase van het zorgtraject"),
                             soorten=(Inzagesoort.ZORG,))
    return render(request, "zorg/werklijst.html", {"school": school, "werklijst": lijst})


@login_required
def start(request, school_pk):
    """The care block of the start page, as a page of its own."""
    school = get_object_or_404(toegang.scholen_van(request.user), pk=school_pk)
    rollen = toegang.rollen_van(request.user, school)
    zorg = zorg_toegang.schoolzorg(school, rollen)
    if not zorg.acties:
        raise Http404
    inhoud = startinhoud(user=request.user, school=school, zorg=zorg, op=timezone.localdate())
    audit.inzagen_vastleggen(user=request.user, leerlingen=inhoud["inzage_leerlingen"],
                             lijst=_("zorg: signalen en zorgtrajecten"),
                             onderdeel=_("fase van het zorgtraject"),
                             soorten=inhoud["inzagesoorten"])
    return render(request, "zorg/start.html", {"inhoud": inhoud})
