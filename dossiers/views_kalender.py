"""The school calendar page: vacations and free days in force, and a deadline computed with
the days it skipped and why, so a user who doubts a deadline can see the reason."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from statuut import kalender
from statuut.forms import TermijnBerekenenForm
from statuut.hulp import schooljaar_naam
from statuut.models import Termijn
from statuut.selectors_kalender import kalenderoverzicht

from . import toegang


def _gekozen_school(request):
    scholen = list(toegang.scholen_van(request.user))
    if not scholen:
        raise Http404
    gekozen = request.GET.get("school")
    for school in scholen:
        if school.korte_naam == gekozen:
            return school, scholen
    return scholen[0], scholen


@login_required
def kalender_pagina(request):
    school, scholen = _gekozen_school(request)
    vandaag = timezone.localdate()
    schooljaar = request.GET.get("schooljaar") or schooljaar_naam(vandaag)
    if not (len(schooljaar) == 9 and schooljaar.isascii() and schooljaar[:4].isdigit()
            and schooljaar[5:].isdigit()):
        schooljaar = schooljaar_naam(vandaag)
    start = int(schooljaar[:4])
    regels, ontbreekt = kalenderoverzicht(school, schooljaar)

    uitkomst = fout = None
    form = TermijnBerekenenForm(request.GET if "startdatum" in request.GET else None)
    if form.is_bound and form.is_valid():
        try:
            uitkomst = kalender.bereken(school, form.cleaned_data["startdatum"],
                                        form.cleaned_data["aantal"], form.cleaned_data["eenheid"])
        except kalender.KalenderOnbekend as exc:
            fout = str(exc)
    return render(request, "statuut/kalender.html", {
        "school": school,
        "scholen": scholen,
        "schooljaar": schooljaar,
        "vorig_jaar": f"{start - 1}-{start}",
        "volgend_jaar": f"{start + 1}-{start + 2}",
        "regels": regels,
        "ontbreekt": ontbreekt,
        "form": form,
        "uitkomst": uitkomst,
        "fout": fout,
    })


@login_required
def termijn_detail(request, pk: int):
    termijn = get_object_or_404(Termijn.objects.select_related("school"), pk=pk)
    if not toegang.mag_termijn_zien(request.user, termijn):
        raise Http404
    uitkomst = fout = None
    if not termijn.datum_gekozen:  # a chosen date is not computed, so not explained
        try:
            uitkomst = kalender.bereken(termijn.school, termijn.startdatum, termijn.aantal,
                                        termijn.eenheid)
        except kalender.KalenderOnbekend as exc:
            fout = str(exc)
    return render(request, "statuut/termijn.html", {
        "termijn": termijn,
        "uitkomst": uitkomst,
        "fout": fout,
        "verlopen": termijn.vervaldatum < timezone.localdate(),
    })
