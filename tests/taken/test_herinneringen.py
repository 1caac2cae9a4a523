"""The sweep against a real worker and Redis: run twice, run concurrently (as two beats by
mistake would), and a worker child killed while sending: every reminder arrives once."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from dossiers.herinneringen import termijnen_vegen
from statuut.models import Eenheid, Herinnering, Termijn
from tests.taken.conftest import wacht_tot

VANDAAG = date(2026, 12, 4)  # a Friday: due today for one, overdue for another


def _termijnen(w) -> None:
    for vervaldatum, wie in [(date(2026, 12, 4), w.mentor), (date(2026, 12, 2), w.teamleider),
                             (date(2026, 12, 8), w.zorgcoordinator)]:
        Termijn.objects.create(
            school=w.school, omschrijving=f"Termijn van {wie.username}", regel="art. 9",
            startdatum=date(2026, 11, 20), aantal=10, eenheid=Eenheid.SCHOOLDAGEN,
            vervaldatum=vervaldatum, verantwoordelijke=wie)


# mentor: today; teamleider: overdue + directie above; zorgcoordinator: two days before.
VERWACHT = {"mentor@school.example", "teamleider@school.example", "directie@school.example",
            "zorgcoordinator@school.example"}


def _geteld(werker) -> Counter:
    return Counter((m["To"], m["Subject"]) for m in werker.mails())


def _alles_verzonden():
    return (Herinnering.objects.count() == 4
            and not Herinnering.objects.filter(verzonden_op__isnull=True).exists())


@pytest.mark.parametrize("concurrency", [1, 2])
def test_twee_vegen_na_of_naast_elkaar_sturen_alles_een_keer(werker, termijnwereld,
                                                             concurrency):
    _termijnen(termijnwereld)
    w = werker(concurrency=concurrency)
    termijnen_vegen.delay(op=VANDAAG.isoformat())
    termijnen_vegen.delay(op=VANDAAG.isoformat())
    wacht_tot(_alles_verzonden, wat="vier herinneringen verzonden")
    wacht_tot(lambda: len(w.mails()) >= 4, wat="vier e-mails")
    termijnen_vegen.delay(op=VANDAAG.isoformat())  # a third, later sweep
    wacht_tot(lambda: len(re.findall(r"dossiers\.termijnen_vegen\[[^\]]+\] succeeded",
                                     w.log_tekst())) == 3,
              wat="derde veegbeurt afgerond")
    geteld = _geteld(w)
    assert {to for to, _ in geteld} == VERWACHT
    assert set(geteld.values()) == {1}
    assert len(geteld) == 4


def test_een_gestorven_worker_verliest_niets_en_verdubbelt_niets(werker, termijnwereld):
    _termijnen(termijnwereld)
    w = werker(pauze_bij="mail")
    w.blokkeren()
    termijnen_vegen.delay(op=VANDAAG.isoformat())
    pid = w.wacht_op_geblokkeerd_kind()  # a child is about to hand an e-mail to the backend
    w.kind_doden(pid)  # killed halfway, before the e-mail leaves
    w.vrijgeven()
    wacht_tot(_alles_verzonden, wat="alle herinneringen verzonden na de crash")
    wacht_tot(lambda: len(w.mails()) >= 4, wat="vier e-mails")
    assert "signal 9 (SIGKILL)" in w.log_tekst()  # the crash really happened
    geteld = _geteld(w)
    assert {to for to, _ in geteld} == VERWACHT
    assert set(geteld.values()) == {1}
