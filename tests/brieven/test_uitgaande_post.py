"""The administratie's outgoing post: what to e-mail, what to print and why, what failed,
what was sent; each PDF downloadable with its read logged; bad input changes nothing."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from dossiers.brieven import soorten
from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Brief, Inzage
from tests.brieven.test_brieven import KLACHT, UITNODIGING, _vraag


def _status(brief: Brief) -> str:
    return Brief.objects.values_list("status", flat=True).get(pk=brief.pk)


def _bram_zonder_ouders(w, capture) -> Brief:
    w.bram.ouderschappen.all().delete()
    with capture(execute=True):
        return brief_aanvragen(door=w.mentor, leerling=w.bram,
                               soort="ontvangstbevestiging_klacht", sleutel="bram",
                               gegevens=KLACHT)


def test_de_administratie_verzendt_per_email_en_drukt_af(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    w = school_met_brieven
    per_mail = _vraag(w, django_capture_on_commit_callbacks)
    per_post = _bram_zonder_ouders(w, django_capture_on_commit_callbacks)
    client.force_login(w.administratie)
    pagina = client.get(reverse("uitgaande_post"))
    assert pagina.status_code == 200
    assert [b.leerling.roepnaam for b in pagina.context["email"]] == ["Anna"]
    assert [b.leerling.roepnaam for b in pagina.context["print"]] == ["Bram"]
    html = pagina.content.decode()
    assert ("Geen ontvanger bekend (geen ouder met gezag): vul de ouders aan in de "
            "leerlingenadministratie en verstuur de brief daarna.") in html
    for tekst in ("Te verzenden per e-mail", "Af te drukken", "Mislukt", "Verzonden",
                  "Verzend per e-mail", "Markeer als afgedrukt en verstuurd", "Download PDF"):
        assert tekst in html, tekst
    # The list shows the pupils and their parents: one read-log row for the page view.
    rij = Inzage.objects.get(user=w.administratie, lijst="uitgaande post")
    assert (rij.aantal, sorted(rij.leerlingnummers.split())) == (
        2, sorted([w.anna.leerlingnummer, w.bram.leerlingnummer]))

    pdf = client.get(reverse("brief_pdf", args=[per_mail.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert pdf["Cache-Control"] == "no-store"
    assert Inzage.objects.filter(user=w.administratie, object_id=per_mail.pk,
                                 onderdeel="brief uitnodiging_gesprek").count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("brief_actie", args=[per_mail.pk, "email"]),
                {"bevestigd": "1"},
                               follow=True)
    assert "De brief is per e-mail verzonden." in antwoord.content.decode()
    [bericht] = mail.outbox
    assert bericht.to == ["ouder@example.org"]
    assert bericht.reply_to == ["administratie@school.example"]
    assert bericht.subject == "Brief van Echnaton Testcollege: uitnodiging voor een gesprek"
    assert "Anna" not in bericht.subject + bericht.body  # the name only inside the PDF
    naam, inhoud, soort = bericht.attachments[0]
    assert (naam, soort) == ("uitnodiging_gesprek-2026-11-24.pdf", "application/pdf")
    assert inhoud.startswith(b"%PDF")
    verzonden = Brief.objects.get(pk=per_mail.pk)
    assert (verzonden.status, verzonden.verzonden_door) == ("verzonden", w.administratie)

    # Twice: a clear message, nothing sent again.
    response = client.post(reverse("brief_actie", args=[per_mail.pk, "email"]),
                {"bevestigd": "1"}, follow=True)
    assert "Deze brief kan niet verzonden worden: hij is verzonden." in response.content.decode()
    assert len(mail.outbox) == 1

    # A letter to print cannot go by e-mail; it is marked as printed and posted.
    response = client.post(reverse("brief_actie", args=[per_post.pk, "email"]),
                {"bevestigd": "1"}, follow=True)
    assert "Deze brief kan niet per e-mail: Geen ontvanger bekend" in response.content.decode()
    assert _status(per_post) == "gemaakt"
    client.post(reverse("brief_actie", args=[per_post.pk, "afgedrukt"]),
                {"bevestigd": "1"})
    assert _status(per_post) == "verzonden" and len(mail.outbox) == 1
    pagina = client.get(reverse("uitgaande_post"))
    assert {b.pk for b in pagina.context["verzonden"]} == {per_mail.pk, per_post.pk}
    assert pagina.context["email"] == pagina.context["print"] == []


def test_mislukte_email_laat_de_brief_staan(client, school_met_brieven, settings,
                                            django_capture_on_commit_callbacks):
    """An SMTP server that refuses the connection: the letter stays to be sent, the user
    gets a message and no traceback."""
    brief = _vraag(school_met_brieven, django_capture_on_commit_callbacks)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    client.force_login(school_met_brieven.administratie)
    response = client.post(reverse("brief_actie", args=[brief.pk, "email"]),
                {"bevestigd": "1"}, follow=True)
    assert response.status_code == 200
    assert ("De e-mail kon niet worden verzonden (ConnectionRefusedError). De brief staat nog "
            "bij &#x27;Te verzenden per e-mail&#x27;") in response.content.decode()
    bewaard = Brief.objects.get(pk=brief.pk)
    assert (bewaard.status, bewaard.verzonden_door, bewaard.verzonden_op) == (
        "gemaakt", None, None)


def test_mislukt_met_reden_zichtbaar_en_opnieuw_proberen(
        client, school_met_brieven, django_capture_on_commit_callbacks, monkeypatch):
    w = school_met_brieven
    monkeypatch.setitem(soorten.SOORTEN, "kapot", soorten.Briefsoort(
        code="kapot", titel="Kapotte brief", template="brieven/bestaat_niet.html",
        sectie="correspondentie", vereist=(), onderwerp="kapot"))
    brief = _vraag(w, django_capture_on_commit_callbacks, "kapot", {})
    client.force_login(w.administratie)
    pagina = client.get(reverse("uitgaande_post"))
    assert [b.pk for b in pagina.context["mislukt"]] == [brief.pk]
    html = pagina.content.decode()
    assert "Laatste fout: TemplateDoesNotExist: brieven/bestaat_niet.html" in html
    assert "Opnieuw proberen" in html

    # The administratie fixes the cause (here: the kind gets a template) and tries again.
    monkeypatch.setitem(soorten.SOORTEN, "kapot", soorten.Briefsoort(
        code="kapot", titel="Kapotte brief", template="brieven/uitnodiging_gesprek.html",
        sectie="correspondentie", vereist=(), onderwerp="kapot"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("brief_actie", args=[brief.pk, "opnieuw"]), follow=True)
    assert "De brief wordt opnieuw gemaakt." in response.content.decode()
    opnieuw = Brief.objects.get(pk=brief.pk)
    assert (opnieuw.status, opnieuw.fout, opnieuw.pogingen) == ("gemaakt", "", 1)
    # Only a failed letter can be retried.
    response = client.post(reverse("brief_actie", args=[brief.pk, "opnieuw"]), follow=True)
    assert "Alleen een mislukte of vastgelopen brief" in response.content.decode()


def test_wie_geen_post_doet_krijgt_404(client, school_met_brieven, wereld,
                                       django_capture_on_commit_callbacks):
    brief = _vraag(wereld, django_capture_on_commit_callbacks)
    for user in (wereld.mentor, wereld.docent, wereld.beheerder, wereld.zorgcoordinator):
        client.force_login(user)
        assert client.get(reverse("uitgaande_post")).status_code == 404
        # The mentor reads the pupil's correspondence, so opens the letter (not its post).
        assert client.get(reverse("brief_pdf", args=[brief.pk])).status_code == (
            200 if user == wereld.mentor else 404)
        assert client.post(reverse("brief_actie", args=[brief.pk, "email"]),
                           {"bevestigd": "1"}).status_code == 404
    # The directie of another school has its own post, without this school's letters.
    client.force_login(wereld.buitenstaander)
    assert client.get(reverse("uitgaande_post")).context["email"] == []
    assert client.get(reverse("brief_pdf", args=[brief.pk])).status_code == 404
    assert client.post(reverse("brief_actie", args=[brief.pk, "email"]),
                {"bevestigd": "1"}).status_code == 404
    assert _status(brief) == "gemaakt" and not mail.outbox
    assert list(Inzage.objects.filter(object_id=brief.pk).values_list("user", flat=True)) == [
        wereld.mentor.pk]


def test_onbekende_actie_en_get_veranderen_niets(client, school_met_brieven,
                                                 django_capture_on_commit_callbacks):
    brief = _vraag(school_met_brieven, django_capture_on_commit_callbacks)
    client.force_login(school_met_brieven.administratie)
    assert client.post(reverse("brief_actie", args=[brief.pk, "wissen"])).status_code == 404
    assert client.get(reverse("brief_actie", args=[brief.pk, "email"])).status_code == 405
    assert client.post(reverse("brief_actie", args=[99999, "email"]),
                {"bevestigd": "1"}).status_code == 404
    assert _status(brief) == "gemaakt" and not mail.outbox


def test_een_vastgelopen_aanvraag_kan_opnieuw_gestart_worden(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    """The broker was down when the decision committed: the decision stands, the letter
    waits in 'Wordt gemaakt', and after ten minutes the administratie can start it again."""
    w = school_met_brieven
    with django_capture_on_commit_callbacks(execute=False):  # the task never got queued
        brief = brief_aanvragen(door=w.mentor, leerling=w.anna, soort="uitnodiging_gesprek",
                                sleutel="vast", gegevens=UITNODIGING)
    client.force_login(w.administratie)
    response = client.post(reverse("brief_actie", args=[brief.pk, "opnieuw"]), follow=True)
    assert "Alleen een mislukte of vastgelopen brief" in response.content.decode()
    assert "Opnieuw starten" not in response.content.decode()

    Brief.objects.filter(pk=brief.pk).update(
        aangevraagd_op=timezone.now() - timedelta(minutes=11))
    pagina = client.get(reverse("uitgaande_post"))
    assert [b.pk for b in pagina.context["bezig"]] == [brief.pk]
    assert "nog niet gemaakt. Start hem opnieuw" in pagina.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("brief_actie", args=[brief.pk, "opnieuw"]))
    assert _status(brief) == "gemaakt"
