"""The read log (AVG): who read which part of which pupil's data, and when.

Views call these after deciding, through `dossiers.toegang`, what they show; every page
that shows pupil data writes one row per pupil shown, in one query. Each row keeps the
reader's roles at that moment and copies the username and pupil number, so the log still
says who read whom after an account or a pupil is gone.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

from . import toegang
from .models import Inzage, Leerling

CENTRALE_ADMINISTRATIE = "centrale administratie"
LEERLINGENLIJST = "leerlingenlijst"

_MAX = Inzage._meta.get_field("onderdeel").max_length


def _rij(user, leerling: Leerling, onderdeel: str, rollen: frozenset[str],
         object: models.Model | None = None) -> Inzage:
    return Inzage(
        user=user, gebruikersnaam=user.get_username(), rollen=sorted(rollen),
        leerling=leerling, leerlingnummer=leerling.leerlingnummer, school_id=leerling.school_id,
        onderdeel=onderdeel[:_MAX],
        object_type=ContentType.objects.get_for_model(object) if object is not None else None,
        object_id=object.pk if object is not None else None,
    )


def inzage_vastleggen(*, user, leerling: Leerling, onderdeel: str,
                      object: models.Model | None = None) -> Inzage:
    """Log that `user` read part `onderdeel` (optionally one object) of `leerling`'s data."""
    rollen = toegang.rollen_van(user, leerling.school_id)
    return Inzage.objects.bulk_create([_rij(user, leerling, onderdeel, rollen, object)])[0]


def onderdelen_vastleggen(*, user, leerling: Leerling, onderdelen: Iterable[str]) -> int:
    """Log the reads of several parts of one pupil's data shown on one page, in one insert."""
    rollen = toegang.rollen_van(user, leerling.school_id)
    rijen = [_rij(user, leerling, onderdeel, rollen, None) for onderdeel in onderdelen]
    Inzage.objects.bulk_create(rijen)
    return len(rijen)


def inzagen_vastleggen(*, user, leerlingen: Iterable[Leerling], onderdeel: str) -> int:
    """Log one read per pupil shown on a list page, in a single insert."""
    rollen_per_school: dict[int, frozenset[str]] = {}
    rijen = []
    for ll in leerlingen:
        if ll.school_id not in rollen_per_school:
            rollen_per_school[ll.school_id] = toegang.rollen_van(user, ll.school_id)
        rijen.append(_rij(user, ll, onderdeel, rollen_per_school[ll.school_id]))
    Inzage.objects.bulk_create(rijen)
    return len(rijen)
