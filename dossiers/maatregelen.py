"""One appeal mechanism, attached to the measure itself (issue 13 point 5).

A measure is an object of a flow (a schorsing, a time-out, a verwijdering, the daily
measures to come). A remedy against it (a beroep, a bezwaar) points at the measure, not at a
dossier entry. The measure's flow registers, from its `AppConfig.ready()`:

- which remedies the statuut gives against one measure (`rechtsmiddelen`), with their terms
  (a one-day schorsing at Echnaton: beroep at the directie against the teamleider's measure,
  art. 12, and bezwaar at the bevoegd gezag, art. 8; one at a time);
- how to apply a remedy's outcome (`toepassen`): the measure's own flow annuls or changes it
  (an annulled schorsing is annulled in sancties, its terms end, every entry of the decision
  and of its letters is marked the same way: `dossier.stukken_van_besluit`);

and every remedy kind (the schorsing's bezwaar in sancties, the beroep in klachten)
registers how to find the remedies running on a measure (`lopend`), so that only one remedy
runs for one measure at a time, whichever flow files it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Rechtsmiddel:
    """The remedy the statuut gives against one measure."""

    soort: str  # "bezwaar" or "beroep"
    bij: str  # the role or body that decides (a `Rol` or `Orgaan` value)
    artikel: str = ""
    #: The statuut's rule row when the remedy is a `Beroepsregel`, else None.
    regel: models.Model | None = None
    #: The term to file it in, e.g. (10, "schooldagen"); None: the statuut sets none.
    termijn: tuple[int, str] | None = None


@dataclass(frozen=True)
class Maatregeltype:
    model: type[models.Model]
    #: fn(measure) -> the remedies the statuut gives against it now (empty: no appeal).
    rechtsmiddelen: Callable[[models.Model], list[Rechtsmiddel]]
    #: fn(measure, *, uitkomst, door, op, toelichting) -> None: apply a decided remedy's
    #: outcome in the measure's own flow ("vernietigd", "gewijzigd", "bevestigd").
    toepassen: Callable[..., None]
    #: fn(measure) -> a short Dutch name ("de schorsing van 3 schooldagen van 12-01-2027").
    omschrijving: Callable[[models.Model], str]


_TYPEN: dict[type[models.Model], Maatregeltype] = {}
#: fn(measure) -> Dutch descriptions of the remedies of one kind running on it now.
_LOPEND: list[Callable[[models.Model], list[str]]] = []


def registreer_maatregel(model, *, rechtsmiddelen, toepassen, omschrijving) -> None:
    _TYPEN[model] = Maatregeltype(model, rechtsmiddelen, toepassen, omschrijving)


def registreer_rechtsmiddel(lopend: Callable[[models.Model], list[str]]) -> None:
    if lopend not in _LOPEND:
        _LOPEND.append(lopend)


def type_van(maatregel: models.Model) -> Maatregeltype | None:
    return _TYPEN.get(type(maatregel))


def maatregelmodellen() -> tuple[type[models.Model], ...]:
    return tuple(_TYPEN)


def lopende_rechtsmiddelen(maatregel: models.Model) -> list[str]:
    """The remedies running on `maatregel` now, of every kind (empty: one may be filed)."""
    uit: list[str] = []
    for lopend in _LOPEND:
        uit.extend(lopend(maatregel))
    return uit


def beroepsparagraaf(maatregel: models.Model, statuut) -> dict | None:
    """A letter's paragraph on the internal beroep against `maatregel` (brieven/basis.html
    `beroep`): the first remedy its flow offers that is a statuut rule (Echnaton art. 12
    Beroep 1: against a teacher's measure, to the teamleiding), or None."""
    from statuut.hulp import beroep_in_brief

    from .toegang import rijen

    soort = type_van(maatregel)
    for middel in soort.rechtsmiddelen(maatregel) if soort is not None else []:
        if middel.soort == "beroep" and middel.regel is not None:
            return beroep_in_brief(statuut, middel.regel,
                                   rijen(statuut, "beroep.beslissen", voor=middel.regel.code))
    return None


# The ladder in one chronology (issue 14: "from waarschuwing to verwijdering"). Each flow
# whose objects are rungs of the statuut's ladder registers a source: fn(leerling, gebruiker)
# -> the rows of that pupil the user may see (the source filters through its own policy).
# The pupil page's ladder panel merges them; no flow reads another flow's models.


@dataclass(frozen=True)
class Ladderregel:
    datum: object  # a date
    trede: int | None  # the rung's place on the ladder of the statuut in force then
    naam: str  # the rung's name ("Strafwerk", "Eendaagse schorsing")
    omschrijving: str  # the offence or reason, short
    stand: str  # where it stands, in Dutch ("opgelegd", "uitgevoerd", "besloten")
    url: str | None = None


_LADDERBRONNEN: list[Callable[..., list[Ladderregel]]] = []


def registreer_ladderbron(bron: Callable[..., list[Ladderregel]]) -> None:
    if bron not in _LADDERBRONNEN:
        _LADDERBRONNEN.append(bron)


def ladder_van(leerling, gebruiker) -> list[Ladderregel]:
    """Every measure of `leerling` that `gebruiker` may see, newest first."""
    regels: list[Ladderregel] = []
    for bron in _LADDERBRONNEN:
        regels.extend(bron(leerling, gebruiker))
    return sorted(regels, key=lambda r: (r.datum, r.trede or 0), reverse=True)


# Which page records a rung of a given soort (`Maatregelsoort.Soort`): the docent's quick
# registration offers every rung the user may impose, and for a soort another flow records
# (uit de les sturen, time-out, schorsing) it links to that flow's page with
# ?leerling=<id>&maatregelsoort=<code>.
_INVOER: dict[str, str] = {}


def registreer_invoer(soort: str, url_naam: str) -> None:
    _INVOER[soort] = url_naam


def invoerpagina(soort: str) -> str | None:
    """The URL name of the page that records a rung of `soort`, or None."""
    return _INVOER.get(soort)
