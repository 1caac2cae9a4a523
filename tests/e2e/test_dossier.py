"""A mentor opens a pupil's dossier, corrects an entry with a reason, and sees the addendum
with her name and the reason; the original stays readable as an earlier version."""

import re
from datetime import date

import pytest

from dossiers import dossier
from dossiers.models import Dossierstuk
from tests.personas import WACHTWOORD

pytestmark = pytest.mark.e2e


def test_mentor_corrigeert_een_stuk_en_ziet_het_addendum(live_server, page, wereld):
    from playwright.sync_api import expect

    stuk = dossier.stuk_toevoegen(
        door=wereld.teamleider, leerling=wereld.anna, sectie="gedrag",
        titel="Gesprek over te laat komen", inhoud="Anna kwam zes keer te laat.",
        datum=date(2026, 9, 28), controleer=False,
    )

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("mentor")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(f"{live_server.url}/")

    page.get_by_role("link", name="Anna de Vries").click()
    page.get_by_role("link", name="Persoonlijk dossier").click()
    expect(page).to_have_url(f"{live_server.url}/leerlingen/{wereld.anna.pk}/dossier/")
    expect(page.get_by_role("heading", name="Persoonlijk dossier van Anna de Vries")) \
        .to_be_visible()
    expect(page.get_by_text("Anna kwam zes keer te laat.")).to_be_visible()

    page.get_by_role("link", name="Corrigeren").click()
    expect(page.get_by_label("Gecorrigeerde tekst")).to_have_value("Anna kwam zes keer te laat.")
    page.get_by_label("Gecorrigeerde tekst").fill("Anna kwam vier keer te laat.")
    page.get_by_label("Reden van de correctie").fill("Moeder wees erop dat het vier keer was")
    page.get_by_role("button", name="Correctie vastleggen").click()

    expect(page.get_by_text("De correctie is vastgelegd als addendum")).to_be_visible()
    expect(page.get_by_text("Anna kwam vier keer te laat.")).to_be_visible()
    addendum = page.locator(".addendum")
    expect(addendum).to_contain_text("door M. Mentor: Moeder wees erop dat het vier keer was")
    expect(addendum).to_contain_text(re.compile(r"Gecorrigeerd op \d+ \w+ \d{4}"))
    # The original is not overwritten: it is one click away as an earlier version.
    expect(page.get_by_text("Anna kwam zes keer te laat.")).to_be_hidden()
    page.get_by_text("Eerdere versie").click()
    expect(page.get_by_text("Anna kwam zes keer te laat.")).to_be_visible()
    page.screenshot(path="/tmp/e2e-dossier.png", full_page=True)

    stuk.refresh_from_db()
    assert stuk.inhoud == "Anna kwam zes keer te laat."
    assert Dossierstuk.objects.get(vervangt=stuk).auteur == wereld.mentor
