"""A beroep points at the measure itself (issue 13): a generic relation to an object of a
flow registered in `dossiers.maatregelen` (a schorsing, ...). A beroep filed before against
a dossier entry whose source is such a measure now points at that measure; a beroep against
an entry that is the measure itself (the daily measures, until they are objects of their
own) keeps pointing at the entry."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def naar_de_maatregel(apps, schema_editor, modellen=None):
    """`modellen`: the measure models (default: those registered now, by their flows'
    `AppConfig.ready()`)."""
    if modellen is None:
        from dossiers import maatregelen

        modellen = maatregelen.maatregelmodellen()
    ContentType = apps.get_model("contenttypes", "ContentType")
    Beroep = apps.get_model("klachten", "Beroep")
    for model in modellen:
        soort = ContentType.objects.filter(app_label=model._meta.app_label,
                                           model=model._meta.model_name).first()
        if soort is None:
            continue
        bestaand = apps.get_model(model._meta.app_label, model._meta.model_name).objects
        for beroep in (Beroep.objects.filter(maatregel_id__isnull=True,
                                             maatregel_stuk__bron_type=soort)
                       .select_related("maatregel_stuk")):
            if not bestaand.filter(pk=beroep.maatregel_stuk.bron_id).exists():
                continue
            beroep.maatregel_soort_id = soort.pk
            beroep.maatregel_id = beroep.maatregel_stuk.bron_id
            beroep.maatregel_stuk = None
            beroep.save(update_fields=["maatregel_soort", "maatregel_id", "maatregel_stuk"])


def naar_het_stuk(apps, schema_editor):
    """Back: the measure's first dossier entry."""
    Beroep = apps.get_model("klachten", "Beroep")
    Dossierstuk = apps.get_model("dossiers", "Dossierstuk")
    for beroep in Beroep.objects.filter(maatregel_id__isnull=False):
        beroep.maatregel_stuk = (Dossierstuk.objects.filter(
            bron_type_id=beroep.maatregel_soort_id, bron_id=beroep.maatregel_id)
            .order_by("datum", "pk").first())
        beroep.maatregel_soort_id = beroep.maatregel_id = None
        beroep.save(update_fields=["maatregel_soort", "maatregel_id", "maatregel_stuk"])


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('dossiers', '0016_leerling_en_ouder_als_principaal'),
        ('klachten', '0003_commissielid_partij'),
        # The measures a beroep may point at must be in the state the data step reads.
        ('sancties', '0008_vernietigd'),
        ('statuut', '0017_klachten_bevoegdheden'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='beroep',
            name='maatregel_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='maatregel'),
        ),
        migrations.AddField(
            model_name='beroep',
            name='maatregel_soort',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype', verbose_name='soort maatregel'),
        ),
        migrations.AddIndex(
            model_name='beroep',
            index=models.Index(fields=['maatregel_soort', 'maatregel_id', 'status'], name='beroep_op_maatregel_idx'),
        ),
        migrations.AddConstraint(
            model_name='beroep',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('maatregel_id__isnull', True), ('maatregel_soort__isnull', True)), models.Q(('maatregel_id__isnull', False), ('maatregel_soort__isnull', False)), _connector='OR'), name='beroep_maatregel_soort_en_id'),
        ),
        migrations.RunPython(naar_de_maatregel, naar_het_stuk),
        migrations.AddConstraint(
            model_name='beroep',
            constraint=models.CheckConstraint(condition=models.Q(('maatregel_id__isnull', True), ('maatregel_stuk__isnull', True), _connector='OR'), name='beroep_een_maatregel'),
        ),
    ]
