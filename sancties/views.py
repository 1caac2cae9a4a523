"""The schorsing pages: start one from the pupil, and the schorsing page with a form for the
next step the user may take. Views only read forms and call the services.

A user who cannot see the pupil, or sees the pupil but not the behaviour part of the dossier
(Echnaton art. 9.4: a docent), gets 404, as for a measure that does not exist; one who sees
the measures but may not take a step gets the page, or a 403 with the reason; a step he
posts anyway is answered with the page and the reason as a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
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

from . import forms, kalenderconflicten, regels, schorsingstappen, selectors, services, toegang
from .models import VERWIJDERING_GESLOTEN, Schorsing


def _leerling(user, pk: int):
    leerling = get_object_or_404(zichtbare_leerlingen(user), pk=pk)
    return leerling


def acties_voor_leerling(user, leerling, *, op: date) -> dict:
    """The measures `user` may start for `leerling` (links on the pupil page): the same
    checks as the forms' pages and the services (`voorstel_weigering` of each kind)."""
    statuut = statuut_op(leerling.school, op)
    if statuut is None:
        return {}
    from . import timeout, verwijdering

    gezag = toegang.Gezag(statuut, user=user, leerling=leerling, op=op)
    uit = {}
    if schorsingstappen.voorstel_weigering(user, leerling, op=op, gezag=gezag) is None:
        uit["schorsing"] = reverse("sancties:schorsing_nieuw", args=[leerling.pk])
    if timeout.voorstel_weigering(user, leerling, op=op, gezag=gezag) is None:
        uit["time_out"] = reverse("sancties:time_out_nieuw", args=[leerling.pk])
    if verwijdering.voorstel_weigering(user, leerling, op=op, gezag=gezag) is None:
        uit["verwijdering"] = reverse("sancties:verwijdering_nieuw", args=[leerling.pk])
    # Echnaton art. 8.3: the ontzegging van de toegang, only pending a verwijdering.
    if (schorsingstappen.voorstel_weigering(user, leerling, ontzegging=True, op=op,
                                            gezag=gezag) is None
            and _procedure_loopt(leerling)):
        uit["ontzegging"] = reverse("sancties:ontzegging_nieuw", args=[leerling.pk])
    return uit


def _procedure_loopt(leerling) -> bool:
    return leerling.verwijderingen.exclude(status__in=VERWIJDERING_GESLOTEN).exists()


@login_required
def schorsing_nieuw(request, pk):
    return _nieuw(request, pk, ontzegging=False)


@login_required
def ontzegging_nieuw(request, pk):
    """Echnaton art. 8.3: the teamleiding proposes an ontzegging van de toegang to the
    schoolleiding, pending the pupil's verwijdering procedure."""
    return _nieuw(request, pk, ontzegging=True)


def _nieuw(request, pk, *, ontzegging: bool):
    user = request.user
    leerling = _leerling(user, pk)
    if not toegang.mag_sancties_zien(user, leerling):
        raise Http404
    op = timezone.localdate()
    statuut = statuut_op(leerling.school, op)
    rung = regels.ontzegging_rung(statuut) if statuut and ontzegging else None
    if ontzegging:
        if rung is None or not statuut.schorsing_tijdens_verwijdering:
            return render(request, "sancties/geen_toegang.html", {
                "leerling": leerling,
                "melding": _("Het leerlingenstatuut van de school kent geen ontzegging van de "
                             "toegang.")}, status=404)
        weigering = _("U mag volgens het leerlingenstatuut geen ontzegging van de toegang "
                      "voorstellen voor deze leerling.")
    else:
        weigering = _("U mag volgens het leerlingenstatuut geen schorsing voorstellen voor "
                      "deze leerling.")
    if statuut is None or schorsingstappen.voorstel_weigering(
            user, leerling, ontzegging=ontzegging, op=op) is not None:
        return render(request, "sancties/geen_toegang.html", {
            "leerling": leerling, "melding": weigering}, status=403)
    status = 200
    # Offered only where the statuut allows a longer schorsing during a running procedure
    # and does not call it an ontzegging van de toegang (which has its own page).
    verwijdering = (not ontzegging and statuut.schorsing_tijdens_verwijdering
                    and regels.ontzegging_rung(statuut) is None and _procedure_loopt(leerling))
    gronden = statuut.verwijdering_gronden if ontzegging else statuut.schorsing_gronden
    if request.method == "POST":
        form = forms.VoorstelForm(request.POST, gronden=gronden, verwijdering=verwijdering,
                                  ontzegging=ontzegging)
        if form.is_valid():
            extra = {"ontzegging": True} if ontzegging else {}
            try:
                schorsing = services.schorsing_voorstellen(door=user, leerling=leerling,
                                                           **form.cleaned_data, **extra)
            except InvoerFout as fout:
                form.add_error(None, str(fout))
                status = 400
            else:
                messages.success(request, _("De %(w)s is voorgesteld. Plan nu het "
                                            "hoorgesprek.") % {"w": schorsing.naamwoord})
                return redirect("sancties:schorsing", schorsing.pk)
        else:
            status = 400
    else:
        form = forms.VoorstelForm(gronden=gronden, verwijdering=verwijdering,
                                  ontzegging=ontzegging,
                                  initial={"eerste_dag": op, "schooldagen": 1})
    # The form shows the pupil's ladder of measures taken: a read of the behaviour part.
    audit.inzage_vastleggen(user=user, leerling=leerling,
                            onderdeel="dossier: gedrag (maatregelen bij een voorstel)")
    return render(request, "sancties/schorsing_nieuw.html", {
        "leerling": leerling, "form": form, "statuut": statuut, "ontzegging": ontzegging,
        "lopende_verwijdering": _procedure_loopt(leerling) if ontzegging else None,
        "ladder": selectors.ladder(leerling),
        "treden": [rung] if ontzegging else regels.schorsingsladder(statuut),
    }, status=status)


