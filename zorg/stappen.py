"""The steps of the care route (seed 001), written once: the case page offers exactly the
steps `weigering` lets pass for this user now, and each service's first act is the same
check (`dossiers.stappen`: `toetsen`, `aanbod`).

Per step: who takes it (an authority action of `zorg.toegang`, held through the statuut's
care rows; where another takes it in some phase, per phase), when (the django-fsm
transitions it takes: the step is possible exactly where they can run, read from the
transitions themselves; a step that leaves the phase as it is names its phases), a
condition of the route with its Dutch reason, and the Dutch words of its refusals. The care
route acts today: page and service ask the statuut in force today.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from dossiers import toegang as dossiertoegang
from dossiers.models import Leerling, Toekenningsomvang
from dossiers.stappen import Weigering, aanbod, niet_nu, toetsen  # noqa: F401

from . import selectors, toegang
from .models import OPEN_FASEN, Consultatiekeuze, Evaluatie, Zorgdossier, Zorgfase

#: Who takes each action, in the words of the care route (seed 001), for the refusal "U mag
#: ... niet vastleggen: dat doet ...". Who holds it is the care rows' answer.
WIE = {
    toegang.ZORG_SIGNALEREN: gettext_lazy("een docent of de mentor van de leerling"),
    toegang.ZORG_MENTORSTAPPEN: gettext_lazy("de mentor van de leerling"),
    toegang.ZORG_CONSULTEREN: gettext_lazy("de mentor samen met de zorgcoördinatoren"),
    toegang.ZORG_COORDINEREN: gettext_lazy("een zorgcoördinator"),
    toegang.ZORG_REMEDIAL: gettext_lazy("de remedial teacher bij wie de leerling is aangemeld"),
}
NIET_UW_STAP = gettext_lazy("U mag %(wat)s niet vastleggen: dat doet volgens de zorgroute "
                            "(seed 001) %(wie)s.")
#: A step that moves the case on, asked in a phase its transition does not leave from.
NIET_MEER_OF_NOG_NIET = gettext_lazy(
    "%(wat)s kan niet meer of nog niet: het zorgtraject staat in de fase '%(fase)s'. "
    "Vernieuw de pagina en kies een van de stappen die daar worden aangeboden.")
#: A step that belongs to some phases of the route, asked in another.
NIET_IN_DEZE_FASE = gettext_lazy("%(wat)s kan niet: het zorgtraject staat in de fase "
                                 "'%(fase)s'.")
NIET_AF_TE_SLUITEN = gettext_lazy("Het zorgtraject kan in de fase '%(fase)s' niet worden "
                                  "afgesloten.")

#: The referrals of stap 2 (the consultation's three possibilities, and the later ones of
#: 2.1 and 2.2), each a transition: from a phase only those whose transition can run.
VERWIJZINGEN = {
    Consultatiekeuze.MENTOR: "naar_mentortraject",
    Consultatiekeuze.REMEDIAL_TEACHER: "naar_remedial_teacher",
    Consultatiekeuze.ZORGCOORDINATOREN: "naar_zorgcoordinatoren",
}


def verwijzingen(zd: Zorgdossier, *, behalve: tuple[str, ...] = ()) -> list[str]:
    """The referrals (`Consultatiekeuze`) possible from the case's phase (its transitions)."""
    return [keuze for keuze, overgang in VERWIJZINGEN.items()
            if keuze not in behalve and can_proceed(getattr(zd, overgang))]


@dataclass(frozen=True)
class Wie:
    """Who takes a step: an authority action, and the step in the refusal's words."""

    actie: str
    wat: str


#: A condition of the route: fn(user, zd, inzage, evaluatie) -> Weigering | None.
Voorwaarde = Callable[..., Weigering | None]


@dataclass(frozen=True)
class Stap:
    naam: str  # the page's form and the URL's name (zorg:<naam>)
    handeling: str  # the step as the subject of "... kan niet"
    wie: Wie | None  # who takes it (None: only where `per_fase` names someone)
    overgangen: tuple[str, ...] = ()  # its django-fsm transitions: possible where all can run
    fasen: tuple[str, ...] = ()  # a step without a transition: the phases it belongs to
    per_fase: tuple[tuple[str, Wie], ...] = ()  # the phases in which another takes it
    niet_nu: str = NIET_MEER_OF_NOG_NIET
    voorwaarde: Voorwaarde | None = None

    def wie_in(self, fase: str) -> Wie | None:
        return dict(self.per_fase).get(fase, self.wie)

    def mogelijk(self, zd: Zorgdossier) -> bool:
        if self.overgangen:
            return all(can_proceed(getattr(zd, o)) for o in self.overgangen)
        return zd.fase in self.fasen

    def mogelijk_in(self) -> frozenset[str]:
        """The phases in which the step can be taken (from the transitions' sources)."""
        if not self.overgangen:
            return frozenset(self.fasen)
        bronnen = [set(getattr(Zorgdossier, o)._django_fsm.transitions)
                   for o in self.overgangen]
        return frozenset(set.intersection(*bronnen))


