"""The gedrag demo: loaded twice, made once, visible to the demo docent."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from gedrag.models import Lesmaatregel, Stand


def test_de_demo_maakt_de_maatregelen_een_keer(db, client, klok, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=StringIO())
    aantal = Lesmaatregel.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Lesmaatregel.objects.count() == aantal > 0
    assert Lesmaatregel.objects.filter(stand=Stand.NIET_UITGEVOERD,
                                       termijn_opvolging__isnull=False).exists()
    assert Lesmaatregel.objects.filter(maatregelsoort__isnull=True, cijfer__in=["1", "1.0"]
                                       ).exists()
    docent = get_user_model().objects.get(username="docent-echnaton")
    client.force_login(docent)
    start = client.get("/").content.decode()
    assert "/gedrag/registreren/" in start
    m = Lesmaatregel.objects.filter(opgelegd_door=docent).first()
    assert client.get(f"/gedrag/maatregel/{m.pk}/").status_code == 200
