"""Art. 9.4 (Echnaton), and Wijzer's matrix likewise: a docent (vakleerkracht) sees categories
A, D, E, G of his pupils, not the dossier. Measures are part of the dossier, so their pages
answer him exactly as for a measure that does not exist (404): a 403 would tell him that his
pupil has a schorsing."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dossiers.models import Lesopdracht
from sancties import services, timeout, verwijdering
from sancties.models import Schorsing, TimeOut, Verwijdering
from statuut.models import Rol
from tests.personas import maak_gebruiker

pytestmark = pytest.mark.django_db


@pytest.fixture
def maatregelen(scholen):
    w = scholen.w
    s = services.schorsing_voorstellen(door=w.directie, leerling=w.anna, gronden=["Diefstal"],
                                       ernst="ernstig", feiten="Telefoon gestolen.",
                                       eerste_dag=date(2026, 11, 25), schooldagen=1)
    # Echnaton's ladder has no time-out: that one is at Wijzer (seed 004), with Sanne.
    t = timeout.time_out_voorstellen(door=scholen.leerkracht_wz, leerling=scholen.sanne,
                                     incident="Vechten.", motivering="Veiligheid.")
    v = verwijdering.verwijdering_voorstellen(door=w.teamleider, leerling=w.anna,
                                              gronden=["Drugshandel"], didactisch=False,
                                              motivering="Handel.")
    return {"schorsing": s.pk, "time_out": t.pk, "verwijdering": v.pk}


STAPPEN = {"schorsing": "plannen", "time_out": "goedkeuren", "verwijdering": "voornemen"}


def _antwoord(response) -> tuple[int, bool]:
    tekst = response.content.decode()
    return response.status_code, "Anna" in tekst or "Sanne" in tekst or "Vechten" in tekst


@pytest.fixture
def vakleerkracht_wz(scholen):
    user = maak_gebruiker("gym-wz", "G. Gymleraar", scholen.wijzer, Rol.DOCENT)
    groep = scholen.sanne.plaatsingen.get().groep
    Lesopdracht.objects.create(docent=user.medewerker, groep=groep, vak="gym")
    return user


def test_een_docent_krijgt_voor_de_maatregelen_van_zijn_leerling_404_als_voor_geen_maatregel(
        client, scholen, maatregelen, vakleerkracht_wz):
    w = scholen.w
    onbekend = max(maatregelen.values()) + 1000
    for naam, pk in maatregelen.items():
        docent, leerling = ((vakleerkracht_wz, scholen.sanne) if naam == "time_out"
                            else (w.docent, w.anna))
        client.force_login(docent)
        # He does see his pupil herself.
        assert client.get(reverse("leerling", args=[leerling.pk])).status_code == 200
        for nr in (pk, onbekend):
            assert _antwoord(client.get(reverse(f"sancties:{naam}", args=[nr]))) == (404, False)
            for stap in (STAPPEN[naam], "bestaat-niet"):
                r = client.post(reverse(f"sancties:{naam}_stap", args=[nr, stap]), {})
                assert _antwoord(r) == (404, False), (naam, nr, stap)
    # Nor may he start one, or read the ladder on the pages that start one.
    for docent, leerling in ((w.docent, w.anna), (vakleerkracht_wz, scholen.sanne)):
        client.force_login(docent)
        for naam in ("schorsing_nieuw", "time_out_nieuw", "verwijdering_nieuw",
                     "ontzegging_nieuw"):
            url = reverse(f"sancties:{naam}", args=[leerling.pk])
            assert client.get(url).status_code == 404
            assert client.post(url, {}).status_code == 404
    # Nothing moved.
    assert Schorsing.objects.get().status == "concept"
    assert TimeOut.objects.get().status == "voorgesteld"
    assert Verwijdering.objects.get().status == "voorgesteld"


def test_wie_de_maatregel_ziet_maar_geen_stap_mag_zetten_krijgt_de_pagina(
        client, scholen, maatregelen):
    """The mentor reads the behaviour section (art. 9.4) but decides nothing: he gets the
    schorsing page with its facts, no step to take, and a step he posts is refused with a
    message, not hidden."""
    w = scholen.w
    client.force_login(w.mentor)
    url = reverse("sancties:schorsing", args=[maatregelen["schorsing"]])
    r = client.get(url)
    assert r.status_code == 200 and "Telefoon gestolen." in r.content.decode()
    assert "Hoorgesprek plannen" not in r.content.decode()
    r = client.post(reverse("sancties:schorsing_stap", args=[maatregelen["schorsing"],
                                                             "plannen"]),
                    {"op": "2026-11-24T10:00", "plaats": "kamer"}, follow=True)
    # Refused before the form is read: back on the schorsing page, with the reason.
    assert r.redirect_chain == [(url, 302)]
    assert [str(m) for m in r.context["messages"]] == [
        "Dit mag u niet: het horen van de leerling plannen is volgens het leerlingenstatuut "
        "voorbehouden aan Teamleider / afdelingsleider, Directie / schoolleiding."]
    assert "Telefoon gestolen." in r.content.decode()
    assert Schorsing.objects.get().status == "concept"
