"""The school calendar page and a deadline that explains its date."""

from datetime import date

import pytest

from statuut.models import Eenheid, VrijeDag
from statuut.services import kalender_gewijzigd, regiovakanties_laden, termijn_openen
from tests.personas import WACHTWOORD


@pytest.fixture
def kalenderwereld(wereld):
    regiovakanties_laden()
    VrijeDag.objects.create(school=wereld.school, eerste_dag=date(2025, 11, 12),
                            laatste_dag=date(2025, 11, 12), omschrijving="studiedag")
    kalender_gewijzigd(school=wereld.school)
    return wereld


def _login(client, user):
    client.force_login(user)


def test_the_calendar_page_lists_vacations_and_the_schools_studiedag(client, kalenderwereld):
    _login(client, kalenderwereld.mentor)
    html = client.get("/kalender/?schooljaar=2025-2026").content.decode()
    assert "Schoolkalender Echnaton Testcollege 2025-2026" in html
    assert "herfstvakantie" in html
    assert "zaterdag 18 oktober 2025" in html
    assert "studiedag" in html
    assert "woensdag 12 november 2025" in html


def test_a_year_with_missing_vacations_says_what_is_missing(client, kalenderwereld):
    _login(client, kalenderwereld.mentor)
    html = client.get("/kalender/?schooljaar=2026-2027").content.decode()
    assert "Voor dit schooljaar ontbreekt nog: meivakantie." in html


def test_computing_a_deadline_shows_the_date_and_every_skipped_day(client, kalenderwereld):
    _login(client, kalenderwereld.mentor)
    html = client.get(
        "/kalender/?schooljaar=2025-2026&startdatum=2025-11-07&aantal=5&eenheid=schooldagen"
    ).content.decode()
    assert "Uiterste datum: <strong>maandag 17 november 2025</strong>" in html
    assert "woensdag 12 november 2025: studiedag" in html
    assert "5 dagen telden niet mee" in html


def test_a_deadline_in_an_unknown_year_gives_a_clear_message(client, kalenderwereld):
    _login(client, kalenderwereld.mentor)
    html = client.get(
        "/kalender/?startdatum=2027-04-01&aantal=10&eenheid=schooldagen"
    ).content.decode()
    assert "is niet bekend op 01-04-2027" in html
    assert "meivakantie 2026-2027" in html
    assert "Uiterste datum" not in html


def test_bad_input_is_answered_on_the_form(client, kalenderwereld):
    _login(client, kalenderwereld.mentor)
    html = client.get("/kalender/?startdatum=gisteren&aantal=0&eenheid=jaren").content.decode()
    assert "Vul een datum in" in html
    assert "Zorg ervoor dat deze waarde minstens 1 is." in html
    assert "jaren is geen beschikbare keuze" in html
    assert "Uiterste datum" not in html


def test_a_user_without_a_school_gets_no_calendar(client, db, django_user_model):
    _login(client, django_user_model.objects.create_user(username="los", password=WACHTWOORD))
    assert client.get("/kalender/").status_code == 404


def test_the_responsible_mentor_sees_why_the_deadline_falls_on_its_date(client, kalenderwereld):
    termijn = termijn_openen(
        school=kalenderwereld.school, omschrijving="Gesprek met Anna", aantal=5,
        startdatum=date(2025, 11, 7), eenheid=Eenheid.SCHOOLDAGEN,
        verantwoordelijke=kalenderwereld.mentor,
    )
    _login(client, kalenderwereld.mentor)
    start = client.get("/").content.decode()
    assert f'href="/termijnen/{termijn.pk}/"' in start
    html = client.get(f"/termijnen/{termijn.pk}/").content.decode()
    assert "maandag 17 november 2025" in html
    assert "woensdag 12 november 2025: studiedag" in html


def test_a_deadline_is_hidden_from_others_but_not_from_directie(client, kalenderwereld):
    termijn = termijn_openen(
        school=kalenderwereld.school, omschrijving="Gesprek met Anna", aantal=5,
        startdatum=date(2025, 11, 7), eenheid=Eenheid.SCHOOLDAGEN,
        verantwoordelijke=kalenderwereld.mentor,
    )
    for user, status in [(kalenderwereld.docent, 404), (kalenderwereld.buitenstaander, 404),
                         (kalenderwereld.directie, 200)]:
        client.logout()
        _login(client, user)
        assert client.get(f"/termijnen/{termijn.pk}/").status_code == status, user.username


def test_de_bron_van_een_vakantie_staat_er_in_het_nederlands(client, kalenderwereld):
    _login(client, kalenderwereld.mentor)
    html = client.get("/kalender/?schooljaar=2026-2027").content.decode()
    assert "advies regio midden: openbare datasets; controleren" in html
    assert "meerdere datasets en schoolkalenders komen overeen" in html
    for engels in ("verify", "datasets and", "school calendars", "agree"):
        assert engels not in html
