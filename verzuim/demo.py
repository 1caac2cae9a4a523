"""Demo te laat and absence at the demo schools, called by `seed_demo` after the schools
exist (dossiers/demo.py `STROMEN`).

Registered through the real services by the demo users (the authority rows, the dossier
entries, the thresholds and their deadlines as a user would leave them), on the school days
before today. A pupil who already has a registration is skipped, so a second run adds
nothing; what the rows or the calendar refuse on this date is left out, not forced.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from dossiers.models import Groep, Leerling
from statuut import kalender
from statuut.models import School
from statuut.services import InvoerFout

from . import services
from .models import Absentie, Melding, Oordeel, TeLaat, Verlofaanvraag


def _gebruiker(deel: str, school: School):
    return get_user_model().objects.filter(username=f"{deel}-{school.korte_naam}").first()


def _schooldagen_terug(school: School, n: int) -> list:
    """The `n` school days before today, oldest first."""
    uit, dag = [], timezone.localdate()
    for _i in range(60):
        dag = dag - timezone.timedelta(days=1)
        if kalender.is_schooldag(school, dag):
            uit.append(dag)
            if len(uit) == n:
                break
    return list(reversed(uit))


def _leerlingen(school: School) -> list[Leerling]:
    groep = (Groep.objects.filter(school=school, mentoren__user__username=f"mentor-"
                                  f"{school.korte_naam}").order_by("-schooljaar__begin").first())
    if groep is None:
        return []
    return list(Leerling.objects.filter(plaatsingen__groep=groep).order_by("leerlingnummer"))


def _school(school: School) -> None:
    administratie = _gebruiker("administratie", school)
    leerlingen = _leerlingen(school)
    if administratie is None or len(leerlingen) < 2:
        return
    try:
        dagen = _schooldagen_terug(school, 4)
    except kalender.KalenderOnbekend:
        return
    laat, absent = leerlingen[-1], leerlingen[-2]
    if not TeLaat.objects.filter(leerling=laat).exists():
        # Three times late: the third opens the statuut's step where a threshold says so.
        for i, dag in enumerate(dagen[:3]):
            try:
                services.te_laat_registreren(
                    door=administratie, leerling=laat, datum=dag, lesuur=1, minuten=5 + i,
                    oordeel=Oordeel.ONGEOORLOOFD if i else Oordeel.NOG_TE_BEOORDELEN,
                    reden="verslapen" if i else "")
            except InvoerFout:
                continue
    if not Absentie.objects.filter(leerling=absent).exists():
        for dag, melding, oordeel in [
                (dagen[0], Melding.VOORAF_GEMELD, Oordeel.GEOORLOOFD),
                (dagen[-1], Melding.NIET_GEMELD, Oordeel.NOG_TE_BEOORDELEN)]:
            try:
                services.absentie_registreren(
                    door=administratie, leerling=absent, datum=dag, uren=2, lesuren="3,4",
                    melding=melding, oordeel=oordeel,
                    reden="ziek" if melding == Melding.VOORAF_GEMELD else "")
            except InvoerFout:
                continue


def _verlof(school: School, leerlingen: list[Leerling]) -> None:
    """One leave request waiting for the directie (three school days, a family wedding)."""
    registreerder = _gebruiker("administratie", school)
    if registreerder is None or Verlofaanvraag.objects.filter(school=school).exists():
        return
    vandaag = timezone.localdate()
    try:
        dagen = []
        dag = vandaag
        while len(dagen) < 3 and dag < vandaag + timezone.timedelta(days=60):
            dag += timezone.timedelta(days=14 if not dagen else 1)
            if kalender.is_schooldag(school, dag):
                dagen.append(dag)
        services.verlof_registreren(
            door=registreerder, leerling=leerlingen[0], eerste_dag=dagen[0],
            laatste_dag=dagen[-1], reden="Huwelijk van een tante in het buitenland.",
            aangevraagd_door="de moeder (schriftelijk)", ontvangen_op=vandaag)
    except (InvoerFout, kalender.KalenderOnbekend, IndexError):
        return


def demo_laden() -> None:
    # Every school with demo users (a real school has none: `_school` skips it).
    for school in School.objects.order_by("pk"):
        _school(school)
        leerlingen = _leerlingen(school)
        if leerlingen:
            _verlof(school, leerlingen)
