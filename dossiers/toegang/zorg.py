"""The care file's policy (seed 001).

Part of the access policy `dossiers.toegang`; see the package's docstring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from statuut.models import Rol

from ..models import (
    Inzagesoort,
    Leerling,
    Roltoewijzing,
    Toekenningsomvang,
)

if TYPE_CHECKING:
    from statuut.models import Statuut
from . import haken
from .basis import (
    GEEN,
    _medewerker,
    _statuut_op,
    _vandaag,
    rollen_van,
    scholen_van,
)
from .matrix import (
    _eigen_leerling_ids,
    _toegekende_leerlingen,
    bronbeleid,
)

# --- Zorg (issue 6) ---
# The care file of seed 001 (zorg app). It is not part of art. 9's matrix, and a row of the
# presets' Toegangsregel per role is unique and pinned exactly by the access-matrix tests, so
# the care rules are a table of their own below: per role, the level of the care file it
# opens, the steps it may take, and whether only for its own pupils (the same relations as
# the matrix: mentor's group, docent's groups, teamleider's department). A statuut whose
# school arranges care differently overrides rows per preset (`ZORGREGELS_PER_PRESET`).
# The zorg app passes in what only it knows: who signalled, which remedial teacher a case
# was referred to. The explicit grant scope "zorg" (`Toekenningsomvang.ZORG`) opens the care
# file (not the meldcode) of one pupil.

#: Levels of the care file, each including the ones below it.
ZORG_GEEN = 0
ZORG_MELDER = 1  # "my signal was received and is being handled", nothing more
ZORG_GEDEELD = 2  # the signals, the mentor's steps and what the zorgcoördinator shares
ZORG_VOLLEDIG = 3  # the whole case: analysis, plan, evaluations; not the meldcode
ZORG_MELDCODE = 4  # also a Veilig Thuis trajectory under the meldcode

#: Steps of the care escalation (seed 001), as actions.
ZORG_SIGNALEREN = "zorg.signaleren"  # stap 1a: a signal about a pupil
ZORG_MENTORSTAPPEN = "zorg.mentor"  # stap 1a/1b/2.1: conversation, pupil raised it, parents
ZORG_CONSULTEREN = "zorg.consulteren"  # stap 2: the consultation and its choice
ZORG_COORDINEREN = "zorg.coordineren"  # stap 3-5: analysis, plan, feedback, monitoring
ZORG_REMEDIAL = "zorg.remedial"  # stap 2.2: the remedial teacher reports back


@dataclass(frozen=True)
class Zorgregel:
    niveau: int
    handelingen: frozenset[str]
    alleen_eigen_leerlingen: bool


ZORGREGELS: dict[str, Zorgregel] = {
    # Stap 1a: "Een docent vermoedt problemen ... schakelt de mentor in": signals only; what
    # happens next is shown to them as received/handled (ZORG_MELDER, by relation).
    Rol.DOCENT: Zorgregel(ZORG_GEEN, frozenset({ZORG_SIGNALEREN}), True),
    # Stap 1a-2: the mentor talks, notes, consults, runs trajectory 1; stap 5: "Relevante
    # informatie wordt gedeeld met de mentor".
    Rol.MENTOR: Zorgregel(ZORG_GEDEELD, frozenset({ZORG_SIGNALEREN, ZORG_MENTORSTAPPEN,
                                                   ZORG_CONSULTEREN}), True),
    # DEFAULT (seed 001 silent): the teamleider is the mentor's escalation line for missed
    # deadlines and leads the department, so sees what the mentor sees, for their department.
    Rol.TEAMLEIDER: Zorgregel(ZORG_GEDEELD, frozenset({ZORG_SIGNALEREN}), True),
    # Stap 2-5: the zorgcoördinatoren weigh, analyse, plan, feed back and monitor, also a
    # report under the meldcode.
    Rol.ZORGCOORDINATOR: Zorgregel(ZORG_MELDCODE, frozenset({ZORG_SIGNALEREN, ZORG_CONSULTEREN,
                                                             ZORG_COORDINEREN}), False),
    # DEFAULT (issue 6): directie sees every case and the meldcode, and takes no care steps.
    Rol.DIRECTIE: Zorgregel(ZORG_MELDCODE, frozenset(), False),
}

#: Per statuut preset: rows that replace those above (none of the shipped presets differs).
ZORGREGELS_PER_PRESET: dict[str, dict[str, Zorgregel]] = {}


@dataclass(frozen=True)
class Zorginzage:
    """What one user may see of and do in one pupil's care file."""

    niveau: int
    handelingen: frozenset[str]

    def ziet(self, niveau: int) -> bool:
        return self.niveau >= niveau


