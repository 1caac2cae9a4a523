"""The schoolleiding records the year's geschillencommissie (Echnaton art. 12.5, bijlage B
leden 5-8): two teachers, two pupils and one parent, each with a deputy, appointed by their own
group or, when it appoints nobody, by the medezeggenschapsraad; a chair the commission chose
from its members; a secretary from the schoolleiding.

The page has five fixed seats; saving checks the whole composition first and writes nothing
when anything is wrong. Saving again corrects the members in place, so the seats of cases
already heard keep pointing at the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from dossiers.models import Leerling, Medewerker, Ouder, Roltoewijzing
from statuut.hulp import schooljaar_grenzen, schooljaar_naam, vandaag
from statuut.models import School, Schooljaar
from statuut.selectors import statuut_op
from statuut.services import InvoerFout

from . import toegang as klachten_toegang
from .models import SAMENSTELLING, Benoemdoor, Commissielid, Geleding, Geschillencommissie

#: The seats of the page, in order: (key, geleding).
ZETELS: list[tuple[str, str]] = [
    (f"{geleding}-{i}", geleding)
    for geleding, aantal in SAMENSTELLING.items() for i in range(1, aantal + 1)
]


def kent_geschillencommissie(school, op: date) -> bool:
    """Only a statuut with a geschillencommissie stage has a commission to set up (Echnaton
    art. 12.5; Noordgouw and Wijzer name none)."""
    from . import selectors

    statuut = statuut_op(school, op)
    return statuut is not None and any(
        selectors.is_commissiefase(f) for f in statuut.klachtfasen.all())


def geen_commissie_melding(school) -> str:
    return _("Het leerlingenstatuut van %(s)s kent geen geschillencommissie: er is geen "
             "commissie samen te stellen.") % {"s": school}


def samenstelbare_jaren(op: date) -> list[str]:
    """This school year and the next: a commission is appointed for one school year and may
    be prepared before it starts (art. 12.5)."""
    huidig = schooljaar_naam(op)
    start = int(huidig[:4]) + 1
    return [huidig, f"{start}-{start + 1}"]


def zetel_naam(sleutel: str) -> str:
    geleding, nummer = sleutel.rsplit("-", 1)
    naam = _("%(g)slid") % {"g": Geleding(geleding).label}
    return naam.capitalize() if SAMENSTELLING[geleding] == 1 else (
        f"{naam.capitalize()} {nummer}")


@dataclass
class Zetelinvoer:
    sleutel: str
    naam: str = ""
    plaatsvervanger: str = ""
    benoemd_door: str = Benoemdoor.GELEDING
    medewerker: Medewerker | None = None
    plv_medewerker: Medewerker | None = None
    leerling: Leerling | None = None
    plv_leerling: Leerling | None = None
    ouder: Ouder | None = None
    plv_ouder: Ouder | None = None


class SamenstellingFout(InvoerFout):
    """All that is wrong with a composition, one Dutch sentence each."""

    def __init__(self, fouten: list[str]):
        super().__init__(" ".join(fouten))
        self.fouten = fouten


def secretarissen(school) -> list[Medewerker]:
    """Who may be the secretary: the schoolleiding (bijlage B lid 8), as the statuut's rows
    say (`klacht.commissie_secretaris`)."""
    return list(klachten_toegang.secretarissen(school).order_by("naam"))


def huidige_invoer(commissie: Geschillencommissie | None) -> tuple[dict[str, Zetelinvoer],
                                                                    str]:
    """The current members per seat (for correcting them), and the chair's seat."""
    invoer = {sleutel: Zetelinvoer(sleutel) for sleutel, _g in ZETELS}
    voorzitter = ""
    if commissie is None:
        return invoer, voorzitter
    for sleutel, lid in _zetels_van(commissie).items():
        plv = getattr(lid, "plaatsvervanger", None)
        invoer[sleutel] = Zetelinvoer(
            sleutel, lid.naam, plv.naam if plv else "", lid.benoemd_door, lid.medewerker,
            plv.medewerker if plv else None, lid.leerling, plv.leerling if plv else None,
            lid.ouder, plv.ouder if plv else None)
        if commissie.voorzitter_id == lid.pk:
            voorzitter = sleutel
    return invoer, voorzitter


def _zetels_van(commissie: Geschillencommissie) -> dict[str, Commissielid]:
    """The regular members mapped on the seats, per geleding in the order they were made."""
    leden = list(commissie.leden.filter(plaatsvervanger_van__isnull=True)
                 .select_related("plaatsvervanger__medewerker", "plaatsvervanger__leerling",
                                 "plaatsvervanger__ouder", "medewerker", "leerling", "ouder")
                 .order_by("pk"))
    zetels = {}
    for geleding in SAMENSTELLING:
        eigen = [lid for lid in leden if lid.geleding == geleding]
        for i, lid in enumerate(eigen[:SAMENSTELLING[geleding]], start=1):
            zetels[f"{geleding}-{i}"] = lid
    return zetels


