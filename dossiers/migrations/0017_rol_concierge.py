"""The conciërge as a role (Noordgouw art. 11.4, 14.3)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0016_leerling_en_ouder_als_principaal'),
    ]

    operations = [
        migrations.AlterField(
            model_name='roltoewijzing',
            name='rol',
            field=models.CharField(choices=[('docent', 'Docent'), ('mentor', 'Mentor'), ('teamleider', 'Teamleider / afdelingsleider'), ('zorgcoordinator', 'Zorgcoördinator'), ('remedial_teacher', 'Remedial teacher'), ('vertrouwenspersoon', 'Vertrouwenspersoon'), ('decaan', 'Decaan'), ('directie', 'Directie / schoolleiding'), ('administratie', 'Leerlingenadministratie'), ('functioneel_beheerder', 'Functioneel beheerder'), ('concierge', 'Conciërge'), ('extern', 'Externe (alleen via toekenning), bijv. inspectie')], max_length=40, verbose_name='rol'),
        ),
    ]
