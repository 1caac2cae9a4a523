"""The steps of an uitstuurmelding, written once (`dossiers.stappen`): the pages offer what
`weigering` returns None for, and every service calls it first (`toetsen`).

Each step is one django-fsm transition of `Uitstuurmelding` (its source states are the one
description of when it can be taken) and one authority action of the statuut
(uitsturen/toegang.py), for the melding's rung; the teacher's parts are for the teacher who
sent the pupil out (bijlage A: "De brief geef je aan de leraar. De leraar vult ... in").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from dossiers.stappen import Weigering, aanbod, bevoegdheid_weigering, niet_nu, toetsen  # noqa: F401
from statuut.hulp import naam_van

from . import toegang
from .models import Uitstuurmelding


@dataclass(frozen=True)
class Stap:
    overgang: str  # the django-fsm transition
    actie: str  # the authority action (for the melding's rung)
    titel: str
    wat: str  # the step in the refusal's words
    #: Only the teacher who sent the pupil out (bijlage A).
    alleen_docent: bool = False


#: step -> what it is, in the order of bijlage A.
STAPPEN: dict[str, Stap] = {
    "melden": Stap("melden", toegang.MELDING_ONTVANGEN,
                   gettext_lazy("Melding ontvangen en uitstuurbrief beginnen"),
                   gettext_lazy("de melding van de uitgestuurde leerling ontvangen")),
    "toelichten": Stap("toelichten", toegang.OPLEGGEN,
                       gettext_lazy("Reden en gesprek invullen"),
                       gettext_lazy("de reden en het gesprek invullen"), alleen_docent=True),
    "inleveren": Stap("inleveren", toegang.OPLEGGEN,
                      gettext_lazy("Straf invullen en de brief inleveren"),
                      gettext_lazy("de brief inleveren"), alleen_docent=True),
    "afronden": Stap("afronden", toegang.INFORMEREN,
                     gettext_lazy("Afronden"),
                     gettext_lazy("de uitstuurmelding afronden")),
}

_NIET_NU = {
    "melden": gettext_lazy("De leerling heeft zich al gemeld."),
    "toelichten": gettext_lazy("Eerst meldt de leerling zich bij de teamleider; daarna vult "
                               "de leraar de reden en het gesprek in."),
    "inleveren": gettext_lazy("Eerst vult de leraar de reden en het gesprek in."),
    "afronden": gettext_lazy("Eerst levert de leraar de brief in bij de teamleider."),
}


def _statuut(melding: Uitstuurmelding):
    return melding.maatregelsoort.statuut if melding.maatregelsoort_id else None


def uitsturen_weigering(user, leerling, trede, *, op: date | None = None) -> Weigering | None:
    """May `user` send `leerling` out under rung `trede` now?"""
    if trede.soort != trede.Soort.UITSTUREN or not toegang.uitstuurtreden(
            trede.statuut).filter(pk=trede.pk).exists():
        return niet_nu(_("Bij %(m)s meldt de leerling zich volgens het leerlingenstatuut bij "
                         "niemand: kies een andere maatregel.") % {"m": trede.naam})
    return bevoegdheid_weigering(user, toegang.OPLEGGEN, leerling, voor=trede.code,
                                 statuut=trede.statuut, op=op,
                                 wat=_("een leerling uit de les sturen"))


def weigering(user, melding: Uitstuurmelding, stap: str, *, op: date | None = None
              ) -> Weigering | None:
    """Why `user` cannot take `stap` on `melding` now, or None."""
    s = STAPPEN[stap]
    if not can_proceed(getattr(melding, s.overgang), check_conditions=False):
        if melding.is_open:
            return niet_nu(str(_NIET_NU[stap]))
        return niet_nu(_("Deze uitstuurmelding is %(s)s.") % {"s": melding.get_stand_display()})
    if s.alleen_docent and melding.docent_id != user.pk:
        return Weigering(_("Dit deel van de uitstuurbrief vult de leraar in die de leerling "
                           "uit de les stuurde (bijlage A): %(n)s.")
                         % {"n": naam_van(melding.docent)})
    return bevoegdheid_weigering(user, s.actie, melding.leerling, voor=melding.maatregel_code,
                                 statuut=_statuut(melding), op=op, wat=str(s.wat), toon=True)


def open_en_wachtend(user, melding: Uitstuurmelding, *, op: date | None = None):
    """(the steps offered, [(step, reason)] of the steps that wait on someone else)."""
    return aanbod(STAPPEN, lambda stap: weigering(user, melding, stap, op=op))
