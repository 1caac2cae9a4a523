"""A mentor logs in, finds their pupil, reads the central data, and logs out."""

import re

import pytest

from tests.personas import WACHTWOORD

pytestmark = pytest.mark.e2e


def test_mentor_logt_in_opent_een_leerling_en_logt_uit(live_server, page, wereld):
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/inloggen/"))
    page.get_by_label("Gebruikersnaam").fill("mentor")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Mijn mentorgroepen")).to_be_visible()
    expect(page.get_by_text("Geen openstaande termijnen.")).to_be_visible()
    expect(page.get_by_role("link", name="Anna de Vries")).to_be_visible()
    expect(page.get_by_text("Bram Jansen")).to_have_count(0)
    page.screenshot(path="/tmp/e2e-start.png", full_page=True)

    page.get_by_role("link", name="Anna de Vries").click()
    expect(page).to_have_url(f"{live_server.url}/leerlingen/{wereld.anna.pk}/")
    expect(page.get_by_role("heading", name="Anna de Vries", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="A: personalia leerling")).to_be_visible()
    expect(page.get_by_text("14 maart 2012")).to_be_visible()
    page.screenshot(path="/tmp/e2e-leerling.png", full_page=True)

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/inloggen/$"))
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()
    expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
