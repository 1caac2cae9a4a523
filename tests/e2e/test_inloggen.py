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


def test_de_mentor_stelt_een_tweede_factor_in_en_logt_er_daarna_mee_in(live_server, page, wereld):
    """At a school that requires it (a real school's default): scan, confirm, keep the
    recovery codes, log out, log in with the app's code, and once with a recovery code."""
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from playwright.sync_api import expect

    from statuut.models import TweedeFactor
    from tests.inloggen.conftest import code

    wereld.school.tweede_factor = TweedeFactor.INHOUD
    wereld.school.save()

    def wachtwoord():
        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill("mentor")
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()

    wachtwoord()
    expect(page.get_by_role("heading", name="Tweede factor instellen")).to_be_visible()
    expect(page.get_by_role("img", name="QR-code voor de authenticator-app")).to_be_visible()
    page.screenshot(path="/tmp/e2e-2fa-instellen.png", full_page=True)
    # What the app would compute from the key it scanned.
    device = TOTPDevice.objects.get(user=wereld.mentor, confirmed=False)
    page.get_by_label("Code die de app nu toont").fill(code(device))
    page.get_by_role("button", name="Instellen").click()

    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    codes = page.get_by_role("list", name="Herstelcodes").get_by_role("listitem").all_inner_texts()
    assert len(codes) == 10
    page.screenshot(path="/tmp/e2e-2fa-herstelcodes.png", full_page=True)
    page.get_by_role("link", name="Ik heb ze bewaard, verder").click()
    expect(page.get_by_role("heading", name="Mijn mentorgroepen")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Sessie tot \d\d:\d\d"))).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    # The password alone opens nothing.
    wachtwoord()
    expect(page.get_by_role("heading", name="Code invoeren")).to_be_visible()
    page.goto(f"{live_server.url}/leerlingen/{wereld.anna.pk}/")
    expect(page.get_by_role("heading", name="Code invoeren")).to_be_visible()
    device.refresh_from_db()
    page.get_by_label("Code uit de app of herstelcode").fill(code(device, 1))
    page.screenshot(path="/tmp/e2e-2fa-code.png", full_page=True)
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", name="Anna de Vries", level=1)).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    # Phone left at home: one recovery code, once.
    wachtwoord()
    page.get_by_label("Code uit de app of herstelcode").fill(codes[0])
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("heading", name="Mijn mentorgroepen")).to_be_visible()
    expect(page.get_by_text("U hebt een herstelcode gebruikt; die werkt nu niet meer.")) \
        .to_be_visible()
    page.screenshot(path="/tmp/e2e-2fa-herstelcode.png", full_page=True)
    page.get_by_role("button", name="Uitloggen").click()
    wachtwoord()
    page.get_by_label("Code uit de app of herstelcode").fill(codes[0])
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_text("Deze code klopt niet of is al gebruikt.")).to_be_visible()


def test_de_sessie_waarschuwt_voor_het_einde_en_blijft_met_een_klik(live_server, page, wereld):
    from playwright.sync_api import expect

    page.clock.install()
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("mentor")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text(re.compile(r"Sessie tot \d\d:\d\d"))).to_be_visible()
    waarschuwing = page.get_by_role("alertdialog")
    expect(waarschuwing).to_be_hidden()
    # The session script sets its timers once the page has loaded; on a busy machine that
    # can come after the text above is visible.
    page.wait_for_load_state("load")

    page.clock.fast_forward("26:00")  # 26 minutes without doing anything
    expect(waarschuwing).to_be_visible()
    expect(waarschuwing).to_contain_text("Uw sessie verloopt over 4 minuten")
    page.screenshot(path="/tmp/e2e-sessie-waarschuwing.png", full_page=True)
    page.get_by_role("button", name="Ingelogd blijven").click()
    expect(waarschuwing).to_be_hidden()
