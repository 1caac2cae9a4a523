"""The letter kinds. The mechanism (recipients, rendering, dossier entry, outbox) is the same
for every kind; a flow adds its own in two steps:

1. a `Briefsoort` in the list below: its code, title, template, dossier section, the keys
   the caller must put in `gegevens`, the e-mail subject, and the one-line summary in the
   dossier;
2. a template `templates/brieven/<code>.html` that extends `brieven/basis.html` and fills
   the block `romp` (the base adds letterhead with the board's name, address, date,
   "Betreft", the addressees, the cited article `gegevens["artikel"]`, the bezwaar paragraph
   `gegevens["rechtsmiddel"]` and an internal beroep `gegevens["beroep"]` when the statuut
   grants them, the signatory `gegevens["ondertekenaar"]` (else the school's) and footer).
   Who the letter is addressed to is statuut data: `statuut.Briefregel` for the kind.

Then request it in the decision's transaction with `services.brief_aanvragen`.

A flow app (zorg, sancties, klachten) keeps its kinds in its own module and registers them
with `soort_registreren` from its `AppConfig.ready()`, so `dossiers` never imports a flow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from statuut.models import Dossiersectie


def _geen_samenvatting(gegevens: dict) -> str:
    return ""


@dataclass(frozen=True)
class Briefsoort:
    code: str
    titel: str  # the "Betreft:" line and the title of the dossier entry
    template: str
    sectie: str  # Dossiersectie the letter is filed in
    vereist: tuple[str, ...]  # keys the caller must fill in `gegevens`
    onderwerp: str  # e-mail subject after "Brief van <school>: " (no pupil's name)
    samenvatting: Callable[[dict], str] = _geen_samenvatting  # dossier entry, one line
    # A decision (schorsing, verwijdering): the parents receive it, besides a pupil of age,
    # for as long as the statuut says (`Statuut.ouders_besluit_onder_leeftijd`, e.g.
    # Noordgouw art. 24.3: "indien de leerling nog geen 21 jaar is, ook aan de ouders").
    besluit: bool = False


SOORTEN: dict[str, Briefsoort] = {s.code: s for s in [
    Briefsoort(
        code="uitnodiging_gesprek",
        titel=_("Uitnodiging voor een gesprek"),
        template="brieven/uitnodiging_gesprek.html",
        sectie=Dossiersectie.CORRESPONDENTIE,
        vereist=("gesprek_datum", "gesprek_tijd", "plaats", "aanleiding", "met_wie"),
        onderwerp=_("uitnodiging voor een gesprek"),
        samenvatting=lambda g: _("Uitnodiging voor een gesprek op %(d)s om %(t)s over: %(a)s.")
        % {"d": g["gesprek_datum"], "t": g["gesprek_tijd"], "a": g["aanleiding"]},
    ),
    Briefsoort(
        code="ontvangstbevestiging_klacht",
        titel=_("Ontvangstbevestiging van uw klacht"),
        template="brieven/ontvangstbevestiging_klacht.html",
        sectie=Dossiersectie.CORRESPONDENTIE,
        vereist=("ingediend_op", "onderwerp", "behandelaar", "uiterlijk"),
        onderwerp=_("ontvangstbevestiging van uw klacht"),
        samenvatting=lambda g: _("Ontvangst bevestigd van de klacht van %(d)s over: %(o)s; "
                                 "reactie uiterlijk %(u)s.")
        % {"d": g["ingediend_op"], "o": g["onderwerp"], "u": g["uiterlijk"]},
    ),
]}


def soort_registreren(soort: Briefsoort) -> Briefsoort:
    """Add a flow's letter kind. Registering the same kind again (a reloaded app) is harmless;
    a different kind under a code already taken is a programming error."""
    bestaand = SOORTEN.get(soort.code)
    if bestaand is not None and bestaand != soort:
        raise ValueError(f"Briefsoort '{soort.code}' bestaat al.")
    SOORTEN[soort.code] = soort
    return soort
