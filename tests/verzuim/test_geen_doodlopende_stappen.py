"""Offered == accepted (issue 13 point 3) for te laat en verzuim: in each state, every demo
persona is offered exactly the steps the services accept for them."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests import doodlopend
from verzuim import perioden, services
from verzuim.models import Drempelactie, Melding, Oordeel


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel("2026-11-20 10:00 +0100", tick=False):
        perioden.vergeet_cache()
        yield
    perioden.vergeet_cache()


def test_aangeboden_is_geaccepteerd(client, termijnwereld):
    w = termijnwereld
    wie = doodlopend.personas(w)
    verschillen = []
    # Registering: the page offers the form to whom the rows give pupils.
    for pagina, data in [
            ("/verzuim/te-laat/", {"leerling": w.anna.pk, "datum": "2026-11-19", "lesuur": 3,
                                   "minuten": 5, "oordeel": Oordeel.ONGEOORLOOFD}),
            ("/verzuim/absentie/", {"leerling": w.anna.pk, "datum": "2026-11-19", "uren": 2,
                                    "melding": Melding.VOORAF_GEMELD,
                                    "oordeel": Oordeel.GEOORLOOFD})]:
        verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie, pagina,
                                                             {pagina: data})
    # Judging, in each state of the registration.
    te_laat = services.te_laat_registreren(door=w.administratie, leerling=w.anna,
                                           datum=date(2026, 11, 2), lesuur=1, minuten=5,
                                           oordeel=Oordeel.NOG_TE_BEOORDELEN)
    url = f"/verzuim/te-laat/{te_laat.pk}/beoordelen/"
    for oordeel in (Oordeel.GEOORLOOFD, Oordeel.ONGEOORLOOFD, Oordeel.GEOORLOOFD):
        verschillen += doodlopend.aangeboden_is_geaccepteerd(
            client, wie, url, {url: {"oordeel": oordeel, "toelichting": "briefje"}})
        te_laat = services.beoordelen(door=w.mentor, registratie=te_laat, oordeel=oordeel,
                                      toelichting="walk")
    # The leerplicht report: open, then done.
    for dag in (date(2026, 11, 16), date(2026, 11, 17)):
        services.absentie_registreren(door=w.administratie, leerling=w.anna, datum=dag,
                                      uren=8, melding=Melding.NIET_GEMELD,
                                      oordeel=Oordeel.ONGEOORLOOFD)
    actie = Drempelactie.objects.get(leerling=w.anna)
    stap = {f"/verzuim/actie/{actie.pk}/afhandelen/": {"notitie": "Gemeld bij DUO."}}
    verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie,
                                                         f"/verzuim/actie/{actie.pk}/", stap)
    services.actie_afhandelen(door=w.administratie, actie=actie, notitie="Gemeld bij DUO.")
    verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie,
                                                         f"/verzuim/actie/{actie.pk}/", stap)
    assert verschillen == []
