"""Every phase of a care case (seed 001) offers some demo role a step forward on the case page
(issue 12 point 1); only a closed case has none. The phases are built through the services
(`naar_fase`); giving a colleague access is not a step forward."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.doodlopend import bekijk, personas

from .conftest import FASEN, naar_fase

STAP = re.compile(r"/zorg/\d+/(gesprek|consultatie|oudercontact|doorverwijzen|analyse|traject|"
                  r"plan|terugkoppeling|evaluaties/\d+|delen|afsluiten)/")


@pytest.mark.parametrize("fase", [f for f in FASEN if f != "afgesloten"])
def test_elke_fase_van_een_zorgtraject_biedt_iemand_een_volgende_stap(client, zw, fase):
    zd = naar_fase(zw, fase)
    assert zd.fase == fase
    blik = bekijk(client, personas(zw.w) | {"remedial_teacher": zw.remedial_teacher},
                  reverse("zorg:dossier", args=[zd.pk]), stap=STAP)
    assert blik.iemand_kan_verder, (fase, blik.samenvatting())


def test_een_afgesloten_zorgtraject_biedt_niemand_nog_een_stap(client, zw):
    zd = naar_fase(zw, "afgesloten")
    blik = bekijk(client, personas(zw.w), reverse("zorg:dossier", args=[zd.pk]), stap=STAP)
    assert blik.stappen and not blik.iemand_kan_verder, blik.samenvatting()
