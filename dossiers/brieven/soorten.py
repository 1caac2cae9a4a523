"""The letter kinds. A flow adds one by adding a `Briefsoort` here and a template in
templates/brieven/; the mechanism (recipients, rendering, dossier entry) stays the same."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from statuut.models import Dossiersectie


@dataclass(frozen=True)
class Briefsoort:
    code: str
    titel: str  # "Betreft:" line and dossier entry title
    template: str
    sectie: str
    vereist: tuple[str, ...]  # keys the caller must put in `gegevens`


SOORTEN: dict[str, Briefsoort] = {s.code: s for s in [
    Briefsoort(
        "uitnodiging_gesprek", _("Uitnodiging voor een gesprek"),
        "brieven/uitnodiging_gesprek.html", Dossiersectie.CORRESPONDENTIE,
        ("gesprek_datum", "gesprek_tijd", "plaats", "aanleiding", "met_wie"),
    ),
    Briefsoort(
        "ontvangstbevestiging_klacht", _("Ontvangstbevestiging van uw klacht"),
        "brieven/ontvangstbevestiging_klacht.html", Dossiersectie.CORRESPONDENTIE,
        ("ingediend_op", "onderwerp", "behandelaar", "uiterlijk"),
    ),
]}
