"""The care rules are authority rows of each statuut (issue 13): per preset, read from the
rows (not from code), who may see the meldcode and who takes each step of the care route
(seed 001). No shipped preset differs; an existing database gets the same rows."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from dossiers import toegang
from statuut.models import Bestuur, Bevoegdheid, Omvang, School, Statuut
from statuut.presets import PRESETS, preset_laden
from zorg import stappen
from zorg.models import Zorgfase
from zorg.toegang import ZORG_INZIEN, ZORG_MELDCODE, ZORG_VOLLEDIG, ZORGACTIES

pytestmark = pytest.mark.django_db

EIGEN, SCHOOL = Omvang.EIGEN_LEERLINGEN, Omvang.SCHOOL

#: Seed 001 and the DEFAULTs of issue 6, per action: (role, scope, level).
VERWACHT = {
    # Who sees which level of the care file: the mentor and the teamleider what is shared
    # (2), the remedial teacher the whole case referred to them (3), zorgcoördinatoren and
    # directie every case with the meldcode (4).
    "zorg.inzien": {("mentor", EIGEN, 2), ("teamleider", EIGEN, 2),
                    ("remedial_teacher", EIGEN, 3), ("zorgcoordinator", SCHOOL, 4),
                    ("directie", SCHOOL, 4)},
    # Stap 1a: a docent, the mentor (and the teamleider, DEFAULT) of the pupil; the
    # zorgcoördinator of any pupil.
    "zorg.signaleren": {("docent", EIGEN, None), ("mentor", EIGEN, None),
                        ("teamleider", EIGEN, None), ("zorgcoordinator", SCHOOL, None)},
    "zorg.mentor": {("mentor", EIGEN, None)},  # stap 1a, 1b, 2.1
    "zorg.consulteren": {("mentor", EIGEN, None), ("zorgcoordinator", SCHOOL, None)},  # 2
    "zorg.coordineren": {("zorgcoordinator", SCHOOL, None)},  # stap 3-5
    "zorg.remedial": {("remedial_teacher", EIGEN, None)},  # stap 2.2
}

#: Who takes each step of the case page, per phase where it differs (seed 001).
NEEMT = {
    "gesprek": {"mentor"}, "consultatie": {"mentor", "zorgcoordinator"},
    "oudercontact": {"mentor"}, "doorverwijzen": {"mentor"}, "analyse": {"zorgcoordinator"},
    "traject": {"zorgcoordinator"}, "plan": {"zorgcoordinator"},
    "terugkoppeling": {"zorgcoordinator"}, "evaluatie": {"zorgcoordinator"},
    "delen": {"zorgcoordinator"}, "toegang": {"zorgcoordinator"},
}
NEEMT_PER_FASE = {
    ("doorverwijzen", Zorgfase.REMEDIAL_TEACHER): {"remedial_teacher"},
    ("afsluiten", Zorgfase.OBSERVATIE): {"mentor"},
    ("afsluiten", Zorgfase.MENTORTRAJECT): {"mentor"},
    ("afsluiten", Zorgfase.REMEDIAL_TEACHER): {"remedial_teacher"},
    ("afsluiten", Zorgfase.MONITORING): {"zorgcoordinator"},
}


def _statuut(preset: str) -> Statuut:
    bestuur = Bestuur.objects.create(naam="Stichting Zorgrijen")
    school = School.objects.create(bestuur=bestuur, naam="School", korte_naam="school",
                                   brin="99ZZ", regio="midden")
    return preset_laden(school=school, preset=preset)


def _rijen(statuut) -> dict[str, set[tuple]]:
    uit: dict[str, set[tuple]] = {}
    for rij in Bevoegdheid.objects.filter(statuut=statuut, actie__startswith="zorg."):
        uit.setdefault(rij.actie, set()).add((rij.rol, rij.omvang, rij.niveau))
    return uit


@pytest.mark.parametrize("preset", PRESETS)
def test_de_zorgrijen_van_elk_statuut_volgen_de_zorgroute(preset):
    assert _rijen(_statuut(preset)) == VERWACHT


@pytest.mark.parametrize("preset", PRESETS)
def test_de_meldcode_zien_alleen_zorgcoordinatoren_en_directie_voor_de_hele_school(preset):
    statuut = _statuut(preset)
    assert toegang.rollen_voor(statuut, ZORG_INZIEN, niveau=ZORG_MELDCODE) == {
        "zorgcoordinator", "directie"}
    assert {r.omvang for r in toegang.rijen(statuut, ZORG_INZIEN, niveau=ZORG_MELDCODE)} == {
        SCHOOL}
    # The whole case (not the meldcode): also the remedial teacher a case is referred to.
    assert toegang.rollen_voor(statuut, ZORG_INZIEN, niveau=ZORG_VOLLEDIG) == {
        "zorgcoordinator", "directie", "remedial_teacher"}


@pytest.mark.parametrize("preset", PRESETS)
def test_wie_elke_stap_zet_staat_in_de_rijen(preset):
    statuut = _statuut(preset)
    for naam, stap in stappen.STAPPEN.items():
        for fase in stap.mogelijk_in():
            wie = stap.wie_in(fase)
            verwacht = NEEMT_PER_FASE.get((naam, fase), NEEMT.get(naam))
            assert wie is not None and toegang.rollen_voor(statuut, wie.actie) == verwacht, (
                naam, fase)


def test_de_stappen_volgen_de_overgangen():
    # django-fsm is the one description of the states: a step that moves the case is
    # possible exactly where its transitions leave from.
    fasen = {naam: set(stap.mogelijk_in()) for naam, stap in stappen.STAPPEN.items()}
    assert fasen["gesprek"] == {Zorgfase.GEMELD, Zorgfase.OBSERVATIE}
    assert fasen["consultatie"] == {Zorgfase.CONSULTATIE, Zorgfase.OBSERVATIE}
    assert fasen["afsluiten"] == {Zorgfase.OBSERVATIE, Zorgfase.MENTORTRAJECT,
                                  Zorgfase.REMEDIAL_TEACHER, Zorgfase.MONITORING}
    for naam, stap in stappen.STAPPEN.items():
        assert {f for f, _wie in stap.per_fase} <= fasen[naam], naam
        assert Zorgfase.AFGESLOTEN not in fasen[naam], naam


def test_een_bestaande_database_krijgt_dezelfde_rijen(db):
    # The data migration gives a statuut version loaded before the rows existed the same rows
    # as the presets (sleutel, scope and level).
    migratie = importlib.import_module("zorg.migrations.0003_zorgregels_als_bevoegdheden")
    statuut = _statuut("echnaton-2009")
    verwacht = _rijen(statuut)
    Bevoegdheid.objects.filter(statuut=statuut, actie__in=ZORGACTIES).delete()
    migratie.zorgregels_als_rijen(apps, None)
    assert _rijen(statuut) == verwacht
    migratie.zorgregels_als_rijen(apps, None)  # twice: nothing doubled
    assert Bevoegdheid.objects.filter(statuut=statuut, actie__in=ZORGACTIES).count() == 14
