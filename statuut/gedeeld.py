"""Data several schools share, and who may change it (issue 11, DESIGN "Authority over
authority").

A school year (`Schooljaar`) holds for every school; a region's advised vacations
(`RegioVakantie`) for every school in that region; a board (`Bestuur`) for its schools. One
school's functioneel beheerder must not change these for the others: a shorter school year
ends every school's placements (their mentors lose their pupils), a moved vacation moves
every school's deadlines. They are changed by a bestuursbeheerder whose boards hold every
school that shares the row, or by the application manager (superuser). A school's own
deviations (its own vacations, studiedagen, holiday settings) stay with the school.
"""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Bestuur, Bestuursrol, School


def besturen_van(user) -> QuerySet[Bestuur]:
    """The boards for which `user` is bestuursbeheerder."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Bestuur.objects.none()
    return Bestuur.objects.filter(roltoewijzingen__user=user,
                                  roltoewijzingen__rol=Bestuursrol.BEHEERDER)


def is_bestuursbeheerder(user) -> bool:
    return besturen_van(user).exists()


def mag_wijzigen(user, scholen: QuerySet[School]) -> bool:
    """May `user` change a row shared by `scholen`? Only when every one of them belongs to a
    board they keep (a row shared with another board's school is the superuser's)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    besturen = besturen_van(user)
    return besturen.exists() and not scholen.exclude(bestuur__in=besturen).exists()


def scholen_van_regio(regio: str) -> QuerySet[School]:
    return School.objects.filter(regio=regio)


def mag_schooljaren_wijzigen(user) -> bool:
    """A school year holds for every school (groups and placements of all of them)."""
    return mag_wijzigen(user, School.objects.all())


def mag_regio_wijzigen(user, regio: str) -> bool:
    """A region's vacations hold for every school in the region."""
    return mag_wijzigen(user, scholen_van_regio(regio))


def mag_bestuur_wijzigen(user, bestuur: Bestuur) -> bool:
    """A board's own data (its name, as letters print it) is its bestuursbeheerder's."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or besturen_van(user).filter(pk=bestuur.pk).exists()
