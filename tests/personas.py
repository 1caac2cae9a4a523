"""Personas for every test (registered in tests/conftest.py): one Echnaton school
(art. 9 matrix) with staff in every relation to its pupils, and an outsider at another school."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from dossiers.models import (
    Afdeling,
    Groep,
    Groepsplaatsing,
    Leerling,
    Lesopdracht,
    Medewerker,
    Ouder,
    Ouderschap,
    Roltoewijzing,
)
from statuut import kalender
from statuut.models import (
    Bestuur,
    Rol,
    School,
    Schooljaar,
    SchoolVakantie,
    Statuut,
    Toegangsregel,
    TweedeFactor,
)
from statuut.services import kalender_gewijzigd, regiovakanties_laden
from tests import wereldvoorraad

WACHTWOORD = "een-lang-testwachtwoord"


def ingelogd(client, user, *, nagaan: bool = True):
    """`client` logged in as `user`, again only when needed: another user, or a clock that
    went back or moved on further than an idle session lasts (accounts/sessie.py). A helper
    that posts form after form as one person would otherwise create a new session, send the
    login signal and decide the second factor before every form. `nagaan=False`: do not ask
    the database whether the session still exists (the caller looks at the answer instead,
    `tests.doodlopend.als`)."""
    from datetime import timedelta

    from django.conf import settings
    from django.contrib.sessions.models import Session

    nu = timezone.now()
    koekje = client.cookies.get(settings.SESSION_COOKIE_NAME)
    sessie = koekje.value if koekje is not None else None
    vorige = getattr(client, "_ingelogd_als", None)
    if (vorige is None or vorige[:2] != (user.pk, sessie) or not vorige[2] <= nu <= vorige[3]
            or nu - vorige[2] > timedelta(minutes=settings.SESSIE_INACTIEF_MINUTEN - 5)
            # written in a savepoint since rolled back
            or (nagaan and not Session.objects.filter(session_key=sessie).exists())):
        client.force_login(user)
        sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
        vorige = (user.pk, sessie, nu, nu + timedelta(hours=settings.SESSIE_MAXIMAAL_UREN - 1))
    client._ingelogd_als = (user.pk, sessie, nu, vorige[3])
    return client
ALLES = ["A", "B", "C", "D", "E", "F", "G", "H", "dossier"]


def _preset(school: School, preset: str) -> Statuut | None:
    """The shipped preset, once its file exists (the presets land one by one)."""
    if importlib.util.find_spec("statuut.presets") is None:
        return None
    from statuut import presets

    if not presets.preset_pad(preset).exists():
        return None
    return presets.preset_laden(school=school, preset=preset)


def _statuut_echnaton(school: School) -> Statuut:
    if (statuut := _preset(school, "echnaton-2009")) is not None:
        return statuut
    # Until the preset file lands: Echnaton art. 9.3 and 9.4 written out by hand.
    statuut = Statuut.objects.create(
        school=school, titel="Leerlingenstatuut Echnaton", ingangsdatum=date(2009, 8, 1),
        bezwaar_schorsing_mogelijk=False,
    )
    for rol, cats, eigen in [
        (Rol.DOCENT, ["A", "D", "E", "G"], True),
        (Rol.MENTOR, ALLES, True),
        (Rol.TEAMLEIDER, ALLES, True),
        (Rol.DIRECTIE, ALLES, False),
        (Rol.ADMINISTRATIE, ALLES, False),
        (Rol.ZORGCOORDINATOR, ["A", "D", "E", "G"], False),
    ]:
        Toegangsregel.objects.create(statuut=statuut, rol=rol, categorieen=cats,
                                     alleen_eigen_leerlingen=eigen, artikel="9")
    return statuut


def _statuut_noordgouw(school: School) -> Statuut:
    if (statuut := _preset(school, "noordgouw-2022")) is not None:
        return statuut
    statuut = Statuut.objects.create(
        school=school, titel="Leerlingenstatuut Noordgouw 2022-2024",
        ingangsdatum=date(2022, 8, 1), geldig_tot=date(2024, 8, 1),
        bezwaar_schorsing_mogelijk=True,
    )
    for rol in (Rol.DIRECTIE, Rol.ADMINISTRATIE):
        Toegangsregel.objects.create(statuut=statuut, rol=rol, categorieen=ALLES,
                                     alleen_eigen_leerlingen=False, artikel="6")
    return statuut


def maak_gebruiker(username: str, naam: str, school: School | None = None,
                   *rollen: str, afdeling: Afdeling | None = None):
    user = get_user_model().objects.create_user(username=username, password=WACHTWOORD)
    medewerker = Medewerker.objects.create(user=user, naam=naam)
    for rol in rollen:
        Roltoewijzing.objects.create(
            medewerker=medewerker, school=school, rol=rol,
            afdeling=afdeling if rol == Rol.TEAMLEIDER else None,
        )
    return user


def maak_leerling(school: School, nummer: str, roepnaam: str, achternaam: str,
                  *groepen: Groep, **velden) -> Leerling:
    leerling = Leerling.objects.create(
        school=school, leerlingnummer=nummer, roepnaam=roepnaam, achternaam=achternaam,
        geboortedatum=velden.pop("geboortedatum", date(2012, 3, 14)), **velden,
    )
    for groep in groepen:
        Groepsplaatsing.objects.create(leerling=leerling, groep=groep)
    return leerling


@dataclass
class Wereld:
    school: School
    andere_school: School
    schooljaar: Schooljaar
    onderbouw: Afdeling
    bovenbouw: Afdeling
    groep_1a: Groep
    groep_1b: Groep
    groep_4h: Groep
    mentor: object
    docent: object
    docent_4h: object
    teamleider: object
    teamleider_bovenbouw: object
    directie: object
    administratie: object
    zorgcoordinator: object
    beheerder: object
    buitenstaander: object
    anna: Leerling
    bram: Leerling
    chris: Leerling
    dirk: Leerling


SNELLE_WACHTWOORDEN = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(settings):
    # Users made in a test (and the personas, tests/wereldvoorraad.py): a fast hasher only
    # makes tests faster, never different.
    settings.PASSWORD_HASHERS = SNELLE_WACHTWOORDEN


def wereld_bouwen() -> Wereld:
    """Write the personas to the database (see `wereld` for how the tests get them)."""
    bestuur = Bestuur.objects.create(naam="Stichting Testscholen")
    # The personas test the flows, with force_login and no second factor; tests/inloggen
    # makes its own schools that require one (a real school does by default).
    school = School.objects.create(
        bestuur=bestuur, naam="Echnaton Testcollege", korte_naam="echnaton", brin="12AB",
        regio="midden", onderwijssoort="vo", tweede_factor=TweedeFactor.NIET_VERPLICHT,
    )
    andere = School.objects.create(
        bestuur=bestuur, naam="Noordgouw Testlyceum", korte_naam="noordgouw", brin="34CD",
        regio="noord", onderwijssoort="vo", tweede_factor=TweedeFactor.NIET_VERPLICHT,
    )
    _statuut_echnaton(school)
    _statuut_noordgouw(andere)

    jaar = Schooljaar.voor_datum(timezone.localdate())
    onderbouw = Afdeling.objects.create(school=school, naam="Onderbouw")
    bovenbouw = Afdeling.objects.create(school=school, naam="Bovenbouw")
    g1a = Groep.objects.create(school=school, schooljaar=jaar, afdeling=onderbouw, naam="1A")
    g1b = Groep.objects.create(school=school, schooljaar=jaar, afdeling=onderbouw, naam="1B")
    g4h = Groep.objects.create(school=school, schooljaar=jaar, afdeling=bovenbouw, naam="4H")
    afdeling_andere = Afdeling.objects.create(school=andere, naam="Onderbouw")
    g_andere = Groep.objects.create(school=andere, schooljaar=jaar, afdeling=afdeling_andere,
                                    naam="1A")

    mentor = maak_gebruiker("mentor", "M. Mentor", school, Rol.MENTOR, Rol.DOCENT)
    g1a.mentoren.add(mentor.medewerker)
    docent = maak_gebruiker("docent", "D. Docent", school, Rol.DOCENT)
    Lesopdracht.objects.create(docent=docent.medewerker, groep=g1a, vak="wiskunde")
    docent_4h = maak_gebruiker("docent4h", "E. Anderedocent", school, Rol.DOCENT)
    Lesopdracht.objects.create(docent=docent_4h.medewerker, groep=g4h, vak="aardrijkskunde")
    teamleider = maak_gebruiker("teamleider", "T. Leider", school, Rol.TEAMLEIDER,
                                afdeling=onderbouw)
    teamleider_bb = maak_gebruiker("teamleiderbb", "B. Bovenbouw", school, Rol.TEAMLEIDER,
                                   afdeling=bovenbouw)
    directie = maak_gebruiker("directie", "R. Rector", school, Rol.DIRECTIE)
    administratie = maak_gebruiker("administratie", "A. Administratie", school,
                                   Rol.ADMINISTRATIE)
    zorgcoordinator = maak_gebruiker("zorgcoordinator", "Z. Zorg", school, Rol.ZORGCOORDINATOR)
    beheerder = maak_gebruiker("beheerder", "F. Beheer", school, Rol.FUNCTIONEEL_BEHEERDER)
    buitenstaander = maak_gebruiker("buitenstaander", "O. Buiten", andere, Rol.DIRECTIE,
                                    Rol.MENTOR, Rol.DOCENT)

    anna = maak_leerling(school, "1001", "Anna", "Vries", g1a, tussenvoegsel="de",
                         woonplaats="Utrecht", faciliteitengegevens="Vader: timmerman",
                         leerlingvolgsysteem="Rapport 1: 7,4", adres_na_vertrek="")
    ouder = Ouder.objects.create(voorletters="J.", tussenvoegsel="de", achternaam="Vries",
                                 telefoon="06-12345678", woonplaats="Utrecht")
    Ouderschap.objects.create(leerling=anna, ouder=ouder, relatie="moeder")
    bram = maak_leerling(school, "1002", "Bram", "Jansen", g1b)
    chris = maak_leerling(school, "1003", "Chris", "Bakker", g4h)
    dirk = maak_leerling(andere, "2001", "Dirk", "Visser", g_andere)
    g_andere.mentoren.add(buitenstaander.medewerker)

    return Wereld(
        school=school, andere_school=andere, schooljaar=jaar, onderbouw=onderbouw,
        bovenbouw=bovenbouw, groep_1a=g1a, groep_1b=g1b, groep_4h=g4h, mentor=mentor,
        docent=docent, docent_4h=docent_4h, teamleider=teamleider,
        teamleider_bovenbouw=teamleider_bb, directie=directie, administratie=administratie,
        zorgcoordinator=zorgcoordinator,
        beheerder=beheerder, buitenstaander=buitenstaander, anna=anna, bram=bram,
        chris=chris, dirk=dirk,
    )


def termijnen_toevoegen(wereld: Wereld) -> Wereld:
    """A complete 2026-2027 calendar (region midden lacks the meivakantie in the shipped
    data; the school enters its own, as the demo does) and e-mail addresses."""
    kalender.vergeet_cache()
    regiovakanties_laden()
    SchoolVakantie.objects.create(school=wereld.school, schooljaar="2026-2027",
                                  soort="meivakantie", eerste_dag=date(2027, 4, 24),
                                  laatste_dag=date(2027, 5, 2))
    kalender_gewijzigd(school=wereld.school)
    for naam in ("mentor", "teamleider", "teamleider_bovenbouw", "directie", "zorgcoordinator"):
        user = getattr(wereld, naam)
        user.email = f"{user.username}@school.example"
        user.save()
    return wereld


# Built once per test process and kept in the test database (tests/wereldvoorraad.py).
wereldvoorraad.registreren("wereld", None, wereld_bouwen)
wereldvoorraad.registreren("termijnwereld", "wereld", termijnen_toevoegen)


@pytest.fixture
def wereld(db) -> Wereld:
    """The personas. Built once per test process and kept in the test database between tests
    (tests/wereldvoorraad.py); each test gets its own copies of the objects, and its writes
    vanish with its transaction, as before."""
    w = wereldvoorraad.voor_de_test("wereld")
    # The calendar tables are cached by school pk and calendar version, which are now the
    # same in every test: no table built in another test's (rolled back) state may be used.
    kalender.vergeet_cache()
    yield w
    kalender.vergeet_cache()


@pytest.fixture
def termijnwereld(wereld):
    """The personas after `termijnen_toevoegen`: the 2026-2027 calendar and e-mail addresses
    (in the database before the test starts, like `wereld`)."""
    w = wereldvoorraad.voor_de_test("termijnwereld")
    assert w is wereld
    kalender.vergeet_cache()
    yield w
    kalender.vergeet_cache()


def inloggen_met_tweede_factor(client, user) -> None:
    """force_login plus a confirmed authenticator app, as after giving its code: for tests of
    pages that ask a second factor (the admin for a superuser, schools that require it)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = device.persistent_id
    sessie.save()
