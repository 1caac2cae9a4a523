"""Klachtfase.behandelaar (one role) becomes Klachtfase.behandelaars (a list), so a stage can
name more than one handler (Noordgouw art. 19.2: "de mentor of de afdelingsleider")."""

import statuut.models
from django.db import migrations, models


def naar_lijst(apps, schema_editor):
    Klachtfase = apps.get_model("statuut", "Klachtfase")
    for fase in Klachtfase.objects.all():
        fase.behandelaars = [fase.behandelaar] if fase.behandelaar else []
        fase.save(update_fields=["behandelaars"])


def naar_een(apps, schema_editor):
    Klachtfase = apps.get_model("statuut", "Klachtfase")
    for fase in Klachtfase.objects.all():
        fase.behandelaar = fase.behandelaars[0] if fase.behandelaars else ""
        fase.save(update_fields=["behandelaar"])


class Migration(migrations.Migration):

    dependencies = [
        ('statuut', '0005_sancties_regels'),
    ]

    operations = [
        migrations.AddField(
            model_name='klachtfase',
            name='behandelaars',
            field=models.JSONField(default=list, help_text='De eerste staat voor de termijn in.', validators=[statuut.models.instanties_validator], verbose_name='behandelaars (rollen of organen)'),
            preserve_default=False,
        ),
        migrations.RunPython(naar_lijst, naar_een),
        # A default only so that undoing this migration can add the column back to a
        # filled table (naar_een then fills it).
        migrations.AlterField(
            model_name='klachtfase',
            name='behandelaar',
            field=models.CharField(default='', max_length=40, validators=[statuut.models.instantie_validator], verbose_name='behandelaar (rol of orgaan)'),
        ),
        migrations.RemoveField(
            model_name='klachtfase',
            name='behandelaar',
        ),
    ]
