"""The statuut's rules and the roles kept in the process between requests, while unchanged.

Every request asks which statuut version is in force at a school, its access matrix
(`Toegangsregel`), its authority rows (`Bevoegdheid`), its bodies (`Orgaanrol`), which
roles the user holds (`Roltoewijzing`, with the school) and whether they hold any grant
(`Toekenning`): the same rows, changed a few times a year, and the version alone has some
190 columns, costlier to ask for and build than the rest of a refused step. A process keeps
what it read under the database's *stamp* (`statuut_regelstempel`, migrations statuut/0020
and dossiers/0018): one value that a trigger on each of those tables replaces in the
writer's own transaction, on every insert, update, delete or truncate. So:

- a reader sees a new stamp in the same commit as the new rows, and reads them again;
- a writer sees its own new stamp and rows before it commits, and nobody else does; a stamp
  that was rolled back never comes again (PostgreSQL takes them from a sequence);
- every process and every writer (the application, a migration, psql) moves the stamp:
  there is nothing to forget by hand, across processes too.

A request reads the stamp once (`dossiers.toegang.basis.regelstempel`); outside a request
every read does, a query of one value instead of the rows. What is handed out is a fresh
copy of each row (`kopie`), so nothing a request does to an instance reaches another
(the authority rows excepted: see `dossiers.toegang.bevoegdheden.alle_rijen`).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date

from django.db import connections, models

#: How many stamps a process keeps rows for: the tests' rolled-back transactions come back
#: to the same few stamps again and again.
BEWAARD_MAXIMAAL = 16

#: The databases whose stamp the migrations keep (`_trigger_sql`).
BEWAAKT = ("postgresql", "sqlite")

_slot = threading.Lock()
_bewaard: OrderedDict[tuple, dict] = OrderedDict()


# --- the stamp in the database (used by the migrations that guard a table) ----------------

def _trigger_sql(vendor: str, tabel: str) -> tuple[list[str], list[str]]:
    """The statements that make a write to `tabel` move the stamp, and that undo it."""
    if vendor == "postgresql":
        return ([f"""CREATE TRIGGER statuut_regelstempel
                     AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {tabel}
                     FOR EACH STATEMENT EXECUTE FUNCTION statuut_regelstempel_verzetten()"""],
                [f"DROP TRIGGER IF EXISTS statuut_regelstempel ON {tabel}"])
    if vendor == "sqlite":  # row triggers only
        acties = ("INSERT", "UPDATE", "DELETE")
        return ([f"""CREATE TRIGGER statuut_regelstempel_{tabel}_{actie} AFTER {actie} ON {tabel}
                     BEGIN UPDATE statuut_regelstempel SET waarde = abs(random()) WHERE id = 1;
                     END""" for actie in acties],
                [f"DROP TRIGGER IF EXISTS statuut_regelstempel_{tabel}_{actie}"
                 for actie in acties])
    return [], []


def bewaken(schema_editor, *tabellen: str) -> None:
    """From a migration: every write to `tabellen` moves the stamp from now on."""
    for tabel in tabellen:
        for sql in _trigger_sql(schema_editor.connection.vendor, tabel)[0]:
            schema_editor.execute(sql, params=None)


def niet_meer_bewaken(schema_editor, *tabellen: str) -> None:
    for tabel in tabellen:
        for sql in _trigger_sql(schema_editor.connection.vendor, tabel)[1]:
            schema_editor.execute(sql, params=None)


# --- reading ------------------------------------------------------------------------------

def lezen(using: str = "default") -> int | None:
    """The stamp as this connection sees it now (None: nothing is kept, the rows are read each
    time). Only on the databases migration 0020 gives a stamp; an error is not swallowed
    there: on PostgreSQL it would leave the caller's transaction unusable."""
    verbinding = connections[using]
    if verbinding.vendor not in BEWAAKT:
        return None
    with verbinding.cursor() as cursor:
        cursor.execute("SELECT waarde FROM statuut_regelstempel WHERE id = 1")
        rij = cursor.fetchone()
    return rij[0] if rij else None


def bewaard(stempel: int | None, sleutel: tuple, lezen_: Callable, using: str = "default"):
    """What `lezen_()` returns, read once per process under `stempel` (hand out `kopie`s)."""
    if stempel is None:
        return lezen_()
    db = (using, connections[using].settings_dict["NAME"], stempel)
    with _slot:
        voorraad = _bewaard.get(db)
        if voorraad is not None and sleutel in voorraad:
            _bewaard.move_to_end(db)
            return voorraad[sleutel]
    waarde = lezen_()
    with _slot:
        _bewaard.setdefault(db, {})[sleutel] = waarde
        _bewaard.move_to_end(db)
        while len(_bewaard) > BEWAARD_MAXIMAAL:
            _bewaard.popitem(last=False)
    return waarde


def kopie(obj: models.Model) -> models.Model:
    """A fresh instance of a kept row: its own state, no related objects remembered, its own
    lists and dicts (a JSON field's value)."""
    nieuw = obj.__class__.__new__(obj.__class__)
    nieuw.__dict__ = {k: (_eigen(v) if isinstance(v, list | dict) else v)
                      for k, v in obj.__dict__.items()
                      if k not in ("_state", "_prefetched_objects_cache")}
    nieuw._state = models.base.ModelState()
    nieuw._state.adding, nieuw._state.db = False, obj._state.db
    return nieuw


def _eigen(waarde: list | dict):
    # A JSON field's value is mostly a flat list of strings: a slice is its own copy.
    if isinstance(waarde, list) and all(isinstance(w, str | int) for w in waarde):
        return waarde[:]
    return copy.deepcopy(waarde)


def versies(school_id: int, stempel: int | None) -> list:
    """The statuut versions of a school, newest ingangsdatum first (kept rows: copy them)."""
    from .models import Statuut

    return bewaard(stempel, ("versies", school_id), lambda: list(
        Statuut.objects.filter(school_id=school_id).order_by("-ingangsdatum")))


def versie_op(school_id: int, datum: date, stempel: int | None):
    """The version in force on `datum` (see `selectors.statuut_op`), a fresh copy, or None."""
    for statuut in versies(school_id, stempel):
        if statuut.ingangsdatum <= datum:
            return kopie(statuut)
    return None
