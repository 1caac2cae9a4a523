"""The read log is append-only in the database itself, not only in the application:
on PostgreSQL a trigger refuses every UPDATE and DELETE of a row (TRUNCATE, used only by
test teardown and a deliberate retention purge by a database administrator, is not a row
operation and stays possible)."""

from django.db import migrations

FUNCTIE = """
CREATE OR REPLACE FUNCTION dossiers_inzage_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Het inzagelog is alleen aan te vullen: % geweigerd.', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER dossiers_inzage_alleen_toevoegen
BEFORE UPDATE OR DELETE ON dossiers_inzage
FOR EACH ROW EXECUTE FUNCTION dossiers_inzage_alleen_toevoegen();
"""
WEG = """
DROP TRIGGER IF EXISTS dossiers_inzage_alleen_toevoegen ON dossiers_inzage;
DROP FUNCTION IF EXISTS dossiers_inzage_alleen_toevoegen();
"""


def aanzetten(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE, params=None)
        schema_editor.execute(TRIGGER, params=None)


def uitzetten(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(WEG, params=None)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0005_brieven_toekenningen_dossier_addenda")]

    operations = [migrations.RunPython(aanzetten, uitzetten)]
