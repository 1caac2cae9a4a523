"""Celery task for letters: ids in, idempotent, retried, and marked mislukt after the last
try (DESIGN.md: acks_late, no long countdowns)."""

from celery import shared_task

from . import services


@shared_task(name="dossiers.brief_maken", bind=True, max_retries=3,
             soft_time_limit=60, time_limit=90)
def brief_maken_taak(self, brief_id: int) -> bool:
    try:
        return services.brief_maken(brief_id)
    except Exception as exc:  # noqa: BLE001  (any render failure is retried, then recorded)
        if self.request.retries >= self.max_retries or self.app.conf.task_always_eager:
            services.brief_mislukt(brief_id, f"{type(exc).__name__}: {exc}")
            return False
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 5) from exc
