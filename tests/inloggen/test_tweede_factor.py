"""Who needs a second factor, and that nobody who needs one reaches a page without it
(also after force_login), with TOTP and one-time recovery codes (issue 11)."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import tweede_factor
from dossiers import toegang
from dossiers.toekenningen import toekenning_verlenen
from statuut.models import Rol, TweedeFactor
from tests.inloggen.conftest import code, inloggen
from tests.personas import inloggen_met_tweede_factor, maak_gebruiker

INSTELLEN = "/account/tweede-factor/"
INVOEREN = "/inloggen/code/"


def _start(client, user):
    client.force_login(user)
    return client.get(reverse("start"))


@pytest.mark.parametrize("persona, nodig", [
    ("mentor", True), ("teamleider", True), ("directie", True), ("administratie", True),
    ("zorgcoordinator", True),  # the care file up to the meldcode
    ("docent", False), ("docent_4h", False),  # categories A, D, E, G of art. 9.4 only
])
def test_wie_zorg_klachten_of_dossiers_leest_moet_een_tweede_factor_geven(
        client, school2f, persona, nodig):
    antwoord = _start(client, getattr(school2f, persona))
    if nodig:
        assert antwoord.status_code == 302
        assert antwoord.url == f"{INSTELLEN}?next=/"
    else:
        assert antwoord.status_code == 200


@pytest.mark.parametrize("rol, nodig", [
    (Rol.VERTROUWENSPERSOON, True),  # confidential complaints
    (Rol.REMEDIAL_TEACHER, True),  # care cases referred to them
    (Rol.DECAAN, False),
])
def test_de_rollen_volgen_uit_toegang(school2f, rol, nodig):
    user = maak_gebruiker(f"rol-{rol}", "X. Rol", school2f.school, rol)
    assert (school2f.school.pk in toegang.scholen_met_inhoud(user)) is nodig
    assert tweede_factor.nodig(user) is nodig


def test_een_toekenning_van_het_dossier_maakt_een_tweede_factor_nodig(school2f):
    assert not tweede_factor.nodig(school2f.docent_4h)
    toekenning_verlenen(door=school2f.directie, aan=school2f.docent_4h, leerling=school2f.anna,
                        omvang="dossier", reden="Overleg over de overstap",
                        geldig_vanaf=timezone.localdate(),
                        geldig_tot=timezone.localdate() + timedelta(days=30))
    assert tweede_factor.nodig(school2f.docent_4h)


def test_een_school_kan_het_van_iedereen_vragen(client, school2f):
    school2f.school.tweede_factor = TweedeFactor.IEDEREEN
    school2f.school.save()
    assert _start(client, school2f.docent).url == f"{INSTELLEN}?next=/"


def test_de_demoschool_vraagt_het_van_niemand(client, wereld):
    assert wereld.school.tweede_factor == TweedeFactor.NIET_VERPLICHT
    assert _start(client, wereld.directie).status_code == 200


def test_een_nieuwe_school_vraagt_het_standaard(db):
    from statuut.models import School

    assert School._meta.get_field("tweede_factor").default == TweedeFactor.INHOUD


def test_beheer_en_superuser_moeten_een_tweede_factor_geven(client, school2f):
    beheerder = school2f.beheerder
    beheerder.is_staff = True
    beheerder.save()
    client.force_login(beheerder)
    assert client.get("/beheer/").url == f"{INSTELLEN}?next=/beheer/"
    baas = get_user_model().objects.create_superuser("baas", password="x-lang-genoeg-1")
    client.force_login(baas)
    assert client.get("/beheer/").url == f"{INSTELLEN}?next=/beheer/"
    # In the application a superuser reads nothing anyway (a 404, not a set-up page).
    assert client.get(reverse("leerling", args=[school2f.anna.pk])).status_code == 404


def test_zonder_tweede_factor_geen_enkele_pagina(client, school2f):
    client.force_login(school2f.mentor)
    for url in [reverse("leerling", args=[school2f.anna.pk]),
                reverse("dossier", args=[school2f.anna.pk]), "/zorg/", "/klachten/",
                "/account/", "/account/wachtwoord/"]:
        antwoord = client.get(url)
        assert antwoord.status_code == 302 and antwoord.url.startswith(INSTELLEN), url
    assert client.post(reverse("sessie_verlengen")).url == INSTELLEN


def _instellen(client, user) -> tuple[TOTPDevice, list[str]]:
    client.force_login(user)
    pagina = client.get(INSTELLEN).content.decode()
    assert 'src="data:image/svg+xml' in pagina
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    sleutel = re.search(r'<code class="sleutel" id="sleutel">([A-Z2-7 ]+)</code>', pagina)[1]
    assert sleutel.replace(" ", "") == tweede_factor.geheime_sleutel(device).replace(" ", "")
    antwoord = client.post(INSTELLEN, {"code": code(device)})
    assert antwoord.url == reverse("herstelcodes")
    pagina = client.get(antwoord.url).content.decode()
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", pagina)
    assert len(codes) == 10
    return device, codes


def test_instellen_toont_de_herstelcodes_een_keer(client, school2f):
    device, codes = _instellen(client, school2f.mentor)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("herstelcodes")).url == reverse("account")
    assert client.get(reverse("start")).status_code == 200  # verified in this session


def test_een_verkeerde_eerste_code_stelt_niets_in(client, school2f):
    client.force_login(school2f.mentor)
    client.get(INSTELLEN)
    pagina = client.post(INSTELLEN, {"code": "000000"}).content.decode()
    assert "Deze code klopt niet." in pagina
    assert not TOTPDevice.objects.filter(user=school2f.mentor, confirmed=True).exists()


def test_inloggen_vraagt_daarna_de_code_en_een_herstelcode_werkt_een_keer(client, school2f):
    device, codes = _instellen(client, school2f.mentor)
    client.logout()
    assert inloggen(client, "mentor").url == "/"
    assert client.get("/").url == f"{INVOEREN}?next=/"
    fout = client.post(INVOEREN, {"code": "123456", "next": "/"}).content.decode()
    assert "Deze code klopt niet of is al gebruikt." in fout
    assert client.post(INVOEREN, {"code": codes[0], "next": "/"}).url == "/"
    assert client.get("/").status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    client.logout()
    inloggen(client, "mentor")
    pagina = client.post(INVOEREN, {"code": codes[0], "next": "/"}).content.decode()
    assert "Deze code klopt niet of is al gebruikt." in pagina
    device.refresh_from_db()
    device.throttling_failure_count = 0  # django-otp slows repeated wrong codes down
    device.save()
    assert client.post(INVOEREN, {"code": code(device, 1), "next": "/"}).url == "/"


def test_met_alleen_het_wachtwoord_voegt_niemand_een_telefoon_toe(client, school2f):
    _instellen(client, school2f.mentor)
    client.logout()
    inloggen(client, "mentor")  # password only, e.g. a stolen password
    assert client.get(INSTELLEN).url == INVOEREN
    assert client.post(INSTELLEN, {"code": "123456"}).url == INVOEREN
    assert TOTPDevice.objects.filter(user=school2f.mentor).count() == 1


def test_wie_het_zelf_instelde_gebruikt_het_ook_op_een_demoschool(client, wereld):
    _instellen(client, wereld.docent)
    client.logout()
    inloggen(client, "docent")
    assert client.get("/").url == f"{INVOEREN}?next=/"


def test_een_open_doorverwijzing_na_de_code_kan_niet(client, school2f):
    device, codes = _instellen(client, school2f.mentor)
    client.logout()
    inloggen(client, "mentor")
    antwoord = client.post(INVOEREN, {"code": codes[1], "next": "https://evil.example/"})
    assert antwoord.url == "/"


def test_alleen_de_applicatiebeheerder_zet_de_tweede_factor_van_een_school_uit(client, wereld):
    from django.contrib.auth.models import Permission

    url = reverse("admin:statuut_school_change", args=[wereld.school.pk])
    beheerder = wereld.beheerder
    beheerder.is_staff = True
    beheerder.save()
    beheerder.user_permissions.add(*Permission.objects.filter(
        codename__in=["view_school", "change_school"]))
    inloggen_met_tweede_factor(client, beheerder)
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert 'name="tweede_factor"' not in pagina.content.decode()
    assert "Niet verplicht (alleen voor een demo- of proefschool)" in pagina.content.decode()
    baas = get_user_model().objects.create_superuser("baas", password="x-lang-genoeg-1")
    inloggen_met_tweede_factor(client, baas)
    assert 'name="tweede_factor"' in client.get(url).content.decode()


def test_een_statuut_dat_de_docent_het_dossier_opent_vraagt_het_ook_van_de_docent(school2f):
    from statuut.models import Toegangsregel

    assert not tweede_factor.nodig(school2f.docent)
    regel = Toegangsregel.objects.get(statuut__school=school2f.school, rol=Rol.DOCENT)
    regel.categorieen = [*regel.categorieen, "dossier"]
    regel.save()
    assert tweede_factor.nodig(school2f.docent)


def test_een_nieuwe_rol_tijdens_de_sessie_vraagt_binnen_een_minuut_de_tweede_factor(
        client, school2f):
    import time_machine

    from dossiers.models import Roltoewijzing

    with time_machine.travel(timezone.now(), tick=False) as klok:
        assert _start(client, school2f.docent).status_code == 200
        Roltoewijzing.objects.create(medewerker=school2f.docent.medewerker,
                                     school=school2f.school, rol=Rol.DIRECTIE)
        klok.shift(timedelta(seconds=61))
        assert client.get(reverse("start")).url == f"{INSTELLEN}?next=/"


def test_de_terugweg_na_de_code_houdt_de_hele_zoekvraag(client, school2f):
    client.force_login(school2f.directie)
    assert client.get("/?q=de&x=1").url == f"{INSTELLEN}?next=/%3Fq%3Dde%26x%3D1"
