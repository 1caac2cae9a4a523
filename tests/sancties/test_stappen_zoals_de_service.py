"""Issue 12 point 6: a step the statuut makes conditional on who was present is refused AT
that step, with the article; and the page offers exactly the steps the service accepts from
this user now (one check, `sancties.schorsingstappen.weigering`, asked by both)."""

from __future__ import annotations

from django.urls import reverse

from dossiers.models import Dossierstuk
from sancties.models import Schorsing

from .helpers import Loper, meldingen, vers


def _gepland(loper: Loper, w, schooldagen: str) -> Schorsing:
    schorsing = loper.als(w.teamleider).voorstellen(
        w.anna, gronden=["Agressief gedrag of vechten"], eerste_dag="2026-11-25",
        schooldagen=schooldagen)
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    return vers(schorsing)


def test_een_minderjarige_gehoord_zonder_ouders_wordt_bij_het_horen_geweigerd(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _gepland(loper, w, "1")
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    # The form says so beforehand
    assert ("Verplicht: Anna is jonger dan 18 jaar en wordt volgens artikel 8.4 van het "
            "Leerlingenstatuut OSG Echnaton 2009-2011 gehoord in het bijzijn van de ouders."
            ) in pagina
    stukken = Dossierstuk.objects.count()
    antwoord = loper.stap(schorsing, "horen", gehoord_op="2026-11-23",
                          gehoord_door=[w.teamleider.pk], verslag="Anna alleen gehoord.")
    assert antwoord.status_code == 400
    assert meldingen(antwoord) == [
        "Anna is jonger dan 18 jaar: volgens artikel 8.4 van het Leerlingenstatuut OSG "
        "Echnaton 2009-2011 wordt de leerling gehoord in het bijzijn van de ouders. Een "
        "hoorgesprek zonder de ouders kan niet worden vastgelegd; plan een hoorgesprek met de "
        "ouders erbij."]
    schorsing = vers(schorsing)
    assert (schorsing.status, schorsing.gehoord_op) == ("hoorgesprek_gepland", None)
    assert Dossierstuk.objects.count() == stukken
    # What was typed stays in the form
    assert "Anna alleen gehoord." in antwoord.content.decode()


def test_de_teamleider_ziet_geen_besluiten_bij_een_driedaagse_schorsing(
        client, scholen, django_capture_on_commit_callbacks):
    """Art. 8.2: the three-day schorsing is imposed by the schoolleiding."""
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _gepland(loper, w, "3")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna en haar moeder gehoord.")
    url = reverse("sancties:schorsing", args=[schorsing.pk])
    pagina = client.get(url).content.decode()
    assert 'id="stap-besluiten"' not in pagina and "Schorsing besluiten" not in pagina
    assert ("Dit mag u niet: een driedaagse schorsing (3 schooldagen) opleggen is volgens "
            "artikel 8.2 van het Leerlingenstatuut OSG Echnaton 2009-2011 voorbehouden aan "
            "Directie / schoolleiding.") in pagina
    # ... and a post is refused with the same words
    antwoord = loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen="3",
                          motivering="Vechten.")
    assert meldingen(antwoord) == [
        "Dit mag u niet: een driedaagse schorsing (3 schooldagen) opleggen is volgens "
        "artikel 8.2 van het Leerlingenstatuut OSG Echnaton 2009-2011 voorbehouden aan "
        "Directie / schoolleiding."]
    # The schoolleiding is offered the step
    client.force_login(w.directie)
    pagina = client.get(url).content.decode()
    assert 'id="stap-besluiten"' in pagina and "Nog niet mogelijk" not in pagina


def test_een_eendaagse_schorsing_besluit_de_teamleider_zelf(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _gepland(loper, w, "1")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna en haar moeder gehoord.")
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    assert 'id="stap-besluiten"' in pagina


def test_bij_een_verwijdering_zonder_ouders_gehoord_noemt_de_weigering_het_artikel(
        client, scholen, django_capture_on_commit_callbacks):
    """Noordgouw art. 25.3 a: under 18 the parents are heard with the pupil."""
    from sancties.models import Verwijdering

    from .test_verwijdering import _stap, hoorders

    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    loper.post(reverse("sancties:verwijdering_nieuw", args=[s.dirk.pk]), {
        "gronden": [s.noordgouw.statuten.get().verwijdering_gronden[0]],
        "motivering": "Herhaalde incidenten."})
    v = Verwijdering.objects.get(leerling=s.dirk)
    antwoord = _stap(loper, v, "leerling_gehoord", datum="2026-11-23", verslag="Dirk gehoord.",
                     gehoord_door=hoorders(scholen, s.dirk))
    assert meldingen(antwoord) == [
        "De leerling is jonger dan 18 jaar: volgens artikel 25.3 van het Leerlingenstatuut "
        "Christelijk College de Noordgouw worden ook de ouders gehoord. Hoor de leerling in "
        "het bijzijn van de ouders. Er is niets vastgelegd."]
    assert Verwijdering.objects.get(pk=v.pk).leerling_gehoord_op is None
