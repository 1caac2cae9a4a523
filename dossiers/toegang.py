"""The one access policy: who may see which part of which pupil's data.

Everything that shows or touches pupil data asks this module; nothing else checks roles.
The answer comes from data, never from an `if` on the school:

- the statuut in force at the pupil's school (`statuut.selectors.statuut_op`) and its access
  matrix (`Toegangsregel`: role -> categories A..H and "dossier", Echnaton art. 9.3/9.4,
  Noordgouw art. 6.2);
- the user's roles at that school (`Roltoewijzing`);
- the user's relation to the pupil in the current school year, for rules that apply only to
  "eigen leerlingen": mentor of a group the pupil is placed in, docent with a lesopdracht for
  such a group, teamleider of the group's afdeling;
- explicit per-object grants kept with django-guardian (`dossiers.view_leerling` on one
  Leerling grants the limited part A, D, E and G of art. 9.4).

No statuut or no matching rule means no access. A user without a Medewerker sees nothing, and
a superuser gets nothing for free here: the functioneel beheerder works in the admin.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils import timezone
from guardian.shortcuts import get_objects_for_user

from statuut.models import Gegevenscategorie, Rol, Toegangsregel

from .models import Groepsplaatsing, Leerling, Medewerker, Roltoewijzing

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from statuut.models import School, Statuut

#: The central administration categories (art. 9.1), in display order.
CENTRALE_CATEGORIEEN: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G", "H")
DOSSIER = Gegevenscategorie.DOSSIER.value

#: What an explicit guardian grant on one pupil opens: the limited part of art. 9.4.
GRANT_PERMISSIE = "dossiers.view_leerling"
GRANT_CATEGORIEEN: frozenset[str] = frozenset({"A", "D", "E", "G"})

GEEN: frozenset[str] = frozenset()


def _vandaag(op: date | None) -> date:
    return op if op is not None else timezone.localdate()


def _medewerker(user: AbstractBaseUser | AnonymousUser | None) -> Medewerker | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    try:
        return user.medewerker
    except Medewerker.DoesNotExist:
        return None


def _statuut_op(school: School, op: date) -> Statuut | None:
    from statuut.selectors import statuut_op

    return statuut_op(school, op)


def rollen_van(user, school: School) -> frozenset[str]:
    """The roles (`Rol` values) the user has at `school`; empty without a Medewerker."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN
    return frozenset(
        Roltoewijzing.objects.filter(medewerker=medewerker, school=school)
        .values_list("rol", flat=True)
    )


def scholen_van(user):
    """The schools where the user has at least one role (a queryset of School)."""
    from statuut.models import School

    medewerker = _medewerker(user)
    if medewerker is None:
        return School.objects.none()
    return School.objects.filter(roltoewijzingen__medewerker=medewerker).distinct()


def _huidige_plaatsingen(school_id: int, op: date) -> QuerySet[Groepsplaatsing]:
    return Groepsplaatsing.objects.filter(
        groep__school_id=school_id,
        groep__schooljaar__begin__lte=op,
        groep__schooljaar__eind__gte=op,
    )


def _eigen_leerling_ids(
    medewerker: Medewerker, rol: str, toewijzingen: list[Roltoewijzing], school_id: int, op: date
) -> QuerySet | None:
    """The pupils (ids, as a subquery) in the role's relation to this staff member.

    None when the role has no defined relation: a rule "alleen eigen leerlingen" for such a
    role then grants nothing, rather than guessing.
    """
    plaatsingen = _huidige_plaatsingen(school_id, op)
    if rol == Rol.MENTOR:
        plaatsingen = plaatsingen.filter(groep__mentoren=medewerker)
    elif rol == Rol.DOCENT:
        plaatsingen = plaatsingen.filter(groep__lesopdrachten__docent=medewerker)
    elif rol == Rol.TEAMLEIDER:
        afdelingen = [
            t.afdeling_id for t in toewijzingen
            if t.rol == Rol.TEAMLEIDER and t.school_id == school_id and t.afdeling_id
        ]
        if not afdelingen:
            return None
        plaatsingen = plaatsingen.filter(groep__afdeling_id__in=afdelingen)
    else:
        return None
    return plaatsingen.values("leerling_id")


def _regels(statuut: Statuut | None, rollen: set[str]) -> list[Toegangsregel]:
    if statuut is None or not rollen:
        return []
    return list(Toegangsregel.objects.filter(statuut=statuut, rol__in=rollen))


