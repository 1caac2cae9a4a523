"""The personas' world is built once per test process and kept in the test database
(tests/wereldvoorraad.py); every test still finds it as built and leaves nothing behind."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dossiers.models import Groep, Leerling
from statuut.models import RegioVakantie, School, Schooljaar


@pytest.fixture
def klok_vorig_jaar():
    with time_machine.travel(datetime(2025, 3, 3, 9, tzinfo=ZoneInfo("Europe/Amsterdam")),
                             tick=False):
        yield


@pytest.mark.parametrize("beurt", [1, 2])
def test_wat_een_test_wijzigt_ziet_de_volgende_niet(wereld, beurt):
    # Both turns find the world as built, whichever ran first in this process.
    assert wereld.anna.roepnaam == "Anna"
    assert Leerling.objects.get(pk=wereld.anna.pk).roepnaam == "Anna"
    assert wereld.school.naam == "Echnaton Testcollege"
    wereld.anna.roepnaam = f"Anna {beurt}"  # in memory only
    Leerling.objects.filter(pk=wereld.bram.pk).update(roepnaam=f"Bram {beurt}")
    wereld.school.naam = f"Gewijzigd {beurt}"
    wereld.school.save()


def test_een_test_krijgt_eigen_objecten_die_samenhangen_zoals_gebouwd(wereld):
    assert wereld.anna.school is wereld.school
    assert wereld.groep_1a.schooljaar is wereld.schooljaar
    assert wereld.mentor.medewerker.user is wereld.mentor


def test_een_test_zonder_wereld_ziet_haar_niet(db):
    assert not School.objects.exists()


def test_de_termijnwereld_is_de_wereld_met_de_kalender(wereld, termijnwereld):
    assert termijnwereld is wereld
    assert RegioVakantie.objects.exists()
    assert wereld.mentor.email == "mentor@school.example"


def test_de_wereld_alleen_heeft_de_kalender_niet(wereld):
    assert not RegioVakantie.objects.exists()
    assert wereld.mentor.email == ""


def test_met_de_klok_in_een_ander_schooljaar_hoort_de_wereld_bij_dat_jaar(klok_vorig_jaar,
                                                                          wereld):
    assert list(Schooljaar.objects.values_list("naam", flat=True)) == ["2024-2025"]
    assert set(Groep.objects.values_list("schooljaar__naam", flat=True)) == {"2024-2025"}
    assert wereld.groep_1a.schooljaar.naam == "2024-2025"
