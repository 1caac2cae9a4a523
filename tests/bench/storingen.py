"""Fault runs with real Celery workers and a Redis of their own: nothing lost, nothing twice.

    .venv/bin/python tests/bench/storingen.py --database lz_taken_storingen

On a throw-away PostgreSQL database with the Schaalcollege (see tests/bench/README.md). The
script starts its own `redis-server` on `--poort` (default 6390; append-only file in a temp
dir, as docker-compose runs it; never the shared Redis) and its own workers
(`tests.werker_app`, whose hook can hold a worker child just before WeasyPrint writes a PDF).

1. **Workers killed mid-letter** (`--doden`, default 20): each round requests a letter,
   waits until a worker child is inside the render (row locked, PDF not written) and
   SIGKILLs it; every fourth round kills the whole worker (main process and child) and
   starts a new one. A killed child's message is requeued (acks_late +
   reject_on_worker_lost); a whole worker's stays unacknowledged in Redis until its
   visibility timeout, so the beat task `dossiers.brieven_vastgelopen_opnieuw` (every five
   minutes, for letters waiting ten) is run here as beat would, with no waiting time.
2. **Redis restarted** (`--herstarts`, default 5) while `--brieven` letters are requested
   one by one and a sweep sends `--termijnen` reminders; then the stuck letters are queued
   again (as above) and the next morning's sweep queues the unsent reminders again.
3. **Two beats at once**: three sweeps started together (two as tasks on two workers, one
   in this process), three times, each over `--termijnen` deadlines due that day.

Counted at the end: letters made (one dossier entry each, `pogingen`), reminder rows and the
e-mails in the workers' file backend (one per reminder row, never two). Results:
tests/bench/resultaten/storingen.json.
"""

from __future__ import annotations

import argparse
import email
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RESULTATEN = Path(__file__).resolve().parent / "resultaten"


def _args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--database", default="lz_bench_herinneringen")
    p.add_argument("--poort", type=int, default=6390)
    p.add_argument("--doden", type=int, default=20)
    p.add_argument("--herstarts", type=int, default=5)
    p.add_argument("--brieven", type=int, default=60)
    p.add_argument("--termijnen", type=int, default=100)
    return p.parse_args()


ARGS = _args()
TMP = Path(tempfile.mkdtemp(prefix="lz-storingen-"))
QUEUE = f"storingen-{uuid.uuid4().hex[:8]}"
BROKER = f"redis://127.0.0.1:{ARGS.poort}/0"
POSTVAK = TMP / "post"
POSTVAK.mkdir()
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": os.environ.get("DEBUG", "1"),
    "DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{ARGS.database}",
    "CELERY_BROKER_URL": BROKER, "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
    "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    "EMAIL_FILE_PATH": str(POSTVAK),
})

import django  # noqa: E402

django.setup()

import redis  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from dossiers.brieven.services import brief_aanvragen  # noqa: E402
from dossiers.brieven.taken import brieven_vastgelopen_opnieuw_taak  # noqa: E402
from dossiers.herinneringen import herinneringen_vegen, termijnen_vegen  # noqa: E402
from dossiers.models import Brief, Dossierstuk, Leerling, Medewerker  # noqa: E402
from statuut import kalender  # noqa: E402
from statuut.models import Eenheid, Herinnering, School, Termijn  # noqa: E402

OMSCHRIJVING = "storing-termijn"
UITNODIGING = {"gesprek_datum": "dinsdag 1 december 2026", "gesprek_tijd": "15.30 uur",
               "plaats": "kamer 1.12", "aanleiding": "herhaald te laat komen",
               "met_wie": "de mentor", "artikel": "9.2"}


# -- Redis of our own -------------------------------------------------------------------------

class EigenRedis:
    def __init__(self, poort: int):
        self.poort, self.map = poort, TMP / "redis"
        self.map.mkdir()
        self.proc = None
        self.start()

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.poort), "--bind", "127.0.0.1",
             "--dir", str(self.map), "--appendonly", "yes", "--save", ""],
            stdout=(TMP / "redis.log").open("a"), stderr=subprocess.STDOUT)
        r = redis.Redis(port=self.poort, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                if r.ping():
                    return
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("redis-server start niet")

    def herstarten(self, pauze: float = 0.5) -> None:
        """Stopped as a container stop would (SIGTERM: the append-only file is flushed),
        down for `pauze` seconds, started again."""
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=20)
        time.sleep(pauze)
        self.start()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=20)


