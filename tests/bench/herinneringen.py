"""Benchmark of the morning reminder sweep (`dossiers.herinneringen.herinneringen_vegen`) over
100,000 open deadlines: once when nothing is due, once when 10,000 reminders are due.

Runs on a throw-away PostgreSQL database (default `lz_bench_herinneringen`; created, migrated
and filled with `schaal_genereren --factor 1` when it does not exist; a database made with
`--factor 10` already holds 100,000 open deadlines). Open deadlines of the Schaalcollege are
topped up to `--aantal` with bulk-created ones (omschrijving "bench-herinnering"), a first
sweep records the reminders of those already overdue, and all of them are marked sent. Then:

1. nothing due: the sweep (queries, seconds);
2. 10,000 due: deadlines moved to today, to two school days ahead and to yesterday (the
   last ones also escalate), then the sweep (queries, seconds, rows, tasks queued);
3. the same sweep again (nothing new).

Tasks go to a Redis queue of their own (CELERY_BROKER_URL, default db 14), counted and
deleted; no worker runs. `--oud <git-rev>` runs the same with the sweep of that revision
(before issue 15) for the before/after numbers. Results: tests/bench/resultaten/herinneringen.json
(or herinneringen-<label>.json with `--label`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RESULTATEN = Path(__file__).resolve().parent / "resultaten"
OMSCHRIJVING = "bench-herinnering"


def _args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--database", default="lz_bench_herinneringen")
    p.add_argument("--aantal", type=int, default=100_000, help="open deadlines in all")
    p.add_argument("--verschuldigd", type=int, default=10_000, help="reminders due")
    p.add_argument("--oud", default="", help="git revision whose sweep to measure instead")
    p.add_argument("--label", default="")
    return p.parse_args()


ARGS = _args()
PG = "postgresql://postgres@127.0.0.1:5432"
QUEUE = f"bench-herinneringen-{uuid.uuid4().hex[:8]}"
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": os.environ.get("DEBUG", "1"),
    "DATABASE_URL": f"{PG}/{ARGS.database}",
    "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/14"),
    "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
})


def _database_klaar() -> None:
    bestaat = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
         f"select 1 from pg_database where datname='{ARGS.database}'"],
        capture_output=True, text=True, check=True).stdout.strip()
    if bestaat:
        return
    print(f"Database {ARGS.database} maken (migrate, schaal_genereren --factor 1) ...")
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", ARGS.database], check=True)
    for cmd in (["migrate", "-v0"], ["schaal_genereren", "--factor", "1"]):
        subprocess.run([sys.executable, "manage.py", *cmd], cwd=ROOT, check=True)


_database_klaar()

import django  # noqa: E402

django.setup()

import redis  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from dossiers.models import Leerling, Roltoewijzing  # noqa: E402
from statuut import kalender  # noqa: E402
from statuut.models import (  # noqa: E402
    Eenheid,
    Herinnering,
    Rol,
    School,
    Termijn,
    Termijnstatus,
)


def _veegfunctie():
    if not ARGS.oud:
        from dossiers.herinneringen import herinneringen_vegen

        return herinneringen_vegen
    bron = subprocess.run(["git", "show", f"{ARGS.oud}:dossiers/herinneringen.py"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout
    pad = Path(tempfile.mkdtemp()) / "herinneringen_oud.py"
    pad.write_text(bron)
    spec = importlib.util.spec_from_file_location("dossiers.herinneringen_oud", pad)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "dossiers"
    spec.loader.exec_module(module)
    return module.herinneringen_vegen


def _schooldag(school, vanaf: date) -> date:
    """The first school day from `vanaf`, or, where the school's calendar does not reach
    that far (the generated school knows its past years), the last known one before it."""
    for i in range(800):
        for d in (vanaf + timedelta(days=i), vanaf - timedelta(days=i)):
            try:
                if kalender.is_schooldag(school, d) and kalender.is_schooldag(
                        school, kalender.plus_schooldagen(school, d, 3)):
                    return d
            except kalender.KalenderOnbekend:
                continue
    raise SystemExit("Geen bekende schooldag in de kalender van de school.")


def _aanvullen(school, op: date) -> int:
    """Top the school's open deadlines up to ARGS.aantal: a tenth overdue, the rest well
    beyond the two-day window; by name (mentors, docenten, teamleiders) or by role, about a
    pupil."""
    Termijn.objects.filter(omschrijving=OMSCHRIJVING).delete()
    bestaand = Termijn.objects.filter(school=school, status__in=[
        Termijnstatus.OPEN, Termijnstatus.VERLOPEN]).count()
    nodig = max(0, ARGS.aantal - bestaand)
    _bijmaken(school, op, nodig)
    return nodig


def _bijmaken(school, op: date, nodig: int, *, overdue: bool | None = None,
              per_rol: bool | None = None) -> None:
    mensen = list(Roltoewijzing.objects.filter(
        school=school, rol__in=[Rol.MENTOR, Rol.DOCENT, Rol.TEAMLEIDER, Rol.ZORGCOORDINATOR])
        .values_list("medewerker__user_id", flat=True).distinct())
    leerlingen = list(Leerling.objects.filter(school=school).values_list("pk", flat=True))
    ct = ContentType.objects.get_for_model(Leerling)
    rijen = []
    for i in range(nodig):
        te_laat = i % 10 == 0 if overdue is None else overdue
        verval = op - timedelta(days=1 + i % 200) if te_laat else op + timedelta(
            days=14 + i % 300)
        rol = i % 7 == 0 if per_rol is None else per_rol
        rijen.append(Termijn(
            school=school, omschrijving=OMSCHRIJVING, regel="bench", startdatum=op,
            aantal=10, eenheid=Eenheid.SCHOOLDAGEN, vervaldatum=verval,
            status=Termijnstatus.VERLOPEN if te_laat else Termijnstatus.OPEN,
            verantwoordelijke_id=None if rol else mensen[i % len(mensen)],
            verantwoordelijke_rol=Rol.ZORGCOORDINATOR if rol else "",
            onderwerp_type=ct, onderwerp_id=leerlingen[i % len(leerlingen)]))
    Termijn.objects.bulk_create(rijen, batch_size=5000)


def _verschuldigd_maken(school, op: date) -> dict:
    """Move future bench deadlines into today's stages so that about ARGS.verschuldigd
    reminders fall due: 40% today, 20% two school days ahead, 20% yesterday (each of those
    also escalates, so 40% of the reminders)."""
    n = ARGS.verschuldigd
    nog = n * 8 // 10 - Termijn.objects.filter(
        omschrijving=OMSCHRIJVING, vervaldatum__gt=op, verantwoordelijke__isnull=False).count()
    if nog > 0:  # a database that had its 100,000 already (factor 10): add them on top
        _bijmaken(school, op, nog, overdue=False, per_rol=False)
    vrij = list(Termijn.objects.filter(omschrijving=OMSCHRIJVING, vervaldatum__gt=op,
                                       verantwoordelijke__isnull=False)
                .order_by("pk").values_list("pk", flat=True)[:n * 8 // 10])
    vandaag, vooraf, gisteren = vrij[:n * 4 // 10], vrij[n * 4 // 10:n * 6 // 10], \
        vrij[n * 6 // 10:]
    twee_vooruit = kalender.plus_schooldagen(school, op, 2)
    Termijn.objects.filter(pk__in=vandaag).update(vervaldatum=op)
    Termijn.objects.filter(pk__in=vooraf).update(vervaldatum=twee_vooruit)
    Termijn.objects.filter(pk__in=gisteren).update(vervaldatum=op - timedelta(days=1))
    return {"vandaag": len(vandaag), "vooraf": len(vooraf), "verlopen": len(gisteren)}


def _taken_in_wachtrij() -> int:
    r = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    n = r.llen(QUEUE)
    r.delete(QUEUE)
    return n


class _Teller:
    """Counts and times every query (Django's own debug log stops at 9,000 queries)."""

    def __init__(self):
        self.aantal, self.seconden, self.traagste = 0, 0.0, []

    def __call__(self, execute, sql, params, many, context):
        begin = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            duur = time.perf_counter() - begin
            self.aantal += 1
            self.seconden += duur
            self.traagste = sorted([*self.traagste, (duur, sql)], reverse=True)[:3]


def _analyseren() -> None:
    """Fresh statistics, as autovacuum keeps them between two school mornings: a table that
    just grew from nothing to thousands of rows in one go (the bench's set-up) would still
    be planned as empty."""
    with connection.cursor() as c:
        c.execute("ANALYZE statuut_termijn, statuut_herinnering")


def _meten(veeg, op: date, wat: str) -> dict:
    _analyseren()
    voor = Herinnering.objects.count()
    teller = _Teller()
    with connection.execute_wrapper(teller):
        begin = time.perf_counter()
        veeg(op)
        duur = time.perf_counter() - begin
    uit = {"seconden": round(duur, 3), "queries": teller.aantal,
           "nieuwe_herinneringen": Herinnering.objects.count() - voor,
           "taken_in_wachtrij": _taken_in_wachtrij()}
    uit["sql_seconden"] = round(teller.seconden, 3)
    print(f"{wat:<34} {uit['seconden']:>9.3f} s {uit['queries']:>8} queries "
          f"(SQL {uit['sql_seconden']:.3f} s) {uit['nieuwe_herinneringen']:>7} nieuw "
          f"{uit['taken_in_wachtrij']:>6} taken")
    if os.environ.get("BENCH_TRAAGSTE"):
        for tijd, sql in teller.traagste:
            print(f"    {tijd:.3f} s  {sql[:300]}")
    return uit


def main() -> None:
    connection.force_debug_cursor = False
    school = School.objects.get(korte_naam="schaal")
    op = _schooldag(school, timezone.localdate())
    veeg = _veegfunctie()
    bijgemaakt = _aanvullen(school, op)
    open_ = Termijn.objects.filter(status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN])
    print(f"{open_.count():,} open termijnen ({bijgemaakt:,} bijgemaakt), veegdag {op}, "
          f"code: {ARGS.oud or 'werkboom'}")
    # Settle: the reminders of what is overdue already, all marked sent.
    from dossiers.herinneringen import herinneringen_vegen

    eerste = _meten(herinneringen_vegen, op, "eerste veegbeurt (inhalen)")
    Herinnering.objects.filter(verzonden_op__isnull=True).update(verzonden_op=timezone.now())
    resultaat = {
        "datum": timezone.now().isoformat(timespec="seconds"), "veegdag": op.isoformat(),
        "code": ARGS.oud or "werkboom", "open_termijnen": open_.count(),
        "inhalen": eerste,
        "niets_verschuldigd": _meten(veeg, op, "niets verschuldigd"),
    }
    resultaat["verdeling"] = _verschuldigd_maken(school, op)
    resultaat["open_termijnen_met_verschuldigd"] = open_.count()
    resultaat["verschuldigd"] = _meten(veeg, op, f"{ARGS.verschuldigd:,} verschuldigd")
    resultaat["nogmaals"] = _meten(veeg, op, "nog eens (niets nieuw)")
    Termijn.objects.filter(omschrijving=OMSCHRIJVING).delete()
    RESULTATEN.mkdir(exist_ok=True)
    naam = f"herinneringen-{ARGS.label}.json" if ARGS.label else "herinneringen.json"
    (RESULTATEN / naam).write_text(json.dumps(resultaat, indent=2, ensure_ascii=False) + "\n")
    print(f"-> {RESULTATEN / naam}")


if __name__ == "__main__":
    main()
