"""The complaint routes of Echnaton art. 12 and bijlage B and Noordgouw art. 19, walked through
the pages as staff would, with the exact due dates on the school's 2026-2027 calendar
(region midden: kerstvakantie 19 December - 3 January, Goede Vrijdag 26 March and Tweede
Paasdag 29 March 2027, the school's meivakantie 24 April - 2 May, Bevrijdingsdag 5 May,
Hemelvaart 6 May and the Friday after, Tweede Pinksterdag 17 May)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dossiers.models import Brief, Briefinstellingen, Dossierstuk
from klachten.models import Klacht, Klachtstatus
from statuut.models import Rol, Termijn, Termijnstatus
from tests.personas import maak_gebruiker

from .conftest import berichten, get, post

MENTORBEMIDDELING = "bemiddeling-mentor"


def indienen(client, w, datum: date, **extra) -> Klacht:
    """The mentor files Anna's complaint about the docent on her behalf; she already talked
    to the docent, so it starts with the mentor's mediation (art. 12 klachten 2)."""
    door = extra.pop("door", w.mentor)
    data = {"leerling": w.anna.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
            "beklaagde": w.docent.medewerker.pk, "onderwerp": "Toetsen worden niet nabesproken",
            "omschrijving": "De docent bespreekt de toetsen nooit na en lacht om vragen.",
            "eerste_fase_gehad": "Anna sprak de docent op 1 december; er veranderde niets.",
            "ingediend_op": datum.isoformat()}
    data.update(extra)
    antwoord = post(client, door, datum, reverse("klachten:indienen"), data)
    assert antwoord.redirect_chain, antwoord.content.decode()[:3000]
    return Klacht.objects.latest("pk")


def termijn_van(klacht: Klacht, code: str) -> Termijn:
    return klacht.stappen.get(fase__code=code).termijn


@pytest.mark.parametrize(("ingediend", "uiterlijk", "wanneer"), [
    (date(2026, 12, 18), date(2027, 1, 15), "de vrijdag voor de kerstvakantie"),
    (date(2027, 3, 25), date(2027, 4, 12), "de donderdag voor Pasen"),
    (date(2027, 5, 4), date(2027, 5, 24), "de dinsdag voor Bevrijdingsdag en Hemelvaart"),
    (date(2027, 5, 14), date(2027, 5, 31), "de vrijdag voor Pinksteren"),
])
def test_de_mentor_bemiddelt_tien_schooldagen_en_vakanties_en_feestdagen_tellen_niet(
        client, kw, ingediend, uiterlijk, wanneer):
    klacht = indienen(client, kw, ingediend)
    assert klacht.fase.code == MENTORBEMIDDELING and klacht.status == "in_behandeling"
    termijn = termijn_van(klacht, MENTORBEMIDDELING)
    assert (termijn.startdatum, termijn.vervaldatum, termijn.eenheid) == (
        ingediend, uiterlijk, "schooldagen"), wanneer
    assert termijn.verantwoordelijke == kw.mentor
    pagina = get(client, kw.mentor, ingediend,
                 reverse("klachten:klacht", args=[klacht.pk])).content.decode()
    maanden = ["januari", "februari", "maart", "april", "mei"]
    assert f"{uiterlijk.day} {maanden[uiterlijk.month - 1]} {uiterlijk.year}" in pagina
    brief = Brief.objects.get(soort="ontvangstbevestiging_klacht")
    assert brief.gegevens["uiterlijk"] == f"{uiterlijk.day} {maanden[uiterlijk.month - 1]} " \
                                         f"{uiterlijk.year}"
    assert brief.gegevens["behandelaar"] == "M. Mentor"


def test_de_ontvangstbevestiging_noemt_leerling_datum_artikel_en_uiterste_datum(
        client, kw, django_capture_on_commit_callbacks):
    kw.school.adres, kw.school.postcode_plaats = "Schoolstraat 1", "3511 AB Utrecht"
    kw.school.save()
    Briefinstellingen.objects.create(school=kw.school, ondertekenaar_naam="R. Rector")
    with django_capture_on_commit_callbacks(execute=True):
        indienen(client, kw, date(2026, 12, 18))
    brief = Brief.objects.get(soort="ontvangstbevestiging_klacht")
    reader = PdfReader(BytesIO(bytes(brief.pdf)))
    tekst = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for zin in ["Anna de Vries", "Utrecht, 18 december 2026", "Toetsen worden niet nabesproken",
                "M. Mentor", "uiterlijk 15 januari 2027", "artikel 12 klachten 2"]:
        assert zin in tekst, zin


