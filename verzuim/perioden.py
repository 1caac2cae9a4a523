"""Periods of school weeks, from the school's own calendar (`statuut.kalender`).

A *school week* is a calendar week (Monday to Friday) with at least one school day of the
school; a week wholly inside a vacation is no school week. School weeks are numbered from 1,
the first school week of the school year (1 August - 31 July: the week the summer vacation
ends in). A *period* of n weeks (Echnaton bijlage A: "een periode van 6 weken") is school
weeks 1..n, n+1..2n, ...: a vacation does not eat a period, it lengthens it in calendar
time (period 2 of 2026-2027 in region midden runs 12 October - 27 November, across the
herfstvakantie). The leerplicht's "vier opeenvolgende lesweken" (Leerplichtwet art. 21a) is
a rolling window of four school weeks ending with the week of the day asked about.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

from statuut import kalender
from statuut.hulp import schooljaar_grenzen, schooljaar_naam
from statuut.models import School


@dataclass(frozen=True)
class Periode:
    nummer: int
    van: date  # Monday of its first school week
    tot: date  # Friday of its last school week


@functools.lru_cache(maxsize=256)
def _weken(school_id: int, versie: int, jaar: str) -> tuple[date, ...]:
    school = School.objects.get(pk=school_id)
    begin, eind = schooljaar_grenzen(jaar)
    maandag = begin - timedelta(days=begin.weekday())
    uit = []
    while maandag <= eind:
        dagen = [maandag + timedelta(days=i) for i in range(5)]
        if any(begin <= d <= eind and kalender.is_schooldag(school, d) for d in dagen):
            uit.append(maandag)
        maandag += timedelta(days=7)
    return tuple(uit)


def schoolweken(school: School, datum: date) -> tuple[date, ...]:
    """The Mondays of the school weeks of the school year of `datum` (raises
    `kalender.KalenderOnbekend` when the school's calendar lacks that year)."""
    return _weken(school.pk, school.kalender_versie, schooljaar_naam(datum))


def weeknummer(school: School, datum: date) -> int | None:
    """The number of the school week `datum` falls in (1 = first), or None (a vacation)."""
    maandag = datum - timedelta(days=datum.weekday())
    weken = schoolweken(school, datum)
    try:
        return weken.index(maandag) + 1
    except ValueError:
        return None


def periode_op(school: School, datum: date, weken: int) -> Periode | None:
    """The period of `weken` school weeks that `datum` falls in (None in a vacation)."""
    nummer = weeknummer(school, datum)
    if nummer is None:
        return None
    return periode(school, datum, weken, (nummer - 1) // weken + 1)


def periode(school: School, datum: date, weken: int, nummer: int) -> Periode | None:
    """Period `nummer` of the school year of `datum` (None before the first or past the
    last; the last period of a year may be shorter)."""
    alle = schoolweken(school, datum)
    eerste = (nummer - 1) * weken
    if nummer < 1 or eerste >= len(alle):
        return None
    laatste = min(eerste + weken, len(alle)) - 1
    return Periode(nummer, alle[eerste], alle[laatste] + timedelta(days=4))


def venster(school: School, datum: date, weken: int) -> tuple[date, date] | None:
    """The rolling window of `weken` school weeks ending with the week of `datum` (shorter at
    the start of the school year), as (Monday of its first week, `datum`)."""
    nummer = weeknummer(school, datum)
    if nummer is None:
        return None
    alle = schoolweken(school, datum)
    return alle[max(0, nummer - weken)], datum


def vergeet_cache() -> None:
    _weken.cache_clear()
