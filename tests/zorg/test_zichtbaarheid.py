"""Who sees what of a care case, as a matrix (the style of tests/dossiers/test_matrix.py):
per persona, the signal, the case, the plan and a meldcode report, checked in the pages
(case page, pupil page, start block, work list) and in the list selectors."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.contrib.auth import get_user_model

from tests import wereldvoorraad
from tests.zorg.conftest import VANDAAG, moment, naar_fase, tekst
from zorg import selectors, toegang

pytestmark = pytest.mark.django_db

# What a marker text on the case page stands for.
SIGNAAL = "Anna huilde in de les."  # the docent's observation
GEDEELD = "Let op haar aanwezigheid."  # what the zorgcoördinator shared with the mentor
ANALYSE = "Vader is vertrokken"  # the problem analysis
PLAN = "Anna voelt zich veilig thuis."  # a trajectory's goals
MELDCODE = "Blauwe plekken op de armen."  # the meldcode's first step
MELDCODE_TITEL = "meldcode huiselijk geweld en kindermishandeling"

#: persona -> (case page status, what they see of: signal, shared, analysis, plan, meldcode)
MATRIX: dict[str, tuple[int, set[str]]] = {
    # Issue 6: a teacher who signalled sees it was received and handled, nothing more.
    "docent": (200, set()),
    # Another teacher of the pupil: nothing (the case does not exist for them).
    "andere_docent": (404, set()),
    # Seed 001 stap 5: the mentor sees what the zorgcoördinator shares.
    "mentor": (200, {SIGNAAL, GEDEELD}),
    # DEFAULT: the teamleider of the pupil's department sees what the mentor sees.
    "teamleider": (200, {SIGNAAL, GEDEELD}),
    "teamleider_bovenbouw": (404, set()),
    # Seed 001 stap 3-5; issue 6: meldcode only zorgcoördinatoren and directie.
    "zorgcoordinator": (200, {SIGNAAL, GEDEELD, ANALYSE, PLAN, MELDCODE}),
    "directie": (200, {SIGNAAL, GEDEELD, ANALYSE, PLAN, MELDCODE}),
    # Not referred and no grant: nothing.
    "remedial_teacher": (404, set()),
    "administratie": (404, set()),
    "beheerder": (404, set()),
    "buitenstaander": (404, set()),
    "superuser": (404, set()),
}
ALLE = {SIGNAAL, GEDEELD, ANALYSE, PLAN, MELDCODE}


@wereldvoorraad.bewaard(ouder="zw")
def casus(zw):
    """Kept between tests, like the world (tests/wereldvoorraad.py): built once, on
    VANDAAG, like the tests' `klok`."""
    with time_machine.travel(moment(VANDAAG), tick=False):
        zd = naar_fase(zw, "monitoring", meldcode=True)
        zw.superuser = get_user_model().objects.create_superuser("super", password="x")
    return zd


def _persona(zw, naam):
    return zw.superuser if naam == "superuser" else getattr(zw, naam)


@pytest.mark.parametrize("persona", sorted(MATRIX))
def test_wie_ziet_wat_van_een_zorgtraject(zw, klik, casus, persona):
    status, ziet = MATRIX[persona]
    user = _persona(zw, persona)
    r = klik.als(user).pagina(casus)
    assert r.status_code == status, persona
    pagina = tekst(r) if status == 200 else ""
    for marker in ALLE:
        assert (marker in pagina) == (marker in ziet), (persona, marker)
    assert (MELDCODE_TITEL in pagina) == (MELDCODE in ziet), persona
    if persona == "docent":
        assert "Status: ontvangen en in behandeling" in pagina
    # The list selectors say the same.
    in_lijst = casus in selectors.zorgdossiers_voor(user)
    assert in_lijst == (SIGNAAL in ziet), persona
    werklijst = klik.client.get(f"/zorg/werklijst/{zw.school.pk}/")
    assert werklijst.status_code == (200 if ANALYSE in ziet else 404), persona
    if werklijst.status_code == 200:
        assert "Anna de Vries" in tekst(werklijst)
    assert (casus.signalen.first() in selectors.gemelde_signalen(user)) == (
        persona == "docent")


