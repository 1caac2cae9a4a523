"""The administratie's outgoing post: what to e-mail, what to print and why, what failed."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from dossiers.models import Brief, Inzage
from tests.brieven.test_brieven import KLACHT, _vraag


def test_de_administratie_verzendt_en_drukt_af(client, school_met_brieven, wereld,
                                               django_capture_on_commit_callbacks):
    per_mail = _vraag(wereld, django_capture_on_commit_callbacks)
    wereld.bram.ouderschappen.all().delete()
    from dossiers.brieven.services import brief_aanvragen

    with django_capture_on_commit_callbacks(execute=True):
        brief_aanvragen(door=wereld.mentor, leerling=wereld.bram,
                        soort="ontvangstbevestiging_klacht", sleutel="bram", gegevens=KLACHT)
    client.force_login(wereld.administratie)
    pagina = client.get(reverse("uitgaande_post"))
    assert pagina.status_code == 200
    assert [b.leerling.roepnaam for b in pagina.context["email"]] == ["Anna"]
    assert [b.leerling.roepnaam for b in pagina.context["print"]] == ["Bram"]
    assert ("Geen ontvanger bekend (geen ouder met gezag): vul de ouders aan in de "
            "leerlingenadministratie en verstuur de brief daarna.") in pagina.content.decode()

    pdf = client.get(reverse("brief_pdf", args=[per_mail.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert Inzage.objects.filter(user=wereld.administratie, object_id=per_mail.pk,
                                 onderdeel="brief uitnodiging_gesprek").count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("brief_actie", args=[per_mail.pk, "verzenden"]))
    assert [m.to for m in mail.outbox] == [["ouder@example.org"]]
    assert mail.outbox[0].subject == ("Brief van Echnaton Testcollege: Uitnodiging voor een "
                                      "gesprek")
    assert mail.outbox[0].attachments[0][2] == "application/pdf"
    assert Brief.objects.get(pk=per_mail.pk).status == "verzonden"
    # Twice: a clear message, nothing sent again.
    response = client.post(reverse("brief_actie", args=[per_mail.pk, "verzenden"]),
                           follow=True)
    assert "Deze brief kan niet verzonden worden: hij is verzonden." in response.content.decode()
    assert len(mail.outbox) == 1


def test_wie_geen_post_doet_krijgt_404(client, school_met_brieven, wereld,
                                       django_capture_on_commit_callbacks):
    brief = _vraag(wereld, django_capture_on_commit_callbacks)
    for user in (wereld.mentor, wereld.docent, wereld.beheerder):
        client.force_login(user)
        assert client.get(reverse("uitgaande_post")).status_code == 404
        assert client.get(reverse("brief_pdf", args=[brief.pk])).status_code == 404
    # The directie of another school has its own post, without this school's letters.
    client.force_login(wereld.buitenstaander)
    assert client.get(reverse("uitgaande_post")).context["email"] == []
    assert client.get(reverse("brief_pdf", args=[brief.pk])).status_code == 404
