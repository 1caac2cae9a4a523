"""The pupil relations: who stands in which relation to which pupil on a day.

One place answers "is this pupil placed in that group today", "is this staff member the
pupil's mentor / docent / teamleider", "who are the pupil's mentors and teamleiders". Access
(`dossiers.toegang`), the authority rows (`statuut.Bevoegdheid` with omvang "eigen
leerlingen"), letters, reminders, selectors and escalation all ask here, each in one of two
forms: a yes/no for one pupil, or a queryset / subquery of pupil ids for lists (so a page's
query count does not grow with its rows).

The relations (Echnaton art. 9.3 "eigen leerlingen", Noordgouw art. 6.2):
- mentor: mentor of a group the pupil is placed in this school year;
- docent: holds a lesopdracht for such a group;
- teamleider: teamleider of the afdeling of such a group (the afdeling is on the role).
A role without a relation here (directie, zorgcoördinator, ...) has none: a rule "alleen
eigen leerlingen" for it grants nothing, rather than guessing.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from statuut.models import Rol

from .models import Groep, Groepsplaatsing, Leerling, Medewerker, Roltoewijzing
from .toegang.geheugen import onthouden

#: The roles that have a relation to pupils ("eigen leerlingen").
RELATIEROLLEN: frozenset[str] = frozenset({Rol.MENTOR, Rol.DOCENT, Rol.TEAMLEIDER})


def huidig_schooljaar(op: date, prefix: str = "") -> Q:
    """A Q for rows whose school year (through `prefix`, e.g. "groep__") contains `op`."""
    return Q(**{f"{prefix}schooljaar__begin__lte": op, f"{prefix}schooljaar__eind__gte": op})


def plaatsingen_op(op: date, *, school_id: int | None = None) -> QuerySet[Groepsplaatsing]:
    """The placements in force on `op` (groups of the school year containing `op`)."""
    plaatsingen = Groepsplaatsing.objects.filter(huidig_schooljaar(op, "groep__"))
    if school_id is not None:
        plaatsingen = plaatsingen.filter(groep__school_id=school_id)
    return plaatsingen


def groepen_van(leerling: Leerling, op: date) -> QuerySet[Groep]:
    """The pupil's groups in the school year containing `op`."""
    return Groep.objects.filter(huidig_schooljaar(op), plaatsingen__leerling=leerling)


def huidige_groep(leerling: Leerling, op: date) -> Groep | None:
    """The pupil's (first) group on `op`, or None when not placed."""
    return groepen_van(leerling, op).select_related("afdeling").order_by("pk").first()


def _afdelingen(medewerker: Medewerker | None, school_id: int, toewijzingen=None) -> list[int]:
    if toewijzingen is not None:
        return [t.afdeling_id for t in toewijzingen
                if t.rol == Rol.TEAMLEIDER and t.school_id == school_id and t.afdeling_id]
    return list(Roltoewijzing.objects.filter(
        medewerker=medewerker, school_id=school_id, rol=Rol.TEAMLEIDER,
        afdeling__isnull=False).values_list("afdeling_id", flat=True))


def leerlingen_in_relatie(medewerker: Medewerker, rol: str, school_id: int, op: date, *,
                          toewijzingen=None) -> QuerySet | None:
    """The pupils (a `values("leerling_id")` subquery) in `rol`'s relation to `medewerker` at
    the school on `op`; None when the role has no relation (see the module's doc).
    `toewijzingen`: the staff member's Roltoewijzing rows when the caller has them already."""
    plaatsingen = plaatsingen_op(op, school_id=school_id)
    if rol == Rol.MENTOR:
        plaatsingen = plaatsingen.filter(groep__mentoren=medewerker)
    elif rol == Rol.DOCENT:
        plaatsingen = plaatsingen.filter(groep__lesopdrachten__docent=medewerker)
    elif rol == Rol.TEAMLEIDER:
        afdelingen = _afdelingen(medewerker, school_id, toewijzingen)
        if not afdelingen:
            return None
        plaatsingen = plaatsingen.filter(groep__afdeling_id__in=afdelingen)
    else:
        return None
    return plaatsingen.values("leerling_id")


