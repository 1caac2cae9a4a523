"""Issue 12, point 10: a decision letter is addressed to exactly whom the statuut's article
names, in the order it names them, for every letter kind of each of the three presets; the
age rules stay (a pupil of age is addressed, parents then only while the statuut says so or
with consent). Each letter's PDF shows the addressees and the article."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from dossiers.brieven.services import brief_aanvragen
from dossiers.brieven.soorten import SOORTEN
from dossiers.models import Brief
from statuut.models import Briefregel, Partij
from statuut.selectors import statuut_op

DATUM = date(2026, 11, 23)

# (preset school, letter kind) -> addressees in the article's order, copies. Read from the
# seeds: Echnaton art. 8.4 and bijlage A, Noordgouw art. 24.3/24.5 and 25.3/25.7(8)/25.10,
# Wijzer's protocol ("schriftelijk aan de ouders"; "ter kennisgeving" to the board etc.).
VERWACHT = {
    ("echnaton", "sanctie_schorsing_besluit"):
        (["ouders", "leerling", "mentor"], ["bevoegd_gezag", "inspectie"], "8.4"),
    ("echnaton", "sanctie_ontzegging_besluit"):
        (["ouders", "leerling", "mentor"], ["bevoegd_gezag", "inspectie"], "8.4"),
    ("echnaton", "sanctie_bezwaar_schorsing"): (["ouders", "leerling", "mentor"], [], "8.4"),
    ("echnaton", "sanctie_verwijdering_voornemen"):
        (["ouders", "leerling", "mentor"], ["inspectie"], "8.4"),
    ("echnaton", "sanctie_verwijdering_besluit"):
        (["ouders", "leerling", "mentor"], ["inspectie"], "8.4"),
    ("echnaton", "sanctie_verwijdering_heroverweging"):
        (["ouders", "leerling", "mentor"], ["inspectie"], "8.4"),
    ("noordgouw", "sanctie_schorsing_besluit"): (["leerling", "ouders"], ["inspectie"], "24.3"),
    ("noordgouw", "sanctie_ontzegging_besluit"): (["leerling", "ouders"], ["inspectie"], "24.3"),
    ("noordgouw", "sanctie_verwijdering_voornemen"): (["leerling", "ouders"], [], "25.3"),
    ("noordgouw", "sanctie_verwijdering_besluit"):
        (["leerling", "ouders"], ["inspectie"], "25.3"),
    ("noordgouw", "sanctie_verwijdering_heroverweging"):
        (["leerling", "ouders"], ["inspectie"], "25.10"),
    ("wijzer", "sanctie_time_out"): (["ouders"], [], "time-out"),
    ("wijzer", "sanctie_schorsing_besluit"): (["ouders"], ["bevoegd_gezag", "inspectie"],
                                             "schorsing"),
    ("wijzer", "sanctie_bezwaar_schorsing"): (["ouders"], [], "schorsing bezwaar"),
    ("wijzer", "sanctie_verwijdering_voornemen"):
        (["ouders"], ["bevoegd_gezag", "leerplicht", "inspectie"], "verwijdering"),
    ("wijzer", "sanctie_verwijdering_besluit"):
        (["ouders"], ["bevoegd_gezag", "leerplicht", "inspectie"], "verwijdering bezwaar"),
    ("wijzer", "sanctie_verwijdering_heroverweging"):
        (["ouders"], ["bevoegd_gezag", "leerplicht", "inspectie"], "verwijdering bezwaar"),
}


def _tekst(brief: Brief) -> str:
    brief = Brief.objects.get(pk=brief.pk)
    reader = PdfReader(BytesIO(bytes(brief.pdf)))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def _leerling(scholen, school: str):
    return {"echnaton": scholen.w.anna, "noordgouw": scholen.dirk,
            "wijzer": scholen.sanne}[school]


def _brief(scholen, capture, leerling, soort: str, sleutel: str = "") -> Brief:
    gegevens = {k: "1" if k == "schooldagen" else f"[{k}]" for k in SOORTEN[soort].vereist}
    with capture(execute=True):
        return brief_aanvragen(door=scholen.w.administratie, leerling=leerling, soort=soort,
                               sleutel=sleutel or f"test:{leerling.pk}:{soort}",
                               gegevens=gegevens, datum=DATUM,
                               statuut=statuut_op(leerling.school, DATUM))


def test_elke_briefsoort_van_elk_statuut_heeft_een_regel(scholen):
    """The table above is every rule the presets ship: none missing, none extra."""
    geladen = {(r.statuut.school.korte_naam, r.soort)
               for r in Briefregel.objects.select_related("statuut__school")}
    assert geladen == set(VERWACHT)


@pytest.mark.parametrize(("school", "soort"), sorted(VERWACHT))
def test_de_brief_gaat_aan_wie_het_artikel_noemt_in_zijn_volgorde(
        scholen, django_capture_on_commit_callbacks, school, soort):
    aan, afschrift, artikel = VERWACHT[(school, soort)]
    leerling = _leerling(scholen, school)
    regel = Briefregel.objects.get(statuut=statuut_op(leerling.school, DATUM), soort=soort)
    assert (regel.aan, regel.afschrift, regel.artikel) == (aan, afschrift, artikel)

    brief = _brief(scholen, django_capture_on_commit_callbacks, leerling, soort)
    ontvangers = list(brief.ontvangers.all())
    assert [o.partij for o in ontvangers if not o.afschrift] == aan
    assert [o.partij for o in ontvangers if o.afschrift] == afschrift
    tekst = _tekst(brief)
    namen = {"leerling": f"{leerling.volledige_naam} (leerling)",
             "mentor": "(mentor)", "ouders": "(ouder/verzorger)"}
    regel_aan = tekst[tekst.index("Aan:"):]
    posities = [regel_aan.index(namen[p]) for p in aan]
    assert posities == sorted(posities), "the addressees in the article's order"
    if afschrift:
        assert "Afschrift aan:" in tekst
        assert "Stichting Testscholen" in tekst or "bevoegd_gezag" not in afschrift
    else:
        assert "Afschrift aan:" not in tekst
    if "leerling" in aan:
        assert f"Beste {leerling.roepnaam}" in tekst or f"beste {leerling.roepnaam}" in tekst


def test_noordgouw_schrijft_de_ouders_aan_tot_21_en_echnaton_alleen_met_toestemming(
        scholen, django_capture_on_commit_callbacks):
    """Noordgouw art. 24.3: to the pupil "en, indien de leerling nog geen 21 jaar is, ook aan
    de ouders"; Echnaton art. 8.4 names the parents, but a pupil of 19 decides: without
    consent no letter to them, with consent a copy."""
    dirk, anna = scholen.dirk, scholen.w.anna
    for leerling in (dirk, anna):
        leerling.geboortedatum = date(2007, 5, 1)  # 19
        leerling.save()
    soort = "sanctie_schorsing_besluit"

    def partijen(brief):
        return [(o.partij, o.afschrift) for o in brief.ontvangers.all()]

    brief = _brief(scholen, django_capture_on_commit_callbacks, dirk, soort)
    assert partijen(brief) == [("leerling", False), ("ouders", False), ("inspectie", True)]
    brief = _brief(scholen, django_capture_on_commit_callbacks, anna, soort)
    assert partijen(brief) == [("leerling", False), ("mentor", False),
                               ("bevoegd_gezag", True), ("inspectie", True)]
    anna.toestemming_ouders_informeren_op = date(2026, 9, 1)
    anna.save()
    brief = _brief(scholen, django_capture_on_commit_callbacks, anna, soort, sleutel="t")
    assert partijen(brief) == [("leerling", False), ("mentor", False), ("ouders", True),
                               ("bevoegd_gezag", True), ("inspectie", True)]
    dirk.geboortedatum = date(2005, 5, 1)  # 21: the parents only with consent
    dirk.save()
    brief = _brief(scholen, django_capture_on_commit_callbacks, dirk, soort, sleutel="u")
    assert partijen(brief) == [("leerling", False), ("inspectie", True)]


def test_een_brief_zonder_regel_gaat_aan_de_ouders_of_de_meerderjarige_leerling(
        scholen, django_capture_on_commit_callbacks):
    anna = scholen.w.anna
    brief = _brief(scholen, django_capture_on_commit_callbacks, anna, "uitnodiging_gesprek")
    assert [o.partij for o in brief.ontvangers.all()] == [Partij.OUDERS]
