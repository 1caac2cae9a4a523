"""The ground every policy stands on: who the user is as staff, their roles, the day.

Part of the access policy `dossiers.toegang`; see the package's docstring."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone

from statuut import stempel
from statuut.models import Dossiersectie, Gegevenscategorie, Handeling, Rol

from ..models import (
    Medewerker,
    Roltoewijzing,
)
from .geheugen import onthouden, vooraf

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from statuut.models import School, Statuut


#: The central administration categories (art. 9.1), in display order.
CENTRALE_CATEGORIEEN: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G", "H")
DOSSIER = Gegevenscategorie.DOSSIER.value
#: The care file (zorg): not part of art. 9's matrix; opened by the zorg flow's own rules
#: and by an explicit grant.
ZORG = "zorg"
ALLE_SECTIES: tuple[str, ...] = tuple(Dossiersectie.values)
#: Actions that write in the dossier and therefore need at least one readable section.
SCHRIJVEN_IN_DOSSIER = frozenset({Handeling.DOSSIER_TOEVOEGEN, Handeling.DOSSIER_CORRIGEREN,
                                  Handeling.DOSSIER_OPSCHONEN})

#: What a limited explicit grant on one pupil opens: the limited part of art. 9.4.
GRANT_CATEGORIEEN: frozenset[str] = frozenset({"A", "D", "E", "G"})

GEEN: frozenset[str] = frozenset()
#: Roles that never read pupil content: they set the school up, or act only through an
#: explicit grant (an inspector).
ROLLEN_ZONDER_INHOUD = frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.EXTERN})


def _vandaag(op: date | None) -> date:
    return op if op is not None else timezone.localdate()


def _medewerker(user: AbstractBaseUser | AnonymousUser | None) -> Medewerker | None:
    # A superuser sets up the system; that is no reason to read about a child, even when the
    # same account also holds a role at a school: use a separate, ordinary account for that.
    if (user is None or not user.is_authenticated or not user.is_active
            or user.is_superuser):
        return None
    try:
        return user.medewerker
    except Medewerker.DoesNotExist:
        return None


@onthouden
def regelstempel() -> int | None:
    """The stamp of the statuut's rules (`statuut.stempel`), read once per request: while it
    stands, the process's kept versions, matrix and authority rows are the database's."""
    return stempel.lezen()


def bewaard(sleutel: tuple, lezen):
    """Rows of the statuut's rules kept by the process under the request's stamp (hand out
    `stempel.kopie`s of them)."""
    return stempel.bewaard(regelstempel(), sleutel, lezen)


@onthouden
def _statuut_op(school: School | int, op: date) -> Statuut | None:
    statuut = stempel.versie_op(getattr(school, "pk", school), op, regelstempel())
    if statuut is not None:
        vooraf(statuut_met_pk, (statuut.pk,), {}, statuut)
    return statuut


@onthouden
def statuut_met_pk(pk: int) -> Statuut:
    """A statuut version by its id, read once per request: a measure's own version (the one
    in force when it was proposed) is usually the one the policy has already read for today
    (`_statuut_op`), a row of some 190 columns that then is not read and built again."""
    from statuut.models import Statuut

    return stempel.kopie(bewaard(("statuut", pk), lambda: Statuut.objects.get(pk=pk)))


@onthouden
def _alle_toewijzingen(user) -> list[Roltoewijzing]:
    medewerker = _medewerker(user)
    if medewerker is None:
        return []
    uit = []
    for toewijzing in bewaard(("rollen", medewerker.pk), lambda: list(
            Roltoewijzing.objects.filter(medewerker=medewerker).select_related("school"))):
        kopie = stempel.kopie(toewijzing)
        kopie.school = stempel.kopie(toewijzing.school)
        uit.append(kopie)
    return uit


def toewijzingen_van(user, school: School | int | None = None) -> list[Roltoewijzing]:
    """The user's role assignments (at `school`, or everywhere), read once per request: every
    policy asks here instead of querying them itself."""
    alle = _alle_toewijzingen(user)
    if school is None:
        return list(alle)
    school_id = getattr(school, "pk", school)
    return [t for t in alle if t.school_id == school_id]


@onthouden
def rollen_van(user, school: School | int) -> frozenset[str]:
    """The roles (`Rol` values) the user has at `school`; empty without a Medewerker."""
    return frozenset(t.rol for t in toewijzingen_van(user, school))


def scholen_van(user):
    """The schools where the user has at least one role (a queryset of School)."""
    from statuut.models import School

    medewerker = _medewerker(user)
    if medewerker is None:
        return School.objects.none()
    return School.objects.filter(roltoewijzingen__medewerker=medewerker).distinct()


def rollen_per_school(user) -> dict[int, tuple[School, set[str]]]:
    """Per school id where `user` holds a role: the school and the roles (one query)."""
    per_school: dict[int, tuple[School, set[str]]] = {}
    for t in toewijzingen_van(user):
        per_school.setdefault(t.school_id, (t.school, set()))[1].add(t.rol)
    return per_school
