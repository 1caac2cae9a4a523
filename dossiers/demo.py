"""The demo board: three schools with their calendars, statuut presets, groups, pupils,
parents and one staff user per role. Loaded only by `python manage.py seed_demo`.

Everything is keyed on natural keys (korte naam, leerlingnummer, username, e-mail), and
every random choice comes from one `random.Random(2026)`, so a second run finds the same
rows and changes nothing.
"""

from __future__ import annotations

import importlib
import importlib.util
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from statuut import presets, services
from statuut.models import (
    Bestuur,
    Bestuursrol,
    Bestuursroltoewijzing,
    Onderwijssoort,
    Regio,
    Rol,
    School,
    Schooljaar,
    SchoolVakantie,
    TweedeFactor,
    Vakantiesoort,
    VrijeDag,
)

from . import dossier, toekenningen
from .models import (
    Afdeling,
    Dossierstuk,
    Groep,
    Groepsplaatsing,
    Leerling,
    Lesopdracht,
    Medewerker,
    Ouder,
    Ouderschap,
    Roltoewijzing,
    Toekenning,
    Toekenningsomvang,
    Verwijdergrond,
)

try:  # the letters part brings its own demo letterhead once it lands
    from .brieven.demo import demo_briefinstellingen
except ImportError:
    demo_briefinstellingen = None

WACHTWOORD = "demo"
BESTUUR = "Stichting Voorbeeldscholen"
# The demo lives in school year 2026-2027: the year region midden's vacation data covers best.
PEILDATUM = date(2026, 10, 1)
BEHEERDERS_GROEP = "Functioneel beheerders (demo)"
BESTUURSBEHEERDERS_GROEP = "Bestuursbeheerders (demo)"
#: The board's beheerder: keeps the school years and regional vacations all three schools
#: share (statuut.gedeeld). Not `<role>-<school>`: the role is held for the board.
BESTUURSBEHEERDER = "bestuursbeheerder-voorbeeldscholen"

# Role -> the <role> part of the username. Plain ASCII, as DESIGN.md promises.
GEBRUIKERSNAAM_VOOR_ROL: dict[str, str] = {
    Rol.DOCENT: "docent",
    Rol.MENTOR: "mentor",
    Rol.TEAMLEIDER: "teamleider",
    Rol.ZORGCOORDINATOR: "zorgcoordinator",
    Rol.REMEDIAL_TEACHER: "remedial-teacher",
    Rol.VERTROUWENSPERSOON: "vertrouwenspersoon",
    Rol.DECAAN: "decaan",
    Rol.DIRECTIE: "directeur",
    Rol.ADMINISTRATIE: "administratie",
    Rol.FUNCTIONEEL_BEHEERDER: "beheerder",
}


@dataclass(frozen=True)
class GroepDef:
    naam: str
    afdeling: str
    leeftijd: int  # typical age on PEILDATUM
    aantal: int  # pupils
    ouder_dan_18: int = 0  # how many of them are 18 or older


@dataclass(frozen=True)
class SchoolDef:
    korte_naam: str
    naam: str
    brin: str
    onderwijssoort: str
    preset: str
    adres: str
    postcode_plaats: str
    groepen: tuple[GroepDef, ...]
    studiedag: date


_VO_GROEPEN = (
    GroepDef("1A", "onderbouw", 12, 8),
    GroepDef("2B", "onderbouw", 13, 8),
    GroepDef("4H", "bovenbouw", 15, 7),
    GroepDef("6V", "bovenbouw", 17, 7, ouder_dan_18=3),
)
_PO_GROEPEN = (
    GroepDef("groep 1/2", "groep 1-4", 4, 8),
    GroepDef("groep 3", "groep 1-4", 6, 7),
    GroepDef("groep 5", "groep 5-8", 8, 7),
    GroepDef("groep 8", "groep 5-8", 11, 8),
)

