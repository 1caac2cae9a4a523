"""A proposal that awaits someone else's decision tells them (issue 12, point 15): one
deadline for the role that decides, with its notice at once and its reminders, through the
reminder mechanism. Its text names the measure's reference, never the pupil."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.herinneringen import termijn_melden
from statuut import kalender
from statuut.models import Eenheid, Termijn, Termijnstatus
from statuut.services import termijn_openen, termijn_voldaan

from . import regels, toegang
from .models import Schorsing, TimeOut

REGEL = _("voorstel wacht op besluit")


def _uiterlijk(school, eerste_dag: date, vandaag: date) -> date:
    """The last school day before the first day: decided and made known beforehand."""
    dag = eerste_dag - timedelta(days=1)
    while dag > vandaag and not kalender.is_schooldag(school, dag):
        dag -= timedelta(days=1)
    return max(dag, vandaag)


def _vragen(*, door, onderwerp, rol: str, omschrijving: str, uiterlijk: date) -> Termijn:
    vandaag = timezone.localdate()
    termijn = termijn_openen(
        school=onderwerp.school, onderwerp=onderwerp, omschrijving=omschrijving,
        startdatum=vandaag, aantal=max((uiterlijk - vandaag).days, 1),
        eenheid=Eenheid.KALENDERDAGEN, vervaldatum=uiterlijk, regel=str(REGEL),
        verantwoordelijke_rol=rol)
    termijn_melden(termijn, behalve=door)
    return termijn


def besluit_vragen(*, door, schorsing: Schorsing, maatregel) -> Termijn | None:
    """After a proposal: if the proposer may not decide this rung, the role that may is told.
    The due date follows the proposed first day (a date a person chose), so it never moves
    with the calendar."""
    gezag = toegang.gezag(door, schorsing.leerling, statuut=maatregel.statuut)
    if gezag.houdt(regels.opleggen(maatregel)):
        return None
    rollen = gezag.rollen(regels.opleggen(maatregel))
    if not rollen:
        return None
    rol = rollen[0]
    vandaag = timezone.localdate()
    try:
        uiterlijk = _uiterlijk(schorsing.school, schorsing.eerste_dag, vandaag)
    except kalender.KalenderOnbekend:
        uiterlijk = max(schorsing.eerste_dag - timedelta(days=1), vandaag)
    return _vragen(door=door, onderwerp=schorsing, rol=rol, uiterlijk=uiterlijk,
                   omschrijving=_("%(w)s %(k)s: voorstel wacht op uw besluit")
                   % {"w": schorsing.naamwoord.capitalize(), "k": schorsing.kenmerk})


def goedkeuring_vragen(*, door, time_out: TimeOut) -> Termijn | None:
    """A time-out waits for the approver the rung names (seed 004: the directeur), today:
    it is for the rest of this day."""
    from .timeout import goedkeuren

    rollen = toegang.Gezag(time_out.statuut).rollen(goedkeuren(time_out.maatregel))
    if not rollen:
        return None
    rol = rollen[0]
    return _vragen(door=door, onderwerp=time_out, rol=rol, uiterlijk=time_out.datum,
                   omschrijving=_("Time-out %(k)s: voorstel wacht op uw goedkeuring")
                   % {"k": time_out.kenmerk})


def besluit_genomen(onderwerp) -> None:
    """The decision is taken: the waiting deadline is met."""
    for termijn in Termijn.objects.filter(
        onderwerp_type=ContentType.objects.get_for_model(type(onderwerp)),
        onderwerp_id=onderwerp.pk, regel=str(REGEL),
        status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN],
    ):
        termijn_voldaan(termijn)
