"""The docent's quick registration (issue 14) through the pages: from the docent's own
group, several pupils at once, the offence stated (Echnaton art. 7.4), only the rungs the
statuut's rows give (art. 7.1: strafwerk by the docent; bijlage A: the kaarten are the
teamleider's)."""

from __future__ import annotations

from datetime import date

from dossiers.models import Dossierstuk, Inzage
from gedrag.models import Lesmaatregel, Stand
from tests.personas import maak_leerling
from tests.queries import warm

URL = "/gedrag/registreren/"


def _post(client, user, leerlingen, keuze, **extra):
    client.force_login(user)
    data = {"leerling": [ll.pk for ll in leerlingen], "keuze": keuze,
            "overtreding": "Telefoon gebruikt tijdens de uitleg.", "datum": "2026-11-23",
            **extra}
    return client.post(URL, data)


def test_de_docent_geeft_twee_leerlingen_tegelijk_strafwerk_met_de_overtreding(client, w, klas):
    anna, eva, _finn = klas
    client.force_login(w.docent)
    lijst = client.get(URL).content.decode()
    assert "Eva Smit" in lijst and "Anna de Vries" in lijst
    assert "Bram" not in lijst  # 1B: not the docent's group
    stap2 = client.get(URL, {"leerling": [anna.pk, eva.pk]}).content.decode()
    assert "Strafwerk" in stap2 and "Eerdere maatregelen" in stap2
    antwoord = _post(client, w.docent, [anna, eva], "m:strafwerk",
                     afspraak="Eén A4 over respect inleveren", uiterlijk="2026-11-25",
                     vak="wiskunde", lesuur="3")
    assert antwoord.status_code == 302
    rijen = list(Lesmaatregel.objects.order_by("leerling__leerlingnummer"))
    assert [r.leerling for r in rijen] == [anna, eva]
    assert {r.groep_id for r in rijen} == {rijen[0].groep_id}
    assert all(r.maatregelsoort.code == "strafwerk" and r.stand == Stand.OPGELEGD
               and r.opgelegd_als == "docent" and r.uiterlijk == date(2026, 11, 25)
               for r in rijen)
    stuk = Dossierstuk.objects.get(leerling=eva, sectie="gedrag")
    assert stuk.titel == "Strafwerk op 23-11-2026"
    assert "Overtreding: Telefoon gebruikt tijdens de uitleg." in stuk.inhoud
    assert "Afspraak: Eén A4 over respect inleveren (uiterlijk 25-11-2026)" in stuk.inhoud
    assert "Les: wiskunde, 3e uur" in stuk.inhoud
    assert stuk.auteur == w.docent and stuk.bron_id == rijen[1].pk
    pagina = client.get(f"/gedrag/maatregel/{rijen[0].pk}/").content.decode()
    assert "Samen met" in pagina and "1 andere leerling" in pagina
    assert Inzage.objects.filter(user=w.docent, leerling=anna, onderdeel="maatregel").count() == 1


def test_zonder_overtreding_wordt_niets_vastgelegd(client, w, klas):
    antwoord = _post(client, w.docent, klas[:1], "m:strafwerk", overtreding="  ")
    assert antwoord.status_code == 400
    assert "duidelijk zijn voor welke overtreding" in antwoord.content.decode()
    assert not Lesmaatregel.objects.exists()


def test_de_gele_kaart_krijgt_de_docent_niet_aangeboden_en_een_vervalste_post_wordt_geweigerd(
        client, w, klas):
    client.force_login(w.docent)
    stap2 = client.get(URL, {"leerling": [w.anna.pk]}).content.decode()
    assert 'value="m:strafwerk"' in stap2
    assert 'value="m:gele-kaart"' not in stap2 and 'value="m:rode-kaart"' not in stap2
    antwoord = _post(client, w.docent, [w.anna], "m:gele-kaart")
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Dit mag u niet" in tekst and "voorbehouden aan" in tekst and "teamleider" in tekst
    assert not Lesmaatregel.objects.exists()
    assert not Dossierstuk.objects.filter(sectie="gedrag").exists()


