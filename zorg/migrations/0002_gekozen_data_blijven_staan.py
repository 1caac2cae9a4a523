"""Evaluation and look-again dates were chosen by a person but stored as school-day terms,
so a studiedag moved them (issue 12, point 7). Mark those deadlines as chosen and put each
back on the date that was chosen (the evaluation's `gepland_op`, the conversation's
`opnieuw_bekijken_op`)."""

from django.db import migrations

# The rule texts the care flow wrote on these deadlines (zorg.regels at the time).
BRON_OBSERVATIE = "Seed 001 (zorgroute), stap 1b: leerling goed blijven observeren"


def gekozen_data_herstellen(apps, schema_editor):
    Termijn = apps.get_model("statuut", "Termijn")
    Evaluatie = apps.get_model("zorg", "Evaluatie")
    Gesprek = apps.get_model("zorg", "Gesprek")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for evaluatie in Evaluatie.objects.filter(termijn__isnull=False).select_related("termijn"):
        termijn = evaluatie.termijn
        termijn.datum_gekozen = True
        termijn.vervaldatum = evaluatie.gepland_op
        termijn.save(update_fields=["datum_gekozen", "vervaldatum"])
    ct = ContentType.objects.filter(app_label="zorg", model="zorgdossier").first()
    if ct is None:
        return
    # Each look-again deadline was opened with one not-confirmed conversation of the same
    # case, in the same order.
    termijnen = Termijn.objects.filter(onderwerp_type=ct, regel=BRON_OBSERVATIE).order_by("pk")
    per_dossier: dict[int, list] = {}
    for termijn in termijnen:
        per_dossier.setdefault(termijn.onderwerp_id, []).append(termijn)
    for zd_id, rijen in per_dossier.items():
        data = list(Gesprek.objects.filter(zorgdossier_id=zd_id,
                                           opnieuw_bekijken_op__isnull=False)
                    .order_by("pk").values_list("opnieuw_bekijken_op", flat=True))
        for termijn, datum in zip(reversed(rijen), reversed(data), strict=False):
            termijn.vervaldatum = datum
        for termijn in rijen:
            termijn.datum_gekozen = True
            termijn.save(update_fields=["datum_gekozen", "vervaldatum"])

class Migration(migrations.Migration):
    dependencies = [
        ("zorg", "0001_initial"),
        ("statuut", "0012_termijn_gekozen_datum_kalendermeldingen"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(gekozen_data_herstellen, migrations.RunPython.noop)]