def test_een_klacht_afgehandeld_bij_de_mentor(client, kw):
    klacht = indienen(client, kw, date(2026, 12, 18))
    antwoord = post(client, kw.mentor, date(2027, 1, 12),
                    reverse("klachten:afronden", args=[klacht.pk]), {
                        "wat_gebeurde": "Gesprek met docent en Anna; afspraak: toetsen worden "
                                        "nabesproken.",
                        "reactie_klager": "Anna is tevreden met de afspraak."})
    assert "De klager kiest nu" in " ".join(berichten(antwoord))
    post(client, kw.mentor, date(2027, 1, 12), reverse("klachten:afsluiten", args=[klacht.pk]),
         {"reactie_klager": ""})
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert klacht.status == Klachtstatus.AFGEHANDELD and klacht.afgesloten_op == date(2027, 1, 12)
    stap = klacht.stappen.get(fase__code=MENTORBEMIDDELING)
    assert stap.termijn_gehaald is True
    assert stap.termijn.status == Termijnstatus.VOLDAAN
    assert stap.reactie_klager == "Anna is tevreden met de afspraak."
    titels = list(Dossierstuk.objects.filter(leerling=kw.anna).values_list("titel", flat=True))
    assert f"Klacht {klacht.kenmerk} afgehandeld" in titels


def _afronden(client, user, klacht, datum, wat="Besproken.", reactie="Niet tevreden."):
    return post(client, user, datum, reverse("klachten:afronden", args=[klacht.pk]),
                {"wat_gebeurde": wat, "reactie_klager": reactie})


def _doorzetten(client, user, klacht, code, datum, verder="on"):
    return post(client, user, datum, reverse("klachten:doorzetten", args=[klacht.pk]),
                {"naar": code, "klager_wil_verder": verder})


def test_een_klacht_afgehandeld_door_de_schoolleiding_binnen_tien_schooldagen(client, kw):
    klacht = indienen(client, kw, date(2026, 12, 18))
    _afronden(client, kw.mentor, klacht, date(2027, 1, 14))
    _doorzetten(client, kw.mentor, klacht, "bemiddeling-teamleiding", date(2027, 1, 14))
    _afronden(client, kw.teamleider, klacht, date(2027, 1, 20))
    _doorzetten(client, kw.teamleider, klacht, "klacht-schoolleiding", date(2027, 1, 20))
    klacht = Klacht.objects.get(pk=klacht.pk)
    termijn = termijn_van(klacht, "klacht-schoolleiding")
    assert termijn.vervaldatum == date(2027, 2, 3)  # 21 Jan .. 3 Feb: ten school days
    assert termijn.verantwoordelijke is None and termijn.verantwoordelijke_rol == "directie"
    antwoord = _afronden(client, kw.directie, klacht, date(2027, 2, 2),
                         wat="De docent bespreekt voortaan elke toets na.",
                         reactie="De ouders zijn tevreden.")
    assert antwoord.status_code == 200
    post(client, kw.directie, date(2027, 2, 2), reverse("klachten:afsluiten", args=[klacht.pk]),
         {"reactie_klager": ""})
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert klacht.status == Klachtstatus.AFGEHANDELD
    assert list(klacht.stappen.values_list("fase__code", flat=True)) == [
        "gesprek-docent", MENTORBEMIDDELING, "bemiddeling-teamleiding", "klacht-schoolleiding"]
    reactie = Brief.objects.get(soort="klacht_reactie")
    assert reactie.gegevens["reactie"] == "De docent bespreekt voortaan elke toets na."
    assert reactie.gegevens["vervolg"].startswith("Geschillencommissie")
    assert Brief.objects.filter(soort="ontvangstbevestiging_klacht").count() == 2


def test_een_fase_overslaan_wordt_geweigerd_met_de_reden(client, kw):
    klacht = indienen(client, kw, date(2026, 12, 18))
    _afronden(client, kw.mentor, klacht, date(2027, 1, 14))
    antwoord = _doorzetten(client, kw.mentor, klacht, "klacht-schoolleiding", date(2027, 1, 14))
    assert berichten(antwoord) == [
        "'Schriftelijke klacht bij de schoolleiding' kan nu niet: volgens het "
        "leerlingenstatuut (art. 12 klachten 3) komt na 'Bemiddeling door de mentor' eerst "
        "'Bemiddeling door de teamleiding'. Een fase overslaan kan niet."]
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert (klacht.fase.code, klacht.status) == (MENTORBEMIDDELING, Klachtstatus.FASE_AFGEROND)
    assert klacht.stappen.count() == 2


def test_verder_gaan_is_de_keuze_van_de_klager(client, kw):
    klacht = indienen(client, kw, date(2026, 12, 18))
    _afronden(client, kw.mentor, klacht, date(2027, 1, 14))
    antwoord = _doorzetten(client, kw.mentor, klacht, "bemiddeling-teamleiding",
                           date(2027, 1, 14), verder="")
    assert berichten(antwoord) == [
        "Verder gaan is de keuze van de klager: bevestig dat de klager de klacht wil "
        "voortzetten."]
    assert Klacht.objects.get(pk=klacht.pk).fase.code == MENTORBEMIDDELING


