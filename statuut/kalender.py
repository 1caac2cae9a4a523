"""School-day, working-day and Awb-week arithmetic for one school's calendar.

Three units never mix: *schooldagen* (no weekend, no public holiday the school
keeps, no vacation of the school's region or its own schedule, no studiedag),
*werkdagen* (no weekend, no algemeen erkende feestdag) and weeks under the
Awb, extended by the Algemene termijnenwet when they end on a Saturday,
Sunday or feestdag.

A school year's table is built once per (school, calendar version, year) and
kept in memory; a call after that is a couple of bisections, no loop over days.
`school` is a `School` or a region name ("noord", "midden", "zuid") for that
region's advised calendar without school-specific days.
"""

from __future__ import annotations

import bisect
import functools
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta

import holidays
from dateutil.easter import easter
from django.utils.translation import gettext as _

# aantal_tekst: statuut.models imports it from here
from .hulp import aantal_tekst, schooljaar_grenzen, schooljaar_naam  # noqa: F401
from .models import (
    Eenheid,
    Regio,
    RegioVakantie,
    School,
    SchoolVakantie,
    Vakantiesoort,
    VrijeDag,
    Zekerheid,
)

__all__ = [
    "KalenderOnbekend",
    "Uitkomst",
    "bereken",
    "is_schooldag",
    "plus_schooldagen",
    "plus_werkdagen",
    "plus_weken",
    "reden_vrij",
    "schooldagen_tussen",
    "uitleg",
    "vergeet_cache",
]

# Summer vacations end at the latest in the first week of September (2028 zuid: 3 September).
# Without the previous summer's dates, days before this are unknown; after it they are not.
_LAATSTE_EINDE_ZOMER = (9, 7)


class KalenderOnbekend(ValueError):
    """The school's calendar has no vacation data for the date asked about."""


@dataclass(frozen=True)
class _Jaartabel:
    schooljaar: str
    begin: date
    eind: date
    schooldagen: list[int]  # ordinals, sorted
    vrij: dict[date, str]  # weekday -> why it is no school day
    onbekend_tot: date | None  # days up to and including this one are unknown
    ontbreekt: tuple[str, ...]  # what data is missing, for the error message
    jaar_onbekend: bool


@dataclass
class Uitkomst:
    """A computed date with the days it skipped and why."""

    datum: date
    eenheid: str
    overgeslagen: list[tuple[date, str]] = field(default_factory=list)


def _vorig_schooljaar(naam: str) -> str:
    start = int(naam[:4])
    return f"{start - 1}-{start}"


# --- public holidays: from the maintained `holidays` library -------------------------------


@functools.lru_cache(maxsize=64)
def _feestdagen(jaar: int) -> dict[date, str]:
    """Every Dutch public and optional holiday of a year, with its Dutch name."""
    nl = holidays.country_holidays(
        "NL", years=jaar, categories=("public", "optional"), language="nl"
    )
    return {dag: naam[:1].upper() + naam[1:] for dag, naam in nl.items()}


def _goede_vrijdag(jaar: int) -> date:
    return easter(jaar) - timedelta(days=2)


def _vrijdag_na_hemelvaart(jaar: int) -> date:
    return easter(jaar) + timedelta(days=40)


@functools.lru_cache(maxsize=64)
def _algemeen_erkende_feestdagen(jaar: int) -> dict[date, str]:
    """Algemene termijnenwet art. 3: Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide
    Kerstdagen, Hemelvaartsdag, Koningsdag and 5 mei (every year). Not Goede Vrijdag."""
    dagen = {d: n for d, n in _feestdagen(jaar).items() if d != _goede_vrijdag(jaar)}
    dagen.setdefault(date(jaar, 5, 5), "Bevrijdingsdag")
    return dagen


_STANDAARD_SCHOOL = School()