GEEN_ZORG = Zorginzage(ZORG_GEEN, GEEN)


def _zorgregels(statuut: Statuut | None) -> dict[str, Zorgregel]:
    if statuut is None:
        return {}
    return {**ZORGREGELS, **ZORGREGELS_PER_PRESET.get(statuut.preset, {})}


def zorginzage(user, leerling: Leerling, *, melder_ids=(), remedial_teacher_id=None,
               op: date | None = None) -> Zorginzage:
    """The level (`ZORG_*`) and steps of `leerling`'s care file open to `user` on `op`: the
    care rules for the user's roles whose relation holds; who signalled sees their signal was
    handled (`melder_ids`); the remedial teacher a case was referred to (seed 001 stap 2.2)
    sees the case (not the meldcode) and reports back; a "zorg" grant opens the case."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN_ZORG
    op = _vandaag(op)
    toewijzingen = list(Roltoewijzing.objects.filter(medewerker=medewerker,
                                                     school_id=leerling.school_id))
    rollen = {t.rol for t in toewijzingen}
    regels = _zorgregels(_statuut_op(leerling.school, op))
    niveau, handelingen = ZORG_GEEN, set()
    for rol in rollen:
        regel = regels.get(rol)
        if regel is None:
            continue
        if regel.alleen_eigen_leerlingen:
            ids = _eigen_leerling_ids(medewerker, rol, toewijzingen, leerling.school_id, op)
            if ids is None or not ids.filter(leerling_id=leerling.pk).exists():
                continue
        niveau = max(niveau, regel.niveau)
        handelingen |= regel.handelingen
    if user.pk in set(melder_ids):
        niveau = max(niveau, ZORG_MELDER)
    if remedial_teacher_id and remedial_teacher_id == user.pk and (
        Rol.REMEDIAL_TEACHER in rollen
    ):
        niveau = max(niveau, ZORG_VOLLEDIG)
        handelingen.add(ZORG_REMEDIAL)
    if _toegekende_leerlingen(user, Toekenningsomvang.ZORG, op).filter(pk=leerling.pk).exists():
        niveau = max(niveau, ZORG_VOLLEDIG)
    return Zorginzage(niveau, frozenset(handelingen))


@bronbeleid("zorg", inzagesoort=Inzagesoort.ZORG)
def _zorgstukken(user, leerling: Leerling, op: date) -> list | None:
    """The care route's notes in the dossier (seed 001: "genoteerd in Magister") are read by
    whoever sees what the zorgcoördinator shares (mentor, teamleider, zorgcoördinator,
    directie, a "zorg" grant), not by every reader of the section: a teacher who signalled
    sees only that the signal was handled, another teacher nothing."""
    if zorginzage(user, leerling, op=op).niveau >= ZORG_GEDEELD:
        return None
    return []


def zorgleerlingen_voor(user, *, niveau: int = ZORG_GEDEELD, op: date | None = None
                        ) -> QuerySet[Leerling]:
    """The pupils whose care file `user` sees at `niveau` or higher by role or by a "zorg"
    grant (one queryset; the zorg app adds its own relations: signaller, remedial teacher)."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return Leerling.objects.none()
    op = _vandaag(op)
    per_school: dict[int, list[Roltoewijzing]] = {}
    for t in Roltoewijzing.objects.filter(medewerker=medewerker).select_related("school"):
        per_school.setdefault(t.school_id, []).append(t)
    filter_ = Q()
    if niveau <= ZORG_VOLLEDIG:
        filter_ |= Q(pk__in=_toegekende_leerlingen(user, Toekenningsomvang.ZORG, op)
                     .values("pk"))
    for school_id, eigen in per_school.items():
        regels = _zorgregels(_statuut_op(eigen[0].school, op))
        for rol in {t.rol for t in eigen}:
            regel = regels.get(rol)
            if regel is None or regel.niveau < niveau:
                continue
            if not regel.alleen_eigen_leerlingen:
                filter_ |= Q(school_id=school_id)
                continue
            ids = _eigen_leerling_ids(medewerker, rol, eigen, school_id, op)
            if ids is not None:
                filter_ |= Q(school_id=school_id, pk__in=ids)
    if not filter_:
        return Leerling.objects.none()
    return Leerling.objects.filter(filter_)


