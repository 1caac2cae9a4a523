"""The authority rows and thresholds of te laat en verzuim reproduce the seeds (read from
the rows, not from code), and the conciërge Noordgouw names registers at the desk."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from dossiers import toegang
from statuut import kalender
from statuut.models import Bevoegdheid, Rol, School, SchoolVakantie, Verzuimdrempel
from statuut.presets import preset_laden
from statuut.services import kalender_gewijzigd
from tests.personas import maak_gebruiker
from verzuim import perioden
from verzuim.models import TeLaat


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel("2026-11-20 10:00 +0100", tick=False):
        perioden.vergeet_cache()
        yield
    perioden.vergeet_cache()


def _rij(statuut, actie, rol) -> Bevoegdheid:
    return Bevoegdheid.objects.get(statuut=statuut, actie=actie, rol=rol)


def test_echnaton_bijlage_a_als_rijen(wereld):
    statuut = wereld.school.statuten.get()
    # "Je mentor bepaalt ... of het te laat geoorloofd of ongeoorloofd is" (own group).
    assert toegang.rollen_voor(statuut, "verzuim.beoordelen") == {"mentor", "teamleider"}
    mentor = _rij(statuut, "verzuim.beoordelen", "mentor")
    assert (mentor.omvang, mentor.artikel) == ("eigen_leerlingen", "bijlage A te laat")
    # The make-up is arranged by the mentor; the schorsing by the schoolleiding (directie).
    assert toegang.rollen_voor(statuut, "verzuim.inhalen_regelen") == {"mentor"}
    assert toegang.rollen_voor(statuut, "verzuim.schorsing_voorstellen") == {"directie"}
    # Echnaton names no conciërge: the administratie records the parents' calls.
    assert Rol.CONCIERGE not in toegang.rollen_voor(statuut, "verzuim.absentie_registreren")
    assert "administratie" in toegang.rollen_voor(statuut, "verzuim.absentie_registreren")
    drempels = {d.code: d for d in statuut.verzuimdrempels.all()}
    drie = drempels["te-laat-bovenbouw-3"]
    assert (drie.groep, drie.aantal, drie.periode_weken, drie.inhaal_uren) == (
        "bovenbouw", 3, 6, 2)
    assert (drempels["te-laat-bovenbouw-6"].aantal, drempels["te-laat-bovenbouw-7"].aantal) \
        == (6, 7)
    twee = drempels["te-laat-bovenbouw-2-perioden"]
    assert (twee.aantal, twee.opeenvolgende_perioden, twee.actie_code) == (
        7, 2, Verzuimdrempel.Actie.SCHORSING_MOGELIJK)
    wet = drempels["vaker-absent"]
    assert (wet.aantal, wet.telt, wet.periode_weken, wet.termijn_aantal,
            wet.termijn_eenheid) == (16, "lesuren", 4, 5, "schooldagen")


def test_noordgouw_de_concierge_en_art_14_8_als_rijen(wereld):
    statuut = wereld.andere_school.statuten.get()
    concierge = _rij(statuut, "verzuim.te_laat_registreren", Rol.CONCIERGE)
    assert (concierge.omvang, concierge.artikel) == ("school", "11.4")
    assert _rij(statuut, "verzuim.absentie_registreren", Rol.CONCIERGE).artikel == "11.4"
    assert toegang.rollen_voor(statuut, "verzuim.leerplicht_melden") == {"administratie",
                                                                          "directie"}
    twintig = statuut.verzuimdrempels.get(code="te-laat-20-minuten")
    assert (twintig.na_minuten, twintig.artikel) == (20, "11.4")


@pytest.mark.django_db
def test_wijzer_de_directie_meldt_bij_de_leerplichtambtenaar(wereld):
    school = School.objects.create(bestuur=wereld.school.bestuur, naam="Wijzer", brin="56EF",
                                   korte_naam="wijzer", regio="zuid", onderwijssoort="po")
    statuut = preset_laden(school=school, preset="wijzer-2024")
    # Was Verzuimdrempel.verantwoordelijke = directie; now the action's row.
    assert toegang.rollen_voor(statuut, "verzuim.leerplicht_melden") == {"directie"}
    assert not hasattr(Verzuimdrempel, "verantwoordelijke")


def test_de_concierge_van_noordgouw_registreert_te_laat(client, termijnwereld):
    w = termijnwereld
    for soort, van, tot in [("voorjaarsvakantie", date(2027, 2, 13), date(2027, 2, 21)),
                            ("meivakantie", date(2027, 4, 24), date(2027, 5, 2)),
                            ("zomervakantie", date(2027, 7, 10), date(2027, 8, 22))]:
        SchoolVakantie.objects.create(school=w.andere_school, schooljaar="2026-2027",
                                      soort=soort, eerste_dag=van, laatste_dag=tot)
    kalender_gewijzigd(school=w.andere_school)
    kalender.vergeet_cache()
    concierge = maak_gebruiker("concierge", "C. Conciërge", w.andere_school, Rol.CONCIERGE)
    client.force_login(concierge)
    pagina = client.get("/verzuim/te-laat/").content.decode()
    assert "Dirk Visser" in pagina and "Anna" not in pagina
    antwoord = client.post("/verzuim/te-laat/", {
        "leerling": w.dirk.pk, "datum": "2026-11-19", "lesuur": 2, "minuten": 12,
        "oordeel": "nog_te_beoordelen"})
    assert antwoord.status_code == 302
    te_laat = TeLaat.objects.get(leerling=w.dirk)
    assert te_laat.geregistreerd_door == concierge and te_laat.dossierstuk.auteur == concierge
    # Art. 11.4.1: later than twenty minutes, the lesson counts as missed; said at once.
    antwoord = client.post("/verzuim/te-laat/", {
        "leerling": w.dirk.pk, "datum": "2026-11-19", "lesuur": 3, "minuten": 25,
        "oordeel": "ongeoorloofd"}, follow=True)
    assert ("Volgens het statuut: Na twintig minuten geldt de les als verzuimd en moet deze "
            "worden ingehaald. (11.4)") in antwoord.content.decode()
    laat = TeLaat.objects.get(leerling=w.dirk, lesuur=3)
    assert "Na twintig minuten geldt de les als verzuimd" in laat.dossierstuk.inhoud
    assert "Na twintig minuten" not in te_laat.dossierstuk.inhoud  # 12 minutes
    # No toegang row: the conciërge registers, but reads no dossier and no overview.
    assert client.get("/verzuim/overzicht/").status_code == 404
    assert client.get(f"/leerlingen/{w.dirk.pk}/").status_code == 404


def test_verlof_en_signaleren_als_rijen(wereld):
    """Leerplichtwet art. 14 lid 1 en 3: up to ten school days the head decides (the rows'
    `niveau`); beyond, the leerplichtambtenaar, through verlof_doorsturen. Noordgouw art.
    14.7/14.8 without a number: the mentor and the afdelingsleider signal by hand."""
    echnaton = wereld.school.statuten.get()
    beslissen = Bevoegdheid.objects.get(statuut=echnaton, actie="verzuim.verlof_beslissen")
    assert (beslissen.rol, beslissen.niveau, beslissen.artikel) == (
        "schoolleiding", 10, "bijlage A absent")
    assert toegang.rollen_voor(echnaton, "verzuim.verlof_beslissen") == {"directie"}
    assert toegang.rollen_voor(echnaton, "verzuim.verlof_registreren") == {"administratie"}
    assert not toegang.rijen(echnaton, "verzuim.verlof_beslissen", niveau=11)
    assert not toegang.rijen(echnaton, "verzuim.drempel_signaleren")
    noordgouw = wereld.andere_school.statuten.get()
    rij = Bevoegdheid.objects.get(statuut=noordgouw, actie="verzuim.verlof_beslissen")
    assert (rij.rol, rij.niveau, rij.artikel) == ("directie", 10, "14.2")
    assert toegang.rollen_voor(noordgouw, "verzuim.verlof_registreren") == {
        Rol.CONCIERGE, "administratie"}
    assert {(r.rol, r.artikel) for r in toegang.rijen(noordgouw, "verzuim.drempel_signaleren")} \
        == {("mentor", "14.7"), ("teamleider", "14.8")}
    zonder_aantal = {d.code for d in noordgouw.verzuimdrempels.filter(aantal__isnull=True)}
    assert zonder_aantal == {"herhaald-absent-niet-gemeld", "veelvuldig-te-laat"}
