"""Reads for the dossier page: entries already limited by `dossiers.toegang` to the sections
the user may read, joined and prefetched so the number of queries does not depend on how
many entries a page shows.

An entry on the page is a chain: the original (`vervangt` empty) and the addenda that
corrected it, newest last. The page lists originals; each shows its current version first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.urls import NoReverseMatch, reverse

from statuut.hulp import naam_van
from statuut.models import Dossiersectie

from . import toegang
from .models import Brief, Dossierstuk, Leerling

PER_PAGINA = 25
SECTIE_VOLGORDE: tuple[str, ...] = tuple(Dossiersectie.values)


def _sectievolgorde():
    return Case(*[When(sectie=s, then=Value(i)) for i, s in enumerate(SECTIE_VOLGORDE)],
                output_field=IntegerField())


def _met_personen(qs: QuerySet[Dossierstuk]) -> QuerySet[Dossierstuk]:
    # The letter kept with an entry comes along for its link, without its PDF.
    # So does an uploaded document (a signed report's scan), without its bytes.
    return qs.select_related("auteur__medewerker", "verwijderd_door__medewerker",
                             "brief", "document").defer("brief__pdf", "brief__gegevens",
                                                        "document__inhoud")


def _met_bron(qs: QuerySet[Dossierstuk]) -> QuerySet[Dossierstuk]:
    """Sources prefetched: one query per kind of source, never per entry."""
    return qs.prefetch_related(GenericPrefetch("bron", [Brief.objects.defer("pdf", "gegevens")]))


@dataclass
class Dossierregel:
    """One entry as the page shows it: the original with its versions."""

    origineel: Dossierstuk
    versies: list[Dossierstuk]  # oldest first: the original, then each addendum
    bron_url: str | None = None
    brief_url: str | None = None
    document: object | None = None  # dossiers.Document kept with the entry

    @property
    def huidig(self) -> Dossierstuk:
        return self.versies[-1]

    @property
    def eerdere(self) -> list[Dossierstuk]:
        """The superseded versions, newest first."""
        return list(reversed(self.versies[:-1]))

    @property
    def correcties(self) -> list[Dossierstuk]:
        """The addenda, newest first (each says when, by whom and why)."""
        return list(reversed(self.versies[1:]))

    @property
    def is_verwijderd(self) -> bool:
        return self.origineel.is_verwijderd

    @property
    def sectie(self) -> str:
        return self.origineel.sectie


@dataclass
class Dossierpagina:
    secties: list[tuple[str, str, int]]  # (value, label, number of entries) the user may read
    sectie: str | None  # the filter, if any
    pagina: Page
    regels: list[Dossierregel] = field(default_factory=list)

    @property
    def getoonde_secties(self) -> list[str]:
        """The sections whose entries this page shows, in section order."""
        aanwezig = {r.sectie for r in self.regels}
        return [s for s in SECTIE_VOLGORDE if s in aanwezig]


def _url_van(obj) -> str | None:
    if obj is None:
        return None
    if isinstance(obj, Brief):
        return brief_url(obj.pk)
    krijg = getattr(obj, "get_absolute_url", None)
    if krijg is None:
        return None
    try:
        return krijg()
    except NoReverseMatch:
        return None


def brief_url(brief_pk: int) -> str | None:
    """The letter's download page, once the letters part provides it."""
    try:
        return reverse("brief_pdf", args=[brief_pk])
    except NoReverseMatch:
        return None


def _ketens(originelen: list[Dossierstuk], addenda: list[Dossierstuk]) -> dict[int, list]:
    per_vervangen: dict[int, list[Dossierstuk]] = {}
    for a in addenda:
        per_vervangen.setdefault(a.vervangt_id, []).append(a)
    uit = {}
    for o in originelen:
        versies = [o]
        while volgende := per_vervangen.get(versies[-1].pk):
            # One addendum per version (the service refuses a second); be safe with the last.
            versies.append(max(volgende, key=lambda s: (s.aangemaakt_op, s.pk)))
        uit[o.pk] = versies
    return uit


