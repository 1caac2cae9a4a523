"""The directie of Echnaton suspends Anna for three days in the browser: proposal with the
ladder beside it, the hearing planned and recorded, the decision, and its bekendmaking once
the letter went out from the outgoing post, confirmed on the page."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from dossiers.models import Brief, Briefinstellingen
from sancties.models import Schorsing
from tests.personas import WACHTWOORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def klok_loopt():
    # The clock runs (tick) from Monday 23 November 2026, 9:00, so the browser keeps time.
    with time_machine.travel(datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("Europe/Amsterdam"))):
        yield


def test_directie_schorst_anna_van_voorstel_tot_bekendmaking(live_server, page, klok_loopt,
                                                             termijnwereld):
    from playwright.sync_api import expect

    w = termijnwereld
    Briefinstellingen.objects.create(school=w.school, ondertekenaar_naam="R. Rector")

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("directie")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/leerlingen/{w.anna.pk}/")
    expect(page.get_by_role("heading", name="Maatregelen (ladder)")).to_be_visible()
    page.get_by_role("link", name="Schorsing voorstellen").click()

    expect(page.get_by_role("heading", name="Schorsing voorstellen")).to_be_visible()
    page.get_by_label("Agressief gedrag of vechten").check()
    page.get_by_label("Ernst").select_option("ernstig")
    page.get_by_label("Feiten (wat, wanneer, waar)").fill("Vechtpartij in de aula om 10.15 uur.")
    page.get_by_label("Eerste dag van de schorsing").fill("2026-11-25")
    page.get_by_label("Aantal schooldagen").fill("3")
    page.get_by_role("button", name="Schorsing voorstellen").click()
    expect(page.get_by_text("De schorsing is voorgesteld. Plan nu het hoorgesprek.")) \
        .to_be_visible()

    page.get_by_label("Datum en tijd").fill("2026-11-23T13:00")
    page.get_by_label("Plaats").fill("kamer schoolleiding")
    page.get_by_role("button", name="Hoorgesprek plannen").click()
    expect(page.get_by_text("Het hoorgesprek is gepland.")).to_be_visible()

    page.get_by_label("R. Rector").check()
    page.get_by_label("Ouders/verzorgers waren aanwezig").check()
    page.get_by_label("Verslag (hoor en wederhoor)").fill("Anna en haar moeder gehoord.")
    page.get_by_role("button", name="Hoorgesprek vastleggen").click()
    expect(page.get_by_text("Het hoorgesprek is vastgelegd.")).to_be_visible()

    page.get_by_label("Motivering (opgave van redenen)").fill("Geweld tegen een medeleerling.")
    page.get_by_label("Wat de leerling tijdens de schorsing doet").fill("Werk via de studiewijzer.")
    page.get_by_role("button", name="Schorsing besluiten").click()
    expect(page.get_by_text("De schorsing is besloten")).to_be_visible()
    expect(page.get_by_text("Driedaagse schorsing, 23 november 2026")).to_be_visible()

    page.reload()  # the letter is made after commit
    # Issue 12 point 5 (Echnaton art. 8.4 "schriftelijk en vooraf"): while the letter waits in
    # the outgoing post there is no bekendmaking, and the page says why.
    expect(page.get_by_text("gemaakt; staat nog in de uitgaande post")).to_be_visible()
    expect(page.get_by_role("button", name="Besluit is bekendgemaakt")).to_have_count(0)
    expect(page.locator("#wacht")).to_contain_text("artikel 8.4 van het Leerlingenstatuut")
    schorsing_url = page.url

    # The letter goes out from the outgoing post (the directie handles the post too)
    page.goto(f"{live_server.url}/post/")
    rij = page.locator("tr", has_text="Anna").filter(has_text="schorsing").first
    # Sending goes through the letter's page: its PDF first, then the confirmation.
    rij.get_by_role("link", name="Markeer als afgedrukt en verstuurd").click()
    page.get_by_role("button", name="Ja, ik heb de brief afgedrukt en per post verstuurd").click()
    expect(page.get_by_text("De brief is vastgelegd als afgedrukt en per post verstuurd.")) \
        .to_be_visible()

    page.goto(schorsing_url)
    expect(page.get_by_text("Brief met het besluit: verzonden op 23 november 2026")) \
        .to_be_visible()
    page.get_by_role("button", name="Besluit is bekendgemaakt").click()
    # A confirmation step in the page (no JavaScript needed); nothing changed yet
    expect(page.get_by_role("heading", name="Bevestig: het besluit is bekendgemaakt")) \
        .to_be_visible()
    expect(page.locator(".status")).to_have_text("besloten")
    page.screenshot(path="/tmp/e2e-schorsing-bevestigen.png", full_page=True)
    page.get_by_role("button", name="Ja, het besluit is bekendgemaakt").click()
    expect(page.get_by_text("Het besluit is bekendgemaakt.")).to_be_visible()
    expect(page.locator(".status")).to_have_text("bekendgemaakt")
    page.screenshot(path="/tmp/e2e-schorsing.png", full_page=True)

    schorsing = Schorsing.objects.get()
    assert (schorsing.status, schorsing.maatregel.code) == ("bekendgemaakt",
                                                            "schorsing-3-dagen")
    brief = Brief.objects.get(soort="sanctie_schorsing_besluit")
    assert brief.status == "verzonden" and brief.verzonden_op is not None
    assert schorsing.bekendgemaakt_op == timezone.localdate(brief.verzonden_op)
