"""Issue 11, races and small leaks: a deadline is visible exactly to those who may see its
subject (the page, "Mijn termijnen", the calendar feed and the reminders agree), and a
confidential report is shared only with active staff whose role may read complaint content,
never with the person complained about."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dossiers import selectors, toegang
from dossiers.herinneringen import herinneringen_vegen
from klachten import toegang as klachten_toegang
from klachten.models import Deling, Klacht
from statuut.models import Eenheid, Herinnering, Rol
from tests.personas import maak_gebruiker

from .conftest import berichten, get, op, post

DAG = date(2026, 11, 23)


@pytest.fixture
def melding(client, kw):
    """The beheerder gave the confidential stage a term of five school days; then the mentor
    passes on Anna's report of sexual intimidation by the docent."""
    statuut = kw.school.statuten.get()
    statuut.klachtfasen.filter(route="vertrouwelijk").update(
        termijn_aantal=5, termijn_eenheid=Eenheid.SCHOOLDAGEN)
    post(client, kw.mentor, DAG, reverse("klachten:indienen"), {
        "leerling": kw.anna.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
        "beklaagde": kw.docent.medewerker.pk, "seksuele_intimidatie": "on",
        "onderwerp": "Opmerkingen in de gymles", "omschrijving": "In vertrouwen verteld.",
        "ingediend_op": DAG.isoformat()})
    klacht = Klacht.objects.get()
    assert klacht.route == "vertrouwelijk"
    return klacht


def _termijn(klacht):
    return klacht.stappen.get().termijn


def test_de_termijn_van_een_vertrouwelijke_melding_is_niet_voor_de_directie(
        client, kw, melding):
    termijn = _termijn(melding)
    assert termijn.omschrijving == f"Vertrouwelijke melding {melding.kenmerk}"
    url = reverse("termijn", args=[termijn.pk])
    assert get(client, kw.directie, DAG, url).status_code == 404
    assert get(client, kw.vertrouwenspersoon, DAG, url).status_code == 200
    with op(DAG):
        assert termijn not in selectors.open_termijnen(kw.directie)
        assert termijn in selectors.open_termijnen(kw.vertrouwenspersoon)


@pytest.mark.parametrize("wie", ["mentor", "teamleider", "directie", "administratie",
                                 "zorgcoordinator", "docent", "beheerder", "vertrouwenspersoon"])
def test_pagina_lijst_en_agenda_zijn_het_eens(client, kw, melding, wie):
    """Whatever "Mijn termijnen" (and the feed, which uses it) lists, its page opens; a
    complaint's deadline is seen only by who sees the complaint."""
    user = getattr(kw, wie)
    with op(DAG):
        lijst = selectors.open_termijnen(user)
        for termijn in lijst:
            assert toegang.mag_termijn_zien(user, termijn), (wie, termijn)
        ziet_melding = klachten_toegang.klacht_inzage(user, melding) is not None
        assert toegang.mag_termijn_zien(user, _termijn(melding)) == ziet_melding == (
            wie == "vertrouwenspersoon")


def test_een_verlopen_vertrouwelijke_termijn_gaat_niet_als_escalatie_naar_de_directie(
        kw, melding):
    termijn = _termijn(melding)
    herinneringen_vegen(date(2026, 12, 1))  # after the due date of 30 November
    assert termijn.vervaldatum == date(2026, 11, 30)
    rijen = set(Herinnering.objects.filter(termijn=termijn).values_list(
        "soort", "ontvanger__username"))
    # Only the vertrouwenspersoon is told (of the stage, and that it is overdue); no
    # escalation reaches the directie.
    assert ("verlopen", "vertrouwenspersoon") in rijen
    assert {ontvanger for _soort, ontvanger in rijen} == {"vertrouwenspersoon"}


def test_gedeeld_met_de_directie_ziet_zij_ook_de_termijn(client, kw, melding):
    post(client, kw.vertrouwenspersoon, DAG, reverse("klachten:delen", args=[melding.pk]),
         {"met": kw.directie.pk})
    assert get(client, kw.directie, DAG,
               reverse("termijn", args=[_termijn(melding).pk])).status_code == 200


# --- sharing ---------------------------------------------------------------------------------


def test_de_deellijst_biedt_alleen_actieve_collegas_die_klachten_mogen_lezen(
        client, kw, melding):
    inactief = maak_gebruiker("oud-collega", "O. Oud", kw.school, Rol.MENTOR)
    inactief.is_active = False
    inactief.save()
    pagina = get(client, kw.vertrouwenspersoon, DAG,
                 reverse("klachten:klacht", args=[melding.pk]))
    keuzes = dict(pagina.context["collega_s"])
    assert kw.beheerder.pk not in keuzes  # sets the school up, reads no complaints
    assert kw.docent.pk not in keuzes  # the person complained about
    assert inactief.pk not in keuzes
    assert kw.vertrouwenspersoon.pk not in keuzes
    assert keuzes[kw.directie.pk] == "R. Rector (Directie / schoolleiding)"
    assert keuzes[kw.mentor.pk] == "M. Mentor (Docent, Mentor)"


@pytest.mark.parametrize(("wie", "melding_tekst"), [
    ("beheerder", "F. Beheer leest geen klachten (functioneel beheer of extern): deel alleen "
                  "met een collega wiens rol klachten mag lezen."),
    ("docent", "Een melding wordt nooit gedeeld met degene over wie zij gaat."),
    ("inactief", "Het account van O. Oud is niet actief: deel alleen met een actieve collega."),
])
def test_delen_met_wie_niet_mag_wordt_geweigerd(client, kw, melding, wie, melding_tekst):
    if wie == "inactief":
        user = maak_gebruiker("oud-collega", "O. Oud", kw.school, Rol.MENTOR)
        user.is_active = False
        user.save()
    else:
        user = getattr(kw, wie)
    antwoord = post(client, kw.vertrouwenspersoon, DAG,
                    reverse("klachten:delen", args=[melding.pk]), {"met": user.pk})
    assert berichten(antwoord) == [melding_tekst]
    assert not Klacht.objects.get().gedeeld_met.exists()
    assert not Deling.objects.exists()