@pytest.mark.parametrize("persona", sorted(MATRIX))
def test_het_zorgblok_op_de_leerlingpagina(zw, klik, casus, persona):
    status, ziet = MATRIX[persona]
    r = klik.als(_persona(zw, persona)).client.get(f"/leerlingen/{zw.anna.pk}/")
    if r.status_code == 404:
        assert persona in {"teamleider_bovenbouw", "buitenstaander", "beheerder", "superuser"}
        return
    pagina = tekst(r)
    assert ("Lopend zorgtraject" in pagina) == (SIGNAAL in ziet), persona
    assert ("Uw signaal van 24 november 2026: ontvangen en in behandeling" in pagina) == (
        persona == "docent")
    assert ("Zorgsignaal melden" in pagina) == (
        persona in {"docent", "andere_docent", "mentor", "teamleider", "zorgcoordinator"})


def test_de_meldcode_ook_niet_in_de_tijdlijn_voor_de_mentor(zw, klik, casus):
    pagina = tekst(klik.als(zw.mentor).pagina(casus))
    assert "Traject in het plan van aanpak: aanmelding bij externe hulpverlening" not in pagina
    assert "Plan van aanpak vastgesteld" in pagina
    assert "aanmelding bij externe hulpverlening (Jeugdformaat)" in pagina
    assert "Veilig Thuis" not in pagina


def test_een_zorgtoekenning_opent_het_zorgdossier_maar_niet_de_meldcode(zw, klik, casus):
    from zorg.services import zorgtoegang_verlenen

    zorgtoegang_verlenen(door=zw.zorgcoordinator, zorgdossier=casus, aan=zw.remedial_teacher,
                         tot=date(2027, 1, 31), reden="Leesbegeleiding.")
    assert toegang.zorginzage(zw.remedial_teacher, zw.anna).niveau == toegang.ZORG_VOLLEDIG
    pagina = tekst(klik.als(zw.remedial_teacher).pagina(casus))
    assert ANALYSE in pagina and PLAN in pagina
    assert MELDCODE not in pagina and MELDCODE_TITEL not in pagina
    assert casus in selectors.zorgdossiers_voor(zw.remedial_teacher)
    # The grant is listed with the pupil's other grants.
    assert "R. Remedial" in tekst(klik.als(zw.directie).client.get(
        f"/leerlingen/{zw.anna.pk}/"))


def test_een_superuser_en_de_beheerder_zien_geen_zorg(zw, casus):
    for user in (zw.superuser, zw.beheerder):
        assert toegang.zorginzage(user, zw.anna) == toegang.GEEN_ZORG
        assert not toegang.zorgleerlingen_voor(user).exists()
        assert not toegang.zorgscholen(user).exists()


#: The start page's care block: whose name it shows (zorgcoördinator and directie get the
#: work list's summary and the work list itself instead).
START = {"docent": "Uw", "andere_docent": None, "mentor": "Signalen en zorg van mijn leerlingen",
         "teamleider": "Zorgtrajecten waarbij u betrokken bent", "teamleider_bovenbouw": None,
         "zorgcoordinator": "1 open zorgtraject", "directie": "1 open zorgtraject",
         "remedial_teacher": None, "administratie": None}


@pytest.mark.parametrize("persona", sorted(START))
def test_het_zorgblok_op_de_startpagina(zw, klik, casus, persona):
    r = klik.als(getattr(zw, persona)).client.get(f"/zorg/start/{zw.school.pk}/")
    if persona == "administratie":
        assert r.status_code == 404  # no care role at all: no block
        return
    pagina = tekst(r)
    verwacht = START[persona]
    assert ("Anna de Vries" in pagina) == (persona in {"docent", "mentor", "teamleider"}), \
        persona
    if verwacht == "Uw":
        assert "Mijn zorgsignalen 24 november 2026 · Anna de Vries: ontvangen en in " \
               "behandeling" in pagina
    elif verwacht:
        assert verwacht in pagina, persona
    else:
        assert "Geen signalen of zorgtrajecten." in pagina, persona
    for geheim in (ANALYSE, PLAN, MELDCODE, SIGNAAL):
        assert geheim not in pagina


