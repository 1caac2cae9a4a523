import pytest

from config.celery import app as celery_app
from tests import wereldvoorraad
from tests.personas import (  # noqa: F401  (fixtures for all tests)
    _snelle_wachtwoorden,
    termijnwereld,
    wereld,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, which keeps the personas' world between tests
    (tests/wereldvoorraad.py)."""
    wereldvoorraad.database_gereed(django_db_blocker)
    yield
    wereldvoorraad.database_opruimen()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before any fixture of the test: its transaction must find the world (or no world).
    wereldvoorraad.voor_de_test_klaarzetten(item)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    wereldvoorraad.na_de_test(item)


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
