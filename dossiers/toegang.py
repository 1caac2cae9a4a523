"""The one access policy: who may see which part of which pupil's data.

Everything that shows or touches pupil data asks this module; nothing else checks roles.
The answer comes from data, never from an `if` on the school:

- the statuut in force at the pupil's school (`statuut.selectors.statuut_op`) and its access
  matrix (`Toegangsregel`: role -> categories A..H and "dossier", Echnaton art. 9.3/9.4,
  Noordgouw art. 6.2);
- the user's roles at that school (`Roltoewijzing`);
- the user's relation to the pupil in the current school year, for rules that apply only to
  "eigen leerlingen": mentor of a group the pupil is placed in, docent with a lesopdracht for
  such a group, teamleider of the group's afdeling;
- explicit per-object grants kept with django-guardian (`view_leerling` on one Leerling
  opens the limited part A, D, E and G of art. 9.4, `inzien_dossier` the pupil data and the
  dossier, `inzien_zorg` the care file), honoured only while a `Toekenning` records who gave
  it, why, and from when until when.

Besides reading, the matrix names actions (`statuut.Handeling`: add to the dossier, correct,
clean up, request and send letters, grant, search the read log), each in the same relation.

No statuut or no matching rule means no access. A user without a Medewerker sees nothing, and
a superuser gets nothing for free here: the functioneel beheerder works in the admin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from guardian.shortcuts import get_objects_for_user

from statuut.models import Dossiersectie, Gegevenscategorie, Handeling, Rol, Toegangsregel

from . import relaties
from .models import (
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
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from statuut.models import School, Statuut

#: The central administration categories (art. 9.1), in display order.
CENTRALE_CATEGORIEEN: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G", "H")
DOSSIER = Gegevenscategorie.DOSSIER.value
#: The care file (zorg): not part of art. 9's matrix; opened by the zorg flow's own rules
#: and by an explicit grant.
ZORG = "zorg"
ALLE_SECTIES: tuple[str, ...] = tuple(Dossiersectie.values)
#: Actions that write in the dossier and therefore need at least one readable section.
SCHRIJVEN_IN_DOSSIER = frozenset({Handeling.DOSSIER_TOEVOEGEN, Handeling.DOSSIER_CORRIGEREN,
                                  Handeling.DOSSIER_OPSCHONEN})

#: What a limited explicit grant on one pupil opens: the limited part of art. 9.4.
GRANT_CATEGORIEEN: frozenset[str] = frozenset({"A", "D", "E", "G"})

GEEN: frozenset[str] = frozenset()


def _vandaag(op: date | None) -> date:
    return op if op is not None else timezone.localdate()


def _medewerker(user: AbstractBaseUser | AnonymousUser | None) -> Medewerker | None:
    # A superuser sets up the system; that is no reason to read about a child, even when the
    # same account also holds a role at a school: use a separate, ordinary account for that.
    if (user is None or not user.is_authenticated or not user.is_active
            or user.is_superuser):
        return None
    try:
        return user.medewerker
    except Medewerker.DoesNotExist:
        return None


def _statuut_op(school: School, op: date) -> Statuut | None:
    from statuut.selectors import statuut_op

    return statuut_op(school, op)


def rollen_van(user, school: School | int) -> frozenset[str]:
    """The roles (`Rol` values) the user has at `school`; empty without a Medewerker."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN
    return frozenset(
        Roltoewijzing.objects.filter(medewerker=medewerker, school=school)
        .values_list("rol", flat=True)
    )


def scholen_van(user):
    """The schools where the user has at least one role (a queryset of School)."""
    from statuut.models import School

    medewerker = _medewerker(user)
    if medewerker is None:
        return School.objects.none()
    return School.objects.filter(roltoewijzingen__medewerker=medewerker).distinct()


def _huidige_plaatsingen(school_id: int, op: date) -> QuerySet[Groepsplaatsing]:
    return relaties.plaatsingen_op(op, school_id=school_id)


def _eigen_leerling_ids(
    medewerker: Medewerker, rol: str, toewijzingen: list[Roltoewijzing], school_id: int, op: date
) -> QuerySet | None:
    """The pupils (ids, as a subquery) in the role's relation (`dossiers.relaties`)."""
    return relaties.leerlingen_in_relatie(medewerker, rol, school_id, op,
                                          toewijzingen=toewijzingen)


def _regels(statuut: Statuut | None, rollen: set[str]) -> list[Toegangsregel]:
    if statuut is None or not rollen:
        return []
    return list(Toegangsregel.objects.filter(statuut=statuut, rol__in=rollen))


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


