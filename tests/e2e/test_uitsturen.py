"""Uit de les sturen in Chromium: the docent sends a pupil out on a tablet-sized window, the
teamleider receives the pupil and starts the letter, the docent fills in the reason, the
conversation and the punishment, and the teamleider completes it (no JavaScript needed)."""

import pytest
import time_machine

from uitsturen.models import Stand, Uitstuurmelding

from .conftest import inloggen

pytestmark = pytest.mark.e2e


def test_docent_stuurt_uit_op_een_tablet_en_de_teamleider_rondt_af(
        live_server, tablet, termijnwereld):
    from playwright.sync_api import expect

    w = termijnwereld
    page = tablet
    with time_machine.travel("2026-11-20 10:15 +0100", tick=True):
        inloggen(page, live_server, "docent")
        page.goto(f"{live_server.url}/uitsturen/nieuw/")
        page.locator("#id_leerling").select_option(label="Anna de Vries (1001, 1A)")
        page.get_by_label("Les / vak").fill("wiskunde")
        page.get_by_label("Lesuur").fill("3")
        page.get_by_label("Waarom (voor welke overtreding)").fill("Bleef storen.")
        page.screenshot(path="/tmp/uitsturen.png", full_page=True)
        page.get_by_role("button", name="Uit de les sturen").click()
        expect(page.get_by_text("Anna de Vries is uit de les gestuurd")).to_be_visible()
        expect(page.locator("#uiterlijk")).to_contain_text("20-11-2026")
        m = Uitstuurmelding.objects.get(leerling=w.anna)
        melding = f"{live_server.url}/uitsturen/{m.pk}/"
        page.get_by_role("button", name="Uitloggen").click()

        inloggen(page, live_server, "teamleider")
        page.goto(melding)
        page.locator("#stap-melden textarea").fill("Ik lachte om een grap.")
        page.get_by_role("button", name="Melding ontvangen en uitstuurbrief beginnen").click()
        expect(page.locator("#deel-leerling")).to_contain_text("Ik lachte om een grap.")
        expect(page.locator("#wachtend")).to_contain_text("D. Docent")
        page.get_by_role("button", name="Uitloggen").click()

        inloggen(page, live_server, "docent")
        page.goto(melding)
        page.locator("#stap-toelichten textarea").nth(1).fill("Na de les besproken.")
        page.get_by_role("button", name="Reden en gesprek invullen").click()
        page.locator("#stap-inleveren textarea").first.fill("Een uur nablijven.")
        page.get_by_role("button", name="Straf invullen en de brief inleveren").click()
        expect(page.locator("#stand")).to_have_text("ingeleverd bij de teamleider")
        page.get_by_role("button", name="Uitloggen").click()

        inloggen(page, live_server, "teamleider")
        page.goto(melding)
        page.get_by_role("button", name="Afronden").click()
        expect(page.get_by_text("De uitstuurmelding is afgerond.")).to_be_visible()
        expect(page.locator("#deel-straf")).to_contain_text("Een uur nablijven.")
        page.screenshot(path="/tmp/uitsturen-afgerond.png", full_page=True)
    assert Uitstuurmelding.objects.get(pk=m.pk).stand == Stand.AFGEROND
