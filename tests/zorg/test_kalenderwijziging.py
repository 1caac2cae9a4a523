"""Issue 12, point 7: dates that hold when the school calendar changes.

A date a person chose (look again on 15 December, evaluate on 12 January and 16 February)
stays as chosen when a studiedag is added; a term the statuut counts in school days (the
mentor's conversation within five school days) moves, and its responsible person is told
(in-app and by e-mail, through the reminder task). Every page shows the same date. A chosen
date that becomes a free day stays, and the page and a notice say so."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from statuut.models import Herinnering, Termijn, VrijeDag
from statuut.services import kalender_gewijzigd
from tests.personas import maak_leerling
from tests.zorg.conftest import VANDAAG, dossier_van, naar_fase, tekst
from zorg.models import Evaluatie

pytestmark = pytest.mark.django_db


def _studiedag(zw, dag: date, capture) -> None:
    """The functioneel beheerder adds a studiedag (the admin calls the same service)."""
    VrijeDag.objects.create(school=zw.school, eerste_dag=dag, laatste_dag=dag,
                            omschrijving="studiedag")
    with capture(execute=True):
        kalender_gewijzigd(school=zw.school)


@pytest.fixture
def zaken(zw, klik):
    """Anna: a fresh signal (computed: mentor's conversation by Tuesday 1 December).
    Eva: observed until the chosen Tuesday 15 December. Fleur: a plan with evaluations on the
    chosen 12 January and 16 February 2027."""
    eva = maak_leerling(zw.school, "1004", "Eva", "Smit", zw.groep_1a)
    klik.als(zw.docent).signaal(zw.anna)
    klik.als(zw.docent).signaal(eva)
    r = klik.als(zw.mentor).stap(dossier_van(eva), "gesprek", {
        "datum": VANDAAG, "bevestigd": "nee", "notitie": "Eva herkent het niet.",
        "opnieuw_bekijken_op": date(2026, 12, 15)})
    assert r.status_code == 302
    fleur = maak_leerling(zw.school, "1005", "Fleur", "Bos", zw.groep_1a)
    fleur_zd = naar_fase(zw, "plan", leerling=fleur)
    r = klik.als(zw.zorgcoordinator).stap(fleur_zd, "traject", {
        "soort": "eigen_begeleiding", "doelen": "Fleur komt elke dag.",
        "wie_doet_wat": "Zorgcoördinator spreekt Fleur wekelijks.",
        "evaluatie_1": date(2027, 1, 12), "evaluatie_2": date(2027, 2, 16)})
    assert r.status_code == 302, tekst(r)
    mail.outbox.clear()
    return dossier_van(zw.anna), dossier_van(eva), fleur_zd


def test_een_studiedag_verschuift_een_berekende_termijn_maar_geen_gekozen_datum(
        zw, klik, zaken, django_capture_on_commit_callbacks):
    anna_zd, eva_zd, fleur_zd = zaken
    _studiedag(zw, date(2026, 11, 30), django_capture_on_commit_callbacks)

    gesprek = Termijn.objects.get(omschrijving="Gesprek mentor met leerling na zorgsignaal",
                                  onderwerp_id=anna_zd.pk)
    observatie = Termijn.objects.get(omschrijving="Leerling opnieuw bekijken (observatie)")
    evaluaties = [e.termijn for e in Evaluatie.objects.filter(traject__zorgdossier=fleur_zd)]
    # Five school days from Tuesday 24 November skip the studiedag of Monday 30 November.
    assert (gesprek.vervaldatum, gesprek.vorige_vervaldatum) == (date(2026, 12, 2),
                                                                 date(2026, 12, 1))
    assert observatie.vervaldatum == date(2026, 12, 15)
    assert [t.vervaldatum for t in evaluaties] == [date(2027, 1, 12), date(2027, 2, 16)]

    # A second studiedag moves the computed term again; the chosen dates still stay.
    _studiedag(zw, date(2026, 12, 1), django_capture_on_commit_callbacks)
    observatie.refresh_from_db()
    assert observatie.vervaldatum == date(2026, 12, 15)
    assert [Termijn.objects.get(pk=t.pk).vervaldatum for t in evaluaties] == [
        date(2027, 1, 12), date(2027, 2, 16)]
    gesprek.refresh_from_db()
    assert gesprek.vervaldatum == date(2026, 12, 3)

    # The mentor was told of each move, by e-mail (sent by the reminder task) ...
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("mentor@school.example", "[Echnaton Testcollege] Uiterste datum verschoven naar "
                                  "donderdag 3 december 2026"),
        ("mentor@school.example", "[Echnaton Testcollege] Uiterste datum verschoven naar "
                                  "woensdag 2 december 2026"),
    ]
    assert ("De schoolkalender is gewijzigd: deze termijn telt in schooldagen en eindigt "
            "daardoor niet meer op dinsdag 1 december 2026 maar op woensdag 2 december 2026."
            ) in mail.outbox[0].body
    assert "Anna" not in mail.outbox[0].body
    assert Herinnering.objects.filter(soort="verschoven", verzonden_op__isnull=False).count() == 2
    # ... and in the app: "Mijn termijnen" and the case page show the same date and why.
    start = tekst(klik.als(zw.mentor).client.get("/"))
    assert ("Uiterlijk 3 december 2026 Gesprek mentor met leerling na zorgsignaal – "
            "Anna de Vries") in start
    assert ("Verschoven: de schoolkalender is op 24 november 2026 gewijzigd; deze termijn in "
            "schooldagen eindigt niet meer op 1 december 2026 maar op 3 december 2026.") in start
    assert "Uiterlijk 15 december 2026 Leerling opnieuw bekijken (observatie)" in start
    pagina = tekst(klik.pagina(anna_zd))
    assert "Uiterlijk 3 december 2026 Gesprek mentor met leerling na zorgsignaal" in pagina
    assert "maar op 3 december 2026" in pagina

    # The zorgcoördinator's case page shows the chosen evaluation dates, unchanged.
    pagina = tekst(klik.als(zw.zorgcoordinator).pagina(fleur_zd))
    assert "Evaluaties 12 januari 2027; 16 februari 2027" in pagina
    assert "13 januari" not in pagina and "14 januari" not in pagina


def test_een_gekozen_datum_die_een_vrije_dag_wordt_blijft_en_dat_wordt_gemeld(
        zw, klik, zaken, django_capture_on_commit_callbacks):
    _anna_zd, eva_zd, _fleur_zd = zaken
    _studiedag(zw, date(2026, 12, 15), django_capture_on_commit_callbacks)
    observatie = Termijn.objects.get(omschrijving="Leerling opnieuw bekijken (observatie)")
    assert (observatie.vervaldatum, observatie.vrije_dag) == (date(2026, 12, 15), "studiedag")
    assert [(m.to[0], m.subject) for m in mail.outbox] == [
        ("mentor@school.example", "[Echnaton Testcollege] Gekozen datum dinsdag 15 december "
                                  "2026 is geen schooldag meer")]
    melding = ("Let op: 15 december 2026 is sinds 24 november 2026 geen schooldag meer "
               "(studiedag). De datum blijft staan zoals gekozen; kies zo nodig een andere dag.")
    assert melding in tekst(klik.als(zw.mentor).pagina(eva_zd))
    assert melding in tekst(klik.client.get("/"))
    assert melding in tekst(klik.client.get(f"/termijnen/{observatie.pk}/"))
    # Told once: the same change recorded again sends nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        kalender_gewijzigd(school=zw.school)
    assert len(mail.outbox) == 1


def test_de_datamigratie_zet_verschoven_gekozen_data_terug(zw, klik, zaken):
    """Rows written before chosen dates were marked (moved by an earlier studiedag) get
    their chosen date back and the mark (zorg migration 0002)."""
    import importlib

    from django.apps import apps

    migratie = importlib.import_module("zorg.migrations.0002_gekozen_data_blijven_staan")
    _anna_zd, _eva_zd, fleur_zd = zaken
    observatie = Termijn.objects.get(omschrijving="Leerling opnieuw bekijken (observatie)")
    evaluaties = [e.termijn for e in Evaluatie.objects.filter(traject__zorgdossier=fleur_zd)]
    # As the old code left them after a studiedag: moved by a day, not marked.
    for termijn, verschoven in ((observatie, date(2026, 12, 16)),
                                (evaluaties[0], date(2027, 1, 13)),
                                (evaluaties[1], date(2027, 2, 17))):
        Termijn.objects.filter(pk=termijn.pk).update(vervaldatum=verschoven,
                                                     datum_gekozen=False)
    gesprek = Termijn.objects.get(omschrijving="Gesprek mentor met leerling na zorgsignaal",
                                  status="open")

    migratie.gekozen_data_herstellen(apps, None)

    assert [(t.vervaldatum, t.datum_gekozen) for t in Termijn.objects.filter(
        pk__in=[observatie.pk, evaluaties[0].pk, evaluaties[1].pk]).order_by("vervaldatum")] == [
        (date(2026, 12, 15), True), (date(2027, 1, 12), True), (date(2027, 2, 16), True)]
    gesprek_na = Termijn.objects.get(pk=gesprek.pk)  # a computed term is left alone
    assert (gesprek_na.vervaldatum, gesprek_na.datum_gekozen) == (gesprek.vervaldatum, False)
