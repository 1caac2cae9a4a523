"""Offered == accepted (issue 13 point 3) for te laat en verzuim: in each state, every demo
persona is offered exactly the steps the services accept for them."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tests import doodlopend
from verzuim import perioden, services, stappen
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
    # The talk at 6 (bijlage A): the invitation and the step itself, to its holder only.
    w.groep_4h.mentoren.add(w.mentor.medewerker)
    for dag in (date(2026, 10, 13), date(2026, 10, 14), date(2026, 10, 15),
                date(2026, 10, 16), date(2026, 10, 26), date(2026, 10, 27)):
        services.te_laat_registreren(door=w.docent_4h, leerling=w.chris, datum=dag,
                                     lesuur=1, minuten=5)
    gesprek = Drempelactie.objects.get(leerling=w.chris, drempelcode="te-laat-bovenbouw-6")
    verschillen += doodlopend.aangeboden_is_geaccepteerd(
        client, wie, f"/verzuim/actie/{gesprek.pk}/", {
            f"/verzuim/actie/{gesprek.pk}/uitnodigen/": {
                "datum": "2026-11-26", "tijd": "15:30", "plaats": "Kamer 2.14"},
            f"/verzuim/actie/{gesprek.pk}/afhandelen/": {"notitie": "Gesprek gevoerd."}})
    # Signalling a threshold without a number: Echnaton has none, so nobody is offered it.
    url = f"/verzuim/leerling/{w.anna.pk}/signaleren/"
    verschillen += doodlopend.aangeboden_is_geaccepteerd(
        client, wie, f"/verzuim/leerling/{w.anna.pk}/",
        {url: {"drempelcode": "vaker-absent", "toelichting": "x"}})
    assert verschillen == []


def test_verlof_aangeboden_is_geaccepteerd(client, termijnwereld):
    """A leave request in each state, ten school days (the directeur) and eleven (the
    leerplichtambtenaar, through doorsturen)."""
    w = termijnwereld
    wie = doodlopend.personas(w)
    verschillen = doodlopend.aangeboden_is_geaccepteerd(client, wie, "/verzuim/verlof/", {
        "/verzuim/verlof/": {"leerling": w.anna.pk, "eerste_dag": "2026-12-01",
                             "laatste_dag": "2026-12-02", "aangevraagd_door": "moeder",
                             "reden": "bruiloft", "ontvangen_op": "2026-11-02"}})
    for tot, vervolg in [(date(2026, 10, 30), ["toekennen"]),
                         (date(2026, 11, 2), ["doorsturen", "afwijzen"])]:
        aanvraag = services.verlof_registreren(
            door=w.administratie, leerling=w.anna, eerste_dag=date(2026, 10, 12),
            laatste_dag=tot, reden="bruiloft", aangevraagd_door="moeder",
            ontvangen_op=date(2026, 9, 20))
        for volgende in [*vervolg, None]:
            pagina = f"/verzuim/verlof/{aanvraag.pk}/"
            verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie, pagina, {
                f"{pagina}{stap}/": {"motivering": "m"} for stap in stappen.VERLOFSTAPPEN})
            if volgende:
                door = w.directie if volgende == "toekennen" else w.administratie
                aanvraag = services.verlof_stap(door=door, aanvraag=aanvraag, stap=volgende,
                                                motivering="m")
    assert verschillen == []
