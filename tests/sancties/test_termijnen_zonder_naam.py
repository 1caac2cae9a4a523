"""A deadline's description reaches reminder e-mails, the iCal feed of external calendars
and the admin's list of deadlines: it names the measure by its reference (S-12, V-3), never
the pupil. The deadline's own page links to the measure for whoever may see it."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import reverse

from dossiers.models import Leerling
from sancties import services
from sancties import toegang as sancties_toegang
from sancties.models import Schorsing, Verwijdering
from statuut.models import Termijn

from .conftest import moment
from .test_schorsing_wijzer import (
    test_de_directeur_schorst_sanne_en_het_bezwaar_wordt_gegrond_verklaard as schorsing_lopen,
)
from .test_verwijdering import (
    test_noordgouw_verwijdering_op_didactische_gronden_met_bezwaar as verwijdering_lopen,
)

pytestmark = pytest.mark.django_db


def _namen() -> list[str]:
    uit = []
    for leerling in Leerling.objects.all():
        uit += [leerling.volledige_naam, leerling.roepnaam, leerling.achternaam]
    return uit


def _zonder_namen(omschrijvingen: list[str]) -> None:
    assert omschrijvingen
    for tekst in omschrijvingen:
        for naam in _namen():
            assert naam not in tekst, (naam, tekst)


def test_de_termijnen_van_een_schorsing_noemen_haar_kenmerk_en_niet_de_leerling(
        client, scholen, klok, django_capture_on_commit_callbacks):
    schorsing_lopen(client, scholen, klok, django_capture_on_commit_callbacks)
    s = Schorsing.objects.get(leerling=scholen.sanne)
    omschrijvingen = sorted(Termijn.objects.filter(onderwerp_id=s.pk, onderwerp_type__model=
                                                   "schorsing").values_list("omschrijving",
                                                                            flat=True))
    assert omschrijvingen == sorted([
        f"Schorsing S-{s.pk} melden aan de inspectie",
        f"Termijn voor bezwaar tegen schorsing S-{s.pk}",
        f"Beslissing op het bezwaar tegen schorsing S-{s.pk}"])
    _zonder_namen(list(Termijn.objects.values_list("omschrijving", flat=True)))


def test_de_termijnen_van_een_verwijdering_noemen_haar_kenmerk_en_niet_de_leerling(
        client, scholen, klok, django_capture_on_commit_callbacks):
    verwijdering_lopen(client, scholen, klok, django_capture_on_commit_callbacks)
    v = Verwijdering.objects.get(leerling=scholen.dirk)
    assert sorted(Termijn.objects.filter(onderwerp_id=v.pk, onderwerp_type__model=
                                         "verwijdering").values_list("omschrijving",
                                                                     flat=True)) == [
        f"Nieuw besluit op het bezwaar tegen verwijdering V-{v.pk}",
        f"Termijn voor bezwaar tegen verwijdering V-{v.pk}"]
    _zonder_namen(list(Termijn.objects.values_list("omschrijving", flat=True)))


def test_de_beheerder_leest_in_de_termijnenlijst_geen_naam(client, scholen):
    """The functioneel beheerder lists deadlines in the admin (as in the demo) but may not
    see the pupil's measures."""
    w = scholen.w
    s = services.schorsing_voorstellen(door=w.directie, leerling=w.anna, gronden=["Diefstal"],
                                       ernst="ernstig", feiten="Telefoon gestolen.",
                                       eerste_dag=date(2026, 11, 25), schooldagen=3)
    services.hoorgesprek_plannen(door=w.directie, schorsing=s, op=moment(2026, 11, 23, 13),
                                 plaats="kamer")
    services.hoorgesprek_vastleggen(door=w.directie, schorsing=s, gehoord_op=date(2026, 11, 23),
                                    gehoord_door=[w.directie], ouders_aanwezig=True,
                                    verslag="Gehoord.")
    services.schorsing_besluiten(door=w.directie, schorsing=s, eerste_dag=date(2026, 11, 25),
                                 schooldagen=3, motivering="Diefstal.", opdrachten="")
    b = w.beheerder
    b.is_staff = True
    b.save()
    b.user_permissions.add(Permission.objects.get(codename="view_termijn"))
    assert not sancties_toegang.mag_sancties_zien(b, w.anna)
    client.force_login(b)
    lijst = client.get(reverse("admin:statuut_termijn_changelist")).content.decode()
    assert f"Schorsing S-{s.pk} melden aan de inspectie" in lijst
    assert "Anna" not in lijst and "Vries" not in lijst


def test_de_migratie_haalt_de_naam_uit_eerder_geopende_termijnen(
        client, scholen, klok, django_capture_on_commit_callbacks):
    schorsing_lopen(client, scholen, klok, django_capture_on_commit_callbacks)
    s = Schorsing.objects.get(leerling=scholen.sanne)
    Termijn.objects.filter(pk=s.termijn_inspectie_id).update(
        omschrijving="Schorsing van Sanne Smit melden aan de inspectie")
    migratie = importlib.import_module("sancties.migrations.0005_termijnen_zonder_naam")
    migratie.termijnen_herschrijven(apps, None)
    assert Termijn.objects.get(pk=s.termijn_inspectie_id).omschrijving == (
        f"Schorsing S-{s.pk} melden aan de inspectie")
    _zonder_namen(list(Termijn.objects.values_list("omschrijving", flat=True)))
