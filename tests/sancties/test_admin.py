"""The admin lists the procedures read-only and only of the beheerder's own schools."""

from datetime import date

from django.contrib.auth.models import Permission
from django.urls import reverse

from sancties import services


def test_de_beheerder_ziet_alleen_metadata_van_de_eigen_school(client, scholen):
    w = scholen.w
    services.schorsing_voorstellen(door=w.directie, leerling=w.anna, gronden=["Diefstal"],
                                   ernst="ernstig", feiten="Geheime feiten.",
                                   eerste_dag=date(2026, 11, 25), schooldagen=1)
    w.beheerder.is_staff = True
    w.beheerder.save()
    w.beheerder.user_permissions.add(Permission.objects.get(codename="view_schorsing"))
    client.force_login(w.beheerder)
    lijst = client.get(reverse("admin:sancties_schorsing_changelist"))
    assert lijst.status_code == 200 and "Echnaton Testcollege" in lijst.content.decode()
    schorsing = lijst.context["cl"].result_list[0]
    detail = client.get(reverse("admin:sancties_schorsing_change", args=[schorsing.pk]))
    assert "Geheime feiten" not in detail.content.decode()
    assert client.post(reverse("admin:sancties_schorsing_delete", args=[schorsing.pk]),
                       {"post": "yes"}).status_code == 403
    client.force_login(scholen.directie_ng)
    assert client.get(reverse("admin:sancties_schorsing_changelist")).status_code == 302
