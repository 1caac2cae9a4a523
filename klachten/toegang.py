"""The complaints' policy (Echnaton art. 12 and bijlage B, Noordgouw art. 19): who may file,
read, handle and decide in the complaint, beroep and bezwaar procedures.

Every "who may" is an authority row of the statuut (`statuut.Bevoegdheid`) for one of the
actions registered here, asked through the primitives of `dossiers.toegang` and the pupil
relations of `dossiers.relaties`; this module knows only the klachten models and names no
role. What is not a role is a relation to one complaint: the person complained about, whoever
filed it or handled a stage, the colleague a confidential report was shared with, and the
geschillencommissie, which acts through the secretary of its school year (bijlage B leden
8, 9), who must come from those the statuut lets provide one (`klacht.commissie_secretaris`).

Two forms, as for the primitives: yes/no for one complaint or beroep (the statuut the
procedure runs under: the one in force on the day it was filed), and querysets for lists,
computed for all klachten actions at once (`Klachtrechten`: a fixed few queries per page,
whatever the number of schools or rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from dossiers import relaties, toegang
from dossiers.models import Dossierstuk, Inzagesoort, Medewerker, Roltoewijzing
from dossiers.toegang import haken
from statuut import acties
from statuut.hulp import vandaag
from statuut.models import Bevoegdheid, Omvang, Orgaan, Orgaanrol, Rol

# --- the actions (registered from KlachtenConfig.ready) ------------------------------------

KLACHT_INDIENEN = "klacht.indienen"
KLACHT_INZIEN = "klacht.inzien"
VERTROUWELIJK_INZIEN = "klacht.vertrouwelijk_inzien"
VERTROUWELIJK_DELEN = "klacht.vertrouwelijk_delen"
GEDEELDE_MELDING_LEZEN = "klacht.gedeelde_melding_lezen"
FASE_AFHANDELEN = "klacht.fase_afhandelen"
GESPREK_VOEREN = "klacht.gesprek_voeren"
COMMISSIE_SAMENSTELLEN = "klacht.commissie_samenstellen"
COMMISSIE_SECRETARIS = "klacht.commissie_secretaris"
OVERZICHT_ZIEN = "klacht.overzicht_zien"
ADVIEZEN_LEZEN = "klacht.adviezen_lezen"
BEROEP_INSTELLEN = "beroep.instellen"
BEROEP_INZIEN = "beroep.inzien"
BEROEP_BESLISSEN = "beroep.beslissen"

_ACTIES = {
    KLACHT_INDIENEN: dict(label=_("een klacht namens de klager indienen")),
    KLACHT_INZIEN: dict(label=_("klachten inzien"), inhoud=True),
    VERTROUWELIJK_INZIEN: dict(label=_("vertrouwelijke meldingen inzien"), inhoud=True),
    VERTROUWELIJK_DELEN: dict(label=_("een vertrouwelijke melding met een collega delen"),
                              inhoud=True),
    GEDEELDE_MELDING_LEZEN: dict(label=_("een met u gedeelde vertrouwelijke melding lezen")),
    FASE_AFHANDELEN: dict(label=_("een klachtfase behandelen"), voor="klachtfase",
                          inhoud=True),
    # Who the complainant talks with first (Echnaton art. 12 klachten 1: "met de docent zelf
    # besproken"): a party to the talk, not its handler; the next stage's handler records
    # how it went (`klachten.selectors.behandelaars_van`).
    GESPREK_VOEREN: dict(label=_("het eerste gesprek met de klager voeren"),
                         voor="klachtfase"),
    COMMISSIE_SAMENSTELLEN: dict(label=_("de geschillencommissie samenstellen")),
    COMMISSIE_SECRETARIS: dict(label=_("ambtelijk secretaris van de geschillencommissie "
                                       "zijn")),
    OVERZICHT_ZIEN: dict(label=_("het klachtenoverzicht en het jaarverslag zien")),
    ADVIEZEN_LEZEN: dict(label=_("de openbare adviezen van de geschillencommissie lezen")),
    BEROEP_INSTELLEN: dict(label=_("beroep of bezwaar namens de leerling of de ouders "
                                   "instellen")),
    BEROEP_INZIEN: dict(label=_("beroep en bezwaar inzien"), inhoud=True),
    BEROEP_BESLISSEN: dict(label=_("op beroep of bezwaar beslissen"), voor="beroepsregel",
                           inhoud=True),
}
#: The actions that concern the confidential route: their rows are governed by the
#: vertrouwenspersoon's sight, the others by the sight of the general complaints (`_zicht`).
VERTROUWELIJKE_ACTIES = frozenset({VERTROUWELIJK_INZIEN, VERTROUWELIJK_DELEN,
                                   GEDEELDE_MELDING_LEZEN})
#: The body that acts through a person, not through roles (bijlage B leden 8, 9).
COMMISSIE = Orgaan.GESCHILLENCOMMISSIE

VOLLEDIG = "volledig"
BEKLAAGDE = "beklaagde"


def registreren() -> None:
    for naam, eigenschappen in _ACTIES.items():
        acties.registreer(naam, **eigenschappen)


# --- who the user is -----------------------------------------------------------------------


def _klacht_medewerker(user) -> Medewerker | None:
    """The staff member; None for a superuser, who sees no complaint content whatever else
    they are (`dossiers.toegang.basis._medewerker`)."""
    return toegang.basis._medewerker(user)


# --- the rows, for lists: all klachten actions at once ------------------------------------


@dataclass
class _Recht:
    rol: str  # the staff role the user holds it in
    eigen: bool  # only for pupils in that role's relation
    voor: str


@dataclass
class _Schoolrechten:
    rollen: set[str] = field(default_factory=set)
    toewijzingen: list = field(default_factory=list)
    rechten: dict[str, list[_Recht]] = field(default_factory=dict)


class Klachtrechten:
    """What `user`'s roles hold of the klachten actions on `op`, per school: the rows of the
    statuut in force there, a body counting as the roles that act for it (`Orgaanrol`), each
    in its scope. The same rules as `dossiers.toegang.bevoegdheden`, read for every school
    and every klachten action from the rules the policy keeps, so that a page's query count
    is fixed."""

    def __init__(self, user, op: date | None = None):
        self.user, self.op = user, vandaag(op)
        self.medewerker = _klacht_medewerker(user)
        self.scholen: dict[int, _Schoolrechten] = {}
        if self.medewerker is None:
            return
        for t in toegang.toewijzingen_van(user):
            school = self.scholen.setdefault(t.school_id, _Schoolrechten())
            school.rollen.add(t.rol)
            school.toewijzingen.append(t)
        # The rows of the statuut in force at each school, a body counting as the roles its
        # Orgaanrol names: the policy's kept rules (`dossiers.toegang`), no query of its own.
        for school_id, school in self.scholen.items():
            statuut = toegang._statuut_op(school_id, self.op)
            organen = toegang.orgaanrollen(statuut)
            for rij in sorted((r for r in (toegang.alle_rijen(statuut) if statuut else ())
                               if r.actie in _ACTIES), key=lambda r: r.pk):
                houders = ({rij.rol} if rij.rol in Rol.values
                           else set(organen.get(rij.rol, ())))
                for rol in sorted(houders & school.rollen):
                    school.rechten.setdefault(rij.actie, []).append(
                        _Recht(rol, rij.omvang == Omvang.EIGEN_LEERLINGEN, rij.voor))

    def _rechten(self, actie: str, school_id: int, omvang: str | None = None):
        for recht in self.scholen[school_id].rechten.get(actie, []):
            if omvang == Omvang.SCHOOL and recht.eigen:
                continue
            yield recht

    def houdt(self, actie: str, school, *, omvang: str | None = None) -> bool:
        """Do the user's roles hold `actie` at `school` (in some scope, or for every pupil
        with `omvang=Omvang.SCHOOL`)?"""
        school_id = getattr(school, "pk", school)
        return school_id in self.scholen and any(self._rechten(actie, school_id, omvang))

    def school_ids(self, actie: str, *, omvang: str | None = None) -> list[int]:
        return [s for s in self.scholen if any(self._rechten(actie, s, omvang))]

    def bereik(self, actie: str) -> Q:
        """The records (of a model with `school` and `leerling`) of the pupils for whom the
        user holds `actie`: all of a school, or those in the role's relation."""
        filter_ = Q(pk__in=[])
        for school_id, school in self.scholen.items():
            for recht in self._rechten(actie, school_id):
                if not recht.eigen:
                    filter_ |= Q(school_id=school_id)
                    continue
                ids = relaties.leerlingen_in_relatie(self.medewerker, recht.rol, school_id,
                                                     self.op, toewijzingen=school.toewijzingen)
                if ids is not None:
                    filter_ |= Q(school_id=school_id, leerling_id__in=ids)
        return filter_


