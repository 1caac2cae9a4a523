"""A decided or running schorsing across a changed school calendar (issue 12, point 8).

A schorsing is decided for a number of school days between two dates, and made known in
writing. When the calendar changes under it (9 December becomes a studiedag), the decision
is not changed silently: the decision-maker is told (a deadline with its notice, through
the reminder mechanism) and the page shows the conflict until they record what stays.
Registered with `statuut.kalenderhaken` in `SanctiesConfig.ready()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dossiers import dossier
from dossiers.herinneringen import termijn_melden
from statuut import kalender, kalenderhaken
from statuut.models import Dossiersectie, Eenheid, Termijn, Termijnstatus
from statuut.services import InvoerFout, termijn_openen, termijn_voldaan

from . import schorsingstappen
from .models import Schorsing, Schorsingstatus
from .regels import datum_kort
from .stappen import toetsen

#: The stands in which the schorsing's days are decided (and possibly made known).
BESLOTEN = (Schorsingstatus.BESLOTEN, Schorsingstatus.BEKENDGEMAAKT, Schorsingstatus.LOPEND)
REGEL = _("schoolkalender gewijzigd na het besluit")


@dataclass(frozen=True)
class Kalenderconflict:
    vrije_dagen: list[tuple[date, str]]  # weekdays in the period that are no school days
    telt_nu: int
    sinds: date
    termijn: Termijn

    def tekst(self, schorsing: Schorsing) -> str:
        dagen = "; ".join(
            _("%(d)s is sinds %(s)s een vrije dag (%(r)s)")
            % {"d": datum_kort(d), "s": datum_kort(self.sinds), "r": r}
            for d, r in self.vrije_dagen) or _("de schoolkalender is sinds %(s)s gewijzigd") % {
                "s": datum_kort(self.sinds)}
        return _("%(dagen)s; de %(w)s telt nu %(nu)s in plaats van de besloten %(was)s. "
                 "Beslis of de %(w)s blijft zoals besloten of dat er een nieuw besluit nodig "
                 "is; er is niets vanzelf veranderd.") % {
            "dagen": dagen[:1].upper() + dagen[1:], "w": schorsing.naamwoord,
            "nu": ngettext("%(n)d schooldag", "%(n)d schooldagen", self.telt_nu)
            % {"n": self.telt_nu},
            "was": kalender.aantal_tekst(schorsing.schooldagen, Eenheid.SCHOOLDAGEN)}


def _open_termijn(schorsing: Schorsing) -> Termijn | None:
    return Termijn.objects.filter(
        onderwerp_type=ContentType.objects.get_for_model(Schorsing), onderwerp_id=schorsing.pk,
        regel=str(REGEL), status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN],
    ).order_by("-pk").first()


def _telling(schorsing: Schorsing) -> tuple[int, list[tuple[date, str]]]:
    school = schorsing.school
    telt = kalender.schooldagen_tussen(school, schorsing.eerste_dag - timedelta(days=1),
                                       schorsing.laatste_dag)
    vrij = []
    dag = schorsing.eerste_dag
    while dag <= schorsing.laatste_dag:
        if dag.weekday() < 5 and (reden := kalender.reden_vrij(school, dag)):
            vrij.append((dag, reden))
        dag += timedelta(days=1)
    return telt, vrij


def kalenderconflict(schorsing: Schorsing) -> Kalenderconflict | None:
    """The conflict between the decided school days and today's calendar, while it is open
    (not yet answered by the decision-maker), else None."""
    if schorsing.status not in BESLOTEN:
        return None
    termijn = _open_termijn(schorsing)
    if termijn is None:  # none found by the hook, or answered
        return None
    try:
        telt, vrij = _telling(schorsing)
    except kalender.KalenderOnbekend:
        return None
    if telt == schorsing.schooldagen:
        return None
    return Kalenderconflict(vrije_dagen=vrij, telt_nu=telt, sinds=termijn.startdatum,
                            termijn=termijn)


@kalenderhaken.na_kalenderwijziging("sancties.schorsingen")
def schorsingen_nakijken(wijziging: kalenderhaken.Kalenderwijziging) -> None:
    """Each decided schorsing of the school that has not ended: does it still count the
    school days it was decided for? If not, its decision-maker is told once per change."""
    for schorsing in Schorsing.objects.filter(
        school=wijziging.school, status__in=BESLOTEN, laatste_dag__gte=wijziging.op,
    ).select_related("school", "besloten_door"):
        try:
            telt, _vrij = _telling(schorsing)
        except kalender.KalenderOnbekend:
            continue
        open_ = _open_termijn(schorsing)
        if telt == schorsing.schooldagen:
            if open_ is not None:  # put back as it was: nothing left to decide
                termijn_voldaan(open_)
            continue
        if open_ is not None:
            continue  # already told, not yet answered
        termijn = termijn_openen(
            school=schorsing.school, onderwerp=schorsing,
            omschrijving=_("%(w)s %(k)s: schoolkalender gewijzigd, besluit nakijken")
            % {"w": schorsing.naamwoord.capitalize(), "k": schorsing.kenmerk},
            startdatum=wijziging.op, aantal=1, eenheid=Eenheid.SCHOOLDAGEN, regel=str(REGEL),
            verantwoordelijke=schorsing.besloten_door)
        termijn_melden(termijn)


@transaction.atomic
def kalenderconflict_afhandelen(*, door, schorsing: Schorsing, toelichting: str) -> Schorsing:
    """The decision-maker records what stays after the calendar changed (a new decision,
    if any, is taken as one); the notice closes and the dossier says so."""
    schorsing = (Schorsing.objects.select_for_update(of=("self",))
                 .select_related("leerling", "school", "maatregel").get(pk=schorsing.pk))
    toetsen(schorsingstappen.weigering(door, schorsing, "kalender"))
    conflict = kalenderconflict(schorsing)
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise InvoerFout(_("Schrijf wat er met de %(w)s gebeurt nu de schoolkalender is "
                           "gewijzigd.") % {"w": schorsing.naamwoord})
    termijn_voldaan(conflict.termijn)
    dossier.stuk_toevoegen(
        door=door, leerling=schorsing.leerling, sectie=Dossiersectie.GEDRAG,
        titel=_("Schoolkalender gewijzigd tijdens de %(w)s") % {"w": schorsing.naamwoord},
        inhoud=f"{conflict.tekst(schorsing)}\n{toelichting}", datum=timezone.localdate(),
        bron=schorsing, controleer=False)
    return schorsing
