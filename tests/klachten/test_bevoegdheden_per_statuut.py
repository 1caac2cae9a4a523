"""Who handles each complaint stage and who decides each beroep or bezwaar, per preset, read
from the statuut's authority rows (issue 13), each with the article of the seed that says so:
Echnaton art. 12 and bijlage B, Noordgouw art. 19.2, 22.3 and 18.3, Wijzer (the protocol is
silent: our DEFAULT, said in the row)."""

from __future__ import annotations

import pytest

from klachten import toegang as klachten_toegang
from statuut.models import Bestuur, Bevoegdheid, Orgaanrol, School, Statuut
from statuut.presets import preset_laden

#: The word the article uses for a holder.
WOORD = {"docent": "docent", "mentor": "mentor", "teamleider": ("teamleiding", "afdelingsleider"),
         "directie": ("schoolleiding", "conrector"), "geschillencommissie": "geschillencommissie",
         "klachtencommissie": "klachtencommissie",
         "bevoegd_gezag": ("rector-bestuurder", "bevoegd gezag"),
         "vertrouwenspersoon": ("vertrouwenscontactpersoon", "Vertrouwenspersoon")}


@pytest.fixture
def statuten(wereld):
    wijzer = School.objects.create(bestuur=Bestuur.objects.get(), naam="Basisschool Wijzer",
                                   korte_naam="wijzer", brin="56EF", regio="midden",
                                   onderwijssoort="po")
    preset_laden(school=wijzer, preset="wijzer-2024")
    return {s.preset: s for s in Statuut.objects.all()}


def _rijen(statuut, actie: str, voor: str) -> list[tuple[str, str, str]]:
    return list(Bevoegdheid.objects.filter(statuut=statuut, actie=actie, voor=voor)
                .order_by("pk").values_list("rol", "omvang", "artikel"))


def _route(statuut, actie: str = klachten_toegang.FASE_AFHANDELEN) -> dict[str, list[str]]:
    return {f.code: [rol for rol, _o, _a in _rijen(statuut, actie, f.code)]
            for f in statuut.klachtfasen.order_by("route", "volgorde")}


def _het_artikel_noemt_hen(statuut, actie: str) -> None:
    """Every row of `actie` cites an article of this statuut that names its holder."""
    for rij in Bevoegdheid.objects.filter(statuut=statuut, actie=actie):
        assert rij.artikel, rij
        tekst = statuut.artikelen.get(nummer=rij.artikel).tekst
        woorden = WOORD[rij.rol] if isinstance(WOORD[rij.rol], tuple) else (WOORD[rij.rol],)
        assert any(w in tekst for w in woorden), (rij, rij.artikel)


def test_echnaton_art_12_en_bijlage_b(statuten):
    s = statuten["echnaton-2009"]
    assert _route(s) == {
        # Art. 12 klachten 1: the pupil talks with the docent; nobody records that talk, the
        # mentor hears how it went (klachten 2) and takes the complaint on.
        "gesprek-docent": [],
        "bemiddeling-mentor": ["mentor"],
        "bemiddeling-teamleiding": ["teamleider"],
        "klacht-schoolleiding": ["directie"],
        "geschillencommissie": ["geschillencommissie"],
        "uitspraak-schoolleiding": ["directie"],
        "landelijke-klachtencommissie": ["klachtencommissie"],
        "seksuele-intimidatie": ["vertrouwenspersoon"],
    }
    assert _rijen(s, klachten_toegang.GESPREK_VOEREN, "gesprek-docent") == [
        ("docent", "eigen_leerlingen", "12 klachten 1")]
    # Mentor and teamleiding mediate for their own pupils only.
    assert _rijen(s, klachten_toegang.FASE_AFHANDELEN, "bemiddeling-teamleiding") == [
        ("teamleider", "eigen_leerlingen", "12 klachten 3")]
    _het_artikel_noemt_hen(s, klachten_toegang.FASE_AFHANDELEN)
    _het_artikel_noemt_hen(s, klachten_toegang.GESPREK_VOEREN)
    # The school's contact person refers to the Landelijke Klachtencommissie.
    assert Orgaanrol.objects.get(statuut=s, orgaan="klachtencommissie").rollen == [
        "directie", "vertrouwenspersoon"]
    # Art. 12 Beroep and Bezwaar.
    assert {b.code: _rijen(s, klachten_toegang.BEROEP_BESLISSEN, b.code)
            for b in s.beroepsregels.all()} == {
        "beroep-docent": [("teamleider", "eigen_leerlingen", "12 beroep 1")],
        "beroep-teamleiding": [("directie", "school", "12 beroep 2")],
        "bezwaar-toepassing": [("directie", "school", "12 bezwaar 1")],
    }
    _het_artikel_noemt_hen(s, klachten_toegang.BEROEP_BESLISSEN)


