"""Benchmark of letter rendering: 500 one-page letters made by two real Celery workers.

On a throw-away PostgreSQL database with the Schaalcollege (default `lz_bench_herinneringen`,
made like tests/bench/herinneringen.py does when missing). The script requests `--aantal`
invitation letters ("uitnodiging_gesprek", one page each) for different pupils in one
transaction, starts `--werkers` Celery workers (one process each, prefork with one child, on
a queue of its own on CELERY_BROKER_URL, default Redis db 14) and measures from the commit
until every letter is `gemaakt`. Before that it renders `--profiel` letters in this process
and reports the queries and milliseconds of one letter (and, with BENCH_PROFIEL=1, the top
of a cProfile). The bench letters are deleted afterwards (their dossier entries stay: the
dossier is append-only; use a throw-away database).

Results: tests/bench/resultaten/brieven.json (or brieven-<label>.json with `--label`).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RESULTATEN = Path(__file__).resolve().parent / "resultaten"


def _args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--database", default="lz_bench_herinneringen")
    p.add_argument("--aantal", type=int, default=500)
    p.add_argument("--werkers", type=int, default=2)
    p.add_argument("--profiel", type=int, default=20, help="letters rendered in process")
    p.add_argument("--label", default="")
    return p.parse_args()


ARGS = _args()
PG = "postgresql://postgres@127.0.0.1:5432"
QUEUE = f"bench-brieven-{uuid.uuid4().hex[:8]}"
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": os.environ.get("DEBUG", "1"),
    "DATABASE_URL": f"{PG}/{ARGS.database}",
    "CELERY_BROKER_URL": os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/14"),
    "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
})
SLEUTEL = f"bench-brief-{uuid.uuid4().hex[:8]}"


def _database_klaar() -> None:
    bestaat = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
         f"select 1 from pg_database where datname='{ARGS.database}'"],
        capture_output=True, text=True, check=True).stdout.strip()
    if not bestaat:
        print(f"Database {ARGS.database} maken (migrate, schaal_genereren --factor 1) ...")
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", ARGS.database],
                       check=True)
        for cmd in (["migrate", "-v0"], ["schaal_genereren", "--factor", "1"]):
            subprocess.run([sys.executable, "manage.py", *cmd], cwd=ROOT, check=True)


_database_klaar()

import django  # noqa: E402

django.setup()

import redis  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from dossiers.brieven import services  # noqa: E402
from dossiers.models import Brief, Leerling, Medewerker  # noqa: E402

UITNODIGING = {"gesprek_datum": "dinsdag 1 december 2026", "gesprek_tijd": "15.30 uur",
               "plaats": "kamer 1.12", "aanleiding": "herhaald te laat komen",
               "met_wie": "de mentor", "artikel": "9.2"}


def _aanvragen(n: int, sleutel: str) -> list[int]:
    door = Medewerker.objects.filter(rollen__school__korte_naam="schaal").select_related(
        "user").order_by("pk").first().user
    leerlingen = list(Leerling.objects.filter(school__korte_naam="schaal").order_by("pk")[:n])
    pks = []
    with transaction.atomic():
        for i in range(n):
            brief = services.brief_aanvragen(
                door=door, leerling=leerlingen[i % len(leerlingen)], soort="uitnodiging_gesprek",
                sleutel=f"{sleutel}-{i}", gegevens=UITNODIGING, datum=date(2026, 11, 24))
            pks.append(brief.pk)
    return pks


def _profiel() -> dict:
    """Letters rendered in this process, one by one: queries and ms per letter."""
    pks = _aanvragen(ARGS.profiel, f"{SLEUTEL}-profiel")
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete(QUEUE)  # no worker runs yet
    tijden, queries, cpu = [], [], []
    profiel = cProfile.Profile()
    for pk in pks:
        with CaptureQueriesContext(connection) as q:
            begin, cpu_begin = time.perf_counter(), time.process_time()
            if os.environ.get("BENCH_PROFIEL"):
                profiel.enable()
            services.brief_maken(pk)
            profiel.disable()
            tijden.append((time.perf_counter() - begin) * 1000)
            cpu.append((time.process_time() - cpu_begin) * 1000)
        queries.append(len(q.captured_queries))
    Brief.objects.filter(pk__in=pks).delete()
    uit = {"eerste_ms": round(tijden[0], 1), "mediaan_ms": round(statistics.median(tijden[1:]), 1),
           "cpu_mediaan_ms": round(statistics.median(cpu[1:]), 1),
           "queries_per_brief": statistics.median(queries[1:])}
    print(f"In proces: eerste brief {uit['eerste_ms']} ms, daarna mediaan {uit['mediaan_ms']} ms "
          f"(CPU {uit['cpu_mediaan_ms']} ms), {uit['queries_per_brief']} queries per brief")
    if os.environ.get("BENCH_SQL"):
        for x in q.captured_queries:
            print(f"    {x['time']} s  {x['sql'][:160]}")
    if os.environ.get("BENCH_PROFIEL"):
        volgorde = os.environ.get("BENCH_PROFIEL_SORT", "cumulative")
        pstats.Stats(profiel).sort_stats(volgorde).print_stats(40)
    return uit


def _werkers_starten(tmp: Path) -> list[subprocess.Popen]:
    env = {**os.environ, "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
           "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
           "EMAIL_FILE_PATH": str(tmp)}
    werkers = []
    for i in range(ARGS.werkers):
        log = tmp / f"werker-{i}.log"
        werkers.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config.celery", "worker", "-Q", QUEUE,
             "--pool=prefork", "--concurrency=1", "--without-heartbeat", "--without-gossip",
             "--without-mingle", "-l", "warning", "-n", f"{QUEUE}-{i}@%h"],
            cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT))
    return werkers


def _cpu(werkers) -> float:
    """CPU seconds (user + system) of the workers and their pool processes so far: the cost
    of the letters on a machine shared with other work, where wall time says less."""
    tik = os.sysconf("SC_CLK_TCK")
    totaal = 0
    for w in werkers:
        pids = [w.pid]
        for bestand in Path(f"/proc/{w.pid}/task").glob("*/children"):
            pids += [int(p) for p in bestand.read_text().split()]
        for pid in pids:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            totaal += int(velden[11]) + int(velden[12])
    return totaal / tik


def _stoppen(werkers) -> None:
    for w in werkers:
        if w.poll() is None:
            w.send_signal(signal.SIGTERM)
    for w in werkers:
        try:
            w.wait(timeout=20)
        except subprocess.TimeoutExpired:
            w.kill()


def main() -> None:
    resultaat = {"datum": timezone.now().isoformat(timespec="seconds"),
                 "aantal": ARGS.aantal, "werkers": ARGS.werkers}
    if ARGS.profiel:
        resultaat["in_proces"] = _profiel()
    if not ARGS.aantal:
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench-brieven-"))
    werkers = _werkers_starten(tmp)
    try:
        time.sleep(1)
        begin = time.perf_counter()
        pks = _aanvragen(ARGS.aantal, SLEUTEL)
        aangevraagd = time.perf_counter() - begin
        cpu_voor = _cpu(werkers)
        begin = time.perf_counter()  # from the commit: the workers' part
        while True:
            klaar = Brief.objects.filter(pk__in=pks, status="gemaakt").count()
            mislukt = Brief.objects.filter(pk__in=pks, status="mislukt").count()
            if klaar + mislukt == len(pks):
                break
            if time.perf_counter() - begin > 600:
                raise SystemExit(f"Na 600 s pas {klaar} van {len(pks)} brieven gemaakt.")
            time.sleep(0.2)
        duur = time.perf_counter() - begin
        cpu = _cpu(werkers) - cpu_voor
    finally:
        _stoppen(werkers)
        redis.Redis.from_url(settings.CELERY_BROKER_URL).delete(QUEUE)
    paginas = list(Brief.objects.filter(pk__in=pks).values_list("paginas", flat=True))
    resultaat.update({
        "seconden": round(duur, 2), "aanvragen_seconden": round(aangevraagd, 2),
        "brieven_per_seconde": round(len(pks) / duur, 1), "gemaakt": klaar,
        "worker_cpu_ms_per_brief": round(cpu * 1000 / len(pks), 1),
        "belasting": os.getloadavg()[0],
        "mislukt": mislukt, "paginas": sorted(set(paginas)),
    })
    Brief.objects.filter(pk__in=pks).delete()
    print(f"{klaar} brieven gemaakt ({mislukt} mislukt) door {ARGS.werkers} workers in "
          f"{duur:.1f} s ({resultaat['brieven_per_seconde']} per seconde; aanvragen "
          f"{aangevraagd:.1f} s), pagina's per brief: {resultaat['paginas']}; worker-CPU "
          f"{resultaat['worker_cpu_ms_per_brief']} ms per brief (belasting "
          f"{resultaat['belasting']:.1f})")
    RESULTATEN.mkdir(exist_ok=True)
    naam = f"brieven-{ARGS.label}.json" if ARGS.label else "brieven.json"
    (RESULTATEN / naam).write_text(json.dumps(resultaat, indent=2, ensure_ascii=False) + "\n")
    print(f"-> {RESULTATEN / naam}")


if __name__ == "__main__":
    main()