def _plan_heeft_een_traject(user, zd, inzage, evaluatie) -> Weigering | None:
    # Seed 001 stap 4: the plan van aanpak consists of one or more trajectories.
    if not zd.trajecten.exists():
        return Weigering(_("Voeg eerst ten minste één traject toe aan het plan van aanpak."))
    return None


def _evaluatie_open(user, zd, inzage, evaluatie: Evaluatie | None) -> Weigering | None:
    if evaluatie is None:
        return None
    if evaluatie.traject.is_meldcode and not inzage.ziet(toegang.ZORG_MELDCODE):
        return niet_nu(_("U mag deze evaluatie niet vastleggen."))
    if evaluatie.uitgevoerd_op:
        return niet_nu(_("Deze evaluatie is al vastgelegd."))
    return None


def _mag_toegang_geven(user, zd, inzage, evaluatie) -> Weigering | None:
    # The one grant policy (dossiers.toekenningen) with the care flow's rule for its scope.
    if not dossiertoegang.toe_te_kennen(user, zd.leerling, omvang=Toekenningsomvang.ZORG):
        return niet_nu(_("U mag geen toegang tot dit zorgdossier geven."))
    return None


_MENTOR, _COORDINATOR = toegang.ZORG_MENTORSTAPPEN, toegang.ZORG_COORDINEREN

STAPPEN: dict[str, Stap] = {s.naam: s for s in (
    # Stap 1b: the mentor's conversation: confirmed (on to stap 2) or not (keep observing).
    Stap("gesprek", gettext_lazy("Het gesprek vastleggen"),
         Wie(_MENTOR, gettext_lazy("het gesprek met de leerling")),
         overgangen=("bevestigen", "observeren")),
    # Stap 2 (also from observation, stap 1b: "overleggen met de zorgcoördinatoren"): the
    # consultation chooses one of the three referrals, so it is possible where all three are.
    Stap("consultatie", gettext_lazy("De consultatie vastleggen"),
         Wie(toegang.ZORG_CONSULTEREN, gettext_lazy("de consultatie")),
         overgangen=tuple(VERWIJZINGEN.values()), niet_nu=NIET_IN_DEZE_FASE),
    # Stap 2.1: the mentor keeps in touch with the parents.
    Stap("oudercontact", gettext_lazy("Een contact met de ouders vastleggen"),
         Wie(_MENTOR, gettext_lazy("het contact met de ouders")),
         fasen=(Zorgfase.MENTORTRAJECT,), niet_nu=NIET_IN_DEZE_FASE),
    # Stap 2.1 "naar substap 2 of 3" (the mentor); stap 2.2 on to the zorgcoördinatoren
    # (the remedial teacher). The referral itself is one of `verwijzingen`.
    Stap("doorverwijzen", gettext_lazy("Doorverwijzen"),
         Wie(_MENTOR, gettext_lazy("de aanmelding")),
         fasen=(Zorgfase.MENTORTRAJECT, Zorgfase.REMEDIAL_TEACHER),
         per_fase=((Zorgfase.REMEDIAL_TEACHER,
                    Wie(toegang.ZORG_REMEDIAL,
                        gettext_lazy("de aanmelding bij de zorgcoördinatoren"))),),
         niet_nu=NIET_IN_DEZE_FASE),
    # Stap 3.
    Stap("analyse", gettext_lazy("De probleemanalyse vastleggen"),
         Wie(_COORDINATOR, gettext_lazy("de probleemanalyse")),
         overgangen=("analyse_afronden",)),
    # Stap 4: trajectories are added while the plan is made, then the plan is adopted.
    Stap("traject", gettext_lazy("Een traject toevoegen"),
         Wie(_COORDINATOR, gettext_lazy("het plan van aanpak")),
         fasen=(Zorgfase.PLAN,), niet_nu=NIET_IN_DEZE_FASE),
    Stap("plan", gettext_lazy("Het plan van aanpak vaststellen"),
         Wie(_COORDINATOR, gettext_lazy("het plan van aanpak")),
         overgangen=("plan_vaststellen",), voorwaarde=_plan_heeft_een_traject),
    # Stap 5: fed back, then monitored: evaluations and information for the mentor.
    Stap("terugkoppeling", gettext_lazy("De terugkoppeling vastleggen"),
         Wie(_COORDINATOR, gettext_lazy("de terugkoppeling")),
         overgangen=("terugkoppelen",)),
    Stap("evaluatie", gettext_lazy("Een evaluatie vastleggen"),
         Wie(_COORDINATOR, gettext_lazy("een evaluatie")),
         fasen=(Zorgfase.TERUGKOPPELING, Zorgfase.MONITORING), niet_nu=NIET_IN_DEZE_FASE,
         voorwaarde=_evaluatie_open),
    Stap("delen", gettext_lazy("Informatie delen met de mentor"),
         Wie(_COORDINATOR, gettext_lazy("informatie voor de mentor")),
         fasen=(Zorgfase.MONITORING,), niet_nu=NIET_IN_DEZE_FASE),
    # Closing with a conclusion: the mentor after observation or an improved mentor
    # trajectory (2.1 "verbetering"), the remedial teacher after theirs, the zorgcoördinator
    # after monitoring.
    Stap("afsluiten", gettext_lazy("Afsluiten"), None, overgangen=("afsluiten",),
         per_fase=((Zorgfase.OBSERVATIE, Wie(_MENTOR, gettext_lazy("het afsluiten"))),
                   (Zorgfase.MENTORTRAJECT, Wie(_MENTOR, gettext_lazy("het afsluiten"))),
                   (Zorgfase.REMEDIAL_TEACHER,
                    Wie(toegang.ZORG_REMEDIAL, gettext_lazy("het afsluiten"))),
                   (Zorgfase.MONITORING, Wie(_COORDINATOR, gettext_lazy("het afsluiten")))),
         niet_nu=NIET_AF_TE_SLUITEN),
    # Opening the care file to a colleague while the case is open.
    Stap("toegang", gettext_lazy("Toegang geven"),
         Wie(_COORDINATOR, gettext_lazy("toegang tot het zorgdossier")),
         fasen=tuple(OPEN_FASEN), niet_nu=NIET_IN_DEZE_FASE, voorwaarde=_mag_toegang_geven),
)}

