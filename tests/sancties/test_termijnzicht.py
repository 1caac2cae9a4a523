"""A measure's deadline is listed and opened only for whoever may see the measure (the
behaviour section; the privacy rule "a deadline is visible exactly to those who may see its
subject"), whichever role it went to."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers import selectors
from statuut.models import Eenheid
from statuut.services import termijn_openen
from tests.klachten.test_beroep_op_maatregel import _schorsing


def test_een_termijn_voor_de_teamleidersrol_ziet_alleen_de_teamleider_van_de_leerling(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    schorsing = _schorsing(w, w.teamleider, 1, django_capture_on_commit_callbacks)
    # A step waiting for "the teamleider" (a school whose rows give a decision to that role
    # school-wide): the deadline names the role, not a person.
    termijn = termijn_openen(
        school=w.school, omschrijving=f"Schorsing {schorsing.kenmerk}: wacht op de teamleider",
        startdatum=date(2026, 11, 23), aantal=2, eenheid=Eenheid.SCHOOLDAGEN,
        onderwerp=schorsing, verantwoordelijke_rol="teamleider")
    url = reverse("termijn", args=[termijn.pk])
    assert termijn in selectors.open_termijnen(w.teamleider)  # Anna's department
    client.force_login(w.teamleider)
    assert client.get(url).status_code == 200
    assert termijn not in selectors.open_termijnen(w.teamleider_bovenbouw)
    client.force_login(w.teamleider_bovenbouw)
    assert client.get(url).status_code == 404
    assert schorsing.kenmerk not in client.get("/termijnen/").content.decode()
