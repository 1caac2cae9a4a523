"""Reads for the pages: querysets already filtered by `dossiers.toegang` and already joined,
so a page's number of queries does not depend on how many rows it shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.utils import formats
from django.utils.translation import gettext

from statuut.hulp import vandaag
from statuut.models import Gegevenscategorie, School, Statuut, Termijn, Termijnstatus

from . import relaties, termijnonderwerpen, toegang
from .models import Groep, Groepsplaatsing, Leerling, Ouder, Ouderschap, Roltoewijzing


def zichtbare_leerlingen(user, *, op: date | None = None) -> QuerySet[Leerling]:
    return toegang.leerlingen_voor(user, op=op).select_related("school")


def _met_zichtbare_leerlingen(groepen: QuerySet[Groep], user, op: date) -> QuerySet[Groep]:
    """Groups of this school year, each with only the pupils the user may see (prefetched)."""
    plaatsingen = (
        Groepsplaatsing.objects.filter(leerling__in=toegang.leerlingen_voor(user, op=op))
        .select_related("leerling")
        .order_by("leerling__achternaam", "leerling__roepnaam")
    )
    return (
        groepen.filter(relaties.huidig_schooljaar(op))
        .select_related("school", "schooljaar", "afdeling")
        .prefetch_related(Prefetch("plaatsingen", queryset=plaatsingen, to_attr="zichtbaar"))
        .distinct()
        .order_by("naam")
    )


def mentorgroepen(user, *, school: School, op: date | None = None) -> QuerySet[Groep]:
    op = vandaag(op)
    return _met_zichtbare_leerlingen(
        Groep.objects.filter(school=school, mentoren__user=user), user, op
    )


def lesgroepen(user, *, school: School, op: date | None = None) -> QuerySet[Groep]:
    op = vandaag(op)
    return _met_zichtbare_leerlingen(
        Groep.objects.filter(school=school, lesopdrachten__docent__user=user), user, op
    )


#: Up to this many pupils a teamleider's department groups list every pupil; above it
#: (a large school's department has well over a thousand) each group shows its number and
#: lists its pupils when asked (issue 15).
AFDELING_ALLE_LEERLINGEN = 200


def afdelingsgroepen(user, *, school: School, op: date | None = None,
                     uitgeklapt: int | None = None) -> list[Groep]:
    """The groups of the departments the user leads as teamleider, each with `aantal`, the
    number of its pupils the user may see, and `zichtbaar`, those pupils' placements: for
    every group when the department has at most `AFDELING_ALLE_LEERLINGEN` of them, else
    only for the group `uitgeklapt` (a pk). Two queries either way."""
    op = vandaag(op)
    afdelingen = Roltoewijzing.objects.filter(
        medewerker__user=user, school=school, afdeling__isnull=False
    ).values("afdeling_id")
    zichtbaar = toegang.leerlingen_voor(user, op=op)
    groepen = list(
        Groep.objects.filter(school=school, afdeling_id__in=afdelingen)
        .filter(relaties.huidig_schooljaar(op))
        .select_related("school", "schooljaar", "afdeling")
        .annotate(aantal=Count("plaatsingen", filter=Q(plaatsingen__leerling__in=zichtbaar)))
        .order_by("naam")
    )
    alle = sum(g.aantal for g in groepen) <= AFDELING_ALLE_LEERLINGEN
    tonen = [g.pk for g in groepen if alle or g.pk == uitgeklapt] or [0]
    plaatsingen = (
        Groepsplaatsing.objects.filter(leerling__in=zichtbaar, groep_id__in=tonen)
        .select_related("leerling")
        .order_by("leerling__achternaam", "leerling__roepnaam")
    )
    prefetch_related_objects(groepen, Prefetch("plaatsingen", queryset=plaatsingen,
                                               to_attr="zichtbaar"))
    return groepen


def leerlingen_zoeken(
    user, *, school: School, zoekterm: str = "", op: date | None = None
) -> QuerySet[Leerling]:
    """The school's pupils the user may see, optionally matching a name or pupil number,
    each with its groups of this school year prefetched as `huidige_plaatsingen`."""
    op = vandaag(op)
    qs = toegang.leerlingen_voor(user, op=op).filter(school=school)
    for woord in zoekterm.split():
        qs = qs.filter(
            Q(roepnaam__icontains=woord) | Q(achternaam__icontains=woord)
            | Q(voornamen__icontains=woord) | Q(tussenvoegsel__icontains=woord)
            | Q(leerlingnummer__iexact=woord)
        )
    plaatsingen = relaties.plaatsingen_op(op).select_related("groep")
    return qs.prefetch_related(
        Prefetch("plaatsingen", queryset=plaatsingen, to_attr="huidige_plaatsingen")
    ).order_by("achternaam", "roepnaam", "pk")


def _open_termijnen_qs(user, *, met_namen: bool):
    return _met_namen(_open_termijnen_basis(user)) if met_namen else _open_termijnen_basis(user)


def _open_termijnen_basis(user):
    # Mine by name, or by a role I hold at the deadline's school (one subquery, no loop).
    mijn_rollen = Roltoewijzing.objects.filter(
        medewerker__user=user, school=OuterRef("school"), rol=OuterRef("verantwoordelijke_rol"))
    return (Termijn.objects.filter(status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN])
            .filter(Q(verantwoordelijke=user)
                    | Q(verantwoordelijke__isnull=True) & Exists(mijn_rollen))
            # A deadline is visible exactly to those who may see its subject (issue 11).
            .filter(toegang.termijnen_zichtbaar_filter(user))
            .select_related("school").order_by("vervaldatum", "pk"))


def _met_namen(qs):
    expressie = termijnonderwerpen.leerling_id_expressie()
    return qs if expressie is None else qs.annotate(leerling_id=expressie)


def _termijnen_markeren(user, termijnen: list[Termijn], *, op: date) -> list[Termijn]:
    zichtbaar: dict[int, Leerling] = {}
    ids = {t.leerling_id for t in termijnen if getattr(t, "leerling_id", None)}
    if ids:
        mag = toegang.leerlingen_voor(user, op=op).filter(pk__in=ids).values("pk")
        zichtbaar = {ll.pk: ll for ll in Leerling.objects.filter(pk__in=mag)}
    for t in termijnen:
        t.te_laat = t.vervaldatum < op
        # The page that names the pupil logs the read (`audit`).
        t.leerling = zichtbaar.get(getattr(t, "leerling_id", None))
        t.leerling_naam = t.leerling.volledige_naam if t.leerling else ""
    return termijnen


def open_termijnen(user, *, op: date | None = None, met_namen: bool = False,
                   limiet: int | None = None) -> list[Termijn]:
    """The user's open deadlines, overdue first (earliest due date first), each marked; at
    most `limiet` of them.

    `met_namen`: each gets `leerling` and `leerling_naam`, the pupil it is about when the
    user may see that pupil (`toegang.leerlingen_voor`), else None and "" and the text's
    reference stays alone. Two queries in all, however many deadlines."""
    op = vandaag(op)
    qs = _open_termijnen_qs(user, met_namen=met_namen)
    return _termijnen_markeren(user, list(qs[:limiet] if limiet else qs), op=op)


def aantal_open_termijnen(user) -> int:
    return _open_termijnen_qs(user, met_namen=False).count()


def open_termijnen_en_aantal(user, *, op: date | None = None,
                             limiet: int) -> tuple[list[Termijn], int]:
    """`open_termijnen(user, met_namen=True, limiet=limiet)` and `aantal_open_termijnen(user)`
    from one filter: building the visibility filter (a subquery per flow) is most of the
    start page's own time, so it is built once."""
    op = vandaag(op)
    basis = _open_termijnen_basis(user)
    aantal = basis.count()
    return _termijnen_markeren(user, list(_met_namen(basis)[:limiet]), op=op), aantal


