"""The zorg demo: realistic cases at Echnaton and Noordgouw, loaded twice without doubles."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from dossiers.demo import demo_laden
from statuut.models import Termijn
from tests.zorg.conftest import tekst
from zorg import demo
from zorg.models import Signaal, Zorgdossier, Zorgstap

pytestmark = pytest.mark.django_db


def test_de_demo_laat_de_zorgroute_zien_en_maakt_niets_dubbel(client):
    demo_laden()  # the whole demo, which calls zorg.demo.demo_laden() at its end
    tellingen = (Zorgdossier.objects.count(), Signaal.objects.count(),
                 Zorgstap.objects.count(), Termijn.objects.count())
    assert set(Zorgdossier.objects.values_list("school__korte_naam", "fase")) == {
        ("echnaton", "gemeld"), ("echnaton", "observatie"), ("echnaton", "analyse"),
        ("echnaton", "monitoring"), ("noordgouw", "mentortraject")}
    demo.demo_laden()
    assert (Zorgdossier.objects.count(), Signaal.objects.count(), Zorgstap.objects.count(),
            Termijn.objects.count()) == tellingen
    client.force_login(get_user_model().objects.get(username="mentor-echnaton"))
    start = client.get(reverse("start"))
    school = Zorgdossier.objects.filter(school__korte_naam="echnaton").first().school
    pagina = tekst(client.get(f"/zorg/start/{school.pk}/"))
    assert "Signalen en zorg van mijn leerlingen" in pagina
    assert "gesignaleerd, gesprek mentor volgt" in pagina
    assert start.status_code == 200
    client.force_login(get_user_model().objects.get(username="zorgcoordinator-echnaton"))
    werklijst = tekst(client.get(f"/zorg/werklijst/{school.pk}/"))
    assert "probleemanalyse door de zorgcoördinatoren" in werklijst
