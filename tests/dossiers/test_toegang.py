"""The access policy as data: Echnaton art. 9.3 and 9.4, per persona and pupil."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone
from guardian.models import UserObjectPermission

from dossiers import panelen, toegang
from dossiers.models import LeerlingUserObjectPermission, Medewerker
from dossiers.toekenningen import toekenning_verlenen
from statuut.models import Statuut

ALLES = frozenset({"A", "B", "C", "D", "E", "F", "G", "H", "dossier"})
BEPERKT = frozenset({"A", "D", "E", "G"})  # art. 9.4: docenten, only A, D, E and G
GEEN = frozenset()

# (persona, pupil, expected categories). Anna is in 1A (onderbouw), Bram in 1B (onderbouw),
# Chris in 4H (bovenbouw), Dirk at the other school.
MATRIX = [
    ("docent", "anna", BEPERKT),             # teaches 1A
    ("docent", "bram", GEEN),                # does not teach 1B
    ("docent_4h", "anna", GEEN),             # docent of another group
    ("docent_4h", "chris", BEPERKT),
    ("mentor", "anna", ALLES),               # mentor of 1A
    ("mentor", "bram", GEEN),                # not their group
    ("teamleider", "anna", ALLES),           # onderbouw
    ("teamleider", "bram", ALLES),
    ("teamleider", "chris", GEEN),           # bovenbouw is not theirs
    ("teamleider_bovenbouw", "chris", ALLES),
    ("directie", "anna", ALLES),
    ("directie", "chris", ALLES),
    ("administratie", "bram", ALLES),
    ("zorgcoordinator", "chris", BEPERKT),   # art. 9.4 "overige personeelsleden"
    ("directie", "dirk", GEEN),              # another school
    ("buitenstaander", "anna", GEEN),        # staff of another school
    ("buitenstaander", "chris", GEEN),
    ("beheerder", "anna", GEEN),             # functioneel beheerder uses the admin
]


@pytest.mark.parametrize(("persona", "leerling", "verwacht"), MATRIX)
def test_echnaton_art_9_matrix(wereld, persona, leerling, verwacht):
    user = getattr(wereld, persona)
    ll = getattr(wereld, leerling)
    assert toegang.zichtbare_categorieen(user, ll) == verwacht
    assert toegang.mag_zien(user, ll, "A") == ("A" in verwacht)
    assert toegang.mag_zien(user, ll, "B") == ("B" in verwacht)
    assert toegang.leerlingen_voor(user).filter(pk=ll.pk).exists() == bool(verwacht)


@pytest.mark.parametrize(
    ("persona", "verwacht"),
    [
        ("docent", {"anna"}),
        ("docent_4h", {"chris"}),
        ("mentor", {"anna"}),
        ("teamleider", {"anna", "bram"}),
        ("teamleider_bovenbouw", {"chris"}),
        ("directie", {"anna", "bram", "chris"}),
        ("administratie", {"anna", "bram", "chris"}),
        ("zorgcoordinator", {"anna", "bram", "chris"}),
        ("buitenstaander", {"dirk"}),
        ("beheerder", set()),
    ],
)
def test_leerlingen_voor_is_exact(wereld, persona, verwacht):
    namen = {ll.roepnaam.lower() for ll in toegang.leerlingen_voor(getattr(wereld, persona))}
    assert namen == verwacht


def test_een_docent_ziet_het_dossier_bij_echnaton_nooit(wereld):
    assert not toegang.mag_zien(wereld.docent, wereld.anna, "dossier")
    assert toegang.mag_zien(wereld.mentor, wereld.anna, "dossier")


def test_een_gebruiker_zonder_medewerker_ziet_niets(wereld):
    user = get_user_model().objects.create_user("losse-gebruiker", password="x")
    assert toegang.zichtbare_categorieen(user, wereld.anna) == GEEN
    assert not toegang.leerlingen_voor(user).exists()


def test_een_superuser_krijgt_in_de_app_niets_vanzelf(wereld):
    root = get_user_model().objects.create_superuser("root", password="x")
    Medewerker.objects.create(user=root, naam="Root")
    assert toegang.zichtbare_categorieen(root, wereld.anna) == GEEN
    assert not toegang.leerlingen_voor(root).exists()


def test_een_inactieve_gebruiker_ziet_niets(wereld):
    wereld.directie.is_active = False
    wereld.directie.save()
    assert toegang.zichtbare_categorieen(wereld.directie, wereld.anna) == GEEN
    assert not toegang.leerlingen_voor(wereld.directie).exists()


def test_anoniem_ziet_niets(wereld):
    from django.contrib.auth.models import AnonymousUser

    assert toegang.zichtbare_categorieen(AnonymousUser(), wereld.anna) == GEEN
    assert not toegang.leerlingen_voor(AnonymousUser()).exists()


def test_een_guardian_toekenning_op_een_leerling_geeft_a_d_e_g(wereld):
    toekenning_verlenen(door=wereld.directie, aan=wereld.docent_4h, leerling=wereld.anna,
                        omvang="beperkt", reden="Vervangt de mentor tijdens zijn verlof",
                        geldig_vanaf=timezone.localdate(),
                        geldig_tot=timezone.localdate() + timedelta(days=300), controleer=False)
    assert toegang.zichtbare_categorieen(wereld.docent_4h, wereld.anna) == BEPERKT
    assert set(toegang.leerlingen_voor(wereld.docent_4h)) == {wereld.anna, wereld.chris}
    # Only that pupil: Bram stays invisible.
    assert toegang.zichtbare_categorieen(wereld.docent_4h, wereld.bram) == GEEN
    # Kept in the direct foreign-key table, not guardian's generic one (STYLE.md).
    assert LeerlingUserObjectPermission.objects.filter(
        user=wereld.docent_4h, content_object=wereld.anna).count() == 1
    assert not UserObjectPermission.objects.exists()


def test_een_modelbrede_view_permissie_geeft_geen_toegang(wereld):
    # DESIGN.md trap: a global view_leerling must not open every pupil of every school.
    perm = Permission.objects.get(codename="view_leerling", content_type__app_label="dossiers")
    wereld.docent_4h.user_permissions.add(perm)
    assert toegang.zichtbare_categorieen(wereld.docent_4h, wereld.anna) == GEEN
    assert set(toegang.leerlingen_voor(wereld.docent_4h)) == {wereld.chris}


def test_zonder_statuut_geen_toegang(wereld):
    Statuut.objects.filter(school=wereld.school).delete()
    assert toegang.zichtbare_categorieen(wereld.directie, wereld.anna) == GEEN
    assert not toegang.leerlingen_voor(wereld.directie).exists()


def test_een_statuut_dat_nog_niet_in_werking_is_geldt_niet(wereld):
    assert toegang.zichtbare_categorieen(wereld.directie, wereld.anna, op=date(2009, 7, 31)) \
        == GEEN


def test_een_verlopen_statuut_blijft_gelden_tot_er_een_nieuw_is(wereld):
    # Noordgouw's statuut expired on 1 August 2024; its matrix still decides access.
    assert toegang.zichtbare_categorieen(wereld.buitenstaander, wereld.dirk) == ALLES


def test_de_relatie_geldt_alleen_in_het_huidige_schooljaar(wereld):
    # Anna's placement in 1A is of this school year; a year later the mentor relation ends.
    later = date(wereld.schooljaar.eind.year + 1, 1, 15)
    assert toegang.zichtbare_categorieen(wereld.mentor, wereld.anna, op=later) == GEEN
    assert toegang.zichtbare_categorieen(wereld.directie, wereld.anna, op=later) == ALLES


def test_leerlingen_voor_is_een_queryset_zonder_lus(wereld, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        list(toegang.leerlingen_voor(wereld.mentor))


def test_startonderdelen_per_rol():
    assert panelen.startonderdelen(frozenset({"mentor", "docent"})) == {
        "mentorgroepen", "lesgroepen"}
    assert "statuut_waarschuwing" in panelen.startonderdelen(frozenset({"directie"}))
    assert panelen.startonderdelen(frozenset()) == frozenset()
