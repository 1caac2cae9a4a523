"""A melding's deadline is listed and opened only for whoever may see the melding (the
teacher who sent the pupil out, whoever follows the pupil's meldingen: the privacy rule
"a deadline is visible exactly to those who may see its subject")."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers import selectors
from statuut.models import Eenheid
from statuut.services import termijn_openen

from .test_uitsturen_echnaton import Loper, _uitsturen


def test_de_termijn_van_een_melding_ziet_wie_de_melding_ziet(
        client, uitstuurwereld, django_capture_on_commit_callbacks):
    w = uitstuurwereld.w
    _antwoord, m = _uitsturen(Loper(client, django_capture_on_commit_callbacks), w)
    # The teacher's own deadline (bijlage A: the letter back at the end of the day).
    assert m.termijn in selectors.open_termijnen(w.docent)
    # A deadline for "the teamleider" about this melding (rows that give a step to the role
    # school-wide): Anna's teamleider follows her meldingen (Echnaton bijlage A), the
    # teamleider of the bovenbouw does not.
    termijn = termijn_openen(
        school=w.school, omschrijving="Uitstuurmelding: wacht op de teamleider",
        startdatum=date(2026, 11, 20), aantal=1, eenheid=Eenheid.SCHOOLDAGEN, onderwerp=m,
        verantwoordelijke_rol="teamleider")
    url = reverse("termijn", args=[termijn.pk])
    assert termijn in selectors.open_termijnen(w.teamleider)
    client.force_login(w.teamleider)
    assert client.get(url).status_code == 200
    assert termijn not in selectors.open_termijnen(w.teamleider_bovenbouw)
    client.force_login(w.teamleider_bovenbouw)
    assert client.get(url).status_code == 404
