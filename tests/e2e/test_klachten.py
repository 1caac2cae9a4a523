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
    page.get_by_label("Tegen wie").select_option(label="D. Docent (Docent)")
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
    expect(page.locator(".aan-zet")).to_contain_text("De klager kiest nu")
    page.get_by_role("button", name="De klager is tevreden: klacht afsluiten").click()
    expect(page.get_by_text("De klacht is afgehandeld.")).to_be_visible()
    expect(page.locator("dd").first).to_have_text("afgehandeld")
    assert Klacht.objects.get().status == "afgehandeld"


def _inloggen(page, url, wie):
    page.context.clear_cookies()
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(wie)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def test_de_klacht_zonder_gesprek_met_de_docent_loopt_niet_vast(live_server, page,
                                                                termijnwereld):
    """Filed without the talk with the docent, the complaint starts at 'Gesprek met de
    docent'. The teamleider and the docent read who must act; the mentor records that the talk
    did not come about and takes the complaint on to the mediation (art. 12 klachten 1-2)."""
    from playwright.sync_api import expect

    _inloggen(page, live_server.url, "mentor")
    page.get_by_role("link", name="Klachten").first.click()
    page.get_by_role("link", name="Klacht indienen namens een klager").click()
    page.get_by_label("Leerling (klager, of kind van de klagende ouders)").select_option(
        label="Anna de Vries")
    page.get_by_label("een leerling", exact=True).check()
    page.get_by_label("een docent of ander personeelslid").check()
    page.get_by_label("Tegen wie").select_option(label="D. Docent (Docent)")
    page.get_by_label("Onderwerp").fill("Toetsen worden niet nabesproken")
    page.get_by_label("Omschrijving").fill("De docent bespreekt de toetsen nooit na.")
    page.get_by_role("button", name="Klacht indienen").click()
    klacht = Klacht.objects.get()
    assert klacht.fase.code == "gesprek-docent"
    adres = f"{live_server.url}/klachten/{klacht.pk}/"

    for wie in ("teamleider", "docent"):
        _inloggen(page, live_server.url, wie)
        page.goto(adres)
        expect(page.locator(".aan-zet")).to_contain_text("Aan zet: mentor (M. Mentor)")
        expect(page.get_by_role("button", name="Fase afronden")).to_have_count(0)
        page.screenshot(path=f"/tmp/e2e-klacht-gesprek-{wie}.png", full_page=True)

    _inloggen(page, live_server.url, "mentor")
    page.goto(adres)
    expect(page.locator(".aan-zet")).to_contain_text("Aan zet: mentor (M. Mentor)")
    page.get_by_label("Wat is er in deze fase gebeurd?").fill(
        "Het gesprek kwam niet tot stand: de docent wilde niet praten.")
    page.get_by_label("Wat vindt de klager van de uitkomst?").fill(
        "Anna wil dat de mentor bemiddelt.")
    page.get_by_role("button", name="Fase afronden").click()
    expect(page.locator(".aan-zet")).to_contain_text("De klager kiest nu")
    page.get_by_label("De klager is niet tevreden en wil de klacht voortzetten").check()
    page.get_by_role("button", name="Verder naar: Bemiddeling door de mentor").click()
    expect(page.get_by_text("De klacht is naar de volgende fase gegaan.")).to_be_visible()
    expect(page.locator("#fase-bemiddeling-mentor .termijn-datum")).to_be_visible()
    expect(page.get_by_role("button", name="Fase afronden")).to_be_visible()
    page.screenshot(path="/tmp/e2e-klacht-gesprek-mentor.png", full_page=True)
    assert Klacht.objects.get().fase.code == "bemiddeling-mentor"
