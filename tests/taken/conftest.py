"""A real Celery worker on Redis, against the test database (PostgreSQL only: an in-memory
SQLite database cannot be shared with another process).

`werker()` starts one worker process (prefork, one child) on a queue of its own; e-mail it
sends lands as files in `werker.postvak` (Django's file backend), read back with
`werker.mails()`. Tests using it need `transactional_db`: the worker sees only committed rows.
"""

from __future__ import annotations

import email
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

from config.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/0"


def _redis_bereikbaar() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _database_url() -> str:
    d = connection.settings_dict
    host = d.get("HOST") or "127.0.0.1"
    wachtwoord = f":{d['PASSWORD']}" if d.get("PASSWORD") else ""
    gebruiker = d.get("USER") or "postgres"
    return f"postgresql://{gebruiker}{wachtwoord}@{host}:{d.get('PORT') or 5432}/{d['NAME']}"


class Werker:
    def __init__(self, tmp: Path, queue: str, pauze_bij: str | None, concurrency: int,
                 herpoging_max: int | None = None):
        self.queue = queue
        self.postvak = tmp / f"post-{queue}"
        self.postvak.mkdir()
        self.pauze = tmp / f"pauze-{queue}"
        self.pauze.mkdir()
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": REDIS_URL,
            "CELERY_TASK_DEFAULT_QUEUE": queue,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.postvak),
        }
        if herpoging_max is not None:
            env["BRIEVEN_HERPOGING_MAX_SECONDEN"] = str(herpoging_max)
        if pauze_bij:
            env["TEST_WERKER_PAUZE"] = str(self.pauze)
            env["TEST_WERKER_PAUZE_BIJ"] = pauze_bij
        self.log = (tmp / f"werker-{queue}.log").open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tests.werker_app", "worker",
             "-Q", queue, "--pool=prefork", f"--concurrency={concurrency}",
             "--without-heartbeat", "--without-gossip", "--without-mingle", "-l", "info",
             "-n", f"{queue}@%h"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self._wacht_op_klaar(tmp / f"werker-{queue}.log")

    def _wacht_op_klaar(self, log: Path, timeout: float = 30) -> None:
        eind = time.monotonic() + timeout
        while time.monotonic() < eind:
            if "ready." in log.read_text():
                return
            if self.proc.poll() is not None:
                raise RuntimeError(f"Celery-worker stopte:\n{log.read_text()[-3000:]}")
            time.sleep(0.05)
        raise RuntimeError(
            f"Celery-worker niet klaar binnen {timeout}s:\n{log.read_text()[-3000:]}")

    # -- halfway crashes ---------------------------------------------------------------
    def blokkeren(self) -> None:
        (self.pauze / "blok").write_text("")

    def vrijgeven(self) -> None:
        (self.pauze / "blok").unlink(missing_ok=True)

    def wacht_op_geblokkeerd_kind(self, timeout: float = 60) -> int:
        """The pid of the worker child that reached the hook and is waiting there."""
        eind = time.monotonic() + timeout
        while time.monotonic() < eind:
            bezig = list(self.pauze.glob("bezig-*"))
            if bezig:
                return int(bezig[0].name.split("-", 1)[1])
            time.sleep(0.1)
        raise AssertionError("Geen taak bereikte het pauzepunt.")

    def kind_doden(self, pid: int) -> None:
        """SIGKILL the child process halfway through its task, as a crash would."""
        for bestand in self.pauze.glob("bezig-*"):
            bestand.unlink()
        os.kill(pid, signal.SIGKILL)

    def log_tekst(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text()

    # -- results ------------------------------------------------------------------------
    def mails(self) -> list[email.message.Message]:
        berichten = []
        for bestand in sorted(self.postvak.glob("*.log")):
            # The file backend separates messages with a line of 79 dashes.
            for deel in bestand.read_text().split("-" * 79 + "\n"):
                if deel.strip():
                    berichten.append(email.message_from_string(deel))
        return berichten

    def stop(self) -> None:
        """After the test, which waited for its results: the worker and its pool are killed
        at once (a warm shutdown takes two seconds per worker, most of a test's time)."""
        if self.proc.poll() is None:
            kinderen = self._kinderen()
            for pid in (self.proc.pid, *kinderen):
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.proc.wait()
        self.log.close()

    def _kinderen(self) -> list[int]:
        """The pool's processes (Linux; a thread of the worker may have started one)."""
        pids = []
        for bestand in Path(f"/proc/{self.proc.pid}/task").glob("*/children"):
            try:
                pids += [int(pid) for pid in bestand.read_text().split()]
            except OSError:
                pass
        return pids


def wacht_tot(voorwaarde, timeout: float = 60, stap: float = 0.05, wat: str = "voorwaarde"):
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        if voorwaarde():
            return
        time.sleep(stap)
    raise AssertionError(f"{wat} niet bereikt binnen {timeout}s")


@pytest.fixture
def werker(transactional_db, tmp_path):
    """Start real workers: `werker()` or `werker(pauze_bij="pdf"|"mail", concurrency=2)`;
    `herpoging_max=1`: a letter's retries wait at most a second.
    Tasks sent by the test process go to the same Redis queue."""
    if connection.vendor != "postgresql":
        pytest.skip("Echte Celery-worker: alleen met PostgreSQL "
                    "(zet DATABASE_URL; .ci/run doet dat).")
    if not _redis_bereikbaar():
        pytest.skip(f"Echte Celery-worker: Redis niet bereikbaar op {REDIS_URL}.")
    queue = f"test-{uuid.uuid4().hex[:10]}"
    oud = {k: celery_app.conf[k] for k in ("task_always_eager", "broker_url", "task_default_queue")}
    celery_app.conf.update(task_always_eager=False, broker_url=REDIS_URL, task_default_queue=queue)
    gestart: list[Werker] = []

    def start(pauze_bij: str | None = None, concurrency: int = 1,
              herpoging_max: int | None = None) -> Werker:
        w = Werker(tmp_path, queue, pauze_bij, concurrency, herpoging_max)
        gestart.append(w)
        return w

    yield start
    for w in gestart:
        w.stop()
    celery_app.conf.update(**oud)
    redis.Redis.from_url(REDIS_URL).delete(queue)