def rechten(user, leerling: Leerling, *, op: date | None = None) -> Rechten:
    """The categories ("A".."H", "dossier", "zorg"), dossier sections and actions (`Handeling`
    values) of `leerling` open to `user` on `op`: the statuut's rules for the user's roles whose
    relation holds, plus explicit grants in force."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN_RECHTEN
    op = _vandaag(op)
    toewijzingen = list(Roltoewijzing.objects.filter(medewerker=medewerker,
                                                     school_id=leerling.school_id))
    categorieen: set[str] = set()
    secties: set[str] = set()
    handelingen: set[str] = set()
    regels = _regels(_statuut_op(leerling.school, op), {t.rol for t in toewijzingen})
    for regel in regels:
        if regel.alleen_eigen_leerlingen:
            ids = _eigen_leerling_ids(medewerker, regel.rol, toewijzingen, leerling.school_id, op)
            if ids is None or not ids.filter(leerling_id=leerling.pk).exists():
                continue
        categorieen |= set(regel.categorieen)
        handelingen |= set(regel.handelingen)
        if DOSSIER in regel.categorieen:
            secties |= set(regel.dossiersecties or ALLE_SECTIES)
    for omvang in _actieve_toekenningen(user, op).filter(leerling=leerling).values_list(
        "omvang", flat=True
    ).distinct():
        if _toegekende_leerlingen(user, omvang, op).filter(pk=leerling.pk).exists():
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
    per_school: dict[int, tuple[School, set[str]]] = {}
    for t in Roltoewijzing.objects.filter(medewerker=medewerker).select_related("school"):
        per_school.setdefault(t.school_id, (t.school, set()))[1].add(t.rol)
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
    per_school: dict[int, tuple[School, set[str]]] = {}
    for t in Roltoewijzing.objects.filter(medewerker=medewerker).select_related("school"):
        per_school.setdefault(t.school_id, (t.school, set()))[1].add(t.rol)
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


def inzagelog_soorten(user, *, op: date | None = None) -> dict[int, frozenset[str]]:
    """Per school whose read log `user` may search: the kinds of record (`Inzagesoort`) whose
    part names, lists and filters they see in it. A log line is visible exactly to those who
    may see its subject (issue 11): the personal dossier and measures to whom the matrix
    opens the dossier of every pupil of the school, care to whom the zorg rules give every
    care file with the meldcode, complaints to the schoolleiding, a confidential report to the
    vertrouwenspersoon. The others (the functioneel beheerder, whose role opens no pupil
    data) see such a row with a neutral part name: that someone read a pupil's data, not
    whether the pupil has a care, complaint or measure record."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return {}
    op = _vandaag(op)
    uit = {}
    for school in scholen_waar(user, Handeling.INZAGELOG_ZIEN, op=op):
        rollen = rollen_van(user, school)
        statuut = _statuut_op(school, op)
        soorten = set()
        if any(DOSSIER in r.categorieen and not r.alleen_eigen_leerlingen
               for r in _regels(statuut, set(rollen))):
            soorten.add(Inzagesoort.DOSSIER)
        zorgregels = _zorgregels(statuut)
        if any(rol in zorgregels and zorgregels[rol].niveau >= ZORG_MELDCODE
               and not zorgregels[rol].alleen_eigen_leerlingen for rol in rollen):
            soorten.add(Inzagesoort.ZORG)
        if Rol.DIRECTIE in rollen:
            soorten.add(Inzagesoort.KLACHT)
        if Rol.VERTROUWENSPERSOON in rollen:
            soorten.add(Inzagesoort.VERTROUWELIJK)
        uit[school.pk] = frozenset(soorten)
    return uit


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
    no reason to read a letter. A fixed number of queries per pupil, not per letter."""
    from .brieven.soorten import SOORTEN

    op = _vandaag(op)
    per_leerling: dict[int, list[Brief]] = {}
    for brief in brieven:
        per_leerling.setdefault(brief.leerling_id, []).append(brief)
    leerlingen = Leerling.objects.select_related("school").in_bulk(per_leerling)
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
            secties = zichtbare_secties(user, leerling, op=op)
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


def toe_te_kennen(user, leerling: Leerling, *, op: date | None = None) -> list[str]:
    """The grant scopes (`Toekenningsomvang`) `user` may give others on `leerling`: only with
    the right to grant, and never more than they see themselves."""
    eigen = rechten(user, leerling, op=op)
    if Handeling.TOEKENNING_VERLENEN not in eigen.handelingen:
        return []
    return [omvang for omvang, cats in TOEKENNING_CATEGORIEEN.items()
            if cats <= eigen.categorieen]


def leerlingen_voor(user, *, op: date | None = None, categorie: str | None = None
                    ) -> QuerySet[Leerling]:
    """All pupils of whom `user` may see at least one category (or, with `categorie`, that
    category, e.g. "B" for the parents' data), as one filtered queryset.

    A fixed number of queries per school of the user builds the filter; the result is a
    queryset with subqueries, never a loop over pupils, so callers can join and paginate.
    """
    medewerker = _medewerker(user)
    if medewerker is None:
        return Leerling.objects.none()
    op = _vandaag(op)
    toewijzingen = list(
        Roltoewijzing.objects.filter(medewerker=medewerker).select_related("school")
    )
    per_school: dict[int, list[Roltoewijzing]] = {}
    for t in toewijzingen:
        per_school.setdefault(t.school_id, []).append(t)

    filter_ = Q()
    gevraagd = {categorie} if categorie else set(CENTRALE_CATEGORIEEN)
    for omvang, cats in TOEKENNING_CATEGORIEEN.items():
        if cats & gevraagd:
            filter_ |= Q(pk__in=_toegekende_leerlingen(user, omvang, op).values("pk"))
    for school_id, eigen in per_school.items():
        regels = [
            r for r in _regels(_statuut_op(eigen[0].school, op), {t.rol for t in eigen})
            if (categorie in r.categorieen if categorie else r.categorieen)
        ]
        if any(not r.alleen_eigen_leerlingen for r in regels):
            filter_ |= Q(school_id=school_id)
            continue
        for regel in regels:
            ids = _eigen_leerling_ids(medewerker, regel.rol, eigen, school_id, op)
            if ids is not None:
                filter_ |= Q(school_id=school_id, pk__in=ids)
    return Leerling.objects.filter(filter_)


#: Which blocks of the start page a role gets. The page shows only what the selectors,
#: filtered by this module, return; these blocks only decide what to offer.
STARTONDERDELEN: dict[str, frozenset[str]] = {
    Rol.MENTOR: frozenset({"mentorgroepen"}),
    Rol.DOCENT: frozenset({"lesgroepen"}),
    Rol.TEAMLEIDER: frozenset({"afdelingsgroepen"}),
    Rol.ZORGCOORDINATOR: frozenset({"leerlingen_zoeken"}),
    Rol.DIRECTIE: frozenset({"leerlingen_zoeken", "statuut_waarschuwing"}),
    Rol.ADMINISTRATIE: frozenset({"leerlingen_zoeken"}),
    Rol.FUNCTIONEEL_BEHEERDER: frozenset({"beheer", "statuut_stand"}),
}


def startonderdelen(rollen: frozenset[str]) -> frozenset[str]:
    """The start page blocks for a set of roles at one school."""
    uit: set[str] = set()
    for rol in rollen:
        uit |= STARTONDERDELEN.get(rol, GEEN)
    return frozenset(uit)


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


def termijnen_zichtbaar_filter(user) -> Q:
    """A Q on `statuut.Termijn`: only deadlines whose subject (where its flow registered a
    policy) `user` may see."""
    filter_ = Q()
    for label, beleid in _ONDERWERPBELEID.items():
        soort = ContentType.objects.get_by_natural_key(*label.split("."))
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


# --- Klachten (issue 5) ---
# Complaints, beroep and bezwaar (Echnaton art. 12 and bijlage B, Noordgouw art. 19). The
# klachten app passes its querysets and the stage's `behandelaar` (a Rol or an Orgaan value
# from the statuut); this block decides. Field names of the klachten models appear only in
# queryset lookups, so `dossiers` still imports nothing of the flow.

#: Who acts for a body the statuut names as behandelaar (no Rol of its own). DEFAULT where the
#: seeds are silent: the rector-bestuurder (bevoegd gezag, Noordgouw art. 1) holds the
#: directie role; the contact person who refers to the Landelijke Klachtencommissie (Echnaton
#: art. 12 "Bij geen gehoor" lid 2) is the directie or the vertrouwenspersoon.
KLACHT_ORGAAN_ROLLEN: dict[str, frozenset[str]] = {
    "bevoegd_gezag": frozenset({Rol.DIRECTIE}),
    "klachtencommissie": frozenset({Rol.DIRECTIE, Rol.VERTROUWENSPERSOON}),
}
#: The geschillencommissie acts through its secretary (bijlage B lid 8 and 9).
KLACHT_SECRETARIS = "geschillencommissie"
#: Roles that never see complaint content (they set the school up, they do not handle cases).
KLACHT_GEEN_INHOUD = frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.EXTERN})
#: Roles that may file a complaint on a complainant's behalf. DEFAULT: every staff member
#: with a role at the school that works with pupils.
KLACHT_INDIENERS = frozenset({Rol.DOCENT, Rol.MENTOR, Rol.TEAMLEIDER, Rol.ZORGCOORDINATOR,
                              Rol.REMEDIAL_TEACHER, Rol.VERTROUWENSPERSOON, Rol.DECAAN,
                              Rol.DIRECTIE, Rol.ADMINISTRATIE})
VOLLEDIG = "volledig"
BEKLAAGDE = "beklaagde"


def _klacht_medewerker(user) -> Medewerker | None:
    medewerker = _medewerker(user)
    if medewerker is None or user.is_superuser:
        return None  # a superuser sees no complaint content, whatever else they are
    return medewerker


def klachten_voor(user, klachten: QuerySet, *, op: date | None = None) -> QuerySet:
    """The complaints of `klachten` that `user` has business with, as one filtered queryset.

    Confidential ones (route vertrouwelijk, sexual intimidation): only the school's
    vertrouwenspersoon and whoever they shared it with. The others: the directie
    (schoolleiding) of the school; the mentor and teamleider in their relation to the pupil;
    the person complained about; whoever handles or handled a stage; the commission's
    secretary; the staff member who filed it.
    """
    medewerker = _klacht_medewerker(user)
    if medewerker is None:
        return klachten.none()
    op = _vandaag(op)
    toewijzingen = list(Roltoewijzing.objects.filter(medewerker=medewerker))
    per_school: dict[int, list[Roltoewijzing]] = {}
    for t in toewijzingen:
        per_school.setdefault(t.school_id, []).append(t)
    # The commission's secretary comes from the schoolleiding (bijlage B lid 8): the role
    # is honoured only while they hold directie at that school, so nobody (a beheerder
    # editing a commission, say) becomes a reader by being named secretary.
    directiescholen = [t.school_id for t in toewijzingen if t.rol == Rol.DIRECTIE]
    algemeen = (Q(beklaagde=medewerker) | Q(stappen__behandelaar=user)
                | Q(zaak__commissie__secretaris=medewerker, school_id__in=directiescholen)
                | Q(ingediend_door=user))
    vertrouwelijk = Q(gedeeld_met=user)
    for school_id, eigen in per_school.items():
        rollen = {t.rol for t in eigen}
        if rollen <= KLACHT_GEEN_INHOUD:
            continue
        if Rol.VERTROUWENSPERSOON in rollen:
            vertrouwelijk |= Q(school_id=school_id)
        if Rol.DIRECTIE in rollen:
            algemeen |= Q(school_id=school_id)
            continue
        for rol in (Rol.MENTOR, Rol.TEAMLEIDER):
            if rol in rollen:
                ids = _eigen_leerling_ids(medewerker, rol, eigen, school_id, op)
                if ids is not None:
                    algemeen |= Q(school_id=school_id, leerling_id__in=ids)
    filter_ = (Q(route="algemeen") & algemeen) | (Q(route="vertrouwelijk") & vertrouwelijk)
    return klachten.filter(pk__in=klachten.filter(filter_).values("pk"))


def klacht_inzage(user, klacht, *, op: date | None = None) -> str | None:
    """How much of one complaint `user` sees: VOLLEDIG, BEKLAAGDE (that it exists, its
    subject and stage, and the right to respond), or None (the view answers 404)."""
    if not klachten_voor(user, type(klacht)._default_manager.filter(pk=klacht.pk),
                         op=op).exists():
        return None
    medewerker = _klacht_medewerker(user)
    if klacht.beklaagde_id == medewerker.pk:
        return BEKLAAGDE
    return VOLLEDIG


def klacht_deelbaar_met(klacht) -> QuerySet:
    """Whom the vertrouwenspersoon may share a confidential report with: active staff of the
    school whose role may read complaint content (not only set the school up), never the
    person complained about, never a superuser account."""
    from django.contrib.auth import get_user_model

    lezers = Roltoewijzing.objects.filter(school_id=klacht.school_id).exclude(
        rol__in=KLACHT_GEEN_INHOUD).values("medewerker__user_id")
    users = get_user_model().objects.filter(is_active=True, is_superuser=False,
                                            pk__in=lezers)
    if klacht.beklaagde_id is not None:
        users = users.exclude(medewerker__pk=klacht.beklaagde_id)
    return users


def mag_behandelen(user, *, behandelaar: str, school, leerling=None, beklaagde_id=None,
                   secretaris_id=None, op: date | None = None) -> bool:
    """May `user` act as `behandelaar` (the stage's or the beroepsregel's role or body) for
    this pupil: a mentor or teamleider only in their relation to the pupil, a docent only as
    the person complained about or a teacher of the pupil, the geschillencommissie through
    its secretary."""
    medewerker = _klacht_medewerker(user)
    if medewerker is None:
        return False
    school_id = getattr(school, "pk", school)
    if behandelaar == KLACHT_SECRETARIS:
        return (secretaris_id is not None and secretaris_id == medewerker.pk
                and Rol.DIRECTIE in rollen_van(user, school_id))
    op = _vandaag(op)
    eigen = list(Roltoewijzing.objects.filter(medewerker=medewerker, school_id=school_id))
    rollen = {t.rol for t in eigen}
    nodig = KLACHT_ORGAAN_ROLLEN.get(behandelaar, frozenset({behandelaar}))
    for rol in nodig & rollen:
        if rol in (Rol.MENTOR, Rol.TEAMLEIDER, Rol.DOCENT):
            if rol == Rol.DOCENT and beklaagde_id == medewerker.pk:
                return True
            if leerling is None:
                continue
            ids = _eigen_leerling_ids(medewerker, rol, eigen, school_id, op)
            if ids is not None and ids.filter(leerling_id=leerling.pk).exists():
                return True
        else:
            return True
    return False


def heeft_klachtenmenu(user) -> bool:
    """The complaints menu item: every staff member (not a superuser)."""
    return _klacht_medewerker(user) is not None


def mag_klacht_indienen(user, school) -> bool:
    """Staff file a complaint on a complainant's behalf (the portal for pupils and parents
    does not exist yet)."""
    if _klacht_medewerker(user) is None:
        return False
    return bool(rollen_van(user, school) & KLACHT_INDIENERS)


def klacht_indienscholen(user):
    """The schools where `user` may file a complaint on someone's behalf."""
    from statuut.models import School

    if _klacht_medewerker(user) is None:
        return School.objects.none()
    return School.objects.filter(
        roltoewijzingen__medewerker__user=user, roltoewijzingen__rol__in=KLACHT_INDIENERS
    ).distinct()


