import pytest

from statuut import kalender
from statuut.models import Bestuur, School
from statuut.services import regiovakanties_laden


@pytest.fixture(autouse=True)
def _verse_kalender():
    # Tables are cached per process; each test starts from its own database state.
    kalender.vergeet_cache()
    yield
    kalender.vergeet_cache()


@pytest.fixture
def vakanties(db):
    regiovakanties_laden()


@pytest.fixture
def bestuur(db):
    return Bestuur.objects.create(naam="Stichting Testscholen")


@pytest.fixture
def school_midden(bestuur, vakanties):
    return School.objects.create(
        bestuur=bestuur, naam="Testcollege Midden", korte_naam="midden", brin="11AA",
        regio="midden", onderwijssoort="vo",
    )
