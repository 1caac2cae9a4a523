"""The teamleider's list of open uitstuurmeldingen of their department: paginated, the same
number of queries for 5 or 50 meldingen, one read-log row per view, a CSV export; the
start-page count; the pupil's ladder chronology; beroep against the teacher's measure."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from dossiers import maatregelen
from dossiers.models import Inzage
from statuut.models import Maatregelsoort
from tests.queries import warm
from uitsturen import rechtsmiddelen, services
from uitsturen.models import Stand, Uitstuurmelding

pytestmark = pytest.mark.django_db


def _uitsturen(w, n: int, vanaf: int = 0) -> None:
    trede = Maatregelsoort.objects.get(statuut__school=w.school, code="eruit-sturen")
    for i in range(vanaf, vanaf + n):
        services.uitsturen(door=w.docent, leerling=w.anna, maatregelsoort=trede,
                           vak="wiskunde", reden=f"Storen {i}.", lesuur=1 + i % 8)


def test_de_lijst_kost_evenveel_queries_bij_5_en_bij_50_meldingen(client, uitstuurwereld):
    w = uitstuurwereld.w
    client.force_login(w.teamleider)
    url = reverse("uitsturen:overzicht")
    _uitsturen(w, 5)
    vijf, antwoord = warm(lambda: client.get(url))
    inhoud = antwoord.content.decode()
    assert inhoud.count('data-melding="') == 5
    _uitsturen(w, 45, vanaf=5)
    vijftig, antwoord = warm(lambda: client.get(url))
    inhoud = antwoord.content.decode()
    assert inhoud.count('data-melding="') == 25
    assert "pagina 1 van 2" in inhoud
    assert len(vijftig) == len(vijf)


def test_de_lijst_is_van_de_eigen_afdeling_en_logt_een_rij(client, uitstuurwereld):
    w = uitstuurwereld.w
    _uitsturen(w, 2)
    client.force_login(w.teamleider_bovenbouw)  # Anna is in the onderbouw
    assert 'data-melding="' not in client.get(reverse("uitsturen:overzicht")).content.decode()
    client.force_login(w.docent)  # no uitsturen.volgen row
    assert client.get(reverse("uitsturen:overzicht")).status_code == 404
    client.force_login(w.beheerder)
    assert client.get(reverse("uitsturen:overzicht")).status_code == 404
    client.force_login(w.teamleider)
    voor = Inzage.objects.count()
    inhoud = client.get(reverse("uitsturen:overzicht")).content.decode()
    assert inhoud.count('data-melding="') == 2
    rij = Inzage.objects.order_by("-pk").first()
    assert Inzage.objects.count() == voor + 1
    assert (rij.lijst, rij.aantal, rij.leerlingnummers) == ("uitstuurmeldingen", 1, "1001")


def test_de_csv_van_de_open_meldingen(client, uitstuurwereld):
    w = uitstuurwereld.w
    _uitsturen(w, 1)
    m = Uitstuurmelding.objects.get()
    services.melden(door=w.teamleider, melding=m, verhaal="Ik praatte.")
    client.force_login(w.teamleider)
    antwoord = client.get(reverse("uitsturen:overzicht") + "?formaat=csv")
    rijen = list(csv.reader(io.StringIO(antwoord.content.decode()), delimiter=";"))
    assert rijen[0][:4] == ["leerlingnummer", "naam", "groep", "datum"]
    assert rijen[1][:6] == ["1001", "Anna de Vries", "1A", "20-11-2026", "10:15",
                            "wiskunde, 1e uur"]
    assert rijen[1][6:] == ["D. Docent", "Uit de les sturen (met uitstuurbrief)", "Storen 0.",
                            "gemeld, uitstuurbrief begonnen", "20-11-2026"]


def test_startpagina_telt_de_open_meldingen_voor_de_teamleider(client, uitstuurwereld):
    w = uitstuurwereld.w
    _uitsturen(w, 3)
    client.force_login(w.teamleider)
    assert "3 open uitstuurmeldingen" in client.get(reverse("start")).content.decode()
    client.force_login(w.teamleider_bovenbouw)
    assert "0 open uitstuurmeldingen" in client.get(reverse("start")).content.decode()
    client.force_login(w.docent)
    assert "open uitstuurmelding" not in client.get(reverse("start")).content.decode()


def test_de_ladder_van_de_leerling_toont_de_melding(uitstuurwereld):
    w = uitstuurwereld.w
    _uitsturen(w, 1)
    regels = [r for r in maatregelen.ladder_van(w.anna, w.teamleider)
              if r.naam == "Uit de les sturen (met uitstuurbrief)"]
    assert [(r.datum, r.trede, r.omschrijving, r.stand) for r in regels] == [
        (date(2026, 11, 20), 2, "Storen 0.", "uit de les gestuurd, nog niet gemeld")]
    assert not [r for r in maatregelen.ladder_van(w.anna, w.teamleider_bovenbouw)
                if r.naam.startswith("Uit de les")]


def test_beroep_bij_de_teamleiding_tegen_de_maatregel_van_de_docent(uitstuurwereld):
    """Echnaton art. 12 Beroep 1: against a teacher's measure, to the teamleiding, settled
    within ten school days; upheld, the melding is withdrawn."""
    w = uitstuurwereld.w
    _uitsturen(w, 1)
    m = Uitstuurmelding.objects.get()
    middelen = rechtsmiddelen.rechtsmiddelen(m)
    assert [(r.soort, r.artikel, r.regel.code) for r in middelen] == [
        ("beroep", "12 beroep 1", "beroep-docent")]
    maatregelen.type_van(m).toepassen(m, uitkomst="vernietigd", door=w.teamleider,
                                      op=date(2026, 11, 23), toelichting="Beroep B-1 gegrond.")
    m = Uitstuurmelding.objects.get(pk=m.pk)
    assert m.stand == Stand.INGETROKKEN
    assert m.termijn.status == "vervallen"
    assert rechtsmiddelen.rechtsmiddelen(m) == []


def test_beroep_via_de_klachtenstroom_trekt_de_melding_in(uitstuurwereld,
                                                           django_capture_on_commit_callbacks):
    """The one appeal mechanism: the beroep points at the melding itself; the teamleiding
    upholds it and the melding's own flow withdraws it, every entry marked."""
    from dossiers import dossier
    from klachten import services as klachten_services
    from statuut.models import Beroepsregel

    w = uitstuurwereld.w
    _uitsturen(w, 1)
    m = Uitstuurmelding.objects.get()
    services.melden(door=w.teamleider, melding=m, verhaal="Ik deed niks.")
    regel = Beroepsregel.objects.get(statuut=m.maatregelsoort.statuut, code="beroep-docent")
    beroep = klachten_services.beroep_instellen(
        door=w.mentor, leerling=w.anna, regel=regel, toelichting="Anna was het niet.",
        op=date(2026, 11, 20), maatregel=m)
    assert beroep.maatregel == m
    with django_capture_on_commit_callbacks(execute=True):
        klachten_services.beroep_beslissen(door=w.teamleider, beroep=beroep,
                                           uitkomst="vernietigd", beslissing="Een ander.",
                                           op=date(2026, 11, 20))
    m = Uitstuurmelding.objects.get(pk=m.pk)
    assert m.stand == Stand.INGETROKKEN and m.termijn.status == "vervallen"
    nieuwste = [s for s in dossier.stukken_van_besluit(m)
                if not s.is_verwijderd and not s.addenda.exists()]
    assert nieuwste and all(s.titel.startswith("[Vervallen]") for s in nieuwste)
