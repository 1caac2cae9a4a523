"""A care case's letter follows the zorg policy (issues 11 and 12): the zorgcoördinator who
asked for the invitation and the pupil's mentor open it, although the Echnaton matrix gives
the zorgcoördinator no dossier; the administratie, who sends it, does not. The care block as
a page of its own writes the read log (one row)."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dossiers.brieven.services import brief_aanvragen, brief_maken
from dossiers.models import Brief, Inzage

from .conftest import naar_fase


@pytest.fixture
def zorgbrief(zw) -> Brief:
    zd = naar_fase(zw, "terugkoppeling")
    # As `zorg.services.terugkoppeling_vastleggen` asks for it (stap 5).
    brief = brief_aanvragen(
        door=zw.zorgcoordinator, leerling=zw.anna, soort="uitnodiging_gesprek",
        sleutel=f"zorg:{zd.pk}:terugkoppeling", bron=zd,
        gegevens={"gesprek_datum": "1 december 2026", "gesprek_tijd": "15:30",
                  "plaats": "kamer zorg", "aanleiding": "de begeleiding van Anna op school",
                  "met_wie": "Z. Zorg, zorgcoördinator"})
    brief_maken(brief.pk)
    return Brief.objects.get(pk=brief.pk)


@pytest.mark.parametrize("wie", ["zorgcoordinator", "mentor"])
def test_wie_het_zorgtraject_ziet_opent_de_uitnodiging(client, zw, zorgbrief, wie):
    user = getattr(zw, wie)
    client.force_login(user)
    pdf = client.get(reverse("brief_pdf", args=[zorgbrief.pk]))
    assert pdf.status_code == 200
    tekst = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "Uitnodiging voor een gesprek" in " ".join(tekst.split())
    rij = Inzage.objects.get(user=user, object_type__model="brief")
    assert (rij.leerling, rij.soorten) == (zw.anna, "zorg")


@pytest.mark.parametrize("wie", ["administratie", "docent", "beheerder"])
def test_wie_het_zorgtraject_niet_ziet_krijgt_404(client, zw, zorgbrief, wie):
    client.force_login(getattr(zw, wie))
    assert client.get(reverse("brief_pdf", args=[zorgbrief.pk])).status_code == 404


def test_het_zorgblok_als_eigen_pagina_schrijft_een_rij(client, zw):
    naar_fase(zw, "consultatie")
    client.force_login(zw.mentor)
    assert client.get(reverse("zorg:start", args=[zw.school.pk])).status_code == 200
    [rij] = Inzage.objects.filter(user=zw.mentor)
    assert (rij.lijst, rij.leerlingnummers, rij.aantal, rij.soorten) == (
        "zorg: signalen en zorgtrajecten", zw.anna.leerlingnummer, 1, "zorg")
