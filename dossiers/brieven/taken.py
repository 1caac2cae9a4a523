"""Celery tasks for letters: ids in, idempotent, retried with a short backoff, and recorded as
mislukt after the last try (DESIGN.md: acks_late with reject_on_worker_lost, set globally; no
long countdowns). A worker killed mid-render leaves nothing behind (the render's transaction
never committed) and the task is delivered again.

The retry rule: `autoretry_for` schedules the next try for any error; on the last try
(`self.request.retries == self.max_retries`) the task catches the error itself and records
it, so the failure is visible in the outgoing post instead of only in a worker log.
"""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.utils.translation import gettext as _

from . import services

POGINGEN = 4  # the first try and three retries
_OPTIES = {
    "bind": True,
    "autoretry_for": (Exception,),
    "max_retries": POGINGEN - 1,
    "retry_backoff": 2,  # 2, 4, 8 seconds
    "retry_backoff_max": settings.BRIEVEN_HERPOGING_MAX_SECONDEN,
    "retry_jitter": False,
    "soft_time_limit": 60,  # WeasyPrint on one letter takes well under a second
    "time_limit": 90,
}


def _laatste_poging(taak) -> bool:
    return taak.request.retries >= taak.max_retries


def _eager_opnieuw(taak, *args):
    """In-process (no broker, `task_always_eager`): the next try at once. Celery's eager mode
    with `task_eager_propagates` raises autoretry's `Retry` to the caller instead of running
    it, so the task runs itself again, counting the retry."""
    return taak.apply(args=args, retries=taak.request.retries + 1, throw=True).result


def _reden(exc: Exception) -> str:
    return _("Het maken is %(n)s keer mislukt. Laatste fout: %(soort)s: %(fout)s") % {
        "n": POGINGEN, "soort": type(exc).__name__, "fout": exc}


@shared_task(name="dossiers.brief_maken", **_OPTIES)
def brief_maken_taak(self, brief_id: int) -> bool:
    try:
        return services.brief_maken(brief_id)
    except Exception as exc:
        if not _laatste_poging(self):
            if self.request.is_eager:
                return _eager_opnieuw(self, brief_id)
            raise  # autoretry_for: tried again after the backoff
        services.brief_mislukt(brief_id, _reden(exc), pogingen=POGINGEN)
        return False


@shared_task(name="dossiers.bundel_maken", **_OPTIES)
def bundel_maken_taak(self, bundel_id: int) -> bool:
    try:
        return services.bundel_maken(bundel_id)
    except Exception as exc:
        if not _laatste_poging(self):
            if self.request.is_eager:
                return _eager_opnieuw(self, bundel_id)
            raise
        services.bundel_mislukt(bundel_id, _reden(exc))
        return False


@shared_task(name="dossiers.brieven_vastgelopen_opnieuw")
def brieven_vastgelopen_opnieuw_taak(seconden: int | None = None) -> int:
    """Beat, every five minutes: letters stuck in `aangevraagd` are queued again.
    `seconden` (instead of `services.VASTGELOPEN_NA`) is for the fault runs."""
    if seconden is None:
        return services.vastgelopen_opnieuw_starten()
    return services.vastgelopen_opnieuw_starten(ouder_dan=timedelta(seconds=seconden))
