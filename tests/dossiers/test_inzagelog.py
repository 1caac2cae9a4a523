"""The read log: searchable by the directie and the functioneel beheerder, only for their own
schools, never changed or deleted, and intact after a pupil or an account is deleted."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from dossiers.models import Inzage
from tests.personas import inloggen_met_tweede_factor, maak_leerling


def _lees(client, user, leerling):
    client.force_login(user)
    assert client.get(reverse("leerling", args=[leerling.pk])).status_code == 200


def _rijen(response) -> list[tuple[str, str, str]]:
    return [(r.gebruikersnaam, r.leerlingnummer, r.onderdeel)
            for r in response.context["pagina"].object_list]


@pytest.mark.parametrize("wie", ["directie", "beheerder"])
def test_directie_en_beheerder_zoeken_in_het_log(client, wereld, wie):
    _lees(client, wereld.mentor, wereld.anna)
    _lees(client, wereld.directie, wereld.bram)
    _lees(client, wereld.buitenstaander, wereld.dirk)  # another school
    client.force_login(getattr(wereld, wie))
    alles = client.get(reverse("inzagelog"))
    assert alles.status_code == 200
    assert _rijen(alles) == [("directie", "1002", "centrale administratie ABCDEFGH"),
                             ("mentor", "1001", "centrale administratie ABCDEFGH")]
    mentor = client.get(reverse("inzagelog"), {"lezer": "mentor"})
    assert _rijen(mentor) == [("mentor", "1001", "centrale administratie ABCDEFGH")]
    rij = Inzage.objects.get(gebruikersnaam="mentor")
    assert rij.rollen == ["docent", "mentor"]  # her roles at that moment
    assert "docent, mentor" in mentor.content.decode()
    assert _rijen(client.get(reverse("inzagelog"), {"leerling": "1002"})) == [
        ("directie", "1002", "centrale administratie ABCDEFGH")]


def test_wie_het_log_niet_mag_zien_krijgt_404(client, wereld):
    for user in (wereld.mentor, wereld.docent, wereld.administratie, wereld.zorgcoordinator):
        client.force_login(user)
        assert client.get(reverse("inzagelog")).status_code == 404


def test_een_foute_datum_geeft_een_melding(client, wereld):
    client.force_login(wereld.directie)
    response = client.get(reverse("inzagelog"), {"van": "31-02-2026"})
    assert response.status_code == 200
    assert "Vul een datum in, bijvoorbeeld 2026-11-23." in response.content.decode()
    omgekeerd = client.get(reverse("inzagelog"), {"van": "2026-11-20", "tot": "2026-11-10"})
    assert "De einddatum ligt vóór de begindatum." in omgekeerd.content.decode()


def test_het_log_blijft_na_het_verwijderen_van_leerling_en_account(client, wereld):
    tijdelijk = maak_leerling(wereld.school, "1999", "Tim", "Tijdelijk", wereld.groep_1a)
    lezer = get_user_model().objects.create_user("invaller", password="x")
    from dossiers.models import Medewerker, Roltoewijzing

    Roltoewijzing.objects.create(
        medewerker=Medewerker.objects.create(user=lezer, naam="I. Invaller"),
        school=wereld.school, rol="directie")
    _lees(client, lezer, tijdelijk)
    tijdelijk.delete()
    Roltoewijzing.objects.filter(medewerker__user=lezer).delete()
    Medewerker.objects.filter(user=lezer).delete()
    lezer.delete()
    client.force_login(wereld.directie)
    rijen = _rijen(client.get(reverse("inzagelog"), {"leerling": "1999"}))
    assert rijen == [("invaller", "1999", "centrale administratie ABCDEFGH")]


def test_de_applicatie_wijzigt_of_wist_nooit_een_rij(wereld, client):
    _lees(client, wereld.mentor, wereld.anna)
    rij = Inzage.objects.get()
    rij.onderdeel = "iets anders"
    with pytest.raises(ValueError, match="nooit gewijzigd"):
        rij.save()
    with pytest.raises(ValueError, match="nooit verwijderd"):
        rij.delete()
    # The admin offers no change or delete either (a superuser included).
    beheer = get_user_model().objects.create_superuser("super", password="x")
    inloggen_met_tweede_factor(client, beheer)  # the admin asks it of a superuser
    url = reverse("admin:dossiers_inzage_delete", args=[rij.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Inzage.objects.filter(pk=rij.pk, onderdeel="centrale administratie ABCDEFGH").exists()


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="De trigger die het log beschermt bestaat alleen in PostgreSQL.")
def test_de_database_weigert_update_en_delete(client, wereld):
    _lees(client, wereld.mentor, wereld.anna)
    client.get(reverse("start"))  # a list row too (the columns of migration 0009)
    assert Inzage.objects.count() == 2
    for sql in ("UPDATE dossiers_inzage SET onderdeel = 'x'", "DELETE FROM dossiers_inzage",
                "UPDATE dossiers_inzage SET leerlingnummers = '', aantal = 0",
                "UPDATE dossiers_inzage SET soorten = ''"):
        with pytest.raises(DatabaseError, match="alleen aan te vullen"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)
    assert Inzage.objects.count() == 2


def test_de_periode_telt_hele_dagen_in_nederlandse_tijd(client, wereld):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import time_machine

    ams = ZoneInfo("Europe/Amsterdam")
    for moment in (datetime(2026, 11, 9, 23, 50, tzinfo=ams),
                   datetime(2026, 11, 10, 0, 10, tzinfo=ams),
                   datetime(2026, 11, 12, 23, 50, tzinfo=ams),
                   datetime(2026, 11, 13, 0, 10, tzinfo=ams)):
        with time_machine.travel(moment, tick=False):
            _lees(client, wereld.mentor, wereld.anna)
    client.force_login(wereld.directie)
    antwoord = client.get(reverse("inzagelog"), {"van": "2026-11-10", "tot": "2026-11-12",
                                                 "lezer": "Mentor"})
    tijden = [r.tijdstip.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%d %H:%M")
              for r in antwoord.context["pagina"].object_list]
    assert tijden == ["12 23:50", "10 00:10"]


def test_bij_meer_dan_tienduizend_inzagen_telt_de_pagina_niet_verder(client, wereld):
    """Issue 15: a reader's log at a large school holds hundreds of thousands of rows, and
    counting them all cost more than the page. Above 10,000 the page says "more than" and
    how to find older rows; the newest come first and the pages go on; a narrower search
    is counted exactly."""
    Inzage.objects.bulk_create([
        Inzage(user=wereld.mentor, gebruikersnaam="mentor", rollen=["mentor"],
               leerling=wereld.anna, leerlingnummer="1001", school=wereld.school,
               onderdeel="centrale administratie ABCDEFGH")
        for _ in range(10_001)])
    _lees(client, wereld.directie, wereld.bram)
    client.force_login(wereld.directie)
    veel = client.get(reverse("inzagelog"), {"lezer": "mentor"})
    tekst = " ".join(veel.content.decode().split())
    assert ("Meer dan 10.000 inzagen gevonden; de nieuwste staan voorop. Zoek op een periode"
            " (van, tot) om oudere inzagen te vinden.") in tekst
    assert "inzagen gevonden." not in tekst
    assert len(veel.context["pagina"].object_list) == 50
    assert "Pagina 1 van 200" in tekst
    weinig = client.get(reverse("inzagelog"), {"lezer": "directie"})
    assert "1 inzage gevonden." in " ".join(weinig.content.decode().split())