def klachtenoverzicht_scholen(user, *, secretaris_scholen=()):
    """The schools whose complaints overview and yearly report `user` sees: the
    schoolleiding (directie), and the commission's secretary (`secretaris_scholen`: the
    school ids where the klachten app found them secretary this year)."""
    from statuut.models import School

    medewerker = _klacht_medewerker(user)
    if medewerker is None:
        return School.objects.none()
    return School.objects.filter(
        Q(roltoewijzingen__medewerker=medewerker, roltoewijzingen__rol=Rol.DIRECTIE)
        | Q(pk__in=list(secretaris_scholen))
    ).distinct()

def mag_commissie_samenstellen(user, school) -> bool:
    """The schoolleiding (directie) records the year's geschillencommissie as the groups (or
    the medezeggenschapsraad) appointed it, chooses the chair the commission named and
    provides the secretary (Echnaton art. 12.5, bijlage B leden 5-8). DEFAULT: the seed
    names no one to keep the list; the directie does, not the functioneel beheerder."""
    if _klacht_medewerker(user) is None:
        return False
    return Rol.DIRECTIE in rollen_van(user, school)


def mag_adviezen_zien(user, school) -> bool:
    """The public advices of the commission are for the school's staff (bijlage B lid 15);
    not for those who only set the school up. DEFAULT: the seed says "openbaar" without
    naming a readership; there is no portal for pupils and parents yet."""
    if _klacht_medewerker(user) is None:
        return False
    return bool(rollen_van(user, school) - KLACHT_GEEN_INHOUD)


