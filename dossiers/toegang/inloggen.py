"""Who needs a second factor (ASVS 4.3.1).

Part of the access policy `dossiers.toegang`; see the package's docstring."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass
from . import haken
from .basis import (
    DOSSIER,
    GEEN,
    ZORG,
    _medewerker,
    _statuut_op,
    _vandaag,
    rollen_per_school,
)
from .matrix import (
    TOEKENNING_CATEGORIEEN,
    _actieve_toekenningen,
    _regels,
)

# --- Inloggen (issue 11): who needs a second factor ---
# ASVS 4.3.1 and the nature of the data (meldcode, confidential complaints): whoever may read
# care, complaint or dossier content logs in with a second factor. Derived from the same
# rules as the pages, so a statuut that opens the dossier to another role asks it of them too.

def scholen_met_inhoud(user, *, op: date | None = None) -> frozenset[int]:
    """The ids of the schools where `user`'s roles (or a grant in force) open dossier, care
    or complaint content of at least some pupils."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN
    op = _vandaag(op)
    per_school = rollen_per_school(user)
    uit: set[int] = set()
    for school_id, (school, rollen) in per_school.items():
        statuut = _statuut_op(school, op)
        if (any(DOSSIER in r.categorieen for r in _regels(statuut, rollen))
                or _houdt_inhoudsactie(statuut, rollen)
                or any(hook(school, frozenset(rollen), statuut) for hook in haken.INHOUD)):
            uit.add(school_id)
    inhoud = [o for o, cats in TOEKENNING_CATEGORIEEN.items() if cats & {DOSSIER, ZORG}]
    uit |= set(_actieve_toekenningen(user, op).filter(omvang__in=inhoud)
               .values_list("leerling__school_id", flat=True))
    return frozenset(uit)


def _houdt_inhoudsactie(statuut, rollen: set[str]) -> bool:
    """An authority row of an action that reads content (`statuut.acties`, `inhoud`) for one
    of these roles, or for a body they act for."""
    from statuut import acties
    from statuut.models import Bevoegdheid, Orgaanrol

    if statuut is None:
        return False
    organen = [o.orgaan for o in Orgaanrol.objects.filter(statuut=statuut)
               if set(o.rollen) & rollen]
    return Bevoegdheid.objects.filter(statuut=statuut, actie__in=acties.inhoudsacties(),
                                      rol__in=[*rollen, *organen]).exists()
