"""The start-page panel of running schorsingen and the pupil's ladder: who sees them, and a
query count that does not grow with the rows."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sancties import services
from sancties.models import Schorsing

PANEEL = "Lopende en komende schorsingen, time-outs en verwijderingen"


def _voorstel(w, leerling, dag: int):
    return services.schorsing_voorstellen(
        door=w.directie, leerling=leerling, gronden=["Diefstal"], ernst="ernstig",
        feiten="Telefoon gestolen.", eerste_dag=date(2026, 11, dag), schooldagen=1)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_het_startpaneel_groeit_niet_in_queries_met_de_schorsingen(client, scholen):
    w = scholen.w
    client.force_login(w.directie)
    _voorstel(w, w.anna, 25)
    _queries(client, reverse("start"))  # the first request also reads the session and caches
    een = _queries(client, reverse("start"))
    _voorstel(w, w.bram, 26)
    _voorstel(w, w.chris, 27)
    assert _queries(client, reverse("start")) == een
    pagina = client.get(reverse("start")).content.decode()
    for naam in ("Anna de Vries", "Bram Jansen", "Chris Bakker"):
        assert naam in pagina
    assert "hoorgesprek plannen" in pagina


def test_de_teamleider_ziet_alleen_de_schorsingen_van_de_eigen_afdeling(client, scholen):
    w = scholen.w
    _voorstel(w, w.anna, 25)  # onderbouw
    _voorstel(w, w.chris, 25)  # bovenbouw
    client.force_login(w.teamleider)
    pagina = client.get(reverse("start")).content.decode()
    assert "Anna de Vries" in pagina and "Chris Bakker" not in pagina
    client.force_login(w.mentor)  # no start panel for a mentor
    assert PANEEL not in client.get(reverse("start")).content.decode()


def test_de_ladder_op_de_leerlingpagina_alleen_voor_wie_het_gedrag_mag_zien(client, scholen):
    w = scholen.w
    _voorstel(w, w.anna, 25)
    client.force_login(w.mentor)
    pagina = client.get(reverse("leerling", args=[w.anna.pk])).content.decode()
    assert "Maatregelen (ladder)" in pagina and "Schorsing (voorstel)" in pagina
    assert "Schorsing voorstellen" not in pagina  # a mentor proposes none at Echnaton
    client.force_login(w.docent)  # art. 9.4: no dossier, so no measures
    pagina = client.get(reverse("leerling", args=[w.anna.pk])).content.decode()
    assert "Maatregelen (ladder)" not in pagina


def test_het_startpaneel_toont_verwijderingen_en_time_outs(client, scholen):
    from sancties import timeout, verwijdering

    w = scholen.w
    verwijdering.verwijdering_voorstellen(door=w.teamleider, leerling=w.anna,
                                          gronden=["Drugshandel"], didactisch=False,
                                          motivering="Handel op het schoolplein.")
    client.force_login(w.directie)
    pagina = client.get(reverse("start")).content.decode()
    assert "voorbereiden en voornemen bekendmaken" in pagina
    # Echnaton's ladder has no time-out rung (art. 7.2 is no time-out): one at Noordgouw
    timeout.time_out_voorstellen(door=scholen.directie_ng, leerling=scholen.dirk,
                                 incident="Vechten.", motivering="Veiligheid.")
    client.force_login(scholen.directie_ng)
    pagina = client.get(reverse("start")).content.decode()
    assert "in werking (rest van de dag)" in pagina and "Time-out" in pagina


def test_het_lezen_van_een_schorsing_wordt_gelogd_en_een_stap_is_geen_pagina(client, scholen):
    from dossiers.models import Inzage

    w = scholen.w
    schorsing = _voorstel(w, w.anna, 25)
    client.force_login(w.mentor)
    assert client.get(reverse("sancties:schorsing", args=[schorsing.pk])).status_code == 200
    rij = Inzage.objects.get(onderdeel="dossier: gedrag (schorsing)")
    assert (rij.user, rij.leerling_id, rij.object_id) == (w.mentor, w.anna.pk, schorsing.pk)
    stap = client.get(reverse("sancties:schorsing_stap", args=[schorsing.pk, "besluiten"]))
    assert stap.status_code == 302
    # A mentor has no step here: a posted one is refused with the reason on the schorsing's
    # page (Post/Redirect/Get), nothing changes
    antwoord = client.post(reverse("sancties:schorsing_stap", args=[schorsing.pk, "plannen"]),
                           {"op": "2026-11-23T13:00", "plaats": "kamer"}, follow=True)
    assert antwoord.redirect_chain == [(reverse("sancties:schorsing", args=[schorsing.pk]),
                                        302)]
    assert Schorsing.objects.get(pk=schorsing.pk).status == "concept"
    assert [str(m) for m in antwoord.context["messages"]] == [
        "Dit mag u niet: het horen van de leerling plannen is volgens het leerlingenstatuut "
        "voorbehouden aan Teamleider / afdelingsleider, Directie / schoolleiding."]


def test_wie_het_startpaneel_ziet_staat_in_de_rijen_ook_als_orgaan(client, scholen):
    """Who follows the running measures is an authority row (`sancties.volgen`); a body
    named there counts as the roles that act for it (`Orgaanrol`)."""
    from statuut.models import Bevoegdheid, Orgaanrol

    w = scholen.w
    _voorstel(w, w.anna, 25)
    statuut = w.anna.school.statuten.order_by("-ingangsdatum").first()
    Bevoegdheid.objects.filter(statuut=statuut, actie="sancties.volgen", rol="directie").delete()
    client.force_login(w.directie)
    assert PANEEL not in client.get(reverse("start")).content.decode()
    Bevoegdheid.objects.create(statuut=statuut, actie="sancties.volgen", rol="schoolleiding")
    assert Orgaanrol.objects.get(statuut=statuut, orgaan="schoolleiding").rollen == ["directie"]
    pagina = client.get(reverse("start")).content.decode()
    assert PANEEL in pagina and "Anna de Vries" in pagina
