"""The schoolleiding records the year's geschillencommissie in the application (Echnaton art.
12.5, bijlage B leden 5-8): two teachers, two pupils and a parent, each with a deputy,
appointed by their own group or the medezeggenschapsraad; the chair from the members; the
secretary from the schoolleiding. Published on a page and a printable list."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import escape

from dossiers.models import Medewerker
from klachten.models import Commissielid, Geschillencommissie
from statuut.models import Rol
from tests.personas import maak_gebruiker

from .conftest import berichten, get, post
from .test_geschillencommissie import naar_de_commissie

DAG = date(2026, 9, 7)


def url(kw):
    return reverse("klachten:commissie_samenstellen", args=[kw.school.pk])


def samenstelling(kw, **anders) -> dict:
    data = {
        "docent-1-naam": "D. Docent", "docent-1-plv": "E. Anderedocent",
        "docent-1-benoemd": "geleding", "docent-1-medewerker": kw.docent.medewerker.pk,
        "docent-2-naam": "L. Leraar", "docent-2-plv": "K. Kunst", "docent-2-benoemd": "geleding",
        "leerling-1-naam": "P. Peters (5V)", "leerling-1-plv": "S. Smit (4H)",
        "leerling-1-benoemd": "geleding",
        "leerling-2-naam": "Q. de Wit (6V)", "leerling-2-plv": "R. Roos (5H)",
        "leerling-2-benoemd": "mr",
        "ouder-1-naam": "O. Ouder", "ouder-1-plv": "V. Verzorger", "ouder-1-benoemd": "mr",
        "voorzitter": "docent-2",
        "secretaris": Medewerker.objects.get(user=kw.directie).pk,
    }
    data.update(anders)
    return data


def fouten(antwoord) -> list[str]:
    """The errors as the page lists them: the composition's, then a field's with its label."""
    form = antwoord.context["form"]
    tekst = antwoord.content.decode()
    regels = [str(f) for f in form.non_field_errors()] + [
        f"{form[veld].label}: {f}" for veld, lijst in form.errors.items()
        if veld != "__all__" for f in lijst]
    for regel in regels:
        assert escape(regel) in tekst
    return regels


def test_de_schoolleiding_stelt_de_commissie_van_het_jaar_samen_en_zij_wordt_gepubliceerd(
        client, kw):
    antwoord = post(client, kw.directie, DAG, url(kw), samenstelling(kw))
    assert berichten(antwoord) == ["De geschillencommissie 2026-2027 is vastgelegd."]
    commissie = Geschillencommissie.objects.get(school=kw.school)
    assert str(commissie.schooljaar) == "2026-2027"
    assert commissie.voorzitter.naam == "L. Leraar"
    assert commissie.secretaris.user == kw.directie
    leden = {(lid.geleding, lid.naam, lid.plaatsvervanger.naam, lid.benoemd_door)
             for lid in commissie.leden.filter(plaatsvervanger_van__isnull=True)}
    assert leden == {
        ("docent", "D. Docent", "E. Anderedocent", "geleding"),
        ("docent", "L. Leraar", "K. Kunst", "geleding"),
        ("leerling", "P. Peters (5V)", "S. Smit (4H)", "geleding"),
        ("leerling", "Q. de Wit (6V)", "R. Roos (5H)", "mr"),
        ("ouder", "O. Ouder", "V. Verzorger", "mr")}
    assert commissie.leden.get(naam="D. Docent").medewerker.user == kw.docent
    # Published for the school's staff, and as a printable list.
    pagina = get(client, kw.docent, DAG, reverse("klachten:commissie", args=[kw.school.pk]))
    tekst = pagina.content.decode()
    for zin in ["L. Leraar (voorzitter)", "K. Kunst", "O. Ouder", "V. Verzorger",
                "de medezeggenschapsraad (de geleding benoemde niemand)",
                "Ambtelijk secretaris: R. Rector"]:
        assert zin in tekst, zin
    assert pagina.context["fouten"] == []
    assert "Samenstelling corrigeren" not in tekst  # a teacher does not set it up
    afdruk = get(client, kw.docent, DAG,
                 reverse("klachten:commissie", args=[kw.school.pk]) + "?afdrukken=1")
    tekst = afdruk.content.decode()
    assert "Geschillencommissie Echnaton Testcollege, schooljaar 2026-2027" in tekst
    for zin in ["L. Leraar (voorzitter)", "R. Roos (5H)", "O. Ouder", "R. Rector"]:
        assert zin in tekst, zin


def test_een_lid_wordt_later_gecorrigeerd_en_de_zetels_van_een_zaak_blijven(client, kw):
    post(client, kw.directie, DAG, url(kw), samenstelling(kw))
    commissie = Geschillencommissie.objects.get(school=kw.school)
    ouder = commissie.leden.get(naam="O. Ouder")
    klacht, _ = naar_de_commissie(client, kw)
    assert klacht.zaak.zetels.filter(lid=ouder).exists()
    formulier = get(client, kw.directie, date(2026, 11, 12), url(kw))
    assert formulier.context["form"].initial["ouder-1-naam"] == "O. Ouder"
    assert formulier.context["form"].initial["voorzitter"] == "docent-2"
    antwoord = post(client, kw.directie, date(2026, 11, 12), url(kw), samenstelling(
        kw, **{"ouder-1-naam": "O. Oudermans", "ouder-1-benoemd": "geleding"}))
    assert berichten(antwoord) == ["De geschillencommissie 2026-2027 is vastgelegd."]
    ouder.refresh_from_db()
    assert (ouder.naam, ouder.benoemd_door) == ("O. Oudermans", "geleding")
    assert Commissielid.objects.filter(commissie=commissie).count() == 10
    assert klacht.zaak.zetels.get(lid=ouder).bezet_door == ouder
    assert "O. Oudermans" in get(client, kw.docent, date(2026, 11, 12), reverse(
        "klachten:commissie", args=[kw.school.pk])).content.decode()


@pytest.mark.parametrize(("anders", "melding"), [
    ({"ouder-1-naam": "", "ouder-1-plv": ""},
     "De commissie heeft geen ouderlid: zij bestaat uit twee docenten, twee leerlingen en een "
     "ouder (art. 12.5). Vul het ouderlid in, benoemd door de oudergeleding of de "
     "medezeggenschapsraad."),
    ({"leerling-2-naam": "", "leerling-2-plv": ""},
     "Leerlinglid 2: vul de naam van het lid in; de commissie bestaat uit twee docenten, twee "
     "leerlingen en een ouder (art. 12.5)."),
    ({"docent-1-plv": ""},
     "Docentlid 1 (D. Docent) heeft geen plaatsvervanger: vul die in; voor ieder lid wordt "
     "een plaatsvervanger benoemd (bijlage B lid 6)."),
    ({"voorzitter": ""},
     "Kies de voorzitter: de commissie wijst uit haar midden een voorzitter aan (bijlage B "
     "lid 8)."),
    ({"voorzitter": "leerling-2", "leerling-2-naam": "", "leerling-2-plv": ""},
     "De voorzitter is geen lid van de commissie: kies de voorzitter uit de leden (bijlage B "
     "lid 8)."),
    ({"voorzitter": "Jan Buitenstaander"},
     "Voorzitter (uit de leden): De voorzitter is geen lid van de commissie: kies de "
     "voorzitter uit de leden (bijlage B lid 8)."),
    ({"secretaris": ""},
     "Kies de ambtelijk secretaris: de schoolleiding stelt die ter beschikking (bijlage B "
     "lid 8)."),
])
def test_een_onvolledige_of_verkeerde_samenstelling_wordt_geweigerd_en_niets_bewaard(
        client, kw, anders, melding):
    antwoord = post(client, kw.directie, DAG, url(kw), samenstelling(kw, **anders))
    assert antwoord.status_code == 400
    assert melding in fouten(antwoord)
    assert not Geschillencommissie.objects.filter(school=kw.school).exists()
    assert not Commissielid.objects.exists()


def test_de_secretaris_komt_van_de_schoolleiding(client, kw):
    antwoord = post(client, kw.directie, DAG, url(kw), samenstelling(
        kw, secretaris=Medewerker.objects.get(user=kw.mentor).pk))
    assert fouten(antwoord) == [
        "Ambtelijk secretaris (uit de schoolleiding): De ambtelijk secretaris komt van de "
        "schoolleiding (bijlage B lid 8): kies iemand van de directie."]
    assert not Geschillencommissie.objects.exists()


def test_een_correctie_met_fouten_laat_de_commissie_zoals_zij_was(client, kw):
    post(client, kw.directie, DAG, url(kw), samenstelling(kw))
    antwoord = post(client, kw.directie, DAG, url(kw), samenstelling(
        kw, **{"ouder-1-naam": "O. Nieuw", "ouder-1-plv": "", "voorzitter": ""}))
    assert fouten(antwoord) == [
        "Ouderlid (O. Nieuw) heeft geen plaatsvervanger: vul die in; voor ieder lid wordt een "
        "plaatsvervanger benoemd (bijlage B lid 6).",
        "Kies de voorzitter: de commissie wijst uit haar midden een voorzitter aan (bijlage B "
        "lid 8)."]
    commissie = Geschillencommissie.objects.get(school=kw.school)
    assert commissie.voorzitter.naam == "L. Leraar"
    assert commissie.leden.get(geleding="ouder", plaatsvervanger_van=None).naam == "O. Ouder"


@pytest.mark.parametrize("wie", ["mentor", "teamleider", "docent", "beheerder", "buitenstaander"])
def test_alleen_de_schoolleiding_van_de_school_stelt_de_commissie_samen(client, kw, wie):
    assert get(client, getattr(kw, wie), DAG, url(kw)).status_code == 404
    antwoord = post(client, getattr(kw, wie), DAG, url(kw), samenstelling(kw), follow=False)
    assert antwoord.status_code == 404
    assert not Geschillencommissie.objects.exists()


def test_de_directie_ziet_de_weg_naar_het_samenstellen(client, kw):
    maak_gebruiker("conrector", "C. Conrector", kw.school, Rol.DIRECTIE)
    pagina = get(client, kw.directie, DAG, reverse("klachten:commissie", args=[kw.school.pk]))
    assert "Commissie samenstellen" in pagina.content.decode()
    assert "Er is voor dit schooljaar geen geschillencommissie benoemd." in \
        pagina.content.decode()


def test_de_commissie_van_het_volgende_schooljaar_wordt_vooraf_samengesteld(client, kw):
    dag = date(2027, 6, 28)
    post(client, kw.directie, dag, url(kw), samenstelling(kw))
    antwoord = post(client, kw.directie, dag, url(kw) + "?jaar=2027-2028", samenstelling(
        kw, **{"ouder-1-naam": "N. Nieuweouder", "voorzitter": "ouder-1"}))
    assert berichten(antwoord) == ["De geschillencommissie 2027-2028 is vastgelegd."]
    volgend = Geschillencommissie.objects.get(school=kw.school, schooljaar__naam="2027-2028")
    assert volgend.voorzitter.naam == "N. Nieuweouder"
    huidig = Geschillencommissie.objects.get(school=kw.school, schooljaar__naam="2026-2027")
    assert huidig.voorzitter.naam == "L. Leraar"
    # The published page shows this year's; the next year's with ?jaar=.
    commissie_url = reverse("klachten:commissie", args=[kw.school.pk])
    assert "N. Nieuweouder" not in get(client, kw.docent, dag, commissie_url).content.decode()
    assert "N. Nieuweouder (voorzitter)" in get(
        client, kw.docent, dag, commissie_url + "?jaar=2027-2028").content.decode()


def test_een_ander_schooljaar_dan_dit_of_het_volgende_wordt_geweigerd(client, kw):
    antwoord = post(client, kw.directie, DAG, url(kw) + "?jaar=2025-2026", samenstelling(kw))
    assert berichten(antwoord) == [
        "De geschillencommissie wordt vastgelegd voor dit schooljaar (2026-2027) of het "
        "volgende (2027-2028), niet voor '2025-2026'."]
    assert not Geschillencommissie.objects.exists()


def test_noordgouw_kent_geen_geschillencommissie_en_zegt_dat(client, kw):
    """Noordgouw's statuut (art. 19.2) ends at the rector-bestuurder: no commission."""
    noordgouw = reverse("klachten:commissie_samenstellen", args=[kw.andere_school.pk])
    antwoord = post(client, kw.buitenstaander, DAG, noordgouw, samenstelling(kw))
    assert berichten(antwoord) == [
        "Het leerlingenstatuut van Noordgouw Testlyceum kent geen geschillencommissie: er is "
        "geen commissie samen te stellen."]
    assert "Commissie samenstellen" not in antwoord.content.decode()
    assert not Geschillencommissie.objects.exists()
