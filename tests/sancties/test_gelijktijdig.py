"""Two directie members decide the same schorsing at the same moment: the row lock lets one
decide; the other is told it was already decided. Only PostgreSQL locks rows."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, connections

from dossiers.models import Brief
from sancties import services
from sancties.models import Schorsing
from statuut.models import Rol, Termijn
from statuut.services import InvoerFout
from tests.personas import maak_gebruiker

from .conftest import moment

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="select_for_update vergrendelt alleen in PostgreSQL; SQLite kent geen rijsloten.")


@pytest.mark.django_db(transaction=True)
def test_twee_directieleden_besluiten_tegelijk_en_er_is_een_besluit(scholen, klok):
    w = scholen.w
    tweede = maak_gebruiker("directie2", "S. Conrector", w.school, Rol.DIRECTIE)
    schorsing = services.schorsing_voorstellen(
        door=w.directie, leerling=w.anna, gronden=["Diefstal"], ernst="ernstig",
        feiten="Telefoon gestolen.", eerste_dag=date(2026, 11, 25), schooldagen=3)
    services.hoorgesprek_plannen(door=w.directie, schorsing=schorsing,
                                 op=moment(2026, 11, 23, 13), plaats="kamer")
    services.hoorgesprek_vastleggen(door=w.directie, schorsing=schorsing,
                                    gehoord_op=date(2026, 11, 23), gehoord_door=[w.directie],
                                    ouders_aanwezig=True, verslag="Gehoord.")

    start = threading.Barrier(2)
    uitkomst: dict[str, str] = {}

    def besluit(user, motivering):
        try:
            start.wait(timeout=10)
            services.schorsing_besluiten(door=user, schorsing=schorsing,
                                         eerste_dag=date(2026, 11, 25), schooldagen=3,
                                         motivering=motivering, opdrachten="")
            uitkomst[user.username] = "besloten"
        except InvoerFout as fout:
            uitkomst[user.username] = str(fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=besluit, args=(u, f"Motivering van {u.username}"))
              for u in (w.directie, tweede)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=60)

    assert list(uitkomst.values()).count("besloten") == 1
    verliezer = next(v for v in uitkomst.values() if v != "besloten")
    assert verliezer.startswith("Over deze schorsing is al besloten door ")
    s = Schorsing.objects.get(pk=schorsing.pk)
    assert s.status == "besloten"
    assert s.motivering == f"Motivering van {s.besloten_door.username}"
    assert Brief.objects.filter(soort="sanctie_schorsing_besluit").count() == 1
    assert Termijn.objects.filter(omschrijving__contains="inspectie").count() == 1
    assert s.leerling.dossierstukken.filter(titel="Besluit tot schorsing").count() == 2
