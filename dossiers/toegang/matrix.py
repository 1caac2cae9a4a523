"""The statuut's access matrix (art. 9), explicit grants, the sources' policies and the
deadlines' subjects.

Part of the access policy `dossiers.toegang`; see the package's docstring."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from guardian.shortcuts import get_objects_for_user

from statuut import stempel
from statuut.models import Handeling, Rol, Toegangsregel

from .. import relaties
from ..models import (
    TOEKENNING_PERMISSIE,
    Brief,
    Dossierstuk,
    Groepsplaatsing,
    Inzagesoort,
    Leerling,
    Medewerker,
    Roltoewijzing,
    Toekenning,
    Toekenningsomvang,
)

if TYPE_CHECKING:
    from statuut.models import Statuut
from .basis import (
    ALLE_SECTIES,
    CENTRALE_CATEGORIEEN,
    DOSSIER,
    GEEN,
    GRANT_CATEGORIEEN,
    SCHRIJVEN_IN_DOSSIER,
    ZORG,
    _medewerker,
    _statuut_op,
    _vandaag,
    bewaard,
    rollen_per_school,
    rollen_van,
    toewijzingen_van,
)
from .geheugen import onthouden, vooraf


def _huidige_plaatsingen(school_id: int, op: date) -> QuerySet[Groepsplaatsing]:
    return relaties.plaatsingen_op(op, school_id=school_id)


def _eigen_leerling_ids(
    medewerker: Medewerker, rol: str, toewijzingen: list[Roltoewijzing], school_id: int, op: date
) -> QuerySet | None:
    """The pupils (ids, as a subquery) in the role's relation (`dossiers.relaties`)."""
    return relaties.leerlingen_in_relatie(medewerker, rol, school_id, op,
                                          toewijzingen=toewijzingen)


@onthouden
def _regels(statuut: Statuut | None, rollen: set[str]) -> list[Toegangsregel]:
    if statuut is None or not rollen:
        return []
    alle = bewaard(("toegangsregels", statuut.pk), lambda: list(
        Toegangsregel.objects.filter(statuut=statuut).order_by("pk")))
    return [stempel.kopie(regel) for regel in alle if regel.rol in rollen]


def _actieve_toekenningen(user, op: date) -> QuerySet[Toekenning]:
    return Toekenning.objects.filter(
        user=user, ingetrokken_op__isnull=True, geldig_vanaf__lte=op, geldig_tot__gte=op
    )


def _toegekende_leerlingen(user, omvang: str = Toekenningsomvang.BEPERKT,
                           op: date | None = None) -> QuerySet[Leerling]:
    """Pupils on which `user` holds the guardian permission of `omvang` *and* a Toekenning
    covers it today: the guardian row is the right, the Toekenning its term."""
    op = _vandaag(op)
    # DESIGN.md trap: guardian's defaults let global permissions and superusers see every row.
    rechten = get_objects_for_user(
        user, f"dossiers.{TOEKENNING_PERMISSIE[omvang]}", klass=Leerling,
        accept_global_perms=False, with_superuser=False,
    )
    return rechten.filter(
        pk__in=_actieve_toekenningen(user, op).filter(omvang=omvang).values("leerling_id")
    )


#: What each kind of explicit grant opens.
TOEKENNING_CATEGORIEEN: dict[str, frozenset[str]] = {
    Toekenningsomvang.BEPERKT: GRANT_CATEGORIEEN,
    Toekenningsomvang.DOSSIER: frozenset({*CENTRALE_CATEGORIEEN, DOSSIER}),
    Toekenningsomvang.ZORG: frozenset({ZORG}),
}


@dataclass(frozen=True)
class Rechten:
    """Everything one user may see and do with one pupil on one day."""

    categorieen: frozenset[str]
    secties: frozenset[str]
    handelingen: frozenset[str]


GEEN_RECHTEN = Rechten(GEEN, GEEN, GEEN)


