"""Time-out (seed 004; Noordgouw art. 22.4 d): the rest of the day, effective only with the
directeur's approval where the statuut asks it, parents told at once with reasons (phone
call and letter) or the grounds not to recorded, a talk, and the signed report in the dossier;
never past the day it started."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dossiers.models import Brief, Dossierstuk
from sancties.models import TimeOut

from .conftest import moment
from .helpers import Loper, meldingen, pdf_tekst


def _vers(t: TimeOut) -> TimeOut:
    return TimeOut.objects.get(pk=t.pk)


def _stap(loper: Loper, t: TimeOut, stap: str, **data):
    return loper.post(reverse("sancties:time_out_stap", args=[t.pk, stap]), data)


def test_wijzer_time_out_met_goedkeuring_ouders_gebeld_en_getekend_verslag(
        client, scholen, klok, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.leerkracht_wz)
    pagina = client.get(reverse("leerling", args=[s.sanne.pk])).content.decode()
    assert "Time-out vastleggen" in pagina
    loper.post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]), {
        "incident": "Sanne gooide een stoel naar een klasgenoot.",
        "motivering": "Veiligheid van de groep."})
    t = TimeOut.objects.get()
    # Effective only with the directeur's approval
    assert (t.status, t.maatregel.code, str(t.datum)) == ("voorgesteld", "time-out",
                                                          "2026-11-23")
    # The leerkracht cannot approve
    antwoord = _stap(loper, t, "goedkeuren", besluit="ja")
    assert meldingen(antwoord) == [
        "Dit mag u niet: de time-out goedkeuren is volgens het onderdeel ‘Time-out’ van het "
        "Protocol time-out, schorsing en verwijdering van leerlingen (Wijzer) voorbehouden "
        "aan Directie / schoolleiding."]
    assert _vers(t).status == "voorgesteld"

    klok.move_to(moment(2026, 11, 23, 10, 5))
    loper.als(s.directeur_wz)
    _stap(loper, t, "goedkeuren", besluit="ja")
    t = _vers(t)
    assert (t.status, t.goedgekeurd_door) == ("goedgekeurd", s.directeur_wz)
    assert t.goedgekeurd_op == moment(2026, 11, 23, 10, 5)

    antwoord = _stap(loper, t, "informeren")
    assert meldingen(antwoord) == [
        "Leg het telefoongesprek met de ouders vast, of de redelijke gronden om hen niet te "
        "informeren (één van beide)."]
    _stap(loper, t, "informeren",
          telefoonnotitie="Moeder gebeld om 10.10 uur; zij haalt Sanne op.")
    brief = Brief.objects.get(soort="sanctie_time_out")
    tekst = pdf_tekst(brief)
    for zin in ["Sanne", "23 november 2026", "stoel naar een klasgenoot",
                "Veiligheid van de groep", "goedgekeurd door W. Directeur",
                "het onderdeel ‘Time-out’ van het Protocol"]:
        assert zin in tekst, zin

    _stap(loper, t, "uitnodigen", op="2026-11-25T15:00", plaats="directiekamer",
          met_wie="de groepsleerkracht L. Leerkracht en directeur W. Directeur")
    uitnodiging = Brief.objects.get(soort="uitnodiging_gesprek")
    assert "25 november 2026" in pdf_tekst(uitnodiging)

    klok.move_to(moment(2026, 11, 25, 16))
    antwoord = _stap(loper, t, "afronden", verslag="Incident besproken; afspraken gemaakt.")
    assert meldingen(antwoord) == [
        "Het verslag wordt door de ouders voor gezien getekend: upload de getekende scan of "
        "vul de datum van ondertekening in."]
    scan = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 getekend", "application/pdf")
    _stap(loper, t, "afronden", verslag="Incident besproken; afspraken gemaakt.", scan=scan)
    t = _vers(t)
    assert t.status == "afgerond" and t.verslag_document.bestandsnaam == "verslag.pdf"
    titels = list(Dossierstuk.objects.filter(leerling=s.sanne, sectie="gedrag")
                  .order_by("pk").values_list("titel", flat=True))
    assert titels == ["Incident en voorstel time-out", "Time-out goedgekeurd",
                      "Ouders gebeld over de time-out", "Time-out",
                      "Uitnodiging gesprek over de time-out",
                      "Verslag gesprek time-out (getekend)"]
    pagina = client.get(reverse("leerling", args=[s.sanne.pk])).content.decode()
    assert "Time-out (rest van de dag)" in pagina


def test_goedkeuren_na_de_dag_zelf_kan_niet(client, scholen, klok,
                                            django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directeur_wz)
    loper.post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]),
               {"incident": "Schoppen.", "motivering": "Veiligheid."})
    t = TimeOut.objects.get()
    klok.move_to(moment(2026, 11, 24, 8, 30))
    antwoord = _stap(loper, t, "goedkeuren", besluit="ja")
    assert meldingen(antwoord) == [
        "Een time-out duurt niet langer dan de dag waarop hij inging (23 november 2026): "
        "goedkeuren kan nu niet meer."]
    assert _vers(t).status == "voorgesteld"


def test_noordgouw_time_out_zonder_goedkeuring_en_ouders_niet_geinformeerd(
        client, scholen, django_capture_on_commit_callbacks):
    """Art. 22.4 d names no approver: the afdelingsleider's time-out takes effect at once."""
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.afdelingsleider_ng)
    loper.post(reverse("sancties:time_out_nieuw", args=[s.dirk.pk]),
               {"incident": "Dirk verstoorde de les.", "motivering": "Rust in de klas."})
    t = TimeOut.objects.get()
    assert (t.status, t.goedgekeurd_door) == ("goedgekeurd", s.afdelingsleider_ng)
    _stap(loper, t, "informeren",
          niet_informeren_gronden="Melding huiselijk geweld loopt; ouders nu niet bellen.")
    t = _vers(t)
    assert t.niet_informeren_gronden and t.ouders_gebeld_op is None
    assert not Brief.objects.filter(soort="sanctie_time_out").exists()
    # A docent at Noordgouw may not propose a time-out (rung: teamleider, directie)
    client.force_login(s.directie_ng)  # directie may
    assert client.get(reverse("sancties:time_out_nieuw", args=[s.dirk.pk])).status_code == 200
