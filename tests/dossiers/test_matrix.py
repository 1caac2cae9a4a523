"""The access policy as a matrix, written out by hand from the seeds (Echnaton art. 9.3 and
9.4, Noordgouw art. 6.2) and the presets' DEFAULT actions: every role of both secondary
presets x every relation (own pupil, pupil of another group and department, pupil of another
school) x every category, every dossier section (with a real entry in each), every action,
the school-wide parts (outgoing post, read log), and the pages and lists built on them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from dossiers import toegang
from dossiers.dossier import stuk_toevoegen
from dossiers.models import Afdeling, Groep, Lesopdracht
from statuut.models import Bestuur, Dossiersectie, Handeling, Rol, School, Schooljaar
from statuut.presets import preset_laden
from tests.personas import maak_gebruiker, maak_leerling

ALLES = frozenset("ABCDEFGH") | {"dossier"}
BEPERKT = frozenset("ADEG")
GEEN = frozenset()
SECTIES = frozenset(Dossiersectie.values)

TOEVOEGEN, CORRIGEREN, OPSCHONEN = ("dossier.toevoegen", "dossier.corrigeren",
                                    "dossier.opschonen")
AANVRAGEN, VERZENDEN = "brief.aanvragen", "brief.verzenden"
VERLENEN, LOG = "toekenning.verlenen", "inzagelog.zien"
DIRECTIE_ACTIES = frozenset({TOEVOEGEN, CORRIGEREN, AANVRAGEN, VERZENDEN, VERLENEN, LOG})


@dataclass(frozen=True)
class Cel:
    categorieen: frozenset[str]
    handelingen: frozenset[str] = GEEN


NIETS = Cel(GEEN)

# (preset, role) -> relation -> expected answer. "eigen": the pupil is in the group the
# staff member mentors / teaches / whose department they lead; "andere_groep": a pupil of
# the same school in another group and department; another school is always NIETS.
MATRIX: dict[tuple[str, str], dict[str, Cel]] = {
    # Echnaton art. 9.3: directie, teamleiding, mentor, administratie see everything;
    # teamleider and mentor only their own pupils.
    ("echnaton-2009", Rol.DIRECTIE): dict.fromkeys(["eigen", "andere_groep"],
                                                   Cel(ALLES, DIRECTIE_ACTIES)),
    ("echnaton-2009", Rol.ADMINISTRATIE): dict.fromkeys(
        ["eigen", "andere_groep"], Cel(ALLES, frozenset({TOEVOEGEN, AANVRAGEN, VERZENDEN}))),
    ("echnaton-2009", Rol.TEAMLEIDER): {
        "eigen": Cel(ALLES, frozenset({TOEVOEGEN, CORRIGEREN, AANVRAGEN})),
        "andere_groep": NIETS},
    ("echnaton-2009", Rol.MENTOR): {
        "eigen": Cel(ALLES, frozenset({TOEVOEGEN, CORRIGEREN, OPSCHONEN, AANVRAGEN})),
        "andere_groep": NIETS},
    # Art. 9.4: teachers (their own pupils) and other staff: A, D, E and G, never the dossier,
    # so no writing in it either.
    ("echnaton-2009", Rol.DOCENT): {"eigen": Cel(BEPERKT), "andere_groep": NIETS},
    ("echnaton-2009", Rol.ZORGCOORDINATOR): dict.fromkeys(
        ["eigen", "andere_groep"], Cel(BEPERKT, frozenset({VERLENEN, AANVRAGEN}))),
    ("echnaton-2009", Rol.REMEDIAL_TEACHER): dict.fromkeys(["eigen", "andere_groep"],
                                                           Cel(BEPERKT)),
    ("echnaton-2009", Rol.DECAAN): dict.fromkeys(["eigen", "andere_groep"], Cel(BEPERKT)),
    ("echnaton-2009", Rol.VERTROUWENSPERSOON): dict.fromkeys(["eigen", "andere_groep"],
                                                             Cel(BEPERKT)),
    # Setting up the school is no reason to read about a child.
    ("echnaton-2009", Rol.FUNCTIONEEL_BEHEERDER): dict.fromkeys(
        ["eigen", "andere_groep"], Cel(GEEN, frozenset({LOG}))),
    ("echnaton-2009", Rol.EXTERN): dict.fromkeys(["eigen", "andere_groep"], NIETS),
    # No toegang row: the conciërge only registers te laat and absence (bevoegdheden: verzuim).
    ("echnaton-2009", Rol.CONCIERGE): dict.fromkeys(["eigen", "andere_groep"], NIETS),
    # Noordgouw art. 6.2: administratie, schoolleiding (with the afdelingsleiders), decaan
    # and zorgcoördinatoren see all pupils; mentors and teachers their own pupils; others
    # nothing.
    ("noordgouw-2022", Rol.DIRECTIE): dict.fromkeys(["eigen", "andere_groep"],
                                                    Cel(ALLES, DIRECTIE_ACTIES)),
    ("noordgouw-2022", Rol.ADMINISTRATIE): dict.fromkeys(
        ["eigen", "andere_groep"], Cel(ALLES, frozenset({TOEVOEGEN, AANVRAGEN, VERZENDEN}))),
    ("noordgouw-2022", Rol.TEAMLEIDER): dict.fromkeys(
        ["eigen", "andere_groep"], Cel(ALLES, frozenset({TOEVOEGEN, CORRIGEREN, AANVRAGEN}))),
    ("noordgouw-2022", Rol.DECAAN): dict.fromkeys(["eigen", "andere_groep"],
                                                  Cel(ALLES, frozenset({TOEVOEGEN}))),
    ("noordgouw-2022", Rol.ZORGCOORDINATOR): dict.fromkeys(
        ["eigen", "andere_groep"], Cel(ALLES, frozenset({TOEVOEGEN, VERLENEN, AANVRAGEN}))),
    ("noordgouw-2022", Rol.MENTOR): {
        "eigen": Cel(ALLES, frozenset({TOEVOEGEN, CORRIGEREN, OPSCHONEN, AANVRAGEN})),
        "andere_groep": NIETS},
    ("noordgouw-2022", Rol.DOCENT): {"eigen": Cel(ALLES), "andere_groep": NIETS},
    ("noordgouw-2022", Rol.REMEDIAL_TEACHER): dict.fromkeys(["eigen", "andere_groep"], NIETS),
    ("noordgouw-2022", Rol.VERTROUWENSPERSOON): dict.fromkeys(["eigen", "andere_groep"],
                                                              NIETS),
    ("noordgouw-2022", Rol.FUNCTIONEEL_BEHEERDER): dict.fromkeys(
        ["eigen", "andere_groep"], Cel(GEEN, frozenset({LOG}))),
    ("noordgouw-2022", Rol.EXTERN): dict.fromkeys(["eigen", "andere_groep"], NIETS),
    ("noordgouw-2022", Rol.CONCIERGE): dict.fromkeys(["eigen", "andere_groep"], NIETS),
}


def test_de_matrix_dekt_elke_rol_van_beide_presets():
    for preset in ("echnaton-2009", "noordgouw-2022"):
        assert {rol for (p, rol) in MATRIX if p == preset} == set(Rol.values)


@dataclass
class Wereld:
    user: object
    leerlingen: dict  # relation -> Leerling


def _wereld(preset: str, rol: str) -> Wereld:
    bestuur = Bestuur.objects.create(naam="Matrixbestuur")
    school = School.objects.create(bestuur=bestuur, naam="Matrixschool", korte_naam="matrix",
                                   brin="56EF", regio="midden", onderwijssoort="vo",
                                   tweede_factor="niet_verplicht")
    andere = School.objects.create(bestuur=bestuur, naam="Andere school", korte_naam="andere",
                                   brin="78GH", regio="midden", onderwijssoort="vo")
    preset_laden(school=school, preset=preset)
    preset_laden(school=andere, preset=preset)
    jaar = Schooljaar.voor_datum(timezone.localdate())
    onderbouw = Afdeling.objects.create(school=school, naam="Onderbouw")
    bovenbouw = Afdeling.objects.create(school=school, naam="Bovenbouw")
    eigen = Groep.objects.create(school=school, schooljaar=jaar, afdeling=onderbouw, naam="1A")
    anders = Groep.objects.create(school=school, schooljaar=jaar, afdeling=bovenbouw, naam="4H")
    elders = Groep.objects.create(
        school=andere, schooljaar=jaar, naam="1A",
        afdeling=Afdeling.objects.create(school=andere, naam="Onderbouw"))
    user = maak_gebruiker("lid", "L. Lid", school, rol, afdeling=onderbouw)
    if rol == Rol.MENTOR:
        eigen.mentoren.add(user.medewerker)
    if rol == Rol.DOCENT:
        Lesopdracht.objects.create(docent=user.medewerker, groep=eigen, vak="wiskunde")
    leerlingen = {
        "eigen": maak_leerling(school, "1", "Eva", "Eigen", eigen),
        "andere_groep": maak_leerling(school, "2", "Otto", "Ander", anders),
        "andere_school": maak_leerling(andere, "3", "Elif", "Elders", elders),
    }
    schrijver = get_user_model().objects.create_user("schrijver")
    for leerling in leerlingen.values():
        for sectie in Dossiersectie.values:
            stuk_toevoegen(door=schrijver, leerling=leerling, sectie=sectie,
                           titel=f"Stuk in {sectie}", controleer=False)
    return Wereld(user, leerlingen)


@pytest.mark.parametrize(("preset", "rol"), sorted(MATRIX), ids=lambda x: str(x))
def test_elke_cel_van_de_matrix(client, db, preset, rol):
    w = _wereld(preset, rol)
    verwacht = {**MATRIX[(preset, rol)], "andere_school": NIETS}
    client.force_login(w.user)
    for relatie, leerling in w.leerlingen.items():
        cel = verwacht[relatie]
        waar = f"{preset} {rol} {relatie}"
        rechten = toegang.rechten(w.user, leerling)
        assert rechten.categorieen == cel.categorieen, waar
        assert rechten.handelingen == cel.handelingen, waar
        # Every dossier section, with a real entry in each: all or none in these presets.
        secties = SECTIES if "dossier" in cel.categorieen else GEEN
        assert rechten.secties == secties, waar
        assert {s.sectie for s in toegang.dossierstukken_voor(w.user, leerling)} == secties, waar
        for handeling in Handeling.values:
            assert toegang.mag(w.user, handeling, leerling) == (handeling in cel.handelingen)
        # The pages: 404 without any central category, the dossier only with a section.
        centraal = cel.categorieen & set("ABCDEFGH")
        pagina = client.get(reverse("leerling", args=[leerling.pk]))
        assert pagina.status_code == (200 if centraal else 404), waar
        dossier = client.get(reverse("dossier", args=[leerling.pk]))
        assert dossier.status_code == (200 if secties else 403 if centraal else 404), waar
    # The list the pages are built on holds exactly the pupils with a visible category.
    zichtbaar = {leerling for relatie, leerling in w.leerlingen.items()
                 if verwacht[relatie].categorieen & set("ABCDEFGH")}
    assert set(toegang.leerlingen_voor(w.user)) == zichtbaar
    # School-wide parts: the outgoing post and the read log, only at the own school.
    for handeling in (VERZENDEN, LOG):
        scholen = {s.korte_naam for s in toegang.scholen_waar(w.user, handeling)}
        school_breed = handeling in verwacht["andere_groep"].handelingen
        assert scholen == ({"matrix"} if school_breed else set()), (handeling, rol)


def test_een_superuser_ziet_geen_leerling(client, db):
    w = _wereld("echnaton-2009", Rol.DIRECTIE)
    superuser = get_user_model().objects.create_superuser("super", password="x")
    for leerling in w.leerlingen.values():
        assert toegang.rechten(superuser, leerling) == toegang.GEEN_RECHTEN
    assert not toegang.leerlingen_voor(superuser).exists()
    client.force_login(superuser)
    leerling = w.leerlingen["eigen"]
    assert client.get(reverse("leerling", args=[leerling.pk])).status_code == 404
    assert client.get(reverse("dossier", args=[leerling.pk])).status_code == 404


def test_een_superuser_met_een_rol_ziet_evenmin_iets(client, wereld):
    """Superuser and directie in one account: the superuser flag wins, nothing is read."""
    wereld.directie.is_superuser = True
    wereld.directie.save()
    assert toegang.rechten(wereld.directie, wereld.anna) == toegang.GEEN_RECHTEN
    assert not toegang.leerlingen_voor(wereld.directie).exists()
    client.force_login(wereld.directie)
    assert client.get(reverse("leerling", args=[wereld.anna.pk])).status_code == 404