def _rechten_uit(regels: list[Toegangsregel], in_relatie: Callable[[str], bool],
                 omvangen) -> Rechten:
    """The rights the statuut's `regels` and the grants of `omvangen` give on one pupil;
    `in_relatie(rol)`: does the role's relation ("eigen leerlingen") hold for that pupil."""
    categorieen: set[str] = set()
    secties: set[str] = set()
    handelingen: set[str] = set()
    for regel in regels:
        if regel.alleen_eigen_leerlingen and not in_relatie(regel.rol):
            continue
        categorieen |= set(regel.categorieen)
        handelingen |= set(regel.handelingen)
        if DOSSIER in regel.categorieen:
            secties |= set(regel.dossiersecties or ALLE_SECTIES)
    for omvang in omvangen:
        extra = TOEKENNING_CATEGORIEEN[omvang]
        categorieen |= extra
        if DOSSIER in extra:
            secties |= set(ALLE_SECTIES)
    if DOSSIER not in categorieen:
        secties = set()
    # Writing in a part of the dossier requires reading it.
    if not secties:
        handelingen -= SCHRIJVEN_IN_DOSSIER
    return Rechten(frozenset(categorieen), frozenset(secties), frozenset(handelingen))


def rechten(user, leerling: Leerling, *, op: date | None = None) -> Rechten:
    """The categories ("A".."H", "dossier", "zorg"), dossier sections and actions (`Handeling`
    values) of `leerling` open to `user` on `op`: the statuut's rules for the user's roles whose
    relation holds, plus explicit grants in force."""
    # The day is settled first, so "today" asked with and without `op` is one answer.
    return _rechten(user, leerling, _vandaag(op))


@onthouden
def _rechten(user, leerling: Leerling, op: date) -> Rechten:
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN_RECHTEN
    toewijzingen = toewijzingen_van(user, leerling.school_id)
    regels = _regels(_statuut_op(leerling.school_id, op), {t.rol for t in toewijzingen})

    def in_relatie(rol: str) -> bool:
        ids = _eigen_leerling_ids(medewerker, rol, toewijzingen, leerling.school_id, op)
        return ids is not None and ids.filter(leerling_id=leerling.pk).exists()

    def omvangen():
        if not _toekenningsomvangen(user, op):  # most staff hold no grant at all (kept)
            return
        for omvang in _actieve_toekenningen(user, op).filter(leerling=leerling).values_list(
                "omvang", flat=True).distinct():
            if _toegekende_leerlingen(user, omvang, op).filter(pk=leerling.pk).exists():
                yield omvang

    return _rechten_uit(regels, in_relatie, omvangen())


def rechten_per_leerling(user, leerlingen, *, op: date | None = None) -> dict[int, Rechten]:
    """`rechten` of each of `leerlingen` (with their school), by pk, in a fixed number of
    queries (the roles, the grants, and one per school and relation role), not a few per
    pupil: for lists (issue 15). Inside a request each answer is also remembered as
    `rechten(user, leerling, op=op)`'s, so the policies asked per pupil afterwards (a flow's
    `bronbeleid`) ask no query for it."""
    leerlingen = list(leerlingen)
    op = _vandaag(op)
    medewerker = _medewerker(user)
    if medewerker is None:
        uit = {ll.pk: GEEN_RECHTEN for ll in leerlingen}
    else:
        per_school: dict[int, list[Leerling]] = {}
        for ll in leerlingen:
            per_school.setdefault(ll.school_id, []).append(ll)
        alle = list(Roltoewijzing.objects.filter(medewerker=medewerker,
                                                 school_id__in=list(per_school)))
        paren = set(_actieve_toekenningen(user, op).filter(
            leerling_id__in=[ll.pk for ll in leerlingen]).values_list("leerling_id", "omvang"))
        toegekend: dict[int, list[str]] = {}
        for omvang in sorted({o for _ll, o in paren}):
            for pk in _toegekende_leerlingen(user, omvang, op).filter(
                    pk__in=[ll for ll, o in paren if o == omvang]).values_list("pk", flat=True):
                toegekend.setdefault(pk, []).append(omvang)
        uit = {}
        for school_id, eigen in per_school.items():
            toewijzingen = [t for t in alle if t.school_id == school_id]
            regels = _regels(_statuut_op(eigen[0].school_id, op), {t.rol for t in toewijzingen})
            relatie: dict[str, set[int]] = {}
            for rol in sorted({r.rol for r in regels if r.alleen_eigen_leerlingen}):
                ids = _eigen_leerling_ids(medewerker, rol, toewijzingen, school_id, op)
                relatie[rol] = set() if ids is None else set(
                    ids.filter(leerling_id__in=[ll.pk for ll in eigen])
                    .values_list("leerling_id", flat=True))
            for ll in eigen:
                uit[ll.pk] = _rechten_uit(regels, lambda rol, pk=ll.pk, r=relatie: pk in r[rol],
                                          toegekend.get(ll.pk, ()))
    for ll in leerlingen:
        vooraf(_rechten, (user, ll, op), {}, uit[ll.pk])
    return uit


