"""Every user changes their own password, and resets it by e-mail without the page telling
whether an address is known (issue 11)."""

import re

from django.core import mail
from django.urls import reverse

from tests.inloggen.conftest import inloggen
from tests.personas import WACHTWOORD

NIEUW = "Paardenbloem-Kastanje-42"


def test_de_layout_linkt_naar_het_account_en_daar_naar_wachtwoord_wijzigen(client, wereld):
    client.force_login(wereld.docent)
    assert 'href="/account/">Account</a>' in client.get(reverse("start")).content.decode()
    pagina = client.get(reverse("account")).content.decode()
    assert 'href="/account/wachtwoord/">Wachtwoord wijzigen</a>' in pagina


def test_een_docent_wijzigt_het_eigen_wachtwoord(client, wereld):
    inloggen(client, "docent")
    pagina = client.get(reverse("password_change")).content.decode()
    assert "Oud wachtwoord" in pagina
    fout = client.post(reverse("password_change"), {
        "old_password": "verkeerd", "new_password1": NIEUW, "new_password2": NIEUW})
    assert "Uw oude wachtwoord is niet juist ingevoerd." in fout.content.decode()
    antwoord = client.post(reverse("password_change"), {
        "old_password": WACHTWOORD, "new_password1": NIEUW, "new_password2": NIEUW})
    assert antwoord.url == reverse("password_change_done")
    assert "Uw wachtwoord is gewijzigd." in client.get(antwoord.url).content.decode()
    client.logout()
    assert inloggen(client, "docent").status_code == 200  # the old one no longer works
    assert inloggen(client, "docent", NIEUW).url == "/"


def test_een_te_zwak_wachtwoord_wordt_in_het_nederlands_geweigerd(client, wereld):
    client.force_login(wereld.docent)
    pagina = client.post(reverse("password_change"), {
        "old_password": WACHTWOORD, "new_password1": "12345678", "new_password2": "12345678"})
    assert "Dit wachtwoord is te algemeen." in pagina.content.decode()


def test_wachtwoord_vergeten_per_e_mail(client, wereld, django_capture_on_commit_callbacks):
    wereld.mentor.email = "mentor@school.example"
    wereld.mentor.save()
    assert 'href="/wachtwoord-vergeten/"' in client.get(reverse("login")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the mail is a task after commit
        with_mail = client.post(reverse("password_reset"), {"email": "mentor@school.example"})
    assert with_mail.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["mentor@school.example"]
    assert bericht.subject == "Nieuw wachtwoord voor Leerlingzorg"
    link = re.search(r"http://testserver(/wachtwoord-vergeten/\S+/)", bericht.body)[1]
    formulier = client.get(link, follow=True)
    assert "Nieuw wachtwoord kiezen" in formulier.content.decode()
    antwoord = client.post(formulier.redirect_chain[-1][0],
                           {"new_password1": NIEUW, "new_password2": NIEUW})
    assert antwoord.url == reverse("password_reset_complete")
    assert inloggen(client, "mentor", NIEUW).url == "/"
    client.logout()
    # The link works once.
    assert "Deze link werkt niet meer" in client.get(link, follow=True).content.decode()


def test_wachtwoord_vergeten_verraadt_niet_of_een_adres_bestaat(
        client, wereld, django_capture_on_commit_callbacks):
    wereld.mentor.email = "mentor@school.example"
    wereld.mentor.save()
    with django_capture_on_commit_callbacks(execute=True):
        bekend = client.post(reverse("password_reset"), {"email": "mentor@school.example"})
        onbekend = client.post(reverse("password_reset"), {"email": "niemand@school.example"})
    assert bekend.content == onbekend.content
    assert bekend.status_code == onbekend.status_code == 302
    assert bekend.url == onbekend.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    pagina = client.get(reverse("password_reset_done")).content.decode()
    assert "Als er een account bij dit e-mailadres hoort" in pagina
