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
