"""A mentor files Anna's complaint about a docent in the browser, mediates, records the
outcome and, Anna being satisfied, settles it: the complaint is afgehandeld."""

import re

import pytest

from klachten.models import Klacht
from tests.personas import WACHTWOORD

pytestmark = pytest.mark.e2e


def test_mentor_dient_een_klacht_in_en_handelt_haar_af(live_server, page, termijnwereld):
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("mentor")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Klachten").first.click()
    page.get_by_role("link", name="Klacht indienen namens een klager").click()
    page.get_by_label("Leerling (klager, of kind van de klagende ouders)").select_option(
        label="Anna de Vries")
    page.get_by_label("een leerling", exact=True).check()
    page.get_by_label("een docent of ander personeelslid").check()
    page.get_by_label("Tegen wie").select_option(label="D. Docent")
    page.get_by_label("Onderwerp").fill("Toetsen worden niet nabesproken")
    page.get_by_label("Omschrijving").fill("De docent bespreekt de toetsen nooit na.")
    page.get_by_label("Het gesprek met de docent is al gevoerd").fill(
        "Anna sprak de docent; er veranderde niets.")
    page.get_by_role("button", name="Klacht indienen").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Toetsen worden niet nabesproken")
    expect(page.get_by_text(re.compile(r"Klacht K-\d+ is ingediend\."))).to_be_visible()
    expect(page.locator("#fase-bemiddeling-mentor .termijn-datum")).to_be_visible()
    page.screenshot(path="/tmp/e2e-klacht.png", full_page=True)

    page.get_by_label("Wat is er in deze fase gebeurd?").fill(
        "Gesprek met docent en Anna: toetsen worden voortaan nabesproken.")
    page.get_by_label("Wat vindt de klager van de uitkomst?").fill("Anna is tevreden.")
    page.get_by_role("button", name="Fase afronden").click()
    expect(page.get_by_text("De klager kiest nu")).to_be_visible()
    page.get_by_role("button", name="De klager is tevreden: klacht afsluiten").click()
    expect(page.get_by_text("De klacht is afgehandeld.")).to_be_visible()
    expect(page.locator("dd").first).to_have_text("afgehandeld")
    assert Klacht.objects.get().status == "afgehandeld"
