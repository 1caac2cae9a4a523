"""The commission's advice is public unless a party has well-founded objections the
commission upholds (bijlage B lid 15): the school's staff read the year's public advices,
without names; a closed advice and a confidential complaint never appear."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from klachten.models import Klacht
from tests import wereldvoorraad

from .conftest import commissie_instellen, get, op, post
from .test_geschillencommissie import advies, naar_de_commissie, uitspraak, zitting

ZICHTBAAR_OP = date(2026, 12, 2)
QUERIES = 11  # session, user, roles, menu, the page: not one per advice


@wereldvoorraad.bewaard(ouder="kw")
def adviezen(kw):
    """Two cases before the commission in November 2026: one public advice (gegrond, ruled on
    1 December), one the commission kept closed; and a confidential report. Kept between
    tests, like the world (tests/wereldvoorraad.py): built once, through the pages."""
    client = Client()
    commissie_instellen(kw)
    openbaar, _ = naar_de_commissie(client, kw)
    zitting(client, kw, openbaar)
    advies(client, kw, openbaar, "gegrond")
    uitspraak(client, kw, openbaar)
    gesloten, _ = naar_de_commissie(client, kw, onderwerp="Cijfer voor het profielwerkstuk")
    zitting(client, kw, gesloten, date(2026, 11, 19))
    post(client, kw.directie, date(2026, 11, 23), reverse("klachten:advies", args=[gesloten.pk]),
         {"advies": "ongegrond", "aanbevelingen": "Geheime aanbeveling over de docent.",
          "niet_openbaar": "on"})
    post(client, kw.directie, date(2026, 11, 24), reverse("klachten:indienen"), {
        "leerling": kw.bram.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
        "beklaagde": kw.docent.medewerker.pk, "onderwerp": "Vertrouwelijke melding Bram",
        "omschrijving": "Ongewenste aanrakingen.", "seksuele_intimidatie": "on",
        "ingediend_op": "2026-11-24"})
    assert Klacht.objects.count() == 3
    return kw


def _pagina(client, user, *, school, jaar: str = ""):
    url = reverse("klachten:adviezen", args=[school.pk])
    return get(client, user, ZICHTBAAR_OP, url + (f"?jaar={jaar}" if jaar else ""))


@pytest.mark.parametrize("wie", ["docent_4h", "mentor", "teamleider_bovenbouw", "directie",
                                 "zorgcoordinator", "administratie", "vertrouwenspersoon"])
def test_het_personeel_leest_de_openbare_adviezen_zonder_namen(client, adviezen, wie):
    pagina = _pagina(client, getattr(adviezen, wie), school=adviezen.school)
    assert pagina.status_code == 200
    assert [(z.advies, z.advies_op, z.uitspraak_op) for z in pagina.context["adviezen"]] == [
        ("gegrond", date(2026, 11, 20), date(2026, 12, 1))]
    tekst = pagina.content.decode()
    for zin in ["20 november 2026", "een docent of ander personeelslid", "gegrond",
                "Toetsen binnen twee weken nabespreken.", "1 december 2026"]:
        assert zin in tekst, zin
    # No names, no subjects, no references, nothing of the closed advice or the report.
    for zin in ["Anna", "Vries", "Bram", "Jansen", "D. Docent", "Toetsen worden niet",
                "K-", "profielwerkstuk", "ongegrond", "Geheime aanbeveling",
                "Vertrouwelijke melding", "aanrakingen"]:
        assert zin not in tekst, zin


def test_een_ander_schooljaar_heeft_zijn_eigen_lijst(client, adviezen):
    pagina = _pagina(client, adviezen.directie, school=adviezen.school, jaar="2026-2027")
    assert len(pagina.context["adviezen"]) == 1
    assert _pagina(client, adviezen.directie, school=adviezen.school,
                   jaar="1999-2000").status_code == 404


@pytest.mark.parametrize("wie", ["beheerder", "buitenstaander"])
def test_wie_niet_op_de_school_werkt_of_haar_alleen_inricht_ziet_de_lijst_niet(
        client, adviezen, wie):
    assert _pagina(client, getattr(adviezen, wie), school=adviezen.school).status_code == 404


def test_de_lijst_kost_een_vast_aantal_queries(client, adviezen, django_assert_max_num_queries):
    with op(ZICHTBAAR_OP):
        client.force_login(adviezen.docent)
        with django_assert_max_num_queries(QUERIES):
            pagina = client.get(reverse("klachten:adviezen", args=[adviezen.school.pk]))
    assert len(pagina.context["adviezen"]) == 1


def test_een_docent_vindt_de_adviezen_via_het_klachtenoverzicht(client, kw):
    tekst = get(client, kw.docent_4h, ZICHTBAAR_OP, reverse("klachten:overzicht")).content \
        .decode()
    assert reverse("klachten:adviezen", args=[kw.school.pk]) in tekst
    assert reverse("klachten:adviezen", args=[kw.andere_school.pk]) not in tekst
    beheer = get(client, kw.beheerder, ZICHTBAAR_OP, reverse("klachten:overzicht"))
    assert reverse("klachten:adviezen", args=[kw.school.pk]) not in beheer.content.decode()
