"""Issue 12, point 7 in the browser: after a studiedag is added, the mentor's case page and
start page show the chosen look-again date unchanged and the computed conversation
deadline moved, each with its notice."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from statuut.models import VrijeDag
from statuut.services import kalender_gewijzigd
from tests.personas import WACHTWOORD, maak_leerling
from zorg import services

pytestmark = pytest.mark.e2e


@pytest.fixture
def klok():
    # Tuesday 24 November 2026, ticking (the browser's session needs a moving clock).
    with time_machine.travel(datetime(2026, 11, 24, 10, tzinfo=ZoneInfo("Europe/Amsterdam")),
                             tick=True):
        yield


def test_na_een_studiedag_blijft_de_gekozen_datum_en_schuift_de_berekende(
        klok, live_server, page, termijnwereld):
    from playwright.sync_api import expect

    w = termijnwereld
    eva = maak_leerling(w.school, "1004", "Eva", "Smit", w.groep_1a)
    services.signaal_melden(door=w.docent, leerling=w.anna, bron="docent",
                            categorieen=["teruggetrokken"], waarneming="Stil in de les.",
                            datum=date(2026, 11, 24))
    signaal = services.signaal_melden(door=w.docent, leerling=eva, bron="docent",
                                      categorieen=["gepest"], waarneming="Alleen in de pauze.",
                                      datum=date(2026, 11, 24))
    services.gesprek_vastleggen(door=w.mentor, zorgdossier=signaal.zorgdossier,
                                datum=date(2026, 11, 24), bevestigd=False,
                                notitie="Eva herkent het niet.",
                                opnieuw_bekijken_op=date(2026, 12, 15))
    # The beheerder adds a studiedag on Monday 30 November (the admin calls this service).
    VrijeDag.objects.create(school=w.school, eerste_dag=date(2026, 11, 30),
                            laatste_dag=date(2026, 11, 30), omschrijving="studiedag")
    kalender_gewijzigd(school=w.school)

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("mentor")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    termijnen = page.locator("ul.termijnen")
    expect(termijnen).to_contain_text(
        "Uiterlijk 2 december 2026 Gesprek mentor met leerling na zorgsignaal – Anna de Vries")
    expect(termijnen).to_contain_text(
        "Verschoven: de schoolkalender is op 24 november 2026 gewijzigd; deze termijn in "
        "schooldagen eindigt niet meer op 1 december 2026 maar op 2 december 2026.")
    expect(termijnen).to_contain_text(
        "Uiterlijk 15 december 2026 Leerling opnieuw bekijken (observatie) – Eva Smit")
    page.screenshot(path="/tmp/e2e-termijnen-start.png", full_page=True)

    page.goto(f"{live_server.url}/zorg/{signaal.zorgdossier.pk}/")
    expect(page.locator(".zorg-termijnen")).to_contain_text(
        "Uiterlijk 15 december 2026 Leerling opnieuw bekijken (observatie) (gekozen datum)")
    expect(page.get_by_text("leerling blijft in observatie tot 15 december 2026")).to_be_visible()
    page.screenshot(path="/tmp/e2e-termijnen-eva.png", full_page=True)

    page.goto(f"{live_server.url}/zorg/{w.anna.zorgdossiers.get().pk}/")
    expect(page.locator(".zorg-termijnen")).to_contain_text(
        "Uiterlijk 2 december 2026 Gesprek mentor met leerling na zorgsignaal")
    expect(page.locator(".zorg-termijnen .kalendermelding")).to_contain_text(
        "eindigt niet meer op 1 december 2026 maar op 2 december 2026")
    page.screenshot(path="/tmp/e2e-termijnen-anna.png", full_page=True)
