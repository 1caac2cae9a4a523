"""Every phase of a care case (seed 001) offers some demo role a step forward on the case page
(issue 12 point 1); only a closed case has none. The states are built through the services
(`elke_stand`: the steps of `naar_fase`, each state built once); giving a colleague access is
not a step forward."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.doodlopend import bekijk, personas

from .conftest import FASEN, elke_stand

STAP = re.compile(r"/zorg/\d+/(gesprek|consultatie|oudercontact|doorverwijzen|analyse|traject|"
                  r"plan|terugkoppeling|evaluaties/\d+|delen|afsluiten)/")


# --- offered == accepted (issue 13 point 3) ------------------------------------------------
# In every reachable state of a care case, each persona is offered on the case page exactly
# the steps the services accept from them (tests/doodlopend.py posts each step in a savepoint
# that is rolled back), and the signal page offers a signal exactly to whom may give one.


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


def test_elke_stand_biedt_iemand_een_stap_en_precies_wat_de_dienst_aanneemt(client, zw):
    """Every state of `STANDEN`, built once (`elke_stand`): each phase but the closed one
    offers some persona a step forward, the closed one none; the case page offers each
    persona exactly the steps the services accept; and in the states `gemeld` and
    `monitoring` the signal page offers a signal exactly to whom the service takes it from.
    One GET of the case page per persona serves both the dead-end and the offered ==
    accepted check (nothing is written in between)."""
    from tests.doodlopend import Blik, aangeboden_is_geaccepteerd

    wie = _wie(zw)
    _signaalpagina_eens(client, wie, zw.anna, "geen")  # before any case

    def bij(stand, zd):
        blik = bekijk(client, wie, reverse("zorg:dossier", args=[zd.pk]), stap=STAP)
        if stand == "afgesloten":
            # Asked of the demo roles (the remedial teacher, never referred on this route,
            # does not see the case).
            demo = Blik(stappen={r: s for r, s in blik.stappen.items()
                                 if r in personas(zw.w)})
            assert demo.stappen and not demo.iemand_kan_verder, demo.samenvatting()
        elif stand in FASEN:
            assert blik.iemand_kan_verder, (stand, blik.samenvatting())
        # Who does not see the case gets 404 for its page and every step alike (one lookup,
        # `zorg.views._zorgdossier`): checked in full in the first state.
        verschillen = aangeboden_is_geaccepteerd(
            client, wie, reverse("zorg:dossier", args=[zd.pk]), _stappen(zw, zd), blik=blik,
            wie_de_pagina_ziet=stand != "gemeld")
        assert verschillen == [], (stand, verschillen)
        if stand in ("gemeld", "monitoring"):
            _signaalpagina_eens(client, wie, zw.anna, stand)

    elke_stand(zw, bij)


def _signaalpagina_eens(client, wie, leerling, stand):
    from tests.doodlopend import aangeboden_is_geaccepteerd

    url = reverse("zorg:signaal", args=[leerling.pk])
    verschillen = aangeboden_is_geaccepteerd(client, wie, url, {url: {
        "bron": "docent", "categorieen": ["teruggetrokken"], "waarneming": "Stil.",
        "datum": "2026-11-24"}})
    assert verschillen == [], (stand, verschillen)
