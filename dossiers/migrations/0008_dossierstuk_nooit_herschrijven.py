"""A dossier entry is a record: on PostgreSQL a trigger refuses every DELETE of a row and
every UPDATE except the one the removal procedure makes (`stukken_verwijderen`): content
wiped, the removal recorded once, everything that identifies the entry unchanged. So raw
SQL or a slip past the model's guards cannot rewrite or erase what a parent, a court or
the inspectie may ask to see. (TRUNCATE, used by test teardown and a deliberate purge by a
database administrator, is not a row operation and stays possible.)"""

from django.db import migrations

FUNCTIE = """
CREATE OR REPLACE FUNCTION dossiers_dossierstuk_bewaren() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'Een dossierstuk wordt nooit gewist: verwijder het met een grond, '
                        'dan blijft er een grafsteen.';
    END IF;
    -- Saving an unchanged row (Django's save() without a change) rewrites nothing.
    IF NEW IS NOT DISTINCT FROM OLD THEN
        RETURN NEW;
    END IF;
    IF OLD.verwijderd_op IS NULL AND NEW.verwijderd_op IS NOT NULL
       AND NEW.verwijderd_door_id IS NOT NULL AND NEW.verwijdergrond <> ''
       AND NEW.inhoud = ''
       AND NEW.leerling_id = OLD.leerling_id AND NEW.sectie = OLD.sectie
       AND NEW.titel = OLD.titel AND NEW.datum = OLD.datum AND NEW.auteur_id = OLD.auteur_id
       AND NEW.bron_type_id IS NOT DISTINCT FROM OLD.bron_type_id
       AND NEW.bron_id IS NOT DISTINCT FROM OLD.bron_id
       AND NEW.vervangt_id IS NOT DISTINCT FROM OLD.vervangt_id
       AND NEW.correctiereden = OLD.correctiereden
       AND NEW.aangemaakt_op = OLD.aangemaakt_op THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Een dossierstuk wordt nooit gewijzigd: corrigeer het met een addendum.';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER dossiers_dossierstuk_bewaren
BEFORE UPDATE OR DELETE ON dossiers_dossierstuk
FOR EACH ROW EXECUTE FUNCTION dossiers_dossierstuk_bewaren();
"""
WEG = """
DROP TRIGGER IF EXISTS dossiers_dossierstuk_bewaren ON dossiers_dossierstuk;
DROP FUNCTION IF EXISTS dossiers_dossierstuk_bewaren();
"""


def aanzetten(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE, params=None)
        schema_editor.execute(TRIGGER, params=None)


def uitzetten(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(WEG, params=None)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0007_rol_extern")]

    operations = [migrations.RunPython(aanzetten, uitzetten)]
