"""The steps of te laat en verzuim, written once (`dossiers.stappen`): the pages offer what
`weigering` returns None for, and every service calls it first (`toetsen`).

A step on a registration or a threshold's action depends on its state: the django-fsm
transitions say which states (`get_available_*_transitions`); the authority comes from the
statuut's rows (verzuim/toegang.py)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from dossiers.stappen import Weigering, bevoegdheid_weigering, niet_nu, toetsen  # noqa: F401

from . import toegang
from .models import Drempelactie, Oordeel

#: step -> the authority action it needs.
STAPPEN = {
    "te_laat_registreren": toegang.TE_LAAT_REGISTREREN,
    "absentie_registreren": toegang.ABSENTIE_REGISTREREN,
    "beoordelen": toegang.BEOORDELEN,
    "overzicht_zien": toegang.OVERZICHT_ZIEN,
    "afhandelen": "",  # the action of the threshold's step (drempels.ACTIE_VAN_CODE)
}

_OVERGANG = {Oordeel.GEOORLOOFD: "geoorloofd_verklaren",
             Oordeel.ONGEOORLOOFD: "ongeoorloofd_verklaren"}


def oordelen_mogelijk(registratie) -> list[str]:
    """The judgements the registration can move to now (from its transitions)."""
    namen = {t.name for t in registratie.get_available_oordeel_transitions()}
    return [o for o, naam in _OVERGANG.items() if naam in namen]


def weigering(user, stap: str, leerling, *, obj=None, oordeel: str = "",
              op: date | None = None) -> Weigering | None:
    """Why `user` cannot take `stap` for `leerling` (on `obj`) now, or None."""
    if stap == "beoordelen" and obj is not None and oordeel:
        if oordeel not in oordelen_mogelijk(obj):
            return niet_nu(_("Deze registratie is al %(o)s.") % {"o": Oordeel(oordeel).label})
    if stap == "afhandelen":
        from .drempels import ACTIE_VAN_CODE

        assert isinstance(obj, Drempelactie)
        if not any(t.name == "afhandelen" for t in obj.get_available_status_transitions()):
            return niet_nu(_("Deze actie is al afgesloten (%(s)s).")
                           % {"s": obj.get_status_display()})
        return bevoegdheid_weigering(user, ACTIE_VAN_CODE[obj.actie_code], leerling, op=op)
    return bevoegdheid_weigering(user, STAPPEN[stap], leerling, op=op)
