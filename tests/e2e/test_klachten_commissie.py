"""The directeur sets up the year's geschillencommissie in the browser: forgetting the parent's
deputy is refused with the reason and nothing is saved; completed, it is published."""

import pytest

from klachten.models import Geschillencommissie
from tests.personas import WACHTWOORD

pytestmark = pytest.mark.e2e

LEDEN = {
    "docent-1": ("D. Docent", "E. Anderedocent"), "docent-2": ("L. Leraar", "K. Kunst"),
    "leerling-1": ("P. Peters (5V)", "S. Smit (4H)"), "leerling-2": ("Q. de Wit (6V)",
                                                                      "R. Roos (5H)"),
    "ouder-1": ("O. Ouder", ""),
}


def test_de_directie_stelt_de_geschillencommissie_samen(live_server, page, termijnwereld):
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("directie")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Klachten").first.click()
    page.get_by_role("link", name="Geschillencommissie").first.click()
    page.get_by_role("link", name="Commissie samenstellen").click()
    for zetel, (lid, plv) in LEDEN.items():
        page.locator(f'[name="{zetel}-naam"]').fill(lid)
        page.locator(f'[name="{zetel}-plv"]').fill(plv)
    page.locator('[name="ouder-1-benoemd"]').select_option("mr")
    page.get_by_label("Voorzitter (uit de leden)").select_option(label="Docentlid 2")
    page.get_by_label("Ambtelijk secretaris (uit de schoolleiding)").select_option(
        label="R. Rector")
    page.get_by_role("button", name="Samenstelling opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Ouderlid (O. Ouder) heeft geen plaatsvervanger")
    assert not Geschillencommissie.objects.exists()

    page.locator('[name="ouder-1-plv"]').fill("V. Verzorger")
    page.get_by_role("button", name="Samenstelling opslaan").click()
    expect(page.get_by_text("De geschillencommissie 2026-2027 is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("cell", name="L. Leraar (voorzitter)")).to_be_visible()
    expect(page.get_by_role("cell", name="V. Verzorger")).to_be_visible()
    page.screenshot(path="/tmp/e2e-commissie.png", full_page=True)
    assert Geschillencommissie.objects.get().voorzitter.naam == "L. Leraar"