def test_buiten_de_eigen_school_geen_zorgblok(zw, klik, casus):
    assert klik.als(zw.buitenstaander).client.get(
        f"/zorg/start/{zw.school.pk}/").status_code == 404


def test_de_remedial_teacher_vindt_een_aangemeld_traject_op_de_startpagina(zw, klik):
    naar_fase(zw, "remedial_teacher")
    pagina = tekst(klik.als(zw.remedial_teacher).client.get(f"/zorg/start/{zw.school.pk}/"))
    assert "Zorgtrajecten waarbij u betrokken bent Leerling Fase" in pagina
    assert "Anna de Vries aangemeld bij de remedial teacher" in pagina


def test_een_school_die_het_anders_regelt_past_de_zorgtabel_per_preset_aan(zw, casus):
    # The care rules are statuut data: a statuut may, say, keep the teamleider out of care
    # files (its authority rows, as a school's preset or the admin writes them).
    from statuut.models import Bevoegdheid
    from statuut.selectors import statuut_op

    assert toegang.zorginzage(zw.teamleider, zw.anna).niveau == toegang.ZORG_GEDEELD
    Bevoegdheid.objects.filter(statuut=statuut_op(zw.school, date.today()),
                               actie__startswith="zorg.", rol="teamleider").delete()
    assert toegang.zorginzage(zw.teamleider, zw.anna) == toegang.GEEN_ZORG
    assert casus not in selectors.zorgdossiers_voor(zw.teamleider)


def test_de_werklijst_legt_vast_wie_welke_leerling_zag(zw, klik, casus):
    from dossiers.models import Inzage

    klik.als(zw.zorgcoordinator).client.get(f"/zorg/werklijst/{zw.school.pk}/")
    klik.pagina(casus)
    assert list(Inzage.objects.filter(user=zw.zorgcoordinator).order_by("pk").values_list(
        "lijst", "leerlingnummers", "leerling__roepnaam", "onderdeel", "soorten")) == [
        ("zorg: werklijst", zw.anna.leerlingnummer, None, "fase van het zorgtraject", "zorg"),
        ("", "", "Anna", "zorgdossier (niveau 4)", "zorg")]


