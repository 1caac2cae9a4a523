"""Reading the statuut's rules for the measures: who, how long, which articles.

Pure reads of the statuut data (no writes, no policy): the services and pages share them so
a page offers exactly what the service will accept.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from statuut import hulp, kalender
from statuut.hulp import artikel_tekst
from statuut.models import Maatregelsoort, Orgaan, Rol, School, Statuut
from statuut.selectors import schorsing_voor, statuut_op
from statuut.services import InvoerFout

#: Bezwaar is decided by the bevoegd gezag; in the application its decisions are recorded by
#: the directie (at Noordgouw the rector-bestuurder is both, art. 1).
BEVOEGD_GEZAG_ROLLEN = (Rol.DIRECTIE,)
#: Recording a received bezwaar: the directie or the leerlingenadministratie.
BEZWAAR_ONTVANGEN_ROLLEN = (Rol.DIRECTIE, Rol.ADMINISTRATIE)


def statuut_in_werking(school: School, op: date) -> Statuut:
    statuut = statuut_op(school, op)
    if statuut is None:
        raise InvoerFout(_("%(school)s heeft op %(d)s geen leerlingenstatuut in werking: stel "
                           "er een vast voordat u een maatregel neemt.")
                         % {"school": school.naam, "d": datum_kort(op)})
    return statuut


def datum_kort(d: date) -> str:
    from dossiers.brieven.services import datum_nl

    return datum_nl(d)


rollen_tekst = hulp.rollen_tekst


def bij_tekst(instantie: str) -> str:
    """"bij het bevoegd gezag (het schoolbestuur)": where a bezwaar goes, in a sentence."""
    if instantie == Orgaan.BEVOEGD_GEZAG:
        return _("het bevoegd gezag (het schoolbestuur)")
    if instantie == Rol.DIRECTIE:
        return _("de directie")
    return rollen_tekst([instantie]).lower()


def schorsingsladder(statuut: Statuut) -> list[Maatregelsoort]:
    return list(statuut.maatregelen.filter(soort=Maatregelsoort.Soort.SCHORSING))


def ontzegging_rung(statuut: Statuut) -> Maatregelsoort | None:
    """The statuut's "ontzegging van de toegang" (Echnaton art. 8.3), or None."""
    return statuut.maatregelen.filter(soort=Maatregelsoort.Soort.ONTZEGGING_TOEGANG).first()


def ontzegging_voorstel_rollen(rung: Maatregelsoort) -> list[str]:
    """Who proposes an ontzegging (the rung's `voorstel_door`: Echnaton's teamleiding) and
    who may impose it (the schoolleiding, who may also start one)."""
    return list(dict.fromkeys(
        [*rung.voorstel_door, *(r for r in beslis_rollen(rung) if r in Rol.values)]))


def ontzegging_maatregel(statuut: Statuut, schooldagen: int) -> Maatregelsoort:
    """The ontzegging rung for `schooldagen` days, or InvoerFout. In law the ontzegging is the
    schorsing pending the verwijdering: it lasts for the procedure, so the week's maximum does
    not apply; only `schorsing_max_schooldagen_bij_verwijdering`, where the statuut sets one."""
    rung = ontzegging_rung(statuut)
    if rung is None or not statuut.schorsing_tijdens_verwijdering:
        raise InvoerFout(_("Het leerlingenstatuut van de school kent geen ontzegging van de "
                           "toegang tijdens een verwijderingsprocedure."))
    if schooldagen < 1:
        raise InvoerFout(_("Een ontzegging van de toegang duurt ten minste één schooldag."))
    grens = statuut.schorsing_max_schooldagen_bij_verwijdering
    if grens is not None and schooldagen > grens:
        raise InvoerFout(_("Een ontzegging van de toegang van %(n)d schooldagen kan niet: het "
                           "leerlingenstatuut staat ten hoogste %(max)d schooldagen toe.")
                         % {"n": schooldagen, "max": grens})
    return rung


def schorsing_maatregel(statuut: Statuut, schooldagen: int, *,
                        tijdens_verwijdering: bool = False) -> Maatregelsoort:
    """The rung for a schorsing of `schooldagen` days, or InvoerFout saying the maximum.

    During a verwijdering procedure a statuut may allow a longer schorsing (Noordgouw art.
    25.2: for the whole procedure; up to `schorsing_max_schooldagen_bij_verwijdering` if
    set): the heaviest schorsing rung applies."""
    if schooldagen < 1:
        raise InvoerFout(_("Een schorsing duurt ten minste één schooldag."))
    maatregel = schorsing_voor(statuut, schooldagen)
    ladder = schorsingsladder(statuut)
    grens = statuut.schorsing_max_schooldagen_bij_verwijdering
    if (maatregel is None and tijdens_verwijdering and statuut.schorsing_tijdens_verwijdering
            and ladder and (grens is None or schooldagen <= grens)):
        return ladder[-1]
    if maatregel is None:
        artikel = ladder[-1].artikel if ladder else ""
        raise InvoerFout(_(
            "Een schorsing van %(n)d schooldagen kan niet: volgens %(grond)s duurt een schorsing "
            "ten hoogste %(max)d schooldagen. Kies een kortere schorsing."
        ) % {"n": schooldagen, "max": statuut.schorsing_max_schooldagen,
             "grond": artikel_tekst(statuut, [artikel])})
    return maatregel


def beslis_rollen(maatregel: Maatregelsoort) -> list[str]:
    """Who may impose a rung: its `opleggen_door`, and the role that mandated it (Echnaton
    art. 8.2: the schoolleiding handed the one-day schorsing to the teamleiding, and keeps
    the power itself)."""
    return [r for r in dict.fromkeys([*maatregel.opleggen_door, maatregel.mandaat_van]) if r]


def voorstel_rollen(statuut: Statuut) -> list[str]:
    """Who may start a schorsing: whoever imposes or proposes one of its rungs, and whoever
    the statuut names to hear the pupil (Noordgouw art. 24.2: the afdelingsleider)."""
    rollen: list[str] = []
    for m in schorsingsladder(statuut):
        rollen += [*beslis_rollen(m), *m.voorstel_door]
    rollen += statuut.schorsing_horen_door
    return list(dict.fromkeys(rollen))


def horen_rollen(statuut: Statuut) -> list[str]:
    """Who hears the pupil before the decision: the statuut's list, else (the law) whoever
    may impose a schorsing."""
    if statuut.schorsing_horen_door:
        return list(statuut.schorsing_horen_door)
    rollen: list[str] = []
    for m in schorsingsladder(statuut):
        rollen += beslis_rollen(m)
    return list(dict.fromkeys(r for r in rollen if r in Rol.values))


def laatste_schooldag(school: School, eerste_dag: date, schooldagen: int) -> date:
    if not kalender.is_schooldag(school, eerste_dag):
        raise InvoerFout(_("%(d)s is geen schooldag (%(r)s): kies een schooldag als eerste dag "
                           "van de schorsing.")
                         % {"d": datum_kort(eerste_dag),
                            "r": kalender.reden_vrij(school, eerste_dag)})
    if schooldagen == 1:
        return eerste_dag
    return kalender.plus_schooldagen(school, eerste_dag, schooldagen - 1)
