"""A session ends after 30 minutes idle and 12 hours at most, and the layout shows when
(issue 11; OWASP ASVS 3.3.2). The clock is frozen and moved with time-machine."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from tests.inloggen.conftest import inloggen

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
BEGIN = datetime(2026, 11, 24, 8, 0, tzinfo=AMSTERDAM)


def _ingelogd(response) -> bool:
    return response.status_code == 200


def _naar_inloggen(response) -> bool:
    return response.status_code == 302 and response.url.startswith("/inloggen/?next=")


def test_na_dertig_minuten_niets_doen_is_de_sessie_voorbij(client, wereld):
    with time_machine.travel(BEGIN, tick=False) as klok:
        inloggen(client, "mentor")
        klok.move_to(BEGIN + timedelta(minutes=29))
        assert _ingelogd(client.get(reverse("start")))
        klok.move_to(BEGIN + timedelta(minutes=29 + 29))
        assert _ingelogd(client.get(reverse("start")))
        klok.move_to(BEGIN + timedelta(minutes=29 + 29 + 31))
        antwoord = client.get(reverse("start"))
        assert _naar_inloggen(antwoord)
        pagina = client.get(antwoord.url)
        assert "Uw sessie is verlopen. Log opnieuw in." in pagina.content.decode()
        # Really logged out: the next page asks for the password again.
        assert _naar_inloggen(client.get(reverse("start")))


def test_na_twaalf_uur_is_de_sessie_voorbij_ook_bij_steeds_activiteit(client, wereld):
    with time_machine.travel(BEGIN, tick=False) as klok:
        inloggen(client, "mentor")
        for kwartier in range(1, 48):  # every 15 minutes, up to 11h45
            klok.move_to(BEGIN + timedelta(minutes=15 * kwartier))
            # Any page is activity; the account page costs a thirtieth of the start page.
            assert _ingelogd(client.get(reverse("account"))), kwartier
        klok.move_to(BEGIN + timedelta(hours=11, minutes=59))
        assert _ingelogd(client.get(reverse("start")))
        klok.move_to(BEGIN + timedelta(hours=12))
        assert _naar_inloggen(client.get(reverse("start")))


def test_ook_force_login_krijgt_de_tijdslimiet(client, wereld):
    with time_machine.travel(BEGIN, tick=False) as klok:
        client.force_login(wereld.mentor)
        assert _ingelogd(client.get(reverse("start")))
        klok.move_to(BEGIN + timedelta(minutes=31))
        assert _naar_inloggen(client.get(reverse("start")))


def test_de_layout_toont_het_einde_en_een_verborgen_waarschuwing(client, wereld):
    with time_machine.travel(BEGIN, tick=False) as klok:
        inloggen(client, "mentor")
        pagina = client.get(reverse("start")).content.decode()
        assert "Sessie tot 08:30" in pagina
        assert 'data-seconden="1800"' in pagina
        assert 'id="sessie-waarschuwing" role="alertdialog" aria-live="assertive" hidden' in pagina
        assert "Ingelogd blijven" in pagina
        klok.move_to(BEGIN + timedelta(minutes=10))
        assert "Sessie tot 08:40" in client.get(reverse("start")).content.decode()


def test_het_einde_volgt_de_laatste_activiteit_en_de_twaalf_uur(client, wereld):
    with time_machine.travel(BEGIN, tick=False) as klok:
        inloggen(client, "mentor")
        for uur in range(1, 12):
            # Activity (any page; the account page is a thirtieth of the start page's cost).
            klok.move_to(BEGIN + timedelta(hours=uur) - timedelta(minutes=40))
            assert _ingelogd(client.get(reverse("account")))
            klok.move_to(BEGIN + timedelta(hours=uur) - timedelta(minutes=20))
            assert _ingelogd(client.get(reverse("account")))
            klok.move_to(BEGIN + timedelta(hours=uur))
            assert "Sessie tot" in client.get(reverse("start")).content.decode()
        klok.move_to(BEGIN + timedelta(hours=11, minutes=20))
        assert "Sessie tot 19:50" in client.get(reverse("start")).content.decode()
        klok.move_to(BEGIN + timedelta(hours=11, minutes=40))
        # Twelve hours after 08:00, not thirty minutes from now.
        assert "Sessie tot 20:00" in client.get(reverse("start")).content.decode()


def test_ingelogd_blijven_verlengt_de_sessie(client, wereld):
    with time_machine.travel(BEGIN, tick=False) as klok:
        inloggen(client, "mentor")
        klok.move_to(BEGIN + timedelta(minutes=27))
        antwoord = client.post(reverse("sessie_verlengen"), HTTP_X_REQUESTED_WITH="fetch")
        assert antwoord.json() == {"seconden": 1800}
        klok.move_to(BEGIN + timedelta(minutes=27 + 29))
        assert _ingelogd(client.get(reverse("start")))