# -- Workers ----------------------------------------------------------------------------------

class Werker:
    def __init__(self, naam: str, concurrency: int = 1):
        self.naam, self.concurrency = naam, concurrency
        self.pauze = TMP / f"pauze-{naam}"
        self.pauze.mkdir(exist_ok=True)
        self.logpad = TMP / f"werker-{naam}.log"
        self.proc = None
        self.start()

    def start(self) -> None:
        env = {**os.environ, "TEST_WERKER_PAUZE": str(self.pauze),
               "TEST_WERKER_PAUZE_BIJ": "pdf"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tests.werker_app", "worker", "-Q", QUEUE,
             "--pool=prefork", f"--concurrency={self.concurrency}", "--without-heartbeat",
             "--without-gossip", "--without-mingle", "-l", "info",
             "-n", f"{QUEUE}-{self.naam}-{time.monotonic_ns()}@%h"],
            cwd=ROOT, env=env, stdout=self.logpad.open("a"), stderr=subprocess.STDOUT)
        lengte = self.logpad.stat().st_size if self.logpad.exists() else 0
        eind = time.monotonic() + 60
        while time.monotonic() < eind:
            if "ready." in self.logpad.read_text()[lengte:]:
                return
            if self.proc.poll() is not None:
                raise RuntimeError(self.logpad.read_text()[-3000:])
            time.sleep(0.2)
        raise RuntimeError(f"worker {self.naam} niet klaar")

    def blokkeren(self) -> None:
        (self.pauze / "blok").write_text("")

    def vrijgeven(self) -> None:
        (self.pauze / "blok").unlink(missing_ok=True)

    def geblokkeerd_kind(self, timeout: float = 90) -> int:
        eind = time.monotonic() + timeout
        while time.monotonic() < eind:
            bezig = list(self.pauze.glob("bezig-*"))
            if bezig:
                for b in bezig:
                    b.unlink()
                return int(bezig[0].name.split("-", 1)[1])
            time.sleep(0.05)
        raise AssertionError("geen worker-kind bereikte het pauzepunt")

    def kinderen(self) -> list[int]:
        pids = []
        for bestand in Path(f"/proc/{self.proc.pid}/task").glob("*/children"):
            try:
                pids += [int(p) for p in bestand.read_text().split()]
            except OSError:
                pass
        return pids

    def alles_doden(self) -> None:
        for pid in (self.proc.pid, *self.kinderen()):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.vrijgeven()
            self.alles_doden()


# -- Helpers ----------------------------------------------------------------------------------

def wacht_tot(voorwaarde, timeout: float, stap: float = 0.25) -> bool:
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        if voorwaarde():
            return True
        time.sleep(stap)
    return voorwaarde()


def _door():
    return Medewerker.objects.filter(rollen__school__korte_naam="schaal").select_related(
        "user").order_by("pk").first().user


LEERLINGEN: list[Leerling] = []


def brief_vragen(sleutel: str, i: int) -> int:
    with transaction.atomic():
        return brief_aanvragen(door=_door(), leerling=LEERLINGEN[i % len(LEERLINGEN)],
                               soort="uitnodiging_gesprek", sleutel=sleutel,
                               gegevens=UITNODIGING, datum=date(2026, 11, 24)).pk


def _status(pks) -> Counter:
    return Counter(Brief.objects.filter(pk__in=pks).values_list("status", flat=True))


def _alle_gemaakt(pks) -> bool:
    return _status(pks).get("gemaakt", 0) == len(pks)


def brieven_tellen(pks) -> dict:
    ct = ContentType.objects.get_for_model(Brief)
    stukken = Counter(Dossierstuk.objects.filter(bron_type=ct, bron_id__in=pks)
                      .values_list("bron_id", flat=True))
    pogingen = Counter(Brief.objects.filter(pk__in=pks).values_list("pogingen", flat=True))
    status = _status(pks)
    return {"aangevraagd": len(pks), "gemaakt": status.get("gemaakt", 0),
            "verloren": len(pks) - status.get("gemaakt", 0),
            "dubbel": sum(1 for n in stukken.values() if n > 1),
            "dossierstukken": sum(stukken.values()),
            "pogingen": {str(k): v for k, v in sorted(pogingen.items())}}


