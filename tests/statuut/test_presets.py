"""The three statuut presets: they load, load again without duplicates, and differ where the
seeds differ. A broken preset file is refused whole, with a message naming the field."""

from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from statuut.models import (
    Artikel,
    Beroepsregel,
    Bestuur,
    Bevoegdheid,
    Klachtfase,
    Maatregelsoort,
    School,
    Statuut,
    Toegangsregel,
    Verzuimdrempel,
)
from statuut.presets import PRESET_MAP, PRESETS, PresetFout, preset_laden
from statuut.selectors import schorsing_voor, statuut_op

ALLES = {"A", "B", "C", "D", "E", "F", "G", "H", "dossier"}
RIJMODELLEN = (Statuut, Artikel, Maatregelsoort, Klachtfase, Beroepsregel, Verzuimdrempel,
               Toegangsregel, Bevoegdheid)


@pytest.fixture
def bestuur(db):
    return Bestuur.objects.create(naam="Stichting Presetscholen")


def _school(bestuur, korte_naam, brin, soort="vo"):
    return School.objects.create(bestuur=bestuur, naam=korte_naam.title(), korte_naam=korte_naam,
                                 brin=brin, regio="midden", onderwijssoort=soort)


@pytest.fixture
def echnaton(bestuur):
    school = _school(bestuur, "echnaton", "12AB")
    return preset_laden(school=school, preset="echnaton-2009")


@pytest.fixture
def noordgouw(bestuur):
    school = _school(bestuur, "noordgouw", "34CD")
    return preset_laden(school=school, preset="noordgouw-2022")


@pytest.fixture
def wijzer(bestuur):
    school = _school(bestuur, "wijzer", "56EF", soort="po")
    return preset_laden(school=school, preset="wijzer-2024")


def _aantallen() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in RIJMODELLEN}


def _houders(statuut, actie: str, voor: str = "") -> list[str]:
    """Whom the statuut's authority rows give `actie` (for rung or stage `voor`), in the
    file's order."""
    return list(Bevoegdheid.objects.filter(statuut=statuut, actie=actie, voor=voor)
                .order_by("pk").values_list("rol", flat=True))


def _toegang(statuut, rol) -> set[str]:
    regel = statuut.toegangsregels.filter(rol=rol).first()
    return set(regel.categorieen) if regel else set()


# --- loading -------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("preset", PRESETS)
def test_elke_preset_laadt_met_ladder_klachtroute_en_toegang(bestuur, preset):
    statuut = preset_laden(school=_school(bestuur, "school", "99ZZ"), preset=preset)
    assert statuut.preset == preset
    assert statuut.maatregelen.exists()
    assert statuut.klachtfasen.exists()
    assert statuut.toegangsregels.exists()
    # Every article a rule cites is there, with its text, so a decision can quote it.
    nummers = set(statuut.artikelen.values_list("nummer", flat=True))
    for model in (Maatregelsoort, Klachtfase, Beroepsregel, Verzuimdrempel, Toegangsregel):
        for artikel in model.objects.filter(statuut=statuut).values_list("artikel", flat=True):
            assert not artikel or artikel in nummers
    assert all(a.tekst.strip() for a in statuut.artikelen.all())


@pytest.mark.django_db
@pytest.mark.parametrize("preset", PRESETS)
def test_twee_keer_laden_geeft_geen_dubbelen(bestuur, preset):
    school = _school(bestuur, "school", "99ZZ")
    eerste = preset_laden(school=school, preset=preset)
    na_eerste = _aantallen()
    tweede = preset_laden(school=school, preset=preset)
    assert tweede.pk == eerste.pk
    assert _aantallen() == na_eerste
    assert Statuut.objects.filter(school=school).count() == 1


@pytest.mark.django_db
def test_opnieuw_laden_zet_een_gewijzigde_rij_terug(echnaton):
    Bevoegdheid.objects.filter(statuut=echnaton, actie="maatregel.opleggen",
                               voor="schorsing-1-dag", rol="teamleider").update(rol="docent")
    Toegangsregel.objects.filter(statuut=echnaton, rol="docent").update(categorieen=["B"])
    preset_laden(school=echnaton.school, preset="echnaton-2009")
    assert sorted(_houders(echnaton, "maatregel.opleggen", "schorsing-1-dag")) == [
        "directie", "teamleider"]
    assert _toegang(echnaton, "docent") == {"A", "D", "E", "G"}


