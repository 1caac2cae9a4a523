"""Sending out of class at Echnaton (the personas) and Noordgouw (the personas' other
school, with an afdelingsleider and a teacher of its own). The clock stands on Friday
20 November 2026, in the third lesson."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dossiers.models import Afdeling, Briefinstellingen, Groep, Lesopdracht, Ouder, Ouderschap
from statuut import kalender
from statuut.models import Rol, SchoolVakantie
from statuut.services import kalender_gewijzigd
from tests import wereldvoorraad
from tests.personas import maak_gebruiker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def moment(j, m, d, u=10, mi=15) -> datetime:
    return datetime(j, m, d, u, mi, tzinfo=AMSTERDAM)


@pytest.fixture
def vrijdag():
    with time_machine.travel(moment(2026, 11, 20), tick=False) as reiziger:
        yield reiziger


@dataclass
class Uitstuurwereld:
    w: object
    afdelingsleider_ng: object
    docent_ng: object
    dirk: object


def _brieven(school, ouder, adres: str) -> None:
    school.adres, school.postcode_plaats = "Schoolstraat 1", "3511 AB Utrecht"
    school.save()
    Briefinstellingen.objects.get_or_create(
        school=school, defaults={"ondertekenaar_naam": "R. Rector",
                                 "ondertekenaar_functie": "directeur",
                                 "telefoon": "030-1234567"})
    ouder.adres, ouder.postcode = adres, "3512 CD"
    ouder.save()


@wereldvoorraad.bewaard(ouder="termijnwereld", ook=("vrijdag",))
def uitstuurwereld(w) -> Uitstuurwereld:
    """Kept between tests, like the world: built once."""
    with time_machine.travel(moment(2026, 11, 20), tick=False):
        _brieven(w.school, Ouder.objects.get(achternaam="Vries"), "Lindelaan 4")
        ng = w.andere_school
        for soort, van, tot in [("voorjaarsvakantie", date(2027, 2, 13), date(2027, 2, 21)),
                                ("meivakantie", date(2027, 4, 24), date(2027, 5, 2)),
                                ("zomervakantie", date(2027, 7, 10), date(2027, 8, 22))]:
            SchoolVakantie.objects.create(school=ng, schooljaar="2026-2027", soort=soort,
                                          eerste_dag=van, laatste_dag=tot)
        kalender_gewijzigd(school=ng)
        afdeling = Afdeling.objects.get(school=ng)
        afdelingsleider = maak_gebruiker("afdelingsleider-uit", "A. Afdelingsleider", ng,
                                         Rol.TEAMLEIDER, afdeling=afdeling)
        docent = maak_gebruiker("docent-ng-uit", "N. Docent", ng, Rol.DOCENT)
        Lesopdracht.objects.create(docent=docent.medewerker,
                                   groep=Groep.objects.get(school=ng), vak="biologie")
        ouder_ng = Ouder.objects.create(voorletters="K.", achternaam="Visser")
        Ouderschap.objects.create(leerling=w.dirk, ouder=ouder_ng, relatie="vader")
        _brieven(ng, ouder_ng, "Dorpsweg 2")
        kalender.vergeet_cache()
        return Uitstuurwereld(w=w, afdelingsleider_ng=afdelingsleider, docent_ng=docent,
                              dirk=w.dirk)
