from datetime import date

import pytest

from statuut import kalender
from statuut.models import SchoolVakantie
from statuut.services import kalender_gewijzigd, regiovakanties_laden


@pytest.fixture
def termijnwereld(wereld):
    """The personas with a complete 2026-2027 calendar (region midden lacks the meivakantie
    in the shipped data; the school enters its own, as the demo does) and e-mail addresses."""
    kalender.vergeet_cache()
    regiovakanties_laden()
    SchoolVakantie.objects.create(school=wereld.school, schooljaar="2026-2027",
                                  soort="meivakantie", eerste_dag=date(2027, 4, 24),
                                  laatste_dag=date(2027, 5, 2))
    kalender_gewijzigd(school=wereld.school)
    for naam in ("mentor", "teamleider", "teamleider_bovenbouw", "directie", "zorgcoordinator"):
        user = getattr(wereld, naam)
        user.email = f"{user.username}@school.example"
        user.save()
    yield wereld
    kalender.vergeet_cache()