# --- where the seeds differ ----------------------------------------------------------------

@pytest.mark.django_db
def test_wie_een_eendaagse_schorsing_oplegt(echnaton, noordgouw, wijzer):
    # Echnaton art. 8.2: overgedragen aan de teamleiding.
    # Who imposes: the authority rows of the rung (`maatregel.opleggen`), the one who handed
    # the power down (`mandaat_van`) keeping it.
    ech = schorsing_voor(echnaton, 1)
    assert (ech.code, ech.mandaat_van, ech.artikel) == ("schorsing-1-dag", "directie", "8.2")
    assert _houders(echnaton, "maatregel.opleggen", ech.code) == ["teamleider", "directie"]
    assert _houders(echnaton, "maatregel.opleggen", schorsing_voor(echnaton, 3).code) == [
        "directie"]
    assert schorsing_voor(echnaton, 5).code == "schorsing-week"
    # Noordgouw art. 24.1: een lid van de directie.
    ng = schorsing_voor(noordgouw, 1)
    assert (_houders(noordgouw, "maatregel.opleggen", ng.code), ng.mandaat_van,
            ng.artikel) == (["directie"], "", "24.1")
    # Wijzer: de directeur, gemandateerd door het bevoegd gezag, dat vooraf wordt geïnformeerd.
    wz = schorsing_voor(wijzer, 1)
    assert (_houders(wijzer, "maatregel.opleggen", wz.code), wz.mandaat_van) == (
        ["directie", "bevoegd_gezag"], "bevoegd_gezag")
    assert wz.informeren_vooraf == ["bevoegd_gezag"]
    assert "bevoegd_gezag" in wz.informeren
    # Nowhere longer than a week.
    assert all(schorsing_voor(s, 6) is None for s in (echnaton, noordgouw, wijzer))


@pytest.mark.django_db
def test_bezwaar_tegen_schorsing(echnaton, noordgouw, wijzer):
    # Noordgouw art. 24.4: "Er kan geen bezwaar worden gemaakt tegen het schorsingsbesluit."
    assert noordgouw.bezwaar_schorsing_mogelijk is False
    assert noordgouw.bezwaar_termijn_aantal is None
    # Wijzer: zes weken bij het bevoegd gezag; beslissing zes weken na het einde van die termijn;
    # bij gegrond bezwaar gaan de stukken uit het dossier.
    assert wijzer.bezwaar_schorsing_mogelijk is True
    assert (_houders(wijzer, "schorsing.bezwaar_beslissen"), wijzer.bezwaar_termijn_aantal,
            wijzer.bezwaar_termijn_eenheid) == (["bevoegd_gezag"], 6, "weken")
    assert _houders(noordgouw, "schorsing.bezwaar_beslissen") == []
    assert (wijzer.bezwaar_beslistermijn_aantal, wijzer.bezwaar_beslistermijn_eenheid,
            wijzer.bezwaar_beslistermijn_vanaf) == (6, "weken", "einde_termijn")
    assert wijzer.bezwaar_gegrond_dossier_opschonen is True
    # Echnaton is silent; the legal default (openbaar onderwijs, Awb): six weeks.
    assert (echnaton.bezwaar_schorsing_mogelijk, echnaton.bezwaar_termijn_aantal,
            echnaton.bezwaar_termijn_eenheid) == (True, 6, "weken")


