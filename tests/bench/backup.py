"""Backup and restore round trip: `pg_dump -Fc` of a database, `pg_restore` into a new one,
and the exact row count of every table compared between the two.

    .venv/bin/python tests/bench/backup.py --bron lz_schaal10 --doel lz_schaal10_terug

The target database must not exist yet (it is created; `--opruimen` drops it afterwards).
Roles and grants of the source (`leerlingzorg_app`, see deploy/postgres/01-rollen.sh) are
restored when those roles exist in the cluster, else left out (`--no-owner --no-acl`), as on
a developer's machine. Writes tests/bench/resultaten/backup.json: sizes, seconds, per-table
counts and the tables that differ (none, or the script exits with 1).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

RESULTATEN = Path(__file__).resolve().parent / "resultaten"
VERBINDING = ["-h", os.environ.get("PGHOST", "127.0.0.1"), "-U",
              os.environ.get("PGUSER", "postgres")]
TELLEN = """
select table_name,
       (xpath('/row/n/text()', query_to_xml(
           format('select count(*) as n from %I.%I', table_schema, table_name),
           false, true, '')))[1]::text::bigint
from information_schema.tables
where table_schema = 'public' and table_type = 'BASE TABLE'
order by table_name
"""


def _psql(db: str, sql: str) -> str:
    return subprocess.run(["psql", *VERBINDING, "-d", db, "-At", "-F", "\t", "-c", sql],
                          capture_output=True, text=True, check=True).stdout


def _tellingen(db: str) -> dict[str, int]:
    return {naam: int(n) for naam, n in
            (regel.split("\t") for regel in _psql(db, TELLEN).splitlines() if regel)}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bron", required=True)
    p.add_argument("--doel", required=True)
    p.add_argument("--map", default="", help="where the dump goes (default: a temp dir)")
    p.add_argument("--opruimen", action="store_true", help="drop the target afterwards")
    p.add_argument("--label", default="")
    a = p.parse_args()
    dump = Path(a.map or tempfile.mkdtemp(prefix="lz-backup-")) / f"{a.bron}.dump"
    rollen = _psql(a.bron, "select count(*) from pg_roles where rolname in "
                           "('leerlingzorg_app', 'leerlingzorg_eigenaar')").strip()
    zonder_rechten = [] if rollen == "2" else ["--no-owner", "--no-acl"]

    begin = time.monotonic()
    subprocess.run(["pg_dump", *VERBINDING, "-Fc", "-f", str(dump), a.bron], check=True)
    dump_s = time.monotonic() - begin
    subprocess.run(["createdb", *VERBINDING, a.doel], check=True)
    begin = time.monotonic()
    subprocess.run(["pg_restore", *VERBINDING, "-d", a.doel, "--exit-on-error", "-j", "2",
                    *zonder_rechten, str(dump)], check=True)
    restore_s = time.monotonic() - begin
    bron, doel = _tellingen(a.bron), _tellingen(a.doel)
    verschil = {t: [bron.get(t), doel.get(t)] for t in sorted(set(bron) | set(doel))
                if bron.get(t) != doel.get(t)}
    resultaat = {
        "datum": datetime.now().isoformat(timespec="seconds"), "bron": a.bron, "doel": a.doel,
        "dump_bytes": dump.stat().st_size, "dump_seconden": round(dump_s, 1),
        "restore_seconden": round(restore_s, 1), "rechten_hersteld": not zonder_rechten,
        "tabellen": len(bron), "rijen": sum(bron.values()), "verschillen": verschil,
        "tellingen": bron,
    }
    grootste = sorted(bron.items(), key=lambda kv: -kv[1])[:8]
    print(f"pg_dump -Fc {a.bron}: {dump.stat().st_size / 1e6:.1f} MB in {dump_s:.1f} s; "
          f"pg_restore in {a.doel}: {restore_s:.1f} s")
    print(f"{len(bron)} tabellen, {sum(bron.values()):,} rijen; grootste: "
          + ", ".join(f"{t} {n:,}" for t, n in grootste))
    print("Rijen per tabel gelijk." if not verschil else f"VERSCHIL: {verschil}")
    if a.opruimen:
        subprocess.run(["dropdb", *VERBINDING, a.doel], check=True)
        dump.unlink()
    RESULTATEN.mkdir(exist_ok=True)
    naam = f"backup-{a.label}.json" if a.label else "backup.json"
    (RESULTATEN / naam).write_text(json.dumps(resultaat, indent=2, ensure_ascii=False) + "\n")
    return 1 if verschil else 0


if __name__ == "__main__":
    sys.exit(main())
