"""The read log (AVG): who read which part of which pupil's data, and when.

Views call these after deciding, through `dossiers.toegang`, what they show. Every page view
that shows pupil data writes ONE row (Normenkader IBP SM.04 asks that logs are reviewed; one
row per pupil listed made a million rows a week at a large school):

- a page about one pupil: `inzage_vastleggen` (one part) or `onderdelen_vastleggen` (the
  parts shown, in one field);
- a page listing pupils: `inzagen_vastleggen`: the list, its filter, how many pupils and
  their numbers in one field (one row per school whose pupils it shows, since each school
  reads only its own log).

Each row keeps the reader's roles at that moment and copies the username and pupil numbers,
so the log still says who read whom after an account or a pupil is gone, and it names the
kinds of record it touches (`Inzagesoort`) so the log page shows its part names only to
whom may see the subject.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from django.contrib.contenttypes.models import ContentType
from django.db import models

from . import toegang
from .models import Inzage, Inzagesoort, Leerling

CENTRALE_ADMINISTRATIE = "centrale administratie"
LEERLINGENLIJST = "leerlingenlijst"
#: What the log page shows instead of a part name the reader of the log may not see.
NEUTRAAL_LEERLING = "leerlinggegevens"
NEUTRAAL_LIJST = LEERLINGENLIJST

_MAX = Inzage._meta.get_field("onderdeel").max_length
_MAX_FILTER = Inzage._meta.get_field("filter").max_length
_MAX_LIJST = Inzage._meta.get_field("lijst").max_length


class Getoond(Protocol):
    """A pupil as a list shows it: a Leerling, or a lighter row carrying the same two."""

    leerlingnummer: str
    school_id: int


def _soorten(soorten: Iterable[str]) -> str:
    return ",".join(sorted(set(soorten)))


def _basis(user, school_id, rollen: frozenset[str], soorten: Iterable[str]) -> dict:
    return {"user": user, "gebruikersnaam": user.get_username(), "rollen": sorted(rollen),
            "school_id": school_id, "soorten": _soorten(soorten)}


def inzage_vastleggen(*, user, leerling: Leerling, onderdeel: str,
                      object: models.Model | None = None,
                      soorten: Iterable[str] | None = None) -> Inzage:
    """Log that `user` read part `onderdeel` (optionally one object) of `leerling`'s data.

    `soorten`: the kinds of record shown (`Inzagesoort`); by default those of the object's
    flow (`toegang.inzagesoort`), else the personal dossier."""
    if soorten is None:
        soorten = ({toegang.inzagesoort(object)} if object is not None
                   else {Inzagesoort.DOSSIER})
    rollen = toegang.rollen_van(user, leerling.school_id)
    return Inzage.objects.bulk_create([Inzage(
        **_basis(user, leerling.school_id, rollen, soorten),
        leerling=leerling, leerlingnummer=leerling.leerlingnummer, onderdeel=onderdeel[:_MAX],
        object_type=ContentType.objects.get_for_model(object) if object is not None else None,
        object_id=object.pk if object is not None else None,
    )])[0]


def onderdelen_vastleggen(*, user, leerling: Leerling,
                          onderdelen: Iterable[tuple[str, Iterable[str]]]) -> Inzage:
    """Log the parts of one pupil's data shown on one page as ONE row: `onderdelen` are
    (name, kinds of record) pairs; the row names them all, separated by "; "."""
    onderdelen = [(naam, frozenset(s)) for naam, s in onderdelen if naam]
    return inzage_vastleggen(
        user=user, leerling=leerling, onderdeel="; ".join(n for n, _s in onderdelen),
        soorten=frozenset().union(*(s for _n, s in onderdelen)))


def inzagen_vastleggen(*, user, leerlingen: Iterable[Getoond], lijst: str,
                       onderdeel: str = LEERLINGENLIJST, filter: str = "",
                       soorten: Iterable[str] = ()) -> list[Inzage]:
    """Log one page view of a list of pupils: per school whose pupils it shows, one row
    naming the list (`lijst`, e.g. "startpagina"), what it shows of each pupil
    (`onderdeel`), its filter (the search term, the page), how many pupils and their
    numbers. Nothing is written for a list that showed nobody."""
    per_school: dict[int, dict[str, None]] = {}
    for ll in leerlingen:
        per_school.setdefault(ll.school_id, {})[ll.leerlingnummer] = None
    rijen = []
    for school_id, nummers in per_school.items():
        rijen.append(Inzage(
            **_basis(user, school_id, toegang.rollen_van(user, school_id), soorten),
            onderdeel=onderdeel[:_MAX], lijst=lijst[:_MAX_LIJST], filter=filter[:_MAX_FILTER],
            aantal=len(nummers), leerlingnummers=" ".join(nummers),
        ))
    return Inzage.objects.bulk_create(rijen)
