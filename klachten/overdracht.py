"""A complaint that reaches the next stage tells whoever must act there (issue 12, point
15): the teamleiding, the schoolleiding, the commission's secretary. Through one deadline
and its reminders: the stage's own term where the statuut gives one, else a hand-over
deadline (the statuut names no term, e.g. Echnaton art. 12 for the teamleiding; DEFAULT
one week to take it up, so the reminder and the escalation reach someone; a week does not
depend on the school's calendar, so a stage starts even where that is incomplete). The
text names the complaint's reference, never the pupil or the content."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from dossiers.herinneringen import termijn_melden
from statuut.models import Eenheid, Klachtfase, Termijnstatus
from statuut.services import termijn_openen, termijn_vervallen, termijn_voldaan

from . import selectors
from .models import Klacht, Klachtstap

#: DEFAULT (see the module docstring): one week to take up a stage without a term.
OPPAKKEN_AANTAL = 1
OPPAKKEN_EENHEID = Eenheid.WEKEN
REGEL = _("klacht overgedragen; het statuut noemt voor deze fase geen termijn (DEFAULT)")


def fase_melden(*, door, klacht: Klacht, stap: Klachtstap, handler, op: date) -> None:
    fase = stap.fase
    if stap.termijn is not None:
        termijn_melden(stap.termijn, behalve=door)
        return
    if not Klachtstap.objects.filter(klacht=klacht).exclude(pk=stap.pk).exists():
        # The stage a complaint is filed into without a term is the complainant's own informal
        # step (the talk with the teacher, art. 12 klachten 1): nothing was handed on.
        return
    if klacht.beklaagde_id and handler is not None and handler.pk == klacht.beklaagde.user_id:
        return  # the one complained about is never told "a step waits for you"
    if not selectors.fase_houders(fase) or selectors.is_uitspraakfase(fase):
        return
    omschrijving = (_("Vertrouwelijke melding %(k)s") % {"k": klacht.kenmerk}
                    if klacht.route == Klachtfase.Route.VERTROUWELIJK else
                    _("Klacht %(k)s: %(f)s, oppakken") % {"k": klacht.kenmerk, "f": fase.naam})
    termijn = termijn_openen(
        school=klacht.school, omschrijving=omschrijving[:300], startdatum=op,
        aantal=OPPAKKEN_AANTAL, eenheid=OPPAKKEN_EENHEID, regel=str(REGEL), onderwerp=klacht,
        verantwoordelijke=handler,
        verantwoordelijke_rol="" if handler else selectors.termijnrol(
            klacht.statuut, selectors.fase_houders(fase)[0]))
    termijn_melden(termijn, behalve=door)


def _overdrachtstermijnen(klacht: Klacht):
    from statuut.models import Termijn

    return Termijn.objects.filter(
        onderwerp_type=ContentType.objects.get_for_model(Klacht), onderwerp_id=klacht.pk,
        regel=str(REGEL), status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN])


def fase_afgerond(klacht: Klacht) -> None:
    """The stage was handled: its hand-over deadline is met."""
    for termijn in _overdrachtstermijnen(klacht):
        termijn_voldaan(termijn)


def klacht_gesloten(klacht: Klacht) -> None:
    for termijn in _overdrachtstermijnen(klacht):
        termijn_vervallen(termijn)