# --- the schorsing page and its steps ------------------------------------------------------


@dataclass(frozen=True)
class Stap:
    sleutel: str
    titel: str
    knop: str
    form: type


_T = schorsingstappen.TITELS
STAPPEN: dict[str, Stap] = {s.sleutel: s for s in [
    Stap("plannen", _T["plannen"], gettext_lazy("Hoorgesprek plannen"),
         forms.HoorgesprekPlannenForm),
    Stap("horen", _T["horen"], gettext_lazy("Hoorgesprek vastleggen"), forms.HoorgesprekForm),
    Stap("besluiten", _T["besluiten"], gettext_lazy("Schorsing besluiten"), forms.BesluitForm),
    Stap("bekendmaken", _T["bekendmaken"], gettext_lazy("Besluit is bekendgemaakt"),
         forms.LeegForm),
    Stap("gesprek", _T["gesprek"], gettext_lazy("Uitnodiging versturen"), forms.GesprekForm),
    Stap("ingaan", _T["ingaan"], gettext_lazy("Schorsing is ingegaan"), forms.LeegForm),
    Stap("inspectie", _T["inspectie"], gettext_lazy("Melding vastleggen"), forms.InspectieForm),
    Stap("afronden", _T["afronden"], gettext_lazy("Schorsing afronden"), forms.AfrondenForm),
    Stap("bezwaar", _T["bezwaar"], gettext_lazy("Bezwaar inschrijven"), forms.BezwaarForm),
    Stap("bezwaar_horen", _T["bezwaar_horen"], gettext_lazy("Horen vastleggen"),
         forms.BezwaarHorenForm),
    Stap("bezwaar_beslissen", _T["bezwaar_beslissen"], gettext_lazy("Beslissing vastleggen"),
         forms.BezwaarBeslissenForm),
]}


def _form(stap: Stap, schorsing: Schorsing, data=None, files=None):
    kwargs = {}
    if stap.form is forms.HoorgesprekForm:
        kwargs["school"] = schorsing.school
        kwargs["ouders_uitleg"] = schorsingstappen.ouders_horen_uitleg(
            schorsing, op=timezone.localdate())
    initial = {}
    if stap.sleutel == "besluiten":
        initial = {"eerste_dag": schorsing.eerste_dag, "schooldagen": schorsing.schooldagen}
    elif stap.sleutel in ("horen", "inspectie", "bezwaar", "bezwaar_horen"):
        veld = {"horen": "gehoord_op", "inspectie": "gemeld_op", "bezwaar": "ingediend_op",
                "bezwaar_horen": "gehoord_op"}[stap.sleutel]
        initial = {veld: timezone.localdate()}
    if data is not None:
        return stap.form(data, files, **kwargs)
    return stap.form(initial=initial, **kwargs)


def _zichtbaar(request, pk):
    schorsing = selectors.zichtbare_schorsing(request.user, pk)
    if schorsing is None:
        raise Http404
    return schorsing


def _pagina(request, schorsing: Schorsing, *, fout_stap: str | None = None, fout_form=None,
            status: int = 200, bevestigen: bool = False):
    user = request.user
    stappen = []
    open_, wachten = schorsingstappen.aanbod(user, schorsing)
    for sleutel in open_:
        stap = STAPPEN[sleutel]
        form = fout_form if sleutel == fout_stap else _form(stap, schorsing)
        stappen.append({"stap": stap, "form": form,
                        "titel": schorsingstappen.titel(sleutel, schorsing),
                        "url": reverse("sancties:schorsing_stap", args=[schorsing.pk, sleutel])})
    # After an upheld bezwaar the page shows that the content was removed, nothing of it.
    verwijderd = schorsing.inhoud_verwijderd_op is not None
    brief = None if verwijderd else services.besluitbrief(schorsing)
    audit.inzage_vastleggen(user=user, leerling=schorsing.leerling,
                            onderdeel="dossier: gedrag (schorsing)", object=schorsing)
    conflict = kalenderconflicten.kalenderconflict(schorsing)
    return render(request, "sancties/schorsing.html", {
        "kalenderconflict": conflict.tekst(schorsing) if conflict else "",
        "kalenderconflict_beslissen": conflict is not None and schorsingstappen.weigering(
            user, schorsing, "kalender") is None,
        "schorsing": schorsing, "leerling": schorsing.leerling, "stappen": stappen,
        "ladder": [r for r in selectors.ladder(schorsing.leerling)
                   if r["object"] != schorsing],
        "brief": brief,
        "wachten": [(STAPPEN[s].titel, reden) for s, reden in wachten],
        # Making the decision known is confirmed on the page first (no JavaScript needed).
        "bevestigen": bevestigen and "bekendmaken" in open_,
        "bekendmaken_url": reverse("sancties:schorsing_stap",
                                   args=[schorsing.pk, "bekendmaken"]),
        "inspectie": services.inspectiemelding(schorsing)
        if schorsing.inspectie_melden and not verwijderd else None,
        "hoorders": list(schorsing.gehoord_door.select_related("medewerker")),
        "verloop": selectors.verloop(schorsing.status, schorsing.eerste_dag,
                                     schorsing.laatste_dag, timezone.localdate()),
        "dossier_url": reverse("dossier", args=[schorsing.leerling_id]),
    }, status=status)


