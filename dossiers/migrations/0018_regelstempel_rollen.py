"""A role assignment given, changed or taken back moves the stamp of the rules and roles
(statuut/0020, `statuut/stempel.py`): the policy keeps each user's roles between requests
under it."""

from django.db import migrations

from statuut.stempel import bewaken, niet_meer_bewaken


def aanzetten(apps, schema_editor):
    bewaken(schema_editor, "dossiers_roltoewijzing")


def uitzetten(apps, schema_editor):
    niet_meer_bewaken(schema_editor, "dossiers_roltoewijzing")


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0017_rol_concierge"), ("statuut", "0020_regelstempel")]

    operations = [migrations.RunPython(aanzetten, uitzetten)]
