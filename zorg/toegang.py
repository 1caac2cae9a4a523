"""The care file's policy (seed 001): who sees which level of a pupil's care file and who
takes which step of the care route.

Who may do what is statuut data: the authority rows (`statuut.Bevoegdheid`) of the presets'
`bevoegdheden: zorg:` group, for the actions this module registers: `zorg.inzien` with the
care file's level as `niveau` (`ZORG_*` below), and one action per step of the route. A row
holds for every pupil of the school, or ("eigen_leerlingen") for the pupils in the role's
relation of `dossiers.relaties` (mentor: own group, docent: own teaching groups, teamleider:
own department). A role that has no pupil relation there (the remedial teacher) holds an
"eigen_leerlingen" row for the cases referred to that person in the consultation (seed 001
stap 2.2, `Zorgdossier.remedial_teacher`): the care route's own relation.

Besides the rows this module knows only the care flow's own relations: who signalled sees
their signal was received and handled (`ZORG_MELDER`), the case referred to a person (above),
and the explicit grant scope "zorg" (`Toekenningsomvang.ZORG`), which opens the care file
(not the meldcode) of one pupil. It never names a role: roles come from the rows.

What the rows mean for the shared modules: second factor (`zorg.inzien` is registered as
an action that reads content, so `dossiers.toegang.inloggen` asks it of its holders);
governance (`regelzicht` reads every authority row as what it opens); the read log (the kind
"zorg" to whom sees every care file with the meldcode: `haken.inzagesoorten` below); who may
give and receive the care file's grant (`toegang.toekenningsbeleid` below).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from dossiers import relaties, toegang
from dossiers.models import Inzagesoort, Leerling, Roltoewijzing, Toekenningsomvang
from dossiers.toegang import haken
from statuut import acties
from statuut.hulp import vandaag
from statuut.models import Bevoegdheid, Orgaan, Statuut

#: Levels of the care file (`Bevoegdheid.niveau` of `zorg.inzien`), each including the ones
#: below it.
ZORG_GEEN = 0
ZORG_MELDER = 1  # "my signal was received and is being handled", nothing more
ZORG_GEDEELD = 2  # the signals, the mentor's steps and what the zorgcoördinator shares
ZORG_VOLLEDIG = 3  # the whole case: analysis, plan, evaluations; not the meldcode
ZORG_MELDCODE = 4  # also a Veilig Thuis trajectory under the meldcode

#: Reading the care file, up to a level.
ZORG_INZIEN = "zorg.inzien"
#: The steps of the care escalation (seed 001), as actions.
ZORG_SIGNALEREN = "zorg.signaleren"  # stap 1a: a signal about a pupil
ZORG_MENTORSTAPPEN = "zorg.mentor"  # stap 1a/1b/2.1: conversation, pupil raised it, parents
ZORG_CONSULTEREN = "zorg.consulteren"  # stap 2: the consultation and its choice
ZORG_COORDINEREN = "zorg.coordineren"  # stap 3-5: analysis, plan, feedback, monitoring
ZORG_REMEDIAL = "zorg.remedial"  # stap 2.2: the remedial teacher reports back
STAPACTIES = (ZORG_SIGNALEREN, ZORG_MENTORSTAPPEN, ZORG_CONSULTEREN, ZORG_COORDINEREN,
              ZORG_REMEDIAL)
ZORGACTIES = (ZORG_INZIEN, *STAPACTIES)

acties.registreer(
    ZORG_INZIEN, _("het zorgdossier inzien"), inhoud=True,
    niveau=_("niveau van het zorgdossier: 2 wat de mentor ziet, 3 het hele zorgdossier, "
             "4 ook de meldcode"))
acties.registreer(ZORG_SIGNALEREN, _("een zorgsignaal melden (zorgroute stap 1a)"))
acties.registreer(ZORG_MENTORSTAPPEN, _("de stappen van de mentor: gesprek met de leerling "
                                        "en contact met de ouders (zorgroute stap 1 en 2.1)"))
acties.registreer(ZORG_CONSULTEREN, _("de consultatie zorg (zorgroute stap 2)"))
acties.registreer(ZORG_COORDINEREN, _("probleemanalyse, plan van aanpak, terugkoppeling en "
                                      "bewaken (zorgroute stap 3-5)"))
acties.registreer(ZORG_REMEDIAL, _("het traject van de remedial teacher (zorgroute stap 2.2)"))


# --- the rows ------------------------------------------------------------------------------

#: The bodies a row may name (`Orgaan.values` builds its list anew on every read).
_ORGANEN = frozenset(Orgaan.values)


def _rijen(statuut: Statuut | None) -> list[tuple[frozenset[str], Bevoegdheid]]:
    """The care rows of `statuut`, each with the staff roles that hold it (a body named in a
    row: the roles that act for it, `statuut.Orgaanrol`). One query, two when a row names a
    body."""
    if statuut is None:
        return []
    rijen = [r for r in toegang.alle_rijen(statuut) if r.actie in ZORGACTIES]
    organen = (toegang.orgaanrollen(statuut) if any(r.rol in _ORGANEN for r in rijen)
               else {})
    return [(organen.get(r.rol, frozenset({r.rol})), r) for r in rijen]


def _niveau(rij: Bevoegdheid) -> int:
    """The level a `zorg.inzien` row opens (a row without one: every level)."""
    return ZORG_MELDCODE if rij.niveau is None else rij.niveau


def _via_verwijzing(rol: str) -> bool:
    """Does "eigen leerlingen" of `rol` mean the cases referred to the person (a role with no
    pupil relation in `dossiers.relaties`; seed 001 stap 2.2)?"""
    return rol not in relaties.RELATIEROLLEN


def rollen_met(school, actie: str, *, op: date | None = None) -> frozenset[str]:
    """The roles that hold a care action (a step, `ZORG_*` action) at `school` under the
    statuut in force on `op`: whom a deadline of that step goes to, whom a case can be
    referred to."""
    return toegang.rollen_voor(toegang._statuut_op(school, vandaag(op)), actie)


# --- one pupil -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Zorginzage:
    """What one user may see of and do in one pupil's care file."""

    niveau: int
    handelingen: frozenset[str]

    def ziet(self, niveau: int) -> bool:
        return self.niveau >= niveau