SCHOLEN: tuple[SchoolDef, ...] = (
    SchoolDef("echnaton", "OSG Echnaton", "99EC", Onderwijssoort.VO, "echnaton-2009",
              "Parkweg 1", "3511 AA Utrecht", _VO_GROEPEN, date(2027, 2, 8)),
    SchoolDef("noordgouw", "Christelijk College de Noordgouw", "99NG", Onderwijssoort.VO,
              "noordgouw-2022", "Kerkstraat 12", "3811 BB Amersfoort", _VO_GROEPEN,
              date(2026, 12, 7)),
    SchoolDef("wijzer", "Basisschool Wijzer", "99WZ", Onderwijssoort.PO, "wijzer-2024",
              "Schoolplein 3", "3701 CC Zeist", _PO_GROEPEN, date(2027, 3, 15)),
)

# Region midden has no meivakantie for 2026-2027 in the shipped data. DEMO DATA: this is the
# national advice (24 April - 2 May 2027); a real school must check and enter its own dates.
MEIVAKANTIE_2027 = (date(2027, 4, 24), date(2027, 5, 2))

_JONGENS = ["Daan", "Sem", "Lucas", "Finn", "Levi", "Milan", "Bram", "Noah", "Jesse", "Thijs",
            "Luuk", "Ruben", "Mees", "Stijn", "Sven", "Mohamed", "Yusuf", "Julian", "Gijs",
            "Tim", "Jayden", "Olivier", "Hugo", "Teun"]
_MEISJES = ["Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Fenna", "Lotte", "Eva",
            "Noor", "Saar", "Anna", "Lieke", "Isa", "Fleur", "Yara", "Nina", "Femke", "Amira",
            "Liv", "Roos", "Jasmijn", "Maud"]
_VOLWASSEN_M = ["Jan", "Peter", "Mark", "Erik", "Bas", "Martijn", "Jeroen", "Ahmed", "Rob",
                "Dennis", "Sander", "Wouter", "Hans", "Kees"]
_VOLWASSEN_V = ["Linda", "Sandra", "Marieke", "Esther", "Ingrid", "Monique", "Fatima",
                "Anouk", "Karin", "Petra", "Ellen", "Hanneke", "Yvonne", "Judith"]