@login_required
def schorsing_pagina(request, pk):
    return _pagina(request, _zichtbaar(request, pk))


def _uitvoeren(sleutel: str, user, schorsing: Schorsing, d: dict) -> str:
    """Call the step's service; returns the success message."""
    if sleutel == "plannen":
        services.hoorgesprek_plannen(door=user, schorsing=schorsing, op=d["op"],
                                     plaats=d["plaats"])
        return _("Het hoorgesprek is gepland.")
    if sleutel == "horen":
        services.hoorgesprek_vastleggen(door=user, schorsing=schorsing, **d)
        return _("Het hoorgesprek is vastgelegd.")
    if sleutel == "besluiten":
        services.schorsing_besluiten(door=user, schorsing=schorsing, **d)
        return _("De %(w)s is besloten; de brief met het besluit wordt gemaakt.") % {
            "w": schorsing.naamwoord}
    if sleutel == "bekendmaken":
        services.schorsing_bekendmaken(door=user, schorsing=schorsing)
        return _("Het besluit is bekendgemaakt.")
    if sleutel == "gesprek":
        services.gesprek_ouders_plannen(door=user, schorsing=schorsing, **d)
        return _("De ouders zijn uitgenodigd.")
    if sleutel == "ingaan":
        services.schorsing_ingaan(door=user, schorsing=schorsing)
        return _("De %(w)s is ingegaan.") % {"w": schorsing.naamwoord}
    if sleutel == "inspectie":
        services.inspectiemelding_vastleggen(door=user, schorsing=schorsing, **d)
        return _("De melding aan de inspectie is vastgelegd.")
    if sleutel == "afronden":
        services.schorsing_afronden(door=user, schorsing=schorsing, **d)
        return _("De %(w)s is afgerond.") % {"w": schorsing.naamwoord}
    if sleutel == "bezwaar":
        services.bezwaar_indienen(door=user, schorsing=schorsing, **d)
        return _("Het bezwaar is ingeschreven.")
    if sleutel == "bezwaar_horen":
        services.bezwaar_horen(door=user, schorsing=schorsing, **d)
        return _("Het horen over het bezwaar is vastgelegd.")
    if sleutel == "bezwaar_beslissen":
        services.bezwaar_beslissen(door=user, schorsing=schorsing,
                                   gegrond=d["uitkomst"] == "gegrond",
                                   motivering=d["motivering"])
        return _("De beslissing op het bezwaar is vastgelegd.")
    raise Http404


@login_required
def schorsing_stap(request, pk, stap):
    if request.method != "POST":  # a step is a form; its page is the schorsing page
        return redirect("sancties:schorsing", pk)
    schorsing = _zichtbaar(request, pk)
    if stap not in STAPPEN:
        raise Http404
    # The table's check before the form is read: a step refused now is answered with the
    # page and the reason (Post/Redirect/Get), not a second rendering of the whole page. Not
    # for the hearing: its check reads the statuut in force on the day typed in the form
    # (`hoorgesprek_vastleggen`), so it stays with the service.
    if stap not in schorsingstappen.NAAR_HET_FORMULIER and (antwoord := geweigerd(
            request, schorsingstappen.weigering(request.user, schorsing, stap),
            reverse("sancties:schorsing", args=[schorsing.pk]))):
        return antwoord
    if stap == "bekendmaken" and request.POST.get("bevestigd") != "ja":
        return _pagina(request, schorsing, bevestigen=True)  # may be taken: checked above
    form = _form(STAPPEN[stap], schorsing, request.POST, request.FILES)
    if form.is_valid():
        try:
            melding = _uitvoeren(stap, request.user, schorsing, form.cleaned_data)
        except InvoerFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, melding)
            return redirect("sancties:schorsing", schorsing.pk)
    # Read again, not checked again: this request already did, and a refusal writes nothing.
    schorsing = selectors.schorsing_opnieuw(schorsing)
    return _pagina(request, schorsing, fout_stap=stap, fout_form=form, status=400)
