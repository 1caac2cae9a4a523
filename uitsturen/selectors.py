"""Reads for the uitsturen pages, filtered by the authority rows and joined, so a page's
query count does not grow with the rows it shows."""

from __future__ import annotations

from datetime import date

from django.db.models import OuterRef, Subquery

from dossiers import relaties

from . import toegang
from .models import OPEN, Uitstuurmelding


def open_meldingen(user, *, op: date):
    """The open meldingen of the pupils `user` follows (the teamleider: their department),
    oldest first, with the pupil, the teacher and the pupil's group of that day."""
    plaatsing = relaties.plaatsingen_op(op).filter(leerling=OuterRef("leerling_id")).order_by("pk")
    return (Uitstuurmelding.objects
            .filter(stand__in=OPEN,
                    leerling__in=toegang.leerlingen_volgen(user, op=op))
            .select_related("leerling", "docent__medewerker", "termijn", "gemeld_bij")
            .annotate(groepnaam=Subquery(plaatsing.values("groep__naam")[:1]))
            .order_by("tijdstip", "pk"))


def open_aantal(user, *, school, op: date) -> int:
    return Uitstuurmelding.objects.filter(
        stand__in=OPEN, school=school,
        leerling__in=toegang.leerlingen_volgen(user, op=op)).count()


def melding(pk: int) -> Uitstuurmelding:
    return (Uitstuurmelding.objects
            .select_related("leerling__school", "docent__medewerker", "gemeld_bij__medewerker",
                            "afgerond_door__medewerker", "maatregelsoort__statuut", "termijn")
            .get(pk=pk))
