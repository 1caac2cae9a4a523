"""At most one live grant per (grantee, pupil, scope) on any day, in the database itself:
three grant forms posted at once used to create three grants, and withdrawing one left the
colleague reading through the others. On PostgreSQL an exclusion constraint refuses two
grants not withdrawn whose periods overlap (btree_gist, a trusted extension the database
owner may create). On SQLite, which has one writer at a time, the service's check suffices."""

from django.db import migrations

MAKEN = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE dossiers_toekenning ADD CONSTRAINT toekenning_een_tegelijk
    EXCLUDE USING gist (
        leerling_id WITH =, user_id WITH =, omvang WITH =,
        daterange(geldig_vanaf, geldig_tot, '[]') WITH &&
    ) WHERE (ingetrokken_op IS NULL);
"""
WEG = "ALTER TABLE dossiers_toekenning DROP CONSTRAINT IF EXISTS toekenning_een_tegelijk;"


def aanzetten(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(MAKEN, params=None)


def uitzetten(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(WEG, params=None)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0009_grafsteen_strenger")]

    operations = [migrations.RunPython(aanzetten, uitzetten)]
