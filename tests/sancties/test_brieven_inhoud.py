"""Issue 12, points 11-13: a decision letter a parent can act on. Walked through the pages,
read back from the PDF: the bezwaar paragraph says where (the board's name and address from
the school's settings), how (in writing, with reasons, signed) and by when (the date); the
internal beroep of Echnaton art. 12 Beroep 2 appears against a measure of the teamleiding
only; neither appears at Noordgouw (art. 24.4); the decision-maker is named with their
function and signs, in mandate where so; the measure's name follows its length; the remedy
and the signature stay together on one page."""

from __future__ import annotations

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from dossiers.models import Brief, Briefinstellingen
from sancties.models import TimeOut

from .helpers import Loper
from .test_schorsing_echnaton import _tot_gehoord

MOTIVERING = "Opzettelijke vernieling van schooleigendom."


def _paginas(brief: Brief) -> list[str]:
    brief = Brief.objects.get(pk=brief.pk)
    reader = PdfReader(BytesIO(bytes(brief.pdf)))
    return [" ".join(p.extract_text().split()) for p in reader.pages]


def _bestuursadres(school) -> None:
    Briefinstellingen.objects.filter(school=school).update(
        bevoegd_gezag_adres="t.a.v. het College van Bestuur\nPostbus 100\n3500 AC Utrecht",
        bevoegd_gezag_email="bestuur@testscholen.example")


def _besluit(loper, schorsing, schooldagen: int, **extra):
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen=str(schooldagen),
               motivering=MOTIVERING, opdrachten="Huiswerk via de studiewijzer.", **extra)
    return Brief.objects.get(sleutel=f"schorsing:{schorsing.pk}:besluit")


def test_eendaagse_schorsing_van_de_teamleider_bezwaar_en_intern_beroep(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    _bestuursadres(w.school)
    w.teamleider.medewerker.functie = "teamleider onderbouw"
    w.teamleider.medewerker.save()
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    schorsing = _tot_gehoord(loper, w.anna, w.teamleider)
    paginas = _paginas(_besluit(loper, schorsing, 1))
    assert len(paginas) == 1  # it fits: one page
    tekst = paginas[0]
    for zin in [
        # the board's name from the Bestuur row, in the letterhead and as the bevoegd gezag
        "Echnaton Testcollege Stichting Testscholen",
        # addressees as art. 8.4 names them
        "Aan: J. de Vries (ouder/verzorger); Anna de Vries (leerling); M. Mentor (mentor)",
        "Geachte ouder/verzorger, beste Anna,",
        "Maatregel Eendaagse schorsing", "Periode 25 november 2026 (1 schooldag)",
        "Dit besluit is genomen door T. Leider, teamleider onderbouw, in mandaat namens de "
        "directie.",
        "artikel 8.2 van het Leerlingenstatuut OSG Echnaton 2009-2011",
        # bezwaar: by when, how, where
        "binnen 6 weken na de datum van dit besluit bezwaar maken, dus uiterlijk 4 januari "
        "2027",
        "Doe dit schriftelijk: vermeld uw naam en adres, de datum van dit besluit en de reden "
        "waarom u het er niet mee eens bent, en onderteken de brief.",
        "Stuur uw bezwaarschrift aan Stichting Testscholen, t.a.v. het College van Bestuur, "
        "Postbus 100, 3500 AC Utrecht, of per e-mail aan bestuur@testscholen.example",
        # art. 12 Beroep 2: against a measure of the teamleiding, to the schoolleiding
        "Beroep binnen de school. Dit is een maatregel van de teamleider. Daartegen kunt u ook "
        "schriftelijk in beroep gaan bij de directie van Echnaton Testcollege",
        "Het beroep wordt binnen 10 schooldagen afgehandeld. Zie artikel 12 beroep 2",
        # the decision-maker signs, stating the mandate
        "Met vriendelijke groet, T. Leider teamleider onderbouw, in mandaat namens de directie",
        "Afschrift aan: Stichting Testscholen, Inspectie van het Onderwijs",
    ]:
        assert zin in tekst, zin
    assert "Demoscholen" not in tekst and "R. Rector" not in tekst


def test_twee_dagen_heten_geen_driedaagse_schorsing_en_de_directie_kent_geen_intern_beroep(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.directie)
    schorsing = _tot_gehoord(loper, w.anna, w.directie, schooldagen=2)
    tekst = " ".join(_paginas(_besluit(loper, schorsing, 2)))
    assert "Maatregel Schorsing van 2 schooldagen" in tekst
    assert "Periode 25 november 2026 tot en met 26 november 2026 (2 schooldagen)" in tekst
    assert "Driedaagse" not in tekst and "2 schooldag)" not in tekst
    assert "Bezwaar maken." in tekst and "uiterlijk 4 januari 2027" in tekst
    assert "Beroep binnen de school" not in tekst  # art. 12: no beroep against schoolleiding
    assert "Dit besluit is genomen door R. Rector, directie." in tekst
    assert "in mandaat" not in tekst


def test_noordgouw_geen_bezwaar_en_geen_beroep(client, scholen, klok,
                                              django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    schorsing = loper.voorstellen(s.dirk, gronden=[
        "Foto-, video- of audio-opnamen van medeleerlingen of personeel zonder toestemming "
        "maken en publiceren (art. 11.5 lid 6)"], eerste_dag="2026-11-24", schooldagen="2")
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer directie")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23",
               gehoord_door=[s.directie_ng.pk, s.afdelingsleider_ng.pk], ouders_aanwezig="on",
               verslag="Dirk geeft de opnamen toe.")
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-24", schooldagen="2",
               motivering="Privacy van medeleerlingen geschonden.", opdrachten="")
    brief = Brief.objects.get(sleutel=f"schorsing:{schorsing.pk}:besluit")
    tekst = " ".join(_paginas(brief))
    assert "Aan: Dirk Visser (leerling); K. Visser (ouder/verzorger)" in tekst  # art. 24.3
    assert "Beste Dirk, geachte ouder/verzorger," in tekst
    assert "Maatregel Schorsing van 2 schooldagen" in tekst
    assert "ten hoogste" not in tekst
    assert "Bezwaar maken" not in tekst and "bezwaarschrift" not in tekst
    assert "Beroep binnen de school" not in tekst
    assert "kan tegen dit besluit geen bezwaar worden gemaakt" in tekst


