"""Echnaton's teamleiding proposes an ontzegging van de toegang for Anna in the browser,
while her verwijdering procedure runs (seed 002 art. 8.3)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sancties import verwijdering
from sancties.models import Schorsing
from tests.personas import WACHTWOORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def klok_loopt():
    with time_machine.travel(datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


def test_teamleider_draagt_ontzegging_van_de_toegang_voor(live_server, page, klok_loopt,
                                                          termijnwereld):
    from playwright.sync_api import expect

    w = termijnwereld
    verwijdering.verwijdering_voorstellen(door=w.teamleider, leerling=w.anna,
                                          gronden=["Drugshandel"], didactisch=False,
                                          motivering="Handel in drugs in de aula.")
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("teamleider")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/leerlingen/{w.anna.pk}/")
    page.get_by_role("link", name="Ontzegging van de toegang voorstellen").click()

    expect(page.get_by_role("heading", name="Ontzegging van de toegang voorstellen")) \
        .to_be_visible()
    page.get_by_label("Drugshandel").check()
    page.get_by_label("Ernst").select_option("zeer_ernstig")
    page.get_by_label("Feiten (wat, wanneer, waar)").fill("Verkocht drugs in de aula.")
    page.get_by_label("Eerste dag van de ontzegging").fill("2026-11-25")
    page.get_by_label("Aantal schooldagen").fill("10")
    page.get_by_role("button", name="Ontzegging voorstellen").click()
    expect(page.get_by_text("De ontzegging van de toegang is voorgesteld.")).to_be_visible()
    expect(page.get_by_role("heading", name="Ontzegging van de toegang Anna de Vries")) \
        .to_be_visible()
    expect(page.get_by_text("Gaat in op 25 november 2026, loopt tot en met 8 december 2026.")) \
        .to_be_visible()
    o = Schorsing.objects.get()
    assert (o.ontzegging, o.status, o.verwijdering.leerling) == (True, "concept", w.anna)