@pytest.mark.django_db
def test_wie_het_dossier_ziet(echnaton, noordgouw, wijzer):
    # Echnaton art. 9.4: docenten and other staff only A, D, E, G, never the dossier.
    assert _toegang(echnaton, "docent") == {"A", "D", "E", "G"}
    assert "dossier" not in _toegang(echnaton, "docent")
    assert _toegang(echnaton, "zorgcoordinator") == {"A", "D", "E", "G"}
    for rol in ("directie", "teamleider", "mentor", "administratie"):  # art. 9.3
        assert _toegang(echnaton, rol) == ALLES
    assert echnaton.toegangsregels.get(rol="docent").alleen_eigen_leerlingen is True
    assert echnaton.toegangsregels.get(rol="directie").alleen_eigen_leerlingen is False
    assert _toegang(echnaton, "functioneel_beheerder") == set()
    # Noordgouw art. 6.2: the pupil's teachers see the pupil's data, no separate dossier.
    assert _toegang(noordgouw, "docent") == ALLES
    assert set(noordgouw.toegangsregels.exclude(categorieen=[]).values_list("rol", flat=True)
               ) == {"administratie", "directie", "teamleider", "decaan", "zorgcoordinator",
                     "mentor", "docent"}
    # The functioneel beheerder reads no pupil data, only the read log (a DEFAULT).
    beheer = noordgouw.toegangsregels.get(rol="functioneel_beheerder")
    assert (beheer.categorieen, beheer.handelingen) == ([], ["inzagelog.zien"])
    # Wijzer (protocol silent, our default): a vakleerkracht does not see the dossier.
    assert _toegang(wijzer, "docent") == {"A", "D", "E", "G"}
    assert _toegang(wijzer, "mentor") == ALLES


def _behandelaar(fase) -> str:
    """Who the statuut gives the stage to, as its authority rows say (issue 13): who handles
    it, else (the talk with the docent) whom the complainant talks with; the first named."""
    rijen = Bevoegdheid.objects.filter(statuut=fase.statuut, voor=fase.code).order_by("pk")
    for actie in ("klacht.fase_afhandelen", "klacht.gesprek_voeren"):
        if (rij := rijen.filter(actie=actie).first()) is not None:
            return rij.rol
    return ""


def _bij(regel) -> str:
    """Who decides on a beroep or bezwaar of the rule, as its authority rows say."""
    return Bevoegdheid.objects.filter(statuut=regel.statuut, actie="beroep.beslissen",
                                      voor=regel.code).order_by("pk").first().rol


@pytest.mark.django_db
def test_klachtroutes(echnaton, noordgouw):
    fasen = list(noordgouw.klachtfasen.filter(route="algemeen"))
    assert [f.code for f in fasen] == [
        "gesprek-docent", "bemiddeling", "reactie-conrector", "beroep-rector-bestuurder"]
    conrector = noordgouw.klachtfasen.get(code="reactie-conrector")
    assert (_behandelaar(conrector), conrector.termijn_aantal, conrector.termijn_eenheid,
            conrector.artikel) == ("directie", 2, "weken", "19.2")
    assert _behandelaar(noordgouw.klachtfasen.get(code="beroep-rector-bestuurder")) \
        == "bevoegd_gezag"

    # Echnaton art. 12 and bijlage B.
    route = [(f.code, _behandelaar(f), f.termijn_aantal, f.termijn_eenheid)
             for f in echnaton.klachtfasen.filter(route="algemeen")]
    assert route[:5] == [
        ("gesprek-docent", "docent", None, ""),
        ("bemiddeling-mentor", "mentor", 10, "schooldagen"),
        ("bemiddeling-teamleiding", "teamleider", None, ""),
        ("klacht-schoolleiding", "directie", 10, "schooldagen"),
        ("geschillencommissie", "geschillencommissie", 10, "schooldagen"),
    ]
    assert echnaton.klachtfasen.get(code="klacht-schoolleiding").schriftelijk is True
    assert echnaton.klachtfasen.get(code="seksuele-intimidatie").route == "vertrouwelijk"


@pytest.mark.django_db
def test_echnaton_beroep_en_verzuim(echnaton):
    beroep = {b.tegen: (_bij(b), b.schriftelijk, b.termijn_aantal, b.termijn_eenheid)
              for b in echnaton.beroepsregels.filter(soort="beroep")}
    assert beroep == {"docent": ("teamleider", False, 10, "schooldagen"),
                      "teamleider": ("directie", True, 10, "schooldagen")}
    bovenbouw = [(d.aantal, d.periode_weken, d.opeenvolgende_perioden, d.actie_code)
                 for d in echnaton.verzuimdrempels.filter(soort="te_laat", groep="bovenbouw")]
    assert bovenbouw == [(3, 6, 1, "inhalen"), (6, 6, 1, "gesprek_ouders"),
                         (7, 6, 1, "melding_leerplicht"), (7, 6, 2, "schorsing_mogelijk")]
    assert echnaton.verzuimdrempels.get(code="te-laat-bovenbouw-3").inhaal_uren == 2
    assert echnaton.verzuimdrempels.get(code="spijbelen").inhaal_factor == 2
    # Bijlage A: every schorsing is reported to the board and the inspectie.
    assert echnaton.schorsing_inspectie_boven_schooldagen == 0


