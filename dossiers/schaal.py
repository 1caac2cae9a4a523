"""Data at a given size, for the benchmark in tests/bench (never run by the demo or the tests).

`factor` 1 is a school of 250 pupils with a tenth of the history of a large school; factor 10
is 2,500 pupils over ten school years (about 200,000 dossier entries, 100,000 open deadlines,
1,000,000 read-log rows). Everything is reproducible from `seed`, written in bulk, and valid:
pupils are placed in groups of their own school years, staff hold the roles the access policy
asks, deadlines and letters point at real pupils, and each flow (zorg, sancties, klachten)
adds its own cases through its own `<app>.schaal.genereren(ctx)`, in states its machine
allows. The numbers per pupil follow the ratios measured for issue 15.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection

from statuut.models import (
    Bestuur,
    Dossiersectie,
    Eenheid,
    Rol,
    School,
    Schooljaar,
    Termijn,
    Termijnstatus,
    TweedeFactor,
)

from .models import (
    Afdeling,
    Brief,
    Briefstatus,
    Dossierstuk,
    Groep,
    Groepsplaatsing,
    Leerling,
    Medewerker,
    Ouder,
    Ouderschap,
    Roltoewijzing,
    Verzendwijze,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
BATCH = 5_000
#: The benchmark's users, one per role, all with this password.
WACHTWOORD = "schaal-wachtwoord"
KORTE_NAAM = "schaal"

ROEPNAMEN = ["Anna", "Bram", "Chris", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Iris", "Jesse",
             "Julia", "Lars", "Lotte", "Milan", "Noor", "Olaf", "Puck", "Ruben", "Sara", "Tim",
             "Yara", "Zoë", "Mohammed", "Aylin", "Sem", "Lieke", "Finn", "Mila"]
ACHTERNAMEN = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
               "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
               "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Yilmaz", "El Amrani"]


@dataclass
class Schaalcontext:
    """What the flows' generators need: the school, its years, pupils and staff."""

    factor: int
    rng: random.Random
    school: School
    statuut: object
    jaren: list[Schooljaar]
    vandaag: date
    gebruikers: dict[str, object] = field(default_factory=dict)
    #: Pupils in school today, and every pupil the school ever had (with first/last year).
    huidige: list[Leerling] = field(default_factory=list)
    alle: list[Leerling] = field(default_factory=list)
    jaren_van: dict[int, tuple[int, int]] = field(default_factory=dict)
    docenten: list = field(default_factory=list)
    tellingen: dict[str, int] = field(default_factory=dict)

    def aantal(self, per_1x: int) -> int:
        return per_1x * self.factor

    def datum_in(self, jaar: Schooljaar) -> date:
        eind = min(jaar.eind, self.vandaag)
        return jaar.begin + timedelta(days=self.rng.randrange(max(1, (eind - jaar.begin).days)))

    def tijdstip(self, dag: date) -> datetime:
        return datetime(dag.year, dag.month, dag.day, self.rng.randrange(8, 17),
                        self.rng.randrange(60), tzinfo=AMSTERDAM)

    def leerling_met_jaar(self, huidig_aandeel: float = 0.0) -> tuple[Leerling, Schooljaar]:
        """A pupil and a school year they were at school; `huidig_aandeel` of the draws a
        pupil of today in the current year (the overviews count that year)."""
        if huidig_aandeel and self.huidige and self.rng.random() < huidig_aandeel:
            return self.rng.choice(self.huidige), self.jaren[-1]
        leerling = self.rng.choice(self.alle)
        eerste, laatste = self.jaren_van[leerling.pk]
        return leerling, self.jaren[self.rng.randint(eerste, laatste)]


def _bulk(model, objecten: list, **opties) -> list:
    return model.objects.bulk_create(objecten, batch_size=BATCH, **opties)


