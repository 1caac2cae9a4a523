"""The care rules were a Python table in `dossiers.toegang` (ZORGREGELS, the same for every
preset); they are now authority rows of the statuut (`statuut.Bevoegdheid`, the presets'
`bevoegdheden: zorg:` group). An existing database has statuut versions loaded before those
rows existed: give every version the rows that reproduce the old table, so nobody's sight of a
care file changes. Versions that have them already (a preset loaded since) are left alone.
"""

from django.db import migrations

# (actie, rol, omvang, niveau, toelichting): the table as it stood (ZORGREGELS), one row per
# level and per step of each role; the remedial teacher's rows were code next to it.
EIGEN, SCHOOL = "eigen_leerlingen", "school"
ZORGREGELS = [
    ("zorg.inzien", "mentor", EIGEN, 2, "Seed 001 stap 1a-2 en 5."),
    ("zorg.inzien", "teamleider", EIGEN, 2, "DEFAULT (seed 001 zwijgt)."),
    ("zorg.inzien", "zorgcoordinator", SCHOOL, 4, "Seed 001 stap 2-5."),
    ("zorg.inzien", "directie", SCHOOL, 4, "DEFAULT (issue 6)."),
    ("zorg.inzien", "remedial_teacher", EIGEN, 3,
     "Seed 001 stap 2.2: de leerlingen die bij hem of haar zijn aangemeld."),
    ("zorg.signaleren", "docent", EIGEN, None, "Seed 001 stap 1a."),
    ("zorg.signaleren", "mentor", EIGEN, None, "Seed 001 stap 1a."),
    ("zorg.signaleren", "teamleider", EIGEN, None, "DEFAULT (seed 001 zwijgt)."),
    ("zorg.signaleren", "zorgcoordinator", SCHOOL, None, "Seed 001 stap 2-5."),
    ("zorg.mentor", "mentor", EIGEN, None, "Seed 001 stap 1a, 1b en 2.1."),
    ("zorg.consulteren", "mentor", EIGEN, None, "Seed 001 stap 2."),
    ("zorg.consulteren", "zorgcoordinator", SCHOOL, None, "Seed 001 stap 2."),
    ("zorg.coordineren", "zorgcoordinator", SCHOOL, None, "Seed 001 stap 3-5."),
    ("zorg.remedial", "remedial_teacher", EIGEN, None, "Seed 001 stap 2.2."),
]


def zorgregels_als_rijen(apps, schema_editor):
    Statuut = apps.get_model("statuut", "Statuut")
    Bevoegdheid = apps.get_model("statuut", "Bevoegdheid")
    for statuut in Statuut.objects.all():
        if Bevoegdheid.objects.filter(statuut=statuut, actie__startswith="zorg.").exists():
            continue
        Bevoegdheid.objects.bulk_create([
            Bevoegdheid(statuut=statuut, actie=actie, voor="", rol=rol, omvang=omvang,
                        niveau=niveau, artikel="", toelichting=toelichting)
            for actie, rol, omvang, niveau, toelichting in ZORGREGELS])


def rijen_weg(apps, schema_editor):
    apps.get_model("statuut", "Bevoegdheid").objects.filter(actie__startswith="zorg.").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("statuut", "0014_bevoegdheden_en_organen"),
        ("zorg", "0002_gekozen_data_blijven_staan"),
    ]

    operations = [migrations.RunPython(zorgregels_als_rijen, rijen_weg)]
