"""Each preset's authority rows say what its seed says (issue 13 point 4): who may impose a
one-day schorsing, who hears the pupil first, who decides a bezwaar, who approves a
time-out, who decides a verwijdering, each with its article. Read from the rows (through
`dossiers.toegang`'s primitives, a body as the roles that act for it), not from code."""

from __future__ import annotations

import pytest

from dossiers import toegang
from statuut.models import Bestuur, School
from statuut.presets import preset_laden
from statuut.selectors import schorsing_voor


def _statuut(preset: str):
    bestuur = Bestuur.objects.create(naam=f"Bestuur {preset}")
    school = School.objects.create(bestuur=bestuur, naam=preset, korte_naam=preset[:8],
                                   brin=f"{len(preset):02d}ZZ", regio="midden",
                                   onderwijssoort="po" if "wijzer" in preset else "vo")
    return preset_laden(school=school, preset=preset)


def _rijen(statuut, actie: str, voor: str = "", niveau: int | None = None):
    """(who the row names, its scope, its article) in the file's order."""
    return [(r.rol, r.omvang, r.artikel) for r in sorted(
        toegang.rijen(statuut, actie, voor=voor, niveau=niveau), key=lambda r: r.pk)]


@pytest.mark.django_db
def test_echnaton_de_teamleiding_schorst_een_dag_de_schoolleiding_langer():
    st = _statuut("echnaton-2009")
    eendaags = schorsing_voor(st, 1)
    # Art. 8.2: "De ééndaagse schorsingsbevoegdheid is door de schoolleiding overgedragen aan
    # de teamleiding": the teamleider for the own department, the schoolleiding keeps it.
    assert _rijen(st, "maatregel.opleggen", eendaags.code, niveau=1) == [
        ("teamleider", "eigen_leerlingen", "8.2"), ("directie", "school", "8.2")]
    assert eendaags.mandaat_van == "directie"
    # "De driedaagse schorsing wordt opgelegd door de schoolleiding", the week too.
    for dagen in (2, 3, 5):
        assert toegang.rollen_voor(st, "maatregel.opleggen", voor=schorsing_voor(st, dagen).code,
                                   niveau=dagen) == {"directie"}
    # The one-day rung reaches no further than one day.
    assert toegang.rijen(st, "maatregel.opleggen", voor=eendaags.code, niveau=2) == []
    # Who hears: the statuut says nothing (no row): the law, whoever imposes hears.
    assert _rijen(st, "schorsing.horen") == []
    # Art. 8.4: the leerlingenadministratie informs ("stelt ... schriftelijk en vooraf op de
    # hoogte"); bezwaar at the bevoegd gezag (the law), who acts through the directie.
    assert _rijen(st, "maatregel.informeren", eendaags.code) == [
        ("administratie", "school", "8.4")]
    assert _rijen(st, "schorsing.bezwaar_beslissen") == [("bevoegd_gezag", "school", "8.4")]
    assert toegang.rollen_voor(st, "schorsing.bezwaar_beslissen") == {"directie"}
    # Art. 8.3: the teamleiding proposes an ontzegging and a verwijdering, the schoolleiding
    # decides.
    for rung in ("ontzegging-toegang", "verwijdering"):
        assert _rijen(st, "maatregel.voorstellen", rung) == [
            ("teamleider", "eigen_leerlingen", "8.3")]
        assert _rijen(st, "maatregel.opleggen", rung) == [("directie", "school", "8.3")]


@pytest.mark.django_db
def test_noordgouw_een_directielid_schorst_na_horen_door_afdelingsleider_en_directielid():
    st = _statuut("noordgouw-2022")
    schorsing = schorsing_voor(st, 1)
    # Art. 24.1: "een lid van de directie", up to a week.
    assert _rijen(st, "maatregel.opleggen", schorsing.code, niveau=1) == [
        ("directie", "school", "24.1")]
    assert _rijen(st, "maatregel.opleggen", schorsing.code, niveau=5) == [
        ("directie", "school", "24.1")]
    # Art. 24.2: the afdelingsleider and a directielid hear the pupil.
    assert _rijen(st, "schorsing.horen") == [("teamleider", "school", "24.2"),
                                             ("directie", "school", "24.2")]
    # Art. 24.4: "Er kan geen bezwaar worden gemaakt tegen het schorsingsbesluit."
    assert _rijen(st, "schorsing.bezwaar_beslissen") == []
    # Art. 25.3a: directielid, afdelingsleider and a zorgcoördinator hear before the
    # intention; art. 25.10: bezwaar against the verwijdering at the bevoegd gezag.
    assert _rijen(st, "verwijdering.horen") == [("directie", "school", "25.3"),
                                                ("teamleider", "school", "25.3"),
                                                ("zorgcoordinator", "school", "25.3")]
    assert _rijen(st, "verwijdering.bezwaar_beslissen") == [
        ("bevoegd_gezag", "school", "25.10")]
    # Art. 22.4 d: a time-out by the afdelingsleider or the directie, no approval asked.
    assert toegang.rollen_voor(st, "maatregel.opleggen", voor="time-out") == {
        "teamleider", "directie"}
    assert _rijen(st, "maatregel.goedkeuren", "time-out") == []


@pytest.mark.django_db
def test_wijzer_de_directeur_schorst_in_mandaat_het_bevoegd_gezag_verwijdert():
    st = _statuut("wijzer-2024")
    schorsing = schorsing_voor(st, 1)
    # The directeur, on the board's mandate (the board keeps the power; it acts through the
    # directie in the application).
    assert [r[0] for r in _rijen(st, "maatregel.opleggen", schorsing.code, niveau=1)] == [
        "directie", "bevoegd_gezag"]
    assert schorsing.mandaat_van == "bevoegd_gezag"
    assert _rijen(st, "schorsing.horen") == [("directie", "school", "schorsing")]
    # "Tegen het schorsingsbesluit kan bezwaar worden gemaakt bij het bevoegd gezag."
    assert _rijen(st, "schorsing.bezwaar_beslissen") == [
        ("bevoegd_gezag", "school", "schorsing bezwaar")]
    # A time-out "alleen na goedkeuring door de directeur", given by the teacher.
    assert _rijen(st, "maatregel.goedkeuren", "time-out") == [
        ("directie", "school", "time-out")]
    assert [r[:2] for r in _rijen(st, "maatregel.opleggen", "time-out")] == [
        ("mentor", "eigen_leerlingen"), ("docent", "eigen_leerlingen"), ("directie", "school")]
    # The verwijdering is the bevoegd gezag's own decision, proposed by the directeur.
    assert _rijen(st, "maatregel.opleggen", "verwijdering") == [
        ("bevoegd_gezag", "school", "verwijdering")]
    assert _rijen(st, "maatregel.voorstellen", "verwijdering") == [
        ("directie", "school", "verwijdering")]
