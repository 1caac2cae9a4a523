"""A role assignment or a grant given, changed or taken back moves the stamp of the rules
and roles (statuut/0020, `statuut/stempel.py`): the policy keeps each user's roles, and the
kinds of grant they hold, between requests under it."""

from django.db import migrations

from statuut.stempel import bewaken, niet_meer_bewaken

TABELLEN = ("dossiers_roltoewijzing", "dossiers_toekenning")


def aanzetten(apps, schema_editor):
    bewaken(schema_editor, *TABELLEN)


def uitzetten(apps, schema_editor):
    niet_meer_bewaken(schema_editor, *TABELLEN)


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0017_rol_concierge"), ("statuut", "0020_regelstempel")]

    operations = [migrations.RunPython(aanzetten, uitzetten)]
