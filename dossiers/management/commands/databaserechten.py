"""Give the application's database role exactly the rights of `dossiers.databaserechten`.

Run by the owner role after `migrate` (docker-compose's `migrate` service does). Idempotent:
it revokes everything first, then grants, so a table moved to a stricter list loses its
rights on the next run.
"""

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from dossiers.databaserechten import ALLE, BEPERKT


class Command(BaseCommand):
    help = ("Geeft de databaserol van de applicatie precies de rechten die ze nodig heeft "
            "(geen UPDATE/DELETE/TRUNCATE op de logboeken). Alleen PostgreSQL.")

    def add_arguments(self, parser):
        parser.add_argument("app_rol", help="de databaserol waarmee web, worker en beat verbinden")

    def handle(self, *args, app_rol: str, **opts):
        if connection.vendor != "postgresql":
            raise CommandError("databaserechten werkt alleen op PostgreSQL; SQLite kent geen "
                               "rollen (gebruik SQLite alleen om te proberen).")
        with connection.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [app_rol])
            if cur.fetchone() is None:
                raise CommandError(f"De databaserol '{app_rol}' bestaat niet. Maak haar eerst "
                                   "aan (zie deploy/postgres/01-rollen.sh).")
            cur.execute("SELECT current_user")
            if cur.fetchone()[0] == app_rol:
                raise CommandError("Draai dit als de eigenaar van de tabellen, niet als de "
                                   "applicatierol zelf.")
        beperkt = {apps.get_model(label)._meta.db_table: rechten
                   for label, rechten in BEPERKT.items()}
        rol = connection.ops.quote_name(app_rol)
        with transaction.atomic(), connection.cursor() as cur:
            schema = "public"
            cur.execute(f"GRANT USAGE ON SCHEMA {schema} TO {rol}")
            cur.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {rol}")
            cur.execute(f"GRANT {', '.join(ALLE)} ON ALL TABLES IN SCHEMA {schema} TO {rol}")
            for tabel, rechten in sorted(beperkt.items()):
                weg = [r for r in (*ALLE, "TRUNCATE") if r not in rechten]
                cur.execute(f"REVOKE {', '.join(weg)} ON {connection.ops.quote_name(tabel)} "
                            f"FROM {rol}")
            cur.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {rol}")
        self.stdout.write(f"Rechten van {app_rol} gezet; beperkt op: {', '.join(sorted(beperkt))}.")
