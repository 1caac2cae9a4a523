"""The read log writes one row per page view (issue 11): a list page one row naming the list,
its filter, how many pupils and their numbers; a pupil page one row naming the parts shown.
Pages that showed pupil data silently now log. The log page shows a row's revealing part
name (care, complaint, measure) only to whom may see that subject: the directie sees it, the
functioneel beheerder sees "leerlinggegevens" or "leerlingenlijst"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dossiers import audit
from dossiers.models import Inzage, Inzagesoort


def _rijen(user) -> list[Inzage]:
    return list(Inzage.objects.filter(user=user).order_by("pk"))


def test_de_startpagina_van_de_mentor_schrijft_een_rij_voor_de_lijst(client, wereld):
    client.force_login(wereld.mentor)
    assert client.get(reverse("start")).status_code == 200
    [rij] = _rijen(wereld.mentor)
    assert (rij.lijst, rij.filter, rij.aantal, rij.leerlingnummers, rij.leerling,
            rij.school, rij.soorten) == ("startpagina", "", 1, "1001", None, wereld.school, "")
    client.get(reverse("start"))
    assert len(_rijen(wereld.mentor)) == 2  # once per page view, not once per pupil


def test_het_zoeken_op_de_startpagina_noemt_zoekterm_en_aantal(client, wereld):
    client.force_login(wereld.directie)
    client.get(reverse("start"), {"q": "Ja"})
    [rij] = _rijen(wereld.directie)
    assert (rij.lijst, rij.filter, rij.aantal, rij.leerlingnummers) == (
        "startpagina", "zoekterm 'Ja'", 1, "1002")


def test_de_leerlingpagina_schrijft_een_rij_met_de_getoonde_onderdelen(client, wereld):
    client.force_login(wereld.directie)
    assert client.get(reverse("leerling", args=[wereld.anna.pk])).status_code == 200
    [rij] = _rijen(wereld.directie)
    assert (rij.leerling, rij.leerlingnummer, rij.lijst, rij.onderdeel) == (
        wereld.anna, "1001", "", "centrale administratie ABCDEFGH")


@pytest.mark.parametrize(("url", "wie", "lijst", "nummers"), [
    ("klachten:indienen", "mentor", "klacht indienen", {"1001"}),
    ("klachten:beroep_instellen", "mentor", "beroep of bezwaar instellen", {"1001"}),
    ("klachten:indienen", "directie", "klacht indienen", {"1001", "1002", "1003"}),
])
def test_de_formulieren_met_leerlingen_en_ouders_schrijven_een_rij(
        client, wereld, url, wie, lijst, nummers):
    user = getattr(wereld, wie)
    client.force_login(user)
    assert client.get(reverse(url), {"leerling": wereld.anna.pk}).status_code == 200
    [rij] = _rijen(user)
    assert (rij.lijst, set(rij.leerlingnummers.split()), rij.aantal) == (
        lijst, nummers, len(nummers))


@pytest.mark.parametrize("url", ["sancties:schorsing_nieuw", "sancties:verwijdering_nieuw"])
def test_de_voorstelpaginas_met_de_ladder_schrijven_een_rij(client, wereld, url):
    client.force_login(wereld.directie)
    assert client.get(reverse(url, args=[wereld.anna.pk])).status_code == 200
    [rij] = _rijen(wereld.directie)
    assert (rij.leerling, rij.onderdeel, rij.soorten) == (
        wereld.anna, "dossier: gedrag (maatregelen bij een voorstel)", "dossier")


def _log(client, user, **zoek) -> tuple[str, list[Inzage]]:
    client.force_login(user)
    pagina = client.get(reverse("inzagelog"), zoek)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    tabel = html[html.find("<table"):html.find("</table>")]  # the rows, not the explanation
    return tabel, list(pagina.context["pagina"].object_list)


def test_de_beheerder_ziet_niet_wie_een_zorgdossier_klacht_of_maatregel_heeft(
        client, wereld):
    client.force_login(wereld.teamleider)
    client.get(reverse("sancties:schorsing_nieuw", args=[wereld.anna.pk]))
    client.get(reverse("start"))
    # A care case's page and a complaint's, as the flows write them.
    audit.inzage_vastleggen(user=wereld.directie, leerling=wereld.bram,
                            onderdeel="zorgdossier (niveau 4)", soorten=[Inzagesoort.ZORG])
    audit.inzage_vastleggen(user=wereld.directie, leerling=wereld.chris, onderdeel="klacht",
                            soorten=[Inzagesoort.KLACHT])
    audit.inzagen_vastleggen(user=wereld.directie, leerlingen=[wereld.bram],
                             lijst="zorg: werklijst", soorten=[Inzagesoort.ZORG])

    html, rijen = _log(client, wereld.beheerder)
    assert len(rijen) == 5  # every read is there, with reader, time and pupil numbers
    for woord in ("zorgdossier", "klacht", "gedrag", "maatregelen", "werklijst"):
        assert woord not in html, woord
    assert html.count("<td>leerlinggegevens</td>") == 3
    assert "<td>leerlingenlijst</td>" in html  # the care work list, neutrally
    assert "startpagina: leerlingenlijst" in html  # a plain list says what it is
    # Searching on a part name finds only what the page shows them.
    assert _log(client, wereld.beheerder, onderdeel="zorg")[1] == []
    assert _log(client, wereld.beheerder, onderdeel="klacht")[1] == []
    assert len(_log(client, wereld.beheerder, onderdeel="leerlinggegevens")[1]) == 3

    html, rijen = _log(client, wereld.directie)
    for woord in ("zorgdossier (niveau 4)", "<td>klacht</td>",
                  "dossier: gedrag (maatregelen bij een voorstel)", "zorg: werklijst"):
        assert woord in html, woord
    assert [r.onderdeel for r in _log(client, wereld.directie, onderdeel="zorg")[1]] == [
        "leerlingenlijst", "zorgdossier (niveau 4)"]


def test_zoeken_op_leerlingnummer_vindt_ook_de_lijsten_waarop_het_stond(client, wereld):
    client.force_login(wereld.teamleider)
    client.get(reverse("start"))  # Anna and Bram
    client.force_login(wereld.mentor)
    client.get(reverse("leerling", args=[wereld.anna.pk]))
    _html, bram = _log(client, wereld.directie, leerling="1002")
    assert [(r.gebruikersnaam, r.lijst) for r in bram] == [("teamleider", "startpagina")]
    _html, anna = _log(client, wereld.directie, leerling="1001")
    assert [(r.gebruikersnaam, r.lijst) for r in anna] == [("mentor", ""),
                                                           ("teamleider", "startpagina")]
    assert _log(client, wereld.directie, leerling="100")[1] == []  # a whole number only
