"""Letters in a real worker on Redis: made after commit, and made once when the worker child
dies halfway through rendering and the task is delivered again."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from django.db import transaction
from pypdf import PdfReader

from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Brief, Dossierstuk
from tests.brieven.test_brieven import UITNODIGING
from tests.taken.conftest import wacht_tot


def _aanvragen(w) -> int:
    with transaction.atomic():  # the decision's transaction: nothing is sent before commit
        brief = brief_aanvragen(door=w.mentor, leerling=w.anna, soort="uitnodiging_gesprek",
                                sleutel="besluit-1:uitnodiging", gegevens=UITNODIGING,
                                datum=date(2026, 11, 24))
    return brief.pk


def _gemaakt(pk: int) -> bool:
    return Brief.objects.filter(pk=pk, status="gemaakt").exists()


def test_een_brief_wordt_na_de_commit_in_de_worker_gemaakt(werker, wereld):
    werker()
    pk = _aanvragen(wereld)
    wacht_tot(lambda: _gemaakt(pk), wat="brief gemaakt")
    brief = Brief.objects.get(pk=pk)
    tekst = PdfReader(BytesIO(bytes(brief.pdf))).pages[0].extract_text()
    assert "Anna de Vries" in " ".join(tekst.split())


def test_een_gestorven_worker_maakt_de_brief_toch_een_keer(werker, wereld):
    w = werker(pauze_bij="pdf")
    w.blokkeren()
    pk = _aanvragen(wereld)
    pid = w.wacht_op_geblokkeerd_kind()  # inside the render, row locked, PDF not yet written
    w.kind_doden(pid)
    w.vrijgeven()
    wacht_tot(lambda: _gemaakt(pk), wat="brief gemaakt na de crash")
    assert "signal 9 (SIGKILL)" in w.log_tekst()
    # Delivered again: still one letter, one dossier entry, one PDF.
    from dossiers.brieven.taken import brief_maken_taak

    brief_maken_taak.delay(pk)
    wacht_tot(lambda: w.log_tekst().count("succeeded") >= 2, wat="tweede levering verwerkt")
    assert Brief.objects.count() == 1
    assert Dossierstuk.objects.filter(leerling=wereld.anna).count() == 1
    assert Brief.objects.get(pk=pk).pogingen == 1  # the killed attempt rolled back