def zichtbare_categorieen(user, leerling: Leerling, *, op: date | None = None) -> frozenset[str]:
    """The categories ("A".."H", "dossier", "zorg") of `leerling` that `user` may see on `op`."""
    return rechten(user, leerling, op=op).categorieen


def zichtbare_secties(user, leerling: Leerling, *, op: date | None = None) -> frozenset[str]:
    """The parts (`Dossiersectie` values) of the personal dossier `user` may read."""
    return rechten(user, leerling, op=op).secties


def mag_zien(user, leerling: Leerling, categorie: str, *, op: date | None = None) -> bool:
    """May `user` see category `categorie` ("A".."H", "dossier" or "zorg") of `leerling`?"""
    return categorie in zichtbare_categorieen(user, leerling, op=op)


def mag(user, handeling: str, leerling: Leerling, *, op: date | None = None) -> bool:
    """May `user` do `handeling` (a `statuut.Handeling`) with `leerling`'s dossier?"""
    return handeling in rechten(user, leerling, op=op).handelingen


def mag_sectie_zien(user, leerling: Leerling, sectie: str, *, op: date | None = None) -> bool:
    return sectie in zichtbare_secties(user, leerling, op=op)


def schoolhandelingen(user, *, op: date | None = None) -> dict[int, frozenset[str]]:
    """Per school id: the actions `user` may do there for every pupil (rules not limited to
    own pupils), such as handling the outgoing post or searching the read log."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return {}
    op = _vandaag(op)
    per_school = rollen_per_school(user)
    # Kept on this user object for the menu of the same request (`heeft_directierol`).
    user._menu_rollen = frozenset(r for _s, rollen in per_school.values() for r in rollen)
    uit = {}
    for school_id, (school, rollen) in per_school.items():
        regels = _regels(_statuut_op(school, op), rollen)
        uit[school_id] = frozenset(
            h for r in regels if not r.alleen_eigen_leerlingen for h in r.handelingen
        )
    return uit


def schoolcategorieen(user, *, op: date | None = None) -> dict[int, frozenset[str]]:
    """Per school id: the categories `user` sees of every pupil there (rules not limited to
    own pupils), e.g. the administratie keeping the central administration (art. 9.3)."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return {}
    op = _vandaag(op)
    per_school = rollen_per_school(user)
    return {
        school_id: frozenset(c for r in _regels(_statuut_op(school, op), rollen)
                             if not r.alleen_eigen_leerlingen for c in r.categorieen)
        for school_id, (school, rollen) in per_school.items()
    }


def scholen_waar(user, handeling: str, *, op: date | None = None):
    """The schools where `user` may do `handeling` for every pupil (a queryset of School)."""
    from statuut.models import School

    ids = [sid for sid, h in schoolhandelingen(user, op=op).items() if handeling in h]
    return School.objects.filter(pk__in=ids)


def mag_op_school(user, handeling: str, school, *, op: date | None = None) -> bool:
    return scholen_waar(user, handeling, op=op).filter(pk=school.pk).exists()


#: Flows whose dossier entries follow the flow's own policy on top of the dossier section:
#: app label -> fn(user, leerling, op) returning either None (every source of that flow is
#: readable for this user and pupil) or a list of (model, queryset of readable pks). An entry
#: is "of the flow" when its source is an object of the flow, or a letter requested for one.
#: Seeing the "welzijn" section is no reason to read a care note, nor is seeing
#: "correspondentie" a reason to read a complaint about oneself.
_BRONBELEID: dict[str, Callable[..., list | None]] = {}
#: app label -> the kind of record (`Inzagesoort`) its objects are, for the read log.
_INZAGESOORT: dict[str, str] = {}


def bronbeleid(app_label: str, *, inzagesoort: str = Inzagesoort.DOSSIER):
    """Register the policy for dossier entries (and letters) whose source belongs to
    `app_label`, and the kind of record its objects are in the read log."""
    def registreer(fn):
        _BRONBELEID[app_label] = fn
        _INZAGESOORT[app_label] = inzagesoort
        return fn
    return registreer