def klachtrechten(user, op: date | None = None) -> Klachtrechten:
    """`Klachtrechten` of `user` on `op`. The user of a request (`request.user`, a lazy object
    made anew for every request) has them read once per request: a page's panels, lists and
    deadline filters ask them several times (kept as the menu keeps `_menu_rollen`)."""
    op = vandaag(op)
    if not isinstance(user, SimpleLazyObject):
        return Klachtrechten(user, op)
    bewaard = getattr(user, "_klachtrechten", None)
    if bewaard is None or bewaard.op != op:
        bewaard = Klachtrechten(user, op)
        user._klachtrechten = bewaard
    return bewaard


def _rechten(user, op, rechten: Klachtrechten | None) -> Klachtrechten:
    if rechten is not None and rechten.user == user and rechten.op == vandaag(op):
        return rechten
    return klachtrechten(user, op)


# --- complaints: sight ---------------------------------------------------------------------


def klachten_voor(user, klachten: QuerySet, *, op: date | None = None,
                  rechten: Klachtrechten | None = None) -> QuerySet:
    """The complaints of `klachten` that `user` has business with, as one filtered queryset.

    Confidential ones (route vertrouwelijk): who holds `klacht.vertrouwelijk_inzien` and whom
    they shared it with. The others: who holds `klacht.inzien` (for the whole school or the
    pupils in their relation); the person complained about; whoever handles or handled a
    stage; the secretary of the case's commission, while the statuut lets them be one; the
    staff member who filed it."""
    rechten = _rechten(user, op, rechten)
    medewerker = rechten.medewerker
    if medewerker is None:
        return klachten.none()
    algemeen = (Q(beklaagde=medewerker) | Q(stappen__behandelaar=user) | Q(ingediend_door=user)
                | Q(zaak__commissie__secretaris=medewerker,
                    school_id__in=rechten.school_ids(COMMISSIE_SECRETARIS))
                | rechten.bereik(KLACHT_INZIEN))
    vertrouwelijk = Q(gedeeld_met=user) | rechten.bereik(VERTROUWELIJK_INZIEN)
    filter_ = (Q(route="algemeen") & algemeen) | (Q(route="vertrouwelijk") & vertrouwelijk)
    return klachten.filter(pk__in=klachten.filter(filter_).values("pk"))


