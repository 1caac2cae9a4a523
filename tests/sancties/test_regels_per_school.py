"""Every rule in which the three schools differ gives each school's own answer, from the
statuut version in force on the date of the decision (never an `if` on the school)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from sancties import regels, toegang
from statuut.models import Statuut
from statuut.selectors import statuut_op

from .helpers import Loper, meldingen, vers

OP = date(2026, 11, 23)


def _statuut(scholen, naam) -> Statuut:
    return statuut_op(getattr(scholen, naam), OP)


@pytest.mark.parametrize(("school", "rollen_eendaags", "rollen_week"), [
    ("echnaton", ["teamleider"], ["directie"]),  # art. 8.2: one day by the teamleiding
    ("noordgouw", ["directie"], ["directie"]),  # art. 24.1: a directielid
    ("wijzer", ["directie"], ["directie"]),  # the directeur on the board's mandate
])
def test_wie_een_schorsing_oplegt(scholen, school, rollen_eendaags, rollen_week):
    # Read from the authority rows (`maatregel.opleggen`), without the one who handed the
    # power down and keeps it (`mandaat_van`).
    statuut = _statuut(scholen, school)
    assert regels.gemandateerd(regels.schorsing_maatregel(statuut, 1)) == rollen_eendaags
    assert regels.gemandateerd(regels.schorsing_maatregel(statuut, 5)) == rollen_week


def _mag_eendaags(user, leerling) -> bool:
    gezag = toegang.gezag(user, leerling, op=OP)
    return gezag.houdt(regels.opleggen(regels.schorsing_maatregel(gezag.statuut, 1)))


def test_wie_een_eendaagse_schorsing_mag_opleggen_per_persoon(scholen):
    s, w = scholen, scholen.w
    assert _mag_eendaags(w.teamleider, w.anna)
    # a teamleider of another department has no relation to Anna (own department only)
    assert not _mag_eendaags(w.teamleider_bovenbouw, w.anna)
    assert not _mag_eendaags(s.afdelingsleider_ng, s.dirk)
    assert _mag_eendaags(s.directie_ng, s.dirk)
    assert not _mag_eendaags(s.leerkracht_wz, s.sanne)
    assert _mag_eendaags(s.directeur_wz, s.sanne)


@pytest.mark.parametrize(("school", "bezwaar", "termijn", "beslistermijn", "opschonen"), [
    ("echnaton", True, (6, "weken"), (6, "weken", "einde_termijn"), False),
    ("noordgouw", False, (None, ""), (None, "", ""), False),  # art. 24.4
    ("wijzer", True, (6, "weken"), (6, "weken", "einde_termijn"), True),
])
def test_bezwaar_ja_of_nee_en_de_termijnen(scholen, school, bezwaar, termijn, beslistermijn,
                                           opschonen):
    st = _statuut(scholen, school)
    assert st.bezwaar_schorsing_mogelijk is bezwaar
    assert (st.bezwaar_termijn_aantal, st.bezwaar_termijn_eenheid) == termijn
    assert (st.bezwaar_beslistermijn_aantal, st.bezwaar_beslistermijn_eenheid,
            st.bezwaar_beslistermijn_vanaf) == beslistermijn
    assert st.bezwaar_gegrond_dossier_opschonen is opschonen


@pytest.mark.parametrize(("school", "leeftijd", "horen_door", "inspectie_boven", "vooraf"), [
    ("echnaton", 18, ["teamleider", "directie"], 0, True),
    ("noordgouw", 21, ["teamleider", "directie"], 1, False),
    ("wijzer", 18, ["directie"], 0, False),
])
def test_horen_ouders_inspectie_en_bekendmaking(scholen, school, leeftijd, horen_door,
                                                inspectie_boven, vooraf):
    st = _statuut(scholen, school)
    assert st.ouders_horen_onder_leeftijd == leeftijd
    assert regels.horen_rollen(st) == horen_door
    assert st.schorsing_inspectie_boven_schooldagen == inspectie_boven
    assert st.schorsing_bekendmaking_vooraf is vooraf


@pytest.mark.parametrize(("school", "beslistermijn"), [
    ("echnaton", (6, "weken", "einde_termijn")),
    ("noordgouw", (4, "weken", "indiening")),  # art. 25.13
    ("wijzer", (6, "weken", "einde_termijn")),
])
def test_beslistermijn_na_bezwaar_tegen_verwijdering(scholen, school, beslistermijn):
    st = _statuut(scholen, school)
    assert (st.verwijdering_beslistermijn_aantal, st.verwijdering_beslistermijn_eenheid,
            st.verwijdering_beslistermijn_vanaf) == beslistermijn
    assert st.verwijdering_pas_na_andere_school and not st.verwijdering_na_acht_weken_zoeken


def test_een_bezwaar_gegrond_bij_echnaton_laat_de_stukken_staan(
        client, scholen, klok, django_capture_on_commit_callbacks):
    """Echnaton's statuut says nothing of removing the entries: they stay, the decision on
    the bezwaar is added."""
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.directie)
    schorsing = loper.voorstellen(w.anna, gronden=["Diefstal"], eerste_dag="2026-11-25",
                                  schooldagen="1")
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[w.directie.pk],
               ouders_aanwezig="on", verslag="Gehoord.")
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen="1",
               motivering="Diefstal van een telefoon.")
    antwoord = loper.stap(schorsing, "bezwaar", ingediend_op="2026-11-23",
                          gronden="Niet bewezen.")
    assert meldingen(antwoord) == ["Het bezwaar is ingeschreven."]
    assert vers(schorsing).termijn_bezwaarbeslissing.vervaldatum == date(2027, 2, 15)
    loper.stap(schorsing, "bezwaar_horen", gehoord_op="2026-11-23", verslag="Gehoord.")
    loper.stap(schorsing, "bezwaar_beslissen", uitkomst="gegrond", motivering="Niet bewezen.")
    stukken = w.anna.dossierstukken.all()
    assert not any(s.is_verwijderd for s in stukken)
    assert stukken.filter(titel="Beslissing op bezwaar tegen schorsing").exists()
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    assert "bezwaar gegrond" in pagina
