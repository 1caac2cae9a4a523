"""The tombstone path of the dossier trigger (0008) also refuses a changed id and an empty
explanation: a tombstone must stay the same entry, and say why it was removed (AVG art. 5.2,
accountability)."""

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
       AND NEW.id = OLD.id
       AND NEW.verwijderd_door_id IS NOT NULL AND btrim(NEW.verwijdergrond) <> ''
       AND btrim(NEW.verwijdertoelichting) <> ''
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



def aanzetten(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIE, params=None)


def uitzetten(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from importlib import import_module

        vorige = import_module("dossiers.migrations.0008_dossierstuk_nooit_herschrijven")
        schema_editor.execute(vorige.FUNCTIE, params=None)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0008_dossierstuk_nooit_herschrijven")]

    operations = [migrations.RunPython(aanzetten, uitzetten)]
