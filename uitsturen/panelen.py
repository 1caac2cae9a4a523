"""The uitsturen blocks on the shared pages: the start-page count of open meldingen for
whoever follows them (`uitsturen.volgen`), and the pupil's rungs in the ladder chronology."""

from __future__ import annotations

from django.urls import reverse

from dossiers import maatregelen
from dossiers.panelen import startpaneel

from . import selectors, toegang
from .models import Stand, Uitstuurmelding


@startpaneel(sleutel="uitsturen_open", template="uitsturen/_startpaneel.html", volgorde=45)
def open_paneel(*, user, school, rollen, op):
    """The number only (no pupil named, so nothing for the read log)."""
    if not toegang.volgt_op(user, school, op=op):
        return None
    return {"aantal": selectors.open_aantal(user, school=school, op=op)}


def ladderbron(leerling, gebruiker) -> list[maatregelen.Ladderregel]:
    """The pupil's meldingen the user may see (the ones they follow or sent out)."""
    qs = Uitstuurmelding.objects.filter(toegang.zichtbaar(gebruiker), leerling=leerling)
    return [maatregelen.Ladderregel(
        datum=m.datum, trede=m.trede, naam=m.maatregel_naam, omschrijving=m.reden_kort,
        stand=Stand(m.stand).label, url=reverse("uitsturen:melding", args=[m.pk]))
        for m in qs.order_by("-tijdstip")]