def klacht_inzage(user, klacht, *, op: date | None = None) -> str | None:
    """How much of one complaint `user` sees: VOLLEDIG, BEKLAAGDE (that it exists, its
    subject and stage, and the right to respond), or None (the view answers 404)."""
    if not klachten_voor(user, type(klacht)._default_manager.filter(pk=klacht.pk),
                         op=op).exists():
        return None
    return inzage_van_zichtbare(user, klacht)


def inzage_van_zichtbare(user, klacht) -> str:
    """`klacht_inzage` of a complaint just found through `klachten_voor` for `user` today
    (its sight asked already): only whether the user is the one complained about."""
    return BEKLAAGDE if klacht.beklaagde_id == _klacht_medewerker(user).pk else VOLLEDIG


def heeft_klachtenmenu(user) -> bool:
    """The complaints menu item: every staff member (not a superuser). The overview shows
    each only what they have business with."""
    return _klacht_medewerker(user) is not None


# --- complaints: filing, the overview, the commission -------------------------------------


def mag_klacht_indienen(user, school, *, op: date | None = None) -> bool:
    """Staff file a complaint on a complainant's behalf (the portal for pupils and parents
    does not exist yet)."""
    return klachtrechten(user, op).houdt(KLACHT_INDIENEN, school)


def klacht_indienscholen(user, *, op: date | None = None,
                         rechten: Klachtrechten | None = None):
    """The schools where `user` may file a complaint on someone's behalf."""
    from statuut.models import School

    rechten = _rechten(user, op, rechten)
    return School.objects.filter(pk__in=rechten.school_ids(KLACHT_INDIENEN))


