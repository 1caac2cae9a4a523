"""Who may do what in te laat en verzuim: only the statuut's authority rows
(`bevoegdheden: verzuim:` in each preset), asked through the primitives of
`dossiers.toegang`; no role is named here."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from dossiers import toegang
from dossiers.toegang.basis import _statuut_op, _vandaag

TE_LAAT_REGISTREREN = "verzuim.te_laat_registreren"
ABSENTIE_REGISTREREN = "verzuim.absentie_registreren"
BEOORDELEN = "verzuim.beoordelen"
OVERZICHT_ZIEN = "verzuim.overzicht_zien"
INHALEN_REGELEN = "verzuim.inhalen_regelen"
GESPREK_VOEREN = "verzuim.gesprek_voeren"
OUDERS_INFORMEREN = "verzuim.ouders_informeren"
LEERPLICHT_MELDEN = "verzuim.leerplicht_melden"
SCHORSING_VOORSTELLEN = "verzuim.schorsing_voorstellen"
IMPORTEREN = "verzuim.importeren"
DREMPEL_SIGNALEREN = "verzuim.drempel_signaleren"
VERLOF_REGISTREREN = "verzuim.verlof_registreren"
#: Up to the row's `niveau` in school days (Leerplichtwet art. 14: ten by the head).
VERLOF_BESLISSEN = "verzuim.verlof_beslissen"
#: Beyond every row's limit: sent to the leerplichtambtenaar, whose answer is recorded.
VERLOF_DOORSTUREN = "verzuim.verlof_doorsturen"


def mag(user, actie: str, leerling, *, op: date | None = None) -> bool:
    return toegang.bevoegd(user, actie, leerling, op=op)


def leerlingen(user, actie: str, *, school=None, op: date | None = None):
    return toegang.leerlingen_bevoegd(user, actie, school=school, op=op)


def scholen(user, actie: str, *, op: date | None = None):
    return toegang.scholen_bevoegd(user, actie, op=op)


verantwoordelijke = toegang.verantwoordelijke


def drempelacties_zichtbaar(user, *, op: date | None = None) -> Q:
    """A Q on Drempelactie: the threshold steps `user` may see. Whoever follows the pupil's
    verzuim or reports it to leerplicht, and whoever holds the step itself for the pupil."""
    from .drempels import ACTIE_VAN_CODE

    filter_ = (Q(leerling__in=leerlingen(user, OVERZICHT_ZIEN, op=op))
               | Q(leerling__in=leerlingen(user, LEERPLICHT_MELDEN, op=op)))
    codes_per_actie: dict[str, list[str]] = {}
    for code, actie in ACTIE_VAN_CODE.items():
        codes_per_actie.setdefault(actie, []).append(code)
    for actie, codes in codes_per_actie.items():
        if actie != LEERPLICHT_MELDEN:
            filter_ |= Q(actie_code__in=codes, leerling__in=leerlingen(user, actie, op=op))
    return filter_


#: Who records or decides leave (Leerplichtwet art. 14) sees the requests.
VERLOFACTIES = (VERLOF_REGISTREREN, VERLOF_BESLISSEN, VERLOF_DOORSTUREN)


def verlof_zichtbaar(user, *, op: date | None = None) -> Q:
    """A Q on Verlofaanvraag: the requests `user` records or decides."""
    filter_ = Q(pk__in=[])
    for actie in VERLOFACTIES:
        filter_ |= Q(leerling__in=leerlingen(user, actie, op=op))
    return filter_


@toegang.onderwerpbeleid("verzuim.drempelactie")
def _drempeltermijnen(user) -> QuerySet:
    """A threshold step's deadline is listed only for whoever may see the step: a role held
    school-wide elsewhere does not open this pupil's verzuim."""
    from .models import Drempelactie

    return Drempelactie.objects.filter(drempelacties_zichtbaar(user)).values("pk")


@toegang.onderwerpbeleid("verzuim.verlofaanvraag")
def _verloftermijnen(user) -> QuerySet:
    from .models import Verlofaanvraag

    return Verlofaanvraag.objects.filter(verlof_zichtbaar(user)).values("pk")



def binnen_school(leerling, schooldagen: int, op: date | None = None) -> bool:
    """Does some row of `verlof_beslissen` reach `schooldagen` (else the request goes to the
    leerplichtambtenaar)?"""
    statuut = _statuut_op(leerling.school_id, _vandaag(op))
    return bool(toegang.rijen(statuut, VERLOF_BESLISSEN, niveau=schooldagen))
