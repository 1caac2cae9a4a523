"""The sancties panels on the shared start and pupil pages."""

from __future__ import annotations

from dossiers import toegang as dossiertoegang
from dossiers.models import Inzagesoort
from dossiers.panelen import leerlingpaneel, startpaneel

from . import selectors, toegang

#: Rows on the start page; the panel says how many there are in all (issue 15: a large school's
#: teamleider follows hundreds of running measures).
START_REGELS = 25


@startpaneel(sleutel="sancties_schorsingen", template="sancties/_startpaneel.html", volgorde=50)
def schorsingen_paneel(*, user, school, rollen, op):
    """For whoever follows the measures (`sancties.volgen`: Echnaton's teamleiding for its
    department and the schoolleiding, art. 9.3)."""
    regels = selectors.paneelregels(user, school, rollen=rollen, op=op, limiet=START_REGELS)
    if regels is None:
        return None
    # For the start page's read-log row: the pupils named, about measures.
    return {"regels": regels, "aantal": regels.aantal, "meer": regels.aantal - len(regels),
            "inzage_leerlingen": regels,
            "inzagesoorten": (Inzagesoort.DOSSIER,)}


@leerlingpaneel(sleutel="sancties_ladder", template="sancties/_leerlingpaneel.html",
                volgorde=50)
def ladder_paneel(*, user, leerling, rechten, op):
    """The steps up the ladder this user may start for the pupil (the measures themselves are
    in the one chronology of the gedrag panel: `sancties/ladder.py`). Names no measure, so
    it writes no read-log row of its own."""
    if not toegang.mag_sancties_zien(user, leerling, op=op):
        return None
    from .views import acties_voor_leerling

    acties = acties_voor_leerling(user, leerling, op=op)
    if not acties:
        return None
    return {"leerling": leerling, "acties": acties}


@dossiertoegang.bronbeleid("sancties")
def _sanctiestukken(user, leerling, op):
    """A measure's dossier entries and letters (also a decision on bezwaar, filed under
    correspondentie) are read by whoever may see the pupil's measures (Echnaton art. 9.2:
    the behaviour part of the dossier), not by every reader of another section."""
    return None if toegang.mag_sancties_zien(user, leerling, op=op) else []
