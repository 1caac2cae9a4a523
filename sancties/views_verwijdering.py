"""The verwijdering pages: propose from the pupil, and the procedure page with a form for each
step the state allows. Views only read forms and call `sancties.verwijdering`."""

from __future__ import annotations

from django import forms as djforms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers import audit
from dossiers.selectors import zichtbare_leerlingen
from dossiers.stappen import geweigerd
from statuut.selectors import statuut_op
from statuut.services import InvoerFout

from . import selectors, toegang
from . import verwijdering as vw
from .forms import DATUM, TEKST
from .models import Schoolcontact, Verwijdering
from .verwijderingsregels import regels_voor


class VoorstelForm(djforms.Form):
    gronden = djforms.MultipleChoiceField(label=gettext_lazy("Grond(en) uit het statuut"),
                                          widget=djforms.CheckboxSelectMultiple)
    didactisch = djforms.BooleanField(
        label=gettext_lazy("Didactische gronden (het onderwijs past niet bij de leerling)"),
        required=False)
    vso = djforms.BooleanField(
        label=gettext_lazy("Verwijzing naar het voortgezet speciaal onderwijs (VSO): eerst een "
                           "toelaatbaarheidsverklaring aanvragen"), required=False)
    motivering = djforms.CharField(label=gettext_lazy("Onderbouwing (eerdere interventies, "
                                                      "incidenten)"), widget=TEKST)

    def __init__(self, *args, gronden, vso: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gronden"].choices = [(g, g) for g in gronden]
        if not vso:  # only where the statuut has the TLV step (Noordgouw art. 25.6)
            del self.fields["vso"]


class StapForm(djforms.Form):
    datum = djforms.DateField(label=gettext_lazy("Datum"), widget=DATUM)
    verslag = djforms.CharField(label=gettext_lazy("Verslag"), widget=TEKST)
    ouders_aanwezig = djforms.BooleanField(label=gettext_lazy("Ouders waren aanwezig"),
                                           required=False)


class HorenStapForm(StapForm):
    gehoord_door = djforms.ModelMultipleChoiceField(
        label=gettext_lazy("Gehoord door"), queryset=get_user_model().objects.none(),
        widget=djforms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Kies wie de leerling hebben gehoord.")})

    def __init__(self, *args, school=None, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["gehoord_door"]
        veld.queryset = (get_user_model().objects.filter(
            is_active=True, medewerker__rollen__school=school).distinct()
            .select_related("medewerker").order_by("medewerker__naam"))
        veld.label_from_instance = lambda u: u.medewerker.naam


class LeegForm(djforms.Form):
    pass


class BenaderenForm(djforms.Form):
    school = djforms.CharField(label=gettext_lazy("School"), max_length=200)
    benaderd_op = djforms.DateField(label=gettext_lazy("Benaderd op"), widget=DATUM)


class AntwoordForm(djforms.Form):
    contact = djforms.IntegerField(widget=djforms.HiddenInput)
    antwoord = djforms.ChoiceField(label=gettext_lazy("Antwoord"), choices=[
        (Schoolcontact.Antwoord.TOEGELATEN, gettext_lazy("bereid toe te laten")),
        (Schoolcontact.Antwoord.GEWEIGERD, gettext_lazy("geweigerd"))])
    antwoord_op = djforms.DateField(label=gettext_lazy("Antwoord op"), widget=DATUM)
    toelichting = djforms.CharField(label=gettext_lazy("Toelichting"), required=False)


class OverlegForm(djforms.Form):
    datum = djforms.DateField(label=gettext_lazy("Datum"), widget=DATUM)
    verslag = djforms.CharField(label=gettext_lazy("Verslag"), widget=TEKST)


class MotiveringForm(djforms.Form):
    motivering = djforms.CharField(label=gettext_lazy("Motivering"), widget=TEKST)


class BezwaarForm(djforms.Form):
    ingediend_op = djforms.DateField(label=gettext_lazy("Ontvangen op"), widget=DATUM)
    gronden = djforms.CharField(label=gettext_lazy("Gronden"), widget=TEKST)


class HorenForm(djforms.Form):
    gehoord_op = djforms.DateField(label=gettext_lazy("Gehoord op"), widget=DATUM)
    verslag = djforms.CharField(label=gettext_lazy("Verslag"), widget=TEKST)


class HeroverwegenForm(djforms.Form):
    uitkomst = djforms.ChoiceField(label=gettext_lazy("Nieuw besluit"),
                                   widget=djforms.RadioSelect, choices=[
                                       ("handhaven", gettext_lazy("besluit handhaven")),
                                       ("herroepen", gettext_lazy("besluit herroepen"))])
    motivering = djforms.CharField(label=gettext_lazy("Motivering"), widget=TEKST)


#: step -> (title, form); the preparatory steps share StapForm.
FORMULIEREN = {
    **{s: (label, StapForm) for s, (_veld, label, _d) in vw.STAPPEN.items()},
    "leerling_gehoord": (vw.STAPPEN["leerling_gehoord"][1], HorenStapForm),
    **{s: (vw.TITELS[s], form) for s, form in (
        ("voornemen", LeegForm), ("voornemen_bekendgemaakt", LeegForm),
        ("benaderen", BenaderenForm), ("antwoord", AntwoordForm),
        ("inspectie_overleg", OverlegForm), ("besluiten", MotiveringForm),
        ("afsluiten", LeegForm), ("bezwaar", BezwaarForm), ("bezwaar_horen", HorenForm),
        ("heroverwegen", HeroverwegenForm))},
}


def _maak(stap: str, v: Verwijdering, data=None):
    form_cls = FORMULIEREN[stap][1]
    kwargs = {"school": v.school} if form_cls is HorenStapForm else {}
    return form_cls(data, **kwargs) if data is not None else form_cls(**kwargs)


@login_required
def verwijdering_nieuw(request, pk):
    user = request.user
    leerling = get_object_or_404(zichtbare_leerlingen(user), pk=pk)
    statuut = statuut_op(leerling.school, timezone.localdate())
    maatregel = vw.rung(statuut) if statuut else None
    if not toegang.mag_sancties_zien(user, leerling):
        raise Http404  # as for any pupil's measures he may not see
    if maatregel is None or vw.voorstel_weigering(user, leerling) is not None:
        return render(request, "sancties/geen_toegang.html", {
            "leerling": leerling, "melding": _("U mag volgens het leerlingenstatuut geen "
                                               "verwijdering voorstellen.")}, status=403)
    form = VoorstelForm(request.POST or None, gronden=statuut.verwijdering_gronden,
                        vso=bool(regels_voor(statuut).tlv_artikel))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                v = vw.verwijdering_voorstellen(door=user, leerling=leerling,
                                                **form.cleaned_data)
            except InvoerFout as fout:
                messages.error(request, str(fout))
            else:
                messages.success(request, _("De verwijdering is voorgesteld."))
                return redirect("sancties:verwijdering", v.pk)
        status = 400
    # The form shows the pupil's ladder of measures taken: a read of the behaviour part.
    audit.inzage_vastleggen(user=user, leerling=leerling,
                            onderdeel="dossier: gedrag (maatregelen bij een voorstel)")
    return render(request, "sancties/verwijdering_nieuw.html", {
        "leerling": leerling, "form": form, "maatregel": maatregel,
        "ladder": selectors.ladder(leerling)}, status=status)


def _verwijderingen():
    # The deadlines the page names are read when shown (see `selectors._schorsingen`).
    return Verwijdering.objects.select_related("leerling", "school", "maatregel")


def _zichtbaar(request, pk) -> Verwijdering:
    v = selectors.zichtbare_maatregel(_verwijderingen(), request.user, pk)
    if v is None:
        raise Http404
    return v


def _pagina(request, v: Verwijdering, *, fout_stap=None, fout_form=None, status=200,
            bevestigen: bool = False):
    open_, wachtend = vw.aanbod(request.user, v)
    stappen = []
    for sleutel in open_:
        titel, form_cls = FORMULIEREN[sleutel]
        if sleutel == fout_stap:
            form = fout_form
        elif sleutel == "antwoord":
            form = None
        else:
            form = _maak(sleutel, v)
        stappen.append({"sleutel": sleutel, "titel": titel, "form": form,
                        "url": reverse("sancties:verwijdering_stap", args=[v.pk, sleutel])})
    wachten = [(FORMULIEREN[s][0], reden) for s, reden in wachtend]
    brief = vw.voornemenbrief(v) if v.voornemen_op else None
    gedaan = [(label, getattr(v, veld)) for _s, (veld, label, alleen) in vw.STAPPEN.items()
              if vw.stap_geldt(v, alleen)]
    audit.inzage_vastleggen(user=request.user, leerling=v.leerling,
                            onderdeel="dossier: gedrag (verwijdering)", object=v)
    return render(request, "sancties/verwijdering.html", {
        "v": v, "leerling": v.leerling, "stappen": stappen, "gedaan": gedaan,
        "contacten": list(v.schoolcontacten.all()),
        "schorsingen": list(v.schorsingen.select_related("maatregel")),
        "hoorders": list(v.leerling_gehoord_door.select_related("medewerker")
                         .order_by("medewerker__naam")),
        "antwoord_url": reverse("sancties:verwijdering_stap", args=[v.pk, "antwoord"]),
        "mag_antwoorden": "antwoord" in open_,
        "wachten": wachten, "brief": brief,
        # Recording the bekendmaking is confirmed on the page first (no JavaScript needed).
        "bevestigen": bevestigen and "voornemen_bekendgemaakt" in open_,
        "bevestig_url": reverse("sancties:verwijdering_stap",
                                args=[v.pk, "voornemen_bekendgemaakt"]),
    }, status=status)


@login_required
def verwijdering_pagina(request, pk):
    return _pagina(request, _zichtbaar(request, pk))


def _uitvoeren(stap: str, user, v: Verwijdering, d: dict) -> None:
    if stap in vw.STAPPEN:
        vw.stap_vastleggen(door=user, verwijdering=v, stap=stap, **d)
    elif stap == "voornemen":
        vw.voornemen_bekendmaken(door=user, verwijdering=v)
    elif stap == "voornemen_bekendgemaakt":
        vw.voornemen_bekendgemaakt(door=user, verwijdering=v)
    elif stap == "benaderen":
        vw.school_benaderen(door=user, verwijdering=v, **d)
    elif stap == "antwoord":
        contact = v.schoolcontacten.filter(pk=d.pop("contact")).first()
        if contact is None:
            raise InvoerFout(_("Deze school hoort niet bij deze procedure."))
        vw.schoolantwoord_vastleggen(door=user, contact=contact, **d)
    elif stap == "inspectie_overleg":
        vw.inspectie_overleg_vastleggen(door=user, verwijdering=v, **d)
    elif stap == "besluiten":
        vw.verwijdering_besluiten(door=user, verwijdering=v, **d)
    elif stap == "afsluiten":
        vw.verwijdering_afsluiten(door=user, verwijdering=v)
    elif stap == "bezwaar":
        vw.verwijdering_bezwaar_indienen(door=user, verwijdering=v, **d)
    elif stap == "bezwaar_horen":
        vw.verwijdering_bezwaar_horen(door=user, verwijdering=v, **d)
    elif stap == "heroverwegen":
        vw.verwijdering_heroverwegen(door=user, verwijdering=v,
                                     gehandhaafd=d["uitkomst"] == "handhaven",
                                     motivering=d["motivering"])


@login_required
def verwijdering_stap(request, pk, stap):
    if request.method != "POST":
        return redirect("sancties:verwijdering", pk)
    v = _zichtbaar(request, pk)
    if stap not in FORMULIEREN:
        raise Http404
    # The table's check before the form is read (none of its checks reads the form; which
    # school answered is checked by the service): a step refused now is answered with the
    # page and the reason, Post/Redirect/Get, not a second rendering of the whole page.
    if antwoord := geweigerd(request, vw.weigering(request.user, v, stap),
                             reverse("sancties:verwijdering", args=[v.pk])):
        return antwoord
    if stap == "voornemen_bekendgemaakt" and request.POST.get("bevestigd") != "ja":
        return _pagina(request, v, bevestigen=True)  # may be taken: checked above
    form = _maak(stap, v, request.POST)
    if form.is_valid():
        try:
            _uitvoeren(stap, request.user, v, dict(form.cleaned_data))
        except InvoerFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, _("Vastgelegd."))
            return redirect("sancties:verwijdering", v.pk)
    # Read again (a refused service may have changed the instance before it refused), but
    # not checked again: this request already did, and a refusal writes nothing.
    return _pagina(request, selectors.maatregel_opnieuw(_verwijderingen(), v), fout_stap=stap,
                   fout_form=form, status=400)