def mag_beroep_instellen(user, school, *, op: date | None = None) -> bool:
    return klachtrechten(user, op).houdt(BEROEP_INSTELLEN, school)


def beroep_indienscholen(user, *, op: date | None = None):
    """The schools where `user` may file a beroep or bezwaar on someone's behalf."""
    from statuut.models import School

    rechten = klachtrechten(user, op)
    return School.objects.filter(pk__in=rechten.school_ids(BEROEP_INSTELLEN))


def klachtenoverzicht_scholen(user, *, secretaris_scholen=(), op: date | None = None,
                              rechten: Klachtrechten | None = None):
    """The schools whose complaints overview and yearly report `user` sees: who holds
    `klacht.overzicht_zien` there, and the commission's secretary (`secretaris_scholen`: the
    school ids where the klachten app found them secretary this year)."""
    from statuut.models import School

    rechten = _rechten(user, op, rechten)
    if rechten.medewerker is None:
        return School.objects.none()
    return School.objects.filter(
        Q(pk__in=rechten.school_ids(OVERZICHT_ZIEN, omvang=Omvang.SCHOOL))
        | Q(pk__in=list(secretaris_scholen)))


def mag_commissie_samenstellen(user, school, *, op: date | None = None) -> bool:
    """Who records the year's geschillencommissie as the groups (or the
    medezeggenschapsraad) appointed it, chooses the chair the commission named and provides
    the secretary (Echnaton art. 12.5, bijlage B leden 5-8)."""
    return klachtrechten(user, op).houdt(COMMISSIE_SAMENSTELLEN, school)


def _houders(school, actie: str, op: date | None = None) -> frozenset[str]:
    statuut = toegang.basis._statuut_op(school, vandaag(op))
    return toegang.rollen_voor(statuut, actie)


def secretarissen(school, *, op: date | None = None) -> QuerySet[Medewerker]:
    """Who may be the commission's secretary: staff in a role the statuut lets provide one
    (bijlage B lid 8: the schoolleiding)."""
    return Medewerker.objects.filter(
        rollen__school=school, rollen__rol__in=_houders(school, COMMISSIE_SECRETARIS, op),
    ).distinct()


def is_secretaris(user, commissie, *, op: date | None = None) -> bool:
    """Is `user` the secretary of this commission, in a role that may be one at its school
    on `op` (a beheerder named secretary by any route acts for nobody)?"""
    medewerker = _klacht_medewerker(user)
    return (medewerker is not None and commissie is not None
            and commissie.secretaris_id == medewerker.pk
            and klachtrechten(user, op).houdt(
                COMMISSIE_SECRETARIS, commissie.school_id, omvang=Omvang.SCHOOL))


def mag_adviezen_zien(user, school, *, op: date | None = None) -> bool:
    """The public advices of the commission (bijlage B lid 15): who holds
    `klacht.adviezen_lezen` at the school (the seed says "openbaar" without naming a
    readership; there is no portal for pupils and parents yet)."""
    return klachtrechten(user, op).houdt(ADVIEZEN_LEZEN, school)


def openbare_adviezen(user, zaken: QuerySet, school) -> QuerySet | None:
    """The commission's advices of `school` that `user` may read: those the commission did
    not keep closed on a party's objection (bijlage B lid 15), never of a confidential
    complaint. None: `user` may not read them (the page answers 404). The page shows them
    without names."""
    if not mag_adviezen_zien(user, school):
        return None
    return zaken.filter(commissie__school=school, advies_openbaar=True,
                        advies_op__isnull=False, klacht__route="algemeen",
                        klacht__seksuele_intimidatie=False)


