"""'Mijn termijnen' at the size of a large school (issue 15): the start page lists the first
twenty, overdue first, and links to the whole list, which is paginated with a query count
that does not grow with its rows; the calendar feed carries at most FEED_MAX events."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from dossiers import views_termijnen
from dossiers.models import Inzage
from statuut.models import Eenheid, Termijn
from tests.queries import warm


def _termijnen(w, aantal: int) -> None:
    Termijn.objects.bulk_create([Termijn(
        school=w.school, omschrijving=f"Gespreksverslag {i:03}", regel="art. 9.2",
        startdatum=date(2026, 11, 2), aantal=10, eenheid=Eenheid.SCHOOLDAGEN,
        vervaldatum=date(2026, 11, 20) + timedelta(days=i), verantwoordelijke=w.mentor)
        for i in range(aantal)])


def test_de_startpagina_toont_twintig_termijnen_en_verwijst_naar_de_rest(client, wereld):
    _termijnen(wereld, 30)
    client.force_login(wereld.mentor)
    html = client.get(reverse("start")).content.decode()
    assert "Gespreksverslag 000" in html and "Gespreksverslag 019" in html
    assert "Gespreksverslag 020" not in html
    assert "Alle 30 termijnen" in html and reverse("mijn_termijnen") in html


def test_zonder_meer_dan_twintig_geen_verwijzing(client, wereld):
    _termijnen(wereld, 3)
    client.force_login(wereld.mentor)
    html = client.get(reverse("start")).content.decode()
    assert "Gespreksverslag 002" in html and "Alle 3 termijnen" not in html


def test_alle_termijnen_per_vijftig_met_een_vast_aantal_queries(client, wereld):
    client.force_login(wereld.mentor)
    _termijnen(wereld, 5)
    vijf, _ = warm(lambda: client.get(reverse("mijn_termijnen")))
    Termijn.objects.all().delete()
    _termijnen(wereld, 60)
    zestig, antwoord = warm(lambda: client.get(reverse("mijn_termijnen")))
    eerste = antwoord.content.decode()
    assert len(zestig) == len(vijf)
    assert "60 openstaande termijnen, verlopen eerst." in eerste
    assert "Gespreksverslag 049" in eerste and "Gespreksverslag 050" not in eerste
    assert "Pagina 1 van 2" in eerste
    tweede = client.get(reverse("mijn_termijnen"), {"pagina": "2"}).content.decode()
    assert "Gespreksverslag 050" in tweede and "Gespreksverslag 059" in tweede
    # A page of deadlines names no pupil here, so it logs no pupil.
    assert not Inzage.objects.filter(lijst="mijn termijnen").exists()


@pytest.fixture
def weinig(monkeypatch):
    monkeypatch.setattr(views_termijnen, "FEED_MAX", 3)


def test_de_agenda_draagt_de_eerste_termijnen_tot_het_maximum(client, wereld, weinig):
    _termijnen(wereld, 5)
    client.force_login(wereld.mentor)
    client.post(reverse("agenda_link_maken"))
    pad = client.get(reverse("agenda")).context["nieuwe_url"].removeprefix(
        "http://127.0.0.1:8000")
    client.logout()
    events = Calendar.from_ical(client.get(pad).content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        "Termijn: Gespreksverslag 000", "Termijn: Gespreksverslag 001",
        "Termijn: Gespreksverslag 002"]