#: The steps offered as a form of their own on the case page (an evaluation is offered per
#: evaluation).
OP_DE_PAGINA = tuple(n for n in STAPPEN if n != "evaluatie")


def weigering(user, zd: Zorgdossier, naam: str, *, inzage=None,
              evaluatie: Evaluatie | None = None, op: date | None = None
              ) -> Weigering | None:
    """None when `user` may take step `naam` of case `zd` now, else why not: not theirs
    (who takes it, per the route), not in this phase, or the route's condition."""
    stap = STAPPEN[naam]
    if inzage is None:
        inzage = selectors.inzage(user, zd, op=op)
    wie = stap.wie_in(zd.fase)
    fase = zd.get_fase_display()
    if wie is None:
        return niet_nu(str(stap.niet_nu) % {"wat": stap.handeling, "fase": fase})
    if wie.actie not in inzage.handelingen:
        return niet_nu(str(NIET_UW_STAP) % {"wat": wie.wat, "wie": WIE[wie.actie]})
    if not stap.mogelijk(zd):
        return niet_nu(str(stap.niet_nu) % {"wat": stap.handeling, "fase": fase})
    if stap.voorwaarde is not None:
        return stap.voorwaarde(user, zd, inzage, evaluatie)
    return None


def stappen_van(user, zd: Zorgdossier, *, inzage=None) -> tuple[list[str], list[str]]:
    """(the steps of `OP_DE_PAGINA` the page offers `user` now, the reasons it shows for
    those of this phase that wait)."""
    if inzage is None:
        inzage = selectors.inzage(user, zd)
    open_, wachtend = aanbod(OP_DE_PAGINA, lambda naam: weigering(user, zd, naam,
                                                                 inzage=inzage))
    return open_, [reden for _naam, reden in wachtend]


def signaal_weigering(user, leerling: Leerling, *, inzage=None) -> Weigering | None:
    """Stap 1a: a signal about a pupil (it joins the pupil's open case, or opens one, in any
    phase)."""
    if inzage is None:
        inzage = toegang.zorginzage(user, leerling)
    if toegang.ZORG_SIGNALEREN not in inzage.handelingen:
        return niet_nu(_("U kunt over deze leerling geen zorgsignaal melden: dat doen de "
                         "docenten en de mentor van de leerling."))
    return None
