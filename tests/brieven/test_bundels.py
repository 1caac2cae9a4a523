"""Several letters as one PDF to print: made by a task after commit, with progress; only
made letters of the user's own school; each letter's read logged when downloaded."""

from __future__ import annotations

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from dossiers.brieven.services import brief_aanvragen
from dossiers.brieven.taken import bundel_maken_taak
from dossiers.models import Brief, Briefbundel, Inzage
from tests.brieven.test_brieven import KLACHT, UITNODIGING, _vraag


def _twee_brieven(w, capture) -> list[Brief]:
    anna = _vraag(w, capture)
    with capture(execute=True):
        bram = brief_aanvragen(door=w.mentor, leerling=w.bram, soort="ontvangstbevestiging_klacht",
                               sleutel="bram", gegevens=KLACHT)
    return [anna, bram]


def test_een_bundel_van_twee_brieven(client, school_met_brieven,
                                     django_capture_on_commit_callbacks):
    w = school_met_brieven
    brieven = _twee_brieven(w, django_capture_on_commit_callbacks)
    client.force_login(w.administratie)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(reverse("bundel_maken"), {"brief": [b.pk for b in brieven]})
    assert len(callbacks) == 1  # the task starts after commit
    bundel = Briefbundel.objects.get()
    assert response.url == reverse("bundel", args=[bundel.pk])
    assert (bundel.status, bundel.klaar, bundel.totaal) == ("klaar", 2, 2)

    pagina = client.get(reverse("bundel", args=[bundel.pk]))
    html = pagina.content.decode()
    assert '<progress id="voortgang" max="2" value="2">' in html
    assert "2 van 2 brieven" in html and "Download de PDF" in html
    assert "Refresh" not in pagina  # done: no more refreshing

    pdf = client.get(reverse("bundel_pdf", args=[bundel.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(pdf.content))
    assert len(reader.pages) == 2
    teksten = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "Bram Jansen" in teksten[0] and "Anna de Vries" in teksten[1]  # by surname
    # One read of a list of letters: one row with both pupils.
    rij = Inzage.objects.get(user=w.administratie, lijst__startswith="brievenbundel")
    assert (rij.aantal, sorted(rij.leerlingnummers.split())) == (
        2, sorted(b.leerling.leerlingnummer for b in brieven))


def test_de_bundelpagina_ververst_zolang_hij_bezig_is(client, school_met_brieven,
                                                      django_capture_on_commit_callbacks):
    w = school_met_brieven
    brieven = _twee_brieven(w, django_capture_on_commit_callbacks)
    client.force_login(w.administratie)
    client.post(reverse("bundel_maken"), {"brief": [b.pk for b in brieven]})  # no commit yet
    bundel = Briefbundel.objects.get()
    pagina = client.get(reverse("bundel", args=[bundel.pk]))
    assert pagina["Refresh"] == "2"
    assert '<progress id="voortgang" max="2" value="0">' in pagina.content.decode()
    assert client.get(reverse("bundel_pdf", args=[bundel.pk])).status_code == 404
    # The task delivered twice: made once.
    assert bundel_maken_taak.delay(bundel.pk).result is True
    assert bundel_maken_taak.delay(bundel.pk).result is False
    assert Briefbundel.objects.get().status == "klaar"


def test_verkeerde_keuzes_geven_een_melding_en_geen_bundel(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    w = school_met_brieven
    anna, _bram = _twee_brieven(w, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=False):  # requested, not yet made
        nog_niet = brief_aanvragen(door=w.mentor, leerling=w.chris,
                                   soort="uitnodiging_gesprek", sleutel="chris",
                                   gegevens=UITNODIGING)
    with django_capture_on_commit_callbacks(execute=True):
        andere = brief_aanvragen(door=w.buitenstaander, leerling=w.dirk,
                                 soort="uitnodiging_gesprek", sleutel="dirk",
                                 gegevens=UITNODIGING)
    client.force_login(w.administratie)
    for keuze, melding in [
        ([], "Kies eerst een of meer brieven."),
        (["abc"], "Ongeldige keuze van brieven."),
        ([anna.pk, 99999], "Een of meer gekozen brieven bestaan niet of horen niet bij de "
                           "post van uw school."),
        ([anna.pk, andere.pk], "Een of meer gekozen brieven bestaan niet of horen niet bij de "
                               "post van uw school."),
        ([anna.pk, nog_niet.pk], "Deze brieven zijn nog niet gemaakt: Chris Bakker."),
    ]:
        response = client.post(reverse("bundel_maken"), {"brief": keuze}, follow=True)
        assert melding in response.content.decode(), melding
    assert not Briefbundel.objects.exists()
    assert client.get(reverse("bundel_maken")).status_code == 405


def test_een_bundel_van_een_andere_school_bestaat_niet(client, school_met_brieven,
                                                       django_capture_on_commit_callbacks):
    w = school_met_brieven
    brieven = _twee_brieven(w, django_capture_on_commit_callbacks)
    client.force_login(w.administratie)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("bundel_maken"), {"brief": [b.pk for b in brieven]})
    bundel = Briefbundel.objects.get()
    for user in (w.buitenstaander, w.mentor):
        client.force_login(user)
        assert client.get(reverse("bundel", args=[bundel.pk])).status_code == 404
        assert client.get(reverse("bundel_pdf", args=[bundel.pk])).status_code == 404
    assert client.post(reverse("bundel_maken"), {"brief": [brieven[0].pk]}).status_code == 404
    # The directie of the other school does its own post: these letters are not in it.
    client.force_login(w.buitenstaander)
    response = client.post(reverse("bundel_maken"), {"brief": [brieven[0].pk]}, follow=True)
    assert "horen niet bij de post van uw school" in response.content.decode()
    assert Briefbundel.objects.count() == 1
    assert not Inzage.objects.filter(user=w.buitenstaander).exists()
