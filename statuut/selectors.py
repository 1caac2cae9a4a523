"""Reads of the statuut versions, for the other apps."""

from __future__ import annotations

from datetime import date

from . import stempel
from .models import Eenheid, Maatregelsoort, School, Statuut


def statuut_op(school: School, datum: date) -> Statuut | None:
    """The version in force on `datum`: the latest ingangsdatum on or before it.

    An expired version (geldig_tot passed) still counts: it is the last one the school
    adopted. Callers warn with `Statuut.is_verlopen(datum)`. Read through the process's kept
    rules (`stempel`): a query of the stamp instead of the version's some 190 columns.
    """
    return stempel.versie_op(getattr(school, "pk", school), datum, stempel.lezen())


def schorsing_voor(statuut: Statuut, schooldagen: int) -> Maatregelsoort | None:
    """The lightest schorsing of the ladder that allows `schooldagen` days (None: not allowed).

    Who may impose it are its authority rows (`maatregel.opleggen`, `voor` its code); a
    schorsing without a maximum of its own is bounded by `Statuut.schorsing_max_schooldagen`.
    """
    if schooldagen > statuut.schorsing_max_schooldagen:
        return None
    for maatregel in statuut.maatregelen.filter(soort=Maatregelsoort.Soort.SCHORSING):
        maximum = maatregel.max_duur_aantal
        if maatregel.max_duur_eenheid and maatregel.max_duur_eenheid != Eenheid.SCHOOLDAGEN:
            maximum = None  # the ladder counts schorsing in schooldagen; other units: no cap
        if maximum is None or schooldagen <= maximum:
            return maatregel
    return None
