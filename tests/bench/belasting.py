"""Load test: simulated users on their daily pages against gunicorn and PostgreSQL (issue 15).

On a database filled by `manage.py schaal_genereren` (see README.md beside this file). The
script starts gunicorn itself (127.0.0.1, a spare port, `--workers` sync workers, the
project's WSGI application and this database), logs every simulated user in as one of the
`schaal-<rol>` users (a session made the way the test client makes it, so no password hashing
and no login throttling in the measurement), lets `--gebruikers` threads each walk their
role's daily pages for `--duur` seconds with a short think time, stops gunicorn and prints
and writes the result (requests, errors, median, p95, p99, per page) to
tests/bench/resultaten/belasting.json. Bounded in count and time, loopback only.

    DEBUG=1 DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lz_schaal10 \\
        .venv/bin/python tests/bench/belasting.py --gebruikers 50 --duur 60

An error is a status other than 200, a redirect (e.g. to the login page) or a failed
connection. No dependency beyond the standard library.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

RESULTATEN = Path(__file__).resolve().parent / "resultaten"

#: How many of every 20 simulated users hold each role: most are teachers and mentors.
MIX = {"mentor": 6, "docent": 5, "teamleider": 3, "zorgcoordinator": 2, "directeur": 2,
       "administratie": 2}


def _paginas() -> dict[str, list[tuple[str, str]]]:
    """Per role: (name, url) of the pages its users open in a day."""
    from dossiers.models import Groep, Leerling
    from dossiers.schaal import KORTE_NAAM
    from statuut.models import School

    school = School.objects.get(korte_naam=KORTE_NAAM)
    mentor = get_user_model().objects.get(username="schaal-mentor")
    groep = Groep.objects.filter(mentoren__user=mentor).order_by("-schooljaar__begin").first()
    leerlingen = list(Leerling.objects.filter(plaatsingen__groep=groep).order_by("pk")
                      .values_list("pk", flat=True)[:5])
    per_leerling = [("leerlingpagina", reverse("leerling", args=[pk])) for pk in leerlingen]
    dossiers = [("dossierpagina", reverse("dossier", args=[pk])) for pk in leerlingen[:2]]
    def start(rol: str) -> list[tuple[str, str]]:
        return [(f"start ({rol})", reverse("start"))]

    return {
        "mentor": start("mentor") + per_leerling + dossiers,
        "docent": start("docent"),
        "teamleider": start("teamleider") + per_leerling[:2],
        "zorgcoordinator": start("zorgcoordinator") + [
            ("zorg werklijst", reverse("zorg:werklijst", args=[school.pk]))],
        "directeur": start("directeur") + [
            ("klachtenoverzicht", reverse("klachten:overzicht")),
            ("inzagelog", reverse("inzagelog") + "?lezer=schaal-mentor")],
        "administratie": start("administratie") + [
            ("uitgaande post", reverse("uitgaande_post"))],
    }


def _sessie(rol: str) -> str:
    """A session cookie for `schaal-<rol>`, stored in the database the server reads."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=f"schaal-{rol}"))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_starten(poort: int, workers: int) -> subprocess.Popen:
    omgeving = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "CONN_MAX_AGE": "600",
                "PYTHONPATH": str(ROOT)}
    proces = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application",
         "--bind", f"127.0.0.1:{poort}", "--workers", str(workers),
         "--worker-class", "sync", "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=omgeving, start_new_session=True)
    for _ in range(300):  # at most 30 s to come up
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                return proces
        except OSError:
            if proces.poll() is not None:
                sys.exit(f"gunicorn stopte bij het starten (code {proces.returncode}).")
            time.sleep(0.1)
    _server_stoppen(proces)
    sys.exit("gunicorn kwam niet binnen 30 s op.")


def _server_stoppen(proces: subprocess.Popen) -> None:
    if proces.poll() is None:
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()


def _gebruiker(poort: int, cookie: str, paginas: list[tuple[str, str]], einde: float,
               denktijd: float, seed: int, metingen: list, fouten: list) -> None:
    kans = random.Random(seed)
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    kop = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}", "Host": "127.0.0.1"}
    while time.monotonic() < einde:
        naam, url = kans.choice(paginas)
        begin = time.perf_counter()
        try:
            verbinding.request("GET", url, headers=kop)
            antwoord = verbinding.getresponse()
            antwoord.read()
            status = antwoord.status
        except (OSError, http.client.HTTPException) as fout:
            verbinding.close()
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
            status = f"{type(fout).__name__}"
        duur = time.perf_counter() - begin
        metingen.append((naam, duur))
        if status != 200:
            fouten.append((naam, url, status))
        time.sleep(kans.uniform(0, 2 * denktijd))
    verbinding.close()


