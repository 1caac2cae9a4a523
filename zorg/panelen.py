"""The zorg blocks on the shared start page and pupil page (registered from apps.ready)."""

from __future__ import annotations

from dossiers import toegang
from dossiers.panelen import leerlingpaneel, startpaneel
from statuut.models import Rol

from . import selectors
from .models import Zorgfase


def melderstatus(zorgdossier) -> str:
    """What a teacher who signalled sees: received, being handled, or handled."""
    from django.utils.translation import gettext as _

    if zorgdossier.fase == Zorgfase.AFGESLOTEN:
        return _("afgehandeld")
    if zorgdossier.fase == Zorgfase.GEMELD:
        return _("ontvangen, de mentor gaat in gesprek met de leerling")
    return _("ontvangen en in behandeling")


@startpaneel(sleutel="zorg_mentor", template="zorg/paneel_mentor.html", volgorde=10)
def mentor_start(*, user, school, rollen, op):
    if Rol.MENTOR not in rollen:
        return None
    return {"dossiers": selectors.mentorpaneel(user, school=school, op=op)}


@startpaneel(sleutel="zorg_werklijst", template="zorg/paneel_werklijst.html", volgorde=11)
def werklijst_start(*, user, school, rollen, op):
    if not toegang.zorgscholen(user, op=op).filter(pk=school.pk).exists():
        return None
    lijst = selectors.werklijst(user, school=school, op=op)
    return {"werklijst": lijst, "te_laat": sum(1 for d in lijst.dossiers if d.te_laat)}


@startpaneel(sleutel="zorg_mijn_signalen", template="zorg/paneel_signalen.html", volgorde=12)
def signalen_start(*, user, school, rollen, op):
    signalen = [s for s in selectors.gemelde_signalen(user).filter(leerling__school=school)
                .order_by("-datum", "-pk")[:10]]
    if not signalen:
        return None
    return {"signalen": [(s, melderstatus(s.zorgdossier)) for s in signalen]}


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
    return {
        "leerling": leerling,
        "zorgdossier": zd if zd is not None and inzage.niveau >= toegang.ZORG_GEDEELD else None,
        "mag_signaleren": toegang.ZORG_SIGNALEREN in inzage.handelingen,
        "eigen_signalen": [(s, melderstatus(s.zorgdossier)) for s in eigen],
    }