def _zorg_alles_rollen(leerling: Leerling, op: date | None) -> list[str]:
    """The roles that see every care file of the pupil's school (zorgcoördinator, directie)."""
    regels = _zorgregels(_statuut_op(leerling.school, _vandaag(op)))
    return [rol for rol, regel in regels.items()
            if regel.niveau >= ZORG_VOLLEDIG and not regel.alleen_eigen_leerlingen]


def ziet_alle_zorgdossiers(user, leerling: Leerling, *, op: date | None = None) -> bool:
    return bool(rollen_van(user, leerling.school_id) & set(_zorg_alles_rollen(leerling, op)))


def zorgtoegang_ontvangers(user, leerling: Leerling, *, op: date | None = None) -> QuerySet:
    """Whom `user` may open this pupil's care file to (grant scope "zorg"): active staff of
    the pupil's school who do not already see every care file (zorgcoördinatoren, directie),
    never an account that only sets the school up, never a superuser, never oneself."""
    from django.contrib.auth import get_user_model

    zien_alles = _zorg_alles_rollen(leerling, op)
    rollen = Roltoewijzing.objects.filter(school_id=leerling.school_id)
    return (get_user_model().objects.filter(is_active=True, is_superuser=False)
            .filter(pk__in=rollen.exclude(rol=Rol.FUNCTIONEEL_BEHEERDER)
                    .values("medewerker__user_id"))
            .exclude(pk__in=rollen.filter(rol__in=zien_alles).values("medewerker__user_id"))
            .exclude(pk=getattr(user, "pk", None)))


def zorgscholen(user, *, handeling: str | None = None, niveau: int = ZORG_VOLLEDIG,
                op: date | None = None):
    """The schools where `user` sees every pupil's care file at `niveau` (and may take
    `handeling`): the zorgcoördinator's work list, directie's overview."""
    from statuut.models import School

    medewerker = _medewerker(user)
    if medewerker is None:
        return School.objects.none()
    op = _vandaag(op)
    ids = []
    for school in scholen_van(user):
        regels = _zorgregels(_statuut_op(school, op))
        for rol in rollen_van(user, school):
            regel = regels.get(rol)
            if (regel is not None and not regel.alleen_eigen_leerlingen
                    and regel.niveau >= niveau
                    and (handeling is None or handeling in regel.handelingen)):
                ids.append(school.pk)
    return School.objects.filter(pk__in=ids)


def zorgstart_mogelijk(rollen: frozenset[str]) -> bool:
    """Whether the start page offers the care block to these roles at all (no query: the
    start page has a fixed query budget; what the block then shows is filtered as usual)."""
    varianten = [ZORGREGELS, *ZORGREGELS_PER_PRESET.values()]
    return Rol.REMEDIAL_TEACHER in rollen or any(
        rol in regels for regels in varianten for rol in rollen)


# What the care rules mean for the shared modules (second factor, read log, governance).

@haken.inhoud
def _zorg_inhoud(school, rollen, statuut) -> bool:
    regels = _zorgregels(statuut)
    # The remedial teacher reads the care cases referred to them (seed 001 2.2).
    return Rol.REMEDIAL_TEACHER in rollen or any(
        regels[r].niveau >= ZORG_GEDEELD for r in rollen if r in regels)


@haken.inzagesoorten
def _zorg_inzagesoorten(school, rollen, statuut) -> set[str]:
    regels = _zorgregels(statuut)
    if any(rol in regels and regels[rol].niveau >= ZORG_MELDCODE
           and not regels[rol].alleen_eigen_leerlingen for rol in rollen):
        return {Inzagesoort.ZORG}
    return set()


@haken.zicht
def _zorgzicht(school, rollen, statuut) -> set[str]:
    regels = _zorgregels(statuut)
    zicht: set[str] = set()
    for rol in rollen:
        if (regel := regels.get(rol)) is not None:
            zicht |= {f"zorg:{n}" for n in range(1, regel.niveau + 1)} | set(regel.handelingen)
    if Rol.REMEDIAL_TEACHER in rollen:  # seed 001 stap 2.2: the case referred to them
        zicht |= {f"zorg:{n}" for n in range(1, ZORG_VOLLEDIG + 1)} | {ZORG_REMEDIAL}
    return zicht
