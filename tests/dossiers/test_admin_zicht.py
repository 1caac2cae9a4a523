"""The admin shows pupils and parents only as far as `dossiers.toegang` lets the user see
them, logs every read, speaks Dutch, and lists in a fixed number of queries (issues 11, 12
point 18 and 15)."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from dossiers.models import Groep, Inzage, Ouder
from statuut.models import Termijn
from tests.personas import inloggen_met_tweede_factor, maak_leerling
from tests.queries import warm

VOLLEDIG = ("add", "change", "delete", "view")
#: Anna's data that the statuut does not open to the functioneel beheerder (art. 9.1 A, B).
GEHEIM = ["Geheimstraat 7", "06-99887766", "Zweedse", "vwo-plus", "14 maart 2012",
          "2012-03-14", "Uppsala", "anna.ouder@example.org", "06-12345678"]


def _admin(user, *modellen: str, acties=VOLLEDIG):
    user.is_staff = True
    user.save()
    for model in modellen:
        for actie in acties:
            user.user_permissions.add(Permission.objects.get(codename=f"{actie}_{model}"))
    return user


@pytest.fixture
def anna(wereld):
    anna = wereld.anna
    anna.adres, anna.telefoon, anna.nationaliteit = "Geheimstraat 7", "06-99887766", "Zweedse"
    anna.advies_basisschool, anna.geboorteplaats = "vwo-plus", "Uppsala"
    anna.save()
    Ouder.objects.filter(ouderschappen__leerling=anna).update(email="anna.ouder@example.org")
    return anna


@pytest.fixture
def beheerder(wereld):
    return _admin(wereld.beheerder, "leerling", "ouder", "ouderschap", "groepsplaatsing",
                  "groep", "termijn")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x")


def _html(antwoord) -> str:
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_de_beheerder_ziet_in_de_leerlingenlijst_alleen_naam_en_nummer(
        client, wereld, anna, beheerder):
    client.force_login(beheerder)
    html = _html(client.get(reverse("admin:dossiers_leerling_changelist")))
    assert "1001" in html and "Vries" in html and "Anna" in html
    for geheim in GEHEIM:
        assert geheim not in html
    assert "2001" not in html  # the other school's pupil


def test_de_beheerder_plaatst_leerlingen_met_alleen_naam_en_nummer(
        client, wereld, anna, beheerder):
    client.force_login(beheerder)
    url = reverse("admin:dossiers_leerling_change", args=[anna.pk])
    pagina = client.get(url)
    html = _html(pagina)
    assert "Anna" in html and "1001" in html and "1A" in html
    for geheim in GEHEIM:
        assert geheim not in html
    assert [type(i.opts).__name__ for i in pagina.context["inline_admin_formsets"]] == [
        "GroepsplaatsingInline"]
    assert set(pagina.context["adminform"].form.fields) == set()  # everything read-only
    # The placement is theirs to change: move Anna from 1A to 1B.
    data = {"plaatsingen-TOTAL_FORMS": "1", "plaatsingen-INITIAL_FORMS": "1",
            "plaatsingen-0-id": str(anna.plaatsingen.get().pk),
            "plaatsingen-0-leerling": str(anna.pk),
            "plaatsingen-0-groep": str(wereld.groep_1b.pk)}
    assert client.post(url, data).status_code == 302
    assert [p.groep.naam for p in anna.plaatsingen.all()] == ["1B"]
    anna.refresh_from_db()
    assert anna.adres == "Geheimstraat 7"


def test_de_beheerder_ziet_geen_ouders_en_registreert_of_wist_geen_leerlingen(
        client, wereld, anna, beheerder):
    client.force_login(beheerder)
    lijst = client.get(reverse("admin:dossiers_ouder_changelist"))
    assert lijst.context["cl"].result_count == 0
    ouder = Ouder.objects.get(ouderschappen__leerling=anna)
    assert client.get(reverse("admin:dossiers_ouder_change", args=[ouder.pk])).status_code == 302
    assert client.get(reverse("admin:dossiers_leerling_add")).status_code == 403
    assert client.post(reverse("admin:dossiers_leerling_delete", args=[anna.pk]),
                       {"post": "yes"}).status_code == 403
    autocomplete = client.get(reverse("admin:autocomplete"), {
        "app_label": "dossiers", "model_name": "ouderschap", "field_name": "leerling",
        "term": "Anna"})
    assert autocomplete.json()["results"] == []


def test_de_superuser_ziet_geen_leerlingen_en_geen_ouders(client, wereld, anna, superuser):
    inloggen_met_tweede_factor(client, superuser)  # the admin asks it of a superuser
    for lijst in ("admin:dossiers_leerling_changelist", "admin:dossiers_ouder_changelist"):
        antwoord = client.get(reverse(lijst))
        assert antwoord.context["cl"].result_count == 0
        assert "Vries" not in antwoord.content.decode()
    popup = client.get(reverse("admin:dossiers_leerling_changelist"),
                       {"_popup": "1", "_to_field": "id"})
    assert popup.context["cl"].result_count == 0
    ouder = Ouder.objects.get(ouderschappen__leerling=anna)
    for url in (reverse("admin:dossiers_leerling_change", args=[anna.pk]),
                reverse("admin:dossiers_leerling_history", args=[anna.pk]),
                reverse("admin:dossiers_ouder_change", args=[ouder.pk])):
        antwoord = client.get(url, follow=True)
        html = antwoord.content.decode()
        assert antwoord.redirect_chain and "Anna" not in html and "Vries" not in html, url
    for veld, term in (("leerling", "Anna"), ("ouder", "Vries")):
        antwoord = client.get(reverse("admin:autocomplete"), {
            "app_label": "dossiers", "model_name": "ouderschap", "field_name": veld,
            "term": term})
        assert antwoord.json()["results"] == []
    assert not Inzage.objects.exists()


def test_de_administratie_beheert_de_centrale_administratie_met_dezelfde_matrix(
        client, wereld, anna):
    administratie = _admin(wereld.administratie, "leerling", "ouder", "ouderschap",
                           "groepsplaatsing")
    client.force_login(administratie)
    pagina = client.get(reverse("admin:dossiers_leerling_change", args=[anna.pk]))
    html = _html(pagina)
    for zichtbaar in ("Geheimstraat 7", "06-99887766", "Zweedse", "vwo-plus"):
        assert zichtbaar in html
    assert [type(i.opts).__name__ for i in pagina.context["inline_admin_formsets"]] == [
        "GroepsplaatsingInline", "OuderschapInline"]
    assert list(Inzage.objects.values_list("leerlingnummer", "onderdeel")) == [
        ("1001", "beheer: centrale administratie ABCDEFGH")]
    ouder = Ouder.objects.get(ouderschappen__leerling=anna)
    assert "06-12345678" in _html(client.get(reverse("admin:dossiers_ouder_change",
                                                     args=[ouder.pk])))
    assert Inzage.objects.filter(onderdeel="beheer: gegevens ouders/verzorgers").count() == 1
    # Linking a parent to a child searches the pupils whose parents' data they keep; logged.
    antwoord = client.get(reverse("admin:autocomplete"), {
        "app_label": "dossiers", "model_name": "ouderschap", "field_name": "leerling",
        "term": "Anna"})
    assert [r["text"] for r in antwoord.json()["results"]] == ["Anna de Vries"]
    assert Inzage.objects.filter(onderdeel="beheer: leerlingenlijst").count() == 1


def test_een_docent_met_beheertoegang_ziet_alleen_wat_artikel_9_4_opent(client, wereld, anna):
    # Art. 9.4: teachers see A, D, E and G of their own pupils, never B (the parents).
    docent = _admin(wereld.docent, "leerling", "ouder")
    client.force_login(docent)
    pagina = client.get(reverse("admin:dossiers_leerling_change", args=[anna.pk]))
    html = _html(pagina)
    assert "Geheimstraat 7" in html and "Rapport 1: 7,4" in html
    assert "Vader: timmerman" not in html  # C
    assert "06-12345678" not in html  # B
    assert client.get(reverse("admin:dossiers_ouder_changelist")).context[
        "cl"].result_count == 0
    assert client.get(reverse("admin:dossiers_leerling_change",
                              args=[wereld.chris.pk])).status_code == 302  # not their pupil


def test_de_admin_legt_elke_inzage_vast(client, wereld, anna, beheerder):
    client.force_login(beheerder)
    client.get(reverse("admin:dossiers_leerling_changelist"))
    # One row for the list view, naming the pupils shown.
    lijst = Inzage.objects.get(onderdeel="beheer: leerlingenlijst")
    assert (lijst.lijst, lijst.aantal, sorted(lijst.leerlingnummers.split())) == (
        "beheer: leerlingen", 3, ["1001", "1002", "1003"])
    client.get(reverse("admin:dossiers_leerling_change", args=[anna.pk]))
    rij = Inzage.objects.exclude(onderdeel="beheer: leerlingenlijst").get()
    assert (rij.gebruikersnaam, rij.leerlingnummer, rij.onderdeel) == (
        "beheerder", "1001", "beheer: naam, leerlingnummer en groepen")
    client.get(reverse("admin:dossiers_leerling_history", args=[anna.pk]))
    assert Inzage.objects.filter(onderdeel="beheer: geschiedenis", leerlingnummer="1001"
                                 ).count() == 1


def test_het_beheer_is_nederlands_ook_in_de_javascript(client, wereld, beheerder):
    client.force_login(beheerder)
    catalogus = client.get(reverse("admin:jsi18n")).content.decode()
    assert "Kies %s door ze te selecteren en daarna op de pijl" in catalogus
    assert "Alle %s verwijderen" in catalogus
    assert "Beschikbare %s" in catalogus  # Django's own Dutch
    pagina = _html(client.get(reverse("admin:dossiers_groep_change",
                                      args=[wereld.groep_1a.pk])))
    assert '<html lang="nl"' in pagina and "Opslaan" in pagina
    assert reverse("admin:jsi18n") in pagina


def _extra(wereld, aantal: int) -> None:
    """`aantal` pupils, each in a group of their own, and `aantal` deadlines with each their
    own responsible person."""
    for i in range(aantal):
        groep = Groep.objects.create(school=wereld.school, schooljaar=wereld.schooljaar,
                                     afdeling=wereld.onderbouw, naam=f"X{i}")
        maak_leerling(wereld.school, f"9{i:03}", f"Kind{i}", "Extra", groep)
        Termijn.objects.create(school=wereld.school, omschrijving=f"Termijn {i}",
                               startdatum=date(2026, 11, 2), aantal=10, eenheid="schooldagen",
                               vervaldatum=date(2026, 11, 16), verantwoordelijke=wereld.mentor
                               if i % 2 else wereld.directie)


@pytest.mark.parametrize("lijst", ["admin:dossiers_leerling_changelist",
                                   "admin:dossiers_groep_changelist",
                                   "admin:statuut_termijn_changelist"])
def test_de_beheerlijsten_tellen_niet_mee_met_het_aantal_rijen(client, wereld, beheerder,
                                                                lijst):
    client.force_login(beheerder)
    url = reverse(lijst)
    _extra(wereld, 5)
    vijf, antwoord = warm(lambda: client.get(url))
    assert antwoord.status_code == 200
    _extra_start = Groep.objects.count()
    for i in range(45):
        groep = Groep.objects.create(school=wereld.school, schooljaar=wereld.schooljaar,
                                     afdeling=wereld.bovenbouw, naam=f"Y{i}")
        maak_leerling(wereld.school, f"8{i:03}", f"Kind{i}", "Meer", groep)
        Termijn.objects.create(school=wereld.school, omschrijving=f"Meer {i}",
                               startdatum=date(2026, 11, 2), aantal=10, eenheid="schooldagen",
                               vervaldatum=date(2026, 11, 16), verantwoordelijke=wereld.docent)
    assert Groep.objects.count() == _extra_start + 45
    vijftig, antwoord = warm(lambda: client.get(url))
    assert antwoord.context["cl"].result_count >= 50
    assert len(vijftig) == len(vijf), [q["sql"] for q in vijftig.captured_queries]
    # No DISTINCT over the whole list (a COUNT over it scans every row, issue 15).
    assert not any(q["sql"].startswith("SELECT DISTINCT") or "FROM (SELECT DISTINCT" in q["sql"]
                   for q in vijftig.captured_queries)


def test_het_inzagelog_in_het_beheer_noemt_leerlingen_alleen_bij_nummer(
        client, wereld, anna, beheerder, superuser):
    client.force_login(beheerder)
    client.get(reverse("admin:dossiers_leerling_change", args=[anna.pk]))
    rij = Inzage.objects.get()
    inloggen_met_tweede_factor(client, superuser)
    for url in (reverse("admin:dossiers_inzage_changelist"),
                reverse("admin:dossiers_inzage_change", args=[rij.pk])):
        html = _html(client.get(url))
        assert "1001" in html and "Vries" not in html and "Anna" not in html, url
