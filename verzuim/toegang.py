"""Who may do what in te laat en verzuim: only the statuut's authority rows
(`bevoegdheden: verzuim:` in each preset), asked through the primitives of
`dossiers.toegang`; no role is named here."""

from __future__ import annotations

from datetime import date

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



def binnen_school(leerling, schooldagen: int, op: date | None = None) -> bool:
    """Does some row of `verlof_beslissen` reach `schooldagen` (else the request goes to the
    leerplichtambtenaar)?"""
    statuut = _statuut_op(leerling.school, _vandaag(op))
    return bool(toegang.rijen(statuut, VERLOF_BESLISSEN, niveau=schooldagen))
