"""The deadline feed: a secret address per user, replaceable and revocable."""

from datetime import date

from django.urls import reverse
from icalendar import Calendar

from dossiers.models import Agendalink
from statuut.models import Eenheid, Termijn, Termijnstatus


def _termijn(w, user, vervaldatum, **kw):
    return Termijn.objects.create(
        school=w.school, omschrijving=f"Gespreksverslag {vervaldatum:%d-%m}", regel="art. 9.2",
        startdatum=date(2026, 11, 20), aantal=10, eenheid=Eenheid.SCHOOLDAGEN,
        vervaldatum=vervaldatum, verantwoordelijke=user, **kw)


def _nieuw_adres(client) -> str:
    client.post(reverse("agenda_link_maken"))
    pagina = client.get(reverse("agenda"))
    url = pagina.context["nieuwe_url"]
    assert url.startswith("http://127.0.0.1:8000/agenda/") and url.endswith(".ics")
    return url.removeprefix("http://127.0.0.1:8000")


def test_de_feed_toont_precies_de_eigen_open_termijnen(client, wereld):
    eigen = _termijn(wereld, wereld.mentor, date(2026, 12, 4))
    verlopen = _termijn(wereld, wereld.mentor, date(2026, 11, 2),
                        status=Termijnstatus.VERLOPEN)
    _termijn(wereld, wereld.mentor, date(2026, 11, 3), status=Termijnstatus.VOLDAAN)
    _termijn(wereld, wereld.teamleider, date(2026, 12, 4))  # someone else's
    client.force_login(wereld.mentor)
    pad = _nieuw_adres(client)
    client.logout()  # a calendar program has no session
    response = client.get(pad)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [(str(e["uid"]), e.decoded("dtstart"), str(e["summary"])) for e in events] == [
        (f"termijn-{verlopen.pk}@leerlingzorg", date(2026, 11, 2),
         "Termijn: Gespreksverslag 02-11"),
        (f"termijn-{eigen.pk}@leerlingzorg", date(2026, 12, 4),
         "Termijn: Gespreksverslag 04-12"),
    ]
    # The address is shown once; only its hash is stored.
    client.force_login(wereld.mentor)
    assert client.get(reverse("agenda")).context["nieuwe_url"] is None
    assert pad.split("/")[-1].removesuffix(".ics") not in Agendalink.objects.get().sleutel_hash


def test_een_nieuw_of_ingetrokken_adres_werkt_niet_meer(client, wereld):
    client.force_login(wereld.mentor)
    oud = _nieuw_adres(client)
    nieuw = _nieuw_adres(client)
    assert client.get(oud).status_code == 404
    assert client.get(nieuw).status_code == 200
    client.post(reverse("agenda_link_intrekken"))
    assert client.get(nieuw).status_code == 404
    assert client.get("/agenda/verzonnen.ics").status_code == 404
    assert client.get(reverse("agenda_link_maken")).status_code == 405  # POST only