def test_bij_noordgouw_ziet_een_andere_docent_het_dossier_maar_niet_de_zorgnotities(zw, klik):
    # Noordgouw art. 6.2 opens the personal dossier to the pupil's teachers, but the notes
    # the care route puts "in Magister" follow the care policy: a teacher without a care
    # relation reads neither them nor the care file (analysis, plan, meldcode); the mentor
    # reads the notes.
    from dossiers.models import Groep, Lesopdracht
    from statuut.models import Rol, SchoolVakantie
    from statuut.services import kalender_gewijzigd
    from tests.personas import maak_gebruiker
    from tests.zorg.conftest import VANDAAG
    from zorg import services

    for soort, van, tot in (("voorjaarsvakantie", date(2027, 2, 13), date(2027, 2, 21)),
                            ("meivakantie", date(2027, 4, 24), date(2027, 5, 2)),
                            ("zomervakantie", date(2027, 7, 10), date(2027, 8, 22))):
        SchoolVakantie.objects.create(school=zw.andere_school, schooljaar="2026-2027",
                                      soort=soort, eerste_dag=van, laatste_dag=tot)
    kalender_gewijzigd(school=zw.andere_school)
    groep = Groep.objects.get(school=zw.andere_school)
    docent = maak_gebruiker("ngdocent", "N. Docent", zw.andere_school, Rol.DOCENT)
    Lesopdracht.objects.create(docent=docent.medewerker, groep=groep, vak="Frans")
    zc = maak_gebruiker("ngzorg", "N. Zorg", zw.andere_school, Rol.ZORGCOORDINATOR)
    signaal = services.signaal_melden(door=zw.buitenstaander, leerling=zw.dirk, bron="mentor",
                                      categorieen=["verzuim"], waarneming="Vaak afwezig.",
                                      datum=VANDAAG)
    zd = signaal.zorgdossier
    services.gesprek_vastleggen(door=zw.buitenstaander, zorgdossier=zd, datum=VANDAAG,
                                bevestigd=True, notitie="Dirk erkent het verzuim.")
    services.consultatie_vastleggen(door=zc, zorgdossier=zd, datum=VANDAAG,
                                    aard_en_ernst="Zorgelijk.", keuze="zorgcoordinatoren")
    services.probleemanalyse_vastleggen(door=zc, zorgdossier=zd, gesprek_leerling_op=VANDAAG,
                                        gesprek_ouders_op=VANDAAG,
                                        analyse="Mantelzorg voor een zieke ouder.")
    assert klik.als(docent).pagina(zd).status_code == 404
    dossier = tekst(klik.client.get(f"/leerlingen/{zw.dirk.pk}/dossier/"))
    assert "Dirk erkent het verzuim." not in dossier
    assert "Mantelzorg" not in dossier
    assert "Vaak afwezig." not in dossier
    # The entry itself cannot be opened by its number either.
    from dossiers.models import Dossierstuk
    notitie = Dossierstuk.objects.filter(leerling=zw.dirk, inhoud__contains="erkent").first()
    assert klik.client.get(
        f"/leerlingen/{zw.dirk.pk}/dossier/{notitie.pk}/").status_code == 404
    # The mentor (zw.buitenstaander is Dirk's mentor at Noordgouw) reads them.
    dossier = tekst(klik.als(zw.buitenstaander).client.get(f"/leerlingen/{zw.dirk.pk}/dossier/"))
    assert "Dirk erkent het verzuim." in dossier


def test_een_verborgen_meldcode_evaluatie_antwoordt_als_een_die_niet_bestaat(zw, client):
    """Posting to an evaluation number must not reveal a meldcode trajectory: whoever may
    not record it gets 404, exactly as for a number that does not exist."""
    from zorg import services as s
    from zorg.models import Evaluatie

    zd = naar_fase(zw, "monitoring", meldcode=True)
    s.zorgtoegang_verlenen(door=zw.zorgcoordinator, zorgdossier=zd, aan=zw.andere_docent,
                           tot=date(2027, 6, 1), reden="begeleiding")
    evaluaties = list(Evaluatie.objects.filter(traject__zorgdossier=zd))
    assert any(e.traject.is_meldcode for e in evaluaties)
    for user in (zw.andere_docent, zw.mentor):
        client.force_login(user)
        for pk in [e.pk for e in evaluaties] + [999999]:
            assert client.post(f"/zorg/{zd.pk}/evaluaties/{pk}/", {}).status_code == 404


def test_de_leerlingpagina_legt_vast_dat_de_mentor_het_zorgblok_zag(zw, klik, casus):
    from dossiers.models import Inzage

    klik.als(zw.mentor).client.get(f"/leerlingen/{zw.anna.pk}/")
    # One row for the page, naming every part shown.
    rij = Inzage.objects.get(user=zw.mentor, leerling=zw.anna)
    assert "zorg: fase op leerlingpagina" in rij.onderdeel.split("; ")
    assert "zorg" in rij.soortenlijst
    # The signalling docent's panel shows no care data, so nothing of zorg is logged for him.
    klik.als(zw.docent).client.get(f"/leerlingen/{zw.anna.pk}/")
    assert not Inzage.objects.filter(user=zw.docent, onderdeel__startswith="zorg").exists()
