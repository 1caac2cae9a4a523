"""A stage may name more than one handler: Noordgouw art. 19.2 "dan wordt de mentor of de
afdelingsleider geraadpleegd. Deze bemiddelt waar mogelijk." The afdelingsleider is the
teamleider of the pupil's afdeling; another afdeling's teamleider has no business with it."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dossiers.models import Afdeling, Groep
from klachten import toegang as klachten_toegang
from klachten.models import Klacht, Klachtstatus
from statuut.models import Bevoegdheid, Rol
from statuut.presets import PresetFout, preset_laden
from tests.personas import maak_gebruiker

from .conftest import berichten, get, post

BEMIDDELING = "bemiddeling"


@pytest.fixture
def ng(kw):
    """Noordgouw: Dirk's mentor, the afdelingsleider of his afdeling, the afdelingsleider of
    another afdeling, a conrector (directie), and a complaint of Dirk in the mediation."""
    school = kw.andere_school
    groep = Groep.objects.get(school=school, naam="1A")
    kw.ng_mentor = maak_gebruiker("mentor-ng", "M. Noord", school, Rol.MENTOR)
    groep.mentoren.set([kw.ng_mentor.medewerker])
    kw.ng_afdelingsleider = maak_gebruiker("al-ng", "A. Afdeling", school, Rol.TEAMLEIDER,
                                           afdeling=groep.afdeling)
    bovenbouw = Afdeling.objects.create(school=school, naam="Bovenbouw")
    kw.ng_andere_afdelingsleider = maak_gebruiker("al-bb-ng", "B. Boven", school,
                                                  Rol.TEAMLEIDER, afdeling=bovenbouw)
    kw.ng_conrector = maak_gebruiker("conrector-ng", "C. Conrector", school, Rol.DIRECTIE)
    kw.ng_docent = maak_gebruiker("docent-ng", "N. Docent", school, Rol.DOCENT)
    return kw


def _indienen(client, w, datum: date) -> Klacht:
    post(client, w.ng_mentor, datum, reverse("klachten:indienen"), {
        "leerling": w.dirk.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
        "beklaagde": w.ng_docent.medewerker.pk, "onderwerp": "Lesuitval",
        "omschrijving": "Veel lessen vallen uit.",
        "eerste_fase_gehad": "Dirk sprak de docent; er veranderde niets.",
        "ingediend_op": datum.isoformat()})
    klacht = Klacht.objects.get(school=w.andere_school)
    assert klacht.fase.code == BEMIDDELING
    return klacht


def _afronden(client, user, klacht, datum, wat="Bemiddeld tussen Dirk en de docent."):
    return post(client, user, datum, reverse("klachten:afronden", args=[klacht.pk]),
                {"wat_gebeurde": wat, "reactie_klager": "Dirk is tevreden."})


def test_noordgouw_de_bemiddeling_noemt_mentor_en_afdelingsleider(kw):
    fase = kw.andere_school.statuten.get().klachtfasen.get(code=BEMIDDELING)
    # The statuut's rows, in its order: the mentor first (answers for the stage), each only
    # for the pupils in their relation.
    assert klachten_toegang.fase_houders(fase) == ["mentor", "teamleider"]
    assert set(Bevoegdheid.objects.filter(
        statuut=fase.statuut, actie="klacht.fase_afhandelen", voor=BEMIDDELING,
    ).values_list("rol", "omvang")) == {("mentor", "eigen_leerlingen"),
                                        ("teamleider", "eigen_leerlingen")}


def test_noordgouw_de_afdelingsleider_van_de_leerling_legt_de_bemiddeling_vast(client, ng):
    klacht = _indienen(client, ng, date(2026, 12, 4))
    pagina = get(client, ng.ng_afdelingsleider, date(2026, 12, 7),
                 reverse("klachten:klacht", args=[klacht.pk])).content.decode()
    assert "Uitkomst vastleggen: Bemiddeling door de mentor of de afdelingsleider" in pagina
    antwoord = _afronden(client, ng.ng_afdelingsleider, klacht, date(2026, 12, 7))
    assert berichten(antwoord) == [
        "De uitkomst van de fase is vastgelegd. De klager kiest nu: afsluiten of verder."]
    stap = Klacht.objects.get(pk=klacht.pk).stappen.get(fase__code=BEMIDDELING)
    assert (stap.afgerond_op, stap.afgerond_door, stap.wat_gebeurde) == (
        date(2026, 12, 7), ng.ng_afdelingsleider, "Bemiddeld tussen Dirk en de docent.")
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.FASE_AFGEROND


def test_noordgouw_de_mentor_legt_de_bemiddeling_vast(client, ng):
    klacht = _indienen(client, ng, date(2026, 12, 4))
    stap = klacht.stappen.get(fase__code=BEMIDDELING)
    assert stap.behandelaar == ng.ng_mentor  # the first behandelaar answers for the stage
    antwoord = _afronden(client, ng.ng_mentor, klacht, date(2026, 12, 8))
    assert berichten(antwoord) == [
        "De uitkomst van de fase is vastgelegd. De klager kiest nu: afsluiten of verder."]
    stap.refresh_from_db()
    assert (stap.afgerond_op, stap.afgerond_door) == (date(2026, 12, 8), ng.ng_mentor)


def test_noordgouw_de_afdelingsleider_van_een_andere_afdeling_ziet_de_klacht_niet(
        client, ng):
    klacht = _indienen(client, ng, date(2026, 12, 4))
    assert get(client, ng.ng_andere_afdelingsleider, date(2026, 12, 7),
               reverse("klachten:klacht", args=[klacht.pk])).status_code == 404
    antwoord = post(client, ng.ng_andere_afdelingsleider, date(2026, 12, 7),
                    reverse("klachten:afronden", args=[klacht.pk]),
                    {"wat_gebeurde": "Bemiddeld.", "reactie_klager": "Goed."}, follow=False)
    assert antwoord.status_code == 404
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert klacht.status == Klachtstatus.IN_BEHANDELING
    assert klacht.stappen.get(fase__code=BEMIDDELING).afgerond_op is None


def test_noordgouw_de_conrector_bemiddelt_niet_en_hoort_wie_wel(client, ng):
    klacht = _indienen(client, ng, date(2026, 12, 4))
    antwoord = _afronden(client, ng.ng_conrector, klacht, date(2026, 12, 7))
    assert berichten(antwoord) == [
        "Deze fase wordt behandeld door Mentor of Teamleider / afdelingsleider (art. 19.2), "
        "niet door u."]
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.IN_BEHANDELING


def test_echnaton_de_mentorbemiddeling_blijft_van_de_mentor_alleen(client, kw):
    from .test_klachtroutes import indienen

    klacht = indienen(client, kw, date(2026, 12, 18))
    antwoord = _afronden(client, kw.teamleider, klacht, date(2027, 1, 5))
    assert berichten(antwoord) == [
        "Deze fase wordt behandeld door Mentor (art. 12 klachten 2), niet door u."]
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.IN_BEHANDELING


# --- the preset files ----------------------------------------------------------------------
# Who handles a stage is an authority row (`bevoegdheden: klachten:`), no longer a field of
# the stage (issue 13); the loader checks the rows as it checked the field.

GESPREK = ("    - {actie: klacht.fase_afhandelen, voor: gesprek-leerkracht, rol: mentor, "
           "omvang: eigen_leerlingen, toelichting: \"DEFAULT: de groepsleerkracht van de "
           "leerling\"}\n")


def _preset(tmp_path, oud: str, nieuw: str):
    """The Wijzer preset with `oud` (YAML lines) replaced by `nieuw`."""
    from statuut.presets import preset_pad

    tekst = preset_pad("wijzer-2024").read_text(encoding="utf-8")
    assert oud in tekst
    pad = tmp_path / "wijzer-test.yaml"
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")
    return pad


def test_de_behandelaar_van_een_fase_staat_in_de_rijen(tmp_path, kw):
    pad = _preset(tmp_path, GESPREK, GESPREK.replace("rol: mentor", "rol: directie").replace(
        "omvang: eigen_leerlingen, ", ""))
    statuut = preset_laden(school=kw.school, pad=pad)
    fase = statuut.klachtfasen.get(code="gesprek-leerkracht")
    assert klachten_toegang.fase_houders(fase) == ["directie"]


@pytest.mark.parametrize(("oud", "nieuw", "fout"), [
    # The former field on the stage is refused, not silently ignored.
    ("    naam: Gesprek met de leerkracht\n",
     "    naam: Gesprek met de leerkracht\n    behandelaars: [mentor]\n",
     "klachtfasen[1] (code gesprek-leerkracht): onbekend veld 'behandelaars'"),
    (GESPREK, GESPREK.replace("rol: mentor", "rol: rector"),
     "Onbekende rol, orgaan of betrokkene 'rector'."),
    (GESPREK, GESPREK.replace("voor: gesprek-leerkracht", "voor: gesprek-rector"),
     "'gesprek-rector' is geen klachtfase van dit statuut"),
    (GESPREK, GESPREK + "    - {actie: beroep.beslissen, voor: gesprek-leerkracht, "
                        "rol: directie}\n",
     "'gesprek-leerkracht' is geen beroepsregel van dit statuut"),
])
def test_een_preset_met_foute_behandelaars_laadt_niet(tmp_path, kw, oud, nieuw, fout):
    pad = _preset(tmp_path, oud, nieuw)
    with pytest.raises(PresetFout) as exc:
        preset_laden(school=kw.school, pad=pad)
    assert fout in str(exc.value)
    assert "er is niets opgeslagen" in str(exc.value)
