"""Two users acting on the same case at the same moment (PostgreSQL, real row locks): one
wins, the other is refused with the message for the phase the first one left; the case is
always in a phase the machine allows, and two signals at once never open two cases."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from statuut.services import InvoerFout
from tests.zorg.conftest import VANDAAG, naar_fase
from zorg import services
from zorg.models import Consultatie, Zorgdossier, Zorgfase, Zorgstap


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("Gelijktijdigheid met echte rijvergrendeling: alleen met PostgreSQL "
                    "(zet DATABASE_URL).")


def _tegelijk(*taken):
    """Run the callables in threads released at the same moment; return what each returned
    or raised."""
    start = threading.Barrier(len(taken))
    uitkomsten: list = [None] * len(taken)

    def draai(i, taak):
        try:
            start.wait()
            uitkomsten[i] = taak()
        except Exception as fout:  # noqa: BLE001  (the refusal is the result)
            uitkomsten[i] = fout
        finally:
            connection.close()

    threads = [threading.Thread(target=draai, args=(i, t)) for i, t in enumerate(taken)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return uitkomsten


def test_twee_consultaties_tegelijk_een_wint(postgres, zw):
    zd = naar_fase(zw, "consultatie")

    def als(door, keuze):
        return lambda: services.consultatie_vastleggen(
            door=door, zorgdossier=zd, datum=VANDAAG, aard_en_ernst="Tegelijk.", keuze=keuze)

    uitkomsten = _tegelijk(als(zw.mentor, "mentor"),
                           als(zw.zorgcoordinator, "zorgcoordinatoren"))
    gewonnen = [u for u in uitkomsten if isinstance(u, Consultatie)]
    geweigerd = [u for u in uitkomsten if isinstance(u, InvoerFout)]
    assert (len(gewonnen), len(geweigerd)) == (1, 1), uitkomsten
    assert "kan niet: het zorgtraject staat in de fase" in str(geweigerd[0])
    zd = Zorgdossier.objects.get(pk=zd.pk)
    verwacht = {"mentor": Zorgfase.MENTORTRAJECT, "zorgcoordinatoren": Zorgfase.ANALYSE}
    assert zd.fase == verwacht[gewonnen[0].keuze]
    assert Consultatie.objects.count() == 1
    assert Zorgstap.objects.filter(stap="consultatie").count() == 1


def test_gesprek_en_consultatie_tegelijk_laten_een_toegestane_fase_achter(postgres, zw):
    zd = naar_fase(zw, "observatie")
    uitkomsten = _tegelijk(
        lambda: services.gesprek_vastleggen(door=zw.mentor, zorgdossier=zd, datum=VANDAAG,
                                            bevestigd=True, notitie="Toch bevestigd."),
        lambda: services.consultatie_vastleggen(door=zw.zorgcoordinator, zorgdossier=zd,
                                                datum=VANDAAG, aard_en_ernst="Zorgelijk.",
                                                keuze="zorgcoordinatoren"))
    assert not any(isinstance(u, Exception) and not isinstance(u, InvoerFout)
                   for u in uitkomsten), uitkomsten
    # Conversation first: both succeed (consultation from CONSULTATIE is allowed).
    # Consultation first: the conversation is refused (the case is with the zorgcoördinatoren).
    # Either way the case ends where the machine allows, at the analysis.
    assert Zorgdossier.objects.get(pk=zd.pk).fase == Zorgfase.ANALYSE
    assert sum(isinstance(u, InvoerFout) for u in uitkomsten) <= 1


def test_twee_signalen_tegelijk_openen_een_zorgtraject(postgres, zw):
    def signaal(door):
        return lambda: services.signaal_melden(
            door=door, leerling=zw.anna, bron="docent", categorieen=["verzuim"],
            waarneming="Vaak te laat.", datum=VANDAAG)

    uitkomsten = _tegelijk(signaal(zw.docent), signaal(zw.andere_docent))
    assert not any(isinstance(u, Exception) for u in uitkomsten), uitkomsten
    assert Zorgdossier.objects.filter(leerling=zw.anna).count() == 1
    assert Zorgdossier.objects.get().signalen.count() == 2
