"""The open registry of actions the statuut can give to someone (`Bevoegdheid.actie`).

Each flow declares its own actions from its `AppConfig.ready()`, namespaced by flow
("zorg.analyse_vastleggen", "schorsing.besluiten", "klacht.fase_afhandelen"): the statuut
layer knows no flow, and a new flow adds its actions without touching this module. The
presets' `bevoegdheden:` rows and the admin are checked against this registry, so a
misspelt action is refused with the list of known ones, never silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Actie:
    naam: str
    #: Dutch, for the admin and for "why not" messages ("een schorsing besluiten").
    label: str
    #: What `Bevoegdheid.niveau` means for this action ("" = the action has no level), e.g.
    #: "niveau van het zorgdossier" or "ten hoogste zoveel schooldagen".
    niveau: str = ""
    #: What `Bevoegdheid.voor` names ("" = nothing: the row holds for the whole action), e.g.
    #: "maatregel" (a ladder rung's code) or "klachtfase" (a stage's code).
    voor: str = ""
    #: Whether holding it lets one read the content of pupils' files (care, complaints,
    #: dossier): such holders log in with a second factor (ASVS 4.3.1), and granting it to a
    #: role counts as widening sight under the trust rules.
    inhoud: bool = False


_ACTIES: dict[str, Actie] = {}


def registreer(naam: str, label, *, niveau: str = "", voor: str = "", inhoud: bool = False
               ) -> Actie:
    """Declare an action (idempotent for the same declaration: `ready()` may run twice)."""
    if "." not in naam:
        raise ValueError(f"Een actie heet '<stroom>.<handeling>', niet '{naam}'.")
    actie = Actie(naam, label, niveau, voor, inhoud)
    bestaand = _ACTIES.get(naam)
    if bestaand is not None and bestaand != actie:
        raise ValueError(f"Actie '{naam}' is al anders geregistreerd.")
    _ACTIES[naam] = actie
    return actie


def actie(naam: str) -> Actie | None:
    return _ACTIES.get(naam)


def acties() -> dict[str, Actie]:
    return dict(_ACTIES)


def inhoudsacties() -> frozenset[str]:
    return frozenset(n for n, a in _ACTIES.items() if a.inhoud)


def actie_validator(waarde: str) -> None:
    if waarde not in _ACTIES:
        raise ValidationError(
            _("Onbekende actie '%(a)s'. Bekende acties: %(lijst)s.")
            % {"a": waarde, "lijst": ", ".join(sorted(_ACTIES)) or "-"})


def keuzes() -> list[tuple[str, str]]:
    return [(n, f"{n}: {a.label}") for n, a in sorted(_ACTIES.items())]
