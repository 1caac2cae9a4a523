"""Issue 12 point 4: the signed report of the talk about a time-out (seed 004: "door de
ouders voor gezien getekend en in het leerlingendossier opgeslagen") is a dossier document:
opened only through the access policy (404 for whoever may not read it, every read logged),
checked for type and size by its content, kept when the form has an error, and never
dated before the talk it reports; nor filed before that talk took place."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dossiers.models import Document, Dossierstuk, Inzage
from sancties.models import TimeOut

from .conftest import moment
from .helpers import Loper, meldingen

PDF = b"%PDF-1.4\n% getekend verslag\n"


def _stap(loper: Loper, t: TimeOut, stap: str, **data):
    return loper.post(reverse("sancties:time_out_stap", args=[t.pk, stap]), data)


def _vers(t: TimeOut) -> TimeOut:
    return TimeOut.objects.get(pk=t.pk)


def _tot_het_gesprek(loper: Loper, s, klok) -> TimeOut:
    loper.als(s.leerkracht_wz).post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]), {
        "incident": "Sanne gooide een stoel naar een klasgenoot.",
        "motivering": "Veiligheid van de groep."})
    t = TimeOut.objects.get()
    loper.als(s.directeur_wz)
    _stap(loper, t, "goedkeuren", besluit="ja")
    _stap(loper, t, "informeren", telefoonnotitie="Moeder gebeld om 10.10 uur.")
    _stap(loper, t, "uitnodigen", op="2026-11-25T15:00", plaats="directiekamer",
          met_wie="de groepsleerkracht en de directeur")
    return _vers(t)


def test_het_verslag_kan_niet_voor_het_gesprek_worden_vastgelegd(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    t = _tot_het_gesprek(loper, s, klok)
    klok.move_to(moment(2026, 11, 24, 10))
    loper.als(s.directeur_wz)  # a new day, a new session (30 minutes idle end the old one)
    pagina = client.get(reverse("sancties:time_out", args=[t.pk])).content.decode()
    assert 'id="stap-afronden"' not in pagina
    reden = ("Het gesprek met de ouders is op 25 november 2026 om 15:00. Het verslag van dat "
             "gesprek, door de ouders getekend, legt u vast nadat het gesprek heeft "
             "plaatsgevonden.")
    assert reden in pagina
    antwoord = _stap(loper, t, "afronden", verslag="Besproken.", getekend_op="2026-11-24",
                     scan=SimpleUploadedFile("verslag.pdf", PDF, "application/pdf"))
    # Refused before the form is read: back on the time-out's page with the reason, and the
    # scan is not kept for a step that cannot be taken yet.
    assert antwoord.redirect_chain == [(reverse("sancties:time_out", args=[t.pk]), 302)]
    assert meldingen(antwoord) == [reden]
    assert _vers(t).status == "goedgekeurd"
    assert not Document.objects.exists()


def test_de_scan_wordt_bewaard_bij_een_verkeerde_datum_en_is_alleen_via_het_dossier_te_openen(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    t = _tot_het_gesprek(loper, s, klok)
    klok.move_to(moment(2026, 11, 25, 16))
    # A signature dated before the talk: refused, and the file is kept for the next try
    antwoord = _stap(loper, t, "afronden", verslag="Incident besproken; afspraken gemaakt.",
                     getekend_op="2026-11-24",
                     scan=SimpleUploadedFile("verslag.pdf", PDF, "application/pdf"))
    assert antwoord.status_code == 400
    assert meldingen(antwoord) == [
        "Het verslag kan niet eerder getekend zijn dan het gesprek waarvan het verslag is "
        "(25 november 2026): de datum van ondertekening is 24 november 2026. Controleer de "
        "datum."]
    assert _vers(t).status == "goedgekeurd"
    pagina = antwoord.content.decode()
    assert "Het bestand ‘verslag.pdf’ blijft bewaard; u hoeft het niet opnieuw te kiezen." \
        in pagina
    document = Document.objects.get()
    assert document.dossierstuk is None and f'value="{document.token}"' in pagina
    assert "Incident besproken; afspraken gemaakt." in pagina  # what was typed stays too

    # The corrected date, without picking the file again
    _stap(loper, t, "afronden", verslag="Incident besproken; afspraken gemaakt.",
          getekend_op="2026-11-25", scan_token=str(document.token))
    t = _vers(t)
    assert (t.status, t.verslag_document_id) == ("afgerond", document.pk)
    stuk = Dossierstuk.objects.get(titel="Verslag gesprek time-out (getekend)")
    assert Document.objects.get().dossierstuk == stuk

    # The page links the scan; it opens through the dossier's access policy
    pagina = client.get(reverse("sancties:time_out", args=[t.pk])).content.decode()
    url = reverse("dossierstuk_document", args=[s.sanne.pk, stuk.pk])
    assert f'href="{url}"' in pagina and "sancties/time-out/" not in pagina
    dossier = client.get(reverse("dossier", args=[s.sanne.pk])).content.decode()
    assert f'<a href="{url}">verslag.pdf</a>' in dossier
    voor = Inzage.objects.count()
    r = client.get(url)
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r) == PDF and r["Cache-Control"] == "no-store"
    inzage = Inzage.objects.order_by("-pk").first()
    assert Inzage.objects.count() == voor + 1
    assert (inzage.user, inzage.leerling, inzage.onderdeel) == (
        s.directeur_wz, s.sanne, "dossier: gedrag (document)")
    # Whoever has no relation to the pupil: 404, as for a file that does not exist
    for buiten in (s.directie_ng, s.w.directie):
        client.force_login(buiten)
        assert client.get(url).status_code == 404
    assert Inzage.objects.count() == voor + 1


def test_een_scan_wordt_op_soort_en_grootte_gecontroleerd(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    t = _tot_het_gesprek(loper, s, klok)
    klok.move_to(moment(2026, 11, 25, 16))
    # A .pdf that is no PDF (checked by its content, not its name)
    antwoord = _stap(loper, t, "afronden", verslag="Besproken.",
                     scan=SimpleUploadedFile("verslag.pdf", b"MZ\x90\x00 geen pdf",
                                             "application/pdf"))
    assert antwoord.status_code == 400
    assert ("Het bestand ‘verslag.pdf’ is geen PDF, JPEG of PNG (gekeken naar de inhoud, niet "
            "naar de naam). Upload de scan als PDF, JPEG of PNG.") in antwoord.content.decode()
    # Too large
    groot = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
    antwoord = _stap(loper, t, "afronden", verslag="Besproken.",
                     scan=SimpleUploadedFile("groot.pdf", groot, "application/pdf"))
    assert antwoord.status_code == 400
    assert ("Het bestand ‘groot.pdf’ is te groot (10,0 MB); het mag ten hoogste 10 MB zijn."
            in antwoord.content.decode())
    assert not Document.objects.exists() and _vers(t).status == "goedgekeurd"
    # A PNG is accepted
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    _stap(loper, t, "afronden", verslag="Besproken.",
          scan=SimpleUploadedFile("verslag.png", png, "image/png"))
    assert _vers(t).verslag_document.mimetype == "image/png"


def test_een_verwijderd_stuk_neemt_zijn_scan_mee(
        client, scholen, klok, django_capture_on_commit_callbacks):
    """A removed entry keeps a tombstone; the scan kept with it goes (only name and size
    stay), and its download answers 404."""
    from dossiers import dossier

    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    t = _tot_het_gesprek(loper, s, klok)
    klok.move_to(moment(2026, 11, 25, 16))
    _stap(loper, t, "afronden", verslag="Besproken.",
          scan=SimpleUploadedFile("verslag.pdf", PDF, "application/pdf"))
    stuk = Dossierstuk.objects.get(titel="Verslag gesprek time-out (getekend)")
    url = reverse("dossierstuk_document", args=[s.sanne.pk, stuk.pk])
    assert client.get(url).status_code == 200
    dossier.stukken_verwijderen(door=s.directeur_wz, stukken=[stuk], grond="bewaartermijn",
                                toelichting="Bewaartermijn verstreken.", controleer=False)
    document = Document.objects.get()
    assert document.inhoud is None and document.bestandsnaam == "verslag.pdf"
    assert client.get(url).status_code == 404