def feestdagen_van_school(school: School | None, jaar: int) -> dict[date, str]:
    """The holidays on which this school is closed, per its own settings."""
    # A region's calendar takes the common choice, which is also the School default.
    keuze = school or _STANDAARD_SCHOOL
    goede_vrijdag = keuze.goede_vrijdag_vrij
    bevrijdingsdag_elk_jaar = keuze.bevrijdingsdag_elk_jaar_vrij
    na_hemelvaart = keuze.vrijdag_na_hemelvaart_vrij

    dagen = dict(_feestdagen(jaar))
    lustrum = jaar % 5 == 0
    if not goede_vrijdag:
        dagen.pop(_goede_vrijdag(jaar), None)
    if not bevrijdingsdag_elk_jaar and not lustrum:
        dagen.pop(date(jaar, 5, 5), None)
    if bevrijdingsdag_elk_jaar:
        dagen.setdefault(date(jaar, 5, 5), "Bevrijdingsdag")
    if na_hemelvaart:
        dagen.setdefault(_vrijdag_na_hemelvaart(jaar), _("vrijdag na Hemelvaart"))
    return dagen


# --- the school year's table ------------------------------------------------------------------


def _sleutel(school: School | str) -> tuple:
    if isinstance(school, School):
        return ("school", school.pk, school.kalender_versie)
    if school not in Regio.values:
        raise KalenderOnbekend(
            _("Onbekende regio '%(regio)s'. Kies noord, midden of zuid.") % {"regio": school}
        )
    return ("regio", school, 0)


_cache: dict[tuple, _Jaartabel] = {}
_cache_lock = threading.Lock()


def vergeet_cache(school: School | str | None = None) -> None:
    """Forget built tables (all, or one school's / region's)."""
    with _cache_lock:
        if school is None:
            _cache.clear()
            return
        kind, ident = ("school", school.pk) if isinstance(school, School) else ("regio", school)
        for key in [k for k in _cache if k[0] == kind and k[1] == ident]:
            del _cache[key]


def _tabel(school: School | str, schooljaar: str) -> _Jaartabel:
    key = (*_sleutel(school), schooljaar)
    tabel = _cache.get(key)
    if tabel is None:
        tabel = _bouw_tabel(school, schooljaar)
        with _cache_lock:
            _cache[key] = tabel
    return tabel


def _vakanties(school: School | str, schooljaar: str) -> tuple[dict[str, tuple], list[str]]:
    """The vacations in force for a school year, by kind: (first, last, label). The school's
    own vacation of a kind replaces the region's. Also returns the kinds that are missing."""
    regio = school.regio if isinstance(school, School) else school
    gevonden: dict[str, tuple] = {}
    for v in RegioVakantie.objects.filter(schooljaar=schooljaar, regio=regio):
        label = f"{v.get_soort_display()} regio {regio}"
        if v.status != Zekerheid.CONFIRMED:
            label += " " + _("(deels bevestigd)")
        gevonden[v.soort] = (v.eerste_dag, v.laatste_dag, label)
    if isinstance(school, School):
        for v in SchoolVakantie.objects.filter(school=school, schooljaar=schooljaar):
            gevonden[v.soort] = (v.eerste_dag, v.laatste_dag,
                                 f"{v.get_soort_display()} " + _("(rooster van de school)"))
    ontbreekt = [s for s in Vakantiesoort.values if s not in gevonden]
    return gevonden, ontbreekt


def _bouw_tabel(school: School | str, schooljaar: str) -> _Jaartabel:
    begin, eind = schooljaar_grenzen(schooljaar)
    school_obj = school if isinstance(school, School) else None
    vrij: dict[date, str] = {}

    def markeer(van: date, tot: date, reden: str) -> None:
        dag = max(van, begin)
        while dag <= min(tot, eind):
            vrij.setdefault(dag, reden)
            dag += timedelta(days=1)

    vakanties, ontbreekt = _vakanties(school, schooljaar)
    ontbreekt_tekst = [f"{Vakantiesoort(s).label} {schooljaar}" for s in ontbreekt]
    vorige, _ontbreekt_vorig = _vakanties(school, _vorig_schooljaar(schooljaar))
    onbekend_tot = None
    if Vakantiesoort.ZOMER in vorige:
        van, tot, label = vorige[Vakantiesoort.ZOMER]
        markeer(van, tot, label)
    else:
        onbekend_tot = date(begin.year, *_LAATSTE_EINDE_ZOMER)
        ontbreekt_tekst.append(f"{Vakantiesoort.ZOMER.label} {_vorig_schooljaar(schooljaar)}")
    for van, tot, label in vakanties.values():
        markeer(van, tot, label)
    if school_obj is not None:
        for vrije_dag in VrijeDag.objects.filter(
            school=school_obj, laatste_dag__gte=begin, eerste_dag__lte=eind
        ):
            markeer(vrije_dag.eerste_dag, vrije_dag.laatste_dag, vrije_dag.omschrijving)
    for jaar in (begin.year, eind.year):
        for dag, naam in feestdagen_van_school(school_obj, jaar).items():
            if begin <= dag <= eind:
                vrij[dag] = naam  # a holiday names itself even inside a vacation

    schooldagen = []
    dag = begin
    while dag <= eind:
        if dag.weekday() < 5 and dag not in vrij:
            schooldagen.append(dag.toordinal())
        dag += timedelta(days=1)
    return _Jaartabel(
        schooljaar=schooljaar,
        begin=begin,
        eind=eind,
        schooldagen=schooldagen,
        vrij=vrij,
        onbekend_tot=onbekend_tot,
        ontbreekt=tuple(ontbreekt_tekst),
        jaar_onbekend=bool(ontbreekt),
    )


