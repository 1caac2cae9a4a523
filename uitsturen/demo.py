"""Demo meldingen at the demo schools, called by `seed_demo` after the schools exist
(dossiers/demo.py `STROMEN`).

Through the real services by the demo users: at each school whose statuut has a rung sent
out of class with a melding, the demo docent sent two pupils of their first group out on the
last school days before today; one melding is complete (with its letter where the rung says
so), one waits for the teacher's part. A school that has meldingen already is skipped, so a
second run adds nothing; what the rows or the calendar refuse is left out, not forced.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from dossiers import toegang as dossiertoegang
from dossiers.toegang.basis import _statuut_op
from statuut import kalender
from statuut.models import School
from statuut.services import InvoerFout

from . import services, toegang
from .models import Uitstuurmelding


def _gebruiker(deel: str, school: School):
    return get_user_model().objects.filter(username=f"{deel}-{school.korte_naam}").first()


def _schooldagen_terug(school: School, n: int) -> list:
    uit, dag = [], timezone.localdate()
    for _i in range(60):
        dag = dag - timedelta(days=1)
        if kalender.is_schooldag(school, dag):
            uit.append(dag)
            if len(uit) == n:
                break
    return list(reversed(uit))


def _school(school: School) -> None:
    docent, teamleider = _gebruiker("docent", school), _gebruiker("teamleider", school)
    if docent is None or teamleider is None:
        return
    if Uitstuurmelding.objects.filter(school=school).exists():
        return
    vandaag = timezone.localdate()
    trede = toegang.uitstuurtreden(_statuut_op(school, vandaag)).first()
    if trede is None:
        return
    leerlingen = list(dossiertoegang.leerlingen_bevoegd(
        docent, toegang.OPLEGGEN, school=school, voor=trede.code)
        .filter(pk__in=dossiertoegang.leerlingen_bevoegd(teamleider, toegang.VOLGEN,
                                                         school=school).values("pk"))
        .order_by("leerlingnummer")[:2])
    try:
        dagen = _schooldagen_terug(school, 2)
    except kalender.KalenderOnbekend:
        return
    if len(leerlingen) < 2 or len(dagen) < 2:
        return
    tz = timezone.get_current_timezone()
    try:
        klaar = services.uitsturen(
            door=docent, leerling=leerlingen[0], maatregelsoort=trede, vak="wiskunde",
            lesuur=3, reden="Bleef na twee waarschuwingen met zijn telefoon bezig.",
            nu=datetime.combine(dagen[0], time(10, 20), tzinfo=tz))
        services.melden(door=teamleider, melding=klaar,
                        verhaal="Ik moest mijn moeder even terugappen.")
        services.toelichten(door=docent, melding=klaar,
                            reden="Telefoon in de les na twee waarschuwingen.",
                            gesprek="Na de les besproken; afgesproken dat de telefoon in de "
                                    "tas blijft.")
        services.inleveren(door=docent, melding=klaar, straf="Een uur nablijven.")
        services.afronden(door=teamleider, melding=klaar)
        open_ = services.uitsturen(
            door=docent, leerling=leerlingen[1], maatregelsoort=trede, vak="wiskunde",
            lesuur=5, reden="Schold een klasgenoot uit.",
            nu=datetime.combine(dagen[1], time(13, 5), tzinfo=tz))
        services.melden(door=teamleider, melding=open_,
                        verhaal="Hij begon, ik zei alleen iets terug.")
    except InvoerFout:
        return


def demo_laden() -> None:
    for school in School.objects.order_by("pk"):
        _school(school)


