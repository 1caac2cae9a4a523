"""Reads for the sancties pages, filtered by `dossiers.toegang` and joined up front."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from dossiers import toegang
from dossiers.models import Leerling
from statuut.models import Rol

from .models import (
    Bezwaarstatus,
    Schorsing,
    Schorsingstatus,
    TimeOut,
    TimeOutstatus,
    Verwijdering,
    Verwijderingstatus,
)

#: Who sees the start-page panel of running and upcoming measures.
PANEELROLLEN = (Rol.TEAMLEIDER, Rol.DIRECTIE)

LOPEND = (Schorsingstatus.CONCEPT, Schorsingstatus.HOORGESPREK_GEPLAND, Schorsingstatus.GEHOORD,
          Schorsingstatus.BESLOTEN, Schorsingstatus.BEKENDGEMAAKT, Schorsingstatus.LOPEND)

VOLGENDE_STAP = {
    Schorsingstatus.CONCEPT: _("hoorgesprek plannen"),
    Schorsingstatus.HOORGESPREK_GEPLAND: _("hoorgesprek vastleggen"),
    Schorsingstatus.GEHOORD: _("besluiten"),
    Schorsingstatus.BESLOTEN: _("besluit bekendmaken"),
    Schorsingstatus.BEKENDGEMAAKT: _("schorsing laten ingaan"),
    Schorsingstatus.LOPEND: _("afronden"),
}


@dataclass
class Paneelregel:
    schorsing: Schorsing
    volgende_stap: str
    termijn: object | None


def _met_joins(qs: QuerySet[Schorsing]) -> QuerySet[Schorsing]:
    return qs.select_related("leerling", "maatregel", "termijn_inspectie", "termijn_bezwaar",
                             "termijn_bezwaarbeslissing")


def schorsingen_voor_paneel(user, school, *, op: date) -> list[Paneelregel]:
    leerlingen = toegang.sanctieleerlingen_voor(user, school, PANEELROLLEN, op=op)
    alle = Schorsing.objects.filter(leerling__in=leerlingen)
    qs = _met_joins(
        alle.filter(status__in=LOPEND)
        | alle.filter(bezwaarstatus__in=(Bezwaarstatus.INGEDIEND, Bezwaarstatus.GEHOORD))
        | alle.filter(inspectie_melden=True, inspectie_gemeld_op__isnull=True))
    regels = []
    for s in qs.order_by("eerste_dag", "pk"):
        stap = VOLGENDE_STAP.get(s.status, "")
        termijn = None
        if s.inspectie_melden and not s.inspectie_gemeld_op:
            stap, termijn = _("melden aan de inspectie"), s.termijn_inspectie
        if s.bezwaarstatus == Bezwaarstatus.INGEDIEND:
            stap, termijn = _("ouders horen over het bezwaar"), s.termijn_bezwaarbeslissing
        elif s.bezwaarstatus == Bezwaarstatus.GEHOORD:
            stap, termijn = _("beslissen op het bezwaar"), s.termijn_bezwaarbeslissing
        regels.append(Paneelregel(s, str(stap), termijn))
    return regels


def ladder(leerling: Leerling) -> list[dict]:
    """The measures taken with this pupil, newest first: schorsingen and time-outs."""
    uit = []
    for s in Schorsing.objects.filter(leerling=leerling).select_related("maatregel"):
        uit.append({"datum": s.besloten_op or s.voorgesteld_op, "soort": _("schorsing"),
                    "naam": s.maatregel.naam if s.maatregel else _("Schorsing (voorstel)"),
                    "trede": s.maatregel.trede if s.maatregel else None,
                    "status": s.get_status_display(), "bezwaar": s.bezwaarstatus,
                    "object": s, "url_naam": "sancties:schorsing"})
    for t in TimeOut.objects.filter(leerling=leerling).select_related("maatregel"):
        uit.append({"datum": t.datum, "soort": _("time-out"), "naam": t.maatregel.naam,
                    "trede": t.maatregel.trede, "status": t.get_status_display(),
                    "bezwaar": "", "object": t, "url_naam": "sancties:time_out"})
    for v in Verwijdering.objects.filter(leerling=leerling).select_related("maatregel"):
        uit.append({"datum": v.voorgesteld_op, "soort": _("verwijdering"),
                    "naam": v.maatregel.naam, "trede": v.maatregel.trede,
                    "status": v.get_status_display(), "bezwaar": "", "object": v,
                    "url_naam": "sancties:verwijdering"})
    return sorted(uit, key=lambda r: (r["datum"], r["object"].pk), reverse=True)


def zichtbare_schorsing(user, pk: int) -> Schorsing | None:
    s = (Schorsing.objects.select_related("leerling", "school", "statuut", "maatregel",
                                          "voorgesteld_door", "besloten_door",
                                          "termijn_inspectie", "termijn_bezwaar",
                                          "termijn_bezwaarbeslissing")
         .filter(pk=pk, leerling__in=toegang.leerlingen_voor(user)).first())
    return s


VOLGENDE_STAP_VERWIJDERING = {
    Verwijderingstatus.VOORGESTELD: _("voorbereiden en voornemen bekendmaken"),
    Verwijderingstatus.VOORNEMEN: _("andere school zoeken; definitief besluiten"),
    Verwijderingstatus.BESLOTEN: _("bezwaartermijn afwachten"),
    Verwijderingstatus.BEZWAAR: _("ouders opnieuw horen"),
    Verwijderingstatus.BEZWAAR_GEHOORD: _("nieuw besluit nemen"),
}


def verwijderingen_voor_paneel(user, school, *, op: date) -> list[Paneelregel]:
    leerlingen = toegang.sanctieleerlingen_voor(user, school, PANEELROLLEN, op=op)
    qs = (Verwijdering.objects.filter(leerling__in=leerlingen)
          .exclude(status=Verwijderingstatus.AFGEROND)
          .select_related("leerling", "termijn_bezwaar", "termijn_heroverweging")
          .order_by("voorgesteld_op", "pk"))
    return [Paneelregel(v, str(VOLGENDE_STAP_VERWIJDERING.get(v.status, "")),
                        v.termijn_heroverweging or v.termijn_bezwaar) for v in qs]


def time_outs_voor_paneel(user, school, *, op: date) -> list[TimeOut]:
    """Time-outs of today still waiting for approval, or in force without their report."""
    leerlingen = toegang.sanctieleerlingen_voor(user, school, PANEELROLLEN, op=op)
    return list(TimeOut.objects.filter(leerling__in=leerlingen, status__in=(
        TimeOutstatus.VOORGESTELD, TimeOutstatus.GOEDGEKEURD)).exclude(
        status=TimeOutstatus.VOORGESTELD, datum__lt=op).select_related("leerling")
        .order_by("datum", "pk"))
