"""The reads of the daily measures: already filtered by the statuut's rows and joined, so
a page's query count does not grow with the rows it shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import OuterRef, Q, Subquery

from dossiers import maatregelen, relaties
from dossiers import toegang as dossiertoegang
from dossiers.models import Leerling
from statuut.models import Maatregelsoort
from statuut.selectors import statuut_op

from . import toegang
from .models import Lesmaatregel


@dataclass
class Keuzes:
    """What the quick registration offers at one school."""

    school: object
    statuut: object
    eigen: list  # rungs of this flow the user may impose on some pupil
    elders: list  # (rung, url name) rungs another flow records, the user may impose
    alle: list  # every rung of this flow in the statuut (the form's valid values)
    fraude: list  # the statuut's fraude measures, when the user may record fraude
    categorieen: list  # the statuut's offence kinds (police, notification)


def _scholen(user):
    return dossiertoegang.scholen_van(user).order_by("pk")


def keuzes(user, *, op: date, school=None) -> Keuzes | None:
    """The rungs and fraude measures the statuut's rows give `user` at one of their schools
    (the first, or `school`); None when none."""
    for s in _scholen(user):
        if school is not None and s.pk != school:
            continue
        statuut = statuut_op(s, op)
        if statuut is None:
            continue
        alle, eigen, elders = [], [], []
        for rung in Maatregelsoort.objects.filter(statuut=statuut).order_by("trede"):
            mijn = rung.soort in toegang.SOORTEN
            url = None if mijn else maatregelen.invoerpagina(rung.soort)
            if not mijn and url is None:
                continue
            if mijn:
                alle.append(rung)
            if toegang.leerlingen(user, toegang.OPLEGGEN, voor=rung.code, school=s,
                                  op=op).exists():
                (eigen if mijn else elders).append(rung if mijn else (rung, url))
        fraude = (list(statuut.fraudemaatregelen or [])
                  if toegang.leerlingen(user, toegang.FRAUDE_VASTLEGGEN, school=s,
                                        op=op).exists() else [])
        # Links to another flow's page alone make no quick registration (Wijzer: only
        # the time-out, recorded on the pupil's own page).
        if eigen or fraude:
            return Keuzes(s, statuut, eigen, elders, alle, fraude,
                          [(o["code"], o["naam"]) for o in statuut.overtredingen or []])
    return None


def groepslijst(user, k: Keuzes, *, op: date):
    """The pupils `user` may impose one of the offered rungs on (or record fraude for): the
    docent's and mentor's own groups (`dossiers.relaties`, through the rows' scope), with
    their group of today, ordered by group and name."""
    filter_ = Q(pk__in=[])
    for rung in k.eigen:
        filter_ |= Q(pk__in=toegang.leerlingen(user, toegang.OPLEGGEN, voor=rung.code,
                                               school=k.school, op=op).values("pk"))
    if k.fraude:
        filter_ |= Q(pk__in=toegang.leerlingen(user, toegang.FRAUDE_VASTLEGGEN,
                                               school=k.school, op=op).values("pk"))
    plaatsing = relaties.plaatsingen_op(op).filter(leerling=OuterRef("pk")).order_by("pk")
    return (Leerling.objects.filter(filter_, school=k.school)
            .annotate(groepnaam=Subquery(plaatsing.values("groep__naam")[:1]))
            .order_by("groepnaam", "achternaam", "roepnaam", "pk"))


def zichtbare_maatregel(user, pk: int) -> Lesmaatregel | None:
    m = (Lesmaatregel.objects.select_related(
        "leerling__school", "statuut", "maatregelsoort", "opgelegd_door__medewerker",
        "afgehandeld_door", "termijn_opvolging", "termijn_melding", "dossierstuk")
        .filter(toegang.zichtbaar(user), pk=pk).first())
    return m
