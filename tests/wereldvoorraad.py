"""The personas' world (tests/personas.py), built once per test process instead of per test.

Building it (two statuut presets, two schools, ten staff, four pupils) takes about 0.2 s, and
most tests ask for it. So the test database keeps it between tests, committed, the way
Django's setUpTestData keeps a class's data:

- Before a test's fixtures run (tests/conftest.py, `pytest_runtest_setup`), the database is
  brought into the state the test needs: as the migrations left it (a test that does not ask
  for the world never sees it), the world (`wereld`), or the world with the 2026-2027
  calendar (`termijnwereld`). pytest-django runs the transactional tests last and the files
  group the rest, so the state changes a few dozen times per run, not per test.
- Each test still runs in its own transaction, rolled back at its end: its writes vanish.
- Each test gets its own copies of the objects (`copy.deepcopy` of the objects as built, as
  setUpTestData does), so a change in memory never reaches another test.
- A transactional test (`transactional_db`, `live_server`, the Celery `werker`) commits, and
  its teardown empties every table; the world is built again for the next test that needs it.
"""

from __future__ import annotations

import copy
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

LEEG = "leeg"  # as the migrations left it
WERELD = "wereld"
TERMIJNWERELD = "termijnwereld"
ONBEKEND = "onbekend"  # after a transactional test (its teardown empties every table)

#: Fixtures by which a test uses the database; the transactional ones commit.
_DATABASE = {"db", "transactional_db", "django_db_reset_sequences",
             "django_db_serialized_rollback", "live_server"}
_TRANSACTIONEEL = _DATABASE - {"db"}


class _Voorraad:
    blocker = None  # pytest-django's django_db_blocker, once the test database exists
    stand = LEEG
    wereld = None  # the objects as built: every test gets a deep copy
    leeg_gevuld: set[str] | None = None  # tables with rows before any world (migrations)
    tabellen: set[str] = set()  # the tables the world fills
    eerste_nodig: str | None = None  # what the test that creates the database needs


_voorraad = _Voorraad()


def _django_testcase(item) -> type | None:
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return cls if isinstance(cls, type) and issubclass(cls, TransactionTestCase) else None


def nodig(item) -> str | None:
    """What the test needs in the database before its fixtures run (None: no database)."""
    namen = set(getattr(item, "fixturenames", ()))
    if "termijnwereld" in namen:
        return TERMIJNWERELD
    if "wereld" in namen:
        return WERELD
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


# --- the pytest hooks and the fixture call these -------------------------------------------


def database_gereed(blocker) -> None:
    """pytest-django has created (or, with --reuse-db, found) the test database."""
    _voorraad.blocker = blocker
    with blocker.unblock():
        from statuut.models import School

        # A run interrupted with --reuse-db may have left its world behind.
        if School.objects.filter(brin="12AB", korte_naam="echnaton").exists():
            call_command("flush", interactive=False, verbosity=0)
    _voorraad.stand = LEEG
    _naar(_voorraad.eerste_nodig)


def database_opruimen() -> None:
    """At the end of the run: leave the database as the migrations left it (--reuse-db)."""
    if _voorraad.blocker is not None:
        _naar(LEEG)


def voor_de_test_klaarzetten(item) -> None:
    stand = nodig(item)
    if _voorraad.blocker is None:
        _voorraad.eerste_nodig = stand  # database_gereed does it, once the database exists
        return
    _naar(stand)


def na_de_test(item) -> None:
    if transactioneel(item):
        _voorraad.stand, _voorraad.wereld = ONBEKEND, None


def voor_de_test():
    """The world for the `wereld` fixture: the test's own copies of the objects as built."""
    controleren(WERELD, TERMIJNWERELD)
    wereld = copy.deepcopy(_voorraad.wereld)
    _schooljaar_van_vandaag(wereld)
    return wereld


def controleren(*standen: str) -> None:
    if _voorraad.stand not in standen or _voorraad.wereld is None:
        raise RuntimeError(
            f"De testdatabase is in stand '{_voorraad.stand}', de test vraagt "
            f"{' of '.join(standen)}: vraag de fixture aan in de argumenten van de test of van "
            "een fixture (tests/wereldvoorraad.py ziet request.getfixturevalue niet).")


# --- the states ---------------------------------------------------------------------------


def _naar(stand: str | None) -> None:
    v = _voorraad
    if stand is None or stand == v.stand:
        return
    van, v.stand = v.stand, ONBEKEND  # until done: an error half-way leaves it unknown
    with v.blocker.unblock(), _zoals_in_een_test():
        if stand == WERELD or (stand == TERMIJNWERELD and van != WERELD):
            if van != LEEG:
                _legen()
            _bouwen()
        elif stand == LEEG:
            _legen()
        if stand == TERMIJNWERELD:
            _termijnen_toevoegen()
    v.stand = stand
    from statuut import kalender

    kalender.vergeet_cache()


@contextmanager
def _zoals_in_een_test():
    """The settings the tests' autouse fixtures give the world when a test builds it."""
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


def _gevulde_tabellen() -> set[str]:
    namen = connection.introspection.table_names()
    qn = connection.ops.quote_name
    sql = " UNION ALL ".join(f"SELECT {i} WHERE EXISTS (SELECT 1 FROM {qn(naam)})"
                             for i, naam in enumerate(namen))
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return {namen[i] for (i,) in cursor.fetchall()}


def _legen() -> None:
    """Empty the tables the world fills (one TRUNCATE on PostgreSQL)."""
    _voorraad.wereld = None
    if _voorraad.tabellen:
        connection.ops.execute_sql_flush(connection.ops.sql_flush(
            no_style(), sorted(_voorraad.tabellen), allow_cascade=True))


def _bouwen() -> None:
    from tests import personas

    if _voorraad.leeg_gevuld is None:
        _voorraad.leeg_gevuld = _gevulde_tabellen()
    with transaction.atomic():
        _voorraad.wereld = personas.wereld_bouwen()
    _voorraad.tabellen |= _gevulde_tabellen() - _voorraad.leeg_gevuld


def _termijnen_toevoegen() -> None:
    from tests import personas

    with transaction.atomic():
        personas.termijnen_toevoegen(_voorraad.wereld)
    _voorraad.tabellen |= _gevulde_tabellen() - _voorraad.leeg_gevuld


def _schooljaar_van_vandaag(wereld) -> None:
    """A test whose clock stands in another school year than the day the world was built
    gets the world as built on its day: the groups in that school year (in its transaction)."""
    from dossiers.models import Groep
    from statuut.models import Schooljaar

    vandaag = timezone.localdate()
    if wereld.schooljaar.naam == Schooljaar.naam_voor(vandaag):
        return
    oud = wereld.schooljaar
    jaar = Schooljaar.voor_datum(vandaag)
    Groep.objects.filter(schooljaar=oud).update(schooljaar=jaar)
    Schooljaar.objects.filter(pk=oud.pk).delete()
    wereld.schooljaar = jaar
    for groep in (wereld.groep_1a, wereld.groep_1b, wereld.groep_4h):
        groep.schooljaar = jaar
