"""The time-out pages: record the incident and propose, approve, inform the parents, invite
them to a talk and file the signed report. Views only read forms and call the services."""

from __future__ import annotations

from django import forms as djforms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers import audit, toegang
from dossiers.selectors import zichtbare_leerlingen
from statuut.selectors import statuut_op
from statuut.services import InvoerFout

from . import selectors, timeout
from .forms import DATUM, DATUMTIJD, TEKST
from .models import TimeOut, TimeOutstatus


class VoorstelForm(djforms.Form):
    incident = djforms.CharField(label=gettext_lazy("Het incident"), widget=TEKST,
                                 error_messages={"required": gettext_lazy("Beschrijf het "
                                                                          "incident.")})
    motivering = djforms.CharField(label=gettext_lazy("Motivering van de time-out"),
                                   widget=TEKST, error_messages={
                                       "required": gettext_lazy("Vul de motivering in.")})


class GoedkeurenForm(djforms.Form):
    besluit = djforms.ChoiceField(label=gettext_lazy("Besluit"), widget=djforms.RadioSelect,
                                  choices=[("ja", gettext_lazy("goedkeuren")),
                                           ("nee", gettext_lazy("niet goedkeuren"))],
                                  error_messages={"required": gettext_lazy("Kies.")})


class InformerenForm(djforms.Form):
    telefoonnotitie = djforms.CharField(label=gettext_lazy("Telefoongesprek met de ouders "
                                                           "(notitie)"),
                                        widget=TEKST, required=False)
    niet_informeren_gronden = djforms.CharField(
        label=gettext_lazy("Of: redelijke gronden om de ouders niet te informeren"),
        widget=TEKST, required=False)


class UitnodigenForm(djforms.Form):
    op = djforms.DateTimeField(label=gettext_lazy("Datum en tijd"), widget=DATUMTIJD)
    plaats = djforms.CharField(label=gettext_lazy("Plaats"), max_length=200)
    met_wie = djforms.CharField(label=gettext_lazy("Aanwezig (groepsleerkracht, directielid)"),
                                max_length=300)


class AfrondenForm(djforms.Form):
    verslag = djforms.CharField(label=gettext_lazy("Verslag van het gesprek"), widget=TEKST)
    getekend_op = djforms.DateField(label=gettext_lazy("Door de ouders getekend op"),
                                    widget=DATUM, required=False)
    scan = djforms.FileField(label=gettext_lazy("Of: scan van het getekende verslag"),
                             required=False)


STAPPEN = {
    "goedkeuren": (gettext_lazy("Goedkeuring door de directeur"), GoedkeurenForm),
    "informeren": (gettext_lazy("Ouders onmiddellijk informeren"), InformerenForm),
    "uitnodigen": (gettext_lazy("Ouders uitnodigen voor een gesprek"), UitnodigenForm),
    "afronden": (gettext_lazy("Verslag van het gesprek (getekend)"), AfrondenForm),
}


def _stappen(user, time_out: TimeOut) -> list[str]:
    rung, leerling = time_out.maatregel, time_out.leerling
    if time_out.status == TimeOutstatus.VOORGESTELD:
        return ["goedkeuren"] if toegang.mag_maatregel(user, leerling,
                                                       [rung.goedkeuring_door]) else []
    if time_out.status != TimeOutstatus.GOEDGEKEURD or not toegang.mag_maatregel(
            user, leerling, timeout.betrokken_rollen(rung)):
        return []
    uit = []
    informeert = [rung.informeren_door] if rung.informeren_door else []
    if not (time_out.ouders_gebeld_op or time_out.niet_informeren_gronden) and (
            not informeert or toegang.mag_maatregel(user, leerling, informeert)):
        uit.append("informeren")
    if time_out.gesprek_op is None:
        uit.append("uitnodigen")
    else:
        uit.append("afronden")
    return uit