GEEN_ZORG = Zorginzage(ZORG_GEEN, frozenset())


def zorginzage(user, leerling: Leerling, *, melder_ids=(), remedial_teacher_id=None,
               op: date | None = None) -> Zorginzage:
    """The level (`ZORG_*`) and steps of `leerling`'s care file open to `user` on `op`: the
    care rows for the user's roles whose relation holds; who signalled sees their signal was
    handled (`melder_ids`); a row "eigen leerlingen" of a role without a pupil relation holds
    for the case referred to the user (`remedial_teacher_id`, seed 001 stap 2.2); a "zorg"
    grant opens the whole case (not the meldcode)."""
    medewerker = toegang._medewerker(user)
    if medewerker is None:
        return GEEN_ZORG
    op = vandaag(op)
    toewijzingen = toegang.toewijzingen_van(user, leerling.school_id)
    rollen = {t.rol for t in toewijzingen}
    niveau, handelingen = ZORG_GEEN, set()
    relatie: dict[str, bool] = {}
    for houders, rij in _rijen(toegang._statuut_op(leerling.school_id, op)):
        for rol in sorted(houders & rollen):
            if rij.eigen_leerlingen:
                if rol not in relatie:
                    relatie[rol] = (
                        remedial_teacher_id is not None and remedial_teacher_id == user.pk
                        if _via_verwijzing(rol)
                        else relaties.in_relatie(medewerker, rol, leerling, op,
                                                 toewijzingen=toewijzingen))
                if not relatie[rol]:
                    continue
            if rij.actie == ZORG_INZIEN:
                niveau = max(niveau, _niveau(rij))
            else:
                handelingen.add(rij.actie)
    if user.pk in set(melder_ids):
        niveau = max(niveau, ZORG_MELDER)
    # A grant opens ZORG_VOLLEDIG: not asked of whom the rows give that level already, nor
    # (guardian's query, costly to build) of whom holds no care grant for any pupil.
    if (niveau < ZORG_VOLLEDIG
            and Toekenningsomvang.ZORG in toegang._toekenningsomvangen(user, op)
            and toegang._toegekende_leerlingen(
                user, Toekenningsomvang.ZORG, op).filter(pk=leerling.pk).exists()):
        niveau = ZORG_VOLLEDIG
    return Zorginzage(niveau, frozenset(handelingen))


