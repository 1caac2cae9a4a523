"""The zorgcoördinator's case load: overdue evaluations first, counts per step and per
department, new signals per month per department; a fixed number of queries."""

from __future__ import annotations

from datetime import date

import pytest

from tests.personas import maak_leerling
from tests.queries import warm
from tests.zorg.conftest import moment, naar_fase, tekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def lijst(zw):
    # The mentor also mentors 4H, so Chris (bovenbouw) can walk the route too.
    zw.groep_4h.mentoren.add(zw.mentor.medewerker)
    naar_fase(zw, "analyse", leerling=zw.chris, signaleerder=zw.docent_4h)
    naar_fase(zw, "monitoring", leerling=zw.anna)  # evaluation on 8 December 2026
    return zw


def _werklijst(klik, zw):
    return klik.als(zw.zorgcoordinator).client.get(f"/zorg/werklijst/{zw.school.pk}/")


def test_de_werklijst_telt_per_stap_en_per_afdeling_en_toont_de_signalen(lijst, klik):
    pagina = tekst(_werklijst(klik, lijst))
    assert "Per stap probleemanalyse door de zorgcoördinatoren 1 bewaken van het proces 1" \
        in pagina
    assert "Per afdeling Bovenbouw 1 Onderbouw 1" in pagina
    html = _werklijst(klik, lijst).content.decode()
    assert "<title>2026-11: 1</title>" in html
    assert "<title>2026-06: 0</title>" in html  # six months back, June up to November


def test_een_verlopen_evaluatie_staat_bovenaan(lijst, klik, klok):
    pagina = tekst(_werklijst(klik, lijst))
    assert pagina.index("Chris Bakker") < pagina.index("Anna de Vries")  # oldest first
    klok.move_to(moment(date(2026, 12, 9)))  # Anna's evaluation of 8 December is overdue
    pagina = tekst(_werklijst(klik, lijst))
    assert pagina.index("Anna de Vries") < pagina.index("Chris Bakker")
    assert "8 december 2026 verlopen" in pagina
    start = tekst(klik.client.get(f"/zorg/start/{lijst.school.pk}/"))
    assert "2 open zorgtrajecten, 1 met een verlopen evaluatie ." in start


def test_het_aantal_queries_van_de_werklijst_groeit_niet_met_de_zorgtrajecten(lijst, klik):
    twee, _ = warm(lambda: _werklijst(klik, lijst))
    for i in range(3):
        leerling = maak_leerling(lijst.school, f"50{i}", f"Extra{i}", "Leerling",
                                 lijst.groep_1a)
        naar_fase(lijst, "monitoring", leerling=leerling)
    vijf, antwoord = warm(lambda: _werklijst(klik, lijst))
    assert "Extra2 Leerling" in tekst(antwoord)
    assert len(vijf) == len(twee)


def test_het_zorgblok_van_de_startpagina_heeft_een_vast_aantal_queries(
        lijst, klik, django_assert_max_num_queries):
    klik.als(lijst.mentor).client.get(f"/zorg/start/{lijst.school.pk}/")
    # 16, plus two for its one read-log row (the reader's roles, the insert: issue 11).
    with django_assert_max_num_queries(18):
        pagina = tekst(klik.client.get(f"/zorg/start/{lijst.school.pk}/"))
    assert "Chris Bakker" in pagina and "Anna de Vries" in pagina