# --- confidential reports ------------------------------------------------------------------


def mag_vertrouwelijk_delen(user, klacht, *, op: date | None = None) -> bool:
    return toegang.bevoegd(user, VERTROUWELIJK_DELEN, klacht.leerling, op=op)


def klacht_deelbaar_met(klacht) -> QuerySet:
    """Whom the vertrouwenspersoon may share a confidential report with: active staff of the
    school in a role that holds `klacht.gedeelde_melding_lezen`, never the person complained
    about, never a superuser account."""
    from django.contrib.auth import get_user_model

    lezers = Roltoewijzing.objects.filter(
        school_id=klacht.school_id,
        rol__in=_houders(klacht.school, GEDEELDE_MELDING_LEZEN)).values("medewerker__user_id")
    users = get_user_model().objects.filter(is_active=True, is_superuser=False,
                                            pk__in=lezers)
    if klacht.beklaagde_id is not None:
        users = users.exclude(medewerker__pk=klacht.beklaagde_id)
    return users


# --- a stage's handlers, from the rows -----------------------------------------------------


def fase_houders(fase) -> list[str]:
    """The roles or bodies the statuut lets handle `fase`, in the order it names them (the
    first answers for the stage's term). Kept on the stage object for the request."""
    if not hasattr(fase, "_houders"):
        fase._houders = list(Bevoegdheid.objects.filter(
            statuut_id=fase.statuut_id, actie=FASE_AFHANDELEN, voor=fase.code,
        ).order_by("pk").values_list("rol", flat=True))
    return fase._houders


def beroep_houders(regel) -> list[str]:
    """Who decides on a beroep or bezwaar of `regel` (a `Beroepsregel`), from the rows."""
    if not hasattr(regel, "_houders"):
        regel._houders = list(Bevoegdheid.objects.filter(
            statuut_id=regel.statuut_id, actie=BEROEP_BESLISSEN, voor=regel.code,
        ).order_by("pk").values_list("rol", flat=True))
    return regel._houders


def rollen_van_houder(statuut, houder: str) -> list[str]:
    """The staff roles through which `houder` (a role, or a body) acts under `statuut`, in
    the order the statuut names them: a body through its `Orgaanrol`, the commission through
    its secretary's roles."""
    if houder in Rol.values:
        return [houder]
    if houder == COMMISSIE:
        uit: list[str] = []
        for rij in Bevoegdheid.objects.filter(statuut=statuut, actie=COMMISSIE_SECRETARIS
                                              ).order_by("pk"):
            uit += [r for r in rollen_van_houder(statuut, rij.rol) if r not in uit]
        return uit
    orgaan = Orgaanrol.objects.filter(statuut=statuut, orgaan=houder).first()
    return list(orgaan.rollen) if orgaan else []


#: Who, for one pupil, holds a role in its relation: the relations module's answer (the
#: person who answers for a stage held "for own pupils").
_PERSONEN_IN_RELATIE = {Rol.MENTOR: relaties.mentoren_van,
                        Rol.TEAMLEIDER: relaties.teamleiders_van}


def persoon_in_relatie(rol: str, leerling, op: date):
    """The first staff member in `rol`'s relation to the pupil on `op` (None: the role has
    no relation, or nobody holds it)."""
    van = _PERSONEN_IN_RELATIE.get(rol)
    medewerker = van(leerling, op).first() if van is not None else None
    return medewerker.user if medewerker is not None else None


def mag_als(user, houder: str, *, actie: str, voor: str, leerling, statuut,
            commissie=None, op: date | None = None) -> bool:
    """Does `user` hold `actie` for `leerling` (stage or rule `voor`, under `statuut`)
    through a row naming `houder`: in one of its roles (a relation role only in its relation
    to the pupil), or, for the commission, as the secretary of `commissie`?"""
    if houder == COMMISSIE:
        return is_secretaris(user, commissie, op=op)
    return any(rij.rol == houder for _rol, rij in toegang.bevoegde_rijen(
        user, actie, leerling, voor=voor, op=op, statuut=statuut))


# --- beroep and bezwaar --------------------------------------------------------------------