def _regels(originelen: list[Dossierstuk], addenda: list[Dossierstuk]) -> list[Dossierregel]:
    ketens = _ketens(originelen, addenda)
    regels = []
    for o in originelen:
        regel = Dossierregel(o, ketens[o.pk])
        for versie in regel.versies:
            versie.auteur_naam = naam_van(versie.auteur)
            versie.verwijderd_door_naam = naam_van(versie.verwijderd_door)
        if not o.is_verwijderd:
            regel.bron_url = _url_van(o.bron) if o.bron_type_id else None
            brief = getattr(o, "brief", None)
            if brief is not None and not (o.bron_type_id and isinstance(o.bron, Brief)):
                regel.brief_url = brief_url(brief.pk)
            regel.document = getattr(o, "document", None)
        regels.append(regel)
    return regels


def dossierpagina(user, leerling: Leerling, *, sectie: str | None = None,
                  pagina: str | int | None = None, op: date | None = None,
                  secties: frozenset[str] | None = None) -> Dossierpagina:
    """One page of `leerling`'s dossier as `user` may read it: originals in section order,
    newest first within a section, each with its versions; optionally one section only.

    `sectie` must be one of the readable sections (the caller checks and says so).
    """
    if secties is None:
        secties = toegang.zichtbare_secties(user, leerling, op=op)
    basis = toegang.dossierstukken_voor(user, leerling, op=op, secties=secties)
    tellingen = dict(
        basis.filter(vervangt__isnull=True).values_list("sectie").annotate(n=Count("pk"))
        .values_list("sectie", "n")
    )
    sectielijst = [(s, Dossiersectie(s).label, tellingen.get(s, 0))
                   for s in SECTIE_VOLGORDE if s in secties]
    getoond = basis.filter(sectie=sectie) if sectie else basis
    originelen_qs = (
        _met_bron(_met_personen(getoond.filter(vervangt__isnull=True)))
        .annotate(sectievolgorde=_sectievolgorde())
        .order_by("sectievolgorde", "-datum", "-aangemaakt_op", "-pk")
    )
    page = Paginator(originelen_qs, PER_PAGINA).get_page(pagina)
    originelen = list(page.object_list)
    addenda = []
    if originelen:
        # Every addendum of the sections on this page, in one query; chains are joined here.
        addenda = list(_met_personen(
            Dossierstuk.objects.filter(
                leerling=leerling, vervangt__isnull=False,
                sectie__in={o.sectie for o in originelen},
            )
        ).order_by("aangemaakt_op", "pk"))
    return Dossierpagina(sectielijst, sectie, page, _regels(originelen, addenda))


def dossierregel(user, leerling: Leerling, stuk_pk: int, *, op: date | None = None
                 ) -> Dossierregel | None:
    """The entry `stuk_pk` (any of its versions) with its whole chain, if `user` may read
    its section; else None."""
    stuk = (toegang.dossierstukken_voor(user, leerling, op=op)
            .filter(pk=stuk_pk).first())
    if stuk is None:
        return None
    # Walk up to the original (corrections are few; one query per level).
    while stuk.vervangt_id is not None:
        stuk = Dossierstuk.objects.get(pk=stuk.vervangt_id)
    origineel = _met_bron(_met_personen(Dossierstuk.objects.filter(pk=stuk.pk))).get()
    addenda = list(_met_personen(Dossierstuk.objects.filter(
        leerling=leerling, sectie=origineel.sectie, vervangt__isnull=False,
    )).order_by("aangemaakt_op", "pk"))
    return _regels([origineel], addenda)[0]


def op_te_schonen(user, leerling: Leerling, *, op: date | None = None) -> list[Dossierregel]:
    """The entries still in the dossier, in the sections `user` may read: what the yearly
    clean-up can choose from, each with its current version."""
    originelen = list(
        _met_personen(toegang.dossierstukken_voor(user, leerling, op=op)
                      .filter(vervangt__isnull=True, verwijderd_op__isnull=True))
        .annotate(sectievolgorde=_sectievolgorde())
        .order_by("sectievolgorde", "-datum", "-aangemaakt_op", "-pk")
    )
    addenda = list(_met_personen(Dossierstuk.objects.filter(
        leerling=leerling, vervangt__isnull=False, sectie__in={o.sectie for o in originelen},
    )).order_by("aangemaakt_op", "pk")) if originelen else []
    return _regels(originelen, addenda)