def _naam(school: School | str) -> str:
    return school.naam if isinstance(school, School) else f"regio {school}"


def _controleer(school: School | str, tabel: _Jaartabel, datum: date) -> None:
    if tabel.jaar_onbekend or (tabel.onbekend_tot and datum <= tabel.onbekend_tot):
        raise KalenderOnbekend(
            _(
                "De schoolkalender van %(school)s is niet bekend op %(datum)s: voor regio "
                "%(regio)s en in het eigen rooster ontbreekt %(wat)s. Vul het vakantierooster "
                "van de school aan in het beheer (Scholen > vakanties van de school)."
            )
            % {
                "school": _naam(school),
                "regio": school.regio if isinstance(school, School) else school,
                "datum": datum.strftime("%d-%m-%Y"),
                "wat": ", ".join(tabel.ontbreekt),
            }
        )


def _tabel_voor(school: School | str, datum: date) -> _Jaartabel:
    return _tabel(school, schooljaar_naam(datum))


# --- the stable interface ------------------------------------------------------------------


def reden_vrij(school: School | str, datum: date) -> str | None:
    """Why `datum` is no school day (weekend, holiday, vacation, studiedag), or None."""
    tabel = _tabel_voor(school, datum)
    _controleer(school, tabel, datum)
    if datum in tabel.vrij:
        return tabel.vrij[datum]
    if datum.weekday() == 5:
        return _("zaterdag")
    if datum.weekday() == 6:
        return _("zondag")
    return None


def is_schooldag(school: School | str, datum: date) -> bool:
    tabel = _tabel_voor(school, datum)
    _controleer(school, tabel, datum)
    i = bisect.bisect_left(tabel.schooldagen, datum.toordinal())
    return i < len(tabel.schooldagen) and tabel.schooldagen[i] == datum.toordinal()


def plus_schooldagen(school: School | str, datum: date, n: int) -> date:
    """The n-th school day after `datum` (the day itself does not count)."""
    if n < 1:
        raise ValueError(_("Een termijn in schooldagen is minstens één schooldag."))
    tabel = _tabel_voor(school, datum)
    _controleer(school, tabel, datum)
    rest = n
    vanaf = datum.toordinal()
    while True:
        i = bisect.bisect_right(tabel.schooldagen, vanaf)
        beschikbaar = len(tabel.schooldagen) - i
        if rest <= beschikbaar:
            uitkomst = date.fromordinal(tabel.schooldagen[i + rest - 1])
            _controleer(school, tabel, uitkomst)
            return uitkomst
        rest -= beschikbaar
        volgende = tabel.eind + timedelta(days=1)
        tabel = _tabel_voor(school, volgende)
        _controleer(school, tabel, tabel.eind)  # the year before was known, so only this year
        vanaf = volgende.toordinal() - 1


def schooldagen_tussen(school: School | str, begin: date, eind: date) -> int:
    """School days after `begin` up to and including `eind`."""
    if eind <= begin:
        return 0
    totaal = 0
    van = begin
    while True:
        tabel = _tabel_voor(school, van + timedelta(days=1))
        _controleer(school, tabel, max(van + timedelta(days=1), tabel.begin))
        tot = min(eind, tabel.eind)
        _controleer(school, tabel, tot)
        totaal += bisect.bisect_right(tabel.schooldagen, tot.toordinal()) - bisect.bisect_right(
            tabel.schooldagen, van.toordinal()
        )
        if tot == eind:
            return totaal
        van = tot