def inzagesoort(object) -> str:
    """The kind of record (`Inzagesoort`) an object of a flow is, for the read log: as its
    flow registered it, else the personal dossier (a measure, a note, a letter)."""
    if isinstance(object, Brief):  # a letter is of its source's kind (no query)
        if object.bron_type_id is None:
            return Inzagesoort.DOSSIER
        app_label = ContentType.objects.get_for_id(object.bron_type_id).app_label
    else:
        app_label = object._meta.app_label
    return _INZAGESOORT.get(app_label, Inzagesoort.DOSSIER)


def _van_bronnen(bron: Q) -> Q:
    """Entries whose source matches `bron` (a Q on bron_type/bron_id), or whose source is a
    letter requested for such a source."""
    brieven = Brief.objects.filter(bron).values("pk")
    return bron | Q(bron_type=ContentType.objects.get_for_model(Brief), bron_id__in=brieven)


def dossierstukken_voor(user, leerling: Leerling, *, op: date | None = None,
                        secties: frozenset[str] | None = None) -> QuerySet[Dossierstuk]:
    """The pupil's dossier entries `user` may read (tombstones included): in the sections
    the statuut opens to them, and of a flow's sources only what that flow's policy allows
    (`bronbeleid`). `secties` may be passed when the caller already has them."""
    op = _vandaag(op)
    if secties is None:
        secties = zichtbare_secties(user, leerling, op=op)
    if not secties:
        return Dossierstuk.objects.none()
    stukken = Dossierstuk.objects.filter(leerling=leerling, sectie__in=secties)
    for app_label, beleid in _BRONBELEID.items():
        leesbaar = beleid(user, leerling, op)
        if leesbaar is None:
            continue
        toegestaan = Q(pk__in=[])
        for model, pks in leesbaar:
            toegestaan |= _van_bronnen(Q(bron_type=ContentType.objects.get_for_model(model),
                                         bron_id__in=pks))
        stukken = stukken.exclude(_van_bronnen(Q(bron_type__app_label=app_label))
                                  & ~toegestaan)
    return stukken


def brieven_voor(user, *, op: date | None = None) -> QuerySet[Brief]:
    """Letters `user` handles in the outgoing post: all letters of the schools where they
    send the post, to see addressee and status. Whether they may open one is
    `brieven_leesbaar`, as for anyone else."""
    return Brief.objects.filter(
        school__in=scholen_waar(user, Handeling.BRIEF_VERZENDEN, op=op)
    )


def brieven_leesbaar(user, brieven, *, op: date | None = None) -> set[int]:
    """The pks of the letters in `brieven` whose content `user` may read: the same policy as
    the letter's source (issue 11, 12). A letter requested for a flow's object follows that
    flow's own policy (`bronbeleid`): a complaint's letters whoever has full sight of the
    complaint, a care case's the zorg rules (the zorgcoördinator who requested the
    invitation, the mentor), a measure's whoever may see the pupil's measures. A letter
    without a flow source follows the dossier section it is filed in. Sending the post is
    no reason to read a letter. The rights in a fixed number of queries for all pupils; a
flow's own policy per pupil whose letters come from that flow."""
    from ..brieven.soorten import SOORTEN

    op = _vandaag(op)
    per_leerling: dict[int, list[Brief]] = {}
    for brief in brieven:
        per_leerling.setdefault(brief.leerling_id, []).append(brief)
    leerlingen = Leerling.objects.select_related("school").in_bulk(per_leerling)
    # Every pupil's rights at once (and remembered for the flows' policies below).
    alle_rechten = rechten_per_leerling(user, leerlingen.values(), op=op)
    uit: set[int] = set()
    for leerling_id, eigen in per_leerling.items():
        leerling = leerlingen.get(leerling_id)
        if leerling is None:
            continue
        per_app: dict[str, list[Brief]] = {}
        zonder_bron = []
        for brief in eigen:
            app = (ContentType.objects.get_for_id(brief.bron_type_id).app_label
                   if brief.bron_type_id else None)
            if app in _BRONBELEID:
                per_app.setdefault(app, []).append(brief)
            else:
                zonder_bron.append(brief)
        if zonder_bron:
            secties = alle_rechten[leerling_id].secties
            uit.update(b.pk for b in zonder_bron
                       if b.soort in SOORTEN and SOORTEN[b.soort].sectie in secties)
        for app, van_flow in per_app.items():
            leesbaar = _BRONBELEID[app](user, leerling, op)
            if leesbaar is None:
                uit.update(b.pk for b in van_flow)
                continue
            for model, pks in leesbaar:
                bron_type = ContentType.objects.get_for_model(model)
                per_bron: dict[int, list[int]] = {}
                for b in van_flow:
                    if b.bron_type_id == bron_type.pk:
                        per_bron.setdefault(b.bron_id, []).append(b.pk)
                if per_bron:
                    for bron_id in pks.filter(pk__in=list(per_bron)).values_list("pk",
                                                                                 flat=True):
                        uit.update(per_bron[bron_id])
    return uit


