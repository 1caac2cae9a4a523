import pytest

from config.celery import app as celery_app
from tests.personas import (  # noqa: F401  (fixtures for all tests)
    _snelle_wachtwoorden,
    termijnwereld,
    wereld,
)


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _celery_in_proces(request):
    """Tasks run in-process in tests (even when CI sets CELERY_BROKER_URL), except in tests
    that start a real worker with the `werker` fixture (tests/taken)."""
    if "werker" in request.fixturenames:
        yield
        return
    oud = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = oud
