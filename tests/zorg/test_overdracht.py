"""Issue 12, point 15 for the care route: a pupil referred to the zorgcoördinatoren (seed
001 stap 2, choice 3) tells them through one deadline and its reminder, by the case's
reference only; the analysis meets it. The mentor's notice of a new signal is the
deadline's reminder too (tests/zorg/test_route.py)."""

from __future__ import annotations

from datetime import date

from django.core import mail

from statuut.models import Termijn
from tests.zorg.conftest import VANDAAG, dossier_van, naar_fase


def test_een_aanmelding_bij_de_zorgcoordinatoren_meldt_zich_bij_hen(
        zw, klik, django_capture_on_commit_callbacks):
    zd = naar_fase(zw, "consultatie")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = klik.als(zw.mentor).stap(zd, "consultatie", {
            "datum": VANDAAG, "aard_en_ernst": "Zorgelijk, thuis speelt iets.",
            "keuze": "zorgcoordinatoren"})
    assert r.status_code == 302
    termijn = Termijn.objects.get(
        omschrijving=f"Zorgtraject Z-{zd.pk}: aangemeld bij de zorgcoördinatoren, "
                     "probleemanalyse maken")
    # DEFAULT ten school days from Tuesday 24 November.
    assert (termijn.verantwoordelijke_rol, termijn.vervaldatum) == ("zorgcoordinator",
                                                                    date(2026, 12, 8))
    [bericht] = mail.outbox
    assert (bericht.to, bericht.subject) == (
        ["zorgcoordinator@school.example"],
        "[Echnaton Testcollege] Er wacht een stap op u, uiterlijk dinsdag 8 december 2026")
    assert "Anna" not in bericht.body and "thuis" not in bericht.body

    klik.als(zw.zorgcoordinator).stap(zd, "analyse", {
        "gesprek_leerling_op": VANDAAG, "gesprek_ouders_op": VANDAAG,
        "analyse": "Vader is vertrokken."})
    assert dossier_van(zw.anna).fase == "plan"
    assert Termijn.objects.get(pk=termijn.pk).status == "voldaan"
