"""Error pages are Dutch, in the layout, with a way back to the start page: a missing page,
a refused form (CSRF), and a server error."""

from __future__ import annotations

import re

from django.test import Client, RequestFactory
from django.views import defaults


def _tekst(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_een_ontbrekende_pagina_is_nederlands_met_een_weg_terug(client, wereld):
    client.force_login(wereld.mentor)
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in _tekst(html)
    assert 'href="/"' in html and "Naar de startpagina" in html
    assert "Not Found" not in html
    assert "Uitloggen" in html  # the layout, with the menu


def test_een_verlopen_formulier_is_nederlands(wereld):
    client = Client(enforce_csrf_checks=True)
    client.force_login(wereld.mentor)
    response = client.post("/uitloggen/")
    assert response.status_code == 403
    tekst = _tekst(response.content.decode())
    assert "Het formulier is verlopen" in tekst and "Er is niets opgeslagen" in tekst
    assert "CSRF verification failed" not in tekst


def test_een_serverfout_is_nederlands_en_heeft_geen_verzoek_nodig(db):
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    tekst = _tekst(response.content.decode())
    assert "Er ging iets mis" in tekst and "niet opgeslagen" in tekst
    assert "Naar de startpagina" in tekst
