"""Fixtures built once per test process instead of once per test: the personas' world
(tests/personas.py) and fixtures built on it, declared with `@bewaard`.

Building the world (two statuut presets, two schools, ten staff, four pupils) takes about
0.2 s, and most tests ask for it. So the test database keeps it between tests, committed, the
way Django's setUpTestData keeps a class's data:

- Before a test's fixtures run (tests/conftest.py, `pytest_runtest_setup`), the database is
  brought into the state the test needs: as the migrations left it (a test that asks for no
  kept fixture never sees one), or built up to the deepest kept fixture it asks for, e.g.
  wereld -> termijnwereld -> kw. A state that extends the present one is built on it; any
  other starts again from an empty world. pytest-django runs the transactional tests last and
  the files group the rest, so the state changes a few dozen times per run, not per test.
- Each test still runs in its own transaction, rolled back at its end: its writes vanish.
- Each test gets its own copies of the objects (one `copy.deepcopy` of all the kept objects,
  as setUpTestData does), so a change in memory never reaches another test.
- A transactional test (`transactional_db`, `live_server`, the Celery `werker`) commits, and
  its teardown empties every table; the state is built again for the next test that needs it.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.utils import timezone

#: Fixtures by which a test uses the database; all but `db` commit.
_DATABASE = {"db", "transactional_db", "django_db_reset_sequences",
             "django_db_serialized_rollback", "live_server"}
_TRANSACTIONEEL = _DATABASE - {"db"}

LEEG: tuple[str, ...] = ()  # the database as the migrations left it


@dataclass(frozen=True)
class _Stap:
    naam: str
    ouder: str | None
    bouwen: Callable  # bouwen() for the world, bouwen(objects of the parent) for the others


_STAPPEN: dict[str, _Stap] = {}


@dataclass
class _Voorraad:
    blocker: object = None  # pytest-django's django_db_blocker, once the database exists
    stand: tuple[str, ...] | None = LEEG  # the steps built, in order; None: unknown
    objecten: dict[str, object] = field(default_factory=dict)  # per step, as built
    kopie: dict[str, object] | None = None  # the present test's copy of them
    leeg_gevuld: set[str] | None = None  # tables with rows before any step (migrations)
    tabellen: set[str] = field(default_factory=set)  # the tables the steps fill
    alleen_truncate: set[str] = field(default_factory=set)  # those that refuse DELETE
    eerste_nodig: tuple[str, ...] | None = None  # for the test that creates the database
    na_migratie: dict[str, int] | None = None  # rows of content types and permissions


_voorraad = _Voorraad()


# --- declaring a kept fixture ---------------------------------------------------------------


def registreren(naam: str, ouder: str | None, bouwen: Callable) -> None:
    """Register step `naam` (for a fixture written by hand that gets its objects from
    `voor_de_test(naam)`, as `wereld` does); `bewaard` does both."""
    if naam in _STAPPEN:
        raise ValueError(f"Bewaarde fixture '{naam}' bestaat al.")
    _STAPPEN[naam] = _Stap(naam, ouder, bouwen)


def bewaard(ouder: str | None, ook: tuple[str, ...] = ()):
    """Declare a fixture whose objects are built once per test process on top of the kept
    fixture `ouder`, and kept in the database between tests. The decorated function gets
    the parent's objects and returns its own (what the fixture gives each test, copied).

    It runs outside any test, so no other fixture is active: it brings what it needs itself
    (a test Client, a clock by time_machine.travel); the settings of the tests' autouse
    fixtures apply (fast password hasher, e-mail in memory, Celery in-process). As in a test,
    what waits for a commit never runs. `ook` names fixtures every test using it still gets
    (a clock the tests move). A kept fixture's name is unique in the suite.
    """
    def decorator(bouwen: Callable) -> Callable:
        naam = bouwen.__name__
        registreren(naam, ouder, bouwen)

        def fixture(**_fixtures):
            return voor_de_test(naam)

        # The parent (and `ook`) as arguments: pytest sets them up first, and `db` with them.
        fixture.__signature__ = inspect.Signature(
            [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY)
             for n in (*ook, *([ouder] if ouder else ["db"]))])
        fixture.__doc__ = bouwen.__doc__
        fixture.__name__ = fixture.__qualname__ = naam
        fixture.__module__ = bouwen.__module__
        return pytest.fixture(name=naam)(fixture)

    return decorator


def _keten(naam: str) -> tuple[str, ...]:
    keten = []
    while naam is not None:
        keten.insert(0, naam)
        naam = _STAPPEN[naam].ouder
    return tuple(keten)


# --- what a test needs ----------------------------------------------------------------------


def _django_testcase(item) -> type | None:
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return cls if isinstance(cls, type) and issubclass(cls, TransactionTestCase) else None


def nodig(item) -> tuple[str, ...] | None:
    """The steps the test needs built before its fixtures run (None: no database)."""
    namen = set(getattr(item, "fixturenames", ()))
    bewaarde = [n for n in _STAPPEN if n in namen]
    if bewaarde:
        keten = max((_keten(n) for n in bewaarde), key=len)
        if not set(bewaarde) <= set(keten):
            raise RuntimeError(
                f"De bewaarde fixtures {', '.join(sorted(bewaarde))} bouwen niet op elkaar "
                "voort; een test kan er maar één keten van gebruiken.")
        return keten
    if namen & _DATABASE or item.get_closest_marker("django_db") or _django_testcase(item):
        return LEEG
    return None


def transactioneel(item) -> bool:
    """Whether pytest-django runs the test as a TransactionTestCase (whose teardown empties
    every table), by the same rules as its `_django_db_helper`."""
    from django.test import TestCase
    from pytest_django.fixtures import validate_django_db

    if set(getattr(item, "fixturenames", ())) & _TRANSACTIONEEL:
        return True
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        transaction_, reset_sequences, *_rest = validate_django_db(marker)
        if transaction_ or reset_sequences:
            return True
    cls = _django_testcase(item)
    return cls is not None and not issubclass(cls, TestCase)


# --- called by the pytest hooks and the fixtures --------------------------------------------


def database_gereed(blocker) -> None:
    """pytest-django has created (or, with --reuse-db, found) the test database."""
    _voorraad.blocker = blocker
    with blocker.unblock():
        from statuut.models import School

        # A run interrupted with --reuse-db may have left its world behind.
        if School.objects.filter(brin="12AB", korte_naam="echnaton").exists():
            call_command("flush", interactive=False, verbosity=0)
        _voorraad.na_migratie = _post_migrate_tellingen()
    _voorraad.stand = LEEG
    _naar(_voorraad.eerste_nodig)


def na_een_transactionele_test(testcase, flush: Callable) -> None:
    """Instead of Django's teardown of a transactional test (`flush`: a TRUNCATE of every
    table, two to three seconds on PostgreSQL for each browser or worker test): empty only
    the tables that have rows, with DELETE (`tabellen_legen`), then send post_migrate as the
    flush does (guardian's anonymous user). The content types and permissions stay when
    they are as the migrations left them (post_migrate would write the same rows again, at
    a cost): what the next test finds is what it found after the flush."""
    from django.core.management.sql import emit_post_migrate_signal

    if (connection.vendor != "postgresql" or testcase.available_apps is not None
            or testcase.serialized_rollback
            or set(testcase._databases_names(include_mirrors=False)) != {connection.alias}):
        return flush(testcase)
    tellingen = _post_migrate_tellingen()
    gevuld = _gevulde_tabellen() & set(connection.introspection.django_table_names(
        only_existing=True, include_views=False))
    if tellingen != _voorraad.na_migratie:
        tabellen_legen(gevuld)
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
        return
    tabellen_legen(gevuld - set(tellingen))
    with _zonder_eigen_rijen_van_post_migrate():
        emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)


@contextmanager
def _zonder_eigen_rijen_van_post_migrate():
    """post_migrate without the receivers that write the content types and permissions
    (they would find every row there, in a query per app)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes
    from django.db.models.signals import post_migrate

    uid = "django.contrib.auth.management.create_permissions"
    post_migrate.disconnect(create_contenttypes)
    post_migrate.disconnect(dispatch_uid=uid)
    try:
        yield
    finally:
        post_migrate.connect(create_contenttypes)
        post_migrate.connect(create_permissions, dispatch_uid=uid)


def _post_migrate_tellingen() -> dict[str, int]:
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    return {m._meta.db_table: m.objects.count() for m in (ContentType, Permission)}


def database_opruimen() -> None:
    """At the end of the run: leave the database as the migrations left it (--reuse-db)."""
    if _voorraad.blocker is not None:
        _naar(LEEG)
        _voorraad.blocker = None


def voor_de_test_klaarzetten(item) -> None:
    _voorraad.kopie = None
    stand = nodig(item)
    if _voorraad.blocker is None:
        _voorraad.eerste_nodig = stand  # database_gereed does it, once the database exists
        return
    _naar(stand)


def na_de_test(item) -> None:
    v = _voorraad
    v.kopie = None
    if v.blocker is None or v.stand in (LEEG, None) or not transactioneel(item):
        return  # (an unknown state is emptied before the next build anyway)
    with v.blocker.unblock():
        from statuut.models import School

        # Its teardown emptied every table, unless the test never reached the database (a
        # browser test skipped without Chromium): then everything is as it was.
        wereld = v.objecten.get("wereld")
        if wereld is None or not School.objects.filter(pk=wereld.school.pk).exists():
            v.stand, v.objecten = LEEG, {}


def voor_de_test(naam: str):
    """The objects of kept fixture `naam` for the present test: its own copy."""
    v = _voorraad
    if v.stand is None or naam not in v.stand:
        raise RuntimeError(
            f"De testdatabase heeft '{naam}' niet klaarstaan (wel: {v.stand}): vraag de "
            "fixture aan in de argumenten van de test of van een fixture; "
            "request.getfixturevalue ziet tests/wereldvoorraad.py niet.")
    if v.kopie is None:
        v.kopie = copy.deepcopy(v.objecten)
        _schooljaar_van_vandaag(v.kopie["wereld"])
    return v.kopie[naam]


# --- the states -----------------------------------------------------------------------------


def _naar(stand: tuple[str, ...] | None) -> None:
    v = _voorraad
    if stand is None or stand == v.stand:
        return
    van, v.stand = v.stand, None  # until done: an error half-way leaves it unknown
    with v.blocker.unblock(), _zoals_in_een_test():
        if van is not None and stand[:len(van)] == van:
            erbij = stand[len(van):]
        else:
            if van != LEEG:
                _legen()
            erbij = stand
        for naam in erbij:
            _bouwen(_STAPPEN[naam])
    v.stand = stand
    from statuut import kalender

    kalender.vergeet_cache()


@contextmanager
def _zoals_in_een_test():
    """The settings the tests' autouse fixtures (tests/conftest.py) give a fixture."""
    from config.celery import app as celery_app
    from tests.personas import SNELLE_WACHTWOORDEN

    oud = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        with override_settings(
            PASSWORD_HASHERS=SNELLE_WACHTWOORDEN,
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ):
            yield
    finally:
        celery_app.conf.task_always_eager = oud


def _bouwen(stap: _Stap) -> None:
    v = _voorraad
    if v.leeg_gevuld is None:
        v.leeg_gevuld = _gevulde_tabellen()
    with transaction.atomic():
        if stap.ouder is None:
            v.objecten = {stap.naam: stap.bouwen()}
        else:
            v.objecten[stap.naam] = stap.bouwen(v.objecten[stap.ouder])
        # As in a test's transaction, which is rolled back: what waits for the commit (a
        # letter's rendering, a cache to forget) never runs.
        connection.run_on_commit = []
    v.tabellen |= _gevulde_tabellen() - v.leeg_gevuld


def _gevulde_tabellen() -> set[str]:
    namen = connection.introspection.table_names()
    qn = connection.ops.quote_name
    sql = " UNION ALL ".join(f"SELECT {i} WHERE EXISTS (SELECT 1 FROM {qn(naam)})"
                             for i, naam in enumerate(namen))
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {namen[i] for (i,) in cursor.fetchall()}


def _legen() -> None:
    """Empty the tables the steps fill."""
    _voorraad.objecten = {}
    tabellen_legen(_voorraad.tabellen)


def tabellen_legen(tabellen: set[str]) -> None:
    """Empty these tables. DELETE, not TRUNCATE: for a few small tables it is ten times
    faster (a TRUNCATE that cascades takes a second on PostgreSQL). Django's foreign keys
    are checked at commit, so the order does not matter. An append-only table refuses
    DELETE (its trigger, dossiers/migrations) and allows TRUNCATE for this; it is found out
    once, by trying."""
    while True:
        try:
            _legen_met(tabellen, _voorraad.alleen_truncate)
            return
        except _WeigertDelete as fout:
            _voorraad.alleen_truncate.add(fout.tabel)


class _WeigertDelete(Exception):
    def __init__(self, tabel: str):
        self.tabel = tabel


def _legen_met(tabellen: set[str], truncate: set[str]) -> None:
    qn = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        # TRUNCATE first: it refuses a table with a DELETE's foreign key checks pending.
        if truncate & tabellen:
            for sql in connection.ops.sql_flush(no_style(), sorted(truncate & tabellen),
                                                allow_cascade=True):
                cursor.execute(sql)
        for tabel in sorted(tabellen - truncate):
            try:
                with transaction.atomic():
                    cursor.execute(f"DELETE FROM {qn(tabel)}")
            except DatabaseError as fout:
                raise _WeigertDelete(tabel) from fout


def _schooljaar_van_vandaag(wereld) -> None:
    """A test whose clock stands in another school year than the day the world was built
    gets the world as built on its day: its school year is that one (in its transaction)."""
    from statuut.models import Schooljaar

    jaar = wereld.schooljaar
    naam = Schooljaar.naam_voor(timezone.localdate())
    if jaar.naam == naam:
        return
    if Schooljaar.objects.filter(naam=naam).exists():
        raise RuntimeError(
            f"Een bewaarde fixture maakte schooljaar {naam} naast dat van de wereld "
            f"({jaar.naam}): bouw haar met de klok van de tests die haar gebruiken.")
    start = int(naam[:4])
    jaar.naam, jaar.begin, jaar.eind = naam, date(start, 8, 1), date(start + 1, 7, 31)
    Schooljaar.objects.filter(pk=jaar.pk).update(naam=jaar.naam, begin=jaar.begin,
                                                 eind=jaar.eind)