@toegang.bronbeleid("zorg", inzagesoort=Inzagesoort.ZORG)
def _zorgstukken(user, leerling: Leerling, op: date) -> list | None:
    """The care route's notes in the dossier (seed 001: "genoteerd in Magister") are read by
    whoever sees what the zorgcoördinator shares (the care file at level 2 or more, or a
    "zorg" grant), not by every reader of the section: a teacher who signalled sees only
    that the signal was handled, another teacher nothing."""
    if zorginzage(user, leerling, op=op).niveau >= ZORG_GEDEELD:
        return None
    return []


# --- lists ---------------------------------------------------------------------------------

def _zicht(user, niveau: int, op: date) -> tuple[Q, list[int]]:
    """(a Q on Leerling: the pupils whose care file `user` sees at `niveau` by a row or a
    grant; the schools where the cases referred to `user` are seen at `niveau`)."""
    medewerker = toegang._medewerker(user)
    if medewerker is None:
        return Q(pk__in=[]), []
    per_school: dict[int, list[Roltoewijzing]] = {}
    for t in toegang.toewijzingen_van(user):
        per_school.setdefault(t.school_id, []).append(t)
    filter_ = Q(pk__in=[])
    if niveau <= ZORG_VOLLEDIG:
        filter_ |= Q(pk__in=toegang._toegekende_leerlingen(user, Toekenningsomvang.ZORG, op)
                     .values("pk"))
    verwezen: list[int] = []
    for school_id, eigen in per_school.items():
        rollen = {t.rol for t in eigen}
        for houders, rij in _rijen(toegang._statuut_op(eigen[0].school_id, op)):
            if rij.actie != ZORG_INZIEN or _niveau(rij) < niveau:
                continue
            for rol in houders & rollen:
                if not rij.eigen_leerlingen:
                    filter_ |= Q(school_id=school_id)
                elif _via_verwijzing(rol):
                    verwezen.append(school_id)
                elif (ids := relaties.leerlingen_in_relatie(medewerker, rol, school_id, op,
                                                            toewijzingen=eigen)) is not None:
                    filter_ |= Q(school_id=school_id, pk__in=ids)
    return filter_, verwezen


def zorgleerlingen_voor(user, *, niveau: int = ZORG_GEDEELD, op: date | None = None
                        ) -> QuerySet[Leerling]:
    """The pupils whose care file `user` sees at `niveau` or higher by a row in their
    relation or by a "zorg" grant (one queryset; the cases referred to them are added by
    `zorgdossierfilter`)."""
    filter_, _verwezen = _zicht(user, niveau, vandaag(op))
    return Leerling.objects.filter(filter_)


def zorgdossierfilter(user, *, niveau: int = ZORG_GEDEELD, op: date | None = None) -> Q:
    """A Q on Zorgdossier: the cases `user` sees at `niveau` or higher (the pupils of
    `zorgleerlingen_voor`, and the cases referred to them where a row gives them those)."""
    filter_, verwezen = _zicht(user, niveau, vandaag(op))
    uit = Q(leerling__in=Leerling.objects.filter(filter_))
    if verwezen:
        uit |= Q(remedial_teacher=user, school_id__in=verwezen)
    return uit


# --- one school (start page, work list) ----------------------------------------------------

@dataclass(frozen=True)
class Schoolzorg:
    """What roles at one school hold in the care route: the care actions in some scope, and
    the level at which they see every pupil's care file (0: none school-wide)."""

    acties: frozenset[str]
    niveau: int