@login_required
def time_out_nieuw(request, pk):
    user = request.user
    leerling = get_object_or_404(zichtbare_leerlingen(user), pk=pk)
    statuut = statuut_op(leerling.school, timezone.localdate())
    rung = timeout.time_out_rung(statuut) if statuut else None
    if not toegang.mag_sancties_zien(user, leerling):
        raise Http404  # as for any pupil's measures he may not see
    if rung is None:  # the statuut's ladder has no time-out rung (Echnaton)
        return render(request, "sancties/geen_toegang.html", {
            "leerling": leerling, "melding": _("Het leerlingenstatuut van de school kent geen "
                                               "time-out.")}, status=404)
    if not toegang.mag_maatregel(user, leerling, rung.opleggen_door):
        return render(request, "sancties/geen_toegang.html", {
            "leerling": leerling, "melding": _("U mag volgens het leerlingenstatuut geen "
                                               "time-out voorstellen voor deze leerling.")},
            status=403)
    status = 200
    form = VoorstelForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                time_out = timeout.time_out_voorstellen(door=user, leerling=leerling,
                                                        **form.cleaned_data)
            except InvoerFout as fout:
                messages.error(request, str(fout))
            else:
                messages.success(request, _("De time-out is vastgelegd."))
                return redirect("sancties:time_out", time_out.pk)
        status = 400
    # The form shows the pupil's ladder of measures taken: a read of the behaviour part.
    audit.inzage_vastleggen(user=user, leerling=leerling,
                            onderdeel="dossier: gedrag (maatregelen bij een voorstel)")
    return render(request, "sancties/time_out_nieuw.html", {
        "leerling": leerling, "form": form, "rung": rung,
        "ladder": selectors.ladder(leerling)}, status=status)


def _zichtbaar(request, pk) -> TimeOut:
    time_out = (TimeOut.objects.select_related("leerling", "school", "statuut", "maatregel",
                                               "voorgesteld_door", "goedgekeurd_door")
                .filter(pk=pk, leerling__in=toegang.leerlingen_voor(request.user)).first())
    if time_out is None or not selectors.sanctie_zichtbaar(request.user, time_out):
        raise Http404
    return time_out


def _pagina(request, time_out, *, fout_stap=None, fout_form=None, status=200):
    stappen = []
    for sleutel in _stappen(request.user, time_out):
        titel, form_cls = STAPPEN[sleutel]
        stappen.append({"titel": titel, "sleutel": sleutel,
                        "form": fout_form if sleutel == fout_stap else form_cls(),
                        "url": reverse("sancties:time_out_stap", args=[time_out.pk, sleutel])})
    audit.inzage_vastleggen(user=request.user, leerling=time_out.leerling,
                            onderdeel="dossier: gedrag (time-out)", object=time_out)
    return render(request, "sancties/time_out.html", {
        "time_out": time_out, "leerling": time_out.leerling, "stappen": stappen},
        status=status)


@login_required
def time_out_pagina(request, pk):
    return _pagina(request, _zichtbaar(request, pk))


@login_required
def time_out_stap(request, pk, stap):
    if request.method != "POST":
        return redirect("sancties:time_out", pk)
    time_out = _zichtbaar(request, pk)
    if stap not in STAPPEN:
        raise Http404
    form = STAPPEN[stap][1](request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        try:
            if stap == "goedkeuren":
                timeout.time_out_goedkeuren(door=request.user, time_out=time_out,
                                            goedgekeurd=d["besluit"] == "ja")
            elif stap == "informeren":
                timeout.ouders_informeren(door=request.user, time_out=time_out, **d)
            elif stap == "uitnodigen":
                timeout.gesprek_uitnodigen(door=request.user, time_out=time_out, **d)
            else:
                timeout.time_out_afronden(door=request.user, time_out=time_out, **d)
        except InvoerFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, _("Vastgelegd."))
            return redirect("sancties:time_out", time_out.pk)
    time_out = _zichtbaar(request, pk)
    return _pagina(request, time_out, fout_stap=stap, fout_form=form, status=400)
