"""Verzuimdrempel.verantwoordelijke becomes authority rows (issue 14): the role that takes a
threshold's step holds the verzuim action of that step (a frozen copy of verzuim/drempels.py's
map); the conciërge becomes a role (Noordgouw art. 11.4, 14.3)."""

from django.db import migrations, models


# actie_code -> the verzuim action of that step (verzuim/drempels.py, frozen here).
ACTIE_VAN_CODE = {
    "melden_afdeling": "verzuim.inhalen_regelen",
    "les_verzuimd": "verzuim.inhalen_regelen",
    "inhalen": "verzuim.inhalen_regelen",
    "ouders_informeren": "verzuim.ouders_informeren",
    "gesprek_ouders": "verzuim.gesprek_voeren",
    "melding_leerplicht": "verzuim.leerplicht_melden",
    "schorsing_mogelijk": "verzuim.schorsing_voorstellen",
}
#: Roles that act for their own pupils (the access matrix's relation), the rest school-wide.
EIGEN = {"mentor", "docent", "teamleider"}


def naar_bevoegdheden(apps, schema_editor):
    Verzuimdrempel = apps.get_model("statuut", "Verzuimdrempel")
    Bevoegdheid = apps.get_model("statuut", "Bevoegdheid")
    for drempel in Verzuimdrempel.objects.exclude(verantwoordelijke=""):
        Bevoegdheid.objects.get_or_create(
            statuut_id=drempel.statuut_id, actie=ACTIE_VAN_CODE[drempel.actie_code], voor="",
            rol=drempel.verantwoordelijke,
            defaults={"omvang": ("eigen_leerlingen" if drempel.verantwoordelijke in EIGEN
                                 else "school"),
                      "artikel": drempel.artikel,
                      "toelichting": "Was de verantwoordelijke van verzuimdrempel "
                                     f"'{drempel.code}'."})


def terug(apps, schema_editor):
    Verzuimdrempel = apps.get_model("statuut", "Verzuimdrempel")
    Bevoegdheid = apps.get_model("statuut", "Bevoegdheid")
    for drempel in Verzuimdrempel.objects.all():
        rij = Bevoegdheid.objects.filter(statuut_id=drempel.statuut_id,
                                         actie=ACTIE_VAN_CODE[drempel.actie_code]).first()
        if rij is not None:
            drempel.verantwoordelijke = rij.rol
            drempel.save(update_fields=["verantwoordelijke"])


class Migration(migrations.Migration):

    dependencies = [
        ('statuut', '0014_bevoegdheden_en_organen'),
    ]

    operations = [
        migrations.RunPython(naar_bevoegdheden, terug),
        migrations.RemoveField(
            model_name='verzuimdrempel',
            name='verantwoordelijke',
        ),
        migrations.AddField(
            model_name='verzuimdrempel',
            name='termijn_aantal',
            field=models.PositiveSmallIntegerField(default=5, help_text="Binnen hoeveel dagen de actie na het overschrijden gedaan moet zijn (DEFAULT 5 schooldagen; de Leerplichtwet art. 21a zegt 'onverwijld').", verbose_name='termijn voor de actie'),
        ),
        migrations.AddField(
            model_name='verzuimdrempel',
            name='termijn_eenheid',
            field=models.CharField(choices=[('schooldagen', 'schooldagen'), ('werkdagen', 'werkdagen'), ('kalenderdagen', 'kalenderdagen'), ('weken', 'weken')], default='schooldagen', max_length=15, verbose_name='eenheid van de termijn'),
        ),
        migrations.AlterField(
            model_name='termijn',
            name='verantwoordelijke_rol',
            field=models.CharField(blank=True, choices=[('docent', 'Docent'), ('mentor', 'Mentor'), ('teamleider', 'Teamleider / afdelingsleider'), ('zorgcoordinator', 'Zorgcoördinator'), ('remedial_teacher', 'Remedial teacher'), ('vertrouwenspersoon', 'Vertrouwenspersoon'), ('decaan', 'Decaan'), ('directie', 'Directie / schoolleiding'), ('administratie', 'Leerlingenadministratie'), ('functioneel_beheerder', 'Functioneel beheerder'), ('concierge', 'Conciërge'), ('extern', 'Externe (alleen via toekenning), bijv. inspectie')], max_length=40),
        ),
        migrations.AlterField(
            model_name='toegangsregel',
            name='rol',
            field=models.CharField(choices=[('docent', 'Docent'), ('mentor', 'Mentor'), ('teamleider', 'Teamleider / afdelingsleider'), ('zorgcoordinator', 'Zorgcoördinator'), ('remedial_teacher', 'Remedial teacher'), ('vertrouwenspersoon', 'Vertrouwenspersoon'), ('decaan', 'Decaan'), ('directie', 'Directie / schoolleiding'), ('administratie', 'Leerlingenadministratie'), ('functioneel_beheerder', 'Functioneel beheerder'), ('concierge', 'Conciërge'), ('extern', 'Externe (alleen via toekenning), bijv. inspectie')], max_length=40, verbose_name='rol'),
        ),
    ]
