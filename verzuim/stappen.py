"""The steps of te laat en verzuim, written once (`dossiers.stappen`): the pages offer what
`weigering` returns None for, and every service calls it first (`toetsen`).

A step on a registration or a threshold's action depends on its state: the django-fsm
transitions say which states (`get_available_*_transitions`); the authority comes from the
statuut's rows (verzuim/toegang.py)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from dossiers.stappen import (  # noqa: F401
    Weigering,
    aanbod,
    bevoegdheid_weigering,
    niet_nu,
    toetsen,
)
from statuut.models import Verzuimdrempel

from . import toegang
from .models import Drempelactie, Oordeel, Verlofaanvraag, Verlofstatus

#: step -> the authority action it needs.
STAPPEN = {
    "te_laat_registreren": toegang.TE_LAAT_REGISTREREN,
    "absentie_registreren": toegang.ABSENTIE_REGISTREREN,
    "beoordelen": toegang.BEOORDELEN,
    "overzicht_zien": toegang.OVERZICHT_ZIEN,
    "afhandelen": "",  # the action of the threshold's step (drempels.ACTIE_VAN_CODE)
    "uitnodigen": "",  # the talk's invitation: as afhandelen, only for a talk
    "signaleren": toegang.DREMPEL_SIGNALEREN,
    "verlof_registreren": toegang.VERLOF_REGISTREREN,
    # On a Verlofaanvraag (its transitions say in which states):
    "toekennen": toegang.VERLOF_BESLISSEN,
    "afwijzen": toegang.VERLOF_BESLISSEN,
    "doorsturen": toegang.VERLOF_DOORSTUREN,
}

#: The steps on a leave request, in the order the page shows them.
VERLOFSTAPPEN = ("toekennen", "afwijzen", "doorsturen")

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
    if stap == "uitnodigen":
        assert isinstance(obj, Drempelactie)
        if obj.actie_code != Verzuimdrempel.Actie.GESPREK_OUDERS:
            return niet_nu(_("Deze actie is geen gesprek met de ouders."))
        stap = "afhandelen"  # the same holder and the same open state
    if stap == "afhandelen":
        from .drempels import ACTIE_VAN_CODE

        assert isinstance(obj, Drempelactie)
        if not any(t.name == "afhandelen" for t in obj.get_available_status_transitions()):
            return niet_nu(_("Deze actie is al afgesloten (%(s)s).")
                           % {"s": obj.get_status_display()})
        return bevoegdheid_weigering(user, ACTIE_VAN_CODE[obj.actie_code], leerling, op=op)
    if stap in VERLOFSTAPPEN:
        return _verlof(user, stap, leerling, obj, op)
    return bevoegdheid_weigering(user, STAPPEN[stap], leerling, op=op)


def _verlof(user, stap: str, leerling, aanvraag: Verlofaanvraag, op) -> Weigering | None:
    """Leerplichtwet art. 14: the head decides up to the rows' `niveau` (ten school days);
    a longer request goes to the leerplichtambtenaar, whose answer whoever holds
    `verlof_doorsturen` records."""
    assert isinstance(aanvraag, Verlofaanvraag)
    if not any(t.name == stap for t in aanvraag.get_available_status_transitions()):
        return niet_nu(_("Deze aanvraag is al %(s)s.") % {"s": aanvraag.get_status_display()})
    school_beslist = toegang.binnen_school(leerling, aanvraag.schooldagen, op)
    if stap == "doorsturen" and school_beslist:
        return niet_nu(_("Over verlof van %(n)d schooldagen beslist de school zelf.")
                       % {"n": aanvraag.schooldagen})
    if aanvraag.status == Verlofstatus.AANGEVRAAGD and stap != "doorsturen" \
            and not school_beslist:
        return niet_nu(_("Over verlof van %(n)d schooldagen beslist de leerplichtambtenaar "
                         "(Leerplichtwet art. 14 lid 3): stuur de aanvraag door.")
                       % {"n": aanvraag.schooldagen})
    if aanvraag.status == Verlofstatus.DOORGESTUURD or stap == "doorsturen":
        return bevoegdheid_weigering(user, toegang.VERLOF_DOORSTUREN, leerling, op=op)
    return bevoegdheid_weigering(user, toegang.VERLOF_BESLISSEN, leerling,
                                 niveau=aanvraag.schooldagen, op=op,
                                 wat=_("een verlof van %(n)d schooldagen")
                                 % {"n": aanvraag.schooldagen})