@pytest.mark.django_db
def test_ladders_en_leeftijden(echnaton, noordgouw, wijzer):
    assert list(noordgouw.maatregelen.values_list("soort", flat=True)) == [
        "waarschuwing", "strafwerk", "uitsturen", "corvee", "time_out", "schorsing",
        "verwijdering"]
    assert list(wijzer.maatregelen.values_list("code", flat=True)) == [
        "time-out", "schorsing", "verwijdering"]
    time_out = wijzer.maatregelen.get(code="time-out")
    assert (_houders(wijzer, "maatregel.goedkeuren", "time-out"), time_out.max_duur_aantal,
            time_out.max_duur_eenheid, time_out.informeren_vooraf, time_out.gesprek_ouders) == (
        ["directie"], 1, "schooldagen", ["ouders"], True)
    assert _houders(wijzer, "maatregel.opleggen", "verwijdering") == ["bevoegd_gezag"]
    # Noordgouw art. 24.2 and 25.3: parents heard under 21 for schorsing, under 18 for removal.
    assert (noordgouw.ouders_horen_onder_leeftijd,
            noordgouw.verwijdering_ouders_horen_onder_leeftijd) == (21, 18)
    assert noordgouw.schorsing_inspectie_boven_schooldagen == 1
    assert (noordgouw.verwijdering_beslistermijn_aantal,
            noordgouw.verwijdering_beslistermijn_eenheid,
            noordgouw.verwijdering_beslistermijn_vanaf) == (4, "weken", "indiening")
    assert echnaton.ouders_horen_onder_leeftijd == 18


@pytest.mark.django_db
def test_metadata(echnaton, noordgouw, wijzer):
    assert (noordgouw.ingangsdatum, noordgouw.geldig_tot, noordgouw.vastgesteld_op) == (
        date(2022, 8, 1), date(2024, 8, 1), date(2022, 6, 10))
    assert noordgouw.is_verlopen(date(2024, 8, 1))
    assert not noordgouw.is_verlopen(date(2024, 7, 31))
    assert (wijzer.ingangsdatum, wijzer.vastgesteld_op, wijzer.geldig_tot) == (
        date(2024, 5, 1), date(2024, 4, 23), None)
    assert "27-03-2024" in wijzer.medezeggenschap
    assert (echnaton.ingangsdatum, echnaton.geldig_tot) == (date(2009, 8, 1), date(2011, 8, 1))


@pytest.mark.django_db
def test_statuut_op_kiest_de_laatste_ingangsdatum_ook_als_die_verlopen_is(noordgouw):
    school = noordgouw.school
    assert statuut_op(school, date(2022, 7, 31)) is None
    assert statuut_op(school, date(2022, 8, 1)) == noordgouw
    assert statuut_op(school, date(2026, 1, 5)) == noordgouw  # expired, still the last one
    nieuw = Statuut.objects.create(school=school, titel="Nieuw", ingangsdatum=date(2025, 8, 1),
                                   bezwaar_schorsing_mogelijk=False)
    assert statuut_op(school, date(2025, 7, 31)) == noordgouw
    assert statuut_op(school, date(2026, 1, 5)) == nieuw


# --- bad input -----------------------------------------------------------------------------

def _kopie(tmp_path: Path, oud: str, nieuw: str) -> Path:
    tekst = (PRESET_MAP / "noordgouw-2022.yaml").read_text(encoding="utf-8")
    assert oud in tekst
    pad = tmp_path / "kapot.yaml"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    return pad


