"""What the admin (`/beheer/`) shows of a pupil and their parents, and to whom (issue 11).

Setting up a school is no reason to read about a child. The admin shows a pupil's fields
only as far as `dossiers.toegang` lets the user see the pupil's categories (Echnaton
art. 9.1, 9.3 and 9.4; each field of `Leerling` names its category). The one addition: the
functioneel beheerder of the pupil's school, who manages groups and placements, sees who the
pupil is (name and pupil number) and their placements, nothing else; the statuut gives that
role no category. A superuser sees no pupil and no parent at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from statuut.admin import beheerde_scholen

from . import toegang
from .audit import CENTRALE_ADMINISTRATIE
from .models import Leerling, Ouder, Ouderschap

#: Who the pupil is: what the beheerder needs to place a pupil in a group.
HERKENNING: tuple[str, ...] = ("leerlingnummer", "roepnaam", "tussenvoegsel", "achternaam")
#: Parts named in the read log for a read in the admin.
BEHEER = "beheer"
OUDERS = "gegevens ouders/verzorgers"


@dataclass(frozen=True)
class Zicht:
    """What one user sees of one pupil in the admin."""

    beheer: bool  # functioneel beheerder of the pupil's school
    categorieen: frozenset[str]  # the categories A..H that toegang opens

    @property
    def herkent(self) -> bool:
        return self.beheer or "A" in self.categorieen

    def velden(self) -> list[str]:
        """The pupil's fields shown, in the model's order."""
        uit = ["school"] if self.herkent else []
        for veld in Leerling._meta.fields:
            cat = getattr(veld, "categorie", None)
            if (veld.name in HERKENNING and self.herkent) or cat in self.categorieen:
                uit.append(veld.name)
        return uit

    def alleen_lezen(self) -> list[str]:
        """Shown but not editable: what the statuut does not open (the beheerder's name and
        number; the school a pupil is registered at, once registered)."""
        return [v for v in self.velden()
                if getattr(Leerling._meta.get_field(v), "categorie", None)
                not in self.categorieen]

    @property
    def plaatsingen(self) -> bool:  # category D: classes and groups
        return self.beheer or "D" in self.categorieen

    @property
    def ouders(self) -> bool:  # category B
        return "B" in self.categorieen

    def onderdeel(self) -> str:
        """The part named in the read log for one view of the pupil's admin page."""
        if self.categorieen:
            return f"{BEHEER}: {CENTRALE_ADMINISTRATIE} {''.join(sorted(self.categorieen))}"
        return f"{BEHEER}: naam, leerlingnummer en groepen"


GEEN_ZICHT = Zicht(False, frozenset())


def _centraal(categorieen) -> frozenset[str]:
    return frozenset(categorieen) & frozenset(toegang.CENTRALE_CATEGORIEEN)


def zicht(user, leerling: Leerling) -> Zicht:
    if user.is_superuser:
        return GEEN_ZICHT
    beheer = beheerde_scholen(user).filter(pk=leerling.school_id).exists()
    return Zicht(beheer, _centraal(toegang.zichtbare_categorieen(user, leerling)))


def zicht_nieuw(user) -> tuple[Zicht, list[int]]:
    """For registering a new pupil: the categories the user sees of every pupil at the
    schools where they see the personalia (A) of every pupil, and those schools."""
    per_school = {sid: _centraal(cats)
                  for sid, cats in toegang.schoolcategorieen(user).items() if "A" in cats}
    if not per_school:
        return GEEN_ZICHT, []
    gedeeld = frozenset.intersection(*per_school.values())
    return Zicht(False, gedeeld), sorted(per_school)


def leerlingen(user) -> QuerySet[Leerling]:
    """The pupils the admin lists for `user`: those of the schools they manage, and those of
    whom toegang opens at least one category. None for a superuser."""
    if user.is_superuser:
        return Leerling.objects.none()
    return Leerling.objects.filter(
        Q(school__in=beheerde_scholen(user))
        | Q(pk__in=toegang.leerlingen_voor(user).values("pk"))
    )


def ouderleerlingen(user) -> QuerySet[Leerling]:
    """The pupils whose parents' data (category B) `user` may see."""
    if user.is_superuser:
        return Leerling.objects.none()
    return toegang.leerlingen_voor(user, categorie="B")


def ouders(user) -> QuerySet[Ouder]:
    """The parents the admin lists for `user`: of pupils whose category B they see, and, for
    who keeps B of every pupil of a school, parents not yet linked to a pupil."""
    if user.is_superuser:
        return Ouder.objects.none()
    gekoppeld = Ouderschap.objects.filter(leerling__in=ouderleerlingen(user))
    filter_ = Q(pk__in=gekoppeld.values("ouder_id"))
    if any("B" in cats for cats in toegang.schoolcategorieen(user).values()):
        filter_ |= ~Q(pk__in=Ouderschap.objects.values("ouder_id"))
    return Ouder.objects.filter(filter_)
