import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("leerlingzorg")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def _vereis_secret_key(**_kwargs):
    from django.core.exceptions import ImproperlyConfigured

    from config.opstart import vereis_secret_key

    try:
        vereis_secret_key()
    except ImproperlyConfigured as exc:
        # Celery logs and swallows an Exception from a signal handler; SystemExit stops it.
        raise SystemExit(str(exc)) from exc
