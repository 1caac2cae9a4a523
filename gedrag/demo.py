"""Demo daily measures at the demo schools, called by `seed_demo` after the schools exist
(dossiers/demo.py `STROMEN`).

Made through the real services by the demo docent, on the last school day before today: a
strafwerk for two pupils of the docent's first group (one carried out, one not: the
teamleider's deadline), a fraude decision as the statuut says it, and a warning where the
ladder has one. A school whose pupils already have a measure is skipped, so a second run
adds nothing; what the rows or the calendar refuse is left out, not forced.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from statuut import kalender
from statuut.models import School
from statuut.selectors import statuut_op
from statuut.services import InvoerFout

from . import selectors, services
from .models import Lesmaatregel


def _gebruiker(deel: str, school: School):
    return get_user_model().objects.filter(username=f"{deel}-{school.korte_naam}").first()


def _gisteren(school: School):
    dag = timezone.localdate()
    for _i in range(30):
        dag = dag - timezone.timedelta(days=1)
        if kalender.is_schooldag(school, dag):
            return dag
    return None


def _school(school: School) -> None:
    docent = _gebruiker("docent", school)
    if docent is None or Lesmaatregel.objects.filter(leerling__school=school).exists():
        return
    vandaag = timezone.localdate()
    try:
        dag = _gisteren(school)
    except kalender.KalenderOnbekend:
        return
    k = selectors.keuzes(docent, op=vandaag, school=school.pk)
    if dag is None or k is None:
        return
    leerlingen = list(selectors.groepslijst(docent, k, op=vandaag)[:3])
    if len(leerlingen) < 3:
        return
    codes = {r.code: r for r in k.eigen}
    try:
        if "strafwerk" in codes:
            strafwerk = services.maatregel_opleggen(
                door=docent, leerlingen=leerlingen[:2], maatregelsoort="strafwerk", datum=dag,
                overtreding="Bleven praten tijdens de uitleg, ook na twee waarschuwingen.",
                afspraak="Een A4 over 'samen werken in de les' inleveren bij de docent",
                uiterlijk=vandaag, vak="wiskunde", lesuur=2)
            services.uitvoering_vastleggen(door=docent, maatregel=strafwerk[0], uitgevoerd=True,
                                           toelichting="Op tijd ingeleverd.")
            services.uitvoering_vastleggen(door=docent, maatregel=strafwerk[1],
                                           uitgevoerd=False, toelichting="Niet ingeleverd.")
        if k.fraude:
            services.fraude_vastleggen(
                door=docent, leerlingen=[leerlingen[2]], fraudemaatregel=k.fraude[-1]["code"],
                datum=dag, overtreding="Spiekbriefje onder het proefwerk.", vak="wiskunde")
        waarschuwing = next((r for r in k.eigen if r.soort == "waarschuwing"), None)
        if waarschuwing is not None:
            services.maatregel_opleggen(
                door=docent, leerlingen=[leerlingen[2]], maatregelsoort=waarschuwing.code,
                datum=dag, overtreding="Telefoon zichtbaar in de les (art. 11.5).")
    except InvoerFout:
        return


def demo_laden() -> None:
    # Every school with demo users (a real school has none: `_school` skips it).
    for school in School.objects.order_by("pk"):
        if statuut_op(school, timezone.localdate()) is not None:
            _school(school)