def _toegekende_leerlingen(user) -> QuerySet[Leerling]:
    # DESIGN.md trap: guardian's defaults let global permissions and superusers see every row.
    return get_objects_for_user(
        user, GRANT_PERMISSIE, klass=Leerling,
        accept_global_perms=False, with_superuser=False,
    )


def zichtbare_categorieen(user, leerling: Leerling, *, op: date | None = None) -> frozenset[str]:
    """The categories ("A".."H", "dossier") of `leerling` that `user` may see on date `op`."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN
    op = _vandaag(op)
    toewijzingen = list(Roltoewijzing.objects.filter(medewerker=medewerker,
                                                     school_id=leerling.school_id))
    categorieen: set[str] = set()
    regels = _regels(_statuut_op(leerling.school, op), {t.rol for t in toewijzingen})
    for regel in regels:
        nieuw = set(regel.categorieen) - categorieen
        if not nieuw:
            continue
        if not regel.alleen_eigen_leerlingen:
            categorieen |= nieuw
            continue
        ids = _eigen_leerling_ids(medewerker, regel.rol, toewijzingen, leerling.school_id, op)
        if ids is not None and ids.filter(leerling_id=leerling.pk).exists():
            categorieen |= nieuw
    if not GRANT_CATEGORIEEN <= categorieen:
        if _toegekende_leerlingen(user).filter(pk=leerling.pk).exists():
            categorieen |= GRANT_CATEGORIEEN
    return frozenset(categorieen)


def mag_zien(user, leerling: Leerling, categorie: str, *, op: date | None = None) -> bool:
    """May `user` see category `categorie` ("A".."H" or "dossier") of `leerling`?"""
    return categorie in zichtbare_categorieen(user, leerling, op=op)


def leerlingen_voor(user, *, op: date | None = None) -> QuerySet[Leerling]:
    """All pupils of whom `user` may see at least one category, as one filtered queryset.

    A fixed number of queries per school of the user builds the filter; the result is a
    queryset with subqueries, never a loop over pupils, so callers can join and paginate.
    """
    medewerker = _medewerker(user)
    if medewerker is None:
        return Leerling.objects.none()
    op = _vandaag(op)
    toewijzingen = list(
        Roltoewijzing.objects.filter(medewerker=medewerker).select_related("school")
    )
    per_school: dict[int, list[Roltoewijzing]] = {}
    for t in toewijzingen:
        per_school.setdefault(t.school_id, []).append(t)

    filter_ = Q(pk__in=_toegekende_leerlingen(user).values("pk"))
    for school_id, eigen in per_school.items():
        regels = [
            r for r in _regels(_statuut_op(eigen[0].school, op), {t.rol for t in eigen})
            if r.categorieen
        ]
        if any(not r.alleen_eigen_leerlingen for r in regels):
            filter_ |= Q(school_id=school_id)
            continue
        for regel in regels:
            ids = _eigen_leerling_ids(medewerker, regel.rol, eigen, school_id, op)
            if ids is not None:
                filter_ |= Q(school_id=school_id, pk__in=ids)
    return Leerling.objects.filter(filter_)


#: Which blocks of the start page a role gets. The page shows only what the selectors,
#: filtered by this module, return; these blocks only decide what to offer.
STARTONDERDELEN: dict[str, frozenset[str]] = {
    Rol.MENTOR: frozenset({"mentorgroepen"}),
    Rol.DOCENT: frozenset({"lesgroepen"}),
    Rol.TEAMLEIDER: frozenset({"afdelingsgroepen"}),
    Rol.ZORGCOORDINATOR: frozenset({"leerlingen_zoeken"}),
    Rol.DIRECTIE: frozenset({"leerlingen_zoeken", "statuut_waarschuwing"}),
    Rol.ADMINISTRATIE: frozenset({"leerlingen_zoeken"}),
    Rol.FUNCTIONEEL_BEHEERDER: frozenset({"beheer", "statuut_stand"}),
}


def startonderdelen(rollen: frozenset[str]) -> frozenset[str]:
    """The start page blocks for a set of roles at one school."""
    uit: set[str] = set()
    for rol in rollen:
        uit |= STARTONDERDELEN.get(rol, GEEN)
    return frozenset(uit)


def mag_termijn_zien(user, termijn) -> bool:
    """A deadline's explanation: for the person responsible, and for directie of its school
    (the one above everyone in the escalation line)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if termijn.verantwoordelijke_id == user.pk:
        return True
    return "directie" in rollen_van(user, termijn.school)
