"""The morning sweep: a reminder two school days before, one on the day, and when overdue a
notice to the responsible person and to the one above them; each exactly once."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from dossiers.herinneringen import herinneringen_vegen
from statuut.models import Eenheid, Herinnering, Termijn, Termijnstatus
from statuut.services import InvoerFout, termijn_openen, termijn_voldaan


def _termijn(w, vervaldatum: date, **kwargs) -> Termijn:
    """A deadline about pupil Anna (1A, afdeling Onderbouw)."""
    kwargs.setdefault("verantwoordelijke", w.mentor)
    kwargs.setdefault("onderwerp_type", ContentType.objects.get_for_model(w.anna))
    kwargs.setdefault("onderwerp_id", w.anna.pk)
    return Termijn.objects.create(
        school=w.school, omschrijving="Verslag van het gesprek vastleggen",
        regel="art. 9.2", startdatum=date(2026, 11, 20), aantal=10,
        eenheid=Eenheid.SCHOOLDAGEN, vervaldatum=vervaldatum, **kwargs)


def _post() -> list[tuple[str, str]]:
    return sorted((m.to[0], m.subject) for m in mail.outbox)


def _veeg(op: date, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        herinneringen_vegen(op)


def test_twee_schooldagen_vooraf_op_de_dag_en_daarna(termijnwereld,
                                                     django_capture_on_commit_callbacks):
    w = termijnwereld
    termijn = _termijn(w, date(2026, 12, 4))  # a Friday
    _veeg(date(2026, 12, 1), django_capture_on_commit_callbacks)  # three school days before
    assert _post() == []
    _veeg(date(2026, 12, 2), django_capture_on_commit_callbacks)
    assert _post() == [("mentor@school.example",
                        "[Echnaton Testcollege] Herinnering: termijn loopt af op "
                        "vrijdag 4 december 2026")]
    _veeg(date(2026, 12, 3), django_capture_on_commit_callbacks)  # still "vooraf": not again
    _veeg(date(2026, 12, 4), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == ("[Echnaton Testcollege] Vandaag loopt een termijn af "
                                      "(vrijdag 4 december 2026)")
    assert f"http://127.0.0.1:8000/termijnen/{termijn.pk}/" in mail.outbox[1].body
    _veeg(date(2026, 12, 5), django_capture_on_commit_callbacks)  # Saturday: no sweep
    assert len(mail.outbox) == 2
    _veeg(date(2026, 12, 7), django_capture_on_commit_callbacks)
    # The teamleider of Anna's department (Onderbouw), not the one of the Bovenbouw.
    assert sorted((m.to[0], m.subject) for m in mail.outbox[2:]) == [
        ("mentor@school.example",
         "[Echnaton Testcollege] Termijn verstreken op vrijdag 4 december 2026"),
        ("teamleider@school.example",
         "[Echnaton Testcollege] Termijn van een medewerker verstreken op "
         "vrijdag 4 december 2026"),
    ]
    termijn.refresh_from_db()
    assert termijn.status == Termijnstatus.VERLOPEN
    _veeg(date(2026, 12, 8), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4  # never twice


def test_vooraf_telt_over_weekend_en_vakantie(termijnwereld,
                                              django_capture_on_commit_callbacks):
    w = termijnwereld
    _termijn(w, date(2027, 1, 4))  # first school day after the kerstvakantie
    _veeg(date(2026, 12, 16), django_capture_on_commit_callbacks)
    assert mail.outbox == []
    _veeg(date(2026, 12, 17), django_capture_on_commit_callbacks)  # Thu: Fri 18 + Mon 4 Jan
    assert [m.to for m in mail.outbox] == [["mentor@school.example"]]


@pytest.mark.parametrize(("wie", "boven"), [
    ("mentor", "teamleider@school.example"),
    ("teamleider", "directie@school.example"),
    ("zorgcoordinator", "directie@school.example"),
])
def test_escalatie_naar_de_leidinggevende(termijnwereld, django_capture_on_commit_callbacks,
                                          wie, boven):
    w = termijnwereld
    _termijn(w, date(2026, 12, 4), verantwoordelijke=getattr(w, wie))
    _veeg(date(2026, 12, 7), django_capture_on_commit_callbacks)
    escalaties = [m.to[0] for m in mail.outbox if "van een medewerker" in m.subject]
    assert escalaties == [boven]


def test_een_rol_als_verantwoordelijke(termijnwereld, django_capture_on_commit_callbacks,
                                       client):
    w = termijnwereld
    termijn = _termijn(w, date(2026, 12, 4), verantwoordelijke=None,
                       verantwoordelijke_rol="directie")
    _veeg(date(2026, 12, 4), django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["directie@school.example"]]
    # And on the directie's start page, under "Mijn termijnen".
    client.force_login(w.directie)
    assert termijn in client.get(reverse("start")).context["termijnen"]


def test_mijn_termijnen_verlopen_bovenaan(termijnwereld, client):
    w = termijnwereld
    later = _termijn(w, date(2027, 1, 15))
    verlopen = _termijn(w, date(2026, 11, 2), status=Termijnstatus.VERLOPEN)
    _termijn(w, date(2026, 11, 3), status=Termijnstatus.VOLDAAN)
    _termijn(w, date(2026, 11, 3), verantwoordelijke=w.teamleider)  # not hers
    client.force_login(w.mentor)
    assert client.get(reverse("start")).context["termijnen"] == [verlopen, later]


def test_geen_herinnering_voor_een_afgesloten_termijn(termijnwereld,
                                                      django_capture_on_commit_callbacks):
    termijn = _termijn(termijnwereld, date(2026, 12, 4))
    termijn_voldaan(termijn)
    _veeg(date(2026, 12, 4), django_capture_on_commit_callbacks)
    assert mail.outbox == []
    with pytest.raises(InvoerFout, match="al afgesloten"):
        termijn_voldaan(termijn)


def test_een_onbekende_eenheid_wordt_geweigerd(termijnwereld):
    with pytest.raises(InvoerFout) as fout:
        termijn_openen(school=termijnwereld.school, omschrijving="Beroep afhandelen",
                       startdatum=date(2026, 12, 1), aantal=10, eenheid="lesuren",
                       verantwoordelijke_rol="directie")
    assert str(fout.value) == ("Onbekende eenheid 'lesuren' in de regel voor 'Beroep "
                               "afhandelen'. Kies uit: schooldagen, werkdagen, "
                               "kalenderdagen, weken.")
    assert not Termijn.objects.exists()
    assert not Herinnering.objects.exists()


def test_de_escalatielijn_is_statuutdata(termijnwereld, django_capture_on_commit_callbacks):
    """Issue 13: who is above whom comes from the statuut's rows, so a school that sends a
    mentor's missed deadline to the directie changes a row, not code; a role without a row
    above it escalates to nobody."""
    from statuut.models import Bevoegdheid

    w = termijnwereld
    rij = Bevoegdheid.objects.get(statuut__school=w.school, actie="termijn.escalatie_ontvangen",
                                  voor="mentor")
    assert (rij.rol, rij.omvang) == ("teamleider", "eigen_leerlingen")
    rij.rol, rij.omvang = "directie", "school"
    rij.save()
    _termijn(w, date(2026, 12, 4))
    _veeg(date(2026, 12, 7), django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox if "van een medewerker" in m.subject] == [
        "directie@school.example"]
    rij.delete()
    mail.outbox.clear()
    _termijn(w, date(2026, 12, 4))
    _veeg(date(2026, 12, 8), django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox if "van een medewerker" in m.subject] == []
