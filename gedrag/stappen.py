"""The steps of the daily measures, written once (`dossiers.stappen`): the pages offer what
`weigering` returns None for, and every service calls it first (`toetsen`).

A step on a measure depends on its state (the django-fsm transitions say which states) and
on the statuut's rows (gedrag/toegang.py)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from dossiers.stappen import Weigering, bevoegdheid_weigering, niet_nu, toetsen  # noqa: F401
from statuut.models import Termijnstatus

from . import toegang
from .models import Aangifte, Lesmaatregel

#: step on a measure -> (the authority action, the transition it takes, the page's words).
STAPPEN = {
    "uitgevoerd": (toegang.UITVOERING_VASTLEGGEN, "uitvoeren", _l("vastleggen dat de straf is "
                                                                  "uitgevoerd")),
    "niet_uitgevoerd": (toegang.UITVOERING_VASTLEGGEN, "niet_uitvoeren",
                        _l("vastleggen dat de straf niet is uitgevoerd")),
    "intrekken": (toegang.INTREKKEN, "intrekken", _l("de maatregel intrekken")),
    "aangifte": (toegang.AANGIFTE_VASTLEGGEN, "", _l("de aangifte vastleggen")),
    "opvolgen": (toegang.NIET_NAGEKOMEN_OPVOLGEN, "", _l("de niet nagekomen strafafspraak "
                                                        "opvolgen")),
    "melding": (toegang.MELDING_ONTVANGEN, "", _l("de melding afhandelen")),
}
VOLGORDE = tuple(STAPPEN)


def _open(termijn) -> bool:
    return termijn is not None and termijn.status in (Termijnstatus.OPEN,
                                                      Termijnstatus.VERLOPEN)


def weigering(user, stap: str, maatregel: Lesmaatregel, *,
              op: date | None = None) -> Weigering | None:
    """Why `user` cannot take `stap` on `maatregel` now, or None."""
    actie, overgang, wat = STAPPEN[stap]
    if overgang:
        if not any(t.name == overgang for t in maatregel.get_available_stand_transitions()):
            return niet_nu(_("Deze maatregel is %(s)s.") % {"s": maatregel.get_stand_display()}
                           if maatregel.afspraak or overgang == "intrekken"
                           else _("Bij deze maatregel is niets uit te voeren."))
    elif stap == "aangifte":
        if maatregel.aangifte != Aangifte.OPEN:
            return niet_nu(_("Er is geen aangifte meer vast te leggen."))
    elif stap == "opvolgen":
        if not _open(maatregel.termijn_opvolging):
            return niet_nu(_("Er is geen niet nagekomen strafafspraak op te volgen."))
    elif stap == "melding":
        if not _open(maatregel.termijn_melding):
            return niet_nu(_("Er is geen melding af te handelen."))
    if stap == "intrekken" and maatregel.opgelegd_door_id != getattr(user, "pk", None):
        # Art. 7.4 / 22.2: the one who imposed it corrects it; others go by beroep.
        return niet_nu(_("Alleen wie de maatregel oplegde, kan hem intrekken; daarna staat "
                         "beroep open."))
    return bevoegdheid_weigering(user, actie, maatregel.leerling, op=op, wat=str(wat))


def opleggen_weigering(user, leerling, rung, *, op: date | None = None) -> Weigering | None:
    """Why `user` cannot impose `rung` on `leerling` (the ladder's rows), or None."""
    if rung.soort not in toegang.SOORTEN:
        return niet_nu(_("%(n)s wordt elders vastgelegd.") % {"n": rung.naam})
    return bevoegdheid_weigering(user, toegang.OPLEGGEN, leerling, voor=rung.code, op=op,
                                 wat=_("%(n)s opleggen") % {"n": rung.naam})


def fraude_weigering(user, leerling, *, op: date | None = None) -> Weigering | None:
    return bevoegdheid_weigering(user, toegang.FRAUDE_VASTLEGGEN, leerling, op=op)


def aanbod(user, maatregel: Lesmaatregel, *, op: date | None = None) -> list[str]:
    """The steps the page offers `user` on `maatregel` now."""
    return [s for s in VOLGORDE if weigering(user, s, maatregel, op=op) is None]
