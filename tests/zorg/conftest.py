"""The zorg personas: the Echnaton-like school of tests/personas.py on a fixed school day,
plus a remedial teacher and a second teacher of group 1A who did not signal."""

from __future__ import annotations

import html
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse

from dossiers.models import Lesopdracht
from statuut.models import Rol
from tests import wereldvoorraad
from tests.personas import ingelogd, maak_gebruiker
from zorg.models import Zorgdossier

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: Tuesday 24 November 2026, a school day; five school days later is Tuesday 1 December.
VANDAAG = date(2026, 11, 24)


def moment(dag: date, uur: int = 10) -> datetime:
    return datetime(dag.year, dag.month, dag.day, uur, 0, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def klok():
    """Every zorg test runs on VANDAAG (the personas' school year is that of the clock:
    2026-2027); `klok.move_to(moment(...))` moves on."""
    reis = time_machine.travel(moment(VANDAAG), tick=False)
    coordinaten = reis.start()
    yield coordinaten
    reis.stop()


@dataclass
class Zorgwereld:
    w: object  # the personas of tests/personas.py (termijnwereld)
    remedial_teacher: object
    andere_docent: object  # teaches Anna's group, did not signal

    def __getattr__(self, naam):
        if naam == "w" or naam.startswith("__"):  # a copy (deepcopy) has no `w` yet
            raise AttributeError(naam)
        return getattr(self.w, naam)


@wereldvoorraad.bewaard(ouder="termijnwereld", ook=("klok",))
def zw(w) -> Zorgwereld:
    """Kept between tests, like the world (tests/wereldvoorraad.py): built once, on
    VANDAAG, like the tests' `klok`."""
    with time_machine.travel(moment(VANDAAG), tick=False):
        rt = maak_gebruiker("remedial", "R. Remedial", w.school, Rol.REMEDIAL_TEACHER)
        andere = maak_gebruiker("docent2", "P. Tweededocent", w.school, Rol.DOCENT)
        Lesopdracht.objects.create(docent=andere.medewerker, groep=w.groep_1a, vak="Engels")
    return Zorgwereld(w, rt, andere)


def tekst(response) -> str:
    """The visible text of a page, whitespace collapsed."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ",
                                                   response.content.decode())))


def geweigerd_naar(response, zd) -> str:
    """A step the step table refused: back to the case page (Post/Redirect/Get) with the
    reason as an error message, which that page shows. Returns the reason."""
    from django.contrib.messages import constants, get_messages
    from django.contrib.messages.storage.cookie import CookieStorage

    assert response.status_code == 302, (response.status_code, tekst(response)[:300])
    assert response.url == reverse("zorg:dossier", args=[zd.pk])
    fouten = [str(m) for m in get_messages(response.wsgi_request)
              if m.level == constants.ERROR]
    assert len(fouten) == 1, fouten
    # Read, as the page would show it: a next POST without a page between is judged by its
    # own message only.
    response.client.cookies.pop(CookieStorage.cookie_name, None)
    return fouten[0]


class Klikker:
    """Posts the care forms as the user would, through the views."""

    def __init__(self, client):
        self.client = client

    def als(self, user):
        ingelogd(self.client, user)
        self.user = user
        return self

    def _geen_login(self, r):
        assert not (r.status_code == 302 and "/inloggen/" in r.url), "sessie verlopen"
        return r

    def signaal(self, leerling, *, bron="docent", categorieen=("teruggetrokken",),
                waarneming="Anna zit de laatste twee weken stil achterin en huilde in de les.",
                datum=None, **extra):
        return self.client.post(reverse("zorg:signaal", args=[leerling.pk]), {
            "bron": bron, "categorieen": list(categorieen), "waarneming": waarneming,
            "datum": (datum or VANDAAG).isoformat(), **extra})

    def stap(self, zd, naam: str, data: dict | None = None, **kwargs):
        data = {k: (v.isoformat() if isinstance(v, date) else v)
                for k, v in (data or {}).items()}
        return self._geen_login(
            self.client.post(reverse(f"zorg:{naam}", args=[zd.pk, *kwargs.values()]), data))

    def pagina(self, zd):
        return self.client.get(reverse("zorg:dossier", args=[zd.pk]))


@pytest.fixture
def klik(client) -> Klikker:
    return Klikker(client)


def dossier_van(leerling) -> Zorgdossier:
    """The pupil's newest care case, fresh from the database."""
    return Zorgdossier.objects.filter(leerling=leerling).latest("pk")


# --- a case in any phase, built with the services (the pages are tested elsewhere) --------

FASEN = ["gemeld", "observatie", "consultatie", "mentortraject", "remedial_teacher",
         "analyse", "plan", "terugkoppeling", "monitoring", "afgesloten"]


def naar_fase(zw, fase: str, *, leerling=None, meldcode: bool = False,
              signaleerder=None) -> Zorgdossier:
    """Walk one pupil's case to `fase` by the shortest route of seed 001."""
    leerling = leerling or zw.anna
    zd = _signaal(zw, leerling, signaleerder)
    if fase == "gemeld":
        return zd
    _gesprek(zw, zd, bevestigd=fase != "observatie")
    if fase in ("observatie", "consultatie"):
        return dossier_van(leerling)
    _consultatie(zw, zd, {"mentortraject": "mentor", "remedial_teacher": "remedial_teacher"}
                 .get(fase, "zorgcoordinatoren"))
    if fase in ("mentortraject", "remedial_teacher", "analyse"):
        return dossier_van(leerling)
    _analyse(zw, zd)
    if fase == "plan":
        return dossier_van(leerling)
    _traject_extern(zw, zd)
    if meldcode:
        _traject_meldcode(zw, zd)
    _plan(zw, zd)
    if fase == "terugkoppeling":
        return dossier_van(leerling)
    _terugkoppeling(zw, zd)
    if fase == "monitoring":
        return dossier_van(leerling)
    _afsluiten(zw, zd)
    return dossier_van(leerling)


#: The reachable states of a case: every phase, the plan with and without a trajectory,
#: monitoring with a meldcode trajectory (its evaluation only for whom sees the meldcode).
STANDEN = [*FASEN, "plan_met_traject", "monitoring_met_meldcode"]


def elke_stand(zw, bij, *, leerling=None) -> list[str]:
    """Call `bij(stand, zd)` in each state of `STANDEN`, each the state `naar_fase` (or, for
    the two extra ones, the walk's `_stand`) builds, with the same service calls, but built
    once as a tree: a state that branches off the shortest route (observation, the mentor's
    and the remedial teacher's trajectory, a plan with an own trajectory, the meldcode) is
    built inside a savepoint that is rolled back, and the route goes on from the state
    before it. Returns the states visited, in order."""
    leerling = leerling or zw.anna
    gezien = []

    def stand(naam):
        gezien.append(naam)
        bij(naam, dossier_van(leerling))

    zd = _signaal(zw, leerling, None)
    stand("gemeld")
    with _tak():
        _gesprek(zw, zd, bevestigd=False)
        stand("observatie")
    _gesprek(zw, zd, bevestigd=True)
    stand("consultatie")
    for keuze, naam in (("mentor", "mentortraject"), ("remedial_teacher", "remedial_teacher")):
        with _tak():
            _consultatie(zw, zd, keuze)
            stand(naam)
    _consultatie(zw, zd, "zorgcoordinatoren")
    stand("analyse")
    _analyse(zw, zd)
    stand("plan")
    with _tak():
        _traject_eigen(zw, zd)
        stand("plan_met_traject")
    _traject_extern(zw, zd)
    with _tak():
        _traject_meldcode(zw, zd)
        _plan(zw, zd)
        _terugkoppeling(zw, zd)
        stand("monitoring_met_meldcode")
    _plan(zw, zd)
    stand("terugkoppeling")
    _terugkoppeling(zw, zd)
    stand("monitoring")
    _afsluiten(zw, zd)
    stand("afgesloten")
    assert sorted(gezien) == sorted(STANDEN), gezien
    return gezien


@contextmanager
def _tak():
    """A side branch of the route: whatever it writes is undone afterwards."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# The steps of the shortest route (seed 001), each through its service.

def _signaal(zw, leerling, signaleerder) -> Zorgdossier:
    from zorg import services as s

    return s.signaal_melden(door=signaleerder or zw.docent, leerling=leerling, bron="docent",
                            categorieen=["teruggetrokken"],
                            waarneming="Anna huilde in de les.", datum=VANDAAG).zorgdossier


def _gesprek(zw, zd, *, bevestigd: bool) -> None:
    from zorg import services as s

    s.gesprek_vastleggen(door=zw.mentor, zorgdossier=zd, datum=VANDAAG,
                         bevestigd=bevestigd, notitie="Gesprek gevoerd.",
                         opnieuw_bekijken_op=date(2026, 12, 15))


def _consultatie(zw, zd, keuze: str) -> None:
    from zorg import services as s

    s.consultatie_vastleggen(door=zw.mentor, zorgdossier=zd, datum=VANDAAG,
                             aard_en_ernst="Zorgelijk.", keuze=keuze,
                             remedial_teacher=zw.remedial_teacher)


def _analyse(zw, zd) -> None:
    from zorg import services as s

    s.probleemanalyse_vastleggen(
        door=zw.zorgcoordinator, zorgdossier=zd, gesprek_leerling_op=VANDAAG,
        gesprek_ouders_op=VANDAAG, analyse="Vader is vertrokken; moeder kan het niet aan.",
        voor_mentor="Let op haar aanwezigheid.")


def _traject_eigen(zw, zd) -> None:
    from zorg import services as s

    s.traject_toevoegen(door=zw.zorgcoordinator, zorgdossier=zd, soort="eigen_begeleiding",
                        doelen="Rust in de klas.", wie_doet_wat="De zorgcoördinator.",
                        evaluatiedata=[date(2026, 12, 8)])


def _traject_extern(zw, zd) -> None:
    from zorg import services as s

    s.traject_toevoegen(door=zw.zorgcoordinator, zorgdossier=zd, soort="externe_hulp",
                        organisatie="Jeugdformaat", doelen="Anna voelt zich veilig thuis.",
                        wie_doet_wat="Jeugdformaat begeleidt moeder.",
                        evaluatiedata=[date(2026, 12, 8)])


def _traject_meldcode(zw, zd) -> None:
    from zorg import services as s

    s.traject_toevoegen(
        door=zw.zorgcoordinator, zorgdossier=zd, soort="veilig_thuis",
        doelen="Veiligheid van Anna.", wie_doet_wat="Zorgcoördinator meldt.",
        evaluatiedata=[date(2026, 12, 10)], meldcode={
            "stap1_in_kaart": "Blauwe plekken op de armen.", "stap2_consultatie": "VT",
            "stap3_gesprek": "Met moeder.", "stap4_wegen": "Gewogen.",
            "stap5_beslissen": "Melden.", "vraag1_vermoeden": True,
            "vraag2_onveilig": True})


def _plan(zw, zd) -> None:
    from zorg import services as s

    s.plan_vaststellen(door=zw.zorgcoordinator, zorgdossier=zd)


def _terugkoppeling(zw, zd) -> None:
    from zorg import services as s

    s.terugkoppeling_vastleggen(door=zw.zorgcoordinator, zorgdossier=zd, datum=VANDAAG,
                                voor_mentor="Anna krijgt hulp van Jeugdformaat.", mentor=True,
                                leerling=True, ouders=True)


def _afsluiten(zw, zd) -> None:
    from zorg import services as s

    s.zorgdossier_afsluiten(door=zw.zorgcoordinator, zorgdossier=zd, conclusie="Klaar.")