def school_opbouwen(*, factor: int, seed: int, jaren: int = 10,
                    vandaag: date | None = None) -> Schaalcontext:
    """The board, the school with the Echnaton preset, its years, departments, groups, staff
    (one benchmark user per role) and pupils with placements and parents."""
    from statuut.presets import preset_laden

    rng = random.Random(seed)
    vandaag = vandaag or date.today()
    bestuur, _ = Bestuur.objects.get_or_create(naam="Stichting Schaaltest")
    # The benchmark logs in without a second factor, like the demo (a throw-away database).
    school = School.objects.create(bestuur=bestuur, naam="Schaalcollege", korte_naam=KORTE_NAAM,
                                   brin="99SC", regio="midden", onderwijssoort="vo",
                                   tweede_factor=TweedeFactor.NIET_VERPLICHT)
    statuut = preset_laden(school=school, preset="echnaton-2009")
    huidig = Schooljaar.voor_datum(vandaag)
    start = int(huidig.naam[:4])
    jaarlijst = [Schooljaar.voor_datum(date(start - i, 10, 1)) for i in reversed(range(jaren))]
    ctx = Schaalcontext(factor=factor, rng=rng, school=school, statuut=statuut, jaren=jaarlijst,
                        vandaag=vandaag)

    onderbouw = Afdeling.objects.create(school=school, naam="Onderbouw")
    bovenbouw = Afdeling.objects.create(school=school, naam="Bovenbouw")
    _personeel(ctx, onderbouw, bovenbouw)

    # Six leerjaren; each year a new cohort enters leerjaar 1 and the sixth leaves.
    per_leerjaar = max(25, 250 * factor // 6)
    groepen_per_leerjaar = max(1, per_leerjaar // 25)
    cohorten: dict[int, list[Leerling]] = {}
    nummer = 100000
    geboren = vandaag.year - 12
    nieuwe: list[Leerling] = []
    eerste_jaar: dict[int, int] = {}  # cohort (year index of leerjaar 1) -> index
    for cohort in range(-5, jaren):
        for _i in range(per_leerjaar):
            nummer += 1
            nieuwe.append(Leerling(
                school=school, leerlingnummer=str(nummer), roepnaam=rng.choice(ROEPNAMEN),
                achternaam=rng.choice(ACHTERNAMEN),
                geboortedatum=date(geboren - (jaren - 1 - cohort), rng.randint(1, 12),
                                   rng.randint(1, 28)),
                woonplaats="Utrecht", adres=f"Schoolstraat {rng.randint(1, 200)}",
                postcode="3500 AA"))
            eerste_jaar[len(nieuwe) - 1] = cohort
    _bulk(Leerling, nieuwe)
    for i, leerling in enumerate(nieuwe):
        cohort = eerste_jaar[i]
        cohorten.setdefault(cohort, []).append(leerling)
        ctx.jaren_van[leerling.pk] = (max(0, cohort), min(jaren - 1, cohort + 5))
    ctx.alle = nieuwe

    plaatsingen, mentoren = [], []
    docenten = ctx.docenten
    for j, jaar in enumerate(jaarlijst):
        for leerjaar in range(1, 7):
            cohort = j - leerjaar + 1
            leerlingen = cohorten.get(cohort, [])
            afdeling = onderbouw if leerjaar <= 3 else bovenbouw
            groepen = _bulk(Groep, [
                Groep(school=school, schooljaar=jaar, afdeling=afdeling,
                      naam=f"{leerjaar}{chr(65 + g)}") for g in range(groepen_per_leerjaar)])
            for k, leerling in enumerate(leerlingen):
                plaatsingen.append(Groepsplaatsing(leerling=leerling,
                                                   groep=groepen[k % len(groepen)]))
            for g, groep in enumerate(groepen):
                mentoren.append(Groep.mentoren.through(
                    groep_id=groep.pk,
                    medewerker_id=docenten[(j * 7 + leerjaar * 3 + g) % len(docenten)].pk))
            if j == jaren - 1:
                ctx.huidige.extend(leerlingen)
                if leerjaar == 1:
                    # The benchmark's mentor is mentor of the first group of leerjaar 1.
                    mentoren.append(Groep.mentoren.through(
                        groep_id=groepen[0].pk,
                        medewerker_id=ctx.gebruikers["mentor"].medewerker.pk))
    _bulk(Groepsplaatsing, plaatsingen)
    _bulk(Groep.mentoren.through, mentoren, ignore_conflicts=True)

    ouders = _bulk(Ouder, [Ouder(voorletters="J.", achternaam=ll.achternaam,
                                 email=f"ouder{ll.leerlingnummer}@example.org",
                                 woonplaats="Utrecht") for ll in nieuwe])
    _bulk(Ouderschap, [Ouderschap(leerling=ll, ouder=o, relatie="ouder")
                       for ll, o in zip(nieuwe, ouders, strict=True)])
    ctx.tellingen.update(leerlingen_nu=len(ctx.huidige), leerlingen_totaal=len(nieuwe),
                         plaatsingen=len(plaatsingen))
    return ctx


def _personeel(ctx: Schaalcontext, onderbouw: Afdeling, bovenbouw: Afdeling) -> None:
    User = get_user_model()
    wachtwoord = make_password(WACHTWOORD)
    rollen = [("mentor", [Rol.MENTOR, Rol.DOCENT], None),
              ("docent", [Rol.DOCENT], None),
              ("teamleider", [Rol.TEAMLEIDER], onderbouw),
              ("zorgcoordinator", [Rol.ZORGCOORDINATOR], None),
              ("directeur", [Rol.DIRECTIE], None),
              ("administratie", [Rol.ADMINISTRATIE], None),
              ("beheerder", [Rol.FUNCTIONEEL_BEHEERDER], None)]
    for naam, rol_lijst, afdeling in rollen:
        user = User.objects.create(username=f"schaal-{naam}", password=wachtwoord,
                                   email=f"{naam}@schaal.example",
                                   is_staff=naam == "beheerder")  # /beheer/ is the admin
        medewerker = Medewerker.objects.create(user=user, naam=f"{naam.title()} Schaal")
        for rol in rol_lijst:
            Roltoewijzing.objects.create(medewerker=medewerker, school=ctx.school, rol=rol,
                                         afdeling=afdeling if rol == Rol.TEAMLEIDER else None)
        ctx.gebruikers[naam] = user
    # The beheerder manages the school in the admin with the demo's allow-list of rights.
    from .demo import BEHEERDER_RECHTEN, BEHEERDERS_GROEP, _groep

    ctx.gebruikers["beheerder"].groups.add(_groep(BEHEERDERS_GROEP, BEHEERDER_RECHTEN))
    # Colleagues without a login: teachers (who are mentors too), a second teamleider, more
    # zorgcoördinatoren and directie, so role-assigned deadlines reach several people.
    aantal_docenten = max(10, 250 * ctx.factor // 15)
    extra = [("docent", Rol.DOCENT, None)] * aantal_docenten + [
        ("teamleider", Rol.TEAMLEIDER, bovenbouw), ("zorgcoordinator", Rol.ZORGCOORDINATOR, None),
        ("directie", Rol.DIRECTIE, None), ("directie", Rol.DIRECTIE, None)]
    # Colleagues have an account without a login (inactive), as the demo's colleagues do.
    collega_users = _bulk(User, [User(username=f"schaal-collega-{i}", is_active=False,
                                      password="!") for i in range(len(extra))])
    medewerkers = _bulk(Medewerker, [Medewerker(user=u, naam=f"Collega {i} ({wat})")
                                     for i, (u, (wat, _r, _a))
                                     in enumerate(zip(collega_users, extra, strict=True))])
    _bulk(Roltoewijzing, [Roltoewijzing(medewerker=m, school=ctx.school, rol=rol,
                                        afdeling=afdeling)
                          for m, (_w, rol, afdeling) in zip(medewerkers, extra, strict=True)])
    ctx.docenten = [m for m, (wat, _r, _a) in zip(medewerkers, extra, strict=True)
                    if wat == "docent"]


SECTIES = [s.value for s in Dossiersectie]


def kern_genereren(ctx: Schaalcontext) -> None:
    """Dossier entries, letters, open deadlines and read-log rows (the shared mechanisms)."""
    rng, school = ctx.rng, ctx.school
    auteurs = [ctx.gebruikers[n] for n in ("mentor", "teamleider", "zorgcoordinator",
                                           "directeur", "administratie")]
    stukken = []
    for _i in range(ctx.aantal(20_600)):
        leerling, jaar = ctx.leerling_met_jaar()
        dag = ctx.datum_in(jaar)
        stukken.append(Dossierstuk(
            leerling=leerling, sectie=rng.choice(SECTIES), titel="Notitie na gesprek",
            inhoud="Gesprek gevoerd; afspraken gemaakt. " * rng.randint(1, 6), datum=dag,
            auteur=rng.choice(auteurs)))
    stukken = _bulk(Dossierstuk, stukken)

    brieven = []
    for i in range(ctx.aantal(1_000)):
        stuk = stukken[i]
        brieven.append(Brief(
            school=school, leerling=stuk.leerling, soort="uitnodiging_gesprek",
            sleutel=f"schaal-{school.pk}-{i}", status=Briefstatus.VERZONDEN, datum=stuk.datum,
            gegevens={"onderwerp": "Uitnodiging"}, statuut=ctx.statuut,
            verzendwijze=Verzendwijze.EMAIL, dossierstuk=stuk, aangevraagd_door=stuk.auteur,
            gemaakt_op=ctx.tijdstip(stuk.datum), verzonden_op=ctx.tijdstip(stuk.datum),
            verzonden_door=ctx.gebruikers["administratie"], paginas=1))
    _bulk(Brief, brieven)

    # Open deadlines: each with a person responsible (a tenth for the zorgcoördinator, a few
    # for the other benchmark users, most for colleagues), one in a hundred assigned to the
    # zorgcoördinator role (it reaches everyone holding it); about one in ten overdue.
    collegas = [m.user_id for m in ctx.docenten]
    termijnen = []
    for i in range(ctx.aantal(10_000)):
        start = ctx.vandaag - timedelta(days=rng.randrange(0, 60))
        verval = start + timedelta(days=rng.randrange(-5, 60))
        soort = i % 100
        wie = {11: "mentor", 12: "teamleider", 13: "directeur"}.get(
            soort, "zorgcoordinator" if soort < 10 else None)
        termijnen.append(Termijn(
            school=school, omschrijving=f"Evaluatie plan van aanpak Z-{i}",
            regel="seed 001 stap 5", startdatum=start, aantal=10, eenheid=Eenheid.SCHOOLDAGEN,
            vervaldatum=max(start, verval),
            verantwoordelijke_id=(ctx.gebruikers[wie].pk if wie else
                                  None if soort == 10 else rng.choice(collegas)),
            verantwoordelijke_rol=Rol.ZORGCOORDINATOR if soort == 10 else "",
            status=Termijnstatus.OPEN))
    _bulk(Termijn, termijnen)
    ctx.tellingen.update(dossierstukken=len(stukken), brieven=len(brieven),
                         termijnen=len(termijnen))
    ctx.tellingen["inzages"] = _inzages(ctx, ctx.aantal(100_000))


def _inzages(ctx: Schaalcontext, aantal: int) -> int:
    """Read-log rows spread over the years, written by the database itself on PostgreSQL
    (the model sets `tijdstip` to now on insert)."""
    lezers = [ctx.gebruikers[n] for n in ("mentor", "teamleider", "zorgcoordinator",
                                          "directeur")]
    if connection.vendor == "postgresql":
        ids = [ll.pk for ll in ctx.alle]
        with connection.cursor() as cur:
            cur.execute("""
                INSERT INTO dossiers_inzage (user_id, gebruikersnaam, rollen, leerling_id,
                    leerlingnummer, school_id, onderdeel, lijst, filter, leerlingnummers,
                    soorten, tijdstip)
                SELECT (%(lezers)s::int[])[1 + (g %% cardinality(%(lezers)s::int[]))],
                       (%(namen)s::text[])[1 + (g %% cardinality(%(namen)s::text[]))],
                       '["mentor"]'::jsonb, l.id, l.leerlingnummer, %(school)s,
                       'centrale administratie ABCDEFGH', '', '', '', '',
                       now() - (random() * interval '3650 days')
                FROM generate_series(1, %(aantal)s) AS g
                JOIN dossiers_leerling l ON l.id = (%(ids)s::int[])[
                    1 + (g::bigint * 7919 %% cardinality(%(ids)s::int[]))::int]
            """, {"lezers": [u.pk for u in lezers], "namen": [u.username for u in lezers],
                  "school": ctx.school.pk, "aantal": aantal, "ids": ids})
            return cur.rowcount
    from .models import Inzage

    rijen = [Inzage(user=u, gebruikersnaam=u.username, rollen=["mentor"], leerling=ll,
                    leerlingnummer=ll.leerlingnummer, school=ctx.school,
                    onderdeel="centrale administratie ABCDEFGH")
             for u, ll in ((ctx.rng.choice(lezers), ctx.rng.choice(ctx.alle))
                           for _i in range(aantal))]
    return len(_bulk(Inzage, rijen))
