"""Authority as statuut data: who may take which action of a flow (`statuut.Bevoegdheid`).

The one way every flow asks "may this user take this action for this pupil": the rows of
the statuut in force (on the day the flow says: the hearing's day for a decision, today for
most steps), for the user's roles at the pupil's school, a body (`Orgaan`) counting as the
roles that act for it (`statuut.Orgaanrol`), each row in its scope: the whole school, or
only pupils in the role's relation (`dossiers.relaties`); the pupil and a parent with gezag
in their own relation to that one pupil. A flow builds its policy (`<flow>/toegang.py`)
from these primitives and its own models; it never names a role.

Two forms, as for the relations: yes/no (and the roles that hold) for one pupil, and a
queryset of the pupils or schools for lists.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from statuut import acties
from statuut.models import Bevoegdheid, Omvang, Orgaan, Orgaanrol, Principaal, Rol, Statuut

from .. import relaties
from ..models import Leerling, Ouderschap, Roltoewijzing
from .basis import _medewerker, _statuut_op, _vandaag, bewaard, toewijzingen_van
from .geheugen import onthouden


@onthouden
def orgaanrollen(statuut: Statuut | None) -> dict[str, frozenset[str]]:
    """Per body the statuut names: the roles that act for it."""
    if statuut is None:
        return {}
    return dict(bewaard(("organen", statuut.pk), lambda: {
        o.orgaan: frozenset(o.rollen) for o in Orgaanrol.objects.filter(statuut=statuut)}))


@onthouden
def alle_rijen(statuut: Statuut) -> list[Bevoegdheid]:
    """Every authority row of `statuut`, in its order: a page asks several actions (each
    panel its own) and pays one query for all of them, and only when the stamp moved
    (`statuut.stempel`). Unlike the other kept rows these are not copied (some 150 per
    statuut, asked on every request): the rows are shared by the process's requests, to be
    read, never changed or saved."""
    return list(bewaard(("bevoegdheden", statuut.pk),
                        lambda: tuple(Bevoegdheid.objects.filter(statuut=statuut))))


@onthouden
def rijen(statuut: Statuut | None, actie: str, *, voor: str = "",
          niveau: int | None = None) -> list[Bevoegdheid]:
    """The authority rows for `actie` (a row without `voor` holds for every rung or stage;
    with `voor` only for that one), reaching `niveau` when one is asked."""
    if statuut is None:
        return []
    return [r for r in alle_rijen(statuut)
            if r.actie == actie and (r.voor == "" or (voor and r.voor == voor))
            and (niveau is None or r.niveau is None or r.niveau >= niveau)]


def _rollen_van_rij(rij: Bevoegdheid, organen: dict[str, frozenset[str]]) -> frozenset[str]:
    if rij.rol in Rol.values:
        return frozenset({rij.rol})
    return organen.get(rij.rol, frozenset())


def rollen_voor(statuut: Statuut | None, actie: str, *, voor: str = "",
                niveau: int | None = None) -> frozenset[str]:
    """The staff roles that hold `actie` under `statuut` (in any scope): for texts ("only the
    directie may ...") and for choosing whom to notify."""
    organen = orgaanrollen(statuut)
    uit: set[str] = set()
    for rij in rijen(statuut, actie, voor=voor, niveau=niveau):
        uit |= _rollen_van_rij(rij, organen)
    return frozenset(uit)


def verantwoordelijke(leerling: Leerling, actie: str, op: date) -> tuple[object | None, str]:
    """Whom a deadline of `actie` about `leerling` goes to: the first row (in the statuut's
    order); in a relation, the staff member who holds that role for this pupil (the pupil's
    mentor or teamleider), else the role itself. (None, "") when nobody holds the action."""
    statuut = _statuut_op(leerling.school_id, op)
    organen = orgaanrollen(statuut)
    for rij in rijen(statuut, actie):
        if rij.rol in Principaal.values:
            continue
        for rol in sorted(_rollen_van_rij(rij, organen)):
            if rij.eigen_leerlingen:
                houder = relaties.relatiehouders(leerling, rol, op).first()
                if houder is not None and houder.user_id:
                    return houder.user, rol
                continue
            return None, rol
    return None, ""


def _ouder_relatie(op: date, prefix: str = "") -> Q:
    """A parent's relation to a pupil, on Ouderschap (through `prefix`): gezag, and the pupil
    a minor on `op` or, being of age, having consented that the parents are informed (the
    rule the letters follow: `Leerling.toestemming_ouders_informeren_op`)."""
    meerderjarig_vanaf = op - relativedelta(years=18)
    return Q(**{f"{prefix}gezag": True}) & (
        Q(**{f"{prefix}leerling__geboortedatum__gt": meerderjarig_vanaf})
        | Q(**{f"{prefix}leerling__toestemming_ouders_informeren_op__isnull": False}))


def _principaal_houdt(user, rij: Bevoegdheid, leerling: Leerling, op: date) -> bool:
    """The pupil and a parent hold a row in their own relation to one pupil."""
    if rij.rol == Principaal.LEERLING:
        return leerling.user_id is not None and leerling.user_id == user.pk
    if rij.rol == Principaal.OUDER:
        return Ouderschap.objects.filter(_ouder_relatie(op), leerling=leerling,
                                         ouder__user=user).exists()
    return False


@onthouden
def bevoegde_rijen(user, actie: str, leerling: Leerling, *, voor: str = "",
                   niveau: int | None = None, op: date | None = None,
                   statuut: Statuut | None = None) -> list[tuple[str, Bevoegdheid]]:
    """The rows (with the role or principal kind they hold in) by which `user` holds
    `actie` for `leerling` on `op`, under the statuut in force then (or `statuut` when the
    flow fixes the day, e.g. a decision under the statuut of its hearing)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.is_superuser:
        return []
    op = _vandaag(op)
    if statuut is None:
        statuut = _statuut_op(leerling.school_id, op)
    gevonden = rijen(statuut, actie, voor=voor, niveau=niveau)
    if not gevonden:
        return []
    medewerker = _medewerker(user)
    toewijzingen = toewijzingen_van(user, leerling.school_id)
    eigen = {t.rol for t in toewijzingen}
    organen = orgaanrollen(statuut) if any(r.rol in Orgaan.values for r in gevonden) else {}
    relatie: dict[str, bool] = {}
    uit: list[tuple[str, Bevoegdheid]] = []
    for rij in gevonden:
        if rij.rol in Principaal.values:
            if _principaal_houdt(user, rij, leerling, op):
                uit.append((rij.rol, rij))
            continue
        for rol in sorted(_rollen_van_rij(rij, organen) & eigen):
            if rij.eigen_leerlingen:
                if rol not in relatie:
                    relatie[rol] = relaties.in_relatie(medewerker, rol, leerling, op,
                                                       toewijzingen=toewijzingen)
                if not relatie[rol]:
                    continue
            uit.append((rol, rij))
    return uit


def bevoegde_rollen(user, actie: str, leerling: Leerling, *, voor: str = "",
                    niveau: int | None = None, op: date | None = None,
                    statuut: Statuut | None = None) -> frozenset[str]:
    """The roles (and principal kinds) in which `user` holds `actie` for `leerling`."""
    return frozenset(rol for rol, _rij in bevoegde_rijen(
        user, actie, leerling, voor=voor, niveau=niveau, op=op, statuut=statuut))


def bevoegd(user, actie: str, leerling: Leerling | None = None, *, school=None,
            voor: str = "", niveau: int | None = None, op: date | None = None,
            statuut: Statuut | None = None) -> bool:
    """May `user` take `actie` for `leerling` (or, without a pupil, at `school` in some
    scope: "may they file a complaint here at all")?"""
    if leerling is not None:
        return bool(bevoegde_rollen(user, actie, leerling, voor=voor, niveau=niveau, op=op,
                                    statuut=statuut))
    if school is None:
        raise ValueError("bevoegd() needs a pupil or a school")
    return getattr(school, "pk", school) in _bevoegde_school_ids(
        user, actie, voor=voor, niveau=niveau, op=op)


#: A row without a level reaches every level.
ONBEGRENSD = 10_000


def hoogste_niveau(user, actie: str, leerling: Leerling, *, voor: str = "",
                   op: date | None = None, statuut: Statuut | None = None) -> int | None:
    """The highest `niveau` of the rows by which `user` holds `actie` for `leerling` (a row
    without a level: `ONBEGRENSD`); None when they hold none."""
    niveaus = [rij.niveau if rij.niveau is not None else ONBEGRENSD
               for _rol, rij in bevoegde_rijen(user, actie, leerling, voor=voor, op=op,
                                               statuut=statuut)]
    return max(niveaus) if niveaus else None


@onthouden
def _per_school(user) -> dict[int, tuple[object, set[str], list[Roltoewijzing]]]:
    uit: dict[int, tuple[object, set[str], list[Roltoewijzing]]] = {}
    for t in toewijzingen_van(user):
        school, rollen, lijst = uit.setdefault(t.school_id, (t.school, set(), []))
        rollen.add(t.rol)
        lijst.append(t)
    return uit


def leerlingen_bevoegd(user, actie: str, *, school=None, voor: str = "",
                       niveau: int | None = None, op: date | None = None) -> QuerySet[Leerling]:
    """The pupils for whom `user` holds `actie` (one queryset of subqueries, for lists)."""
    op = _vandaag(op)
    medewerker = _medewerker(user)
    filter_ = Q(pk__in=[])
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return Leerling.objects.none()
    for school_id, (school_, rollen, toewijzingen) in _per_school(user).items():
        if school is not None and school_id != getattr(school, "pk", school):
            continue
        statuut = _statuut_op(school_, op)
        organen = orgaanrollen(statuut)
        for rij in rijen(statuut, actie, voor=voor, niveau=niveau):
            for rol in _rollen_van_rij(rij, organen) & rollen:
                if not rij.eigen_leerlingen:
                    filter_ |= Q(school_id=school_id)
                    continue
                ids = relaties.leerlingen_in_relatie(medewerker, rol, school_id, op,
                                                     toewijzingen=toewijzingen)
                if ids is not None:
                    filter_ |= Q(school_id=school_id, pk__in=ids)
    # The pupil and the parents, for their own pupil (a portal account).
    eigen_kind = _eigen_kind(user, op)
    for school_ in _principaalscholen(user, op):
        if school is not None and school_.pk != getattr(school, "pk", school):
            continue
        for rij in rijen(_statuut_op(school_, op), actie, voor=voor, niveau=niveau):
            if rij.rol == Principaal.LEERLING:
                filter_ |= Q(school_id=school_.pk, user=user)
            elif rij.rol == Principaal.OUDER:
                filter_ |= Q(school_id=school_.pk, pk__in=eigen_kind)
    return Leerling.objects.filter(pk__in=Leerling.objects.filter(filter_).values("pk"))


def _eigen_kind(user, op: date) -> QuerySet:
    """The pupils `user` is a parent of with a say in their matters (a subquery)."""
    return Ouderschap.objects.filter(_ouder_relatie(op), ouder__user=user).values("leerling_id")


@onthouden
def _principaalscholen(user, op: date) -> list:
    """The schools where `user` is a pupil or such a parent (once per request)."""
    from statuut.models import School

    return list(School.objects.filter(
        Q(leerlingen__user=user) | Q(leerlingen__in=_eigen_kind(user, op))).distinct())


def _bevoegde_school_ids(user, actie: str, *, voor: str = "", niveau: int | None = None,
                         omvang: str | None = None, op: date | None = None) -> list[int]:
    op = _vandaag(op)
    ids = []
    for school_id, (school_, rollen, _t) in _per_school(user).items():
        statuut = _statuut_op(school_, op)
        organen = orgaanrollen(statuut)
        for rij in rijen(statuut, actie, voor=voor, niveau=niveau):
            if omvang == Omvang.SCHOOL and rij.eigen_leerlingen:
                continue
            if _rollen_van_rij(rij, organen) & rollen:
                ids.append(school_id)
                break
    return ids


def scholen_bevoegd(user, actie: str, *, voor: str = "", niveau: int | None = None,
                    omvang: str | None = None, op: date | None = None):
    """The schools where `user`'s roles hold `actie` (with `omvang=Omvang.SCHOOL`: for every
    pupil of the school: the work lists and overviews of a whole school)."""
    from statuut.models import School

    return School.objects.filter(pk__in=_bevoegde_school_ids(
        user, actie, voor=voor, niveau=niveau, omvang=omvang, op=op))


def weigering(statuut: Statuut | None, actie: str, *, voor: str = "",
              niveau: int | None = None, wat: str = "") -> str:
    """Why not, in Dutch, with the article: "Dit mag u niet: een schorsing besluiten is
    volgens artikel 8.1 van het ... voorbehouden aan de directie." `wat`: the step in the
    page's words (default: the action's label). The step tables show and raise this text."""
    from statuut.hulp import artikel_tekst, rollen_tekst

    gevonden = rijen(statuut, actie, voor=voor, niveau=niveau)
    geregistreerd = acties.actie(actie)
    wat = wat or (str(geregistreerd.label) if geregistreerd else actie)
    if not gevonden:
        return _("Dit mag u niet: het leerlingenstatuut geeft niemand de bevoegdheid voor "
                 "%(wat)s.") % {"wat": wat}
    artikelen = [r.artikel for r in gevonden if r.artikel]
    grond = (artikel_tekst(statuut, artikelen) if statuut is not None and artikelen
             else _("het leerlingenstatuut"))
    return _("Dit mag u niet: %(wat)s is volgens %(grond)s voorbehouden aan %(rollen)s.") % {
        "wat": wat, "grond": grond, "rollen": rollen_tekst(sorted({r.rol for r in gevonden}))}
