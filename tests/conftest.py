import fcntl
import gc
import hashlib
from contextlib import contextmanager
from functools import partial, partialmethod
from pathlib import Path

import pytest

from config.celery import app as celery_app
from tests import wereldvoorraad
from tests.personas import (  # noqa: F401  (fixtures for all tests)
    _snelle_wachtwoorden,
    termijnwereld,
    wereld,
)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request, tmp_path_factory):
    """Just before pytest-django creates the test database (its `django_db_setup`, with the
    worker's name in place): let it be created the cheaper way (`_test_db_maken`)."""
    from django.db import connection

    creation = connection.creation
    gedeeld = getattr(request.config, "workerinput", None) is not None
    creation.create_test_db = partial(
        _test_db_maken, creation, creation.create_test_db,
        map_=tmp_path_factory.getbasetemp().parent if gedeeld else None,
        werker=request.config.workerinput["workerid"] if gedeeld else "")
    yield
    del creation.create_test_db


def _test_db_maken(creation, maken, verbosity=1, autoclobber=False, serialize=True,
                   keepdb=False, *, map_, werker):
    """Migrating the test database is the slow part of setting up (about 20 s), and mostly
    in django-fsm (`_fsm_zonder_historische_modellen`). With xdist on PostgreSQL a template
    database is migrated once, under a file lock in the run's shared temporary directory,
    and every worker's database is a copy of it (CREATE DATABASE ... TEMPLATE, under a
    second), so two workers do not migrate the same thing twice on two cores. The template
    is named after a hash of every migration file (`_migratiehash`) and stays for the next
    run, which copies it at once; a template of other migrations is dropped when a new one
    is made. It is built under another name and renamed when complete, so an interrupted
    run leaves no half template behind. What the tests find is the same database, table for
    table. Otherwise (one process, SQLite, --reuse-db) as always."""
    from django.conf import settings

    with _fsm_zonder_historische_modellen():
        if (map_ is None or keepdb or creation.connection.vendor != "postgresql"
                or creation.connection.settings_dict["TEST"].get("MIGRATE") is False):
            return maken(verbosity=verbosity, autoclobber=autoclobber, serialize=serialize,
                         keepdb=keepdb)
        connection = creation.connection
        doel = creation._get_test_db_name()
        basis = f"{doel.removesuffix(f'_{werker}')}_sjabloon"
        sjabloon = f"{basis}_{_migratiehash()}"
        qn = connection.ops.quote_name
        with open(map_ / f"{basis}.lock", "a+") as slot:
            fcntl.flock(slot, fcntl.LOCK_EX)  # released when the file is closed
            with connection._nodb_cursor() as c:
                c.execute("SELECT datname FROM pg_database WHERE datname LIKE %s",
                          [f"{basis}%"])
                bestaande = {naam for (naam,) in c.fetchall()}
            if sjabloon not in bestaande:
                bouw = f"{sjabloon}_bouw_{werker}"
                test = connection.settings_dict["TEST"]
                oud, test["NAME"] = test.get("NAME"), bouw
                try:
                    maken(verbosity=verbosity, autoclobber=True, serialize=False, keepdb=False)
                finally:
                    test["NAME"] = oud
                connection.close()  # a template must have no sessions
                with connection._nodb_cursor() as c:
                    c.execute(f"ALTER DATABASE {qn(bouw)} RENAME TO {qn(sjabloon)}")
                    for naam in bestaande - {bouw}:  # other migrations', or left half-built
                        try:
                            c.execute(f"DROP DATABASE IF EXISTS {qn(naam)}")
                        except Exception:  # another run is copying it: it drops it later
                            pass
            if verbosity >= 1:
                creation.log(f"Test database {doel!r} kopiëren uit {sjabloon!r}...")
            with connection._nodb_cursor() as c:
                c.execute(f"DROP DATABASE IF EXISTS {qn(doel)}")
                c.execute(f"CREATE DATABASE {qn(doel)} TEMPLATE {qn(sjabloon)}")
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = doel
        connection.settings_dict["NAME"] = doel
        if serialize:
            connection._test_serialized_contents = creation.serialize_db_to_string()
        connection.ensure_connection()
        return doel


def _migratiehash() -> str:
    """What the migrated database depends on: every installed app's migration files (the
    project's and the libraries'), and the files a migration reads (statuut's presets)."""
    from django.apps import apps
    from django.conf import settings

    bestanden = []
    for app in apps.get_app_configs():
        map_ = Path(app.path) / "migrations"
        if map_.is_dir():
            bestanden += sorted(map_.glob("*.py"))
    bestanden += sorted((Path(settings.BASE_DIR) / "statuut" / "presets").glob("*"))
    h = hashlib.sha256()
    for bestand in bestanden:
        if bestand.is_file():
            naam = f"{bestand.parent.parent.name}/{bestand.parent.name}/{bestand.name}"
            h.update(naam.encode() + b"\0" + bestand.read_bytes() + b"\0")
    return h.hexdigest()[:12]


@contextmanager
def _fsm_zonder_historische_modellen():
    """Every django_fsm field connects a receiver to `class_prepared` when it joins a model,
    also in the models the migrations build to know each step's state (module "__fake__",
    thousands of them, with no methods and so no transitions). Every new model class then
    calls all those receivers: a fifth of migrating. For those models the receiver is
    disconnected again at once; the real models keep theirs."""
    from django.db.models.signals import class_prepared
    from django_fsm import FSMFieldMixin

    eigen = FSMFieldMixin.contribute_to_class

    def contribute_to_class(self, cls, name, *args, **kwargs):
        eigen(self, cls, name, *args, **kwargs)
        if cls.__module__ == "__fake__":
            class_prepared.disconnect(self._collect_transitions)

    FSMFieldMixin.contribute_to_class = contribute_to_class
    try:
        yield
    finally:
        FSMFieldMixin.contribute_to_class = eigen


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


@pytest.fixture(scope="session", autouse=True)
def _goedkoper_legen_na_transactionele_tests():
    from django.test import TransactionTestCase

    flush = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = partialmethod(
        wereldvoorraad.na_een_transactionele_test, flush=flush)
    yield
    TransactionTestCase._fixture_teardown = flush


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    # A test run allocates millions of short-lived ORM objects beside a long-lived heap (the
    # kept world, Django and WeasyPrint): with the default thresholds the cyclic collector
    # walks that heap again and again. Rarer collections cost memory only (the machines
    # have plenty; 3-14% less CPU measured on tests/klachten and tests/dossiers files).
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


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
