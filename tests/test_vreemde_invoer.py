"""No input reaches a server error: every URL of the application (and the admin's lists), as
a logged-in user, with odd values in every parameter the code reads (superscript digits, a NUL
byte, impossible dates, numbers beyond a database id, direction controls, very long text)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = Path(__file__).resolve().parent.parent
APPS = ("config", "dossiers", "statuut", "zorg", "sancties", "klachten", "verzuim", "gedrag",
        "uitsturen")

# A NUL byte is refused before any view (config/invoer.py), so it is tried on its own below.
VREEMD = ["²", "²²²²-2027", "99999999999999999999", "2026-02-31", "x" * 3000 + "\u202e%'<"]


def _parameternamen() -> list[str]:
    """Every GET parameter the code reads by name, plus every field of every form (a form
    bound to request.GET reads its fields from there)."""
    namen = set()
    for app in APPS:
        for bestand in (ROOT / app).rglob("*.py"):
            namen.update(re.findall(r"GET(?:\.get|\.getlist)?\(?\[?[\"']([a-z_]+)[\"']",
                                    bestand.read_text()))
    for config in apps.get_app_configs():
        if config.name not in APPS:
            continue
        for klasse in forms.Form.__subclasses__() + forms.ModelForm.__subclasses__():
            if klasse.__module__.startswith(config.name + "."):
                namen.update(klasse.base_fields)
    return sorted(namen)


def _paden(patronen, voorvoegsel="", *, waarde_int: int) -> list[str]:
    paden = []
    for p in patronen:
        route = voorvoegsel + str(p.pattern)
        if isinstance(p, URLResolver):
            if route.startswith("beheer/"):
                continue  # the admin: its lists are walked below
            paden += _paden(p.url_patterns, route, waarde_int=waarde_int)
        elif isinstance(p, URLPattern):
            if "^" in route or "(?P" in route:
                continue
            pad = re.sub(r"<int:[a-z_]+>", str(waarde_int), route)
            pad = re.sub(r"<(?:str|slug:)?[a-z_]+>", "²", pad)
            paden.append("/" + pad)
    return sorted(set(paden))


@pytest.fixture
def namen():
    return _parameternamen()


@pytest.mark.parametrize("wie", ["mentor", "directie"])
def test_geen_pagina_geeft_een_serverfout_op_vreemde_invoer(client, wereld, namen, wie):
    client.raise_request_exception = False
    client.force_login(getattr(wereld, wie))
    fouten = []
    paden = _paden(get_resolver().url_patterns, waarde_int=wereld.anna.pk)
    assert "/klachten/" in paden and len(paden) > 40
    # Each request gives every parameter another odd value, so that over len(VREEMD)
    # requests every parameter has had every value. Encoded once: the long value costs more
    # to encode character by character than most pages take to answer.
    zoekvragen = [urlencode({n: VREEMD[(i + k) % len(VREEMD)] for i, n in enumerate(namen)})
                  for k in range(len(VREEMD))]
    for pad in paden:
        if "uitloggen" in pad:
            continue
        for k, zoekvraag in enumerate(zoekvragen):
            response = client.get(f"{pad}?{zoekvraag}")
            if response.status_code >= 500:
                fouten.append((pad, k, response.status_code))
    assert fouten == []


def test_een_nummer_groter_dan_een_database_id_geeft_404(client, wereld):
    client.raise_request_exception = False
    client.force_login(wereld.directie)
    paden = _paden(get_resolver().url_patterns, waarde_int=99999999999999999999)
    statussen = {pad: client.get(pad).status_code for pad in paden if "99999" in pad}
    assert len(statussen) > 20
    assert {pad: s for pad, s in statussen.items() if s >= 500} == {}


def test_de_lijsten_van_het_beheer_geven_geen_serverfout(client, wereld):
    client.raise_request_exception = False
    client.force_login(wereld.beheerder)
    fouten = []
    for model in admin.site._registry:
        pad = f"/beheer/{model._meta.app_label}/{model._meta.model_name}/"
        for waarde in VREEMD:
            response = client.get(pad, {"q": waarde, "o": waarde, "p": waarde})
            if response.status_code >= 500:
                fouten.append((pad, waarde[:12], response.status_code))
    assert fouten == []


def test_een_nul_in_het_adres_geeft_een_nederlandse_melding(client, wereld):
    client.force_login(wereld.mentor)
    response = client.get("/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert "Ongeldig verzoek" in response.content.decode()


def test_richtingstekens_verdwijnen_uit_ingevoerde_tekst(client, wereld):
    from datetime import date

    from dossiers.models import Dossierstuk

    client.force_login(wereld.mentor)
    response = client.post(f"/leerlingen/{wereld.anna.pk}/dossier/notitie/", {
        "sectie": "omstandigheden", "titel": "Leerling \u202e260008",
        "datum": date(2026, 11, 2).isoformat(), "inhoud": "Tekst\u2066 met\u2069 isolaten"})
    assert response.status_code == 302, response.content.decode()[:2000]
    stuk = Dossierstuk.objects.get()
    assert (stuk.titel, stuk.inhoud) == ("Leerling 260008", "Tekst met isolaten")




def test_een_notitie_van_honderdduizend_tekens_wordt_geweigerd(client, wereld):
    from dossiers.models import Dossierstuk

    client.force_login(wereld.mentor)
    response = client.post(f"/leerlingen/{wereld.anna.pk}/dossier/notitie/", {
        "sectie": "omstandigheden", "titel": "Lang", "datum": "2026-11-02",
        "inhoud": "x" * 100_000})
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "langer dan 20.000 tekens" in tekst and "Er is niets opgeslagen" in tekst
    assert not Dossierstuk.objects.exists()