def _percentiel(waarden: list[float], p: float) -> float:
    if not waarden:
        return 0.0
    geordend = sorted(waarden)
    return geordend[min(len(geordend) - 1, round(p / 100 * (len(geordend) - 1)))]


def belasten(gebruikers: int, duur: float, workers: int, denktijd: float) -> dict:
    paginas = _paginas()
    rollen = [rol for rol, n in MIX.items() for _ in range(n)]
    random.Random(0).shuffle(rollen)
    verdeling = [rollen[i % len(rollen)] for i in range(gebruikers)]
    cookies = {rol: _sessie(rol) for rol in set(verdeling)}
    connection.close()
    poort = _vrije_poort()
    server = _server_starten(poort, workers)
    metingen: list[tuple[str, float]] = []
    fouten: list[tuple] = []
    try:
        # Warm up: every page once, so templates and connections are ready in each worker.
        _gebruiker(poort, cookies[verdeling[0]], paginas[verdeling[0]],
                   time.monotonic() + 0.01, 0, 0, [], [])
        for rol in set(verdeling):
            for _ in range(workers):
                _gebruiker(poort, cookies[rol], paginas[rol][:1], time.monotonic() + 0.01, 0,
                           0, [], [])
        einde = time.monotonic() + duur
        draden = [threading.Thread(target=_gebruiker, args=(
            poort, cookies[rol], paginas[rol], einde, denktijd, i, metingen, fouten))
            for i, rol in enumerate(verdeling)]
        begin = time.monotonic()
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join(timeout=duur + 120)
        gemeten = time.monotonic() - begin
    finally:
        _server_stoppen(server)
    tijden = [d for _n, d in metingen]
    per_pagina = {}
    for naam in sorted({n for n, _d in metingen}):
        eigen = [d for n, d in metingen if n == naam]
        per_pagina[naam] = {"verzoeken": len(eigen),
                            "mediaan_ms": round(statistics.median(eigen) * 1000, 1),
                            "p95_ms": round(_percentiel(eigen, 95) * 1000, 1)}
    return {
        "database": settings.DATABASES["default"]["NAME"],
        "gebruikers": gebruikers, "rollen": dict(sorted(
            {r: verdeling.count(r) for r in set(verdeling)}.items())),
        "gunicorn_workers": workers, "duur_s": round(gemeten, 1), "denktijd_s": denktijd,
        "verzoeken": len(tijden), "per_seconde": round(len(tijden) / gemeten, 1),
        "fouten": len(fouten), "foutvoorbeelden": [list(map(str, f)) for f in fouten[:10]],
        "mediaan_ms": round(statistics.median(tijden) * 1000, 1) if tijden else None,
        "p95_ms": round(_percentiel(tijden, 95) * 1000, 1),
        "p99_ms": round(_percentiel(tijden, 99) * 1000, 1),
        "per_pagina": per_pagina,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gebruikers", type=int, default=50)
    parser.add_argument("--duur", type=float, default=60, help="seconden")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--denktijd", type=float, default=5.0,
                        help="gemiddelde pauze tussen twee pagina's van één gebruiker (s)")
    parser.add_argument("--label", default="belasting")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Meet op PostgreSQL: zet DATABASE_URL (zie tests/bench/README.md).")
    if not 1 <= args.gebruikers <= 200 or not 1 <= args.duur <= 600:
        sys.exit("Begrensd: 1-200 gebruikers, 1-600 seconden.")
    uitkomst = belasten(args.gebruikers, args.duur, args.workers, args.denktijd)
    print(f"{uitkomst['gebruikers']} gebruikers, {uitkomst['duur_s']} s, "
          f"{uitkomst['gunicorn_workers']} gunicorn-workers, database {uitkomst['database']}")
    print(f"{uitkomst['verzoeken']} verzoeken ({uitkomst['per_seconde']}/s), "
          f"{uitkomst['fouten']} fouten, mediaan {uitkomst['mediaan_ms']} ms, "
          f"p95 {uitkomst['p95_ms']} ms, p99 {uitkomst['p99_ms']} ms")
    for naam, r in uitkomst["per_pagina"].items():
        print(f"  {naam:<24} {r['verzoeken']:>6} {r['mediaan_ms']:>9.1f} ms "
              f"p95 {r['p95_ms']:>9.1f} ms")
    RESULTATEN.mkdir(exist_ok=True)
    (RESULTATEN / f"{args.label}.json").write_text(json.dumps(uitkomst, indent=1))


if __name__ == "__main__":
    main()
