"""Which pupil a deadline is about, for the pages that name it ("Mijn termijnen").

A deadline's text never names the pupil (it reaches reminder e-mails and calendar feeds);
the page adds the name for whoever may see that pupil. `dossiers` knows no flow, so each
flow registers, from its `AppConfig.ready()`, for each model a deadline can be about, the
path from that model to its pupil (and optionally a filter: a confidential complaint names
nobody). The selector turns these into one annotation of the deadlines' own query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, When


@dataclass(frozen=True)
class Onderwerp:
    model: type[models.Model]
    pad: str  # from the model to the pupil's id, e.g. "traject__zorgdossier__leerling_id"
    filter: Q | None = None


_ONDERWERPEN: dict[str, Onderwerp] = {}


def registreer(model: type[models.Model], pad: str, *, filter: Q | None = None) -> None:
    _ONDERWERPEN[model._meta.label_lower] = Onderwerp(model, pad, filter)


def leerling_id_expressie() -> Case | None:
    """For a Termijn queryset: the id of the pupil the deadline is about, or None."""
    takken = []
    for onderwerp in _ONDERWERPEN.values():
        qs = onderwerp.model._default_manager.filter(pk=OuterRef("onderwerp_id"))
        if onderwerp.filter is not None:
            qs = qs.filter(onderwerp.filter)
        ct = ContentType.objects.get_for_model(onderwerp.model)  # cached after the first
        takken.append(When(onderwerp_type_id=ct.pk,
                           then=Subquery(qs.values(onderwerp.pad)[:1])))
    if not takken:
        return None
    return Case(*takken, default=None, output_field=IntegerField())
