"""The real-worker harness itself, on a task with a visible effect: a grant past its end
loses its guardian row when the nightly clean-up runs in a real worker."""

from datetime import date

from guardian.shortcuts import assign_perm

from dossiers.models import LeerlingUserObjectPermission, Toekenning
from dossiers.tasks import toekenningen_opruimen
from tests.taken.conftest import wacht_tot


def test_de_nachtelijke_opruiming_draait_in_een_echte_worker(werker, wereld):
    Toekenning.objects.create(
        leerling=wereld.anna, user=wereld.docent_4h, omvang="beperkt", reden="verlof mentor",
        verleend_door=wereld.directie, geldig_vanaf=date(2020, 1, 1), geldig_tot=date(2020, 6, 30),
    )
    assign_perm("dossiers.view_leerling", wereld.docent_4h, wereld.anna)
    assert LeerlingUserObjectPermission.objects.count() == 1
    werker()
    toekenningen_opruimen.delay()
    wacht_tot(lambda: LeerlingUserObjectPermission.objects.count() == 0,
              wat="guardian-rij verwijderd door de worker")