def beroepen_voor(user, beroepen: QuerySet, *, op: date | None = None,
                  rechten: Klachtrechten | None = None) -> QuerySet:
    """Beroep and bezwaar rows `user` has business with: who holds `beroep.inzien` (the
    whole school or the pupils in their relation), whoever filed it, and the author of the
    measure appealed against (of its dossier entries, or of the entry that is the measure)."""
    rechten = _rechten(user, op, rechten)
    if rechten.medewerker is None:
        return beroepen.none()
    van_de_maatregel = Exists(Dossierstuk.objects.filter(
        bron_type_id=OuterRef("maatregel_soort_id"), bron_id=OuterRef("maatregel_id"),
        auteur=user))
    filter_ = (Q(ingediend_door=user) | Q(maatregel_stuk__auteur=user) | Q(van_de_maatregel)
               | rechten.bereik(BEROEP_INZIEN))
    return beroepen.filter(pk__in=beroepen.filter(filter_).values("pk"))


# --- what the complaint rules mean for the shared modules ----------------------------------
# (Second factor: the actions registered with `inhoud` do that through the rows themselves.)

# The geschillencommissie acts through its secretary, from the schoolleiding (bijlage B lid
# 8, the `klacht.commissie_secretaris` rows of every preset): a rule naming it names them.
haken.GENOEMD_ALS[COMMISSIE] = frozenset({Rol.DIRECTIE})


def _houden(statuut, actie: str, rollen, *, omvang: str | None = None) -> bool:
    organen = toegang.orgaanrollen(statuut)
    for rij in toegang.rijen(statuut, actie):
        if omvang == Omvang.SCHOOL and rij.eigen_leerlingen:
            continue
        if organen.get(rij.rol, frozenset({rij.rol})) & set(rollen):
            return True
    return False


@haken.inzagesoorten
def _inzagesoorten(school, rollen, statuut) -> set[str]:
    """The read log names a complaint to who sees every complaint of the school, a
    confidential report to who sees every confidential report."""
    soorten = set()
    if _houden(statuut, KLACHT_INZIEN, rollen, omvang=Omvang.SCHOOL):
        soorten.add(Inzagesoort.KLACHT)
    if _houden(statuut, VERTROUWELIJK_INZIEN, rollen, omvang=Omvang.SCHOOL):
        soorten.add(Inzagesoort.VERTROUWELIJK)
    return soorten


def _tokens(statuut, acties_, *, route: str) -> set[str]:
    from dossiers.toegang.regelzicht import _bevoegdheidzicht

    codes = {"klachtfase": list(statuut.klachtfasen.filter(route=route).values_list(
        "code", flat=True)),
        "beroepsregel": list(statuut.beroepsregels.values_list("code", flat=True))}
    uit: set[str] = set()
    for actie in acties_:
        soort = _ACTIES[actie].get("voor", "")
        # An action for a stage or rule: each of this route's (a row for every stage is
        # covered by neither sight alone); else the action as a whole.
        for voor in codes[soort] if soort else [""]:
            uit |= _bevoegdheidzicht({"actie": actie, "voor": voor, "omvang": Omvang.SCHOOL})
    return uit


@haken.zicht
def _zicht(school, rollen, statuut) -> set[str]:
    """Governance: who sees the complaints ("klachten") sees what a row of the general route
    opens (who handles a stage, decides a beroep, reads or files), so adding a role to a
    complaint stage waits for the directie only when it widens their sight; the
    vertrouwenspersoon's sight ("klachten.vertrouwelijk") covers the confidential route."""
    if statuut is None:
        return set()
    zicht = set()
    if _houden(statuut, KLACHT_INZIEN, rollen):
        zicht.add("klachten")
        zicht |= _tokens(statuut, [a for a in _ACTIES if a not in VERTROUWELIJKE_ACTIES],
                         route="algemeen")
    if _houden(statuut, VERTROUWELIJK_INZIEN, rollen):
        zicht.add("klachten.vertrouwelijk")
        zicht |= _tokens(statuut, [*sorted(VERTROUWELIJKE_ACTIES), FASE_AFHANDELEN],
                         route="vertrouwelijk")
    return zicht
