"""The measures' policy (schorsing, verwijdering, time-out).

Part of the access policy `dossiers.toegang`; see the package's docstring."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from statuut.models import Dossiersectie, Toegangsregel

from .. import relaties
from ..models import (
    Leerling,
    Roltoewijzing,
)
from .basis import (
    DOSSIER,
    GEEN,
    _medewerker,
    _statuut_op,
    _vandaag,
)
from .matrix import (
    _eigen_leerling_ids,
    _regels,
    zichtbare_secties,
)

# --- Sancties (issue 4) ---
# Who may propose, decide or record a measure is a list of roles in the statuut's ladder
# (`Maatregelsoort.opleggen_door`, `voorstel_door`, `goedkeuring_door`) or its rules
# (`Statuut.schorsing_horen_door`). A role counts for a pupil in the relation its row of the
# access matrix asks: a rule "alleen eigen leerlingen" (e.g. a teamleider: own department)
# only for own pupils; a role without a row counts for nobody.


def sanctierollen(user, leerling: Leerling, *, op: date | None = None) -> frozenset[str]:
    """The user's roles at the pupil's school that hold for this pupil under the matrix."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN
    op = _vandaag(op)
    toewijzingen = list(Roltoewijzing.objects.filter(medewerker=medewerker,
                                                     school_id=leerling.school_id))
    uit: set[str] = set()
    for regel in _regels(_statuut_op(leerling.school, op), {t.rol for t in toewijzingen}):
        if regel.alleen_eigen_leerlingen:
            ids = _eigen_leerling_ids(medewerker, regel.rol, toewijzingen, leerling.school_id, op)
            if ids is None or not ids.filter(leerling_id=leerling.pk).exists():
                continue
        uit.add(regel.rol)
    return frozenset(uit)


def mag_maatregel(user, leerling: Leerling, rollen, *, op: date | None = None) -> bool:
    """May `user` act on `leerling` as one of `rollen` (a list from the statuut)?"""
    return bool(sanctierollen(user, leerling, op=op) & set(rollen or ()))


def mag_sancties_zien(user, leerling: Leerling, *, op: date | None = None) -> bool:
    """Measures are part of the dossier's behaviour section (Echnaton art. 9.2)."""
    return Dossiersectie.GEDRAG in zichtbare_secties(user, leerling, op=op)


def sanctieleerlingen_voor(user, school, rollen, *, op: date | None = None
                           ) -> QuerySet[Leerling]:
    """The pupils of `school` for whom `user` holds one of `rollen` in the matrix's relation
    and whose dossier that role opens (for a start-page panel: the teamleider's department,
    the directie's whole school). Built from subqueries only, so the panel's own query
    carries it and the start page's query count does not grow."""
    from django.db.models import Exists, OuterRef, Subquery

    from statuut.models import Statuut

    op = _vandaag(op)
    if _medewerker(user) is None:
        return Leerling.objects.none()
    statuut = (Statuut.objects.filter(school=school, ingangsdatum__lte=op)
               .order_by("-ingangsdatum").values("pk")[:1])
    eigen_rollen = Roltoewijzing.objects.filter(medewerker__user=user, school=school,
                                                rol__in=list(rollen)).values("rol")
    regels = Toegangsregel.objects.filter(statuut=Subquery(statuut), rol__in=eigen_rollen,
                                          categorieen__icontains=f'"{DOSSIER}"')
    relaties_ = {rol: relaties.relatie_subquery(user, rol, school.pk, op)
                 for rol in relaties.RELATIEROLLEN}
    filter_ = Exists(regels.filter(alleen_eigen_leerlingen=False))
    for rol, relatie in relaties_.items():
        filter_ |= Exists(regels.filter(rol=rol, alleen_eigen_leerlingen=True)) & Q(
            Exists(relatie.filter(leerling_id=OuterRef("pk"))))
    return Leerling.objects.filter(filter_, school=school)
