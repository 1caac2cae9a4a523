"""Three grant forms posted at the same moment give one grant, and withdrawing it ends the
colleague's access (PostgreSQL, real row locks and the exclusion constraint)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dossiers import toegang
from dossiers.models import Toekenning


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("Gelijktijdigheid met echte rijvergrendeling: alleen met PostgreSQL "
                    "(zet DATABASE_URL).")


def _formulier(wereld) -> dict:
    vandaag = timezone.localdate()
    return {
        "toekenning-aan": wereld.docent_4h.pk,
        "toekenning-omvang": "dossier",
        "toekenning-reden": "Vervangt de mentor tijdens zijn verlof",
        "toekenning-geldig_vanaf": vandaag.isoformat(),
        "toekenning-geldig_tot": (vandaag + timedelta(days=30)).isoformat(),
    }


def test_drie_gelijktijdige_toekenningen_geven_er_een_en_intrekken_sluit_af(postgres, wereld):
    url = reverse("toekenning_verlenen", args=[wereld.anna.pk])
    start = threading.Barrier(3)
    statussen: list = [None] * 3

    def post(i):
        try:
            client = Client()
            client.force_login(wereld.directie)
            start.wait()
            statussen[i] = client.post(url, _formulier(wereld)).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert all(s in (200, 302) for s in statussen), statussen  # refused with a message, no 500
    assert Toekenning.objects.count() == 1
    assert toegang.mag_zien(wereld.docent_4h, wereld.anna, "dossier")

    client = Client()
    client.force_login(wereld.directie)
    t = Toekenning.objects.get()
    client.post(reverse("toekenning_intrekken", args=[wereld.anna.pk, t.pk]))
    assert Toekenning.objects.get().ingetrokken_op is not None
    assert not toegang.mag_zien(wereld.docent_4h, wereld.anna, "dossier")


def test_de_database_weigert_een_tweede_lopende_toekenning(postgres, wereld):
    vandaag = timezone.localdate()
    velden = dict(leerling=wereld.anna, user=wereld.docent_4h, omvang="dossier",
                  reden="x", verleend_door=wereld.directie)
    Toekenning.objects.create(geldig_vanaf=vandaag, geldig_tot=vandaag + timedelta(days=30),
                              **velden)
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        Toekenning.objects.create(geldig_vanaf=vandaag + timedelta(days=10),
                                  geldig_tot=vandaag + timedelta(days=40), **velden)
    # After the first ends, a new period is fine.
    Toekenning.objects.create(geldig_vanaf=vandaag + timedelta(days=31),
                              geldig_tot=vandaag + timedelta(days=40), **velden)
    assert Toekenning.objects.count() == 2