def test_de_pagina_biedt_alleen_de_volgende_toegestane_stap(client, kw):
    klacht = indienen(client, kw, date(2026, 12, 18))
    pagina = get(client, kw.mentor, date(2027, 1, 14),
                 reverse("klachten:klacht", args=[klacht.pk])).content.decode()
    assert "Fase afronden" in pagina and "Verder naar" not in pagina
    _afronden(client, kw.mentor, klacht, date(2027, 1, 14))
    pagina = get(client, kw.mentor, date(2027, 1, 14),
                 reverse("klachten:klacht", args=[klacht.pk])).content.decode()
    assert "Verder naar: Bemiddeling door de teamleiding" in pagina
    assert "Verder naar: Schriftelijke klacht" not in pagina and "Fase afronden" not in pagina


def test_een_teamleider_rondt_de_bemiddeling_van_de_mentor_niet_af(client, kw):
    klacht = indienen(client, kw, date(2026, 12, 18))
    antwoord = _afronden(client, kw.teamleider, klacht, date(2027, 1, 14))
    assert berichten(antwoord) == ["Deze fase wordt behandeld door Mentor (art. 12 klachten 2), "
                                   "niet door u."]
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.IN_BEHANDELING


def test_noordgouw_de_conrector_antwoordt_binnen_twee_weken_daarna_beroep_bij_de_rector(
        client, kw):
    """Noordgouw art. 19.2: two weeks (Awb weeks, extended by the Algemene termijnenwet: 1
    January is Nieuwjaarsdag, so Monday 4 January)."""
    noordgouw = kw.buitenstaander  # directie, mentor and docent at Noordgouw
    docent = maak_gebruiker("docent-ng", "N. Docent", kw.andere_school, Rol.DOCENT)
    post(client, noordgouw, date(2026, 12, 4), reverse("klachten:indienen"), {
            "leerling": kw.dirk.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
            "beklaagde": docent.medewerker.pk, "onderwerp": "Lesuitval",
            "omschrijving": "Veel lessen vallen uit.", "eerste_fase_gehad": "Gesprek gevoerd.",
            "ingediend_op": "2026-12-04"})
    klacht = Klacht.objects.get(school=kw.andere_school)
    assert klacht.fase.code == "bemiddeling" and klacht.stappen.get(
        fase__code="bemiddeling").termijn is None
    _afronden(client, noordgouw, klacht, date(2026, 12, 18))
    _doorzetten(client, noordgouw, klacht, "reactie-conrector", date(2026, 12, 18))
    termijn = termijn_van(klacht, "reactie-conrector")
    assert (termijn.eenheid, termijn.vervaldatum) == ("weken", date(2027, 1, 4))
    _afronden(client, noordgouw, klacht, date(2026, 12, 22))
    pagina = get(client, noordgouw, date(2026, 12, 22),
                 reverse("klachten:klacht", args=[klacht.pk])).content.decode()
    assert "Verder naar: Beroep bij de rector-bestuurder" in pagina
    _doorzetten(client, noordgouw, klacht, "beroep-rector-bestuurder", date(2026, 12, 22))
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert klacht.fase.code == "beroep-rector-bestuurder"
    assert termijn_van(klacht, "beroep-rector-bestuurder") is None  # art. 19 names no term
    # The rector-bestuurder (bevoegd gezag) acts through the directie role.
    _afronden(client, noordgouw, klacht, date(2027, 1, 11), wat="Beroep behandeld.",
              reactie="Tevreden.")
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.FASE_AFGEROND


def test_de_klager_trekt_de_klacht_in_en_de_termijn_vervalt(client, kw):
    klacht = indienen(client, kw, date(2026, 12, 18))
    leeg = post(client, kw.mentor, date(2027, 1, 5),
                reverse("klachten:intrekken", args=[klacht.pk]), {"reden": ""})
    assert berichten(leeg) == ["Noteer waarom de klager de klacht intrekt."]
    antwoord = post(client, kw.mentor, date(2027, 1, 5),
                    reverse("klachten:intrekken", args=[klacht.pk]),
                    {"reden": "Anna en de docent hebben het samen opgelost."})
    assert berichten(antwoord) == ["De klacht is ingetrokken; lopende termijnen vervallen."]
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert (klacht.status, klacht.afgesloten_op) == ("ingetrokken", date(2027, 1, 5))
    assert termijn_van(klacht, MENTORBEMIDDELING).status == Termijnstatus.VERVALLEN
    assert "Klacht intrekken" not in antwoord.content.decode()