def brief_leesbaar(user, brief: Brief, *, op: date | None = None) -> bool:
    return brief.pk in brieven_leesbaar(user, [brief], op=op)


@dataclass(frozen=True)
class Toekenningsbeleid:
    """A grant scope whose content a flow governs (the care file: the zorg flow). The flow
    says, from its own authority rows, who may give it on one pupil (`mag_geven(user,
    leerling, op)`, never more than they see themselves) and which roles see it already for
    every pupil of the school (`zien_al(leerling, op)`: never a recipient; `al_gezien` says
    so, with the person's name as %(n)s)."""

    mag_geven: Callable[..., bool]
    zien_al: Callable[..., frozenset[str]]
    al_gezien: str


#: `Toekenningsomvang` value -> the flow's policy for it (registered from the flow's ready()).
_TOEKENNINGSBELEID: dict[str, Toekenningsbeleid] = {}


def toekenningsbeleid(omvang: str, *, mag_geven, zien_al, al_gezien) -> None:
    """Register the flow's policy for the grant scope `omvang` (see `Toekenningsbeleid`)."""
    _TOEKENNINGSBELEID[omvang] = Toekenningsbeleid(mag_geven, zien_al, al_gezien)


def toe_te_kennen(user, leerling: Leerling, *, op: date | None = None,
                  omvang: str | None = None) -> list[str]:
    """The grant scopes (`Toekenningsomvang`) `user` may give others on `leerling`: only with
    the right to grant, and never more than they see themselves. A scope a flow governs
    (`toekenningsbeleid`) is given from that flow's page and answered by its policy when it
    is asked for by name (`omvang`); without `omvang`: the scopes of the matrix (art. 9)."""
    beleid = _TOEKENNINGSBELEID.get(omvang)
    if beleid is not None:
        return [omvang] if beleid.mag_geven(user, leerling, _vandaag(op)) else []
    eigen = rechten(user, leerling, op=op)
    if Handeling.TOEKENNING_VERLENEN not in eigen.handelingen:
        return []
    return [o for o, cats in TOEKENNING_CATEGORIEEN.items()
            if cats <= eigen.categorieen and omvang in (None, o)]


def zien_al(leerling: Leerling, omvang: str, *, op: date | None = None) -> frozenset[str]:
    """The roles that see already what a grant of `omvang` on `leerling` would open (for a
    scope a flow governs; none for the matrix's scopes): never a recipient of it."""
    beleid = _TOEKENNINGSBELEID.get(omvang)
    return beleid.zien_al(leerling, _vandaag(op)) if beleid is not None else GEEN


def al_gezien(aan, leerling: Leerling, omvang: str, *, op: date | None = None) -> str:
    """Why a grant of `omvang` to `aan` is not needed (the flow's Dutch text), or ""."""
    beleid = _TOEKENNINGSBELEID.get(omvang)
    if beleid is None or not rollen_van(aan, leerling.school_id) & zien_al(leerling, omvang,
                                                                            op=op):
        return ""
    from statuut.hulp import naam_van

    return str(beleid.al_gezien) % {"n": naam_van(aan)}


def leerlingen_voor(user, *, op: date | None = None, categorie: str | None = None,
                    sectie: str | None = None) -> QuerySet[Leerling]:
    """All pupils of whom `user` may see at least one category (or, with `categorie`, that
    category, e.g. "B" for the parents' data; with `sectie`, that part of the personal
    dossier, as `zichtbare_secties` says it), as one filtered queryset.

    A fixed number of queries per school of the user builds the filter (once per request);
    the result is a queryset with subqueries, never a loop over pupils, so callers can join
    and paginate.
    """
    if _medewerker(user) is None:
        return Leerling.objects.none()
    return Leerling.objects.filter(_leerlingenfilter(user, _vandaag(op), categorie, sectie))


