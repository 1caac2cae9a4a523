"""The daily measures' world: the three schools of tests/sancties/conftest.py (Echnaton and
Noordgouw from the personas, Wijzer on seed 004), on Monday 23 November 2026, with two more
pupils in Echnaton's 1A (the docent's lesson group) so a measure can go to several at once."""

from __future__ import annotations

import pytest

from tests.personas import maak_leerling
from tests.sancties.conftest import klok, moment, scholen  # noqa: F401


@pytest.fixture
def w(scholen, klok):  # noqa: F811
    return scholen.w


@pytest.fixture
def klas(w):
    """Anna and two classmates in 1A, where the docent teaches wiskunde."""
    eva = maak_leerling(w.school, "1011", "Eva", "Smit", w.groep_1a)
    finn = maak_leerling(w.school, "1012", "Finn", "Mulder", w.groep_1a)
    return [w.anna, eva, finn]
