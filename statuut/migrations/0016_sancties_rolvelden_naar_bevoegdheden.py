# Issue 13: who may impose, propose, approve or inform a measure, who hears before a
# schorsing or verwijdering and who decides a bezwaar were role lists on the statuut's rows
# (and two code constants); they become authority rows (`Bevoegdheid`, actions of the sancties
# flow). The data step writes, per existing statuut version, the rows that give exactly the
# old answers: each role in the scope its access-matrix row had (a role without a matrix row
# counted for nobody, so it gets no row), a body through the roles that act for it.

from django.db import migrations

#: The constants the code held (sancties/regels.py, sancties/selectors.py) until now.
BEZWAAR_ONTVANGEN = ("directie", "administratie")
BEVOEGD_GEZAG_ROLLEN = ["directie"]
PANEELROLLEN = ("teamleider", "directie")
ORGANEN = {"bevoegd_gezag", "geschillencommissie", "klachtencommissie", "schoolleiding"}


def _rij(Bevoegdheid, statuut, matrix, actie, rol, *, voor="", niveau=None, artikel="",
         toelichting=""):
    """One row for `rol`, in the scope its access-matrix row had."""
    if not rol:
        return
    if rol in ORGANEN:
        omvang = "school"
    elif rol in matrix:
        omvang = "eigen_leerlingen" if matrix[rol].alleen_eigen_leerlingen else "school"
    else:
        return  # no row in the access matrix: the role counted for nobody
    Bevoegdheid.objects.get_or_create(
        statuut=statuut, actie=actie, voor=voor, rol=rol,
        defaults={"omvang": omvang, "niveau": niveau, "artikel": artikel or "",
                  "toelichting": toelichting})


def rijen_schrijven(apps, schema_editor):
    Statuut = apps.get_model("statuut", "Statuut")
    Bevoegdheid = apps.get_model("statuut", "Bevoegdheid")
    Orgaanrol = apps.get_model("statuut", "Orgaanrol")
    Toegangsregel = apps.get_model("statuut", "Toegangsregel")

    for statuut in Statuut.objects.all():
        matrix = {r.rol: r for r in Toegangsregel.objects.filter(statuut=statuut)}
        if not Orgaanrol.objects.filter(statuut=statuut, orgaan="bevoegd_gezag").exists():
            # "The bevoegd gezag acts through the directie" was a code constant.
            Orgaanrol.objects.create(statuut=statuut, orgaan="bevoegd_gezag",
                                     rollen=BEVOEGD_GEZAG_ROLLEN)

        def rij(actie, rol, matrix=matrix, statuut=statuut, **velden):
            _rij(Bevoegdheid, statuut, matrix, actie, rol, **velden)

        for m in statuut.maatregelen.all():
            # A schorsing's length is the level of its rows (who may impose how long).
            niveau = (m.max_duur_aantal if m.soort == "schorsing"
                      and m.max_duur_eenheid == "schooldagen" else None)
            for rol in m.opleggen_door or []:
                rij("maatregel.opleggen", rol, voor=m.code, niveau=niveau, artikel=m.artikel)
            # The one who mandated keeps the power (it counted as imposing before).
            rij("maatregel.opleggen", m.mandaat_van, voor=m.code, niveau=niveau,
                artikel=m.artikel, toelichting="mandaatgever")
            for rol in m.voorstel_door or []:
                rij("maatregel.voorstellen", rol, voor=m.code, artikel=m.artikel)
            rij("maatregel.goedkeuren", m.goedkeuring_door, voor=m.code, artikel=m.artikel)
            rij("maatregel.informeren", m.informeren_door, voor=m.code, artikel=m.artikel)
            rij("maatregel.beroep_beslissen", m.beroep_bij, voor=m.code, artikel=m.artikel)
        for rol in statuut.schorsing_horen_door or []:
            rij("schorsing.horen", rol, artikel=statuut.ouders_horen_artikel)
        for rol in statuut.verwijdering_horen_door or []:
            rij("verwijdering.horen", rol, artikel=statuut.verwijdering_horen_artikel)
        if statuut.bezwaar_schorsing_mogelijk:
            for rol in BEZWAAR_ONTVANGEN:
                rij("schorsing.bezwaar_ontvangen", rol)
            rij("schorsing.bezwaar_beslissen", statuut.bezwaar_schorsing_bij or "bevoegd_gezag")
        for rol in BEZWAAR_ONTVANGEN:
            rij("verwijdering.bezwaar_ontvangen", rol)
        rij("verwijdering.bezwaar_beslissen", statuut.verwijdering_bezwaar_bij or "bevoegd_gezag")
        for rol in PANEELROLLEN:
            rij("sancties.volgen", rol)


class Migration(migrations.Migration):

    dependencies = [
        ("statuut", "0015_verzuimdrempel_bevoegdheden_concierge"),
    ]

    operations = [
        migrations.RunPython(rijen_schrijven, migrations.RunPython.noop),
        migrations.RemoveField(model_name="maatregelsoort", name="beroep_bij"),
        migrations.RemoveField(model_name="maatregelsoort", name="goedkeuring_door"),
        migrations.RemoveField(model_name="maatregelsoort", name="informeren_door"),
        migrations.RemoveField(model_name="maatregelsoort", name="opleggen_door"),
        migrations.RemoveField(model_name="maatregelsoort", name="voorstel_door"),
        migrations.RemoveField(model_name="statuut", name="bezwaar_schorsing_bij"),
        migrations.RemoveField(model_name="statuut", name="schorsing_horen_door"),
        migrations.RemoveField(model_name="statuut", name="verwijdering_bezwaar_bij"),
        migrations.RemoveField(model_name="statuut", name="verwijdering_horen_door"),
    ]
