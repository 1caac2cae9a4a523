import pytest
from django.db import IntegrityError, transaction

from dossiers.models import Roltoewijzing
from statuut.models import Rol


def test_the_same_role_twice_at_a_school_is_refused_with_or_without_afdeling(wereld):
    medewerker = wereld.directie.medewerker
    with pytest.raises(IntegrityError), transaction.atomic():
        Roltoewijzing.objects.create(medewerker=medewerker, school=wereld.school,
                                     rol=Rol.DIRECTIE)
    teamleider = wereld.teamleider.medewerker
    afdeling = teamleider.rollen.get(rol=Rol.TEAMLEIDER).afdeling
    with pytest.raises(IntegrityError), transaction.atomic():
        Roltoewijzing.objects.create(medewerker=teamleider, school=wereld.school,
                                     rol=Rol.TEAMLEIDER, afdeling=afdeling)
    # A teamleider of a second department is a different assignment.
    tweede = wereld.school.afdelingen.exclude(pk=afdeling.pk).first()
    Roltoewijzing.objects.create(medewerker=teamleider, school=wereld.school,
                                 rol=Rol.TEAMLEIDER, afdeling=tweede)
    assert teamleider.rollen.filter(rol=Rol.TEAMLEIDER).count() == 2
