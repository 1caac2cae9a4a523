"""Issue 12, point 15 for complaints: whoever must act next is told, through one deadline
and its reminder (sent by the reminder task), by reference only: the teamleiding when a
complaint reaches them (Echnaton art. 12 names no term for them), the commission's secretary
when it reaches the geschillencommissie."""

from __future__ import annotations

from datetime import date

from django.core import mail

from klachten.models import Klacht
from statuut.models import Herinnering, Termijn

from .conftest import commissie_instellen
from .test_klachtroutes import _afronden, _doorzetten, indienen, termijn_van


def test_de_teamleiding_hoort_dat_de_klacht_bij_haar_ligt(
        client, kw, django_capture_on_commit_callbacks):
    klacht = indienen(client, kw, date(2026, 12, 18))
    _afronden(client, kw.mentor, klacht, date(2027, 1, 14))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _doorzetten(client, kw.mentor, klacht, "bemiddeling-teamleiding", date(2027, 1, 14))
    termijn = Termijn.objects.get(omschrijving=f"Klacht {klacht.kenmerk}: Bemiddeling door de "
                                               "teamleiding, oppakken")
    # The teamleider of Anna's department; one week (DEFAULT) from 14 January.
    assert (termijn.verantwoordelijke, termijn.vervaldatum) == (kw.teamleider,
                                                                date(2027, 1, 21))
    [bericht] = mail.outbox
    assert (bericht.to, bericht.subject) == (
        ["teamleider@school.example"],
        "[Echnaton Testcollege] Er wacht een stap op u, uiterlijk donderdag 21 januari 2027")
    assert f"Klacht {klacht.kenmerk}: Bemiddeling door de teamleiding" in bericht.body
    for geheim in ("Anna", "Vries", "Toetsen", "nabesproken"):
        assert geheim not in bericht.body
    # Handled: the hand-over deadline is met.
    _afronden(client, kw.teamleider, klacht, date(2027, 1, 20))
    assert Termijn.objects.get(pk=termijn.pk).status == "voldaan"


def test_de_secretaris_hoort_dat_de_klacht_bij_de_commissie_ligt(
        client, kw, django_capture_on_commit_callbacks):
    commissie_instellen(kw)  # the directie provides the secretary
    klacht = indienen(client, kw, date(2026, 11, 2))
    _afronden(client, kw.mentor, klacht, date(2026, 11, 5))
    _doorzetten(client, kw.mentor, klacht, "bemiddeling-teamleiding", date(2026, 11, 5))
    _afronden(client, kw.teamleider, klacht, date(2026, 11, 6))
    _doorzetten(client, kw.teamleider, klacht, "klacht-schoolleiding", date(2026, 11, 6))
    _afronden(client, kw.directie, klacht, date(2026, 11, 10))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _doorzetten(client, kw.mentor, klacht, "geschillencommissie", date(2026, 11, 11))
    klacht = Klacht.objects.get(pk=klacht.pk)
    termijn = termijn_van(klacht, "geschillencommissie")
    assert termijn.verantwoordelijke == kw.directie
    [herinnering] = Herinnering.objects.filter(termijn=termijn)
    assert (herinnering.soort, herinnering.ontvanger) == ("nieuw", kw.directie)
    assert herinnering.verzonden_op is not None
    [bericht] = mail.outbox
    assert bericht.to == ["directie@school.example"]
    assert bericht.subject == ("[Echnaton Testcollege] Er wacht een stap op u, uiterlijk "
                               "woensdag 25 november 2026")
    assert f"Klacht {klacht.kenmerk}: Geschillencommissie" in bericht.body
    assert "Anna" not in bericht.body
