"""Issue 11 in the browser: the beheerder tries to make themselves directie in the admin and
is refused; a mentor role for a colleague waits; the directie confirms it in the application."""

import pytest
from django.contrib.auth.models import Permission

from dossiers.demo import BEHEERDER_RECHTEN
from dossiers.models import Roltoewijzing, Verzoekstatus, Wijzigingsverzoek
from statuut.models import Rol
from tests.personas import WACHTWOORD, maak_gebruiker

pytestmark = pytest.mark.e2e


def _inloggen(page, url, naam):
    page.context.clear_cookies()
    page.goto(f"{url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def _rol_toevoegen(page, url, medewerker, rol):
    page.goto(f"{url}/beheer/dossiers/medewerker/{medewerker.pk}/change/")
    n = int(page.input_value("input[name=rollen-TOTAL_FORMS]"))
    page.click("#rollen-group .add-row a")
    page.select_option(f"select[name=rollen-{n}-school]", index=1)
    page.select_option(f"select[name=rollen-{n}-rol]", rol)
    page.click("input[name=_continue]")


def test_de_beheerder_maakt_zich_geen_directie_en_de_directie_bevestigt(live_server, page,
                                                                          wereld):
    from playwright.sync_api import expect

    beheerder = wereld.beheerder
    beheerder.is_staff = True
    beheerder.save()
    for (app, model), acties in BEHEERDER_RECHTEN.items():
        for actie in acties:
            beheerder.user_permissions.add(Permission.objects.get(
                content_type__app_label=app, codename=f"{actie}_{model}"))
    collega = maak_gebruiker("nieuwecollega", "N. Collega", wereld.school, Rol.EXTERN)

    _inloggen(page, live_server.url, "beheerder")
    _rol_toevoegen(page, live_server.url, beheerder.medewerker, Rol.DIRECTIE)
    expect(page.get_by_text("U kunt de rollen van uw eigen account niet toevoegen")) \
        .to_be_visible()
    assert not Roltoewijzing.objects.filter(medewerker__user=beheerder,
                                            rol=Rol.DIRECTIE).exists()

    _rol_toevoegen(page, live_server.url, collega.medewerker, Rol.MENTOR)
    expect(page.get_by_text("ter bevestiging aan de directie voorgelegd")).to_be_visible()
    page.screenshot(path="/tmp/e2e-wijziging-wacht.png", full_page=True)

    _inloggen(page, live_server.url, "directie")
    page.get_by_role("link", name="Wijzigingen in toegang").click()
    expect(page.get_by_text("Gevraagd door F. Beheer")).to_be_visible()
    page.get_by_role("button", name="Bevestigen en doorvoeren").click()
    expect(page.get_by_text("Bevestigd en doorgevoerd")).to_be_visible()
    page.screenshot(path="/tmp/e2e-wijziging-bevestigd.png", full_page=True)
    assert Wijzigingsverzoek.objects.get().status == Verzoekstatus.BEVESTIGD
    assert Roltoewijzing.objects.filter(medewerker__user=collega, rol=Rol.MENTOR).exists()
