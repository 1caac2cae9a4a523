"""Pages shown to a logged-in user and the calendar feed are not stored by the browser or a
proxy: Cache-Control: no-store (issue 11)."""

import re

import pytest
from django.urls import reverse


@pytest.mark.parametrize("url", ["start", "leerling", "dossier", "kalender", "account"])
def test_paginas_met_leerlinggegevens_worden_niet_bewaard(client, wereld, url):
    client.force_login(wereld.mentor)
    args = [wereld.anna.pk] if url in ("leerling", "dossier") else []
    antwoord = client.get(reverse(url, args=args))
    assert antwoord.status_code == 200
    assert "no-store" in antwoord["Cache-Control"]
    assert "private" in antwoord["Cache-Control"]


def test_de_agendafeed_wordt_niet_bewaard(client, wereld):
    client.force_login(wereld.mentor)
    client.post(reverse("agenda_link_maken"))
    pagina = client.get(reverse("agenda")).content.decode()
    adres = re.search(r"(/agenda/[\w-]+\.ics)", pagina)[1]
    client.logout()
    feed = client.get(adres)
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("text/calendar")
    assert "no-store" in feed["Cache-Control"]

