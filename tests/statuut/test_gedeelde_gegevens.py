"""Data shared by the schools of a board (school years, regional vacations) is changed only
by a bestuursbeheerder; a school's beheerder sees it read-only and keeps the school's own
deviations (issue 11: "One school's beheerder changes what all schools share")."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from statuut.models import (
    Bestuur,
    Bestuursrol,
    Bestuursroltoewijzing,
    RegioVakantie,
    School,
    Schooljaar,
    Statuut,
    Toegangsregel,
    VrijeDag,
)
from tests.personas import inloggen_met_tweede_factor, maak_gebruiker
from tests.test_seed_demo import admin_post_data

VOLLEDIG = ("add", "change", "delete", "view")


def _admin(user, *modellen: str, acties=VOLLEDIG):
    """Staff with Django's model permissions on `modellen`: what the admin then still refuses
    is refused by the rule, not by a missing permission."""
    user.is_staff = True
    user.save()
    for model in modellen:
        for actie in acties:
            user.user_permissions.add(Permission.objects.get(codename=f"{actie}_{model}"))
    return user


@pytest.fixture
def beheerder(termijnwereld):
    return _admin(termijnwereld.beheerder, "schooljaar", "regiovakantie", "school",
                  "vrijedag", "schoolvakantie", "bestuur", "statuut", "toegangsregel")


@pytest.fixture
def bestuursbeheerder(termijnwereld):
    user = maak_gebruiker("bestuursbeheerder", "B. Bestuur")
    Bestuursroltoewijzing.objects.create(user=user, bestuur=termijnwereld.school.bestuur,
                                         rol=Bestuursrol.BEHEERDER)
    return _admin(user, "schooljaar", "regiovakantie", "bestuur")


def _herfst_midden():
    return RegioVakantie.objects.get(schooljaar="2026-2027", regio="midden",
                                     soort="herfstvakantie")


def _wijzig(client, url, **wijzigingen):
    data = admin_post_data(client.get(url))
    data.update(wijzigingen)
    return client.post(url, data)


def test_de_schoolbeheerder_ziet_het_schooljaar_maar_kan_het_einde_niet_verzetten(
        client, termijnwereld, beheerder):
    jaar = Schooljaar.objects.get(naam="2026-2027")
    client.force_login(beheerder)
    url = reverse("admin:statuut_schooljaar_change", args=[jaar.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert pagina.context["has_change_permission"] is False
    assert "31 juli 2027" in pagina.content.decode()
    antwoord = client.post(url, {"naam": "2026-2027", "begin": "2026-08-01",
                                 "eind": "2026-12-31"})
    assert antwoord.status_code == 403
    jaar.refresh_from_db()
    assert jaar.eind == date(2027, 7, 31)
    assert client.get(reverse("admin:statuut_schooljaar_add")).status_code == 403
    assert client.post(reverse("admin:statuut_schooljaar_delete", args=[jaar.pk]),
                       {"post": "yes"}).status_code == 403
    assert Schooljaar.objects.filter(pk=jaar.pk).exists()


def test_de_schoolbeheerder_kan_een_regiovakantie_niet_wijzigen_of_wissen(
        client, termijnwereld, beheerder):
    herfst = _herfst_midden()
    client.force_login(beheerder)
    url = reverse("admin:statuut_regiovakantie_change", args=[herfst.pk])
    assert client.get(url).context["has_change_permission"] is False
    antwoord = client.post(url, {"schooljaar": "2026-2027", "soort": "herfstvakantie",
                                 "regio": "midden", "eerste_dag": "2026-10-05",
                                 "laatste_dag": "2026-10-30", "status": "confirmed",
                                 "bron": ""})
    assert antwoord.status_code == 403
    assert client.post(reverse("admin:statuut_regiovakantie_delete", args=[herfst.pk]),
                       {"post": "yes"}).status_code == 403
    lijst = client.post(reverse("admin:statuut_regiovakantie_changelist"),
                        {"action": "delete_selected", "_selected_action": [herfst.pk],
                         "post": "yes"})
    assert lijst.status_code in (200, 302, 403)
    assert client.get(reverse("admin:statuut_regiovakantie_add")).status_code == 403
    vers = _herfst_midden()
    assert (vers.eerste_dag, vers.laatste_dag) == (herfst.eerste_dag, herfst.laatste_dag)


def test_de_bestuursbeheerder_verzet_het_einde_van_het_schooljaar(
        client, termijnwereld, bestuursbeheerder):
    jaar = Schooljaar.objects.get(naam="2026-2027")
    client.force_login(bestuursbeheerder)
    url = reverse("admin:statuut_schooljaar_change", args=[jaar.pk])
    antwoord = _wijzig(client, url, eind="2027-07-16")
    assert antwoord.status_code == 302
    jaar.refresh_from_db()
    assert jaar.eind == date(2027, 7, 16)


def test_de_bestuursbeheerder_wijzigt_een_regiovakantie_en_de_scholen_rekenen_opnieuw(
        client, termijnwereld, bestuursbeheerder):
    herfst = _herfst_midden()
    school = termijnwereld.school  # region midden
    versie = school.kalender_versie
    client.force_login(bestuursbeheerder)
    url = reverse("admin:statuut_regiovakantie_change", args=[herfst.pk])
    antwoord = _wijzig(client, url, laatste_dag=(herfst.laatste_dag.isoformat()),
                       status="confirmed")
    assert antwoord.status_code == 302
    school.refresh_from_db()
    assert school.kalender_versie > versie
    assert client.post(reverse("admin:statuut_regiovakantie_delete", args=[herfst.pk]),
                       {"post": "yes"}).status_code == 302
    assert not RegioVakantie.objects.filter(pk=herfst.pk).exists()


def test_een_regio_die_een_ander_bestuur_deelt_is_niet_van_de_bestuursbeheerder(
        client, termijnwereld, bestuursbeheerder):
    ander = Bestuur.objects.create(naam="Stichting Elders")
    School.objects.create(bestuur=ander, naam="Elders College", korte_naam="elders",
                          brin="56EF", regio="midden", onderwijssoort="vo")
    herfst = _herfst_midden()
    jaar = Schooljaar.objects.get(naam="2026-2027")
    client.force_login(bestuursbeheerder)
    url = reverse("admin:statuut_regiovakantie_change", args=[herfst.pk])
    assert client.post(url, admin_post_data(client.get(url))).status_code == 403
    # School years hold for every school, also the other board's.
    url = reverse("admin:statuut_schooljaar_change", args=[jaar.pk])
    assert client.post(url, {"naam": "2026-2027", "begin": "2026-08-01",
                             "eind": "2027-07-16"}).status_code == 403
    # A vacation row moved into the shared region is refused on the form, in Dutch.
    noord = RegioVakantie.objects.filter(schooljaar="2026-2027", regio="noord").first()
    url = reverse("admin:statuut_regiovakantie_change", args=[noord.pk])
    antwoord = _wijzig(client, url, regio="midden", soort="kerstvakantie")
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors["regio"] == [
        "De vakanties van regio midden gelden ook voor scholen van een ander bestuur; "
        "alleen de applicatiebeheerder past ze aan."]


def test_de_schoolbeheerder_voegt_nog_steeds_een_eigen_studiedag_toe(
        client, termijnwereld, beheerder):
    school = termijnwereld.school
    versie = school.kalender_versie
    client.force_login(beheerder)
    url = reverse("admin:statuut_school_change", args=[school.pk])
    data = admin_post_data(client.get(url))
    nieuw = int(data["vrije_dagen-TOTAL_FORMS"])
    data.update({"vrije_dagen-TOTAL_FORMS": str(nieuw + 1),
                 f"vrije_dagen-{nieuw}-eerste_dag": "2027-03-22",
                 f"vrije_dagen-{nieuw}-laatste_dag": "2027-03-22",
                 f"vrije_dagen-{nieuw}-omschrijving": "studiedag"})
    assert client.post(url, data).status_code == 302
    assert VrijeDag.objects.filter(school=school, eerste_dag=date(2027, 3, 22)).exists()
    school.refresh_from_db()
    assert school.kalender_versie > versie


def test_de_schoolbeheerder_verhuist_de_school_niet_naar_een_ander_bestuur(
        client, termijnwereld, beheerder):
    ander = Bestuur.objects.create(naam="Stichting Elders")
    school = termijnwereld.school
    client.force_login(beheerder)
    url = reverse("admin:statuut_school_change", args=[school.pk])
    assert client.post(url, {**admin_post_data(client.get(url)),
                             "bestuur": str(ander.pk)}).status_code == 302
    school.refresh_from_db()
    assert school.bestuur.naam == "Stichting Testscholen"
    bestuur_url = reverse("admin:statuut_bestuur_change", args=[school.bestuur_id])
    assert client.post(bestuur_url, {"naam": "Anders"}).status_code == 403


def test_de_bestuursbeheerder_wijzigt_de_naam_van_het_eigen_bestuur(
        client, termijnwereld, bestuursbeheerder):
    bestuur = termijnwereld.school.bestuur
    client.force_login(bestuursbeheerder)
    url = reverse("admin:statuut_bestuur_change", args=[bestuur.pk])
    assert _wijzig(client, url, naam="Stichting Voorbeeld").status_code == 302
    bestuur.refresh_from_db()
    assert bestuur.naam == "Stichting Voorbeeld"


def test_categorieen_123_geeft_een_nederlandse_fout_en_geen_500(client, wereld,
                                                               django_user_model):
    client.raise_request_exception = True
    # The admin asks a superuser for the second factor (issue 11).
    inloggen_met_tweede_factor(client, django_user_model.objects.create_superuser("root", "", "x"))
    statuut = Statuut.objects.get(school=wereld.school)
    url = reverse("admin:statuut_statuut_change", args=[statuut.pk])
    data = admin_post_data(client.get(url))
    veld = next(k for k in data if k.startswith("toegangsregels-")
                and k.endswith("-categorieen"))
    regel = Toegangsregel.objects.get(pk=data[veld.replace("categorieen", "id")])
    voor = regel.categorieen
    antwoord = client.post(url, {**data, veld: "123"})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "Verwacht een lijst van gegevenscategorieën." in inhoud
    assert "<title>Fout:" in inhoud
    regel.refresh_from_db()
    assert regel.categorieen == voor
    antwoord = client.post(url, {**data, veld: '["A", "Z"]'})
    assert "Onbekend: Z. Kies uit:" in antwoord.content.decode()
