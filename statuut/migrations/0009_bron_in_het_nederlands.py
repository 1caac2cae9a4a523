"""The source notes of the shipped regional vacations were English ("public datasets;
verify"); the calendar page shows them to Dutch staff. Rows still holding the shipped English
text get the Dutch text of statuut/data/schoolvakanties.csv; a note a beheerder wrote stays."""

from django.db import migrations

VERTALING = {
    "several datasets and school calendars agree":
        "meerdere datasets en schoolkalenders komen overeen",
    "several school calendars citing the government's advice":
        "meerdere schoolkalenders volgens het advies van de overheid",
    "the government's overview for 2027-2028 (advice week 22-30 April)":
        "overzicht van de overheid voor 2027-2028 (advies: week van 22-30 april)",
    "the government's overview for 2027-2028": "overzicht van de overheid voor 2027-2028",
    "school calendars (many schools add 18-24 April)":
        "schoolkalenders (veel scholen voegen 18-24 april toe)",
    "public dataset and a school calendar; verify":
        "openbare dataset en een schoolkalender; controleren",
    "public datasets; verify": "openbare datasets; controleren",
    "public dataset; verify": "openbare dataset; controleren",
    "school calendars": "schoolkalenders",
}


def vertalen(apps, schema_editor, *, terug=False):
    RegioVakantie = apps.get_model("statuut", "RegioVakantie")
    paren = {v: k for k, v in VERTALING.items()} if terug else VERTALING
    for oud, nieuw in paren.items():
        RegioVakantie.objects.filter(bron=oud).update(bron=nieuw)


class Migration(migrations.Migration):
    dependencies = [("statuut", "0008_bestuursroltoewijzing")]

    operations = [migrations.RunPython(
        vertalen, lambda apps, se: vertalen(apps, se, terug=True))]