def _fouten(school, zetels: list[Zetelinvoer], voorzitter: str,
            secretaris: Medewerker | None) -> list[str]:
    fouten = []
    per_sleutel = {z.sleutel: z for z in zetels}
    for sleutel, geleding in ZETELS:
        zetel = per_sleutel.get(sleutel) or Zetelinvoer(sleutel)
        if not zetel.naam:
            if geleding == Geleding.OUDER:
                fouten.append(_("De commissie heeft geen ouderlid: zij bestaat uit twee "
                                "docenten, twee leerlingen en een ouder (art. 12.5). Vul het "
                                "ouderlid in, benoemd door de oudergeleding of de "
                                "medezeggenschapsraad."))
            else:
                fouten.append(_("%(z)s: vul de naam van het lid in; de commissie bestaat uit "
                                "twee docenten, twee leerlingen en een ouder (art. 12.5).")
                              % {"z": zetel_naam(sleutel)})
            continue
        if not zetel.plaatsvervanger:
            fouten.append(_("%(z)s (%(n)s) heeft geen plaatsvervanger: vul die in; voor ieder "
                            "lid wordt een plaatsvervanger benoemd (bijlage B lid 6).")
                          % {"z": zetel_naam(sleutel), "n": zetel.naam})
        elif zetel.plaatsvervanger == zetel.naam:
            fouten.append(_("%(z)s: het lid kan niet zijn eigen plaatsvervanger zijn.")
                          % {"z": zetel_naam(sleutel)})
        if zetel.benoemd_door not in Benoemdoor.values:
            fouten.append(_("%(z)s: kies wie het lid benoemde: de eigen geleding of de "
                            "medezeggenschapsraad.") % {"z": zetel_naam(sleutel)})
        for medewerker in (zetel.medewerker, zetel.plv_medewerker):
            if medewerker is not None and not Roltoewijzing.objects.filter(
                    medewerker=medewerker, school=school).exists():
                fouten.append(_("%(z)s: %(n)s werkt niet op deze school.")
                              % {"z": zetel_naam(sleutel), "n": medewerker.naam})
        for leerling in (zetel.leerling, zetel.plv_leerling):
            if leerling is not None and leerling.school_id != school.pk:
                fouten.append(_("%(z)s: %(n)s is geen leerling van deze school.")
                              % {"z": zetel_naam(sleutel), "n": leerling.volledige_naam})
        for ouder in (zetel.ouder, zetel.plv_ouder):
            if ouder is not None and not ouder.leerlingen.filter(school=school).exists():
                fouten.append(_("%(z)s: %(n)s is geen ouder of verzorger van een leerling van "
                                "deze school.") % {"z": zetel_naam(sleutel), "n": ouder})
    if not voorzitter:
        fouten.append(_("Kies de voorzitter: de commissie wijst uit haar midden een voorzitter "
                        "aan (bijlage B lid 8)."))
    elif voorzitter not in per_sleutel or not per_sleutel[voorzitter].naam:
        fouten.append(_("De voorzitter is geen lid van de commissie: kies de voorzitter uit de "
                        "leden (bijlage B lid 8)."))
    if secretaris is None:
        fouten.append(_("Kies de ambtelijk secretaris: de schoolleiding stelt die ter "
                        "beschikking (bijlage B lid 8)."))
    elif secretaris not in secretarissen(school):
        fouten.append(_("%(n)s hoort niet bij de schoolleiding: de ambtelijk secretaris komt "
                        "van de schoolleiding (bijlage B lid 8).") % {"n": secretaris.naam})
    return fouten


@transaction.atomic
def commissie_samenstellen(*, door, school: School, schooljaar: str,
                           zetels: list[Zetelinvoer], voorzitter: str,
                           secretaris: Medewerker | None) -> Geschillencommissie:
    """Record (or correct) the composition for `schooljaar` ('2026-2027'). Refused with every
    problem at once, and nothing saved, when it is incomplete or wrong."""
    if not klachten_toegang.mag_commissie_samenstellen(door, school):
        raise InvoerFout(_("Alleen de schoolleiding van %(s)s legt de geschillencommissie "
                           "vast.") % {"s": school})
    if not kent_geschillencommissie(school, vandaag()):
        raise InvoerFout(geen_commissie_melding(school))
    for zetel in zetels:
        zetel.naam, zetel.plaatsvervanger = zetel.naam.strip(), zetel.plaatsvervanger.strip()
    if fouten := _fouten(school, zetels, voorzitter, secretaris):
        raise SamenstellingFout(fouten)
    jaar = Schooljaar.voor_datum(schooljaar_grenzen(schooljaar)[0])
    commissie, _nieuw = Geschillencommissie.objects.select_for_update().get_or_create(
        school=school, schooljaar=jaar)
    bestaand = _zetels_van(commissie)
    per_sleutel = {z.sleutel: z for z in zetels}
    leden = {}
    for sleutel, geleding in ZETELS:
        zetel = per_sleutel[sleutel]
        lid = bestaand.get(sleutel) or Commissielid(commissie=commissie, geleding=geleding)
        lid.naam, lid.benoemd_door, lid.medewerker = (zetel.naam, zetel.benoemd_door,
                                                      zetel.medewerker)
        lid.leerling, lid.ouder = zetel.leerling, zetel.ouder
        lid.save()
        plv = getattr(lid, "plaatsvervanger", None) or Commissielid(
            commissie=commissie, geleding=geleding, plaatsvervanger_van=lid)
        plv.naam, plv.benoemd_door = zetel.plaatsvervanger, zetel.benoemd_door
        plv.medewerker, plv.leerling, plv.ouder = (zetel.plv_medewerker, zetel.plv_leerling,
                                                   zetel.plv_ouder)
        plv.save()
        leden[sleutel] = lid
    commissie.voorzitter, commissie.secretaris = leden[voorzitter], secretaris
    commissie.save()
    return commissie
