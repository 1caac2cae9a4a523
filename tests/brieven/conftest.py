import pytest

from dossiers.models import Briefinstellingen, Ouder


@pytest.fixture
def school_met_brieven(wereld):
    """The personas' school with an address and letter settings, and Anna's parent with a
    postal and an e-mail address."""
    wereld.school.adres, wereld.school.postcode_plaats = "Schoolstraat 1", "3511 AB Utrecht"
    wereld.school.save()
    Briefinstellingen.objects.create(school=wereld.school, ondertekenaar_naam="R. Rector",
                                     ondertekenaar_functie="rector", telefoon="030-1234567",
                                     email="administratie@school.example",
                                     voettekst="Echnaton Testcollege · BRIN 12AB")
    ouder = Ouder.objects.get(achternaam="Vries")
    ouder.adres, ouder.postcode, ouder.email = "Lindelaan 4", "3512 CD", "ouder@example.org"
    ouder.save()
    return wereld