def open_termijnen_pagina(user, pagina, *, op: date | None = None, per_pagina: int = 50):
    """One page of the user's open deadlines (the full list behind "Mijn termijnen")."""
    op = vandaag(op)
    pagina = Paginator(_open_termijnen_qs(user, met_namen=True), per_pagina).get_page(pagina)
    pagina.object_list = _termijnen_markeren(user, list(pagina.object_list), op=op)
    return pagina


@dataclass(frozen=True)
class Statuutstand:
    statuut: Statuut | None
    verlopen: bool


def statuutstand(school: School, *, op: date | None = None) -> Statuutstand:
    """The statuut version in force at the school on `op`, and whether it has expired."""
    from statuut.selectors import statuut_op

    op = vandaag(op)
    statuut = statuut_op(school, op)
    return Statuutstand(statuut, statuut is not None and statuut.is_verlopen(op))


@dataclass(frozen=True)
class Veld:
    label: str
    waarde: str


@dataclass(frozen=True)
class Categorie:
    code: str
    titel: str
    velden: list[Veld]
    rijen: list[list[Veld]]  # for B (one block per parent) and D (one row per group)


def _toon(waarde) -> str:
    if waarde is None or waarde == "":
        return "—"
    if isinstance(waarde, date):
        return formats.date_format(waarde, "DATE_FORMAT")
    if isinstance(waarde, bool):
        return gettext("ja") if waarde else gettext("nee")
    return str(waarde)


