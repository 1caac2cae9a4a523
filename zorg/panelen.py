"""The zorg blocks on the shared start page and pupil page (registered from apps.ready)."""

from __future__ import annotations

from dossiers.models import Inzagesoort
from dossiers.panelen import leerlingpaneel, startpaneel

from . import selectors, toegang
from .models import Zorgfase


def melderstatus(zorgdossier) -> str:
    """What a teacher who signalled sees: received, being handled, or handled."""
    from django.utils.translation import gettext as _

    if zorgdossier.fase == Zorgfase.AFGESLOTEN:
        return _("afgehandeld")
    if zorgdossier.fase == Zorgfase.GEMELD:
        return _("ontvangen, de mentor gaat in gesprek met de leerling")
    return _("ontvangen en in behandeling")


#: Cases listed on the start page; the block says how many there are in all (issue 15).
START_DOSSIERS = 25


@startpaneel(sleutel="zorg", template="zorg/paneel_start.html", volgorde=10)
def zorg_start(*, user, school, rollen, op):
    """The care block of one school on the start page (also a page of its own, `zorg:start`):
    for roles that hold some care action at the school (its care rows)."""
    zorg = toegang.schoolzorg(school, rollen, op=op)
    if not zorg.acties:
        return None
    return startinhoud(user=user, school=school, zorg=zorg, op=op)


def startinhoud(*, user, school, zorg: toegang.Schoolzorg, op) -> dict:
    """The care block of one school on the start page: the cases of the pupils whose
    mentor's steps the user takes, the work list in short for whom sees every care file of
    the school, and the signals the user logged."""
    inhoud = {"school": school}
    if toegang.ZORG_MENTORSTAPPEN in zorg.acties:
        inhoud["mentor"] = selectors.mentorpaneel(user, school=school, op=op,
                                                  limiet=START_DOSSIERS)
    if zorg.niveau >= toegang.ZORG_VOLLEDIG:  # as `toegang.zorgscholen`: the work list
        inhoud["werklijst_open"], inhoud["te_laat"] = selectors.werklijst_tellingen(
            user, school=school, op=op)
        inhoud["werklijst"] = True
    elif "mentor" not in inhoud:
        # Teamleider (department), remedial teacher (referred), a colleague with a grant.
        inhoud["betrokken"] = selectors.betrokken_zorgdossiers(user, school=school, op=op,
                                                               limiet=START_DOSSIERS)
    inhoud["signalen"] = [(s, melderstatus(s.zorgdossier)) for s in
                          selectors.gemelde_signalen(user).filter(leerling__school=school)
                          .order_by("-datum", "-pk")[:10]]
    # For the read log: the pupils this block names (the work list shows only counts).
    inhoud["inzage_leerlingen"] = [
        *(d.leerling for d in inhoud.get("mentor", ())),
        *(d.leerling for d in inhoud.get("betrokken", ())),
        *(s.leerling for s, _status in inhoud["signalen"]),
    ]
    inhoud["inzagesoorten"] = (Inzagesoort.ZORG,)
    return inhoud


@leerlingpaneel(sleutel="zorg", template="zorg/paneel_leerling.html", volgorde=10)
def leerling_zorg(*, user, leerling, rechten, op):
    zd = selectors.open_zorgdossier(leerling)
    if zd is None:
        inzage = toegang.zorginzage(user, leerling, op=op)
    else:
        inzage = selectors.inzage(user, zd, op=op)
    eigen = list(selectors.gemelde_signalen(user).filter(leerling=leerling)
                 .order_by("-datum")[:5])
    if not inzage.handelingen and inzage.niveau < toegang.ZORG_GEDEELD and not eigen:
        return None
    eerdere = []
    if toegang.zorginzage(user, leerling, op=op).niveau >= toegang.ZORG_GEDEELD:
        eerdere = list(selectors.afgesloten_zorgdossiers(leerling))
    getoond = zd if zd is not None and inzage.niveau >= toegang.ZORG_GEDEELD else None
    mag_signaleren = toegang.ZORG_SIGNALEREN in inzage.handelingen
    geen_traject = inzage.niveau >= toegang.ZORG_GEDEELD and not (getoond or eerdere)
    if not (getoond or eerdere or eigen or mag_signaleren or geen_traject):
        return None  # no empty "Zorg" card (a role with care actions but nothing to show)
    return {
        "inzage": "zorg: fase op leerlingpagina" if getoond or eerdere else "",
        "inzagesoorten": (Inzagesoort.ZORG,),
        "leerling": leerling,
        "eerdere": eerdere,
        "zorgdossier": getoond,
        "mag_signaleren": mag_signaleren,
        "geen_traject": geen_traject,
        "eigen_signalen": [(s, melderstatus(s.zorgdossier)) for s in eigen],
    }
