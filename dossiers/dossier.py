"""The dossier's only writer: entries are added, corrected by an addendum, and removed only
by a procedure that calls for it, leaving a tombstone. Never edited in place."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from .models import Dossierstuk, Leerling


@transaction.atomic
def stuk_toevoegen(
    *, door, leerling: Leerling, sectie: str, titel: str, inhoud: str = "",
    datum: date | None = None, bron: models.Model | None = None, controleer: bool = True,
) -> Dossierstuk:
    """Add an entry to `leerling`'s dossier in `sectie`, written by `door`.

    `controleer=False` is for services of the flows that have already checked the policy for
    the decision the entry records (a letter, a measure); a user adding a note directly gets
    `controleer=True`.
    """
    return Dossierstuk.objects.create(
        leerling=leerling, sectie=sectie, titel=titel, inhoud=inhoud,
        datum=datum or timezone.localdate(), auteur=door,
        bron_type=ContentType.objects.get_for_model(bron) if bron is not None else None,
        bron_id=bron.pk if bron is not None else None,
    )
