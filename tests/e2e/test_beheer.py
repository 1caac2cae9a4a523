"""The functioneel beheerder in the admin, in Chromium: the widgets speak Dutch (issue 12
point 18), the shared school year is read-only, and a pupil shows name and number only
(issue 11)."""

import pytest
from django.contrib.auth.models import Permission

from tests.personas import WACHTWOORD

pytestmark = pytest.mark.e2e


def test_de_beheerder_werkt_in_een_nederlands_beheer_zonder_leerlinggegevens(
        live_server, page, wereld):
    from playwright.sync_api import expect

    beheerder = wereld.beheerder
    beheerder.is_staff = True
    beheerder.save()
    for codename in ("view_groep", "change_groep", "view_leerling", "change_leerling",
                     "view_groepsplaatsing", "change_groepsplaatsing", "add_groepsplaatsing",
                     "view_schooljaar", "change_schooljaar"):
        beheerder.user_permissions.add(Permission.objects.get(codename=codename))
    anna = wereld.anna
    anna.adres, anna.telefoon = "Geheimstraat 7", "06-99887766"
    anna.save()

    page.goto(f"{live_server.url}/beheer/login/")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()

    page.goto(f"{live_server.url}/beheer/dossiers/groep/{wereld.groep_1a.pk}/change/")
    expect(page.get_by_text("Kies mentoren door ze te selecteren en daarna op de pijl "
                            "'Kiezen' te klikken.")).to_be_visible()
    expect(page.get_by_text("Alle mentoren kiezen")).to_be_visible()
    page.screenshot(path="/tmp/e2e-beheer-groep.png", full_page=True)

    page.goto(f"{live_server.url}/beheer/statuut/schooljaar/{wereld.schooljaar.pk}/change/")
    expect(page.get_by_role("heading", name="schooljaar weergeven")).to_be_visible()
    expect(page.get_by_role("button", name="Opslaan")).to_have_count(0)

    page.goto(f"{live_server.url}/beheer/dossiers/leerling/{anna.pk}/change/")
    expect(page.get_by_text("1001")).to_be_visible()
    expect(page.get_by_text("Geheimstraat 7")).to_have_count(0)
    expect(page.get_by_text("06-99887766")).to_have_count(0)
    page.screenshot(path="/tmp/e2e-beheer-leerling.png", full_page=True)