def _is_werkdag(datum: date) -> bool:
    return datum.weekday() < 5 and datum not in _algemeen_erkende_feestdagen(datum.year)


def plus_werkdagen(school: School | str, datum: date, n: int) -> date:
    """The n-th working day after `datum`: no weekend, no algemeen erkende feestdag.
    Working days do not depend on the school; `school` is taken for a uniform interface."""
    if n < 1:
        raise ValueError(_("Een termijn in werkdagen is minstens één werkdag."))
    dag = datum
    # Working days are at most 5 in 7 and a week has at most 2 feestdagen: a short walk.
    while n:
        dag += timedelta(days=1)
        if _is_werkdag(dag):
            n -= 1
    return dag


def _atw_verlengd(einde: date) -> date:
    """Algemene termijnenwet art. 1: a term ending on a Saturday, Sunday or algemeen erkende
    feestdag is extended to the next day that is none of these."""
    while not _is_werkdag(einde):
        einde += timedelta(days=1)
    return einde


def plus_weken(school: School | str, datum: date, weken: int) -> date:
    """The end of a term of `weken` weeks that starts the day after `datum` (Awb art. 6:8),
    extended under the Algemene termijnenwet."""
    if weken < 1:
        raise ValueError(_("Een termijn in weken is minstens één week."))
    return _atw_verlengd(datum + timedelta(weeks=weken))


def plus_kalenderdagen(school: School | str, datum: date, dagen: int) -> date:
    if dagen < 1:
        raise ValueError(_("Een termijn in dagen is minstens één dag."))
    return _atw_verlengd(datum + timedelta(days=dagen))


_REKENAARS = {
    Eenheid.SCHOOLDAGEN: plus_schooldagen,
    Eenheid.WERKDAGEN: plus_werkdagen,
    Eenheid.WEKEN: plus_weken,
    Eenheid.KALENDERDAGEN: plus_kalenderdagen,
}


def uitleg(school: School | str, begin: date, eind: date, eenheid: str) -> list[tuple[date, str]]:
    """The days after `begin` up to `eind` that did not count as school or working days."""
    reden_van = (lambda d: reden_vrij(school, d)) if eenheid == Eenheid.SCHOOLDAGEN else (
        _reden_geen_werkdag)
    return [(d, r) for d in _dagen(begin + timedelta(days=1), eind) if (r := reden_van(d))]


def _dagen(van: date, tot: date):
    dag = van
    while dag <= tot:
        yield dag
        dag += timedelta(days=1)


def _reden_geen_werkdag(dag: date) -> str | None:
    if dag.weekday() == 5:
        return _("zaterdag")
    if dag.weekday() == 6:
        return _("zondag")
    return _algemeen_erkende_feestdagen(dag.year).get(dag)


def bereken(school: School | str, start: date, aantal: int, eenheid: str) -> Uitkomst:
    """A deadline `aantal` `eenheid` after `start`, with the days it skipped and why.
    For weeks and calendar days only the days of the Atw extension were skipped."""
    try:
        eenheid = Eenheid(eenheid)
    except ValueError as exc:
        raise ValueError(
            _("Onbekende eenheid '%(e)s'; kies schooldagen, werkdagen, weken of kalenderdagen.")
            % {"e": eenheid}
        ) from exc
    datum = _REKENAARS[eenheid](school, start, aantal)
    if eenheid in (Eenheid.WEKEN, Eenheid.KALENDERDAGEN):
        dagen = aantal * 7 if eenheid == Eenheid.WEKEN else aantal
        onverlengd = start + timedelta(days=dagen)
        suffix = " " + _("(verlengd volgens de Algemene termijnenwet)")
        overgeslagen = [(d, _reden_geen_werkdag(d) + suffix)
                        for d in _dagen(onverlengd, datum - timedelta(days=1))]
    else:
        overgeslagen = uitleg(school, start, datum, eenheid)
    return Uitkomst(datum=datum, eenheid=eenheid, overgeslagen=overgeslagen)


