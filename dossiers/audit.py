"""The read log (AVG): who read which part of which pupil's data, and when.

Views call these after deciding, through `dossiers.toegang`, what they show; every page
that shows pupil data writes one row per pupil shown, in one query.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import Inzage, Leerling

CENTRALE_ADMINISTRATIE = "centrale administratie"
LEERLINGENLIJST = "leerlingenlijst"

_MAX = Inzage._meta.get_field("onderdeel").max_length


def inzage_vastleggen(*, user, leerling: Leerling, onderdeel: str) -> Inzage:
    """Log that `user` read part `onderdeel` of `leerling`'s data."""
    return Inzage.objects.create(user=user, leerling=leerling, onderdeel=onderdeel[:_MAX])


def inzagen_vastleggen(*, user, leerlingen: Iterable[Leerling], onderdeel: str) -> int:
    """Log one read per pupil shown on a list page, in a single insert."""
    rijen = [Inzage(user=user, leerling=ll, onderdeel=onderdeel[:_MAX]) for ll in leerlingen]
    Inzage.objects.bulk_create(rijen)
    return len(rijen)
