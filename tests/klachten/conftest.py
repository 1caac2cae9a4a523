"""Personas and helpers for the klachten tests: the termijnwereld (2026-2027, region midden),
a vertrouwenspersoon, and the geschillencommissie of 2026-2027."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from dossiers.models import Medewerker
from klachten.models import Commissielid, Geleding, Geschillencommissie
from statuut.models import Rol
from tests import wereldvoorraad
from tests.personas import ingelogd, maak_gebruiker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def op(d: date):
    """Freeze the clock on a school morning of `d`."""
    return time_machine.travel(datetime(d.year, d.month, d.day, 9, 0, tzinfo=AMSTERDAM),
                               tick=False)


def post(client, user, datum: date, url: str, data: dict, follow: bool = True):
    """`user` posts the form on `datum` (logged in that morning: a session does not last
    for weeks)."""
    with op(datum):
        return ingelogd(client, user).post(url, data, follow=follow)


def get(client, user, datum: date, url: str):
    with op(datum):
        return ingelogd(client, user).get(url)


def berichten(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


@wereldvoorraad.bewaard(ouder="termijnwereld")
def kw(w):
    """The termijnwereld plus a vertrouwenspersoon at the school (kept between tests, like
    the world: tests/wereldvoorraad.py)."""
    w.vertrouwenspersoon = maak_gebruiker("vertrouwenspersoon", "V. Vertrouwen", w.school,
                                          Rol.VERTROUWENSPERSOON)
    return w


def commissie_instellen(w, *, met_ouder: bool = True) -> Geschillencommissie:
    """Two teachers, two pupils and a parent, each with a deputy; the docent is a member; the
    directie provides the secretary (bijlage B leden 5-8)."""
    commissie = Geschillencommissie.objects.create(
        school=w.school, schooljaar=w.schooljaar, secretaris=Medewerker.objects.get(
            user=w.directie))
    leden = [(Geleding.DOCENT, "D. Docent", w.docent.medewerker),
             (Geleding.DOCENT, "L. Leraar", None),
             (Geleding.LEERLING, "P. Leerling", None),
             (Geleding.LEERLING, "Q. Leerling", None)]
    if met_ouder:
        leden.append((Geleding.OUDER, "O. Ouder", None))
    for geleding, naam, medewerker in leden:
        lid = Commissielid.objects.create(commissie=commissie, geleding=geleding, naam=naam,
                                          medewerker=medewerker)
        Commissielid.objects.create(commissie=commissie, geleding=geleding,
                                    naam=f"Plv. {naam}", plaatsvervanger_van=lid)
        if naam == "L. Leraar":
            commissie.voorzitter = lid
    commissie.save()
    return commissie
