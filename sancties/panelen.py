"""The sancties panels on the shared start and pupil pages."""

from __future__ import annotations

from dossiers import toegang
from dossiers.panelen import leerlingpaneel, startpaneel

from . import selectors


@startpaneel(sleutel="sancties_schorsingen", template="sancties/_startpaneel.html", volgorde=50)
def schorsingen_paneel(*, user, school, rollen, op):
    if not set(rollen) & set(selectors.PANEELROLLEN):
        return None
    return {"regels": selectors.paneelregels(user, school, op=op)}


@leerlingpaneel(sleutel="sancties_ladder", template="sancties/_leerlingpaneel.html",
                volgorde=50)
def ladder_paneel(*, user, leerling, rechten, op):
    if not toegang.mag_sancties_zien(user, leerling, op=op):
        return None
    from .views import acties_voor_leerling

    ladder = list(selectors.ladder(leerling))
    return {"leerling": leerling, "ladder": ladder,
            "acties": acties_voor_leerling(user, leerling, op=op),
            "inzage": "maatregelen" if ladder else ""}
