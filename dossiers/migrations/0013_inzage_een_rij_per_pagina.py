"""The read log writes one row per page view: a list row names the list, its filter, the
count and the pupil numbers shown; `soorten` marks rows about care, complaint or measure
records. Only ALTER TABLE ... ADD/ALTER COLUMN: the append-only trigger of 0006 stays on the
table (tests/dossiers/test_inzagelog.py checks it on PostgreSQL)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0012_wijzigingslog_en_verzoeken'),
    ]

    operations = [
        migrations.AddField(
            model_name='inzage',
            name='aantal',
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name='aantal leerlingen'),
        ),
        migrations.AddField(
            model_name='inzage',
            name='filter',
            field=models.CharField(blank=True, max_length=300, verbose_name='filter'),
        ),
        migrations.AddField(
            model_name='inzage',
            name='leerlingnummers',
            field=models.TextField(blank=True, verbose_name='getoonde leerlingnummers'),
        ),
        migrations.AddField(
            model_name='inzage',
            name='lijst',
            field=models.CharField(blank=True, max_length=100, verbose_name='lijst'),
        ),
        migrations.AddField(
            model_name='inzage',
            name='soorten',
            field=models.CharField(blank=True, max_length=100, verbose_name='soorten gegevens'),
        ),
        migrations.AlterField(
            model_name='inzage',
            name='leerling',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='inzages', to='dossiers.leerling'),
        ),
        migrations.AlterField(
            model_name='inzage',
            name='onderdeel',
            field=models.CharField(max_length=300, verbose_name='onderdeel'),
        ),
    ]