def openbare_adviezen(user, zaken: QuerySet, school) -> QuerySet:
    """The commission's advices of `school` that staff of the school may read: those the
    commission did not keep closed on a party's objection (bijlage B lid 15), never of a
    confidential complaint. The page shows them without names."""
    if not mag_adviezen_zien(user, school):
        return zaken.none()
    return zaken.filter(commissie__school=school, advies_openbaar=True,
                        advies_op__isnull=False, klacht__route="algemeen",
                        klacht__seksuele_intimidatie=False)


def beroepen_voor(user, beroepen: QuerySet, *, op: date | None = None) -> QuerySet:
    """Beroep and bezwaar rows `user` has business with: the directie of the school, the
    mentor and teamleider in their relation to the pupil, whoever filed it, and the author of
    the measure appealed against."""
    medewerker = _klacht_medewerker(user)
    if medewerker is None:
        return beroepen.none()
    op = _vandaag(op)
    per_school: dict[int, list[Roltoewijzing]] = {}
    for t in Roltoewijzing.objects.filter(medewerker=medewerker):
        per_school.setdefault(t.school_id, []).append(t)
    filter_ = Q(ingediend_door=user) | Q(maatregel_stuk__auteur=user)
    for school_id, eigen in per_school.items():
        rollen = {t.rol for t in eigen}
        if Rol.DIRECTIE in rollen:
            filter_ |= Q(school_id=school_id)
            continue
        for rol in (Rol.MENTOR, Rol.TEAMLEIDER):
            if rol in rollen:
                ids = _eigen_leerling_ids(medewerker, rol, eigen, school_id, op)
                if ids is not None:
                    filter_ |= Q(school_id=school_id, leerling_id__in=ids)
    return beroepen.filter(pk__in=beroepen.filter(filter_).values("pk"))


