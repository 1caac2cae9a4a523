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

from dossiers import audit, documenten
from dossiers.models import Document
from dossiers.selectors import zichtbare_leerlingen
from dossiers.stappen import geweigerd
from statuut.selectors import statuut_op
from statuut.services import InvoerFout

from . import selectors, timeout, toegang
from .forms import DATUM, DATUMTIJD, TEKST
from .models import TimeOut


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
    verslag = djforms.CharField(label=gettext_lazy("Verslag van het gesprek"), widget=TEKST,
                                error_messages={"required": gettext_lazy(
                                    "Schrijf het verslag van het gesprek met de ouders.")})
    getekend_op = djforms.DateField(label=gettext_lazy("Door de ouders getekend op"),
                                    widget=DATUM, required=False, error_messages={
                                        "invalid": gettext_lazy("Vul een geldige datum in.")})
    scan = djforms.FileField(
        label=gettext_lazy("Scan van het getekende verslag (PDF, JPEG of PNG, ten hoogste "
                           "10 MB)"), required=False,
        widget=djforms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,"
                                                           "image/png"}))
    # A file uploaded with an earlier attempt of this form, kept (dossiers.documenten).
    scan_token = djforms.CharField(widget=djforms.HiddenInput, required=False)


STAPPEN = {
    "goedkeuren": (gettext_lazy("Goedkeuring door de directeur"), GoedkeurenForm),
    "informeren": (gettext_lazy("Ouders onmiddellijk informeren"), InformerenForm),
    "uitnodigen": (gettext_lazy("Ouders uitnodigen voor een gesprek"), UitnodigenForm),
    "afronden": (gettext_lazy("Verslag van het gesprek (getekend)"), AfrondenForm),
}


@login_required
def time_out_kiezen(request):
    """The entry from the quick registration (`dossiers.maatregelen.invoerpagina`): a
    time-out is recorded per pupil, on that pupil's time-out page."""
    try:
        pk = int(request.GET.get("leerling", ""))
    except ValueError:
        return render(request, "sancties/time_out_kiezen.html", status=400)
    return redirect("sancties:time_out_nieuw", pk=pk)


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
    if timeout.voorstel_weigering(user, leerling) is not None:
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
        "goedkeuring": toegang.Gezag(statuut).heeft(timeout.goedkeuren(rung)),
        "ladder": selectors.ladder(leerling)}, status=status)


def _time_outs():
    # The people and the report the page names are read when shown (see
    # `selectors._schorsingen`).
    return TimeOut.objects.select_related("leerling", "school", "maatregel")


def _zichtbaar(request, pk) -> TimeOut:
    time_out = selectors.zichtbare_maatregel(_time_outs(), request.user, pk)
    if time_out is None:
        raise Http404
    return time_out


def _pagina(request, time_out, *, fout_stap=None, fout_form=None, wachtend=None,
            status=200):
    open_, wachten = timeout.aanbod(request.user, time_out)
    stappen = []
    for sleutel in open_:
        titel, form_cls = STAPPEN[sleutel]
        stappen.append({"titel": titel, "sleutel": sleutel,
                        "form": fout_form if sleutel == fout_stap else form_cls(),
                        "wachtend": wachtend if sleutel == fout_stap else None,
                        "url": reverse("sancties:time_out_stap", args=[time_out.pk, sleutel])})
    vandaag = timezone.localdate()
    gesprek = timezone.localtime(time_out.gesprek_op).date() if time_out.gesprek_op else None
    # The scan's name and entry, not its content.
    document = (Document.objects.defer("inhoud").filter(pk=time_out.verslag_document_id)
                .first() if time_out.verslag_document_id else None)
    audit.inzage_vastleggen(user=request.user, leerling=time_out.leerling,
                            onderdeel="dossier: gedrag (time-out)", object=time_out)
    return render(request, "sancties/time_out.html", {
        "time_out": time_out, "leerling": time_out.leerling, "stappen": stappen,
        "wachten": [(STAPPEN[s][0], reden) for s, reden in wachten],
        "stand": selectors.time_out_stand(time_out.status, time_out.datum, vandaag),
        "nog_open": selectors.time_out_open(
            status=time_out.status, geinformeerd=timeout.is_geinformeerd(time_out),
            gesprek_op=gesprek, op=vandaag,
            gehouden=time_out.gesprek_op is not None and timezone.now() >= time_out.gesprek_op),
        "document": document,
        "document_url": reverse("dossierstuk_document", args=[
            time_out.leerling_id, document.dossierstuk_id])
        if document is not None and document.dossierstuk_id else "",
    }, status=status)


@login_required
def time_out_pagina(request, pk):
    return _pagina(request, _zichtbaar(request, pk))


def _uitvoeren(stap: str, user, time_out: TimeOut, d: dict, document) -> None:
    if stap == "goedkeuren":
        timeout.time_out_goedkeuren(door=user, time_out=time_out,
                                    goedgekeurd=d["besluit"] == "ja")
    elif stap == "informeren":
        timeout.ouders_informeren(door=user, time_out=time_out, **d)
    elif stap == "uitnodigen":
        timeout.gesprek_uitnodigen(door=user, time_out=time_out, **d)
    else:
        timeout.time_out_afronden(door=user, time_out=time_out, verslag=d["verslag"],
                                  getekend_op=d["getekend_op"], document=document)


def _scan_bewaren(request, time_out: TimeOut):
    """The scan of this attempt (kept at once, so an error elsewhere in the form never makes
    the user pick the file again), or the one kept from an earlier attempt (by its token);
    with the form data that carries the token on, and the refusal of a file (type, size),
    which is then not kept."""
    data = request.POST.copy()
    bestand = request.FILES.get("scan")
    document, fout = None, ""
    if bestand is not None:
        try:
            document = documenten.document_uploaden(door=request.user,
                                                    leerling=time_out.leerling,
                                                    bestand=bestand)
        except InvoerFout as exc:
            fout = str(exc)
    elif data.get("scan_token"):
        document = documenten.wachtend_document(door=request.user, leerling=time_out.leerling,
                                                token=data["scan_token"])
    data["scan_token"] = str(document.token) if document is not None else ""
    return document, data, fout


@login_required
def time_out_stap(request, pk, stap):
    if request.method != "POST":
        return redirect("sancties:time_out", pk)
    time_out = _zichtbaar(request, pk)
    if stap not in STAPPEN:
        raise Http404
    # The table's check before the form is read (none of its checks reads the form): a step
    # refused now is answered with the page and the reason, Post/Redirect/Get, and an
    # uploaded scan is not kept for a step that cannot be taken.
    if antwoord := geweigerd(request, timeout.weigering(request.user, time_out, stap),
                             reverse("sancties:time_out", args=[time_out.pk])):
        return antwoord
    data, document, scan_fout = request.POST, None, ""
    if stap == "afronden":
        document, data, scan_fout = _scan_bewaren(request, time_out)
    form = STAPPEN[stap][1](data)
    if form.is_valid() and not scan_fout:
        try:
            _uitvoeren(stap, request.user, time_out, form.cleaned_data, document)
        except InvoerFout as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, _("Vastgelegd."))
            return redirect("sancties:time_out", time_out.pk)
    if scan_fout:
        form.add_error("scan", scan_fout)
    # Read again (a refused service may have changed the instance before it refused), but
    # not checked again: this request already did, and a refusal writes nothing.
    time_out = selectors.maatregel_opnieuw(_time_outs(), time_out)
    return _pagina(request, time_out, fout_stap=stap, fout_form=form, wachtend=document,
                   status=400)