def test_de_teamleider_geeft_de_rode_kaart_en_de_pagina_wijst_naar_de_schorsing(client, w, klas):
    client.force_login(w.teamleider)
    stap2 = client.get(URL, {"leerling": [w.anna.pk]}).content.decode()
    assert 'value="m:gele-kaart"' in stap2 and 'value="m:rode-kaart"' in stap2
    assert _post(client, w.teamleider, [w.anna], "m:rode-kaart").status_code == 302
    m = Lesmaatregel.objects.get()
    assert m.opgelegd_als == "teamleider"
    pagina = client.get(f"/gedrag/maatregel/{m.pk}/").content.decode()
    assert "kan een schorsing volgen" in pagina
    assert f"/sancties/leerling/{w.anna.pk}/schorsing/" in pagina


def test_een_leerling_buiten_de_eigen_groep_wordt_niet_vastgelegd(client, w, klas):
    antwoord = _post(client, w.docent, [w.anna, w.bram], "m:strafwerk")
    assert antwoord.status_code == 400
    assert "staat niet in uw lijst" in antwoord.content.decode()
    assert not Lesmaatregel.objects.exists()


def test_de_groepslijst_kost_evenveel_queries_voor_5_als_voor_50_leerlingen(client, w):
    client.force_login(w.docent)
    client.get(URL)
    for i in range(4):
        maak_leerling(w.school, f"17{i:02d}", f"Kind{i}", "Vijf", w.groep_1a)
    vijf, antwoord = warm(lambda: client.get(URL))
    assert antwoord.status_code == 200
    for i in range(45):
        maak_leerling(w.school, f"18{i:02d}", f"Kind{i}", "Vijftig", w.groep_1a)
    vijftig, antwoord = warm(lambda: client.get(URL))
    pagina = antwoord.content.decode()
    assert pagina.count('name="leerling"') == 50
    assert len(vijftig) == len(vijf)


def test_weigeringen_in_het_nederlands_en_niets_vastgelegd(client, w, klas):
    gevallen = [
        ({"datum": "2026-11-24"}, "24-11-2026 ligt in de toekomst"),
        ({"afspraak": "Regels", "uiterlijk": "2026-11-20"},
         "'Uiterlijk' (20-11-2026) ligt voor de datum van de maatregel (23-11-2026)."),
        ({"uiterlijk": "2026-11-25"}, "Schrijf bij een datum ook op wat er uiterlijk"),
        ({"categorie": "gokken"}, "Kies een soort overtreding uit de lijst."),
        ({"keuze": "m:bestaat-niet"}, "Kies een maatregel uit de lijst."),
        ({"datum": "2026-11-21"}, "21-11-2026 is geen schooldag"),
    ]
    for extra, tekst in gevallen:
        data = {"keuze": "m:strafwerk", **extra}
        antwoord = _post(client, w.docent, [w.anna], data.pop("keuze"), **data)
        assert antwoord.status_code == 400, extra
        assert tekst in antwoord.content.decode().replace("&#x27;", "'"), extra
    assert not Lesmaatregel.objects.exists()
    assert not Dossierstuk.objects.filter(sectie="gedrag").exists()


def test_de_tweede_stap_legt_een_inzage_vast_per_bekeken_pagina(client, w, klas):
    client.force_login(w.mentor)
    client.get(URL, {"leerling": [klas[0].pk, klas[1].pk]})
    rij = Inzage.objects.get(user=w.mentor, lijst="gedrag registreren")
    assert (rij.aantal, sorted(rij.leerlingnummers.split())) == (2, ["1001", "1011"])


def test_vreemde_invoer_geeft_nooit_een_serverfout(client, w, klas):
    client.force_login(w.docent)
    for waarde in ["²", "99999999999999999999", "2026-02-31", "x" * 3000 + "\u202e%'<"]:
        for param in ("leerling", "school", "groep", "pagina"):
            assert client.get(URL, {param: waarde}).status_code in (200, 400, 404)
        antwoord = client.post(URL, {"leerling": w.anna.pk, "keuze": waarde,
                                     "overtreding": waarde, "datum": waarde,
                                     "uiterlijk": waarde, "lesuur": waarde})
        assert antwoord.status_code == 400
    assert client.get("/gedrag/maatregel/99999999999999999999/").status_code == 404
    assert client.post("/gedrag/maatregel/1/onzin/").status_code == 404
    assert not Lesmaatregel.objects.exists()