def test_noordgouw_art_19_2_22_3_en_18_3(statuten):
    s = statuten["noordgouw-2022"]
    assert _route(s) == {
        "gesprek-docent": [],
        # "dan wordt de mentor of de afdelingsleider geraadpleegd"; the mentor first.
        "bemiddeling": ["mentor", "teamleider"],
        "reactie-conrector": ["directie"],
        "beroep-rector-bestuurder": ["bevoegd_gezag"],
        "vertrouwenspersoon": ["vertrouwenspersoon"],
    }
    assert [o for _r, o, _a in _rijen(s, klachten_toegang.FASE_AFHANDELEN, "bemiddeling")] == [
        "eigen_leerlingen", "eigen_leerlingen"]
    _het_artikel_noemt_hen(s, klachten_toegang.FASE_AFHANDELEN)
    _het_artikel_noemt_hen(s, klachten_toegang.GESPREK_VOEREN)
    assert {b.code: _rijen(s, klachten_toegang.BEROEP_BESLISSEN, b.code)
            for b in s.beroepsregels.all()} == {
        "straf-docent": [("teamleider", "eigen_leerlingen", "22.3")],
        "herziening-toelating": [("bevoegd_gezag", "school", "18.3")],
    }
    _het_artikel_noemt_hen(s, klachten_toegang.BEROEP_BESLISSEN)


def test_wijzer_het_protocol_zwijgt_en_de_rijen_zeggen_dat(statuten):
    s = statuten["wijzer-2024"]
    assert _route(s) == {"gesprek-leerkracht": ["mentor"], "directeur": ["directie"],
                         "klachtencommissie": ["klachtencommissie"],
                         "vertrouwenspersoon": ["vertrouwenspersoon"]}
    for rij in Bevoegdheid.objects.filter(statuut=s, actie=klachten_toegang.FASE_AFHANDELEN):
        assert not rij.artikel and rij.toelichting.startswith("DEFAULT"), rij
    assert not Bevoegdheid.objects.filter(statuut=s,
                                          actie=klachten_toegang.BEROEP_BESLISSEN).exists()


@pytest.mark.parametrize("preset", ["echnaton-2009", "noordgouw-2022", "wijzer-2024"])
def test_wie_klachten_ziet_indient_en_de_commissie_samenstelt(statuten, preset):
    """The same in every preset (the seeds are silent: DEFAULT, as before issue 13): the
    schoolleiding sees every complaint, mentor and teamleider those of their own pupils, the
    vertrouwenspersoon the confidential reports; every staff member who works with pupils
    files on a complainant's behalf."""
    s = statuten[preset]

    def rijen(actie):
        return set(Bevoegdheid.objects.filter(statuut=s, actie=actie)
                   .values_list("rol", "omvang"))

    assert rijen(klachten_toegang.KLACHT_INZIEN) == rijen(klachten_toegang.BEROEP_INZIEN) == {
        ("schoolleiding", "school"), ("mentor", "eigen_leerlingen"),
        ("teamleider", "eigen_leerlingen")}
    assert rijen(klachten_toegang.VERTROUWELIJK_INZIEN) == {("vertrouwenspersoon", "school")}
    personeel = {(r, "school") for r in ("docent", "mentor", "teamleider", "zorgcoordinator",
                                         "remedial_teacher", "vertrouwenspersoon", "decaan",
                                         "directie", "administratie")}
    for actie in (klachten_toegang.KLACHT_INDIENEN, klachten_toegang.BEROEP_INSTELLEN,
                  klachten_toegang.ADVIEZEN_LEZEN, klachten_toegang.GEDEELDE_MELDING_LEZEN):
        assert rijen(actie) == personeel, actie
    for actie in (klachten_toegang.COMMISSIE_SAMENSTELLEN, klachten_toegang.COMMISSIE_SECRETARIS,
                  klachten_toegang.OVERZICHT_ZIEN):
        assert rijen(actie) == {("schoolleiding", "school")}, actie
    assert Orgaanrol.objects.get(statuut=s, orgaan="schoolleiding").rollen == ["directie"]