def schoolzorg(school, rollen, *, op: date | None = None) -> Schoolzorg:
    """`Schoolzorg` of `rollen` at `school` under the statuut in force on `op` (two queries:
    the statuut, its care rows)."""
    rollen = frozenset(rollen)
    gevonden, niveau = set(), ZORG_GEEN
    for houders, rij in _rijen(toegang._statuut_op(school, vandaag(op))):
        if not houders & rollen:
            continue
        gevonden.add(rij.actie)
        if rij.actie == ZORG_INZIEN and not rij.eigen_leerlingen:
            niveau = max(niveau, _niveau(rij))
    return Schoolzorg(frozenset(gevonden), niveau)


def zorgscholen(user, *, niveau: int = ZORG_VOLLEDIG, op: date | None = None):
    """The schools where `user` sees every pupil's care file at `niveau`: the
    zorgcoördinator's work list, directie's overview."""
    from statuut.models import School

    medewerker = toegang._medewerker(user)
    if medewerker is None:
        return School.objects.none()
    per_school = toegang.rollen_per_school(user)
    ids = [school_id for school_id, (school, rollen) in per_school.items()
           if schoolzorg(school, rollen, op=op).niveau >= niveau]
    return School.objects.filter(pk__in=ids)


# --- the care file's grant (the one grant policy of dossiers.toekenningen) -----------------

def zien_alle_zorgdossiers(school, op: date | None = None) -> frozenset[str]:
    """The roles that see every care file of the school at least as far as a "zorg" grant
    opens (the whole case): a grant to them adds nothing."""
    return frozenset(rol for houders, rij in _rijen(toegang._statuut_op(school, vandaag(op)))
                     if rij.actie == ZORG_INZIEN and not rij.eigen_leerlingen
                     and _niveau(rij) >= ZORG_VOLLEDIG for rol in houders)


def _mag_zorgtoegang_geven(user, leerling: Leerling, op: date) -> bool:
    """Who coordinates the pupil's care (stap 3-5) opens the care file to a colleague, never
    further than they see it themselves (a grant opens the whole case, not the meldcode)."""
    inzage = zorginzage(user, leerling, op=op)
    return ZORG_COORDINEREN in inzage.handelingen and inzage.ziet(ZORG_VOLLEDIG)


toegang.toekenningsbeleid(
    Toekenningsomvang.ZORG, mag_geven=_mag_zorgtoegang_geven,
    zien_al=lambda leerling, op: zien_alle_zorgdossiers(leerling.school, op),
    al_gezien=_("%(n)s ziet elk zorgdossier van de school al; toegang geven is niet nodig."))


# --- what the rows mean for the read log ---------------------------------------------------

@haken.inzagesoorten
def _zorg_inzagesoorten(school, rollen, statuut) -> set[str]:
    """The read log names care records to whom sees every care file with the meldcode."""
    for houders, rij in _rijen(statuut):
        if (rij.actie == ZORG_INZIEN and not rij.eigen_leerlingen
                and _niveau(rij) >= ZORG_MELDCODE and houders & set(rollen)):
            return {Inzagesoort.ZORG}
    return set()


# --- deadlines -----------------------------------------------------------------------------

@toegang.onderwerpbeleid("zorg.zorgdossier")
def _zorgtermijnen(user) -> QuerySet:
    """A case's deadlines (the mentor's conversation, a referral, looking again) are listed
    for whoever sees the case's steps: without the relation, holding the role opens none
    (a mentor of another group, seed 001 stap 1a)."""
    from .models import Zorgdossier

    return Zorgdossier.objects.filter(zorgdossierfilter(user, niveau=ZORG_GEDEELD)).values("pk")


@toegang.onderwerpbeleid("zorg.evaluatie")
def _evaluatietermijnen(user) -> QuerySet:
    """An evaluation belongs to a trajectory (the whole case); one under the meldcode only
    to whom sees the meldcode."""
    from .models import Evaluatie, Trajectsoort, Zorgdossier

    def zaken(niveau):
        return Zorgdossier.objects.filter(zorgdossierfilter(user, niveau=niveau)).values("pk")

    return Evaluatie.objects.filter(
        Q(traject__zorgdossier__in=zaken(ZORG_MELDCODE))
        | (~Q(traject__soort=Trajectsoort.VEILIG_THUIS)
           & Q(traject__zorgdossier__in=zaken(ZORG_VOLLEDIG)))).values("pk")
