"""The issue's example "the inspectie is given one dossier": an outside account with the role
`extern` sees nothing by its role, and exactly one pupil's data and dossier through a dated
grant given by the directie in the browser."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from dossiers import toegang
from dossiers.dossier import stuk_toevoegen
from statuut.models import Dossiersectie, Rol
from tests.personas import maak_gebruiker


def test_de_inspectie_krijgt_een_dossier_en_verder_niets(client, wereld):
    inspecteur = maak_gebruiker("inspecteur", "I. Inspecteur", wereld.school, Rol.EXTERN)
    stuk_toevoegen(door=wereld.mentor, leerling=wereld.anna, sectie=Dossiersectie.GEDRAG,
                   titel="Gesprek over gedrag in de les", inhoud="Afspraken gemaakt.")
    # By the role alone: nothing, and every pupil is a 404.
    assert not toegang.leerlingen_voor(inspecteur).exists()
    client.force_login(inspecteur)
    assert client.get(reverse("leerling", args=[wereld.anna.pk])).status_code == 404

    # The directie grants the inspector Anna's dossier for two weeks, in the browser.
    vandaag = timezone.localdate()
    client.force_login(wereld.directie)
    response = client.post(reverse("toekenning_verlenen", args=[wereld.anna.pk]), {
        "toekenning-aan": inspecteur.pk,
        "toekenning-omvang": "dossier",
        "toekenning-reden": "Onderzoek van de inspectie naar de schorsing van 3 november",
        "toekenning-geldig_vanaf": vandaag.isoformat(),
        "toekenning-geldig_tot": (vandaag + timedelta(days=14)).isoformat(),
    })
    assert response.status_code == 302

    client.force_login(inspecteur)
    assert list(toegang.leerlingen_voor(inspecteur)) == [wereld.anna]
    dossier = client.get(reverse("dossier", args=[wereld.anna.pk]))
    assert dossier.status_code == 200
    assert "Gesprek over gedrag in de les" in dossier.content.decode()
    # Only that pupil: Bram, at the same school, stays invisible.
    assert client.get(reverse("leerling", args=[wereld.bram.pk])).status_code == 404
    # The grant gives reading, never acting: no notes, corrections or grants.
    assert toegang.rechten(inspecteur, wereld.anna).handelingen == frozenset()