# --- Sancties (issue 4) ---
# Who may propose, decide or record a measure is a list of roles in the statuut's ladder
# (`Maatregelsoort.opleggen_door`, `voorstel_door`, `goedkeuring_door`) or its rules
# (`Statuut.schorsing_horen_door`). A role counts for a pupil in the relation its row of the
# access matrix asks: a rule "alleen eigen leerlingen" (e.g. a teamleider: own department)
# only for own pupils; a role without a row counts for nobody.


def sanctierollen(user, leerling: Leerling, *, op: date | None = None) -> frozenset[str]:
    """The user's roles at the pupil's school that hold for this pupil under the matrix."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN
    op = _vandaag(op)
    toewijzingen = list(Roltoewijzing.objects.filter(medewerker=medewerker,
                                                     school_id=leerling.school_id))
    uit: set[str] = set()
    for regel in _regels(_statuut_op(leerling.school, op), {t.rol for t in toewijzingen}):
        if regel.alleen_eigen_leerlingen:
            ids = _eigen_leerling_ids(medewerker, regel.rol, toewijzingen, leerling.school_id, op)
            if ids is None or not ids.filter(leerling_id=leerling.pk).exists():
                continue
        uit.add(regel.rol)
    return frozenset(uit)


def mag_maatregel(user, leerling: Leerling, rollen, *, op: date | None = None) -> bool:
    """May `user` act on `leerling` as one of `rollen` (a list from the statuut)?"""
    return bool(sanctierollen(user, leerling, op=op) & set(rollen or ()))


def mag_sancties_zien(user, leerling: Leerling, *, op: date | None = None) -> bool:
    """Measures are part of the dossier's behaviour section (Echnaton art. 9.2)."""
    return Dossiersectie.GEDRAG in zichtbare_secties(user, leerling, op=op)