def termijnen_maken(school, op: date, n: int, ronde: str) -> list[int]:
    mensen = list(Medewerker.objects.filter(
        rollen__school=school, user__email__gt="").values_list("user_id", flat=True)
        .distinct().order_by("user_id"))
    rijen = [Termijn(school=school, omschrijving=f"{OMSCHRIJVING} {ronde}", regel="storing",
                     startdatum=op, aantal=1, eenheid=Eenheid.SCHOOLDAGEN, vervaldatum=op,
                     verantwoordelijke_id=mensen[i % len(mensen)]) for i in range(n)]
    return [t.pk for t in Termijn.objects.bulk_create(rijen)]


def mails() -> Counter:
    """(To, Subject, deadline link) of every e-mail the workers wrote."""
    uit = Counter()
    for bestand in POSTVAK.glob("*.log"):
        for deel in bestand.read_text().split("-" * 79 + "\n"):
            if deel.strip():
                m = email.message_from_string(deel)
                body = m.get_payload(decode=True).decode()
                link = re.search(r"/termijnen/(\d+)/", body)
                uit[(m["To"], m["Subject"], link.group(1) if link else "")] += 1
    return uit


def herinneringen_tellen(termijn_ids) -> dict:
    rijen = list(Herinnering.objects.filter(termijn_id__in=termijn_ids).select_related(
        "ontvanger").values_list("termijn_id", "ontvanger__email", "verzonden_op"))
    verwacht = {(e, str(t)) for t, e, _v in rijen if e}
    gezien = Counter()
    for (to, _onderwerp, link), n in mails().items():
        if link and int(link) in set(termijn_ids):
            gezien[(to, link)] += n
    return {"termijnen": len(termijn_ids), "herinneringen": len(rijen),
            "verzonden": sum(1 for *_x, v in rijen if v),
            "mails": sum(gezien.values()),
            "verloren": len(verwacht - set(gezien)),
            "dubbel": sum(1 for n in gezien.values() if n > 1),
            "onbekend": len(set(gezien) - verwacht)}


def _schooldag(school) -> date:
    from datetime import timedelta

    vandaag = timezone.localdate()
    for i in range(800):
        for d in (vandaag + timedelta(days=i), vandaag - timedelta(days=i)):
            try:
                if kalender.is_schooldag(school, d):
                    kalender.plus_schooldagen(school, d, 3)
                    return d
            except kalender.KalenderOnbekend:
                continue
    raise SystemExit("geen bekende schooldag")


# -- The runs ---------------------------------------------------------------------------------

def doden(werker: Werker) -> dict:
    pks, heel = [], 0
    for i in range(ARGS.doden):
        werker.blokkeren()
        pks.append(brief_vragen(f"storing-{QUEUE}-dood-{i}", i))
        pid = werker.geblokkeerd_kind()
        if i % 4 == 3:
            werker.alles_doden()  # the whole worker, as the OOM killer or a node loss would
            heel += 1
            werker.vrijgeven()
            werker.start()
        else:
            os.kill(pid, signal.SIGKILL)
            werker.vrijgeven()
        print(f"  ronde {i + 1}: {'hele worker' if i % 4 == 3 else 'kind'} {pid} gedood",
              flush=True)
    werker.vrijgeven()
    wacht_tot(lambda: _alle_gemaakt(pks), 120)
    voor = brieven_tellen(pks)
    brieven_vastgelopen_opnieuw_taak.delay(seconden=0)  # as beat would, without the wait
    wacht_tot(lambda: _alle_gemaakt(pks), 120)
    na = brieven_tellen(pks)
    print(f"  voor het opnieuw starten: {voor['verloren']} wachtend; daarna {na}", flush=True)
    return {"gedood": ARGS.doden, "waarvan_hele_worker": heel,
            "wachtend_voor_opnieuw_starten": voor["verloren"], **na}


