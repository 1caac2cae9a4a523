"""Three schools on their own statuut: Echnaton and Noordgouw from the personas, Wijzer (a
primary school on seed 004) built here. The clock stands on Monday 23 November 2026."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dossiers.models import (
    Afdeling,
    Briefinstellingen,
    Groep,
    Ouder,
    Ouderschap,
)
from statuut import kalender
from statuut.models import Bestuur, Rol, School, SchoolVakantie
from statuut.presets import preset_laden
from statuut.services import kalender_gewijzigd
from tests import wereldvoorraad
from tests.personas import maak_gebruiker, maak_leerling

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def moment(j, m, d, u=9, mi=0) -> datetime:
    return datetime(j, m, d, u, mi, tzinfo=AMSTERDAM)


@pytest.fixture
def klok():
    with time_machine.travel(moment(2026, 11, 23), tick=False) as reiziger:
        yield reiziger


def _brieven(school: School, ouder: Ouder, adres: str) -> None:
    school.adres, school.postcode_plaats = "Schoolstraat 1", "3511 AB Utrecht"
    school.save()
    Briefinstellingen.objects.create(school=school, ondertekenaar_naam="R. Rector",
                                     ondertekenaar_functie="directeur", telefoon="030-1234567")
    ouder.adres, ouder.postcode = adres, "3512 CD"
    ouder.email = f"ouder.{school.korte_naam}@example.org"
    ouder.save()


@dataclass
class Scholen:
    w: object  # the personas (Echnaton)
    echnaton: School
    noordgouw: School
    wijzer: School
    afdelingsleider_ng: object
    directie_ng: object
    dirk: object
    directeur_wz: object
    leerkracht_wz: object
    sanne: object
    zorg_ng: object = None


@wereldvoorraad.bewaard(ouder="termijnwereld", ook=("klok",))
def scholen(w) -> Scholen:
    """Kept between tests, like the world (tests/wereldvoorraad.py): built once, on the
    morning of the tests' `klok`."""
    with time_machine.travel(moment(2026, 11, 23), tick=False):
        return _scholen_bouwen(w)


def _scholen_bouwen(w) -> Scholen:
    _brieven(w.school, Ouder.objects.get(achternaam="Vries"), "Lindelaan 4")

    # Noordgouw (region noord lacks part of 2026-2027 in the shipped data: the school's own)
    ng = w.andere_school
    for soort, van, tot in [("voorjaarsvakantie", date(2027, 2, 13), date(2027, 2, 21)),
                            ("meivakantie", date(2027, 4, 24), date(2027, 5, 2)),
                            ("zomervakantie", date(2027, 7, 10), date(2027, 8, 22))]:
        SchoolVakantie.objects.create(school=ng, schooljaar="2026-2027", soort=soort,
                                      eerste_dag=van, laatste_dag=tot)
    kalender_gewijzigd(school=ng)
    afdeling = Afdeling.objects.get(school=ng)
    afdelingsleider = maak_gebruiker("afdelingsleider-ng", "A. Afdelingsleider", ng,
                                     Rol.TEAMLEIDER, afdeling=afdeling)
    zorg_ng = maak_gebruiker("zorg-ng", "Z. Zorgcoördinator", ng, Rol.ZORGCOORDINATOR)
    dirk = w.dirk
    ouder_ng = Ouder.objects.create(voorletters="K.", achternaam="Visser")
    Ouderschap.objects.create(leerling=dirk, ouder=ouder_ng, relatie="vader")
    _brieven(ng, ouder_ng, "Dorpsweg 2")

    # Wijzer: a primary school on its protocol (seed 004)
    wz = School.objects.create(bestuur=Bestuur.objects.get(), naam="Basisschool Wijzer",
                               korte_naam="wijzer", brin="56EF", regio="midden",
                               onderwijssoort="po", tweede_factor="niet_verplicht")
    preset_laden(school=wz, preset="wijzer-2024")
    SchoolVakantie.objects.create(school=wz, schooljaar="2026-2027", soort="meivakantie",
                                  eerste_dag=date(2027, 4, 24), laatste_dag=date(2027, 5, 2))
    kalender_gewijzigd(school=wz)
    bouw = Afdeling.objects.create(school=wz, naam="Bovenbouw")
    groep = Groep.objects.create(school=wz, schooljaar=w.schooljaar, afdeling=bouw, naam="6")
    directeur = maak_gebruiker("directeur-wz", "W. Directeur", wz, Rol.DIRECTIE)
    leerkracht = maak_gebruiker("leerkracht-wz", "L. Leerkracht", wz, Rol.MENTOR)
    groep.mentoren.add(leerkracht.medewerker)
    sanne = maak_leerling(wz, "3001", "Sanne", "Smit", groep, geboortedatum=date(2017, 5, 2))
    ouder_wz = Ouder.objects.create(voorletters="P.", achternaam="Smit")
    Ouderschap.objects.create(leerling=sanne, ouder=ouder_wz, relatie="moeder")
    _brieven(wz, ouder_wz, "Kerkstraat 9")
    kalender.vergeet_cache()
    return Scholen(w=w, echnaton=w.school, noordgouw=ng, wijzer=wz,
                   afdelingsleider_ng=afdelingsleider, directie_ng=w.buitenstaander, dirk=dirk,
                   directeur_wz=directeur, leerkracht_wz=leerkracht, sanne=sanne,
                   zorg_ng=zorg_ng)
