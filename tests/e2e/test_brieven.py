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


def test_administratie_bekijkt_bevestigt_en_verzendt_in_een_keer(live_server, page, wereld):
    """Issue 12, point 14: the letter's PDF is seen before sending, sending asks for
    confirmation, and several letters go at once after a confirmation page."""
    from django.core import mail
    from playwright.sync_api import expect

    from dossiers.models import Brief

    Briefinstellingen.objects.create(school=wereld.school, ondertekenaar_naam="R. Rector")
    Ouder.objects.filter(achternaam="Vries").update(adres="Lindelaan 4", postcode="3512 CD",
                                                     email="ouder@example.org")
    for sleutel, gegevens in [("een", UITNODIGING), ("twee", {**UITNODIGING,
                                                              "gesprek_tijd": "16.00 uur"}),
                              ("drie", {**UITNODIGING, "gesprek_tijd": "16.30 uur"})]:
        brief_aanvragen(door=wereld.mentor, leerling=wereld.anna, soort="uitnodiging_gesprek",
                        sleutel=sleutel, gegevens=gegevens)
    een = Brief.objects.get(sleutel="een")

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("administratie")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Uitgaande post").click()
    expect(page.get_by_role("heading", name="Te verzenden per e-mail (3)")).to_be_visible()

    # One letter: its page shows the PDF and the recipients, then asks for confirmation.
    page.locator(f"a[href='/post/{een.pk}/']").first.click()
    expect(page.get_by_role("heading", name="Zo ziet de brief eruit")).to_be_visible()
    expect(page.locator("iframe.post-pdf")).to_have_attribute(
        "src", f"/post/{een.pk}/pdf/bekijken/")
    expect(page.get_by_text("J. de Vries: per e-mail aan ouder@example.org")).to_be_visible()
    pdf = page.request.get(f"{live_server.url}/post/{een.pk}/pdf/bekijken/")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    page.screenshot(path="/tmp/e2e-brief-bekijken.png", full_page=True)
    assert not mail.outbox
    page.wait_for_load_state("load")  # the PDF viewer in the frame has settled
    verzend = page.get_by_role("button", name="Ja, verzend deze brief per e-mail")
    verzend.scroll_into_view_if_needed()
    with page.expect_navigation():
        verzend.click()
    expect(page.get_by_text("De brief is per e-mail verzonden.")).to_be_visible()
    assert len(mail.outbox) == 1

    # The other two at once: select all, send, confirm.
    expect(page.get_by_role("heading", name="Te verzenden per e-mail (2)")).to_be_visible()
    page.get_by_role("link", name="Alles kiezen in 'Te verzenden per e-mail'").click()
    expect(page.locator("#per-email input[type=checkbox]:checked")).to_have_count(2)
    page.get_by_role("button", name="Verzend de gekozen brieven per e-mail").click()
    expect(page.get_by_role("heading", name="2 brieven per e-mail verzenden?")).to_be_visible()
    page.screenshot(path="/tmp/e2e-post-bevestigen.png", full_page=True)
    assert len(mail.outbox) == 1
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, verzend per e-mail").click()
    expect(page.get_by_text("2 brieven verzonden.")).to_be_visible()
    expect(page.get_by_role("heading", name="Te verzenden per e-mail (0)")).to_be_visible()
    page.screenshot(path="/tmp/e2e-post-verzonden.png", full_page=True)
    assert len(mail.outbox) == 3 and all(len(m.to) == 1 for m in mail.outbox)
