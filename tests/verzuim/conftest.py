"""Fixtures of te laat en verzuim (the personas' world is in tests/personas.py)."""

from __future__ import annotations

from datetime import date

import pytest

from dossiers.models import Ouder, Ouderschap
from statuut import kalender
from statuut.models import SchoolVakantie
from statuut.services import kalender_gewijzigd


@pytest.fixture
def noordgouw(termijnwereld):
    """Noordgouw's 2026-2027 calendar completed (region noord lacks three vacations in the
    shipped data; the school enters its own) and a parent with gezag for Dirk."""
    w = termijnwereld
    for soort, van, tot in [("voorjaarsvakantie", date(2027, 2, 13), date(2027, 2, 21)),
                            ("meivakantie", date(2027, 4, 24), date(2027, 5, 2)),
                            ("zomervakantie", date(2027, 7, 10), date(2027, 8, 22))]:
        SchoolVakantie.objects.create(school=w.andere_school, schooljaar="2026-2027",
                                      soort=soort, eerste_dag=van, laatste_dag=tot)
    kalender_gewijzigd(school=w.andere_school)
    kalender.vergeet_cache()
    ouder = Ouder.objects.create(voorletters="P.", achternaam="Visser", email="p@ouder.example",
                                 adres="Dorpsstraat 1", postcode="9999 ZZ",
                                 woonplaats="Noorddorp")
    Ouderschap.objects.create(leerling=w.dirk, ouder=ouder, relatie="vader")
    return w
