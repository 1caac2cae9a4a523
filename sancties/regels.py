"""Reading the statuut's rules for the measures: who, how long, which articles.

Pure reads of the statuut data (no writes, no policy): the services and pages share them so
a page offers exactly what the service will accept.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from statuut import hulp, kalender
from statuut.hulp import artikel_tekst
from statuut.models import Eenheid, Maatregelsoort, School, Statuut
from statuut.selectors import schorsing_voor, statuut_op
from statuut.services import InvoerFout

from . import toegang
from .toegang import Gezag, Paar


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


bij_tekst = hulp.bij_tekst


def schorsingsladder(statuut: Statuut) -> list[Maatregelsoort]:
    return list(statuut.maatregelen.filter(soort=Maatregelsoort.Soort.SCHORSING))


def ontzegging_rung(statuut: Statuut) -> Maatregelsoort | None:
    """The statuut's "ontzegging van de toegang" (Echnaton art. 8.3), or None."""
    return statuut.maatregelen.filter(soort=Maatregelsoort.Soort.ONTZEGGING_TOEGANG).first()


def ontzegging_voorstel(rung: Maatregelsoort) -> list[Paar]:
    """Who starts an ontzegging: whoever proposes it (Echnaton art. 8.3: the teamleiding)
    and whoever may impose it (the schoolleiding, who may also start one)."""
    return [(toegang.VOORSTELLEN, rung.code), (toegang.OPLEGGEN, rung.code)]


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


def opleggen(rung: Maatregelsoort) -> list[Paar]:
    """Who may impose (decide) a rung: the rows of `maatregel.opleggen` for it (Echnaton art.
    8.2: the teamleiding in mandate, and the schoolleiding that keeps the power itself)."""
    return [(toegang.OPLEGGEN, rung.code)]


def niveau(rung: Maatregelsoort, schooldagen: int) -> int | None:
    """The level a decision of `schooldagen` days asks of the rows: its length, where it is
    within the rung's own maximum (a schorsing for a whole verwijdering procedure,
    Noordgouw art. 25.2, is not bounded by it)."""
    if (rung.max_duur_eenheid == Eenheid.SCHOOLDAGEN and rung.max_duur_aantal
            and schooldagen <= rung.max_duur_aantal):
        return schooldagen
    return None


def beslis_rollen(rung: Maatregelsoort, gezag: Gezag | None = None) -> list[str]:
    """Who the statuut names to impose `rung` (roles and bodies), in its order: for texts."""
    gezag = gezag or Gezag(rung.statuut)
    return gezag.namen(opleggen(rung))


def gemandateerd(rung: Maatregelsoort, gezag: Gezag | None = None) -> list[str]:
    """Who imposes `rung` in the statuut's own words: the holders of its rows without the
    one who handed the power down (`Maatregelsoort.mandaat_van`, who keeps it): the role a
    decision letter names and an internal beroep is against."""
    return [r for r in beslis_rollen(rung, gezag) if r != rung.mandaat_van]


def schorsing_voorstel(statuut: Statuut) -> list[Paar]:
    """Who may start a schorsing: whoever imposes or proposes one of its rungs, and whoever
    the statuut names to hear the pupil (Noordgouw art. 24.2: the afdelingsleider)."""
    paren: list[Paar] = []
    for m in schorsingsladder(statuut):
        paren += [(toegang.OPLEGGEN, m.code), (toegang.VOORSTELLEN, m.code)]
    return [*paren, (toegang.SCHORSING_HOREN, "")]


def horen(statuut: Statuut, gezag: Gezag | None = None) -> tuple[list[Paar], bool]:
    """Who hears the pupil before the decision, and whether all of them together: the
    statuut's rows (`schorsing.horen`: together, Noordgouw art. 24.2), else the law: whoever
    may impose a schorsing hears, one of them suffices."""
    gezag = gezag or Gezag(statuut)
    eigen = [(toegang.SCHORSING_HOREN, "")]
    if gezag.heeft(eigen):
        return eigen, True
    return [p for m in schorsingsladder(statuut) for p in opleggen(m)], False


def horen_rollen(statuut: Statuut, gezag: Gezag | None = None) -> list[str]:
    """The staff roles that hear the pupil (see `horen`)."""
    gezag = gezag or Gezag(statuut)
    return gezag.rollen(horen(statuut, gezag)[0])


def bezwaar_bij(statuut: Statuut, actie: str) -> str:
    """Where a bezwaar goes: whom the rows of `actie` (`schorsing.bezwaar_beslissen`,
    `verwijdering.bezwaar_beslissen`) name first (the bevoegd gezag); "" for nobody."""
    namen = Gezag(statuut).namen([(actie, "")])
    return namen[0] if namen else ""


def laatste_schooldag(school: School, eerste_dag: date, schooldagen: int) -> date:
    if not kalender.is_schooldag(school, eerste_dag):
        raise InvoerFout(_("%(d)s is geen schooldag (%(r)s): kies een schooldag als eerste dag "
                           "van de schorsing.")
                         % {"d": datum_kort(eerste_dag),
                            "r": kalender.reden_vrij(school, eerste_dag)})
    if schooldagen == 1:
        return eerste_dag
    return kalender.plus_schooldagen(school, eerste_dag, schooldagen - 1)
