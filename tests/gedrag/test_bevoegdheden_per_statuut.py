"""The daily measures' rules as rows, read back against the seeds: who imposes which rung
(the ladder's rows), who takes the steps after it (`bevoegdheden: gedrag:`), fraude and the
police as statuut data. Every row cites its article."""

from __future__ import annotations

from dossiers import toegang
from statuut.models import Bevoegdheid


def test_echnaton(scholen):
    statuut = scholen.echnaton.statuten.get()
    # Art. 7.1: strafwerk by the docent; bijlage A: the kaarten by the teamleider.
    assert "docent" in toegang.rollen_voor(statuut, "maatregel.opleggen", voor="strafwerk")
    for kaart in ("gele-kaart", "rode-kaart"):
        assert toegang.rollen_voor(statuut, "maatregel.opleggen", voor=kaart) == {"teamleider"}
    assert toegang.rollen_voor(statuut, "gedrag.niet_nagekomen_opvolgen") == {"teamleider"}
    assert {r.artikel for r in Bevoegdheid.objects.filter(
        statuut=statuut, actie="gedrag.fraude_vastleggen")} == {"4.13"}
    assert statuut.fraudemaatregelen == [{
        "code": "cijfer-1", "naam": "Het resultaat van de toets wordt beoordeeld met het "
        "cijfer 1.0", "cijfer": "1.0", "artikel": "4.13"}]
    # Art. 7.5: drugs, wapens, vuurwerk, moedwillige vernieling, belediging, geweld: always
    # aangifte.
    assert {o["code"]: o["aangifte"] for o in statuut.overtredingen} == {
        c: "altijd" for c in ("drugs", "wapens", "vuurwerk", "vandalisme", "belediging",
                              "geweld")}
    assert (statuut.niet_nagekomen_termijn_aantal,
            statuut.niet_nagekomen_termijn_eenheid) == (5, "schooldagen")


def test_noordgouw(scholen):
    statuut = scholen.noordgouw.statuten.get()
    # Art. 22.4: waarschuwing, strafwerk and corvee by the docent (own pupils).
    for code in ("waarschuwing", "strafwerk", "corvee"):
        rij = Bevoegdheid.objects.get(statuut=statuut, actie="maatregel.opleggen", voor=code,
                                      rol="docent")
        assert (rij.omvang, rij.artikel) == ("eigen_leerlingen", "22.4")
    # Art. 23.1 a-d.
    assert [f["code"] for f in statuut.fraudemaatregelen] == [
        "waarschuwen", "deel-fout", "toets-innemen", "cijfer-1"]
    assert [f.get("cijfer", "") for f in statuut.fraudemaatregelen] == ["", "", "", "1"]
    # Art. 11.6: parents and schoolleiding always told; art. 11.2.10 "indien van toepassing".
    overtredingen = {o["code"]: o for o in statuut.overtredingen}
    assert overtredingen["genotsmiddelen"]["ouders_informeren"] is True
    assert overtredingen["genotsmiddelen"]["schoolleiding_informeren"] is True
    assert overtredingen["wapens"]["aangifte"] == "indien_van_toepassing"
    assert toegang.rollen_voor(statuut, "gedrag.melding_ontvangen") == {"directie"}


def test_wijzer_kent_geen_dagelijkse_maatregelen(scholen):
    statuut = scholen.wijzer.statuten.get()
    assert not Bevoegdheid.objects.filter(statuut=statuut, actie__startswith="gedrag.").exists()
    assert statuut.overtredingen == [] and statuut.fraudemaatregelen == []


def test_elke_rij_van_gedrag_noemt_zijn_artikel(scholen):
    rijen = Bevoegdheid.objects.filter(actie__startswith="gedrag.")
    assert rijen.exists()
    assert [r for r in rijen if not r.artikel] == []
