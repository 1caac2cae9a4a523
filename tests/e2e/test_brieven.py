"""The administratie opens the outgoing post, picks two letters, makes one PDF of them,
waits for the progress bar to finish and downloads the PDF with both pupils' letters."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Briefinstellingen, Ouder
from tests.brieven.test_brieven import KLACHT, UITNODIGING
from tests.personas import WACHTWOORD

pytestmark = pytest.mark.e2e


def test_administratie_maakt_een_bundel_en_downloadt_hem(live_server, page, wereld, tmp_path):
    from playwright.sync_api import expect

    Briefinstellingen.objects.create(school=wereld.school, ondertekenaar_naam="R. Rector")
    Ouder.objects.filter(achternaam="Vries").update(adres="Lindelaan 4", postcode="3512 CD",
                                                     email="ouder@example.org")
    brief_aanvragen(door=wereld.mentor, leerling=wereld.anna, soort="uitnodiging_gesprek",
                    sleutel="anna", gegevens=UITNODIGING)
    brief_aanvragen(door=wereld.mentor, leerling=wereld.bram,
                    soort="ontvangstbevestiging_klacht", sleutel="bram", gegevens=KLACHT)

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("administratie")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Uitgaande post").click()
    expect(page.get_by_role("heading", name="Uitgaande post", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Te verzenden per e-mail (1)")).to_be_visible()
    expect(page.get_by_text("Geen ontvanger bekend (geen ouder met gezag)")).to_be_visible()
    page.screenshot(path="/tmp/e2e-uitgaande-post.png", full_page=True)

    page.get_by_label("Kies Uitnodiging voor een gesprek voor Anna de Vries").check()
    page.get_by_label("Kies Ontvangstbevestiging van uw klacht voor Bram Jansen").check()
    page.get_by_role("button", name="Maak één PDF van de gekozen brieven").click()

    expect(page.get_by_role("heading", name="Bundel van brieven")).to_be_visible()
    expect(page.locator("progress")).to_have_attribute("max", "2")
    expect(page.get_by_text("2 van 2 brieven")).to_be_visible(timeout=30_000)
    expect(page.locator("progress")).to_have_attribute("value", "2")
    page.screenshot(path="/tmp/e2e-bundel.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download de PDF").click()
    pad = tmp_path / "bundel.pdf"
    download.value.save_as(pad)
    reader = PdfReader(BytesIO(pad.read_bytes()))
    tekst = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert len(reader.pages) == 2
    assert "Anna de Vries" in tekst and "Bram Jansen" in tekst
