"""The school calendar with real dates (vacations of statuut/data/schoolvakanties.csv)."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from statuut import kalender
from statuut.kalender import KalenderOnbekend
from statuut.models import Eenheid, RegioVakantie, SchoolVakantie, Termijn, VrijeDag
from statuut.services import (
    InvoerFout,
    kalender_gewijzigd,
    regiovakanties_laden,
    termijn_openen,
)

pytestmark = pytest.mark.django_db


# --- ten school days across the herfstvakantie and the kerstvakantie, per region -----------


@pytest.mark.parametrize(
    ("regio", "verwacht"),
    [
        # noord and midden: herfstvakantie 18-26 Oct 2025, so ten days run to 7 November
        ("noord", date(2025, 11, 7)),
        ("midden", date(2025, 11, 7)),
        # zuid: herfstvakantie 11-19 Oct 2025 has already passed by the 20th
        ("zuid", date(2025, 10, 31)),
    ],
)
def test_ten_school_days_after_the_friday_before_the_herfstvakantie(vakanties, regio, verwacht):
    assert kalender.plus_schooldagen(regio, date(2025, 10, 17), 10) == verwacht


@pytest.mark.parametrize("regio", ["noord", "midden", "zuid"])
def test_ten_school_days_across_the_kerstvakantie(vakanties, regio):
    # 15-19 Dec are five days; 20 Dec - 4 Jan is vacation; 5-9 Jan are the other five.
    assert kalender.plus_schooldagen(regio, date(2025, 12, 12), 10) == date(2026, 1, 9)


def test_the_day_of_filing_itself_does_not_count(vakanties):
    # Filed on Monday 10 Nov 2025: the first school day after it is Tuesday the 11th.
    assert kalender.plus_schooldagen("midden", date(2025, 11, 10), 1) == date(2025, 11, 11)


def test_school_days_between_counts_after_begin_up_to_and_including_end(vakanties):
    assert kalender.schooldagen_tussen("midden", date(2025, 10, 17), date(2025, 11, 7)) == 10
    assert kalender.schooldagen_tussen("zuid", date(2025, 10, 17), date(2025, 11, 7)) == 15
    assert kalender.schooldagen_tussen("midden", date(2025, 11, 7), date(2025, 11, 7)) == 0


# --- public holidays ---------------------------------------------------------------------


def test_easter_goede_vrijdag_and_tweede_paasdag_are_free_by_default(school_midden):
    # 2 April (1); Goede Vrijdag 3 April and Tweede Paasdag 6 April skipped; 7-10 April (2-5).
    assert kalender.plus_schooldagen(school_midden, date(2026, 4, 1), 5) == date(2026, 4, 10)
    assert kalender.reden_vrij(school_midden, date(2026, 4, 3)) == "Goede vrijdag"
    assert kalender.reden_vrij(school_midden, date(2026, 4, 6)) == "Tweede paasdag"


def test_a_school_that_keeps_goede_vrijdag_open(school_midden):
    school_midden.goede_vrijdag_vrij = False
    school_midden.save()
    kalender_gewijzigd(school=school_midden)
    assert kalender.is_schooldag(school_midden, date(2026, 4, 3))
    assert kalender.plus_schooldagen(school_midden, date(2026, 4, 1), 5) == date(2026, 4, 9)


def test_koningsdag_outside_the_meivakantie(vakanties):
    # 2028: Koningsdag is Thursday 27 April, the meivakantie starts on the 29th.
    assert kalender.reden_vrij("midden", date(2028, 4, 27)) == "Koningsdag"
    assert kalender.plus_schooldagen("midden", date(2028, 4, 25), 3) == date(2028, 5, 8)


def test_hemelvaart_the_friday_after_and_pinksteren(school_midden):
    # Hemelvaart 14 May 2026 and the Friday after it, Tweede Pinksterdag 25 May.
    assert kalender.plus_schooldagen(school_midden, date(2026, 5, 12), 7) == date(2026, 5, 26)
    assert kalender.reden_vrij(school_midden, date(2026, 5, 14)) == "Hemelvaartsdag"
    assert kalender.reden_vrij(school_midden, date(2026, 5, 15)) == "vrijdag na Hemelvaart"
    assert kalender.reden_vrij(school_midden, date(2026, 5, 25)) == "Tweede pinksterdag"


def test_a_school_open_on_the_friday_after_hemelvaart(school_midden):
    school_midden.vrijdag_na_hemelvaart_vrij = False
    school_midden.save()
    kalender_gewijzigd(school=school_midden)
    assert kalender.plus_schooldagen(school_midden, date(2026, 5, 12), 7) == date(2026, 5, 22)


def test_bevrijdingsdag_outside_a_lustrum_year_follows_the_school_setting(school_midden):
    # 5 May 2026 is a Tuesday after the meivakantie (25 April - 3 May).
    assert kalender.plus_schooldagen(school_midden, date(2026, 5, 4), 1) == date(2026, 5, 6)
    school_midden.bevrijdingsdag_elk_jaar_vrij = False
    school_midden.save()
    kalender_gewijzigd(school=school_midden)
    assert kalender.plus_schooldagen(school_midden, date(2026, 5, 4), 1) == date(2026, 5, 5)


# --- a school-specific free day, and the deadlines it touches ----------------------------


def test_a_studiedag_moves_an_open_deadline(school_midden):
    termijn = termijn_openen(
        school=school_midden, omschrijving="Gesprek mentor", startdatum=date(2025, 11, 7),
        aantal=5, eenheid=Eenheid.SCHOOLDAGEN, verantwoordelijke_rol="mentor",
    )
    assert termijn.vervaldatum == date(2025, 11, 14)

    VrijeDag.objects.create(school=school_midden, eerste_dag=date(2025, 11, 12),
                            laatste_dag=date(2025, 11, 12), omschrijving="studiedag")
    assert kalender_gewijzigd(school=school_midden) == 1

    termijn.refresh_from_db()
    assert termijn.vervaldatum == date(2025, 11, 17)
    uitkomst = kalender.bereken(school_midden, date(2025, 11, 7), 5, Eenheid.SCHOOLDAGEN)
    assert uitkomst.overgeslagen == [
        (date(2025, 11, 8), "zaterdag"),
        (date(2025, 11, 9), "zondag"),
        (date(2025, 11, 12), "studiedag"),
        (date(2025, 11, 15), "zaterdag"),
        (date(2025, 11, 16), "zondag"),
    ]


def test_a_closed_deadline_is_not_recomputed(school_midden):
    termijn = termijn_openen(
        school=school_midden, omschrijving="Klacht afhandelen", startdatum=date(2025, 11, 7),
        aantal=5, eenheid=Eenheid.SCHOOLDAGEN, verantwoordelijke_rol="mentor",
    )
    Termijn.objects.filter(pk=termijn.pk).update(status="voldaan")
    VrijeDag.objects.create(school=school_midden, eerste_dag=date(2025, 11, 12),
                            laatste_dag=date(2025, 11, 12))
    assert kalender_gewijzigd(school=school_midden) == 0
    termijn.refresh_from_db()
    assert termijn.vervaldatum == date(2025, 11, 14)


# --- Awb weeks and the Algemene termijnenwet ----------------------------------------------


def test_six_week_bezwaar_term_ending_on_a_sunday_moves_to_monday(vakanties):
    # Made known Sunday 1 Nov 2026; six weeks end on Sunday 13 December: extended to Monday.
    assert kalender.plus_weken("midden", date(2026, 11, 1), 6) == date(2026, 12, 14)


def test_six_week_term_ending_on_pinksteren_moves_past_tweede_pinksterdag(vakanties):
    uitkomst = kalender.bereken("midden", date(2026, 4, 12), 6, Eenheid.WEKEN)
    assert uitkomst.datum == date(2026, 5, 26)
    assert uitkomst.overgeslagen == [
        (date(2026, 5, 24), "zondag (verlengd volgens de Algemene termijnenwet)"),
        (date(2026, 5, 25), "Tweede pinksterdag (verlengd volgens de Algemene termijnenwet)"),
    ]


def test_a_term_in_weeks_ending_on_a_weekday_is_not_extended(vakanties):
    assert kalender.plus_weken("midden", date(2026, 3, 2), 6) == date(2026, 4, 13)


# --- working days versus school days ------------------------------------------------------


def test_working_days_continue_through_a_vacation_week_school_days_do_not(vakanties):
    friday = date(2025, 10, 17)  # herfstvakantie midden: 18-26 October 2025
    assert kalender.plus_werkdagen("midden", friday, 5) == date(2025, 10, 24)
    assert kalender.plus_schooldagen("midden", friday, 5) == date(2025, 10, 31)


def test_goede_vrijdag_is_a_working_day_but_tweede_paasdag_is_not(vakanties):
    # The Algemene termijnenwet does not list Goede Vrijdag.
    assert kalender.plus_werkdagen("midden", date(2026, 4, 2), 1) == date(2026, 4, 3)
    assert kalender.plus_werkdagen("midden", date(2026, 4, 2), 2) == date(2026, 4, 7)


# --- missing vacation data is an error, never a school day --------------------------------


def test_a_year_without_vacation_data_is_refused_with_what_is_missing(vakanties):
    with pytest.raises(KalenderOnbekend) as exc:
        kalender.is_schooldag("noord", date(2026, 11, 23))
    bericht = str(exc.value)
    assert "23-11-2026" in bericht
    assert "voorjaarsvakantie 2026-2027" in bericht
    assert "meivakantie 2026-2027" in bericht
    assert "zomervakantie 2026-2027" in bericht
    assert "herfstvakantie" not in bericht
    assert "voor regio noord" in bericht


def test_days_before_the_unknown_previous_summer_has_ended_are_refused(vakanties):
    # The 2024-2025 summer vacation is not shipped, so early September 2025 is unknown.
    with pytest.raises(KalenderOnbekend, match="zomervakantie 2024-2025"):
        kalender.is_schooldag("midden", date(2025, 9, 1))
    assert kalender.is_schooldag("midden", date(2025, 9, 8))


def test_a_deadline_running_into_an_unknown_year_is_refused(vakanties):
    # Midden 2026-2027 has no meivakantie in the shipped data.
    with pytest.raises(KalenderOnbekend, match="meivakantie 2026-2027"):
        kalender.plus_schooldagen("midden", date(2026, 7, 17), 1)


def test_the_school_enters_the_missing_meivakantie_and_the_year_is_known(school_midden):
    SchoolVakantie.objects.create(school=school_midden, schooljaar="2026-2027",
                                  soort="meivakantie", eerste_dag=date(2027, 4, 24),
                                  laatste_dag=date(2027, 5, 2))
    kalender_gewijzigd(school=school_midden)
    # Summer vacation midden 2026 ends Sunday 30 August.
    assert kalender.plus_schooldagen(school_midden, date(2026, 7, 17), 1) == date(2026, 8, 31)
    assert kalender.plus_schooldagen(school_midden, date(2026, 12, 11), 10) == date(2027, 1, 8)
    assert kalender.reden_vrij(school_midden, date(2027, 4, 26)) == (
        "meivakantie (rooster van de school)"
    )


def test_a_school_vacation_replaces_the_regions_of_the_same_kind(school_midden):
    # A two-week meivakantie in 2026 instead of the advised one week.
    SchoolVakantie.objects.create(school=school_midden, schooljaar="2025-2026",
                                  soort="meivakantie", eerste_dag=date(2026, 4, 18),
                                  laatste_dag=date(2026, 5, 3))
    kalender_gewijzigd(school=school_midden)
    assert not kalender.is_schooldag(school_midden, date(2026, 4, 20))
    assert kalender.is_schooldag("midden", date(2026, 4, 20))


def test_partly_confirmed_vacations_say_so_in_the_explanation(school_midden):
    # Herfstvakantie 2026-2027 midden is only 'partly confirmed' in the shipped data.
    SchoolVakantie.objects.create(school=school_midden, schooljaar="2026-2027",
                                  soort="meivakantie", eerste_dag=date(2027, 4, 24),
                                  laatste_dag=date(2027, 5, 2))
    kalender_gewijzigd(school=school_midden)
    assert kalender.reden_vrij(school_midden, date(2026, 10, 19)) == (
        "herfstvakantie regio midden (deels bevestigd)"
    )


# --- speed: precomputed per school and year ------------------------------------------------


def test_no_database_query_once_the_year_is_warmed(school_midden, django_assert_num_queries):
    # Before 8 September 2025 the calendar is unknown: the 2024-2025 summer is not shipped.
    kalender.plus_schooldagen(school_midden, date(2025, 9, 10), 1)
    with django_assert_num_queries(0):
        for dag in range(1, 29):
            kalender.plus_schooldagen(school_midden, date(2025, 10, dag), 60)
            kalender.schooldagen_tussen(school_midden, date(2025, 9, 10), date(2026, 6, dag))
            kalender.is_schooldag(school_midden, date(2026, 2, dag))


# --- loading the shipped vacation data ------------------------------------------------------


def test_loading_the_vacations_twice_gives_no_duplicates(db):
    eerste = regiovakanties_laden()
    tweede = regiovakanties_laden()
    assert eerste.nieuw == RegioVakantie.objects.count() == 37
    assert (tweede.nieuw, tweede.bijgewerkt, tweede.ongewijzigd) == (0, 0, 37)


def test_a_beheerders_correction_survives_a_reload(db):
    regiovakanties_laden()
    rij = RegioVakantie.objects.get(schooljaar="2026-2027", soort="herfstvakantie",
                                    regio="noord")
    rij.status = "confirmed"
    rij.save()
    regiovakanties_laden()
    rij.refresh_from_db()
    assert rij.status == "confirmed"


def test_a_broken_vacation_file_is_refused_and_nothing_is_loaded(db, tmp_path):
    pad = tmp_path / "vakanties.csv"
    pad.write_text(
        "schooljaar,vakantie,regio,eerste_dag,laatste_dag,status,bron\n"
        "2030-2031,herfstvakantie,midden,2030-10-12,2030-10-20,confirmed,x\n"
        "2030-2031,kerstvakantie,west,2030-12-21,2031-01-05,confirmed,x\n",
        encoding="utf-8",
    )
    with pytest.raises(InvoerFout, match="regel 3: onbekende regio 'west'"):
        regiovakanties_laden(pad=pad)
    assert RegioVakantie.objects.count() == 0


def test_the_command_reports_a_missing_column_and_loads_nothing(db, tmp_path):
    pad = tmp_path / "vakanties.csv"
    pad.write_text("schooljaar,vakantie,regio,eerste_dag\n", encoding="utf-8")
    with pytest.raises(CommandError, match="mist de kolom"):
        call_command("vakanties_laden", bestand=pad)
    assert RegioVakantie.objects.count() == 0


def test_een_aantal_in_een_eenheid_in_correct_nederlands():
    assert kalender.aantal_tekst(1, "schooldagen") == "1 schooldag"
    assert kalender.aantal_tekst(3, "schooldagen") == "3 schooldagen"
    assert kalender.aantal_tekst(1, "weken") == "1 week"
    assert kalender.aantal_tekst(6, "weken") == "6 weken"
    assert kalender.aantal_tekst(2, "werkdagen") == "2 werkdagen"
    assert kalender.aantal_tekst(1, "kalenderdagen") == "1 dag"
