"""A schorsing at Noordgouw (seed 003 art. 24): heard by the afdelingsleider and a directielid
with the parents present under 21, decided by a directielid, reported to the inspectie when
longer than a day, and no bezwaar (art. 24.4)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers.models import Brief, Dossierstuk
from statuut.models import Termijn

from .conftest import moment
from .helpers import Loper, meldingen, pdf_tekst, vers

GROND = ("Foto-, video- of audio-opnamen van medeleerlingen of personeel zonder toestemming "
         "maken en publiceren (art. 11.5 lid 6)")


def test_een_directielid_schorst_dirk_twee_dagen_zonder_bezwaarmogelijkheid(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.afdelingsleider_ng)
    schorsing = loper.voorstellen(s.dirk, gronden=[GROND], eerste_dag="2026-11-24",
                                  schooldagen="2")
    assert schorsing.status == "concept"
    loper.stap(schorsing, "plannen", op="2026-11-23T14:00", plaats="kamer conrector")

    # Art. 24.2: the afdelingsleider and the directielid hear the pupil
    antwoord = loper.stap(schorsing, "horen", gehoord_op="2026-11-23",
                          gehoord_door=[s.afdelingsleider_ng.pk], verslag="Dirk erkent het.")
    assert meldingen(antwoord) == [
        "Volgens het leerlingenstatuut wordt de leerling gehoord door: Teamleider / "
        "afdelingsleider, Directie / schoolleiding. Ontbreekt bij de gekozen personen: "
        "Directie / schoolleiding."]
    assert vers(schorsing).status == "hoorgesprek_gepland"
    # A pupil under 21 heard without parents at Noordgouw (art. 24.2): refused at the hearing
    # itself (issue 12 point 6; it used to be accepted and only the decision refused).
    antwoord = loper.stap(schorsing, "horen", gehoord_op="2026-11-23",
                          gehoord_door=[s.afdelingsleider_ng.pk, s.directie_ng.pk],
                          verslag="Dirk erkent het filmpje te hebben gemaakt en verspreid.")
    assert meldingen(antwoord) == [
        "Dirk is jonger dan 21 jaar: volgens artikel 24.2 van het Leerlingenstatuut "
        "Christelijk College de Noordgouw wordt de leerling gehoord in het bijzijn van de "
        "ouders. Een hoorgesprek zonder de ouders kan niet worden vastgelegd; plan een "
        "hoorgesprek met de ouders erbij."]
    assert vers(schorsing).status == "hoorgesprek_gepland"
    loper.stap(schorsing, "plannen", op="2026-11-23T16:00", plaats="kamer conrector")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", ouders_aanwezig="on",
               gehoord_door=[s.afdelingsleider_ng.pk, s.directie_ng.pk],
               verslag="Gehoord met vader erbij; Dirk erkent het.")

    # The afdelingsleider cannot decide (art. 24.1: a directielid)
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    assert "Schorsing besluiten" not in pagina
    loper.als(s.directie_ng)
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-24", schooldagen="2",
               motivering="Filmen en verspreiden zonder toestemming.",
               opdrachten="Werk uit de studiewijzer.")
    schorsing = vers(schorsing)
    assert (schorsing.status, schorsing.maatregel.code, schorsing.laatste_dag) == (
        "besloten", "schorsing", date(2026, 11, 25))
    assert schorsing.inspectie_melden  # art. 24.5: longer than one day
    assert schorsing.termijn_inspectie.vervaldatum == date(2026, 11, 25)
    assert schorsing.termijn_bezwaar is None  # art. 24.4

    brief = Brief.objects.get(soort="sanctie_schorsing_besluit")
    tekst = pdf_tekst(brief)
    for zin in ["Dirk Visser", "24 november 2026", "25 november 2026",
                "artikel 24.1 van het Leerlingenstatuut Christelijk College de Noordgouw",
                "kan tegen dit besluit geen bezwaar worden gemaakt",
                "niet algemeen bekendgemaakt", "gemeld aan de Inspectie"]:
        assert zin in tekst, zin
    assert "niet eens met dit besluit" not in tekst
    # Art. 24.3: to the pupil and (under 21) also the parents, in that order; 24.5: a copy to
    # the inspectie for a schorsing longer than a day.
    assert [(o.partij, o.afschrift) for o in brief.ontvangers.all()] == [
        ("leerling", False), ("ouders", False), ("inspectie", True)]

    loper.bekendmaken(schorsing, s.directie_ng)
    # No bezwaar: not offered, and refused when posted anyway
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    assert "Bezwaar inschrijven" not in pagina
    assert "Ouders uitnodigen voor een gesprek over de maatregel" not in pagina  # not asked
    antwoord = loper.stap(schorsing, "bezwaar", ingediend_op="2026-11-23", gronden="Te zwaar.")
    assert meldingen(antwoord) == [
        "Tegen een schorsing kan volgens het leerlingenstatuut van de school geen bezwaar "
        "worden gemaakt. Het bezwaar is niet ingeschreven."]
    assert vers(schorsing).bezwaarstatus == "geen"

    klok.move_to(moment(2026, 11, 24))
    loper.stap(schorsing, "ingaan")
    loper.stap(schorsing, "inspectie", gemeld_op="2026-11-24", kenmerk="")
    klok.move_to(moment(2026, 11, 25))
    loper.stap(schorsing, "afronden")
    assert vers(schorsing).status == "afgerond"
    # Every deadline met: the report to the inspectie and the directie's hand-over.
    assert set(Termijn.objects.values_list("status", flat=True)) == {"voldaan"}
    # proposal, 2x planned, heard, decision, its letter, bekendmaking, start, report, end
    assert Dossierstuk.objects.filter(leerling=s.dirk, sectie="gedrag").count() == 10


def test_een_eendaagse_schorsing_hoeft_niet_naar_de_inspectie(
        client, scholen, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    schorsing = loper.voorstellen(s.dirk, gronden=[GROND], eerste_dag="2026-11-24",
                                  schooldagen="1")
    loper.stap(schorsing, "plannen", op="2026-11-23T14:00", plaats="kamer conrector")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", ouders_aanwezig="on",
               gehoord_door=[s.afdelingsleider_ng.pk, s.directie_ng.pk], verslag="Gehoord.")
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-24", schooldagen="1",
               motivering="Filmen.")
    schorsing = vers(schorsing)
    assert schorsing.status == "besloten" and not schorsing.inspectie_melden
    assert not Termijn.objects.exists()
