"""Echnaton's "ontzegging van de toegang" (seed 002 art. 8.3 and 8.4), through the pages.

In Dutch law an ontzegging van de toegang is the schorsing pending a verwijdering: the
teamleiding proposes it to the schoolleiding on the grounds of art. 8.3, only while a
verwijdering procedure runs; the schoolleiding decides after hearing the pupil, for the
procedure (the week's maximum does not apply); the leerlingenadministratie informs parents,
pupil and mentor in writing and beforehand (art. 8.4)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers.models import Brief, Dossierstuk
from sancties.models import Schorsing, Verwijdering

from .conftest import moment
from .helpers import Loper, meldingen, pdf_tekst, vers

GROND = "Drugshandel"  # art. 8.3, not a schorsing ground of art. 8.1


def _verwijdering_voorstellen(loper: Loper, leerling) -> Verwijdering:
    loper.post(reverse("sancties:verwijdering_nieuw", args=[leerling.pk]), {
        "gronden": [GROND], "motivering": "Betrapt op handel in drugs in de aula."})
    return Verwijdering.objects.get(leerling=leerling)


def test_de_teamleiding_draagt_ontzegging_voor_en_de_schoolleiding_besluit(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    url = reverse("sancties:ontzegging_nieuw", args=[w.anna.pk])

    # Without a running verwijdering procedure there is no ontzegging: no button, a refusal
    leerlingpagina = client.get(reverse("leerling", args=[w.anna.pk])).content.decode()
    assert "Ontzegging van de toegang voorstellen" not in leerlingpagina
    pagina = client.get(url).content.decode()
    assert ("Voor deze leerling loopt geen verwijderingsprocedure. Een ontzegging van de "
            "toegang kan alleen hangende een verwijdering: stel eerst de verwijdering voor."
            in pagina)
    antwoord = loper.post(url, {"gronden": [GROND], "ernst": "zeer_ernstig",
                                "feiten": "Handel in de aula.", "eerste_dag": "2026-11-24",
                                "schooldagen": "10"})
    assert ("Een ontzegging van de toegang kan alleen hangende een verwijderingsprocedure "
            "(artikel 8.3 van het Leerlingenstatuut OSG Echnaton 2009-2011). Voor deze leerling "
            "loopt geen verwijderingsprocedure: stel eerst de verwijdering voor."
            in antwoord.content.decode())
    assert not Schorsing.objects.exists() and not Dossierstuk.objects.filter(
        leerling=w.anna).exists()

    # The teamleiding proposes the verwijdering; now the pupil page offers the ontzegging
    v = _verwijdering_voorstellen(loper, w.anna)
    leerlingpagina = client.get(reverse("leerling", args=[w.anna.pk])).content.decode()
    assert "Ontzegging van de toegang voorstellen" in leerlingpagina
    # ... and the schorsing form no longer offers "for the duration of the procedure"
    nieuw = client.get(reverse("sancties:schorsing_nieuw", args=[w.anna.pk])).content.decode()
    assert "lopende verwijderingsprocedure" not in nieuw
    pagina = client.get(url).content.decode()
    assert "Drugshandel" in pagina and "Ontzegging van de toegang tot de school" in pagina

    # A schorsing ground that art. 8.3 does not name is refused (the form's choice)
    antwoord = loper.post(url, {"gronden": ["Ongeoorloofd schoolverzuim"],
                                "ernst": "zeer_ernstig", "feiten": "x",
                                "eerste_dag": "2026-11-24", "schooldagen": "10"})
    assert antwoord.status_code == 400 and not Schorsing.objects.exists()

    # Ten school days: longer than the week, allowed pending the verwijdering
    antwoord = loper.post(url, {"gronden": [GROND], "ernst": "zeer_ernstig",
                                "feiten": "Handel in drugs in de aula, 20 november.",
                                "eerste_dag": "2026-11-24", "schooldagen": "10"})
    assert ("De ontzegging van de toegang is voorgesteld. Plan nu het hoorgesprek."
            in meldingen(antwoord))
    o = Schorsing.objects.get()
    assert (o.ontzegging, o.verwijdering, o.schooldagen, o.laatste_dag) == (
        True, v, 10, date(2026, 12, 7))
    pagina = antwoord.content.decode()
    assert "Ontzegging van de toegang Anna de Vries" in pagina

    loper.stap(o, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    loper.stap(o, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna ontkent de handel niet.")
    # The teamleiding may not decide: that is the schoolleiding's (art. 8.3)
    antwoord = loper.stap(o, "besluiten", eerste_dag="2026-11-24", schooldagen="10",
                          motivering="Veiligheid van medeleerlingen.")
    assert meldingen(antwoord) == [
        "Dit mag u niet: een ontzegging van de toegang tot de school (10 schooldagen) opleggen "
        "is volgens artikel 8.3 van het Leerlingenstatuut OSG Echnaton 2009-2011 "
        "voorbehouden aan Directie / schoolleiding."]
    assert vers(o).status == "gehoord"

    loper.als(w.directie).stap(o, "besluiten", eerste_dag="2026-11-24", schooldagen="10",
                               motivering="Veiligheid van medeleerlingen.",
                               opdrachten="Werk via de studiewijzer.")
    o = vers(o)
    assert (o.status, o.maatregel.code, o.besloten_door) == (
        "besloten", "ontzegging-toegang", w.directie)
    brief = Brief.objects.get(soort="sanctie_ontzegging_besluit")
    tekst = pdf_tekst(brief)
    for zin in ["Besluit tot ontzegging van de toegang", "Anna de Vries",
                "Utrecht, 23 november 2026",
                "Op 23 november 2026 is voorgesteld Anna de Vries van school te verwijderen.",
                "hangende deze verwijderingsprocedure de toegang tot de school te ontzeggen",
                "Ontzegging van de toegang tot de school", "24 november 2026", "7 december 2026",
                "Drugshandel", "Veiligheid van medeleerlingen",
                "artikel 8.3 van het Leerlingenstatuut OSG Echnaton 2009-2011",
                "het is nog geen besluit tot verwijdering"]:
        assert zin in tekst, zin
    assert {o.partij for o in brief.ontvangers.all()} >= {"ouders", "mentor"}

    # Art. 8.4: the leerlingenadministratie makes it known, beforehand
    loper.als(w.administratie).bekendmaken(o, w.administratie)
    assert vers(o).status == "bekendgemaakt"
    loper.als(w.directie)
    start = client.get(reverse("start")).content.decode()
    assert "<td>Ontzegging van de toegang</td>" in start

    pagina = client.get(reverse("sancties:verwijdering", args=[v.pk])).content.decode()
    assert ("Ontzegging van de toegang</a>: 24 november 2026 – 7 december 2026 (bekendgemaakt)"
            in pagina)

    klok.move_to(moment(2026, 11, 24))
    antwoord = loper.als(w.administratie).stap(o, "ingaan")
    assert "De ontzegging van de toegang is ingegaan." in meldingen(antwoord)
    assert vers(o).status == "lopend"
    titels = list(Dossierstuk.objects.filter(leerling=w.anna, sectie="gedrag")
                  .order_by("pk").values_list("titel", flat=True))
    assert titels == [
        "Voorstel tot verwijdering", "Voorstel tot ontzegging van de toegang",
        "Hoorgesprek gepland", "Verslag hoorgesprek schorsing",
        "Besluit tot ontzegging van de toegang",
        "Besluit tot ontzegging van de toegang",  # the letter, filed in the dossier
        "Besluit tot ontzegging van de toegang bekendgemaakt",
        "Ontzegging van de toegang ingegaan"]


def test_ontzegging_alleen_waar_het_statuut_haar_kent(
        client, scholen, django_capture_on_commit_callbacks):
    """Noordgouw has no ontzegging rung: its longer schorsing during the procedure (art.
    25.2) stays on the schorsing page, and the ontzegging page does not exist there."""
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    loper.post(reverse("sancties:verwijdering_nieuw", args=[s.dirk.pk]), {
        "gronden": ["Handelingsverlegenheid op pedagogische gronden (het gedrag veroorzaakt "
                    "problemen of brengt de veiligheid in gevaar)"], "motivering": "x"})
    leerlingpagina = client.get(reverse("leerling", args=[s.dirk.pk])).content.decode()
    assert "Ontzegging van de toegang voorstellen" not in leerlingpagina
    antwoord = client.get(reverse("sancties:ontzegging_nieuw", args=[s.dirk.pk]))
    assert antwoord.status_code == 404
    assert ("Het leerlingenstatuut van de school kent geen ontzegging van de toegang."
            in antwoord.content.decode())


def test_een_mentor_draagt_geen_ontzegging_voor(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    _verwijdering_voorstellen(loper, w.anna)
    loper.als(w.mentor)
    antwoord = client.get(reverse("sancties:ontzegging_nieuw", args=[w.anna.pk]))
    assert antwoord.status_code == 403
    assert ("U mag volgens het leerlingenstatuut geen ontzegging van de toegang voorstellen "
            "voor deze leerling." in antwoord.content.decode())
    assert "Ontzegging van de toegang voorstellen" not in client.get(
        reverse("leerling", args=[w.anna.pk])).content.decode()


def test_geen_ontzegging_meer_na_het_einde_van_de_procedure(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    v = _verwijdering_voorstellen(loper, w.anna)
    loper.post(reverse("sancties:ontzegging_nieuw", args=[w.anna.pk]), {
        "gronden": [GROND], "ernst": "zeer_ernstig", "feiten": "Handel in de aula.",
        "eerste_dag": "2026-11-24", "schooldagen": "10"})
    o = Schorsing.objects.get()
    loper.stap(o, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    loper.stap(o, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Gehoord.")
    # The procedure ended meanwhile (e.g. the proposal withdrawn and closed)
    Verwijdering.objects.filter(pk=v.pk).update(status="afgerond")
    antwoord = loper.als(w.directie).stap(o, "besluiten", eerste_dag="2026-11-24",
                                           schooldagen="10", motivering="Veiligheid.")
    assert meldingen(antwoord) == [
        "De verwijderingsprocedure is afgerond: een ontzegging van de toegang hangende die "
        "procedure kan niet meer worden besloten. Er is niets besloten."]
    assert vers(o).status == "gehoord" and not Brief.objects.filter(
        soort="sanctie_ontzegging_besluit").exists()
