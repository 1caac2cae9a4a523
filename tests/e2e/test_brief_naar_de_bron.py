"""The mentor opens Anna's dossier in Chromium, finds the invitation the zorgcoördinator sent
about her care case, clicks "Naar de bron" and gets the letter as a PDF (issue 12: it
answered 404 to everyone but the administratie and the directie)."""

from io import BytesIO

import pytest
from django.utils import timezone
from pypdf import PdfReader

from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Briefinstellingen, Inzage
from tests.brieven.test_brieven import UITNODIGING
from tests.personas import WACHTWOORD
from zorg.services import signaal_melden

pytestmark = pytest.mark.e2e


def test_de_mentor_opent_de_brief_via_naar_de_bron(live_server, page, termijnwereld,
                                                   tmp_path):
    wereld = termijnwereld
    from playwright.sync_api import expect

    Briefinstellingen.objects.create(school=wereld.school, ondertekenaar_naam="R. Rector")
    zorgdossier = signaal_melden(door=wereld.docent, leerling=wereld.anna, bron="docent",
                                 categorieen=["teruggetrokken"],
                                 waarneming="Anna huilde in de les.",
                                 datum=timezone.localdate()).zorgdossier
    # Made at once: no broker in the tests, the task runs in-process after commit.
    brief = brief_aanvragen(door=wereld.zorgcoordinator, leerling=wereld.anna,
                            soort="uitnodiging_gesprek", sleutel="zorg:e2e",
                            gegevens=UITNODIGING, bron=zorgdossier)

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("mentor")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/leerlingen/{wereld.anna.pk}/")
    page.get_by_role("link", name="Persoonlijk dossier").click()
    stuk = page.locator("article.dossierstuk", has_text="Uitnodiging voor een gesprek")
    expect(stuk).to_be_visible()
    page.screenshot(path="/tmp/e2e-naar-de-bron.png", full_page=True)
    with page.expect_download() as download:
        stuk.get_by_role("link", name="Naar de bron").click()
    pad = tmp_path / "brief.pdf"
    download.value.save_as(pad)
    tekst = " ".join(" ".join(p.extract_text().split())
                     for p in PdfReader(BytesIO(pad.read_bytes())).pages)
    assert "Uitnodiging voor een gesprek" in tekst and "Anna de Vries" in tekst
    assert Inzage.objects.filter(user=wereld.mentor, object_type__model="brief",
                                 object_id=brief.pk).count() == 1
