"""The small helpers of statuut/hulp.py, with the exact texts and dates a user sees."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from dossiers.models import Medewerker
from statuut import hulp


def test_een_termijn_in_correct_nederlands():
    assert hulp.aantal_tekst(1, "schooldagen") == "1 schooldag"
    assert hulp.aantal_tekst(2, "schooldagen") == "2 schooldagen"
    assert hulp.aantal_tekst(1, "weken") == "1 week"
    assert hulp.aantal_tekst(None, "weken") == ""


def test_de_leeftijd_telt_op_de_verjaardag_zelf():
    geboren = date(2008, 3, 15)
    assert hulp.leeftijd(geboren, date(2026, 3, 14)) == 17
    assert hulp.leeftijd(geboren, date(2026, 3, 15)) == 18
    assert hulp.leeftijd(geboren, date(2026, 3, 16)) == 18


def test_het_schooljaar_loopt_van_1_augustus_tot_en_met_31_juli():
    assert hulp.schooljaar_naam(date(2027, 7, 31)) == "2026-2027"
    assert hulp.schooljaar_grenzen(date(2027, 7, 31)) == (date(2026, 8, 1), date(2027, 7, 31))
    assert hulp.schooljaar_naam(date(2027, 8, 1)) == "2027-2028"
    assert hulp.schooljaar_grenzen(date(2027, 8, 1)) == (date(2027, 8, 1), date(2028, 7, 31))
    assert hulp.schooljaar_grenzen("2026-2027") == (date(2026, 8, 1), date(2027, 7, 31))


def test_een_artikel_geciteerd():
    assert hulp.artikelverwijzing("8.2") == "artikel 8.2"
    assert hulp.artikelverwijzing("12 klachten 2", kort=True) == "art. 12 klachten 2"
    assert hulp.artikelverwijzing("bijlage B 16") == "bijlage B 16"
    assert hulp.artikelverwijzing("") == ""
    assert hulp.en_lijst(["8.1", "8.2", "8.3"]) == "8.1, 8.2 en 8.3"


@pytest.mark.django_db
def test_de_naam_van_een_medewerker_anders_van_het_account():
    User = get_user_model()
    zonder = User.objects.create_user("bbestuur", first_name="Bea", last_name="Bestuur")
    kaal = User.objects.create_user("kaal")
    met = User.objects.create_user("jjansen", first_name="Jan")
    Medewerker.objects.create(user=met, naam="J. Jansen")
    assert hulp.naam_van(met) == "J. Jansen"
    assert hulp.naam_van(zonder) == "Bea Bestuur"
    assert hulp.naam_van(kaal) == "kaal"
    assert hulp.naam_van(None) == ""