# (tussenvoegsel, achternaam)
_ACHTERNAMEN = [("de", "Jong"), ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"),
                ("van", "Dijk"), ("", "Bakker"), ("", "Janssen"), ("", "Visser"),
                ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"),
                ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"),
                ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"),
                ("", "Dijkstra"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"),
                ("", "Kok"), ("", "Yilmaz"), ("", "El Amrani"), ("", "Koster"),
                ("", "Prins"), ("van", "Vliet"), ("", "Willems"), ("", "Verhoeven")]
_STRATEN = ["Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat", "Beukenlaan",
            "Eikenlaan", "Julianastraat", "Wilhelminalaan", "Stationsweg", "Nieuwe Gracht",
            "Lindenlaan", "Kastanjelaan", "Prinses Irenestraat", "Zandweg"]
# (postcode digits, woonplaats), all in region midden
_PLAATSEN = [("3511", "Utrecht"), ("3521", "Utrecht"), ("3811", "Amersfoort"),
             ("3701", "Zeist"), ("3995", "Houten"), ("3431", "Nieuwegein"),
             ("3401", "IJsselstein"), ("3731", "De Bilt")]
_BASISSCHOLEN = ["Basisschool Wijzer", "De Regenboog", "Het Kompas", "De Wegwijzer",
                 "Montessorischool Zeist", "De Vlieger"]
_ADVIEZEN = ["vmbo-t", "vmbo-t/havo", "havo", "havo/vwo", "vwo"]
_VAKKEN_VO = ["Nederlands", "wiskunde", "Engels", "geschiedenis", "biologie", "Frans"]

_ROL_FUNCTIE = {
    Rol.DOCENT: "docent wiskunde",
    Rol.MENTOR: "docent Nederlands en mentor",
    Rol.TEAMLEIDER: "teamleider",
    Rol.ZORGCOORDINATOR: "zorgcoördinator",
    Rol.REMEDIAL_TEACHER: "remedial teacher",
    Rol.VERTROUWENSPERSOON: "vertrouwenspersoon",
    Rol.DECAAN: "decaan",
    Rol.DIRECTIE: "directeur",
    Rol.ADMINISTRATIE: "medewerker leerlingenadministratie",
    Rol.FUNCTIONEEL_BEHEERDER: "functioneel beheerder",
}

# What the functioneel beheerder may manage in the admin. An allow-list, so a model added
# later (letters, dossier entries) is not handed out by accident. Dossier content
# (Dossierstuk) and the read log (Inzage) are deliberately absent: they are read in the app,
# through dossiers.toegang, with every read logged. School years and regional vacations are
# shared with the other schools: read-only here, kept by the bestuursbeheerder. Pupils: only
# to place them in groups (the admin shows the beheerder their name and number); parents
# and registering pupils are the administratie's (category B and A, art. 9.3).
BEHEERDER_RECHTEN: dict[tuple[str, str], tuple[str, ...]] = {
    ("statuut", "bestuur"): ("view",),
    ("statuut", "school"): ("change", "view"),
    ("statuut", "schooljaar"): ("view",),
    ("statuut", "regiovakantie"): ("view",),
    ("statuut", "schoolvakantie"): ("add", "change", "delete", "view"),
    ("statuut", "vrijedag"): ("add", "change", "delete", "view"),
    ("statuut", "statuut"): ("add", "change", "delete", "view"),
    ("statuut", "artikel"): ("add", "change", "delete", "view"),
    ("statuut", "maatregelsoort"): ("add", "change", "delete", "view"),
    ("statuut", "klachtfase"): ("add", "change", "delete", "view"),
    ("statuut", "beroepsregel"): ("add", "change", "delete", "view"),
    ("statuut", "verzuimdrempel"): ("add", "change", "delete", "view"),
    ("statuut", "toegangsregel"): ("add", "change", "delete", "view"),
    ("statuut", "bevoegdheid"): ("add", "change", "delete", "view"),
    ("statuut", "orgaanrol"): ("add", "change", "delete", "view"),
    ("statuut", "termijn"): ("view",),
    ("dossiers", "afdeling"): ("add", "change", "delete", "view"),
    ("dossiers", "groep"): ("add", "change", "delete", "view"),
    ("dossiers", "groepsplaatsing"): ("add", "change", "delete", "view"),
    ("dossiers", "lesopdracht"): ("add", "change", "delete", "view"),
    ("dossiers", "leerling"): ("change", "view"),
    ("dossiers", "medewerker"): ("add", "change", "delete", "view"),
    ("dossiers", "roltoewijzing"): ("add", "change", "delete", "view"),
    ("dossiers", "wijzigingsverzoek"): ("view",),
}


BESTUURSBEHEERDER_RECHTEN: dict[tuple[str, str], tuple[str, ...]] = {
    ("statuut", "bestuur"): ("change", "view"),
    ("statuut", "schooljaar"): ("add", "change", "delete", "view"),
    ("statuut", "regiovakantie"): ("add", "change", "delete", "view"),
}


@dataclass(frozen=True)
class DemoGebruiker:
    username: str
    rol: str
    school: str


def _ascii(tekst: str) -> str:
    plat = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    return "".join(c for c in plat.lower() if c.isalnum())


def _geboortedatum(rng: random.Random, leeftijd: int) -> date:
    """A birth date at which the pupil is exactly `leeftijd` years old on PEILDATUM."""
    jongste = PEILDATUM.replace(year=PEILDATUM.year - leeftijd)
    return jongste - timedelta(days=rng.randrange(365))


def _adres(rng: random.Random) -> tuple[str, str, str]:
    cijfers, plaats = rng.choice(_PLAATSEN)
    letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
    return f"{rng.choice(_STRATEN)} {rng.randint(1, 180)}", f"{cijfers} {letters}", plaats


def _telefoon(rng: random.Random) -> str:
    return f"06-{rng.randint(10000000, 99999999)}"


def _voorletter(naam: str) -> str:
    return f"{naam[0]}."


@transaction.atomic
def demo_laden() -> list[DemoGebruiker]:
    """Create or update the demo board. Returns the demo users (username, role, school)."""
    rng = random.Random(2026)
    wachtwoord_hash = make_password(WACHTWOORD)  # hashed once: hashing is slow by design

    services.regiovakanties_laden()
    schooljaar = Schooljaar.voor_datum(PEILDATUM)
    bestuur, _ = Bestuur.objects.get_or_create(naam=BESTUUR)
    beheerders = _groep(BEHEERDERS_GROEP, BEHEERDER_RECHTEN)

    gebruikers: list[DemoGebruiker] = []
    for definitie in SCHOLEN:
        school = _school(bestuur, definitie)
        presets.preset_laden(school=school, preset=definitie.preset)
        _kalender(school, schooljaar, definitie)
        gebruikers += _school_vullen(rng, school, schooljaar, definitie, wachtwoord_hash,
                                     beheerders)
        if demo_briefinstellingen is not None:
            demo_briefinstellingen(school)
        if definitie.korte_naam == "echnaton":
            _dossier_echnaton(school)
    gebruikers.append(_bestuursbeheerder(bestuur, wachtwoord_hash))
    _demo_van_de_stromen()
    return gebruikers


def _bestuursbeheerder(bestuur: Bestuur, wachtwoord_hash: str) -> DemoGebruiker:
    """The board's beheerder: a login with the board role and no role at any school (so no
    pupil data), made after the schools so the demo's random names stay as they were."""
    user, _ = get_user_model().objects.update_or_create(
        username=BESTUURSBEHEERDER,
        defaults={"first_name": "Bea", "last_name": "Bestuur",
                  "email": f"{BESTUURSBEHEERDER}@example.org", "is_active": True,
                  "is_staff": True, "is_superuser": False},
    )
    user.password = wachtwoord_hash
    user.save(update_fields=["password"])
    user.groups.add(_groep(BESTUURSBEHEERDERS_GROEP, BESTUURSBEHEERDER_RECHTEN))
    Bestuursroltoewijzing.objects.get_or_create(user=user, bestuur=bestuur,
                                                rol=Bestuursrol.BEHEERDER)
    return DemoGebruiker(BESTUURSBEHEERDER, Bestuursrol.BEHEERDER, "")


#: The flow apps whose `<app>.demo.demo_laden()` adds their cases to the demo, in this order.
STROMEN = ("zorg", "sancties", "klachten", "verzuim", "uitsturen", "gedrag")


def _demo_van_de_stromen() -> None:
    """Each flow adds its own demo cases (idempotent, like the rest), without `dossiers`
    importing the flows at module level."""
    for app in STROMEN:
        if importlib.util.find_spec(f"{app}.demo") is not None:
            importlib.import_module(f"{app}.demo").demo_laden()


def _groep(naam: str, toegestaan: dict[tuple[str, str], tuple[str, ...]]) -> Group:
    groep, _ = Group.objects.get_or_create(name=naam)
    rechten = []
    for (app, model), acties in toegestaan.items():
        for actie in acties:
            rechten.append(Permission.objects.get(content_type__app_label=app,
                                                  codename=f"{actie}_{model}"))
    groep.permissions.set(rechten)
    return groep


def _school(bestuur: Bestuur, d: SchoolDef) -> School:
    school, _ = School.objects.update_or_create(
        korte_naam=d.korte_naam,
        defaults={
            "bestuur": bestuur,
            "naam": d.naam,
            "brin": d.brin,
            "regio": Regio.MIDDEN,
            "onderwijssoort": d.onderwijssoort,
            "adres": d.adres,
            "postcode_plaats": d.postcode_plaats,
            # The demo is for a first try with the password `demo`: no second factor. A
            # real school requires one (the field's default; README "Logging in").
            "tweede_factor": TweedeFactor.NIET_VERPLICHT,
        },
    )
    return school


def _kalender(school: School, schooljaar: Schooljaar, d: SchoolDef) -> None:
    gewijzigd = False
    eerste, laatste = MEIVAKANTIE_2027
    vakantie, aangemaakt = SchoolVakantie.objects.get_or_create(
        school=school, schooljaar=schooljaar.naam, soort=Vakantiesoort.MEI,
        defaults={"eerste_dag": eerste, "laatste_dag": laatste},
    )
    gewijzigd |= aangemaakt
    _, aangemaakt = VrijeDag.objects.get_or_create(
        school=school, eerste_dag=d.studiedag,
        defaults={"laatste_dag": d.studiedag, "omschrijving": "studiedag"},
    )
    gewijzigd |= aangemaakt
    if gewijzigd:
        services.kalender_gewijzigd(school=school)


def _medewerker(
    rng: random.Random, username: str, functie: str, wachtwoord_hash: str, actief: bool = True
) -> Medewerker:
    vrouw = rng.random() < 0.5
    voornaam = rng.choice(_VOLWASSEN_V if vrouw else _VOLWASSEN_M)
    tussenvoegsel, achternaam = rng.choice(_ACHTERNAMEN)
    User = get_user_model()
    user, _ = User.objects.update_or_create(
        username=username,
        defaults={
            "first_name": voornaam,
            "last_name": f"{tussenvoegsel} {achternaam}".strip(),
            "email": f"{username}@example.org",
            "is_active": actief,
            "is_superuser": False,
        },
    )
    # The same known password every run, so a demo user whose password was changed is reset.
    user.password = wachtwoord_hash if actief else make_password(None)
    user.save(update_fields=["password"])
    naam = " ".join(p for p in (voornaam, tussenvoegsel, achternaam) if p)
    medewerker, _ = Medewerker.objects.update_or_create(
        user=user,
        defaults={"voorletters": _voorletter(voornaam), "naam": naam, "functie": functie},
    )
    return medewerker


def _school_vullen(
    rng: random.Random,
    school: School,
    schooljaar: Schooljaar,
    d: SchoolDef,
    wachtwoord_hash: str,
    beheerders: Group,
) -> list[DemoGebruiker]:
    afdelingen = {
        naam: Afdeling.objects.get_or_create(school=school, naam=naam)[0]
        for naam in dict.fromkeys(g.afdeling for g in d.groepen)
    }
    groepen = [
        Groep.objects.update_or_create(
            school=school, schooljaar=schooljaar, naam=g.naam,
            defaults={"afdeling": afdelingen[g.afdeling]},
        )[0]
        for g in d.groepen
    ]

    # One user per role.
    staf: dict[str, Medewerker] = {}
    gebruikers = []
    for rol, deel in GEBRUIKERSNAAM_VOOR_ROL.items():
        username = f"{deel}-{d.korte_naam}"
        medewerker = _medewerker(rng, username, _ROL_FUNCTIE[rol], wachtwoord_hash)
        afdeling = afdelingen[d.groepen[0].afdeling] if rol == Rol.TEAMLEIDER else None
        Roltoewijzing.objects.get_or_create(
            medewerker=medewerker, school=school, rol=rol, afdeling=afdeling
        )
        if rol == Rol.FUNCTIONEEL_BEHEERDER:
            user = medewerker.user
            if not user.is_staff:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
            user.groups.add(beheerders)
        staf[rol] = medewerker
        gebruikers.append(DemoGebruiker(username, rol, d.korte_naam))

    # The mentor user mentors the first group (in the teamleider's department) and teaches
    # it; colleagues without a demo login mentor the other groups. The docent user teaches
    # the first group and one in the other department.
    po = d.onderwijssoort == Onderwijssoort.PO
    mentoren = [staf[Rol.MENTOR]]
    for nummer in range(1, len(groepen)):
        collega = _medewerker(rng, f"collega{nummer}-{d.korte_naam}",
                              "groepsleerkracht" if po else "docent en mentor",
                              wachtwoord_hash, actief=False)
        for rol in (Rol.DOCENT, Rol.MENTOR):
            Roltoewijzing.objects.get_or_create(
                medewerker=collega, school=school, rol=rol, afdeling=None
            )
        mentoren.append(collega)
    for groep, mentor in zip(groepen, mentoren, strict=True):
        groep.mentoren.set([mentor])
        Lesopdracht.objects.get_or_create(
            docent=mentor, groep=groep, vak="alle vakken" if po else "Nederlands"
        )
    tweede = next(i for i, g in enumerate(d.groepen) if g.afdeling != d.groepen[0].afdeling)
    for groep in (groepen[0], groepen[tweede]):
        Lesopdracht.objects.get_or_create(
            docent=staf[Rol.DOCENT], groep=groep,
            vak="bewegingsonderwijs" if po else "wiskunde",
        )
    if not po:
        for groep, vak in zip(groepen, _VAKKEN_VO[2:], strict=False):
            Lesopdracht.objects.get_or_create(docent=mentoren[-1], groep=groep, vak=vak)

    _leerlingen(rng, school, d, groepen)
    return gebruikers


def _leerlingen(rng: random.Random, school: School, d: SchoolDef, groepen: list[Groep]) -> None:
    po = d.onderwijssoort == Onderwijssoort.PO
    nummer = 0
    for groepdef, groep in zip(d.groepen, groepen, strict=True):
        for i in range(groepdef.aantal):
            nummer += 1
            leerlingnummer = f"26{nummer:04d}"
            meisje = rng.random() < 0.5
            roepnaam = rng.choice(_MEISJES if meisje else _JONGENS)
            tweede = rng.choice(_MEISJES if meisje else _JONGENS)
            tussenvoegsel, achternaam = rng.choice(_ACHTERNAMEN)
            if i < groepdef.ouder_dan_18:
                leeftijd = 18 + i % 2
            else:
                # One in five is a year older than most of the group.
                leeftijd = groepdef.leeftijd + (1 if rng.random() < 0.2 else 0)
            adres, postcode, woonplaats = _adres(rng)
            leerling, _ = Leerling.objects.update_or_create(
                school=school, leerlingnummer=leerlingnummer,
                defaults={
                    "roepnaam": roepnaam,
                    "voornamen": f"{roepnaam} {tweede}" if tweede != roepnaam else roepnaam,
                    "tussenvoegsel": tussenvoegsel,
                    "achternaam": achternaam,
                    "geboortedatum": _geboortedatum(rng, leeftijd),
                    "geboorteplaats": woonplaats,
                    "adres": adres,
                    "postcode": postcode,
                    "woonplaats": woonplaats,
                    "telefoon": _telefoon(rng) if leeftijd >= 12 else "",
                    "nationaliteit": "Nederlandse",
                    "school_van_herkomst": "" if po else rng.choice(_BASISSCHOLEN),
                    "advies_basisschool": "" if po else rng.choice(_ADVIEZEN),
                },
            )
            Groepsplaatsing.objects.get_or_create(leerling=leerling, groep=groep)
            _ouders(rng, leerling, d, tussenvoegsel, achternaam, adres, postcode, woonplaats)


def _ouders(
    rng: random.Random, leerling: Leerling, d: SchoolDef, tussenvoegsel: str, achternaam: str,
    adres: str, postcode: str, woonplaats: str,
) -> None:
    twee = rng.random() < 0.7
    relaties = ["moeder", "vader"] if twee else [rng.choice(["moeder", "vader", "verzorger"])]
    for k, relatie in enumerate(relaties, start=1):
        vrouw = relatie == "moeder" or (relatie == "verzorger" and rng.random() < 0.5)
        voornaam = rng.choice(_VOLWASSEN_V if vrouw else _VOLWASSEN_M)
        # A mother in a two-parent family sometimes kept her own surname.
        if relatie == "moeder" and twee and rng.random() < 0.4:
            tv, an = rng.choice(_ACHTERNAMEN)
        else:
            tv, an = tussenvoegsel, achternaam
        email = (f"{_ascii(voornaam)}.{_ascii(tv + an)}."
                 f"{d.korte_naam}{leerling.leerlingnummer}-{k}@example.org")
        ouder, _ = Ouder.objects.update_or_create(
            email=email,
            defaults={
                "voorletters": _voorletter(voornaam),
                "tussenvoegsel": tv,
                "achternaam": an,
                "adres": adres,
                "postcode": postcode,
                "woonplaats": woonplaats,
                "telefoon": _telefoon(rng),
            },
        )
        Ouderschap.objects.update_or_create(
            leerling=leerling, ouder=ouder, defaults={"relatie": relatie, "gezag": True}
        )


# --- the dossier ------------------------------------------------------------------------------

# (leerlingnummer, sectie, titel, inhoud, datum, author's role)
_DOSSIERSTUKKEN = (
    ("260001", "gedrag", "Gesprek over te laat komen",
     "De leerling kwam in september zes keer te laat in het eerste uur. In het gesprek "
     "vertelde de leerling 's ochtends een broertje naar school te brengen. Afgesproken: de "
     "mentor belt de ouders; bij nog twee keer te laat volgt een gesprek met ouders.",
     date(2026, 9, 28), Rol.MENTOR),
    ("260001", "welzijn", "Dyslexieverklaring ontvangen",
     "Dyslexieverklaring van de basisschool ontvangen en gescand. Recht op extra tijd bij "
     "toetsen (een kwartier per uur) en vergroot lettertype.",
     date(2026, 9, 3), Rol.ADMINISTRATIE),
    ("260001", "correspondentie", "E-mail aan ouders over te laat komen",
     "Ouders per e-mail geïnformeerd over het te laat komen en de afspraak met de mentor.",
     date(2026, 10, 2), Rol.MENTOR),
    ("260002", "toeleverende_school", "Onderwijskundig rapport basisschool",
     "Onderwijskundig rapport van De Regenboog ontvangen: advies havo, "
     "eindtoets 538.", date(2026, 8, 24), Rol.ADMINISTRATIE),
    ("260002", "gedrag", "Notitie over een ruzie op het schoolplein",
     "Korte ruzie met een klasgenoot tijdens de pauze; uitgepraat onder begeleiding van de "
     "mentor.", date(2026, 3, 12), Rol.MENTOR),
)
_CORRECTIE = ("260001", "Gesprek over te laat komen",
              "De leerling kwam in september vier keer te laat in het eerste uur. In het gesprek "
              "vertelde de leerling 's ochtends een broertje naar school te brengen. "
              "Afgesproken: de mentor belt de ouders; bij nog twee keer te laat volgt een "
              "gesprek met ouders.",
              "De ouders wezen erop dat het vier keer was, niet zes; nagekeken in de "
              "absentieregistratie.")
_OPGESCHOOND = ("260002", "Notitie over een ruzie op het schoolplein",
                "Einde schooljaar 2025-2026: voorval uitgepraat, niet langer relevant.")


def _dossier_echnaton(school: School) -> None:
    """A few realistic entries at Echnaton: one corrected by addendum, one removed in the
    yearly clean-up (a tombstone), and a live grant from the zorgcoördinator to the remedial
    teacher. Set-up code: the services run without the policy check, so the demo loads on
    any date; a second run finds every row and adds nothing."""
    User = get_user_model()
    door = {rol: User.objects.get(username=f"{deel}-{school.korte_naam}")
            for rol, deel in GEBRUIKERSNAAM_VOOR_ROL.items()}
    leerlingen = {ll.leerlingnummer: ll for ll in Leerling.objects.filter(school=school)}
    for nummer, sectie, titel, inhoud, datum, rol in _DOSSIERSTUKKEN:
        if not Dossierstuk.objects.filter(leerling=leerlingen[nummer], titel=titel,
                                          vervangt__isnull=True).exists():
            dossier.stuk_toevoegen(door=door[rol], leerling=leerlingen[nummer], sectie=sectie,
                                   titel=titel, inhoud=inhoud, datum=datum, controleer=False)

    nummer, titel, inhoud, reden = _CORRECTIE
    stuk = Dossierstuk.objects.get(leerling=leerlingen[nummer], titel=titel,
                                   vervangt__isnull=True)
    if not stuk.addenda.exists():
        dossier.stuk_corrigeren(door=door[Rol.MENTOR], stuk=stuk, titel=titel, inhoud=inhoud,
                                reden=reden, controleer=False)

    nummer, titel, toelichting = _OPGESCHOOND
    stuk = Dossierstuk.objects.get(leerling=leerlingen[nummer], titel=titel,
                                   vervangt__isnull=True)
    dossier.stukken_verwijderen(door=door[Rol.MENTOR], stukken=[stuk],
                                grond=Verwijdergrond.JAARLIJKSE_OPSCHONING,
                                toelichting=toelichting, controleer=False)

    # At Echnaton the zorgcoördinator sees A, D, E and G only (art. 9.4), so that is all
    # they can hand on: the limited part.
    vandaag = timezone.localdate()
    rt, zc, leerling = door[Rol.REMEDIAL_TEACHER], door[Rol.ZORGCOORDINATOR], leerlingen["260001"]
    if not Toekenning.objects.filter(leerling=leerling, user=rt, verleend_door=zc,
                                     ingetrokken_op__isnull=True,
                                     geldig_tot__gte=vandaag).exists():
        toekenningen.toekenning_verlenen(
            door=zc, aan=rt, leerling=leerling, omvang=Toekenningsomvang.BEPERKT,
            reden="Begeleiding bij dyslexie door de remedial teacher",
            geldig_vanaf=vandaag, geldig_tot=vandaag + timedelta(days=91), controleer=False,
        )