@onthouden
def in_relatie(medewerker: Medewerker | None, rol: str, leerling: Leerling, op: date, *,
               toewijzingen=None) -> bool:
    """Does `rol` hold for this pupil: is `medewerker` its mentor / docent / teamleider?"""
    if medewerker is None:
        return False
    ids = leerlingen_in_relatie(medewerker, rol, leerling.school_id, op,
                                toewijzingen=toewijzingen)
    return ids is not None and ids.filter(leerling_id=leerling.pk).exists()


def relatie_subquery(user, rol: str, school_id: int, op: date) -> QuerySet | None:
    """`leerlingen_in_relatie` for a user, entirely as a subquery (no query of its own): for
    list filters that must not add a query per role (the start page's panels)."""
    plaatsingen = plaatsingen_op(op, school_id=school_id)
    if rol == Rol.MENTOR:
        return plaatsingen.filter(groep__mentoren__user=user).values("leerling_id")
    if rol == Rol.DOCENT:
        return plaatsingen.filter(groep__lesopdrachten__docent__user=user).values("leerling_id")
    if rol == Rol.TEAMLEIDER:
        afdelingen = Roltoewijzing.objects.filter(
            medewerker__user=user, school_id=school_id, rol=Rol.TEAMLEIDER).values("afdeling_id")
        return plaatsingen.filter(groep__afdeling_id__in=afdelingen).values("leerling_id")
    return None


def mentoren_van(leerling: Leerling, op: date) -> QuerySet[Medewerker]:
    """The mentors of the pupil's groups on `op`, with their user, in a stable order."""
    return (Medewerker.objects.filter(
        mentorgroepen__in=groepen_van(leerling, op)).select_related("user")
        .distinct().order_by("pk"))


def teamleiders_van(leerling: Leerling, op: date) -> QuerySet[Medewerker]:
    """The teamleiders of the afdeling(en) of the pupil's groups on `op`."""
    afdelingen = groepen_van(leerling, op).filter(afdeling__isnull=False).values("afdeling_id")
    return (Medewerker.objects.filter(
        rollen__school_id=leerling.school_id, rollen__rol=Rol.TEAMLEIDER,
        rollen__afdeling_id__in=afdelingen).select_related("user")
        .distinct().order_by("pk"))


def docenten_van(leerling: Leerling, op: date) -> QuerySet[Medewerker]:
    """The teachers of the pupil's groups on `op`."""
    return (Medewerker.objects.filter(lesopdrachten__groep__in=groepen_van(leerling, op))
            .select_related("user").distinct().order_by("pk"))


def relatiehouders(leerling: Leerling, rol: str, op: date) -> QuerySet[Medewerker]:
    """The staff holding `rol` in relation to the pupil on `op` (its mentors, teachers,
    teamleiders); none for a role without a relation."""
    if rol == Rol.MENTOR:
        return mentoren_van(leerling, op)
    if rol == Rol.DOCENT:
        return docenten_van(leerling, op)
    if rol == Rol.TEAMLEIDER:
        return teamleiders_van(leerling, op)
    return Medewerker.objects.none()


def afdeling_van(leerling: Leerling, op: date) -> int | None:
    """The afdeling (id) of the pupil's group on `op`, None without one."""
    return (groepen_van(leerling, op).filter(afdeling__isnull=False)
            .order_by("pk").values_list("afdeling_id", flat=True).first())


def leerling_subquery_in_relatie(user, rol: str, school_id: int, op: date) -> Q:
    """A Q on Leerling: the pupil is in `rol`'s relation to `user` (via `relatie_subquery`)."""
    ids = relatie_subquery(user, rol, school_id, op)
    if ids is None:
        return Q(pk__in=[])
    return Q(pk__in=ids)


__all__ = [
    "RELATIEROLLEN", "afdeling_van", "docenten_van", "groepen_van", "huidig_schooljaar",
    "huidige_groep", "in_relatie", "leerling_subquery_in_relatie", "leerlingen_in_relatie",
    "mentoren_van", "plaatsingen_op", "relatie_subquery", "relatiehouders", "teamleiders_van",
]
