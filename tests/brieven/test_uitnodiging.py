"""A mentor requests an invitation to a talk for a pupil in the browser; the letter settings
in the admin and in the demo."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import formats, timezone
from pypdf import PdfReader

from dossiers.brieven.demo import demo_briefinstellingen
from dossiers.models import Brief, Briefinstellingen, Dossierstuk


def _formulier(**kw) -> dict:
    datum = timezone.localdate() + timedelta(days=7)
    return {"datum": datum.isoformat(), "tijd": "15:30", "plaats": "kamer 1.12",
            "met_wie": "M. Mentor, mentor", "aanleiding": "herhaald te laat komen",
            "artikel": "9.2", **kw}


def test_de_mentor_vraagt_een_uitnodiging_aan(client, school_met_brieven,
                                              django_capture_on_commit_callbacks):
    w = school_met_brieven
    client.force_login(w.mentor)
    url = reverse("brief_uitnodiging", args=[w.anna.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Uitnodiging voor een gesprek" in html and "9.2 Persoonlijk dossier" in html
    assert pagina.context["form"].initial["met_wie"] == "M. Mentor"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _formulier(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("leerling", args=[w.anna.pk])
    assert "De uitnodiging wordt gemaakt." in response.content.decode()
    brief = Brief.objects.get()
    datum = timezone.localdate() + timedelta(days=7)
    assert brief.gegevens == {
        "gesprek_datum": formats.date_format(datum, "l j F Y"), "gesprek_tijd": "15.30 uur",
        "plaats": "kamer 1.12", "aanleiding": "herhaald te laat komen",
        "met_wie": "M. Mentor, mentor", "artikel": "9.2"}
    assert brief.sleutel == f"uitnodiging:{w.anna.pk}:{datum:%Y-%m-%d}:1530"
    assert (brief.status, brief.aangevraagd_door, brief.statuut.school) == (
        "gemaakt", w.mentor, w.school)
    tekst = " ".join(PdfReader(BytesIO(bytes(brief.pdf))).pages[0].extract_text().split())
    assert formats.date_format(datum, "l j F Y") in tekst and "15.30 uur" in tekst
    assert "Graag nodigen wij u uit voor een gesprek over Anna." in tekst

    # Sent twice (a double click): one letter, one dossier entry, and the user is told.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _formulier(), follow=True)
    assert "Deze uitnodiging was al aangevraagd" in response.content.decode()
    assert Brief.objects.count() == 1 and Dossierstuk.objects.count() == 1


def test_een_aanleiding_met_een_punt_eindigt_in_de_brief_op_een_punt(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    w = school_met_brieven
    client.force_login(w.mentor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("brief_uitnodiging", args=[w.anna.pk]),
                    _formulier(aanleiding="Anna zit niet lekker in haar vel. "))
    brief = Brief.objects.get()
    assert brief.gegevens["aanleiding"] == "Anna zit niet lekker in haar vel"
    tekst = " ".join(PdfReader(BytesIO(bytes(brief.pdf))).pages[0].extract_text().split())
    assert "Aanleiding: Anna zit niet lekker in haar vel. " in tekst
    assert "vel.." not in tekst


def test_foute_invoer_wordt_getoond_en_niets_aangevraagd(client, school_met_brieven):
    w = school_met_brieven
    client.force_login(w.mentor)
    gisteren = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(reverse("brief_uitnodiging", args=[w.anna.pk]),
                           _formulier(datum=gisteren, plaats="", artikel="99"))
    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert fouten["datum"] == ["Kies een datum vandaag of later."]
    assert "plaats" in fouten and "artikel" in fouten
    assert not Brief.objects.exists()


def test_wie_geen_brieven_aanvraagt_krijgt_404(client, school_met_brieven):
    w = school_met_brieven
    for user, leerling in [(w.docent, w.anna), (w.mentor, w.bram), (w.buitenstaander, w.anna),
                           (w.beheerder, w.anna)]:
        client.force_login(user)
        url = reverse("brief_uitnodiging", args=[leerling.pk])
        assert client.get(url).status_code == 404, user
        assert client.post(url, _formulier()).status_code == 404, user
    assert not Brief.objects.exists()


def test_de_leerlingpagina_linkt_naar_de_uitnodiging(client, school_met_brieven):
    w = school_met_brieven
    client.force_login(w.mentor)
    html = client.get(reverse("leerling", args=[w.anna.pk])).content.decode()
    assert reverse("brief_uitnodiging", args=[w.anna.pk]) in html


def test_briefinstellingen_in_het_beheer_per_school(client, school_met_brieven):
    w = school_met_brieven
    demo_briefinstellingen(w.andere_school)
    w.beheerder.is_staff = True
    w.beheerder.save()
    w.beheerder.user_permissions.set(Permission.objects.filter(
        content_type__app_label="dossiers", codename__endswith="_briefinstellingen"))
    client.force_login(w.beheerder)
    lijst = client.get(reverse("admin:dossiers_briefinstellingen_changelist"))
    assert lijst.status_code == 200
    assert [str(i) for i in lijst.context["cl"].result_list] == [str(w.school)]
    andere = Briefinstellingen.objects.get(school=w.andere_school)
    assert client.get(reverse("admin:dossiers_briefinstellingen_change",
                              args=[andere.pk])).status_code == 302  # not theirs


def test_demo_briefinstellingen_is_herhaalbaar(wereld):
    eerste = demo_briefinstellingen(wereld.school)
    tweede = demo_briefinstellingen(wereld.school)
    assert eerste.pk == tweede.pk and Briefinstellingen.objects.count() == 1
    assert tweede.ondertekenaar_naam and tweede.telefoon and tweede.bevoegd_gezag_adres
