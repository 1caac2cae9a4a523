"""Who hears of a calendar change. `statuut` knows no flow and no staff role, so the parts
that must act on a change register a hook here from their `AppConfig.ready()` (the same
plug-in shape as `dossiers.panelen`):

- `dossiers` tells the responsible person of every deadline that moved or whose chosen date
  became a free day (a reminder row, sent by the reminder task);
- a flow looks for decided or running measures that the change cuts across (a schorsing of
  "3 schooldagen" over a new studiedag) and tells the decision-maker; it changes nothing.

A hook runs inside the transaction of `statuut.services.kalender_gewijzigd`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .models import School, Termijn


@dataclass(frozen=True)
class Kalenderwijziging:
    school: School
    op: date  # the day of the change
    verschoven: list[Termijn] = field(default_factory=list)  # computed terms that moved
    op_vrije_dag: list[Termijn] = field(default_factory=list)  # chosen dates now free days


_HAKEN: dict[str, Callable[[Kalenderwijziging], None]] = {}


def na_kalenderwijziging(sleutel: str):
    """Register `fn(wijziging)`; one hook per key (registering again replaces it)."""
    def registreer(fn):
        _HAKEN[sleutel] = fn
        return fn
    return registreer


def melden(wijziging: Kalenderwijziging) -> None:
    for sleutel in sorted(_HAKEN):
        _HAKEN[sleutel](wijziging)
