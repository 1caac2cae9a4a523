"""A docent logs a signal about Anna from her page; the mentor sees it on the start page,
records the conversation (confirmed) and, in the consultation, refers Anna to the
zorgcoördinatoren, who find her on their work list."""

import pytest

from tests.personas import WACHTWOORD
from zorg.models import Zorgdossier

pytestmark = pytest.mark.e2e


def _inloggen(page, live_server, username):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def test_docent_signaleert_mentor_bevestigt_en_meldt_aan_bij_de_zorgcoordinatoren(
        live_server, page, termijnwereld):
    from playwright.sync_api import expect

    w = termijnwereld
    _inloggen(page, live_server, "docent")
    page.goto(f"{live_server.url}/leerlingen/{w.anna.pk}/")
    page.get_by_role("link", name="Zorgsignaal melden").click()
    page.get_by_label("teruggetrokken of somber").check()
    page.get_by_label("verzuim of te laat komen").check()
    page.get_by_label("Wat heeft u waargenomen?").fill(
        "Anna zit stil achterin en kwam deze week drie keer te laat.")
    page.get_by_role("button", name="Signaal melden").click()
    expect(page.get_by_text("Het signaal is gemeld.")).to_be_visible()
    expect(page.get_by_text("ontvangen, de mentor gaat in gesprek met de leerling")) \
        .to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    _inloggen(page, live_server, "mentor")
    # The start page's care block loads by itself and lists Anna's new signal.
    expect(page.get_by_role("heading", name="Signalen en zorg van mijn leerlingen")) \
        .to_be_visible()
    page.locator(".zorg-mentorpaneel").get_by_role("link", name="Anna de Vries").click()
    expect(page.get_by_role("heading", name="Zorgtraject van Anna de Vries")).to_be_visible()
    expect(page.locator(".zorg-signalen").get_by_text("Anna zit stil achterin")).to_be_visible()
    page.get_by_label("Ja: notitie maken en verder met de consultatie (stap 2)").check()
    page.get_by_role("textbox", name="Notitie").fill("Anna vertelt dat het thuis onrustig is.")
    page.get_by_role("button", name="Gesprek vastleggen").click()
    expect(page.get_by_text("Het gesprek is vastgelegd.")).to_be_visible()
    expect(page.locator("#zorg-fase")).to_have_text("consultatie zorg")

    page.get_by_label("Aard en ernst van de problematiek").fill(
        "Zorgelijk: thuissituatie en verzuim samen.")
    page.get_by_label("3. aanmelding bij de zorgcoördinatoren").check()
    page.get_by_role("button", name="Consultatie vastleggen").click()
    expect(page.get_by_text("De consultatie is vastgelegd.")).to_be_visible()
    expect(page.locator("#zorg-fase")).to_have_text("probleemanalyse door de zorgcoördinatoren")
    expect(page.get_by_text("Consultatie zorg: officieel aangemeld bij de zorgcoördinatoren"))\
        .to_be_visible()
    page.screenshot(path="/tmp/e2e-zorg.png", full_page=True)
    page.get_by_role("button", name="Uitloggen").click()

    _inloggen(page, live_server, "zorgcoordinator")
    page.goto(f"{live_server.url}/zorg/werklijst/{w.school.pk}/")
    expect(page.locator("#caseload").get_by_role("link", name="Anna de Vries")).to_be_visible()
    assert Zorgdossier.objects.get(leerling=w.anna).fase == "analyse"
