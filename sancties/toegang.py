"""The measures' policy: who may take which step of a time-out, a schorsing (and an
ontzegging van de toegang) or a verwijdering, and who follows them. Built from the
primitives of `dossiers.toegang` and the statuut's authority rows (`statuut.Bevoegdheid`);
it knows only this flow's models and actions and names no role: who may comes from the rows.

The actions (registered from `SanctiesConfig.ready()`):

- per rung of the ladder (`voor` = the rung's code): `maatregel.opleggen` (impose it, decide
  it; a length limit as its level), `maatregel.voorstellen` (propose it to whoever decides),
  `maatregel.goedkeuren` (approve it before it takes effect), `maatregel.informeren` (make
  the decision known to pupil and parents) and `maatregel.beroep_beslissen` (decide an
  internal beroep against it);
- `schorsing.horen` (the statuut names who hear the pupil, together; without rows the law:
  whoever may impose the schorsing hears), `schorsing.bezwaar_ontvangen` (record a received
  bezwaar), `schorsing.bezwaar_beslissen` (hear the parents on it and decide);
- the same three for the verwijdering (`verwijdering.horen`: the pupil heard before the
  intention);
- `sancties.volgen`: follow the running measures of the pupils in one's scope (start page).

A row holds for every pupil of the school or only for pupils in the role's relation
(`dossiers.relaties`), a body (`Orgaan`) through the roles that act for it (`Orgaanrol`).
Seeing a measure at all is reading the dossier's behaviour section (Echnaton art. 9.2): the
access matrix, as for any part of the dossier.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from dossiers import relaties
from dossiers import toegang as dossiertoegang
from dossiers.models import Leerling
from dossiers.toegang.bevoegdheden import _principaal_houdt, _rollen_van_rij
from dossiers.toegang.geheugen import onthouden
from statuut import acties
from statuut.hulp import artikel_tekst, vandaag
from statuut.models import (
    Bevoegdheid,
    Dossiersectie,
    Omvang,
    Orgaan,
    Principaal,
    Rol,
    Statuut,
)

OPLEGGEN = "maatregel.opleggen"
VOORSTELLEN = "maatregel.voorstellen"
GOEDKEUREN = "maatregel.goedkeuren"
INFORMEREN = "maatregel.informeren"
BEROEP_BESLISSEN = "maatregel.beroep_beslissen"
SCHORSING_HOREN = "schorsing.horen"
SCHORSING_BEZWAAR_ONTVANGEN = "schorsing.bezwaar_ontvangen"
SCHORSING_BEZWAAR_BESLISSEN = "schorsing.bezwaar_beslissen"
VERWIJDERING_HOREN = "verwijdering.horen"
VERWIJDERING_BEZWAAR_ONTVANGEN = "verwijdering.bezwaar_ontvangen"
VERWIJDERING_BEZWAAR_BESLISSEN = "verwijdering.bezwaar_beslissen"
VOLGEN = "sancties.volgen"

#: action -> (label, what `voor` names, what `niveau` means)
_ACTIES = {
    OPLEGGEN: (_("een maatregel opleggen"), "maatregel", _("ten hoogste zoveel schooldagen")),
    VOORSTELLEN: (_("een maatregel voordragen bij wie hem oplegt"), "maatregel", ""),
    GOEDKEUREN: (_("een maatregel goedkeuren voordat hij ingaat"), "maatregel", ""),
    INFORMEREN: (_("het besluit over een maatregel bekendmaken aan leerling en ouders"),
                 "maatregel", ""),
    BEROEP_BESLISSEN: (_("beslissen op beroep tegen een maatregel"), "maatregel", ""),
    SCHORSING_HOREN: (_("de leerling horen vóór het schorsingsbesluit (samen)"), "", ""),
    SCHORSING_BEZWAAR_ONTVANGEN: (_("een bezwaar tegen een schorsing inschrijven"), "", ""),
    SCHORSING_BEZWAAR_BESLISSEN: (_("de ouders horen over een bezwaar tegen een schorsing en "
                                    "erop beslissen"), "", ""),
    VERWIJDERING_HOREN: (_("de leerling horen vóór het voornemen tot verwijdering (samen)"),
                         "", ""),
    VERWIJDERING_BEZWAAR_ONTVANGEN: (_("een bezwaar tegen een verwijdering inschrijven"), "",
                                     ""),
    VERWIJDERING_BEZWAAR_BESLISSEN: (_("de ouders opnieuw horen over een bezwaar tegen een "
                                       "verwijdering en opnieuw besluiten"), "", ""),
    VOLGEN: (_("de lopende maatregelen volgen (startpagina)"), "", ""),
}
ACTIES: tuple[str, ...] = tuple(_ACTIES)

#: An (action, rung code) pair: a step may be opened by any of several.
Paar = tuple[str, str]


def registreren() -> None:
    """Declare this flow's actions in the statuut's registry (from `AppConfig.ready()`)."""
    for naam, (label, voor, niveau) in _ACTIES.items():
        acties.registreer(naam, label, voor=voor, niveau=niveau)


class Gezag:
    """This flow's authority rows of one statuut version (in the file's order), and which of
    them one user holds for one pupil on a day. One object per page or service call: the
    rows, the user's roles and each relation are read once (a few queries for every step of
    a page), then every question is answered from them. The rule is `dossiers.toegang`'s
    (`bevoegde_rijen`): a row holds for the user's role, or for a body through its roles,
    for every pupil of the school or only in the role's relation; the pupil and a parent
    with gezag in their own relation."""

    def __init__(self, statuut: Statuut | None, *, user=None, leerling: Leerling | None = None,
                 op: date | None = None):
        self.statuut, self.user, self.leerling = statuut, user, leerling
        self.op = vandaag(op)
        self._alle: list[Bevoegdheid] | None = None
        self._organen: dict[str, frozenset[str]] | None = None
        self._toewijzingen: list | None = None
        self._relatie: dict[str, bool] = {}
        # A page asks the same questions for many steps (who decides, who prepares): each
        # answer is kept, as the rows it comes from are.
        self._rijen: dict[tuple, list[Bevoegdheid]] = {}
        self._gehouden: dict[tuple, frozenset[str]] = {}
        self._eigen_rollen: frozenset[str] | None = None
        self._gronden: dict[tuple[str, ...], str] = {}

    # --- the rows ----------------------------------------------------------------------

    @property
    def alle(self) -> list[Bevoegdheid]:
        if self._alle is None:
            self._alle = (list(Bevoegdheid.objects.filter(statuut=self.statuut,
                                                          actie__in=ACTIES).order_by("pk"))
                          if self.statuut is not None else [])
        return self._alle

    @property
    def organen(self) -> dict[str, frozenset[str]]:
        if self._organen is None:
            self._organen = (dossiertoegang.orgaanrollen(self.statuut)
                             if any(r.rol in Orgaan.values for r in self.alle) else {})
        return self._organen

    def rijen(self, actie: str, voor: str = "", niveau: int | None = None
              ) -> list[Bevoegdheid]:
        """The rows for `actie` (a row without `voor` holds for every rung), reaching
        `niveau` when one is asked; as `dossiers.toegang.rijen`."""
        sleutel = (actie, voor, niveau)
        if sleutel not in self._rijen:
            self._rijen[sleutel] = [
                r for r in self.alle
                if r.actie == actie and (r.voor in ("", voor) if voor else r.voor == "")
                and (niveau is None or r.niveau is None or r.niveau >= niveau)]
        return self._rijen[sleutel]

    def grond(self, *artikelen: str) -> str:
        """`statuut.hulp.artikel_tekst` for this statuut, read once per page for each
        article (a refusal's text names it, and many steps share one)."""
        if artikelen not in self._gronden:
            self._gronden[artikelen] = artikel_tekst(self.statuut, list(artikelen))
        return self._gronden[artikelen]

    def namen(self, paren: Iterable[Paar], niveau: int | None = None) -> list[str]:
        """Who the rows of `paren` name (roles, bodies), in the file's order: for texts."""
        uit: list[str] = []
        for actie, voor in paren:
            uit += [r.rol for r in self.rijen(actie, voor, niveau)]
        return list(dict.fromkeys(uit))

    def rollen(self, paren: Iterable[Paar], niveau: int | None = None) -> list[str]:
        """The staff roles that hold the rows of `paren` (a body through its roles), in the
        file's order."""
        uit: list[str] = []
        for naam in self.namen(paren, niveau):
            uit += [naam] if naam in Rol.values else sorted(self.organen.get(naam, ()))
        return list(dict.fromkeys(uit))

    def heeft(self, paren: Iterable[Paar]) -> bool:
        """Does the statuut give any of `paren` to anyone?"""
        return any(self.rijen(actie, voor) for actie, voor in paren)

    # --- what the user holds -------------------------------------------------------------

    def _eigen(self) -> list:
        if self._toewijzingen is None:
            medewerker = dossiertoegang._medewerker(self.user)
            self._medewerker = medewerker
            self._toewijzingen = dossiertoegang.toewijzingen_van(
                self.user, self.leerling.school_id)
        return self._toewijzingen

    def _houdt_rij(self, rij: Bevoegdheid) -> set[str]:
        if rij.rol in Principaal.values:
            return {rij.rol} if _principaal_houdt(self.user, rij, self.leerling) else set()
        if self._eigen_rollen is None:
            self._eigen_rollen = frozenset(t.rol for t in self._eigen())
        eigen = self._eigen_rollen
        houders = {rij.rol} if rij.rol in Rol.values else set(self.organen.get(rij.rol, ()))
        uit = set()
        for rol in houders & eigen:
            if rij.omvang == Omvang.EIGEN_LEERLINGEN:
                if rol not in self._relatie:
                    self._relatie[rol] = relaties.in_relatie(
                        self._medewerker, rol, self.leerling, self.op,
                        toewijzingen=self._toewijzingen)
                if not self._relatie[rol]:
                    continue
            uit.add(rol)
        return uit

    def gehouden(self, paren: Iterable[Paar], niveau: int | None = None) -> frozenset[str]:
        """The roles in which the user holds any of `paren` for the pupil."""
        user = self.user
        if (self.leerling is None or not getattr(user, "is_authenticated", False)
                or not user.is_active or user.is_superuser):
            return frozenset()
        paren = tuple(paren)
        sleutel = (paren, niveau)
        if sleutel not in self._gehouden:
            uit: set[str] = set()
            for actie, voor in paren:
                for rij in self.rijen(actie, voor, niveau):
                    uit |= self._houdt_rij(rij)
            self._gehouden[sleutel] = frozenset(uit)
        return self._gehouden[sleutel]

    def houdt(self, paren: Iterable[Paar], niveau: int | None = None) -> bool:
        return bool(self.gehouden(paren, niveau))


def gezag(user, leerling: Leerling, *, statuut: Statuut | None = None,
          op: date | None = None) -> Gezag:
    """The rows of `statuut` (default: in force at the pupil's school on `op`) for `user`."""
    op = vandaag(op)
    if statuut is None:
        statuut = dossiertoegang._statuut_op(leerling.school_id, op)
    return Gezag(statuut, user=user, leerling=leerling, op=op)


def mag_sancties_zien(user, leerling: Leerling, *, op: date | None = None) -> bool:
    """Measures are part of the dossier's behaviour section (Echnaton art. 9.2)."""
    return Dossiersectie.GEDRAG in dossiertoegang.zichtbare_secties(user, leerling, op=op)


def _maatregeltermijnen(model_naam: str):
    """The deadlines of a measure (a proposal waiting for a decision, the bezwaar, the
    notice to the inspectie) are listed for whoever may see the measure: the behaviour
    section (`mag_sancties_zien`); holding the deciding role opens no other department."""
    def beleid(user) -> QuerySet:
        return apps.get_model("sancties", model_naam).objects.filter(
            leerling__in=dossiertoegang.leerlingen_voor(user, sectie=Dossiersectie.GEDRAG)
        ).values("pk")
    return beleid


for _naam in ("schorsing", "timeout", "verwijdering"):
    dossiertoegang.onderwerpbeleid(f"sancties.{_naam}")(_maatregeltermijnen(_naam))


@onthouden
def _volgen(school, rollen: frozenset[str], op: date) -> tuple[bool, bool, frozenset[str]]:
    """From the statuut in force at `school` (rows and rules read once per request): whether
    one of `rollen` (or a body it acts for) holds `sancties.volgen` at all, whether one
    holding it for the whole school also opens the dossier, and the roles that hold it for
    their own pupils and open the dossier (the teamleider's department)."""
    statuut = dossiertoegang._statuut_op(school, op)
    if statuut is None:
        return False, False, frozenset()
    organen = dossiertoegang.orgaanrollen(statuut)
    dossierrollen = {r.rol for r in dossiertoegang._regels(statuut, set(rollen))
                     if dossiertoegang.DOSSIER in r.categorieen}
    volgt, hele_school, relatie = False, False, set()
    for rij in dossiertoegang.rijen(statuut, VOLGEN):
        houders = _rollen_van_rij(rij, organen) & rollen
        volgt = volgt or bool(houders)
        for rol in houders & dossierrollen:
            if rij.omvang == Omvang.SCHOOL:
                hele_school = True
            else:
                relatie.add(rol)
    return volgt, hele_school, frozenset(relatie)


def volgt(school, rollen: Iterable[str], *, op: date | None = None) -> bool:
    """Does the statuut in force give one of `rollen` (or a body it acts for)
    `sancties.volgen` at all (so the start page shows the panel, empty or not)?"""
    return _volgen(school, frozenset(rollen), vandaag(op))[0]


def sanctieleerlingen_voor(user, school, rollen: Iterable[str], *, op: date | None = None
                           ) -> QuerySet[Leerling]:
    """The pupils of `school` whose running measures `user` follows (`sancties.volgen`, in
    the row's scope) and whose dossier that role opens (the teamleider's department, the
    directie's whole school). `rollen`: the user's roles at the school, as the start page
    has them. The rows are read in Python (once per request), so the panel's query carries
    only the pupils' filter: built from subqueries of every row it cost more to compile and
    to plan than to run (issue 15)."""
    op = vandaag(op)
    if dossiertoegang._medewerker(user) is None:
        return Leerling.objects.none()
    _volgt, hele_school, relatie = _volgen(school, frozenset(rollen), op)
    if hele_school:
        return Leerling.objects.filter(school=school)
    filter_ = Q(pk__in=[])
    for rol in sorted(relatie):
        subquery = relaties.relatie_subquery(user, rol, school.pk, op)
        if subquery is not None:
            filter_ |= Q(pk__in=subquery)
    return Leerling.objects.filter(filter_, school=school)


__all__ = [
    "ACTIES", "BEROEP_BESLISSEN", "GOEDKEUREN", "INFORMEREN", "OPLEGGEN", "SCHORSING_HOREN",
    "SCHORSING_BEZWAAR_BESLISSEN", "SCHORSING_BEZWAAR_ONTVANGEN", "VERWIJDERING_HOREN",
    "VERWIJDERING_BEZWAAR_BESLISSEN", "VERWIJDERING_BEZWAAR_ONTVANGEN", "VOLGEN",
    "VOORSTELLEN", "Gezag", "gezag", "mag_sancties_zien", "registreren",
    "sanctieleerlingen_voor", "volgt",
]
