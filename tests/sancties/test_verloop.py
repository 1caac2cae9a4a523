"""A schorsing does not start or end by itself: no beat task moves it (the morning sweep
leaves it alone); the schorsing page and the start panel say plainly when it goes in and
until when it runs, and the button to record that it went in stays."""

from __future__ import annotations

from django.urls import reverse

from dossiers.herinneringen import termijnen_vegen

from .conftest import moment
from .helpers import Loper, vers
from .test_schorsing_echnaton import _tot_gehoord


def _pagina(client, schorsing) -> str:
    return client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()


def _start(client) -> str:
    return client.get(reverse("start")).content.decode()


def test_de_pagina_zegt_wanneer_de_schorsing_ingaat_en_tot_wanneer_zij_loopt(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    s = _tot_gehoord(loper, w.anna, w.directie, schooldagen=3)
    assert "Gaat in op 25 november 2026, loopt tot en met 27 november 2026." in _pagina(client, s)
    loper.stap(s, "besluiten", eerste_dag="2026-11-25", schooldagen="3",
               motivering="Vernieling.")
    loper.bekendmaken(s, w.administratie)
    assert vers(s).status == "bekendgemaakt"
    pagina = _pagina(client, s)
    assert "Gaat in op 25 november 2026, loopt tot en met 27 november 2026." in pagina
    assert 'id="stap-ingaan"' not in pagina  # not before its first day
    assert "gaat in op 25 november 2026, loopt tot en met 27 november 2026" in _start(client)

    # On the first day the morning sweep changes nothing; the page asks for the record
    klok.move_to(moment(2026, 11, 25, 7))
    termijnen_vegen.delay(op="2026-11-25")
    assert vers(s).status == "bekendgemaakt"
    loper.als(w.directie)
    pagina = _pagina(client, s)
    assert ("Gaat in op 25 november 2026; leg vast dat de maatregel is ingegaan." in pagina)
    assert 'id="stap-ingaan"' in pagina and "Schorsing is ingegaan" in pagina
    loper.stap(s, "ingaan")
    pagina = _pagina(client, s)
    assert "Loopt tot en met 27 november 2026." in pagina
    assert 'id="stap-afronden"' not in pagina
    assert "loopt tot en met 27 november 2026" in _start(client)

    # After the last day: still lopend until someone closes it
    klok.move_to(moment(2026, 11, 30, 7))
    termijnen_vegen.delay(op="2026-11-30")
    assert vers(s).status == "lopend"
    loper.als(w.directie)
    pagina = _pagina(client, s)
    assert "Liep tot en met 27 november 2026; klaar om af te ronden." in pagina
    # The page offers what the service accepts (issue 12 point 6): closing waits for the
    # report to the inspectie, and says so.
    assert 'id="stap-afronden"' not in pagina
    assert "De schorsing moet nog aan de inspectie worden gemeld" in pagina
    loper.stap(s, "inspectie", gemeld_op="2026-11-30", kenmerk="")
    assert 'id="stap-afronden"' in _pagina(client, s)
    assert "liep tot en met 27 november 2026; klaar om af te ronden" in _start(client)
