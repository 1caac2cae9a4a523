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
    with django_db_blocker.unblock():
        _andere_sessies_beeindigen()


def _andere_sessies_beeindigen() -> None:
    """Before pytest-django drops the test database: a session some thread or child process
    left open (a browser test's server thread still answering, a worker that had not yet let
    go) would make the drop fail after every test passed. Say which, then end it."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as c:
        c.execute("SELECT pid, application_name, state, left(query, 120) FROM pg_stat_activity"
                  " WHERE datname = current_database() AND pid <> pg_backend_pid()")
        for pid, naam, toestand, vraag in c.fetchall():
            print(f"\nOpen databasesessie aan het eind van de run: pid {pid} {naam!r} "
                  f"{toestand}: {vraag}")
            c.execute("SELECT pg_terminate_backend(%s)", [pid])


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
