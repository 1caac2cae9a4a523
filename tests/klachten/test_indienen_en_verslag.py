"""Filing on a complainant's behalf (a pupil, a group, parents; against a staff member or
about the application of the statuut), the bad input the form refuses, the referral to the
Landelijke Klachtencommissie, the secretary's overview and the yearly report with its CSV."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dossiers.models import Ouder
from klachten.models import Klacht

from .conftest import berichten, commissie_instellen, get, post
from .test_geschillencommissie import advies, naar_de_commissie, uitspraak, zitting
from .test_klachtroutes import _afronden, _doorzetten, indienen

DAG = date(2026, 11, 23)


def _formulier(kw, **extra):
    data = {"leerling": kw.anna.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
            "beklaagde": kw.docent.medewerker.pk, "onderwerp": "Onderwerp",
            "omschrijving": "Omschrijving.", "ingediend_op": DAG.isoformat()}
    data.update(extra)
    return data


def test_een_groep_leerlingen_dient_collectief_in(client, kw):
    indienen(client, kw, DAG, klager_soort="groep", mede_klagers=[kw.bram.pk],
             door=kw.teamleider)  # sees 1A and 1B (onderbouw)
    klacht = Klacht.objects.get()
    assert klacht.klager_soort == "groep" and list(klacht.mede_klagers.all()) == [kw.bram]


def test_ouders_klagen_over_de_toepassing_van_het_statuut(client, kw):
    ouder = Ouder.objects.get(achternaam="Vries")
    indienen(client, kw, DAG, klager_soort="ouders", ouder=ouder.pk,
             onderwerp_soort="toepassing_statuut", beklaagde="")
    klacht = Klacht.objects.get()
    assert (klacht.ouder, klacht.beklaagde, klacht.onderwerp_soort) == (
        ouder, None, "toepassing_statuut")


@pytest.mark.parametrize(("extra", "melding"), [
    ({"beklaagde": ""}, "Kies het personeelslid tegen wie de klacht is gericht."),
    ({"klager_soort": "groep"}, "Een collectieve klacht noemt ook de andere leerlingen."),
    ({"klager_soort": "ouders"}, "Kies de ouder of verzorger die klaagt."),
    ({"ingediend_op": "2026-11-24"}, "De datum van indienen ligt in de toekomst."),
    ({"onderwerp": ""}, "Vat de klacht samen in een onderwerp."),
    ({"seksuele_intimidatie": "on", "eerste_fase_gehad": "Gesprek gevoerd."},
     "De klacht begint bij 'Klacht over seksuele intimidatie bij de "
     "vertrouwenscontactpersoon' (art. 12 seksuele intimidatie 1): die fase kan niet bij het "
     "indienen worden overgeslagen."),
    ({"leerling": "999999"}, "Kies een leerling uit de lijst."),
])
def test_onjuiste_invoer_bij_indienen_wordt_geweigerd_en_verandert_niets(
        client, kw, extra, melding):
    antwoord = post(client, kw.mentor, DAG, reverse("klachten:indienen"), _formulier(kw, **extra))
    assert antwoord.status_code == 400
    assert melding in antwoord.content.decode().replace("&#x27;", "'")
    assert not Klacht.objects.exists()


def test_een_leerling_buiten_de_eigen_groep_kan_de_mentor_niet_kiezen(client, kw):
    antwoord = post(client, kw.mentor, DAG, reverse("klachten:indienen"),
                    _formulier(kw, leerling=kw.chris.pk))
    assert antwoord.status_code == 400 and not Klacht.objects.exists()


def test_de_functioneel_beheerder_dient_geen_klacht_in(client, kw):
    assert get(client, kw.beheerder, DAG, reverse("klachten:indienen")).status_code == 404


def test_na_de_uitspraak_verwijst_de_contactpersoon_naar_de_landelijke_klachtencommissie(
        client, kw):
    commissie_instellen(kw)
    klacht, _ = naar_de_commissie(client, kw)
    zitting(client, kw, klacht)
    advies(client, kw, klacht, "ongegrond")
    uitspraak(client, kw, klacht)
    antwoord = _doorzetten(client, kw.mentor, klacht, "landelijke-klachtencommissie",
                           date(2026, 12, 2))
    assert berichten(antwoord) == ["Alleen de contactpersoon van de school (directie of "
                                   "vertrouwenspersoon) verwijst naar de landelijke "
                                   "klachtencommissie."]
    _doorzetten(client, kw.directie, klacht, "landelijke-klachtencommissie", date(2026, 12, 2))
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert (klacht.status, klacht.fase.code, klacht.afgesloten_op) == (
        "doorverwezen", "landelijke-klachtencommissie", date(2026, 12, 2))


def test_de_secretaris_van_de_commissie_ziet_haar_zaken_in_het_overzicht(client, kw):
    commissie = commissie_instellen(kw)
    commissie.secretaris = kw.teamleider_bovenbouw.medewerker
    commissie.save()
    klacht, _ = naar_de_commissie(client, kw)
    pagina = get(client, kw.teamleider_bovenbouw, DAG, reverse("klachten:overzicht"))
    assert [k.pk for k in pagina.context["scholen"][0]["klachten"]] == [klacht.pk]
    assert klacht.stappen.get(fase__code="geschillencommissie").termijn.verantwoordelijke == (
        kw.teamleider_bovenbouw)


def test_het_jaarverslag_telt_per_fase_uitkomst_en_termijn_met_grafiek_en_csv(client, kw):
    een = indienen(client, kw, date(2026, 11, 2))  # mentor settles it in time
    _afronden(client, kw.mentor, een, date(2026, 11, 13), reactie="Tevreden.")
    post(client, kw.mentor, date(2026, 11, 13), reverse("klachten:afsluiten", args=[een.pk]),
         {"reactie_klager": ""})
    twee = indienen(client, kw, date(2026, 11, 2))  # mentor misses the term (due 16 Nov)
    _afronden(client, kw.mentor, twee, date(2026, 11, 18))
    _doorzetten(client, kw.mentor, twee, "bemiddeling-teamleiding", date(2026, 11, 18))
    indienen(client, kw, date(2026, 11, 20))  # still running
    pagina = get(client, kw.directie, DAG,
                 reverse("klachten:verslag", args=[kw.school.pk]) + "?jaar=2026-2027")
    cijfers = pagina.context["cijfers"]
    assert cijfers.totaal == 3
    rijen = {r.fase: (r.aantal, r.gehaald, r.gemist, r.zonder_termijn, r.lopend)
             for r in cijfers.fasen}
    assert rijen == {"Gesprek met de docent": (3, 0, 0, 3, 0),
                     "Bemiddeling door de mentor": (3, 1, 1, 0, 1),
                     "Bemiddeling door de teamleiding": (1, 0, 0, 1, 0)}
    assert dict(cijfers.uitkomsten)["afgehandeld"] == 1
    assert dict(cijfers.uitkomsten)["in behandeling"] == 2
    tekst = pagina.content.decode()
    # Bars of 300 (three complaints reached the stage) and 100 (one) units wide.
    assert 'class="staaf" x="300" y="4" width="300"' in tekst
    assert 'class="staaf" x="300" y="56" width="99"' in tekst
    csv = get(client, kw.directie, DAG, reverse("klachten:verslag", args=[kw.school.pk])
              + "?jaar=2026-2027&formaat=csv")
    assert csv["Content-Type"].startswith("text/csv")
    regels = csv.content.decode().splitlines()
    assert "Totaal ingediend;3" in regels
    assert "Bemiddeling door de mentor;3;1;1;0;1" in regels


def test_een_onjuist_schooljaar_in_het_verslag_zegt_hoe_het_moet(client, kw):
    antwoord = get(client, kw.directie, DAG,
                   reverse("klachten:verslag", args=[kw.school.pk]) + "?jaar=2026")
    assert antwoord.status_code == 302
    pagina = get(client, kw.directie, DAG, antwoord.url)
    assert berichten(pagina) == ["Schrijf het schooljaar als 2026-2027."]


def test_het_verslag_is_alleen_voor_schoolleiding_en_secretaris(client, kw):
    for user in (kw.mentor, kw.teamleider, kw.beheerder, kw.buitenstaander):
        assert get(client, user, DAG, reverse("klachten:verslag", args=[kw.school.pk])
                   ).status_code == 404


def test_een_docent_krijgt_geen_ouders_te_zien_bij_het_indienen(client, kw):
    """Parents are category B, which an Echnaton docent may not see (art. 9.4): the filing
    form lists none, and the service refuses a parent all the same."""
    from klachten import services

    pagina = get(client, kw.docent, DAG, reverse("klachten:indienen")).content.decode()
    assert "J. de Vries" not in pagina
    mentorpagina = get(client, kw.mentor, DAG, reverse("klachten:indienen")).content.decode()
    assert "J. de Vries" in mentorpagina
    with pytest.raises(Exception, match="niet zien"):
        services.klacht_indienen(door=kw.docent, leerling=kw.anna, klager_soort="ouders",
                                 onderwerp_soort="toepassing_statuut", onderwerp="Toetsen",
                                 omschrijving="Te veel toetsen.", op=DAG,
                                 ouder=Ouder.objects.get(achternaam="Vries"))
    assert not Klacht.objects.exists()
