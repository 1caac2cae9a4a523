"""Benchmark of statuut.kalender: cold table build versus warm calls."""

import os
import sys
import tempfile
import timeit
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from statuut import kalender  # noqa: E402
from statuut.models import Bestuur, School  # noqa: E402
from statuut.services import regiovakanties_laden  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    regiovakanties_laden()
    school = School.objects.create(
        bestuur=Bestuur.objects.create(naam="Bench"), naam="Bench", korte_naam="bench",
        brin="99ZZ", regio="midden", onderwijssoort="vo",
    )
    start = date(2025, 9, 10)
    koud = timeit.timeit(lambda: (kalender.vergeet_cache(),
                                  kalender.plus_schooldagen(school, start, 10)), number=20) / 20
    dagen = [start + timedelta(days=i) for i in range(200)]
    n = 20_000
    warm = timeit.timeit(
        lambda: [kalender.plus_schooldagen(school, d, 10) for d in dagen], number=n // 200
    ) / n
    tussen = timeit.timeit(
        lambda: [kalender.schooldagen_tussen(school, start, d) for d in dagen], number=n // 200
    ) / n
    print(f"table build (cold call): {koud * 1000:8.2f} ms")
    print(f"plus_schooldagen (warm): {warm * 1e6:8.2f} µs")
    print(f"schooldagen_tussen (warm): {tussen * 1e6:8.2f} µs")


if __name__ == "__main__":
    main()
