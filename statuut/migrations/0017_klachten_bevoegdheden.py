"""Who handles a complaint stage (`Klachtfase.behandelaars`) and who decides a beroep
(`Beroepsregel.bij`) become authority rows (`Bevoegdheid`), like every other "who may" of the
complaint procedures that was a constant in code until now (issue 13).

For every existing statuut version that has no klachten rows yet, the data step writes the
rows that reproduce the behaviour before this change: the stages' and rules' roles as rows of
`klacht.fase_afhandelen` / `beroep.beslissen` (mentor and teamleider in their relation to the
pupil, the rest for the whole school; the docent never recorded a stage: the talk with the
docent is the complainant's own, `klacht.gesprek_voeren`), the former constants (who files,
who reads, the vertrouwenspersoon, the commission's composition and secretary, the
overview), and the bodies the former code resolved itself (bevoegd gezag and schoolleiding
through the directie, the landelijke klachtencommissie's contact person the directie or the
vertrouwenspersoon) where the version has no `Orgaanrol` for them. The presets write the
same rows with their articles.
"""

from django.db import migrations, models

#: Staff who file on a complainant's behalf, read the public advices and may be shown a
#: confidential report (the former KLACHT_INDIENERS: every role but beheer and extern).
PERSONEEL = ("docent", "mentor", "teamleider", "zorgcoordinator", "remedial_teacher",
             "vertrouwenspersoon", "decaan", "directie", "administratie")
RELATIEROLLEN = ("mentor", "teamleider", "docent")
SCHOOL, EIGEN = "school", "eigen_leerlingen"
ORGANEN = {"bevoegd_gezag": ["directie"], "schoolleiding": ["directie"],
           "klachtencommissie": ["directie", "vertrouwenspersoon"]}


def _vaste_rijen():
    rijen = [(actie, rol, SCHOOL) for actie in (
        "klacht.indienen", "beroep.instellen", "klacht.adviezen_lezen",
        "klacht.gedeelde_melding_lezen") for rol in PERSONEEL]
    for actie in ("klacht.inzien", "beroep.inzien"):
        rijen += [(actie, "schoolleiding", SCHOOL), (actie, "mentor", EIGEN),
                  (actie, "teamleider", EIGEN)]
    rijen += [("klacht.vertrouwelijk_inzien", "vertrouwenspersoon", SCHOOL),
              ("klacht.vertrouwelijk_delen", "vertrouwenspersoon", SCHOOL),
              ("klacht.commissie_samenstellen", "schoolleiding", SCHOOL),
              ("klacht.commissie_secretaris", "schoolleiding", SCHOOL),
              ("klacht.overzicht_zien", "schoolleiding", SCHOOL)]
    return rijen


def naar_bevoegdheden(apps, schema_editor):
    Statuut = apps.get_model("statuut", "Statuut")
    Klachtfase = apps.get_model("statuut", "Klachtfase")
    Beroepsregel = apps.get_model("statuut", "Beroepsregel")
    Bevoegdheid = apps.get_model("statuut", "Bevoegdheid")
    Orgaanrol = apps.get_model("statuut", "Orgaanrol")
    for statuut in Statuut.objects.all():
        if Bevoegdheid.objects.filter(statuut=statuut, actie__startswith="klacht.").exists():
            continue
        nieuw = []
        for fase in Klachtfase.objects.filter(statuut=statuut).order_by("route", "volgorde",
                                                                         "pk"):
            for rol in fase.behandelaars or []:
                nieuw.append(Bevoegdheid(
                    statuut=statuut, voor=fase.code, rol=rol,
                    actie=("klacht.gesprek_voeren" if rol == "docent"
                           else "klacht.fase_afhandelen"),
                    omvang=EIGEN if rol in RELATIEROLLEN else SCHOOL, artikel=fase.artikel))
        for regel in Beroepsregel.objects.filter(statuut=statuut).order_by("pk"):
            if regel.bij:
                nieuw.append(Bevoegdheid(
                    statuut=statuut, actie="beroep.beslissen", voor=regel.code, rol=regel.bij,
                    omvang=EIGEN if regel.bij in RELATIEROLLEN else SCHOOL,
                    artikel=regel.artikel))
        nieuw += [Bevoegdheid(statuut=statuut, actie=actie, rol=rol, omvang=omvang,
                              toelichting="Overgenomen uit de werking voor issue 13.")
                  for actie, rol, omvang in _vaste_rijen()]
        Bevoegdheid.objects.bulk_create(nieuw)
        bestaand = set(Orgaanrol.objects.filter(statuut=statuut).values_list("orgaan",
                                                                             flat=True))
        Orgaanrol.objects.bulk_create([Orgaanrol(statuut=statuut, orgaan=orgaan, rollen=rollen)
                                       for orgaan, rollen in ORGANEN.items()
                                       if orgaan not in bestaand])


def naar_velden(apps, schema_editor):
    Klachtfase = apps.get_model("statuut", "Klachtfase")
    Beroepsregel = apps.get_model("statuut", "Beroepsregel")
    Bevoegdheid = apps.get_model("statuut", "Bevoegdheid")
    for fase in Klachtfase.objects.all():
        fase.behandelaars = list(Bevoegdheid.objects.filter(
            statuut_id=fase.statuut_id, voor=fase.code,
            actie__in=["klacht.fase_afhandelen", "klacht.gesprek_voeren"],
        ).order_by("pk").values_list("rol", flat=True))
        fase.save(update_fields=["behandelaars"])
    for regel in Beroepsregel.objects.all():
        regel.bij = (Bevoegdheid.objects.filter(
            statuut_id=regel.statuut_id, actie="beroep.beslissen", voor=regel.code)
            .order_by("pk").values_list("rol", flat=True).first() or "")
        regel.save(update_fields=["bij"])


class Migration(migrations.Migration):

    dependencies = [
        ('statuut', '0016_sancties_rolvelden_naar_bevoegdheden'),
    ]

    operations = [
        # Defaults only so that undoing this migration can add the columns back to filled
        # tables (naar_velden then fills them).
        migrations.AlterField(
            model_name='klachtfase',
            name='behandelaars',
            field=models.JSONField(default=list, verbose_name='behandelaars (rollen of organen)'),
        ),
        migrations.AlterField(
            model_name='beroepsregel',
            name='bij',
            field=models.CharField(default='', max_length=40, verbose_name='bij (rol of orgaan)'),
        ),
        migrations.RunPython(naar_bevoegdheden, naar_velden),
        migrations.RemoveField(
            model_name='klachtfase',
            name='behandelaars',
        ),
        migrations.RemoveField(
            model_name='beroepsregel',
            name='bij',
        ),
    ]
