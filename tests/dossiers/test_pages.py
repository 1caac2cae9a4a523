"""The pages: login and logout, the start page per role, the pupil page."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.models import Groep, Inzage
from statuut.models import Eenheid, Termijn, Termijnstatus
from tests.personas import WACHTWOORD, maak_gebruiker, maak_leerling
from tests.queries import warm


def _inhoud(response) -> str:
    return response.content.decode()


# Login and logout


def test_de_inlogpagina_is_nederlands(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Inloggen" in _inhoud(response)
    assert "Wachtwoord" in _inhoud(response)


def test_zonder_inloggen_naar_de_inlogpagina(client, db):
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_inloggen_en_uitloggen(client, wereld):
    response = client.post(reverse("login"),
                           {"username": "mentor", "password": WACHTWOORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("start")
    assert "Anna de Vries" in _inhoud(response)

    response = client.post(reverse("logout"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "U bent uitgelogd." in _inhoud(response)
    assert client.get(reverse("start")).status_code == 302


def test_een_fout_wachtwoord_geeft_een_nederlandse_melding(client, wereld):
    response = client.post(reverse("login"), {"username": "mentor", "password": "fout"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord is onjuist" in _inhoud(response)


def test_uitloggen_kan_niet_met_get(client, wereld):
    client.force_login(wereld.mentor)
    assert client.get(reverse("logout")).status_code == 405


# Start page


@pytest.mark.parametrize(
    ("persona", "zichtbaar", "onzichtbaar"),
    [
        ("mentor", ["Anna de Vries"], ["Bram Jansen", "Chris Bakker", "Dirk Visser"]),
        ("docent", ["Anna de Vries"], ["Bram Jansen", "Chris Bakker", "Dirk Visser"]),
        ("docent_4h", ["Chris Bakker"], ["Anna de Vries", "Bram Jansen", "Dirk Visser"]),
        ("teamleider", ["Anna de Vries", "Bram Jansen"], ["Chris Bakker", "Dirk Visser"]),
        ("directie", ["Anna de Vries", "Bram Jansen", "Chris Bakker"], ["Dirk Visser"]),
        ("administratie", ["Anna de Vries", "Bram Jansen", "Chris Bakker"], ["Dirk Visser"]),
        ("zorgcoordinator", ["Anna de Vries", "Bram Jansen", "Chris Bakker"], ["Dirk Visser"]),
        ("buitenstaander", ["Dirk Visser"], ["Anna de Vries", "Bram Jansen", "Chris Bakker"]),
        ("beheerder", [], ["Anna de Vries", "Bram Jansen", "Chris Bakker", "Dirk Visser"]),
    ],
)
def test_de_startpagina_toont_precies_de_eigen_leerlingen(client, wereld, persona, zichtbaar,
                                                          onzichtbaar):
    client.force_login(getattr(wereld, persona))
    inhoud = _inhoud(client.get(reverse("start")))
    for naam in zichtbaar:
        assert naam in inhoud
    for naam in onzichtbaar:
        assert naam not in inhoud


def test_de_mentor_ziet_zijn_mentorgroep(client, wereld):
    client.force_login(wereld.mentor)
    inhoud = _inhoud(client.get(reverse("start")))
    assert "Mijn mentorgroepen" in inhoud
    assert "1A" in inhoud


def test_de_teamleider_ziet_de_groepen_van_de_afdeling(client, wereld):
    client.force_login(wereld.teamleider)
    inhoud = _inhoud(client.get(reverse("start")))
    assert "Groepen van mijn afdeling" in inhoud
    # Group headings, not bare names: "4H" can occur in the random CSRF token.
    assert "<h4>1A " in inhoud and "<h4>1B " in inhoud and "<h4>4H " not in inhoud


def test_de_directie_zoekt_op_naam(client, wereld):
    client.force_login(wereld.directie)
    inhoud = _inhoud(client.get(reverse("start"), {"q": "jans"}))
    assert "Bram Jansen" in inhoud
    assert "Anna de Vries" not in inhoud
    inhoud = _inhoud(client.get(reverse("start"), {"q": "Visser"}))
    assert "Dirk Visser" not in inhoud  # another school's pupil is never found
    assert "Geen leerlingen gevonden" in inhoud


def test_de_directie_van_noordgouw_ziet_dat_het_statuut_verlopen_is(client, wereld):
    client.force_login(wereld.buitenstaander)
    inhoud = _inhoud(client.get(reverse("start")))
    assert "is verlopen op 1 augustus 2024; stel een nieuwe versie vast." in inhoud


def test_een_directie_met_een_geldig_statuut_krijgt_geen_waarschuwing(client, wereld):
    from statuut.models import Statuut

    Statuut.objects.create(
        school=wereld.school, titel="Leerlingenstatuut nieuw",
        ingangsdatum=timezone.localdate() - timedelta(days=30), bezwaar_schorsing_mogelijk=False,
    )
    client.force_login(wereld.directie)
    assert "is verlopen op" not in _inhoud(client.get(reverse("start")))


def test_een_mentor_bij_noordgouw_zonder_directierol_ziet_geen_waarschuwing(client, wereld):
    from statuut.models import Rol

    mentor = maak_gebruiker("mentor-ng", "N. Mentor", wereld.andere_school, Rol.MENTOR)
    client.force_login(mentor)
    assert "is verlopen op" not in _inhoud(client.get(reverse("start")))


def test_de_beheerder_ziet_de_link_naar_het_beheer_en_het_statuut(client, wereld):
    client.force_login(wereld.beheerder)
    inhoud = _inhoud(client.get(reverse("start")))
    assert 'href="/beheer/"' in inhoud
    assert "Versie in werking" in inhoud
    assert "1 augustus 2009" in inhoud


def test_mijn_termijnen_leeg(client, wereld):
    client.force_login(wereld.mentor)
    assert "Geen openstaande termijnen." in _inhoud(client.get(reverse("start")))


def test_mijn_termijnen_verlopen_bovenaan(client, wereld):
    vandaag = timezone.localdate()

    def termijn(omschrijving, verval, status=Termijnstatus.OPEN, user=wereld.mentor):
        Termijn.objects.create(
            school=wereld.school, omschrijving=omschrijving, startdatum=verval - timedelta(14),
            aantal=10, eenheid=Eenheid.SCHOOLDAGEN, vervaldatum=verval,
            verantwoordelijke=user, status=status,
        )

    termijn("Later", vandaag + timedelta(days=10))
    termijn("Te laat", vandaag - timedelta(days=3))
    termijn("Al voldaan", vandaag + timedelta(days=1), status=Termijnstatus.VOLDAAN)
    termijn("Van een ander", vandaag + timedelta(days=1), user=wereld.docent)
    client.force_login(wereld.mentor)
    inhoud = _inhoud(client.get(reverse("start")))
    assert inhoud.index("Te laat") < inhoud.index("Later")
    assert "Verlopen:" in inhoud
    assert "Al voldaan" not in inhoud and "Van een ander" not in inhoud
    assert "Geen openstaande termijnen." not in inhoud


def test_de_startpagina_legt_de_getoonde_leerlingen_vast_in_een_rij(client, wereld):
    client.force_login(wereld.teamleider)
    client.get(reverse("start"))
    rij = Inzage.objects.get(user=wereld.teamleider)
    assert (rij.lijst, rij.aantal, sorted(rij.leerlingnummers.split()), rij.leerling) == (
        "startpagina", 2, [wereld.anna.leerlingnummer, wereld.bram.leerlingnummer], None)


def _extra_leerlingen(wereld, van: int, tot: int) -> None:
    for i in range(van, tot):
        maak_leerling(wereld.school, f"9{i:03d}", f"Extra{i}", "Leerling", wereld.groep_1a)


@pytest.mark.parametrize("persona", ["mentor", "teamleider", "directie"])
def test_het_aantal_queries_van_de_startpagina_groeit_niet_met_de_leerlingen(
    client, wereld, persona
):
    client.force_login(getattr(wereld, persona))
    _extra_leerlingen(wereld, 0, 4)  # 5 pupils in 1A
    vijf, antwoord = warm(lambda: client.get(reverse("start")))
    assert "Extra3" in _inhoud(antwoord)
    _extra_leerlingen(wereld, 4, 29)  # 30 pupils in 1A
    dertig, antwoord = warm(lambda: client.get(reverse("start")))
    assert "Extra28" in _inhoud(antwoord)
    assert len(dertig) == len(vijf)
    # A fixed budget, not a growing one: the shared blocks plus each flow's panel (zorg,
    # sancties, klachten) cost a constant number of queries per school.
    assert len(vijf) <= 35


# Pupil page


def test_de_docent_ziet_categorie_a_maar_niet_b(client, wereld):
    client.force_login(wereld.docent)
    response = client.get(reverse("leerling", args=[wereld.anna.pk]))
    assert response.status_code == 200
    inhoud = _inhoud(response)
    assert "Anna de Vries" in inhoud
    assert "A: personalia leerling" in inhoud
    assert "14 maart 2012" in inhoud  # geboortedatum, in Dutch
    assert "Utrecht" in inhoud
    assert "D: klassen en groepen" in inhoud and "1A" in inhoud
    assert "Rapport 1: 7,4" in inhoud  # E
    # B and C are not for docenten (art. 9.4): not on the page at all.
    assert "B: gegevens ouders/verzorgers" not in inhoud
    assert "06-12345678" not in inhoud
    assert "C: gegevens voor faciliteiten" not in inhoud
    assert "timmerman" not in inhoud
    assert "Niet alle gegevens worden getoond" in inhoud


def test_de_mentor_ziet_ook_de_ouders(client, wereld):
    client.force_login(wereld.mentor)
    inhoud = _inhoud(client.get(reverse("leerling", args=[wereld.anna.pk])))
    assert "B: gegevens ouders/verzorgers" in inhoud
    assert "06-12345678" in inhoud and "moeder" in inhoud
    assert "timmerman" in inhoud
    assert "H: vervolgopleiding" in inhoud
    assert "Niet alle gegevens worden getoond" not in inhoud


@pytest.mark.parametrize("persona", ["buitenstaander", "docent_4h", "beheerder"])
def test_een_leerling_buiten_bereik_geeft_404(client, wereld, persona):
    client.force_login(getattr(wereld, persona))
    assert client.get(reverse("leerling", args=[wereld.anna.pk])).status_code == 404
    assert not Inzage.objects.exists()


def test_een_onbekende_leerling_geeft_ook_404(client, wereld):
    client.force_login(wereld.directie)
    assert client.get(reverse("leerling", args=[999999])).status_code == 404


def test_de_leerlingpagina_schrijft_een_inzage(client, wereld):
    client.force_login(wereld.docent)
    client.get(reverse("leerling", args=[wereld.anna.pk]))
    inzage = Inzage.objects.get()
    assert inzage.user == wereld.docent
    assert inzage.leerling == wereld.anna
    assert inzage.onderdeel == "centrale administratie ADEG"


def test_de_leerlingpagina_heeft_geen_inline_scripts_of_stijlen(client, wereld):
    client.force_login(wereld.mentor)
    inhoud = _inhoud(client.get(reverse("leerling", args=[wereld.anna.pk])))
    # Scripts only from the project's own files (the session warning, static/js/sessie.js).
    scripts = re.findall(r"<script[^>]*>", inhoud)
    assert all(re.search(r'\bsrc="/static/', s) for s in scripts), scripts
    assert "style=" not in inhoud and "<style" not in inhoud


def test_een_leerling_van_vorig_jaar_is_niet_meer_van_de_mentor(client, wereld):
    vorig = date(wereld.schooljaar.begin.year - 1, 10, 1)
    client.force_login(wereld.mentor)
    from statuut.models import Schooljaar

    oude_groep = Groep.objects.create(school=wereld.school, naam="1C",
                                      schooljaar=Schooljaar.voor_datum(vorig))
    oude_groep.mentoren.add(wereld.mentor.medewerker)
    ex = maak_leerling(wereld.school, "1099", "Eva", "Oud", oude_groep)
    assert client.get(reverse("leerling", args=[ex.pk])).status_code == 404


def test_de_directie_ziet_het_als_er_geen_statuut_in_werking_is(client, wereld):
    from statuut.models import Statuut

    Statuut.objects.filter(school=wereld.school).delete()
    client.force_login(wereld.directie)
    assert "heeft geen leerlingenstatuut in werking" in _inhoud(client.get(reverse("start")))


def test_geen_lege_zorgkaart_op_de_leerlingpagina(client, wereld):
    """Who may see care but finds none is told so; nobody gets an empty "Zorg" card."""
    client.force_login(wereld.zorgcoordinator)
    html = client.get(f"/leerlingen/{wereld.anna.pk}/").content.decode()
    kaart = html.split('id="zorg"', 1)[1].split("</section>", 1)[0]
    assert "Deze leerling heeft geen lopend of eerder zorgtraject." in kaart
