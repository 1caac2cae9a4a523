import pytest

from dossiers.models import Briefinstellingen, Ouder


@pytest.fixture
def school_met_brieven(wereld):
    wereld.school.adres, wereld.school.postcode_plaats = "Schoolstraat 1", "3511 AB Utrecht"
    wereld.school.save()
    Briefinstellingen.objects.create(school=wereld.school, ondertekenaar_naam="R. Rector",
                                     ondertekenaar_functie="rector", telefoon="030-1234567")
    ouder = Ouder.objects.get(achternaam="Vries")
    ouder.adres, ouder.postcode, ouder.email = "Lindelaan 4", "3512 CD", "ouder@example.org"
    ouder.save()
    return wereld
