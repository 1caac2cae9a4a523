"""Issue 12, point 14: care before sending. The administratie sees the letter (its PDF) and
who gets it through which channel before sending, and confirms; every e-mail recipient gets
their own message; a copy party without an e-mail address waits for post and is never
counted as sent by e-mail; select all, bulk send with confirmation, and a flag on letters
waiting longer than two school days."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Brief, Briefinstellingen, Inzage, Ouder, Ouderschap
from statuut.models import Partij
from tests.brieven.test_brieven import KLACHT, _vraag


def _status(brief: Brief) -> str:
    return Brief.objects.values_list("status", flat=True).get(pk=brief.pk)


def _tweede_ouder(w) -> Ouder:
    ouder = Ouder.objects.create(voorletters="K.", achternaam="Vries", adres="Dorpsweg 2",
                                 postcode="3514 EF", email="vader@example.org")
    Ouderschap.objects.create(leerling=w.anna, ouder=ouder, relatie="vader")
    return ouder


def test_verzenden_vraagt_bevestiging_na_het_bekijken_van_de_brief(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    w = school_met_brieven
    brief = _vraag(w, django_capture_on_commit_callbacks)
    client.force_login(w.administratie)
    # The outbox's button leads to the letter's page; a bare POST sends nothing.
    post = client.get(reverse("uitgaande_post")).content.decode()
    assert reverse("brief_bekijken", args=[brief.pk]) in post
    antwoord = client.post(reverse("brief_actie", args=[brief.pk, "email"]))
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("brief_bekijken", args=[brief.pk])
    assert _status(brief) == "gemaakt" and not mail.outbox

    pagina = client.get(reverse("brief_bekijken", args=[brief.pk]))
    html = pagina.content.decode()
    assert f'<iframe class="post-pdf" src="{reverse("brief_pdf_inline", args=[brief.pk])}"' \
        in html
    assert "J. de Vries: per e-mail aan ouder@example.org" in html
    assert "Ja, verzend deze brief per e-mail" in html
    assert Inzage.objects.filter(user=w.administratie, object_id=brief.pk,
                                 onderdeel="uitgaande post").count() == 1
    # The preview itself: the same PDF, inline, framed only by our own pages.
    pdf = client.get(reverse("brief_pdf_inline", args=[brief.pk]))
    assert pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"].startswith("inline;")
    assert pdf["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in pdf["Content-Security-Policy"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("brief_actie", args=[brief.pk, "email"]), {"bevestigd": "1"})
    assert _status(brief) == "verzonden" and len(mail.outbox) == 1


def test_elke_ontvanger_een_eigen_email_en_een_afschrift_zonder_adres_wacht_op_de_post(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    w = school_met_brieven
    _tweede_ouder(w)
    Briefinstellingen.objects.filter(school=w.school).update(inspectie_email="",
                                                              bevoegd_gezag_email="")
    brief = _vraag(w, django_capture_on_commit_callbacks,
                   partijen=(Partij.MENTOR, Partij.INSPECTIE))
    assert brief.verzendwijze == "email"
    client.force_login(w.administratie)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("brief_actie", args=[brief.pk, "email"]), {"bevestigd": "1"})
    # Each parent (and the mentor, with an address) gets a message of their own.
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)
    assert {m.to[0] for m in mail.outbox} >= {"ouder@example.org", "vader@example.org"}
    ontvangers = {o.partij + ":" + o.naam: o for o in brief.ontvangers.all()}
    inspectie = ontvangers["inspectie:Inspectie van het Onderwijs"]
    assert (inspectie.verzonden_op, inspectie.verzonden_via) == (None, "")
    assert {o.verzonden_via for o in brief.ontvangers.filter(partij="ouders")} == {"email"}

    pagina = client.get(reverse("uitgaande_post"))
    assert [b.pk for b in pagina.context["nog_per_post"]] == [brief.pk]
    assert "nog per post te versturen" in pagina.content.decode()
    client.post(reverse("brief_actie", args=[brief.pk, "per_post"]))
    inspectie.refresh_from_db()
    assert inspectie.verzonden_via == "print" and inspectie.verzonden_op is not None
    assert client.get(reverse("uitgaande_post")).context["nog_per_post"] == []


def test_alles_kiezen_en_in_een_keer_verzenden_met_bevestiging(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    w = school_met_brieven
    eerste = _vraag(w, django_capture_on_commit_callbacks)
    tweede = _vraag(w, django_capture_on_commit_callbacks, soort="ontvangstbevestiging_klacht",
                    gegevens=KLACHT, sleutel="tweede")
    client.force_login(w.administratie)
    html = client.get(reverse("uitgaande_post") + "?alles=per-email").content.decode()
    assert html.count('form="bundelform" id="kies-') == 2
    assert html.count(" checked aria-label") == 2

    # Bulk send: first a page that lists the letters and their recipients; nothing sent.
    keuze = {"brief": [eerste.pk, tweede.pk], "wijze": "email"}
    bevestigen = client.post(reverse("post_verzenden"), keuze)
    tekst = bevestigen.content.decode()
    assert "2 brieven per e-mail verzenden?" in tekst
    assert "J. de Vries: per e-mail aan ouder@example.org" in tekst
    assert _status(eerste) == _status(tweede) == "gemaakt" and not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("post_verzenden"), {**keuze, "bevestigd": "1"},
                               follow=True)
    assert "2 brieven verzonden." in antwoord.content.decode()
    assert _status(eerste) == _status(tweede) == "verzonden" and len(mail.outbox) == 2

    # Nothing chosen: a clear message, nothing changed.
    antwoord = client.post(reverse("post_verzenden"), {"wijze": "email"}, follow=True)
    assert "Kies eerst een of meer brieven" in antwoord.content.decode()


def test_een_brief_die_langer_dan_twee_schooldagen_wacht_valt_op(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    w = school_met_brieven
    brief = _vraag(w, django_capture_on_commit_callbacks)
    client.force_login(w.administratie)
    assert "wacht langer dan 2 schooldagen" not in client.get(
        reverse("uitgaande_post")).content.decode()
    Brief.objects.filter(pk=brief.pk).update(gemaakt_op=timezone.now() - timedelta(days=7))
    html = client.get(reverse("uitgaande_post")).content.decode()
    assert "1 brief wacht langer dan 2 schooldagen op verzending." in html
    assert "wacht langer dan 2 schooldagen" in html


def test_bij_het_verzenden_naar_de_brief_zonder_toegang_niets(
        client, school_met_brieven, django_capture_on_commit_callbacks):
    """Bulk sending goes through the same letters as the outbox: another school's letter
    is not sent."""
    w = school_met_brieven
    with django_capture_on_commit_callbacks(execute=True):
        anders = brief_aanvragen(door=w.buitenstaander, leerling=w.dirk,
                                 soort="ontvangstbevestiging_klacht", sleutel="dirk",
                                 gegevens=KLACHT)
    client.force_login(w.administratie)
    antwoord = client.post(reverse("post_verzenden"),
                           {"brief": [anders.pk], "wijze": "email", "bevestigd": "1"},
                           follow=True)
    assert "Kies eerst een of meer brieven" in antwoord.content.decode()
    assert _status(anders) == "gemaakt" and not mail.outbox
