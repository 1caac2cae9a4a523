"""The sancties' rungs in the pupil's one ladder chronology (`dossiers.maatregelen`,
issue 14): schorsingen (and ontzeggingen van de toegang), time-outs and verwijderingen, for
whoever may see the pupil's measures under this flow's policy (sancties/toegang.py)."""

from __future__ import annotations

from django.urls import reverse

from dossiers import maatregelen
from dossiers.maatregelen import Ladderregel

from . import selectors, toegang


def ladderbron(leerling, gebruiker) -> list[Ladderregel]:
    if not toegang.mag_sancties_zien(gebruiker, leerling):
        return []
    return [Ladderregel(datum=r["datum"], trede=r["trede"], naam=str(r["naam"]),
                        omschrijving=str(r["soort"]), stand=str(r["status"]),
                        url=reverse(r["url_naam"], args=[r["object"].pk]))
            for r in selectors.ladder(leerling)]


def registreren() -> None:
    maatregelen.registreer_ladderbron(ladderbron)
