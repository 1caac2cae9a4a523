"""Seed 004: upheld, the bezwaar removes the schorsing's notes from the dossier. The schorsing
itself then keeps no more than its tombstones: its page and the ladder on the pupil page say
that it was removed after an upheld bezwaar, with the dates, and nothing of what it said."""

from __future__ import annotations

import html
import re

from django.urls import reverse

from sancties.models import Schorsing

from .test_schorsing_wijzer import (
    test_de_directeur_schorst_sanne_en_het_bezwaar_wordt_gegrond_verklaard as gegrond_verklaard,
)

#: Every text typed in along the way: facts, grounds, hearing, reasons, tasks, the parents'
#: talk, the inspectie's reference and the bezwaar's own texts.
OUDE_TEKSTEN = [
    "Vechtpartij op het schoolplein", "Een volgend ernstig incident na een time-out",
    "Sanne en moeder gehoord", "sloeg een klasgenoot", "Rekenwerk mee naar huis",
    "Cito-toets", "afspraken over opvang in de pauze", "2026-0042",
    "Moeder vindt de schorsing onevenredig", "Moeder gehoord.",
]
#: The board's reasons stay in its letter to the parents (the one new dossier entry), not on
#: the schorsing.
BESLISSING = "De time-out was niet met de ouders besproken."


def _tekst(response) -> str:
    assert response.status_code == 200
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ",
                                                     response.content.decode())))


def test_na_een_gegrond_bezwaar_toont_geen_pagina_nog_iets_van_de_schorsing(
        client, scholen, klok, django_capture_on_commit_callbacks):
    gegrond_verklaard(client, scholen, klok, django_capture_on_commit_callbacks)
    schorsing = Schorsing.objects.get(leerling=scholen.sanne)
    for user in (scholen.directeur_wz, scholen.leerkracht_wz):
        client.force_login(user)
        pagina = _tekst(client.get(reverse("sancties:schorsing", args=[schorsing.pk])))
        leerling = _tekst(client.get(reverse("leerling", args=[scholen.sanne.pk])))
        dossier = _tekst(client.get(reverse("dossier", args=[scholen.sanne.pk])))
        for zin in OUDE_TEKSTEN:
            assert zin not in pagina, zin
            assert zin not in leerling, zin
            assert zin not in dossier, zin
        assert BESLISSING not in pagina and BESLISSING not in leerling
        assert "Verwijderd na gegrond bezwaar" in pagina
        for zin in ["Het bezwaar tegen deze maatregel is op 8 december 2026 gegrond verklaard.",
                    "Periode 24 november 2026 – 25 november 2026",
                    "Voorgesteld 23 november 2026, W. Directeur",
                    "Besloten 23 november 2026, W. Directeur",
                    "Bezwaar ingediend 1 december 2026",
                    "Bezwaar gegrond verklaard 8 december 2026"]:
            assert zin in pagina, zin
        assert "Brief met het besluit" not in pagina
        assert "Melding aan de inspectie" not in pagina
        assert "Schorsing verwijderd na gegrond bezwaar" in leerling
        assert "ten hoogste een week" not in leerling  # nor its rung on the ladder
    # The record keeps dates, stand and who acted; nothing of the content.
    schorsing = Schorsing.objects.get(pk=schorsing.pk)
    assert [getattr(schorsing, v) for v in Schorsing.INHOUDVELDEN] == [""] * len(
        Schorsing.INHOUDVELDEN)
    assert schorsing.gronden == []
    assert (schorsing.status, schorsing.bezwaarstatus, schorsing.besloten_door,
            str(schorsing.inhoud_verwijderd_op), str(schorsing.inspectie_gemeld_op)) == (
        "afgerond", "gegrond", scholen.directeur_wz, "2026-12-08", "2026-11-24")