def _ouders(leerling: Leerling) -> list[list[Veld]]:
    o = Ouder._meta
    blokken = []
    for schap in Ouderschap.objects.filter(leerling=leerling).select_related("ouder"):
        ouder = schap.ouder
        blokken.append([
            Veld(gettext("Naam"), str(ouder)),
            Veld(str(Ouderschap._meta.get_field("relatie").verbose_name).capitalize(),
                 _toon(schap.relatie)),
            Veld(str(Ouderschap._meta.get_field("gezag").verbose_name).capitalize(),
                 _toon(schap.gezag)),
            *[
                Veld(str(o.get_field(n).verbose_name).capitalize(), _toon(getattr(ouder, n)))
                for n in ("adres", "postcode", "woonplaats", "telefoon", "email",
                          "geboortedatum", "geboorteplaats")
            ],
        ])
    return blokken


def _groepen(leerling: Leerling) -> list[list[Veld]]:
    plaatsingen = (
        Groepsplaatsing.objects.filter(leerling=leerling)
        .select_related("groep__schooljaar", "groep__afdeling")
        .order_by("-groep__schooljaar__begin", "groep__naam")
    )
    return [
        [Veld(gettext("Schooljaar"), str(p.groep.schooljaar)),
         Veld(gettext("Groep"), p.groep.naam),
         Veld(gettext("Afdeling"), p.groep.afdeling.naam if p.groep.afdeling else "—")]
        for p in plaatsingen
    ]


def centrale_administratie(leerling: Leerling, categorieen: frozenset[str]) -> list[Categorie]:
    """The pupil's central administration data (art. 9.1), only the allowed categories.

    Data of a category that is not allowed is not even read from the database.
    """
    uit = []
    for code in toegang.CENTRALE_CATEGORIEEN:
        if code not in categorieen:
            continue
        titel = str(Gegevenscategorie(code).label)
        velden = [
            Veld(str(f.verbose_name).capitalize(), _toon(getattr(leerling, f.name)))
            for f in Leerling.velden_van_categorie(code)
        ]
        rijen: list[list[Veld]] = []
        if code == "B":
            rijen = _ouders(leerling)
        elif code == "D":
            rijen = _groepen(leerling)
        uit.append(Categorie(code, titel, velden, rijen))
    return uit
