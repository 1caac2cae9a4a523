"""The verzuim blocks: on the pupil page, links to the pupil's verzuim page and to register,
as far as the statuut's rows give them to the user for this pupil; on the start page of
whoever follows their own groups (the layout blocks "mentorgroepen" and "afdelingsgroepen"
of `dossiers.panelen.STARTONDERDELEN`), the links to the week overview, the department
overview, the charts and the leave requests, as far as the rows give them.

The start block is tied to that layout, not to a right: the directie's start page (a query
budget of 35, tests/dossiers/test_pages.py) has neither block and pays nothing for it; the
rows then decide which links show (one query on the statuut's rows)."""

from dossiers import toegang as dossiertoegang
from dossiers.panelen import leerlingpaneel, startonderdelen, startpaneel
from dossiers.toegang.basis import _statuut_op

from . import toegang

#: The start-page layout blocks the verzuim links go with.
MET_EIGEN_GROEPEN = frozenset({"mentorgroepen", "afdelingsgroepen"})

_STARTLINKS = [("overzicht", toegang.OVERZICHT_ZIEN), ("verlof", toegang.VERLOF_REGISTREREN),
               ("verlof", toegang.VERLOF_BESLISSEN), ("registreren",
                                                      toegang.TE_LAAT_REGISTREREN)]


@startpaneel(sleutel="verzuim", template="verzuim/_startpaneel.html", volgorde=60)
def _start(*, user, school, rollen, op):
    if not startonderdelen(frozenset(rollen)) & MET_EIGEN_GROEPEN:
        return None
    statuut = _statuut_op(school, op)
    if statuut is None:
        return None
    organen = dossiertoegang.orgaanrollen(statuut)
    rijen = statuut.bevoegdheden.filter(actie__in=[a for _n, a in _STARTLINKS], voor="")
    gegeven = {r.actie for r in rijen
               if (organen.get(r.rol, frozenset()) | {r.rol}) & set(rollen)}
    links = {naam for naam, actie in _STARTLINKS if actie in gegeven}
    return {"links": links} if links else None


@leerlingpaneel(sleutel="verzuim", template="verzuim/_leerlingpaneel.html", volgorde=40)
def _leerling(*, user, leerling, rechten, op):
    links = {naam for naam, actie in [("overzicht", toegang.OVERZICHT_ZIEN),
                                       ("te_laat", toegang.TE_LAAT_REGISTREREN),
                                       ("absentie", toegang.ABSENTIE_REGISTREREN)]
             if toegang.mag(user, actie, leerling, op=op)}
    if not links:
        return None
    return {"links": links, "leerling": leerling}
