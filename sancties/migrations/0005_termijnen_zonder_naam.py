"""Deadlines opened before this release named the pupil in their description; those texts
reach reminder e-mails, calendar feeds and the admin's list. Rewrite them to the neutral
reference the services now use (S-<pk>, V-<pk>)."""

from django.db import migrations


def _zet(Termijn, pk, tekst):
    if pk is not None:
        Termijn.objects.filter(pk=pk).update(omschrijving=tekst)


def termijnen_herschrijven(apps, schema_editor):
    Termijn = apps.get_model("statuut", "Termijn")
    Schorsing = apps.get_model("sancties", "Schorsing")
    Verwijdering = apps.get_model("sancties", "Verwijdering")
    for s in Schorsing.objects.all().only("pk", "ontzegging", "termijn_inspectie_id",
                                          "termijn_bezwaar_id", "termijn_bezwaarbeslissing_id"):
        w = "ontzegging van de toegang" if s.ontzegging else "schorsing"
        k = f"S-{s.pk}"
        _zet(Termijn, s.termijn_inspectie_id, f"{w.capitalize()} {k} melden aan de inspectie")
        _zet(Termijn, s.termijn_bezwaar_id, f"Termijn voor bezwaar tegen {w} {k}")
        _zet(Termijn, s.termijn_bezwaarbeslissing_id,
             f"Beslissing op het bezwaar tegen {w} {k}")
    for v in Verwijdering.objects.all().only("pk", "termijn_bezwaar_id",
                                             "termijn_heroverweging_id"):
        k = f"V-{v.pk}"
        _zet(Termijn, v.termijn_bezwaar_id, f"Termijn voor bezwaar tegen verwijdering {k}")
        _zet(Termijn, v.termijn_heroverweging_id,
             f"Nieuw besluit op het bezwaar tegen verwijdering {k}")


class Migration(migrations.Migration):
    dependencies = [
        ("sancties", "0004_inhoud_verwijderd"),
    ]

    operations = [migrations.RunPython(termijnen_herschrijven, migrations.RunPython.noop)]
