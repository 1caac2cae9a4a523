"""Letters in a real worker on Redis: made after commit; made once when the worker child dies
halfway through rendering and the task is delivered again, or when the same request comes
twice; retried with a backoff and then shown as mislukt; a batch made with its progress."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from django.db import transaction
from pypdf import PdfReader

from dossiers.brieven.services import brief_aanvragen, bundel_aanvragen
from dossiers.brieven.taken import brief_maken_taak
from dossiers.models import Brief, Briefbundel, Dossierstuk
from tests.brieven.test_brieven import KLACHT, UITNODIGING
from tests.taken.conftest import wacht_tot


def _aanvragen(w, sleutel="besluit-1:uitnodiging", leerling=None, **kw) -> int:
    with transaction.atomic():  # the decision's transaction: nothing is sent before commit
        brief = brief_aanvragen(door=w.mentor, leerling=leerling or w.anna,
                                soort=kw.pop("soort", "uitnodiging_gesprek"), sleutel=sleutel,
                                gegevens=kw.pop("gegevens", UITNODIGING),
                                datum=date(2026, 11, 24), **kw)
    return brief.pk


def _status(pk: int) -> str:
    return Brief.objects.values_list("status", flat=True).get(pk=pk)


def _tekst(pk: int) -> str:
    pdf = Brief.objects.values_list("pdf", flat=True).get(pk=pk)
    reader = PdfReader(BytesIO(bytes(pdf)))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_een_brief_wordt_na_de_commit_in_de_worker_gemaakt(werker, wereld):
    werker()
    pk = _aanvragen(wereld)
    wacht_tot(lambda: _status(pk) == "gemaakt", wat="brief gemaakt")
    tekst = _tekst(pk)
    for zin in ("Anna de Vries", "24 november 2026",
                "artikel 9.2 van het leerlingenstatuut", "Echnaton Testcollege"):
        assert zin in tekst, zin
    assert Dossierstuk.objects.get(leerling=wereld.anna).brief.pk == pk


def test_een_aanvraag_die_terugrolt_maakt_geen_brief(werker, wereld):
    w = werker()
    try:
        with transaction.atomic():
            brief_aanvragen(door=wereld.mentor, leerling=wereld.anna,
                            soort="uitnodiging_gesprek", sleutel="teruggerold",
                            gegevens=UITNODIGING)
            raise RuntimeError("het besluit gaat niet door")
    except RuntimeError:
        pass
    pk = _aanvragen(wereld)  # a later letter is made: the worker was idle, not stuck
    wacht_tot(lambda: _status(pk) == "gemaakt", wat="brief gemaakt")
    assert list(Brief.objects.values_list("sleutel", flat=True)) == ["besluit-1:uitnodiging"]
    assert w.log_tekst().count("dossiers.brief_maken") >= 1


def test_een_gestorven_worker_maakt_de_brief_toch_een_keer(werker, wereld):
    w = werker(pauze_bij="pdf")
    w.blokkeren()
    pk = _aanvragen(wereld)
    pid = w.wacht_op_geblokkeerd_kind()  # inside the render, row locked, PDF not yet written
    w.kind_doden(pid)
    w.vrijgeven()
    wacht_tot(lambda: _status(pk) == "gemaakt", wat="brief gemaakt na de crash")
    assert "signal 9 (SIGKILL)" in w.log_tekst()
    # Delivered again: still one letter, one dossier entry, one PDF.
    brief_maken_taak.delay(pk)
    wacht_tot(lambda: w.log_tekst().count("succeeded") >= 2, wat="tweede levering verwerkt")
    assert Brief.objects.count() == 1
    assert Dossierstuk.objects.filter(leerling=wereld.anna).count() == 1
    assert Brief.objects.get(pk=pk).pogingen == 1  # the killed attempt rolled back
    assert PdfReader(BytesIO(bytes(Brief.objects.get(pk=pk).pdf))).pages


def test_dezelfde_aanvraag_twee_keer_en_twee_keer_geleverd(werker, wereld):
    w = werker(concurrency=2)
    eerste = _aanvragen(wereld)
    tweede = _aanvragen(wereld)  # the same decision asks again: the same letter
    assert eerste == tweede
    brief_maken_taak.delay(eerste)  # and the task arrives once more, side by side
    wacht_tot(lambda: w.log_tekst().count("succeeded") >= 2, wat="beide leveringen verwerkt")
    assert _status(eerste) == "gemaakt"
    assert Brief.objects.count() == 1
    assert Dossierstuk.objects.filter(leerling=wereld.anna).count() == 1


def test_een_brief_die_niet_te_maken_is_wordt_mislukt_met_reden(werker, wereld):
    """A letter kind that no longer exists in the code (removed in a deploy while a request
    waited): each try fails; after the retries (as ETAs on Redis; 2, 4 and 8 seconds apart,
    here at most 1 s) the letter is mislukt with the reason, and no dossier entry is written."""
    w = werker(herpoging_max=1)
    with transaction.atomic():
        brief = brief_aanvragen(door=wereld.mentor, leerling=wereld.anna,
                                soort="ontvangstbevestiging_klacht", sleutel="verdwenen",
                                gegevens=KLACHT)
        Brief.objects.filter(pk=brief.pk).update(soort="verdwenen_soort")
    wacht_tot(lambda: _status(brief.pk) == "mislukt", timeout=90, wat="brief mislukt")
    mislukt = Brief.objects.get(pk=brief.pk)
    assert mislukt.fout == ("Het maken is 4 keer mislukt. Laatste fout: InvoerFout: Onbekende "
                            "soort brief 'verdwenen_soort'.")
    assert mislukt.pogingen == 4 and mislukt.pdf is None
    assert w.log_tekst().count("retry: Retry in 1s") == 3
    assert not Dossierstuk.objects.exists()


def test_een_bundel_in_de_worker(werker, wereld):
    werker()
    pks = [_aanvragen(wereld), _aanvragen(wereld, sleutel="bram", leerling=wereld.bram,
                                          soort="ontvangstbevestiging_klacht", gegevens=KLACHT)]
    wacht_tot(lambda: all(_status(pk) == "gemaakt" for pk in pks), wat="brieven gemaakt")
    with transaction.atomic():
        bundel = bundel_aanvragen(door=wereld.administratie, brief_ids=pks)
    wacht_tot(lambda: Briefbundel.objects.get(pk=bundel.pk).status == "klaar",
              wat="bundel klaar")
    klaar = Briefbundel.objects.get(pk=bundel.pk)
    assert (klaar.klaar, klaar.totaal) == (2, 2)
    tekst = " ".join(p.extract_text() for p in PdfReader(BytesIO(bytes(klaar.pdf))).pages)
    assert "Anna de Vries" in " ".join(tekst.split()) and "Bram Jansen" in " ".join(tekst.split())
