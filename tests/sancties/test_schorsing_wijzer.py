"""A schorsing at Wijzer (seed 004): the directeur decides on the board's mandate with the
board informed beforehand, the report goes to bevoegd gezag and inspectie, the parents' talk
is recorded, and bezwaar within six weeks; upheld, every entry of the schorsing leaves the
dossier as a tombstone."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers.models import Brief, Dossierstuk
from sancties.models import Schorsing
from statuut.models import Termijn

from .conftest import moment
from .helpers import Loper, meldingen, pdf_tekst, vers

GROND = "Een volgend ernstig incident na een time-out"


def _besloten(loper: Loper, s) -> Schorsing:
    loper.als(s.directeur_wz)
    schorsing = loper.voorstellen(s.sanne, gronden=[GROND], eerste_dag="2026-11-24",
                                  schooldagen="2", ernst="zeer_ernstig")
    loper.stap(schorsing, "plannen", op="2026-11-23T12:00", plaats="directiekamer")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[s.directeur_wz.pk],
               ouders_aanwezig="on", verslag="Sanne en moeder gehoord.")
    antwoord = loper.stap(schorsing, "besluiten", eerste_dag="2026-11-24", schooldagen="2",
                          motivering="Sanne sloeg een klasgenoot, een dag na haar time-out.",
                          opdrachten="Rekenwerk mee naar huis; de Cito-toets maakt zij op "
                          "school.")
    assert meldingen(antwoord) == [
        "Het bevoegd gezag wordt vooraf over de voorgenomen schorsing geïnformeerd (het "
        "onderdeel ‘Schorsing’ van het Protocol time-out, schorsing en verwijdering van "
        "leerlingen (Wijzer)): vul in wanneer dat is gebeurd."]
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-24", schooldagen="2",
               motivering="Sanne sloeg een klasgenoot, een dag na haar time-out.",
               opdrachten="Rekenwerk mee naar huis; de Cito-toets maakt zij op school.",
               bevoegd_gezag_geinformeerd_op="2026-11-23")
    return vers(schorsing)


def test_de_directeur_schorst_sanne_en_het_bezwaar_wordt_gegrond_verklaard(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _besloten(loper, s)
    assert (schorsing.status, schorsing.maatregel.code, schorsing.laatste_dag,
            schorsing.bevoegd_gezag_geinformeerd_op) == (
        "besloten", "schorsing", date(2026, 11, 25), date(2026, 11, 23))
    assert schorsing.termijn_inspectie.vervaldatum == date(2026, 11, 25)
    assert schorsing.termijn_bezwaar.vervaldatum == date(2027, 1, 4)  # six weeks (plus_weken)

    brief = Brief.objects.get(soort="sanctie_schorsing_besluit")
    tekst = pdf_tekst(brief)
    for zin in ["Sanne Smit", "Basisschool Wijzer", "24 november 2026", "25 november 2026",
                "W. Directeur, directie, in mandaat namens het bevoegd gezag (het schoolbestuur)",
                "het onderdeel ‘Schorsing’ van het Protocol time-out, schorsing en verwijdering",
                "de Cito-toets maakt zij op school",
                "binnen 6 weken na de datum van dit besluit bezwaar maken, dus uiterlijk 4 "
                "januari 2027", "Stuur uw bezwaarschrift aan Stichting Testscholen"]:
        assert zin in tekst, zin
    assert sorted(o.partij for o in brief.ontvangers.all()) == [
        "bevoegd_gezag", "inspectie", "ouders"]

    loper.bekendmaken(schorsing, s.directeur_wz)
    # The parents are invited to a talk about the measure (seed 004)
    loper.stap(schorsing, "gesprek", op="2026-11-25T15:00", plaats="directiekamer",
               met_wie="de directeur en de groepsleerkracht")
    uitnodiging = Brief.objects.get(sleutel__startswith=f"schorsing:{schorsing.pk}:gesprek")
    tekst = pdf_tekst(uitnodiging)
    assert "25 november 2026" in tekst and "de mogelijkheden voor de opvang op school" in tekst
    klok.move_to(moment(2026, 11, 24))
    loper.stap(schorsing, "ingaan")
    loper.stap(schorsing, "inspectie", gemeld_op="2026-11-24", kenmerk="2026-0042")
    klok.move_to(moment(2026, 11, 25))
    antwoord = loper.stap(schorsing, "afronden")
    assert meldingen(antwoord) == [
        "Volgens het onderdeel ‘Schorsing’ van het Protocol time-out, schorsing en "
        "verwijdering van leerlingen (Wijzer) wordt van het gesprek met de ouders een verslag "
        "gemaakt, door de ouders voor gezien getekend: vul het verslag in."]
    loper.stap(schorsing, "afronden", gesprek_ouders_verslag="Gesprek met moeder op 25-11; "
               "afspraken over opvang in de pauze. Voor gezien getekend.")
    assert vers(schorsing).status == "afgerond"

    # Bezwaar on 1 December: the board decides within six weeks after the term (4 January)
    klok.move_to(moment(2026, 12, 1))
    loper.stap(schorsing, "bezwaar", ingediend_op="2026-12-01",
               gronden="Moeder vindt de schorsing onevenredig.")
    schorsing = vers(schorsing)
    assert schorsing.bezwaarstatus == "ingediend"
    assert Termijn.objects.get(pk=schorsing.termijn_bezwaar.pk).status == "voldaan"
    assert schorsing.termijn_bezwaarbeslissing.vervaldatum == date(2027, 2, 15)
    start = client.get(reverse("start")).content.decode()
    assert "ouders horen over het bezwaar" in start and "15 februari 2027" in start

    antwoord = loper.stap(schorsing, "bezwaar_beslissen", uitkomst="gegrond", motivering="x")
    assert meldingen(antwoord) == ["Eerst de ouders horen: het bevoegd gezag hoort de ouders "
                                   "over het bezwaar voordat het beslist."]
    klok.move_to(moment(2026, 12, 8))
    antwoord = loper.stap(schorsing, "bezwaar_horen", gehoord_op="2026-12-08",
                          verslag="Moeder gehoord.")
    assert meldingen(antwoord) == ["Het horen over het bezwaar is vastgelegd."]
    stukken_voor = Dossierstuk.objects.filter(leerling=s.sanne).count()
    loper.stap(schorsing, "bezwaar_beslissen", uitkomst="gegrond",
               motivering="De time-out was niet met de ouders besproken.")
    schorsing = vers(schorsing)
    assert (schorsing.bezwaarstatus, schorsing.bezwaar_beslist_op) == ("gegrond",
                                                                       date(2026, 12, 8))
    # Every entry of the schorsing, its letters included, is now a tombstone
    stukken = Dossierstuk.objects.filter(leerling=s.sanne).exclude(
        titel="Beslissing op uw bezwaar tegen de schorsing")
    assert stukken.count() == stukken_voor
    assert all(st.is_verwijderd and st.inhoud == "" for st in stukken)
    assert {st.verwijdergrond for st in stukken} == {"bezwaar_gegrond"}
    assert {st.sectie for st in stukken} == {"gedrag", "correspondentie"}
    assert Brief.objects.get(pk=brief.pk).pdf is None
    assert "gegrond verklaard op 8 december 2026" in stukken.first().verwijdertoelichting
    # The parents get the board's decision; that letter is the only new entry
    beslissing = Brief.objects.get(soort="sanctie_bezwaar_schorsing")
    tekst = pdf_tekst(beslissing)
    for zin in ["Beslissing op uw bezwaar tegen de schorsing", "Op 1 december 2026 heeft u "
                "bezwaar gemaakt tegen het schorsingsbesluit van 23 november 2026",
                "het bevoegd gezag (het schoolbestuur) uw bezwaar gegrond verklaard",
                "zijn uit het leerlingendossier verwijderd"]:
        assert zin in tekst, zin
    assert not beslissing.dossierstuk.is_verwijderd and beslissing.bron_id is None


def test_een_bezwaar_na_de_termijn_wordt_geweigerd(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _besloten(loper, s)
    loper.bekendmaken(schorsing, s.directeur_wz)
    klok.move_to(moment(2027, 1, 5))
    antwoord = loper.stap(schorsing, "bezwaar", ingediend_op="2027-01-05", gronden="Te zwaar.")
    assert meldingen(antwoord) == [
        "Het bezwaar is te laat ingediend: de termijn van 6 weken na het besluit van 23 "
        "november 2026 liep tot en met 4 januari 2027. Het bezwaar is niet ingeschreven."]
    schorsing = vers(schorsing)
    assert (schorsing.bezwaarstatus, schorsing.bezwaar_ingediend_op) == ("geen", None)
    assert schorsing.termijn_bezwaarbeslissing is None
    assert not Dossierstuk.objects.filter(titel="Bezwaar tegen schorsing ingediend").exists()
    # On the last day it is still in time
    loper.stap(schorsing, "bezwaar", ingediend_op="2027-01-04", gronden="Te zwaar.")
    assert vers(schorsing).bezwaarstatus == "ingediend"
