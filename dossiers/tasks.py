"""Celery tasks of the dossiers app. Each is a thin, idempotent wrapper that takes ids and
calls a service; the services hold the rules (DESIGN.md: pass ids, acks_late, unique rows)."""

from celery import shared_task

from . import toekenningen


@shared_task(name="dossiers.toekenningen_opruimen")
def toekenningen_opruimen() -> int:
    return toekenningen.verlopen_toekenningen_opruimen()


# The reminder sweep (dossiers.herinneringen) and the letter tasks (dossiers.brieven) register
# themselves under "dossiers.termijnen_vegen", "dossiers.herinnering_versturen",
# "dossiers.brief_maken" and "dossiers.bundel_maken"; imported here so autodiscovery finds them.
from . import herinneringen as _herinneringen  # noqa: E402,F401
from .brieven import taken as _brieventaken  # noqa: E402,F401