@onthouden
def _toekenningsomvangen(user, op: date) -> frozenset[str]:
    """The kinds of grant `user` holds in force on `op` for any pupil: most staff hold none,
    and then the guardian subquery of `_toegekende_leerlingen` (several queries to build,
    costly to plan) is not needed to know it opens nothing."""
    return bewaard(("toekenningen", user.pk, op), lambda: frozenset(
        _actieve_toekenningen(user, op).values_list("omvang", flat=True)))


@onthouden
def _leerlingenfilter(user, op: date, categorie: str | None, sectie: str | None) -> Q:
    medewerker = _medewerker(user)
    toewijzingen = toewijzingen_van(user)
    per_school: dict[int, list[Roltoewijzing]] = {}
    for t in toewijzingen:
        per_school.setdefault(t.school_id, []).append(t)

    if sectie is not None:
        categorie = DOSSIER
    filter_ = Q(pk__in=[])  # nothing unless a grant or a row opens it
    gevraagd = {categorie} if categorie else set(CENTRALE_CATEGORIEEN)
    toegekend = _toekenningsomvangen(user, op)
    for omvang, cats in TOEKENNING_CATEGORIEEN.items():
        if cats & gevraagd and omvang in toegekend:
            filter_ |= Q(pk__in=_toegekende_leerlingen(user, omvang, op).values("pk"))
    for school_id, eigen in per_school.items():
        regels = [
            r for r in _regels(_statuut_op(eigen[0].school_id, op), {t.rol for t in eigen})
            if (categorie in r.categorieen if categorie else r.categorieen)
            and (sectie is None or not r.dossiersecties or sectie in r.dossiersecties)
        ]
        if any(not r.alleen_eigen_leerlingen for r in regels):
            filter_ |= Q(school_id=school_id)
            continue
        for regel in regels:
            ids = _eigen_leerling_ids(medewerker, regel.rol, eigen, school_id, op)
            if ids is not None:
                filter_ |= Q(school_id=school_id, pk__in=ids)
    return filter_


#: Flows whose deadlines follow the policy of the deadline's subject: "app_label.model" ->
#: fn(user) returning a queryset of the subject pks `user` may see. A deadline about a
#: subject someone may not see (a confidential complaint, say) is invisible to them in every
#: list, feed, page and reminder, whatever their role.
_ONDERWERPBELEID: dict[str, Callable[..., QuerySet]] = {}


def onderwerpbeleid(model_label: str):
    """Register the policy for deadlines whose subject is a `model_label` object."""
    def registreer(fn):
        _ONDERWERPBELEID[model_label] = fn
        return fn
    return registreer


@onthouden
def termijnen_zichtbaar_filter(user, soorten: frozenset[int] | None = None) -> Q:
    """A Q on `statuut.Termijn`: only deadlines whose subject (where its flow registered a
    policy) `user` may see. `soorten`: the subjects' content type ids the deadlines at hand
    can have (building every flow's policy is most of a start page's time): deadlines of
    the other kinds are left out without building their policies."""
    filter_ = Q()
    for label, beleid in _ONDERWERPBELEID.items():
        soort = ContentType.objects.get_by_natural_key(*label.split("."))
        if soorten is not None and soort.pk not in soorten:
            # None at hand: excluded outright (no subquery), so a deadline of this kind made
            # since `soorten` was read is never shown unchecked.
            filter_ &= ~Q(onderwerp_type=soort)
            continue
        filter_ &= ~Q(onderwerp_type=soort) | Q(onderwerp_id__in=beleid(user))
    return filter_


def mag_termijn_onderwerp_zien(user, termijn) -> bool:
    return type(termijn)._default_manager.filter(
        termijnen_zichtbaar_filter(user), pk=termijn.pk).exists()


def mag_termijn_zien(user, termijn) -> bool:
    """A deadline's explanation: for the person responsible (by name, or by holding the
    responsible role at its school), and for directie of its school (the one above everyone
    in the escalation line); in each case only when they may see its subject."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if termijn.verantwoordelijke_id == user.pk:
        return mag_termijn_onderwerp_zien(user, termijn)
    rollen = rollen_van(user, termijn.school_id)
    if not termijn.verantwoordelijke_id and termijn.verantwoordelijke_rol in rollen:
        return mag_termijn_onderwerp_zien(user, termijn)
    return Rol.DIRECTIE in rollen and mag_termijn_onderwerp_zien(user, termijn)
