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


# --- offered == accepted (issue 13 point 3) ------------------------------------------------
# In every reachable state of a care case, each persona is offered on the case page exactly
# the steps the services accept from them (tests/doodlopend.py posts each step in a savepoint
# that is rolled back), and the signal page offers a signal exactly to whom may give one.

#: The reachable states: every phase, the plan with and without a trajectory, monitoring
#: with a meldcode trajectory (its evaluation only for whom sees the meldcode).
STANDEN = [*FASEN, "plan_met_traject", "monitoring_met_meldcode"]


def _stand(zw, stand: str):
    from datetime import date

    from zorg import services

    if stand == "monitoring_met_meldcode":
        return naar_fase(zw, "monitoring", meldcode=True)
    if stand == "plan_met_traject":
        zd = naar_fase(zw, "plan")
        services.traject_toevoegen(door=zw.zorgcoordinator, zorgdossier=zd,
                                   soort="eigen_begeleiding", doelen="Rust in de klas.",
                                   wie_doet_wat="De zorgcoördinator.",
                                   evaluatiedata=[date(2026, 12, 8)])
        return zd
    return naar_fase(zw, stand)


def _stappen(zw, zd) -> dict[str, dict]:
    """Every step of the case with valid data (the page decides whether it is offered)."""
    from datetime import date

    from zorg.models import Evaluatie

    from .test_weigeringen import GEGEVENS

    def waarden(data: dict) -> dict:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in data.items()}

    uit = {reverse(f"zorg:{naam}", args=[zd.pk]): waarden(data)
           for naam, data in GEGEVENS.items()}
    uit[reverse("zorg:toegang", args=[zd.pk])] = waarden(
        {"aan": zw.andere_docent.pk, "tot": date(2027, 1, 31), "reden": "Meekijken."})
    for e in Evaluatie.objects.filter(traject__zorgdossier=zd):
        uit[reverse("zorg:evaluatie", args=[zd.pk, e.pk])] = {
            f"e{e.pk}-datum": "2026-11-24", f"e{e.pk}-verslag": "Gaat goed."}
    return uit


def _wie(zw) -> dict:
    return personas(zw.w) | {"remedial_teacher": zw.remedial_teacher}


@pytest.mark.parametrize("stand", STANDEN)
def test_de_zorgpagina_biedt_precies_wat_de_dienst_aanneemt(client, zw, stand):
    from tests.doodlopend import aangeboden_is_geaccepteerd

    zd = _stand(zw, stand)
    verschillen = aangeboden_is_geaccepteerd(
        client, _wie(zw), reverse("zorg:dossier", args=[zd.pk]), _stappen(zw, zd))
    assert verschillen == [], (stand, verschillen)


@pytest.mark.parametrize("stand", ["geen", "gemeld", "monitoring"])
def test_de_signaalpagina_biedt_precies_wat_de_dienst_aanneemt(client, zw, stand):
    from tests.doodlopend import aangeboden_is_geaccepteerd

    if stand != "geen":
        _stand(zw, stand)
    url = reverse("zorg:signaal", args=[zw.anna.pk])
    verschillen = aangeboden_is_geaccepteerd(client, _wie(zw), url, {url: {
        "bron": "docent", "categorieen": ["teruggetrokken"], "waarneming": "Stil.",
        "datum": "2026-11-24"}})
    assert verschillen == [], (stand, verschillen)