@pytest.mark.django_db
def test_kapotte_preset_noemt_het_veld_en_schrijft_niets(bestuur, tmp_path):
    school = _school(bestuur, "school", "99ZZ")
    pad = _kopie(tmp_path, "  titel: Leerlingenstatuut Christelijk College de Noordgouw\n", "")
    voor = _aantallen()
    with pytest.raises(PresetFout) as fout:
        preset_laden(school=school, pad=pad)
    bericht = str(fout.value)
    assert str(pad) in bericht
    assert "statuut: verplicht veld 'titel' ontbreekt" in bericht
    assert "niets opgeslagen" in bericht
    assert _aantallen() == voor


@pytest.mark.django_db
def test_kapotte_rij_laat_een_bestaande_versie_ongemoeid(noordgouw, tmp_path):
    # A wrong role deep in the file: the version already loaded stays exactly as it was.
    pad = _kopie(tmp_path, "voor: schorsing, rol: directie,", "voor: schorsing, rol: rector,")
    Statuut.objects.filter(pk=noordgouw.pk).update(preset="noordgouw-2022")
    voor = _aantallen()
    with pytest.raises(PresetFout) as fout:
        preset_laden(school=noordgouw.school, pad=pad)
    assert "bevoegdheden[" in str(fout.value) and ": rol: " in str(fout.value)
    assert "rector" in str(fout.value)
    assert _aantallen() == voor
    assert _houders(noordgouw, "maatregel.opleggen", "schorsing") == ["directie"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("oud", "nieuw", "verwacht"),
    [
        ("  verwijdering_beslistermijn: 4 weken", "  verwijdering_beslistermijn: vier weken",
         "verwijdering_beslistermijn 'vier weken' is geen termijn"),
        ('  - nummer: "24.1"', "  - nummer: 24.1", "zet '24.1' tussen aanhalingstekens"),
        ("  bezwaar_schorsing_mogelijk: false", "  bezwaar_schorsing_mogelijk: nee",
         "bezwaar_schorsing_mogelijk moet true of false zijn"),
        ("    termijn: 2 weken", "    termijnn: 2 weken", "onbekend veld 'termijnn'"),
        ("    artikel: \"24.1\"\n    max_duur", "    artikel: \"99\"\n    max_duur",
         "artikel '99' staat niet onder 'artikelen'"),
    ],
)
def test_andere_fouten_worden_uitgelegd(bestuur, tmp_path, oud, nieuw, verwacht):
    school = _school(bestuur, "school", "99ZZ")
    with pytest.raises(PresetFout, match=verwacht):
        preset_laden(school=school, pad=_kopie(tmp_path, oud, nieuw))
    assert not Statuut.objects.exists()


@pytest.mark.django_db
def test_onbekende_preset(bestuur):
    with pytest.raises(PresetFout, match="Beschikbaar: echnaton-2009, noordgouw-2022"):
        preset_laden(school=_school(bestuur, "school", "99ZZ"), preset="echnaton-2099")


# --- the command ---------------------------------------------------------------------------

@pytest.mark.django_db
def test_commando_laadt_en_meldt_wat(bestuur, capsys):
    _school(bestuur, "noordgouw", "34CD")
    call_command("statuut_laden", "noordgouw", "noordgouw-2022")
    uit = capsys.readouterr().out
    assert "Leerlingenstatuut Christelijk College de Noordgouw" in uit
    assert "7 maatregelen" in uit
    assert "verlopen" in uit  # geldig tot 1 augustus 2024
    call_command("statuut_laden", "noordgouw", "noordgouw-2022")
    assert Statuut.objects.count() == 1


@pytest.mark.django_db
def test_commando_onbekende_school(bestuur):
    _school(bestuur, "echnaton", "12AB")
    with pytest.raises(CommandError, match="Onbekende school 'atlantis'.*echnaton"):
        call_command("statuut_laden", "atlantis", "echnaton-2009")
    assert not Statuut.objects.exists()


@pytest.mark.django_db
def test_commando_onbekende_preset(bestuur):
    _school(bestuur, "echnaton", "12AB")
    with pytest.raises(CommandError, match="Onbekende preset 'x'.*wijzer-2024"):
        call_command("statuut_laden", "echnaton", "x")