def redis_herstarten(r: EigenRedis, school, op: date) -> dict:
    termijn_ids = termijnen_maken(school, op, ARGS.termijnen, "redis")
    pks: list[int] = []
    fouten: list[str] = []

    def aanvragen():
        for i in range(ARGS.brieven):
            try:
                pks.append(brief_vragen(f"storing-{QUEUE}-redis-{i}", i))
            except Exception as exc:  # noqa: BLE001 (counted, the run goes on)
                fouten.append(repr(exc))
            time.sleep(0.05)
        connection.close()

    draad = threading.Thread(target=aanvragen)
    draad.start()
    try:
        termijnen_vegen.delay(op=op.isoformat())
    except Exception as exc:  # noqa: BLE001
        fouten.append(repr(exc))
    for i in range(ARGS.herstarts):
        time.sleep(0.6)
        r.herstarten()
        print(f"  Redis herstart {i + 1}", flush=True)
    draad.join()
    wacht_tot(lambda: _alle_gemaakt(pks), 90)
    voor = brieven_tellen(pks)
    brieven_vastgelopen_opnieuw_taak.delay(seconden=0)
    termijnen_vegen.delay(op=op.isoformat())  # the next sweep queues unsent reminders again
    wacht_tot(lambda: _alle_gemaakt(pks), 120)
    wacht_tot(lambda: not Herinnering.objects.filter(termijn_id__in=termijn_ids,
                                                     verzonden_op__isnull=True).exists()
              and Herinnering.objects.filter(termijn_id__in=termijn_ids).exists(), 120)
    time.sleep(2)
    uit = {"herstarts": ARGS.herstarts, "fouten_bij_aanvragen": fouten,
           "brieven_wachtend_voor_opnieuw_starten": voor["verloren"],
           "brieven": brieven_tellen(pks), "herinneringen": herinneringen_tellen(termijn_ids)}
    print(f"  {uit}", flush=True)
    return uit


def twee_beats(school, op: date) -> dict:
    alle: list[int] = []
    for ronde in range(3):
        termijn_ids = termijnen_maken(school, op, ARGS.termijnen, f"beats-{ronde}")
        alle += termijn_ids
        termijnen_vegen.delay(op=op.isoformat())
        termijnen_vegen.delay(op=op.isoformat())
        herinneringen_vegen(op)  # a third, in this process, at the same moment
        wacht_tot(lambda ids=termijn_ids: Herinnering.objects.filter(termijn_id__in=ids)
                  .exists() and not Herinnering.objects.filter(
                      termijn_id__in=ids, verzonden_op__isnull=True).exists(), 120)
    time.sleep(2)
    uit = herinneringen_tellen(alle)
    print(f"  {uit}", flush=True)
    return {"rondes": 3, "vegen_per_ronde": 3, **uit}


def main() -> None:
    connection.force_debug_cursor = False
    school = School.objects.get(korte_naam="schaal")
    op = _schooldag(school)
    LEERLINGEN.extend(Leerling.objects.filter(school=school).order_by("pk")[:200])
    # Earlier runs and benches: their deadlines gone, every older reminder counted as sent.
    Termijn.objects.filter(omschrijving__startswith=OMSCHRIJVING).delete()
    Termijn.objects.filter(omschrijving="bench-herinnering").delete()
    Herinnering.objects.filter(verzonden_op__isnull=True).update(verzonden_op=timezone.now())
    r = EigenRedis(ARGS.poort)
    werkers: list[Werker] = []
    resultaat = {"datum": timezone.now().isoformat(timespec="seconds"), "veegdag": op.isoformat()}
    try:
        print(f"1. {ARGS.doden} keer een worker gedood midden in een brief", flush=True)
        werkers.append(Werker("a"))
        resultaat["worker_gedood"] = doden(werkers[0])
        print(f"2. Redis {ARGS.herstarts} keer herstart tijdens een reeks", flush=True)
        werkers.append(Werker("b", concurrency=2))
        resultaat["redis_herstart"] = redis_herstarten(r, school, op)
        print("3. twee beats (drie veegbeurten) tegelijk", flush=True)
        resultaat["twee_beats"] = twee_beats(school, op)
    finally:
        for w in werkers:
            w.stop()
        r.stop()
    verloren = (resultaat["worker_gedood"]["verloren"]
                + resultaat["redis_herstart"]["brieven"]["verloren"]
                + resultaat["redis_herstart"]["herinneringen"]["verloren"]
                + resultaat["twee_beats"]["verloren"])
    dubbel = (resultaat["worker_gedood"]["dubbel"]
              + resultaat["redis_herstart"]["brieven"]["dubbel"]
              + resultaat["redis_herstart"]["herinneringen"]["dubbel"]
              + resultaat["twee_beats"]["dubbel"])
    resultaat.update({"verloren": verloren, "dubbel": dubbel})
    print(f"Verloren: {verloren}, dubbel: {dubbel}")
    RESULTATEN.mkdir(exist_ok=True)
    (RESULTATEN / "storingen.json").write_text(
        json.dumps(resultaat, indent=2, ensure_ascii=False) + "\n")
    shutil.rmtree(TMP, ignore_errors=True)
    sys.exit(1 if verloren or dubbel else 0)


if __name__ == "__main__":
    main()
