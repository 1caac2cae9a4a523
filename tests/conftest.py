import fcntl
from contextlib import contextmanager
from functools import partial, partialmethod

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
        werkers=int(request.config.workerinput.get("workercount", 1)) if gedeeld else 1,
        werker=request.config.workerinput["workerid"] if gedeeld else "")
    yield
    del creation.create_test_db


def _test_db_maken(creation, maken, verbosity=1, autoclobber=False, serialize=True,
                   keepdb=False, *, map_, werkers, werker):
    """Migrating the test database is the slow part of setting up (about 20 s), and mostly
    in django-fsm (`_fsm_zonder_historische_modellen`). With xdist on PostgreSQL the first
    worker migrates a template database once, under a file lock in the run's shared
    temporary directory; every worker's database is a copy of it (CREATE DATABASE ...
    TEMPLATE, under a second), so two workers do not migrate the same thing twice on two
    cores. What the tests find is the same database, table for table. The last worker to
    copy drops the template; one a run left behind (a worker that never needed a database)
    is replaced by the next run. Otherwise (one process, SQLite, --reuse-db) as always."""
    from django.conf import settings

    with _fsm_zonder_historische_modellen():
        if (map_ is None or keepdb or creation.connection.vendor != "postgresql"
                or creation.connection.settings_dict["TEST"].get("MIGRATE") is False):
            return maken(verbosity=verbosity, autoclobber=autoclobber, serialize=serialize,
                         keepdb=keepdb)
        connection = creation.connection
        doel = creation._get_test_db_name()
        sjabloon = f"{doel.removesuffix(f'_{werker}')}_sjabloon"
        qn = connection.ops.quote_name
        with open(map_ / f"{sjabloon}.lock", "a+") as slot:
            fcntl.flock(slot, fcntl.LOCK_EX)  # released when the file is closed
            slot.seek(0)
            gekopieerd = slot.read().split()
            with connection._nodb_cursor() as c:
                c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [sjabloon])
                bestaat = c.fetchone() is not None
            if not gekopieerd or not bestaat:  # the first of this run, or it was dropped
                test = connection.settings_dict["TEST"]
                oud, test["NAME"] = test.get("NAME"), sjabloon
                try:
                    maken(verbosity=verbosity, autoclobber=True, serialize=False, keepdb=False)
                finally:
                    test["NAME"] = oud
                connection.close()  # a template must have no sessions
            if verbosity >= 1:
                creation.log(f"Test database {doel!r} kopiëren uit {sjabloon!r}...")
            with connection._nodb_cursor() as c:
                c.execute(f"DROP DATABASE IF EXISTS {qn(doel)}")
                c.execute(f"CREATE DATABASE {qn(doel)} TEMPLATE {qn(sjabloon)}")
                gekopieerd.append(werker)
                if len(set(gekopieerd)) >= werkers:
                    c.execute(f"DROP DATABASE IF EXISTS {qn(sjabloon)}")
            slot.write(f"{werker}\n")
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = doel
        connection.settings_dict["NAME"] = doel
        if serialize:
            connection._test_serialized_contents = creation.serialize_db_to_string()
        connection.ensure_connection()
        return doel


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
