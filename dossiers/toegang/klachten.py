"""The complaints' policy (Echnaton art. 12, bijlage B; Noordgouw art. 19).

Part of the access policy `dossiers.toegang`; see the package's docstring."""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from statuut.models import Rol

from ..models import (
    Inzagesoort,
    Medewerker,
    Roltoewijzing,
)
from . import haken
from .basis import (
    _medewerker,
    _vandaag,
    rollen_van,
)
from .matrix import (
    _eigen_leerling_ids,
)

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


# What the complaint rules mean for the shared modules (second factor, read log, governance).

#: The roles `klachten_voor` opens complaint content to by role (a stage's handler, the
#: person who filed it and the person complained about see one complaint by relation, not by
#: role: the school's setting `tweede_factor = iedereen` covers them).
KLACHT_LEZERS = frozenset({Rol.VERTROUWENSPERSOON, Rol.DIRECTIE, Rol.MENTOR, Rol.TEAMLEIDER})
# The geschillencommissie acts through its secretary, from the schoolleiding (bijlage B lid
# 8): a rule naming it names the directie.
haken.GENOEMD_ALS[KLACHT_SECRETARIS] = frozenset({Rol.DIRECTIE})


@haken.inhoud
def _klacht_inhoud(school, rollen, statuut) -> bool:
    return bool(rollen & KLACHT_LEZERS)


@haken.inzagesoorten
def _klacht_inzagesoorten(school, rollen, statuut) -> set[str]:
    soorten = set()
    if Rol.DIRECTIE in rollen:
        soorten.add(Inzagesoort.KLACHT)
    if Rol.VERTROUWENSPERSOON in rollen:
        soorten.add(Inzagesoort.VERTROUWELIJK)
    return soorten


@haken.zicht
def _klachtzicht(school, rollen, statuut) -> set[str]:
    zicht = set()
    if rollen & {Rol.DIRECTIE, Rol.MENTOR, Rol.TEAMLEIDER}:
        zicht.add("klachten")
    if Rol.VERTROUWENSPERSOON in rollen:
        zicht.add("klachten.vertrouwelijk")
    return zicht
