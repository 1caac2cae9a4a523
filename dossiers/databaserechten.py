"""What the application's own database role may do, table by table (PostgreSQL).

In production the application connects as a role that owns no table: it cannot switch the
append-only triggers off (`ALTER TABLE ... DISABLE TRIGGER` needs the owner,
`session_replication_role` a superuser) and, on the logs, it has no UPDATE, DELETE or
TRUNCATE at all. Migrations run as the owner role, which then hands out these rights with
`manage.py databaserechten` (see docker-compose.yml and README "Production").

Every table gets SELECT, INSERT, UPDATE and DELETE unless it is listed here with less.
"""

from __future__ import annotations

ALLE = ("SELECT", "INSERT", "UPDATE", "DELETE")

#: "app_label.Model" -> the only privileges the application role gets on its table.
BEPERKT: dict[str, tuple[str, ...]] = {
    # The read log: append-only (AVG art. 5.2 accountability; Normenkader IBP SM.04).
    "dossiers.Inzage": ("SELECT", "INSERT"),
    # The change log of roles, grants and rules (issue 11): append-only as well.
    "dossiers.Wijziging": ("SELECT", "INSERT"),
    # A dossier entry is never erased; the one UPDATE allowed is the tombstone, which the
    # trigger of migration dossiers/0008-0009 checks field by field.
    "dossiers.Dossierstuk": ("SELECT", "INSERT", "UPDATE"),
}


def beperken(model_label: str, *privileges: str) -> None:
    """Let an app declare a table the application role may only read and append to (or
    another subset): called from the app's AppConfig.ready()."""
    onbekend = set(privileges) - set(ALLE)
    if onbekend:
        raise ValueError(f"Onbekende rechten {sorted(onbekend)}; kies uit {ALLE}.")
    BEPERKT[model_label] = tuple(privileges)
