"""Password guessing is bounded per pair, per address and per account, and a stranger cannot
lock out a user who logs in from their own address (issue 11; OWASP ASVS 2.2.1)."""

from datetime import timedelta

import time_machine
from axes.models import AccessAttempt
from django.db.models import Sum
from django.utils import timezone

from tests.inloggen.conftest import inloggen
from tests.personas import maak_gebruiker

AANVALLER = "203.0.113.66"
THUIS = "198.51.100.7"


def _geblokkeerd(response) -> bool:
    return (response.status_code == 429
            and "Inloggen tijdelijk geblokkeerd" in response.content.decode())


def _gelukt(response) -> bool:
    return response.status_code == 302 and response.url == "/"


def _pogingen(username: str) -> int:
    """Passwords really checked and wrong (a refused attempt checks none and is not counted)."""
    return AccessAttempt.objects.filter(username=username).aggregate(
        n=Sum("failures_since_start"))["n"] or 0


def test_het_juiste_wachtwoord_werkt_vanaf_een_ander_adres_na_tien_fouten_van_een_aanvaller(
        client, wereld):
    antwoorden = [inloggen(client, "directie", "fout", AANVALLER) for _ in range(12)]
    assert [r.status_code for r in antwoorden[:9]] == [200] * 9
    assert all(_geblokkeerd(r) for r in antwoorden[9:])
    # The pair is locked: the attacker's address gets nowhere even with the right password.
    assert _geblokkeerd(inloggen(client, "directie", adres=AANVALLER))
    # The directeur, from their own address, is not locked out.
    assert _gelukt(inloggen(client, "directie", adres=THUIS))


def test_de_blokkade_van_het_paar_vervalt_na_een_uur(client, wereld):
    for _ in range(10):
        inloggen(client, "directie", "fout", AANVALLER)
    assert _geblokkeerd(inloggen(client, "directie", adres=AANVALLER))
    with time_machine.travel(timezone.now() + timedelta(minutes=61), tick=False):
        assert _gelukt(inloggen(client, "directie", adres=AANVALLER))


def test_honderdeen_fouten_per_uur_op_een_account_kunnen_niet_ook_met_wisselende_adressen(
        client, wereld):
    # The directeur logged in before from home, school and a phone: three known addresses.
    bekend = ["198.51.100.7", "198.51.100.8", "198.51.100.9"]
    for adres in bekend:
        assert _gelukt(inloggen(client, "directie", adres=adres))
        client.logout()
    # Worst case: the attacker rotates over 40 fresh addresses and the three known ones.
    adressen = [f"203.0.113.{i}" for i in range(40)] + bekend
    for i in range(300):
        inloggen(client, "directie", "fout", adressen[i % len(adressen)])
    for adres in bekend:
        for _ in range(12):
            inloggen(client, "directie", "fout", adres)
    # At most 70 from unknown addresses (fewer when known ones came first), 10 per known one.
    assert 90 <= _pogingen("directie") <= 100
    # The next attempt from any address is refused before a password is checked ...
    assert _geblokkeerd(inloggen(client, "directie", "fout", "203.0.113.200"))
    assert _geblokkeerd(inloggen(client, "directie", "fout", bekend[0]))
    assert _pogingen("directie") <= 100
    # ... also with the right password from an address the account does not know.
    assert _geblokkeerd(inloggen(client, "directie", adres="203.0.113.201"))


def test_na_de_accountgrens_werkt_het_eigen_adres_nog(client, wereld):
    assert _gelukt(inloggen(client, "directie", adres=THUIS))
    client.logout()
    for i in range(70):  # 70 addresses, one guess each: no pair and no address reaches its limit
        inloggen(client, "directie", "fout", f"203.0.113.{i}")
    assert _geblokkeerd(inloggen(client, "directie", adres="203.0.113.250"))
    assert _gelukt(inloggen(client, "directie", adres=THUIS))


def test_een_adres_dat_veel_accounts_probeert_wordt_geblokkeerd(client, wereld):
    for i in range(30):
        maak_gebruiker(f"collega{i}", f"C. Collega {i}")
    # The mentor logs in from the school's address as usual.
    assert _gelukt(inloggen(client, "mentor", adres=AANVALLER))
    client.logout()
    spray = [inloggen(client, f"collega{i}", "Welkom2026!", AANVALLER) for i in range(30)]
    # Password spraying, one guess per account: the 30th wrong one locks the address.
    assert [r.status_code for r in spray] == [200] * 29 + [429]
    assert _geblokkeerd(inloggen(client, "docent", adres=AANVALLER))
    assert _geblokkeerd(inloggen(client, "directie", adres=AANVALLER))
    # The same accounts from elsewhere are not locked ...
    assert _gelukt(inloggen(client, "docent", adres=THUIS))
    client.logout()
    # ... and the mentor, whose own address it is, still logs in there.
    assert _gelukt(inloggen(client, "mentor", adres=AANVALLER))


def test_de_blokkadepagina_is_nederlands_en_verraadt_geen_account(client, wereld):
    for _ in range(10):
        inloggen(client, "bestaat-niet", "fout", AANVALLER)
    pagina = inloggen(client, "bestaat-niet", "fout", AANVALLER)
    tekst = pagina.content.decode()
    assert pagina.status_code == 429
    assert "Er is te vaak een verkeerd wachtwoord ingevoerd." in tekst
    assert "60 minuten geblokkeerd" in tekst
    assert "Nieuw wachtwoord aanvragen" in tekst
    assert "bestaat-niet" not in tekst


def test_achter_een_proxy_telt_het_adres_dat_de_proxy_doorgeeft(client, wereld, settings):
    settings.PROXY_AANTAL = 1
    for i in range(10):
        # A forged left-hand entry changes nothing: the proxy's own entry is the last one.
        client.post("/inloggen/", {"username": "directie", "password": "fout"},
                    REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"1.1.1.{i}, {AANVALLER}")
    assert _geblokkeerd(client.post("/inloggen/", {"username": "directie", "password": "x"},
                                    REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=AANVALLER))
    assert _gelukt(client.post("/inloggen/", {"username": "directie",
                                              "password": "een-lang-testwachtwoord"},
                               REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=THUIS))


def test_de_grens_van_honderd_wordt_precies_gehaald_als_de_bekende_adressen_als_laatste_komen(
        client, wereld):
    bekend = ["198.51.100.7", "198.51.100.8", "198.51.100.9"]
    for adres in bekend:
        assert _gelukt(inloggen(client, "directie", adres=adres))
        client.logout()
    for i in range(80):
        inloggen(client, "directie", "fout", f"203.0.113.{i}")
    assert _pogingen("directie") == 70
    for adres in bekend:
        for _ in range(12):
            inloggen(client, "directie", "fout", adres)
    assert _pogingen("directie") == 100
    assert _geblokkeerd(inloggen(client, "directie", adres="203.0.113.250"))
