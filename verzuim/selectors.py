"""Reads for the verzuim pages, filtered by the authority rows and joined, so a page's query
count does not grow with the rows it shows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery, Sum

from dossiers import relaties
from dossiers.models import Groepsplaatsing, Leerling
from statuut import kalender
from statuut.models import Verzuimdrempel
from statuut.selectors import statuut_op

from . import drempels, perioden, toegang
from .models import Absentie, Actiestatus, Drempelactie, Oordeel, TeLaat

#: Without a threshold to say otherwise: six weeks (Echnaton bijlage A) and the law's four.
PERIODE_WEKEN = 6
LEERPLICHT_WEKEN = 4


def leerlingen_overzicht(user, *, op: date, actie: str = toegang.OVERZICHT_ZIEN):
    """The pupils for whom `user` holds `actie` (the overview), with their group and
    afdeling of today."""
    plaatsing = relaties.plaatsingen_op(op).filter(leerling=OuterRef("pk")).order_by("pk")
    return (toegang.leerlingen(user, actie, op=op)
            .select_related("school")
            .annotate(groepnaam=Subquery(plaatsing.values("groep__naam")[:1]),
                      afdelingsnaam=Subquery(plaatsing.values("groep__afdeling__naam")[:1]))
            .order_by("school_id", "groepnaam", "achternaam", "roepnaam", "pk"))


@dataclass
class Rij:
    leerling: Leerling
    te_laat: int = 0
    te_beoordelen: int = 0
    uren: int = 0
    volgende: Verzuimdrempel | None = None
    open: list = field(default_factory=list)


@dataclass
class Schoolstand:
    periode: perioden.Periode | None
    venster: tuple[date, date] | None
    drempels: list


def _stand(school, op: date) -> Schoolstand:
    statuut = statuut_op(school, op)
    alle = list(statuut.verzuimdrempels.all()) if statuut else []
    weken = min((d.periode_weken for d in alle if d.soort == Verzuimdrempel.Soort.TE_LAAT
                 and d.periode_weken), default=PERIODE_WEKEN)
    lp = min((d.periode_weken for d in alle if d.telt == Verzuimdrempel.Telt.LESUREN
              and d.periode_weken), default=LEERPLICHT_WEKEN)
    try:
        return Schoolstand(perioden.periode_op(school, op, weken),
                           perioden.venster(school, op, lp), alle)
    except kalender.KalenderOnbekend:
        return Schoolstand(None, None, alle)


def overzichtrijen(leerlingen: list[Leerling], *, op: date) -> tuple[list[Rij], dict]:
    """Per pupil: ongeoorloofd te laat in the current period, still to judge, ongeoorloofd
    absence hours in the current leerplicht window, the next threshold, the open steps."""
    rijen = {ll.pk: Rij(ll) for ll in leerlingen}
    standen = {}
    per_school = defaultdict(list)
    for ll in leerlingen:
        per_school[ll.school_id].append(ll)
    for _school_id, lijst in per_school.items():
        school = lijst[0].school
        stand = standen[school.pk] = _stand(school, op)
        ids = [ll.pk for ll in lijst]
        if stand.periode:
            for r in (TeLaat.objects.filter(leerling_id__in=ids,
                                            datum__range=(stand.periode.van, stand.periode.tot))
                      .values("leerling_id").annotate(
                          n=Count("pk", filter=Q(oordeel=Oordeel.ONGEOORLOOFD)),
                          t=Count("pk", filter=Q(oordeel=Oordeel.NOG_TE_BEOORDELEN)))):
                rijen[r["leerling_id"]].te_laat = r["n"]
                rijen[r["leerling_id"]].te_beoordelen = r["t"]
        if stand.venster:
            for r in (Absentie.objects.filter(leerling_id__in=ids, oordeel=Oordeel.ONGEOORLOOFD,
                                              datum__range=stand.venster)
                      .values("leerling_id").annotate(n=Sum("uren"))):
                rijen[r["leerling_id"]].uren = r["n"] or 0
        for ll in lijst:
            rij = rijen[ll.pk]
            kandidaten = [d for d in stand.drempels
                          if d.soort == Verzuimdrempel.Soort.TE_LAAT and d.aantal
                          and d.periode_weken and d.aantal > rij.te_laat
                          and drempels.geldt_voor(d, ll.afdelingsnaam or "")]
            rij.volgende = min(kandidaten, key=lambda d: (d.aantal, d.opeenvolgende_perioden),
                               default=None)
    for actie in Drempelactie.objects.filter(
            leerling_id__in=list(rijen), status=Actiestatus.OPEN).select_related("termijn"):
        rijen[actie.leerling_id].open.append(actie)
    return list(rijen.values()), standen


def leerplichtacties(user, *, op: date):
    """The open and done leerplicht reports the user may make."""
    return (Drempelactie.objects.filter(
        actie_code=Verzuimdrempel.Actie.MELDING_LEERPLICHT,
        leerling__in=toegang.leerlingen(user, toegang.LEERPLICHT_MELDEN, op=op))
        .select_related("leerling", "termijn", "school")
        .order_by("status", "termijn__vervaldatum", "overschreden_op", "pk"))


def melding(actie: Drempelactie) -> dict:
    """The report's data (Leerplichtwet art. 21a; DUO verzuimloket): the pupil, the window,
    the ongeoorloofd hours per day, and what the school did (its verzuim entries)."""
    from dossiers.models import Dossierstuk

    absenties = list(Absentie.objects.filter(
        leerling=actie.leerling, oordeel=Oordeel.ONGEOORLOOFD,
        datum__range=(actie.van, actie.tot)).order_by("datum", "pk"))
    gedaan = list(Drempelactie.objects.filter(leerling=actie.leerling,
                                              schooljaar=actie.schooljaar)
                  .exclude(pk=actie.pk).order_by("overschreden_op", "pk"))
    stukken = list(Dossierstuk.objects.filter(
        leerling=actie.leerling, sectie="verzuim", verwijderd_op__isnull=True,
        datum__range=(actie.van, actie.tot)).order_by("datum", "pk")
        .values("datum", "titel"))
    groep = Groepsplaatsing.objects.filter(leerling=actie.leerling).select_related(
        "groep").order_by("-pk").first()
    return {"actie": actie, "leerling": actie.leerling, "absenties": absenties,
            "uren": sum(a.uren for a in absenties), "gedaan": gedaan, "stukken": stukken,
            "groep": groep.groep.naam if groep else ""}