def sanctieleerlingen_voor(user, school, rollen, *, op: date | None = None
                           ) -> QuerySet[Leerling]:
    """The pupils of `school` for whom `user` holds one of `rollen` in the matrix's relation
    and whose dossier that role opens (for a start-page panel: the teamleider's department,
    the directie's whole school). Built from subqueries only, so the panel's own query
    carries it and the start page's query count does not grow."""
    from django.db.models import Exists, OuterRef, Subquery

    from statuut.models import Statuut

    op = _vandaag(op)
    if _medewerker(user) is None:
        return Leerling.objects.none()
    statuut = (Statuut.objects.filter(school=school, ingangsdatum__lte=op)
               .order_by("-ingangsdatum").values("pk")[:1])
    eigen_rollen = Roltoewijzing.objects.filter(medewerker__user=user, school=school,
                                                rol__in=list(rollen)).values("rol")
    regels = Toegangsregel.objects.filter(statuut=Subquery(statuut), rol__in=eigen_rollen,
                                          categorieen__icontains=f'"{DOSSIER}"')
    relaties_ = {rol: relaties.relatie_subquery(user, rol, school.pk, op)
                 for rol in relaties.RELATIEROLLEN}
    filter_ = Exists(regels.filter(alleen_eigen_leerlingen=False))
    for rol, relatie in relaties_.items():
        filter_ |= Exists(regels.filter(rol=rol, alleen_eigen_leerlingen=True)) & Q(
            Exists(relatie.filter(leerling_id=OuterRef("pk"))))
    return Leerling.objects.filter(filter_, school=school)


# --- Inloggen (issue 11): who needs a second factor ---
# ASVS 4.3.1 and the nature of the data (meldcode, confidential complaints): whoever may read
# care, complaint or dossier content logs in with a second factor. Derived from the same
# rules as the pages, so a statuut that opens the dossier to another role asks it of them too.

#: The roles `klachten_voor` opens complaint content to by role (a stage's handler, the
#: person who filed it and the person complained about see one complaint by relation, not by
#: role: the school's setting `tweede_factor = iedereen` covers them).
KLACHT_LEZERS = frozenset({Rol.VERTROUWENSPERSOON, Rol.DIRECTIE, Rol.MENTOR, Rol.TEAMLEIDER})