def test_wijzer_time_out_ondertekend_door_de_directeur_die_hem_goedkeurde(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    s.directeur_wz.medewerker.functie = "directeur"
    s.directeur_wz.medewerker.save()
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.leerkracht_wz)
    loper.post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]), {
        "incident": "Sanne gooide een stoel naar een klasgenoot.",
        "motivering": "Veiligheid van de groep."})
    t = TimeOut.objects.get()
    loper.als(s.directeur_wz)
    for stap, data in [("goedkeuren", {"besluit": "ja"}),
                       ("informeren", {"telefoonnotitie": "Moeder gebeld om 10.10 uur."})]:
        loper.post(reverse("sancties:time_out_stap", args=[t.pk, stap]), data)
    [tekst] = _paginas(Brief.objects.get(soort="sanctie_time_out"))
    assert "Aan: P. Smit (ouder/verzorger)" in tekst
    assert "Op 23 november 2026 heeft Sanne een time-out gekregen. De time-out duurt niet " \
           "langer dan die dag." in tekst
    assert "(Time-out (rest van de dag))" not in tekst
    assert "Met vriendelijke groet, W. Directeur directeur" in tekst
    assert "R. Rector" not in tekst  # the school's default signatory does not sign it


def test_bezwaar_en_ondertekening_staan_samen_ook_als_de_brief_twee_paginas_heeft(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    lang = " ".join(["De leerling gooide opzettelijk een ruit in van lokaal 1.12."] * 40)
    schorsing = _tot_gehoord(loper, w.anna, w.teamleider, feiten=lang)
    paginas = _paginas(_besluit(loper, schorsing, 1))
    assert len(paginas) == 2
    laatste = paginas[-1]
    assert "Bezwaar maken." in laatste and "Met vriendelijke groet" in laatste
    assert "Beroep binnen de school" in laatste
    assert "Bezwaar maken" not in paginas[0]
    # never alone: body text of the letter comes along to the second page
    assert laatste.index("niet algemeen bekendgemaakt") < laatste.index("Bezwaar maken.")


def test_de_naam_van_een_maatregel_volgt_zijn_lengte_ook_buiten_de_brief(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    client.force_login(w.teamleider)
    pagina = client.get(reverse("sancties:schorsing_nieuw", args=[w.anna.pk])).content.decode()
    assert "Eendaagse schorsing: ten hoogste 1 schooldag " in pagina
    assert "1 schooldagen" not in pagina
    # The teamleider may not decide two days (art. 8.2: the schoolleiding); the refusal names
    # the measure by its length.
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    schorsing = _tot_gehoord(loper, w.anna, w.teamleider, schooldagen=2)
    antwoord = loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen="2",
                          motivering=MOTIVERING, opdrachten="")
    tekst = antwoord.content.decode()
    assert "Dit mag u niet: een schorsing van 2 schooldagen opleggen" in tekst
    assert "driedaagse schorsing (2 schooldagen)" not in tekst
