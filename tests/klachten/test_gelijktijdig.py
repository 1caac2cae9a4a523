"""Two handlers record the outcome of the same stage at the same moment: the row lock lets
exactly one through; the other is told the stage is already settled. PostgreSQL only (SQLite
has no row locks)."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from django.db import connection, transaction

from klachten import services
from klachten.models import Klacht, Klachtstap
from statuut.services import InvoerFout


@pytest.mark.django_db(transaction=True)
def test_twee_keer_tegelijk_afronden_rondt_een_keer_af(kw):
    if connection.vendor != "postgresql":
        pytest.skip("Rijvergrendeling (select_for_update): alleen met PostgreSQL.")
    klacht = services.klacht_indienen(
        door=kw.mentor, leerling=kw.anna, klager_soort="leerling", onderwerp_soort="medewerker",
        beklaagde=kw.docent.medewerker, onderwerp="Toetsen", omschrijving="Niet nabesproken.",
        op=date(2026, 11, 16), eerste_fase_gehad="Gesprek gevoerd.")
    uitkomsten: list[str] = []
    start = threading.Barrier(3)

    def afronden(wat: str) -> None:
        try:
            start.wait()
            services.fase_afronden(door=kw.mentor, klacht=klacht, wat_gebeurde=wat,
                                   reactie_klager="Tevreden.", op=date(2026, 11, 20))
            uitkomsten.append("gelukt")
        except InvoerFout as fout:
            uitkomsten.append(str(fout))
        finally:
            connection.close()

    draden = [threading.Thread(target=afronden, args=(f"versie {i}",)) for i in (1, 2)]
    with transaction.atomic():
        Klacht.objects.select_for_update().get(pk=klacht.pk)  # both must wait for this
        for d in draden:
            d.start()
        start.wait()
        time.sleep(0.3)
    for d in draden:
        d.join(timeout=20)
    assert sorted(uitkomsten) == sorted([
        "gelukt", "Deze fase is al afgerond; de klager kiest nu of de klacht verder gaat."])
    stap = Klachtstap.objects.get(klacht=klacht, fase__code="bemiddeling-mentor")
    assert stap.wat_gebeurde in ("versie 1", "versie 2") and stap.afgerond_op == date(2026, 11, 20)