def scholen_met_inhoud(user, *, op: date | None = None) -> frozenset[int]:
    """The ids of the schools where `user`'s roles (or a grant in force) open dossier, care
    or complaint content of at least some pupils."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return GEEN
    op = _vandaag(op)
    per_school: dict[int, tuple[School, set[str]]] = {}
    for t in Roltoewijzing.objects.filter(medewerker=medewerker).select_related("school"):
        per_school.setdefault(t.school_id, (t.school, set()))[1].add(t.rol)
    uit: set[int] = set()
    for school_id, (school, rollen) in per_school.items():
        statuut = _statuut_op(school, op)
        zorgregels = _zorgregels(statuut)
        if (rollen & KLACHT_LEZERS
                # The remedial teacher reads the care cases referred to them (seed 001 2.2).
                or Rol.REMEDIAL_TEACHER in rollen
                or any(zorgregels[r].niveau >= ZORG_GEDEELD for r in rollen if r in zorgregels)
                or any(DOSSIER in r.categorieen for r in _regels(statuut, rollen))):
            uit.add(school_id)
    inhoud = [o for o, cats in TOEKENNING_CATEGORIEEN.items() if cats & {DOSSIER, ZORG}]
    uit |= set(_actieve_toekenningen(user, op).filter(omvang__in=inhoud)
               .values_list("leerling__school_id", flat=True))
    return frozenset(uit)


# --- Authority over authority (issue 11) ---
# Changing roles, grants and the statuut's rules is itself governed: nobody widens their own
# rights, and a widening beyond what the one who makes it may see waits for the directie
# (`dossiers.wijzigingen`). What a role or a rule row *opens* is answered here, in tokens, so
# "is this wider than my own sight" is one set difference and not a second access mechanism:
#   "A".."H", "dossier"      a category of own pupils (the rule's relation)
#   "A*" .. "dossier*"       the same of every pupil of the school
#   "sectie:<s>[*]"          a part of the personal dossier
#   "handeling:<h>[*]"       an action of the matrix (`statuut.Handeling`)
#   "zorg:<niveau>", "zorg.<stap>"   the care file at a level (`ZORG_*`) and its steps
#   "klachten", "klachten.vertrouwelijk"   complaint content
#   "maatregelen", "verzuim"  acting in the measure and absence rules of the statuut

#: Rule rows (besides the access matrix) whose fields name roles or bodies, and what being
#: named there opens.
def _rolvelden():
    from statuut.models import Beroepsregel, Klachtfase, Maatregelsoort, Statuut, Verzuimdrempel

    return {
        Maatregelsoort: (("opleggen_door", "voorstel_door", "mandaat_van", "goedkeuring_door",
                          "informeren_door", "beroep_bij"), "maatregelen"),
        Klachtfase: (("behandelaars",), "klachten"),
        Beroepsregel: (("bij",), "klachten"),
        Verzuimdrempel: (("verantwoordelijke",), "verzuim"),
        Statuut: (("schorsing_horen_door", "verwijdering_horen_door", "bezwaar_schorsing_bij",
                   "verwijdering_bezwaar_bij"), "maatregelen"),
    }


def regelmodellen() -> tuple:
    """The rule rows of a statuut version that govern who may do or see what."""
    return (Toegangsregel, *[m for m in _rolvelden() if m._meta.model_name != "statuut"])


def rolvelden(model) -> tuple[str, ...]:
    """The fields of a statuut rule model that name roles (empty: the model names none)."""
    if model is Toegangsregel:
        return ("rol",)
    return _rolvelden().get(model, ((), ""))[0]


def _genoemd(waarden: dict | None, velden: tuple[str, ...]) -> frozenset[str]:
    """The roles named in `velden` of a rule row's values; a body counts as the roles that
    act for it (the geschillencommissie through its secretary, from the directie)."""
    if not waarden:
        return GEEN
    uit: set[str] = set()
    for veld in velden:
        waarde = waarden.get(veld)
        for naam in (waarde if isinstance(waarde, list) else [waarde]):
            if not naam:
                continue
            if naam == KLACHT_SECRETARIS:
                uit.add(Rol.DIRECTIE)
            uit |= KLACHT_ORGAAN_ROLLEN.get(naam, frozenset({naam}))
    return frozenset(uit)


def genoemde_rollen(model, waarden: dict | None) -> frozenset[str]:
    """The roles a rule row (its values as a dict) applies to."""
    return _genoemd(waarden, rolvelden(model))


def _matrixzicht(waarden: dict | None) -> frozenset[str]:
    """What one row of the access matrix opens, as tokens."""
    if not waarden:
        return GEEN
    ster = "" if waarden.get("alleen_eigen_leerlingen", True) else "*"
    cats = list(waarden.get("categorieen") or [])
    uit = set(cats) | {f"{c}{ster}" for c in cats}
    if DOSSIER in cats:
        for sectie in waarden.get("dossiersecties") or ALLE_SECTIES:
            uit |= {f"sectie:{sectie}", f"sectie:{sectie}{ster}"}
    for handeling in waarden.get("handelingen") or []:
        uit |= {f"handeling:{handeling}", f"handeling:{handeling}{ster}"}
    return frozenset(uit)


def _regelteken(model, waarden: dict) -> str:
    teken = _rolvelden()[model][1]
    if teken == "klachten" and waarden.get("route") == "vertrouwelijk":
        return "klachten.vertrouwelijk"
    return teken


def rolzicht(school, rollen, *, op: date | None = None) -> frozenset[str]:
    """What holding `rollen` at `school` opens under the statuut in force on `op`: the access
    matrix, the care rules, complaint content, and being named in the statuut's rule rows."""
    from django.forms.models import model_to_dict

    rollen = frozenset(rollen) - {""}
    statuut = _statuut_op(school, _vandaag(op))
    if statuut is None or not rollen:
        return GEEN
    zicht: set[str] = set()
    for regel in _regels(statuut, set(rollen)):
        zicht |= _matrixzicht(model_to_dict(regel))
    zorgregels = _zorgregels(statuut)
    for rol in rollen:
        if (regel := zorgregels.get(rol)) is not None:
            zicht |= {f"zorg:{n}" for n in range(1, regel.niveau + 1)} | set(regel.handelingen)
    if Rol.REMEDIAL_TEACHER in rollen:  # seed 001 stap 2.2: the case referred to them
        zicht |= {f"zorg:{n}" for n in range(1, ZORG_VOLLEDIG + 1)} | {ZORG_REMEDIAL}
    inhoud = rollen - KLACHT_GEEN_INHOUD
    if inhoud & {Rol.DIRECTIE, Rol.MENTOR, Rol.TEAMLEIDER}:
        zicht.add("klachten")
    if Rol.VERTROUWENSPERSOON in inhoud:
        zicht.add("klachten.vertrouwelijk")
    for model, (velden, _teken) in _rolvelden().items():
        rijen = [statuut] if model._meta.model_name == "statuut" else model.objects.filter(
            statuut=statuut)
        for rij in rijen:
            waarden = model_to_dict(rij, fields=[*velden, "route"])
            if _genoemd(waarden, velden) & inhoud:
                zicht.add(_regelteken(model, waarden))
    return frozenset(zicht)


