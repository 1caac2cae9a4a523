"""The gedrag blocks on the shared pages: the pupil page's "Maatregelen" panel (the whole
ladder in one chronology, every flow's rungs: `dossiers.maatregelen.ladder_van`) and the
start-page link to the quick registration."""

from __future__ import annotations

from dossiers import maatregelen
from dossiers import toegang as dossiertoegang
from dossiers.models import Inzagesoort
from dossiers.panelen import leerlingpaneel, startpaneel
from statuut.models import Maatregelsoort
from statuut.selectors import statuut_op

from . import toegang


@leerlingpaneel(sleutel="gedrag_maatregelen", template="gedrag/_leerlingpaneel.html",
                volgorde=45)
def maatregelen_paneel(*, user, leerling, rechten, op):
    if not toegang.mag_zien(user, leerling, op=op):
        return None
    regels = maatregelen.ladder_van(leerling, user)
    return {"leerling": leerling, "regels": regels,
            "inzage": "maatregelen (ladder)" if regels else "",
            "inzagesoorten": (Inzagesoort.DOSSIER,)}


@startpaneel(sleutel="gedrag", template="gedrag/_startpaneel.html", volgorde=45)
def registreren_link(*, user, school, rollen, op):
    """For whom the statuut's rows let impose a daily rung or record fraude at this school
    (the authority rows are read once per request; one query for the statuut's rungs)."""
    statuut = statuut_op(school, op)
    if statuut is None or not rollen:
        return None
    if dossiertoegang.bevoegd(user, toegang.FRAUDE_VASTLEGGEN, school=school, op=op) or any(
            dossiertoegang.bevoegd(user, toegang.OPLEGGEN, school=school, voor=code, op=op)
            for code in Maatregelsoort.objects.filter(
                statuut=statuut, soort__in=toegang.SOORTEN).values_list("code", flat=True)):
        return {"school": school}
    return None


@dossiertoegang.bronbeleid("gedrag")
def _gedragstukken(user, leerling, op):
    """A measure's entries and letters are read by whoever may read the behaviour section."""
    return None if toegang.mag_zien(user, leerling, op=op) else []
