"""Issue 15, fault runs: a letter whose render task never reached the queue (Redis restarting
at the commit) or was lost with a whole worker stays `aangevraagd`; the beat task every five
minutes queues it again, once it has waited ten minutes, and the letter is made exactly once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from dossiers.brieven.services import brief_aanvragen
from dossiers.brieven.taken import brieven_vastgelopen_opnieuw_taak
from dossiers.models import Brief, Dossierstuk
from tests.brieven.test_brieven import UITNODIGING

AMS = ZoneInfo("Europe/Amsterdam")
AANVRAAG = datetime(2026, 11, 24, 9, 0, tzinfo=AMS)


def _verloren_aanvraag(w, sleutel: str, leerling) -> Brief:
    """A request committed while its task was lost: the test's transaction never runs the
    on-commit hook, as a broker that refused the message would leave it."""
    return brief_aanvragen(door=w.mentor, leerling=leerling, soort="uitnodiging_gesprek",
                           sleutel=sleutel, gegevens=UITNODIGING, datum=date(2026, 11, 24))


def _stand(brief: Brief) -> tuple:
    return Brief.objects.values_list("status", "paginas", "pogingen").get(pk=brief.pk)


def test_een_verloren_brief_wordt_na_tien_minuten_opnieuw_gestart_en_een_keer_gemaakt(
        wereld, django_capture_on_commit_callbacks):
    with time_machine.travel(AANVRAAG, tick=False):
        oud = _verloren_aanvraag(wereld, "verloren", wereld.anna)
    with time_machine.travel(AANVRAAG + timedelta(minutes=6), tick=False):
        nieuw = _verloren_aanvraag(wereld, "net-aangevraagd", wereld.bram)
    assert set(Brief.objects.values_list("status", flat=True)) == {"aangevraagd"}

    with time_machine.travel(AANVRAAG + timedelta(minutes=11), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert brieven_vastgelopen_opnieuw_taak.delay().get() == 1
    assert _stand(oud) == ("gemaakt", 1, 1)
    assert _stand(nieuw)[0] == "aangevraagd"  # six minutes old: its task may still come

    # The lost task turns up after all, and the beat runs again: still one letter.
    with time_machine.travel(AANVRAAG + timedelta(minutes=17), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert brieven_vastgelopen_opnieuw_taak.delay().get() == 1
            from dossiers.brieven.taken import brief_maken_taak

            assert brief_maken_taak.delay(oud.pk).get() is False
    assert _stand(nieuw) == ("gemaakt", 1, 1)
    assert Dossierstuk.objects.filter(leerling=wereld.anna).count() == 1
    assert Dossierstuk.objects.filter(leerling=wereld.bram).count() == 1
    assert _stand(oud) == ("gemaakt", 1, 1)