def eigen_zicht(user, school, *, op: date | None = None) -> frozenset[str]:
    """What `user`'s own roles at `school` open (nothing for a superuser: see `_medewerker`)."""
    return rolzicht(school, rollen_van(user, school), op=op)


def regel_opent(model, voor: dict | None, na: dict | None) -> frozenset[str]:
    """What changing a rule row from `voor` to `na` (None: no row) opens that was not open:
    for a row of the access matrix the new tokens, for a row naming roles its token when a
    role is named that was not."""
    if na is None:
        return GEEN
    if model is Toegangsregel:
        if voor is None or voor.get("rol") != na.get("rol"):
            return _matrixzicht(na)
        return _matrixzicht(na) - _matrixzicht(voor)
    velden = rolvelden(model)
    if not velden:
        return GEEN
    nieuw = _genoemd(na, velden) - KLACHT_GEEN_INHOUD
    if voor is not None and _regelteken(model, voor) == _regelteken(model, na):
        nieuw -= _genoemd(voor, velden)
    return frozenset({_regelteken(model, na)}) if nieuw else GEEN


def wijzigingsscholen(user):
    """The schools whose change log and pending changes `user` sees: where they hold the
    directie role (the schoolleiding answers for who may see what)."""
    from statuut.models import School

    if _medewerker(user) is None:
        return School.objects.none()
    return School.objects.filter(roltoewijzingen__medewerker__user=user,
                                 roltoewijzingen__rol=Rol.DIRECTIE).distinct()


def heeft_directierol(user) -> bool:
    """The menu link to the change log: directie somewhere. Asked on every page, so it uses
    the roles the menu already loaded for this request (`schoolhandelingen`) when it can."""
    if _medewerker(user) is None:
        return False
    rollen = getattr(user, "_menu_rollen", None)
    if rollen is not None:
        return Rol.DIRECTIE in rollen
    return wijzigingsscholen(user).exists()


def mag_wijziging_beslissen(user, verzoek) -> bool:
    """A pending change is confirmed or rejected by a member of that school's directie, a
    second person: never the one who asked."""
    return (verzoek.aangevraagd_door_id != getattr(user, "pk", None)
            and Rol.DIRECTIE in rollen_van(user, verzoek.school_id))
