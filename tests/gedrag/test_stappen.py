"""After the measure: carried out or not (bijlage A: not kept goes to the (assistent)
teamleider), fraude as each statuut says (Echnaton art. 4.13, Noordgouw art. 23.1), the
genotsmiddelen rule (Noordgouw art. 11.6: parents and schoolleiding always told), the
beroep against a docent's measure (Echnaton art. 12 Beroep 1) and the one ladder."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.urls import reverse

from dossiers.models import Brief, Dossierstuk, Groep, Lesopdracht
from gedrag.models import Aangifte, Lesmaatregel, Stand
from klachten.models import Beroep
from statuut.models import Beroepsregel, Rol, Termijn, Termijnstatus
from tests.klachten.test_beroep_op_maatregel import _schorsing
from tests.personas import maak_gebruiker
from tests.sancties.helpers import pdf_tekst

URL = "/gedrag/registreren/"


def _opleggen(client, user, leerlingen, keuze="m:strafwerk", **extra):
    client.force_login(user)
    data = {"leerling": [ll.pk for ll in leerlingen], "keuze": keuze,
            "overtreding": "Praten tijdens de toets.", "datum": "2026-11-23", **extra}
    antwoord = client.post(URL, data)
    assert antwoord.status_code == 302, antwoord.content.decode()[-1500:]
    return list(Lesmaatregel.objects.filter(leerling__in=leerlingen).order_by("-pk"))


def _berichten(antwoord) -> list[str]:
    """The messages of this response (the imposing's own message dropped)."""
    return [str(m) for m in get_messages(antwoord.wsgi_request)
            if not str(m).startswith("Vastgelegd: ")]


def test_niet_uitgevoerd_strafwerk_opent_de_termijn_van_de_teamleider(client, w, klas):
    (m,) = _opleggen(client, w.docent, [w.anna], afspraak="100 regels inleveren",
                     uiterlijk="2026-11-24")
    pagina = client.get(f"/gedrag/maatregel/{m.pk}/").content.decode()
    assert f"/gedrag/maatregel/{m.pk}/niet_uitgevoerd/" in pagina
    assert f"/gedrag/maatregel/{m.pk}/intrekken/" in pagina
    antwoord = client.post(f"/gedrag/maatregel/{m.pk}/niet_uitgevoerd/",
                           {"toelichting": "Niet ingeleverd."})
    assert _berichten(antwoord) == ["Vastgelegd."]
    m = type(m).objects.get(pk=m.pk)
    assert m.stand == Stand.NIET_UITGEVOERD
    termijn = m.termijn_opvolging
    assert termijn.verantwoordelijke == w.teamleider  # of Anna's afdeling (onderbouw)
    assert termijn.status == Termijnstatus.OPEN
    assert termijn.vervaldatum == date(2026, 11, 30)  # 5 schooldagen (a DEFAULT of the preset)
    assert termijn.regel == "bijlage A eruit"
    # The docent cannot follow it up; the teamleider can, and the deadline is met.
    assert f"/gedrag/maatregel/{m.pk}/opvolgen/" not in client.get(
        f"/gedrag/maatregel/{m.pk}/").content.decode()
    client.force_login(w.teamleider)
    assert f"/gedrag/maatregel/{m.pk}/opvolgen/" in client.get(
        f"/gedrag/maatregel/{m.pk}/").content.decode()
    client.post(f"/gedrag/maatregel/{m.pk}/opvolgen/",
                {"toelichting": "Met de mentor besproken: gele kaart."})
    termijn = type(termijn).objects.get(pk=termijn.pk)
    assert termijn.status == Termijnstatus.VOLDAAN
    assert Dossierstuk.objects.filter(leerling=w.anna, titel__startswith="Opvolging").exists()


def test_een_waarschuwing_zonder_afspraak_kent_geen_uitvoering(client, w, klas):
    (m,) = _opleggen(client, w.docent, [w.anna])
    antwoord = client.post(f"/gedrag/maatregel/{m.pk}/uitgevoerd/", {"toelichting": "x"})
    assert _berichten(antwoord) == ["Bij deze maatregel is niets uit te voeren."]
    m = type(m).objects.get(pk=m.pk)
    assert m.stand == Stand.OPGELEGD


def test_alleen_wie_de_maatregel_oplegde_trekt_hem_in(client, w, klas):
    (m,) = _opleggen(client, w.docent, [w.anna])
    client.force_login(w.mentor)
    antwoord = client.post(f"/gedrag/maatregel/{m.pk}/intrekken/", {"toelichting": "fout"})
    assert "Alleen wie de maatregel oplegde" in _berichten(antwoord)[0]
    client.force_login(w.docent)
    client.post(f"/gedrag/maatregel/{m.pk}/intrekken/", {"toelichting": "Verkeerde leerling."})
    m = type(m).objects.get(pk=m.pk)
    assert m.stand == Stand.INGETROKKEN
    assert m.dossierstuk.titel.startswith("[Ingetrokken] Strafwerk")


def test_fraude_bij_echnaton_is_het_cijfer_1_0(client, w, klas):
    client.force_login(w.docent)
    stap2 = client.get(URL, {"leerling": [w.anna.pk]}).content.decode()
    assert 'value="f:cijfer-1"' in stap2 and "cijfer 1.0" in stap2
    (m,) = _opleggen(client, w.docent, [w.anna], keuze="f:cijfer-1", vak="wiskunde")
    assert (m.cijfer, m.artikel, m.is_fraude) == ("1.0", "4.13", True)
    assert "Cijfer: 1.0" in m.dossierstuk.inhoud
    assert "Artikel 4.13 van het leerlingenstatuut" in m.dossierstuk.inhoud
    assert m.dossierstuk.titel == ("Fraude: Het resultaat van de toets wordt beoordeeld met het "
                                   "cijfer 1.0 op 23-11-2026")


def test_fraude_bij_noordgouw_kiest_de_docent_een_van_de_vier_maatregelen(client, scholen, klok):
    ng = scholen
    client.force_login(ng.w.buitenstaander)  # mentor and docent of Dirk's group
    stap2 = client.get(URL, {"leerling": [ng.dirk.pk]}).content.decode()
    for code in ("waarschuwen", "deel-fout", "toets-innemen", "cijfer-1"):
        assert f'value="f:{code}"' in stap2
    (m,) = _opleggen(client, ng.w.buitenstaander, [ng.dirk], keuze="f:deel-fout")
    assert (m.cijfer, m.artikel) == ("", "23.1")
    assert "fout rekenen" in m.dossierstuk.titel
    (m,) = _opleggen(client, ng.w.buitenstaander, [ng.dirk], keuze="f:cijfer-1")[:1]
    assert m.cijfer == "1"


def test_wijzer_kent_geen_dagelijkse_maatregelen_en_geen_fraude(client, scholen, klok):
    client.force_login(scholen.leerkracht_wz)
    assert client.get(URL).status_code == 404


def test_genotsmiddelen_bij_noordgouw_ouders_per_brief_en_de_schoolleiding_ingelicht(
        client, scholen, klok, django_capture_on_commit_callbacks):
    ng = scholen
    with django_capture_on_commit_callbacks(execute=True):
        (m,) = _opleggen(client, ng.w.buitenstaander, [ng.dirk], keuze="m:strafwerk",
                         categorie="genotsmiddelen",
                         overtreding="Rookte een sigaret op het schoolplein.")
    brief = Brief.objects.get(soort="gedrag_melding_ouders", bron_id=m.pk)
    tekst = pdf_tekst(brief)
    assert "Dirk" in tekst and "Genotsmiddelen (roken, alcohol)" in tekst
    assert "Rookte een sigaret op het schoolplein." in tekst
    assert "altijd op de hoogte" in tekst
    # Imposed as the schoolleiding: Noordgouw gives no beroep within the school against it.
    assert m.opgelegd_als != "docent" and "Beroep binnen de school" not in tekst
    assert [o.partij for o in brief.ontvangers.all()] == ["ouders"]
    melding = m.termijn_melding
    assert (melding.verantwoordelijke_rol, melding.regel) == ("directie", "11.6")
    assert melding.vervaldatum == date(2026, 11, 24)
    assert m.aangifte == Aangifte.OPEN
    # The directie records that no aangifte was made, and why (art. 11.2.10 "indien van
    # toepassing").
    client.force_login(ng.w.buitenstaander)
    client.post(f"/gedrag/maatregel/{m.pk}/aangifte/",
                {"gedaan": "nee", "reden": "Roken is geen strafbaar feit."})
    m = type(m).objects.get(pk=m.pk)
    assert m.aangifte == Aangifte.NIET_GEDAAN
    assert "Geen aangifte gedaan: Roken is geen strafbaar feit." in m.dossierstuk.inhoud
    # The schoolleiding takes note: its deadline is met.
    client.post(f"/gedrag/maatregel/{m.pk}/melding/", {"toelichting": "Ouders gebeld."})
    melding = Termijn.objects.get(pk=melding.pk)
    assert melding.status == Termijnstatus.VOLDAAN


def test_de_brief_over_de_straf_van_een_docent_noemt_het_beroep_bij_de_afdelingsleider(
        client, scholen, klok, django_capture_on_commit_callbacks):
    """Noordgouw art. 22.3: a punishment a teacher gave may be put to the afdelingsleider;
    the letter to the parents (art. 11.6) says so, from the one appeal mechanism's remedy
    for this measure. The statuut sets no term."""
    ng = scholen
    docent = maak_gebruiker("docent-ng-brief", "N. Leraar", ng.w.andere_school, Rol.DOCENT)
    Lesopdracht.objects.create(docent=docent.medewerker, vak="biologie",
                               groep=Groep.objects.get(school=ng.w.andere_school))
    with django_capture_on_commit_callbacks(execute=True):
        (m,) = _opleggen(client, docent, [ng.dirk], keuze="m:strafwerk",
                         categorie="genotsmiddelen", overtreding="Rookte in de fietsenstalling.")
    assert m.opgelegd_als == "docent"
    tekst = pdf_tekst(Brief.objects.get(soort="gedrag_melding_ouders", bron_id=m.pk))
    assert ("Beroep binnen de school. Dit is een maatregel van de docent. Daartegen kunt u in "
            "beroep gaan bij de teamleider van Noordgouw Testlyceum") in tekst
    assert "Het beroep wordt binnen" not in tekst


def test_noordgouw_de_docent_kiest_waarschuwing_strafwerk_of_corvee(client, scholen, klok):
    client.force_login(scholen.w.buitenstaander)
    stap2 = client.get(URL, {"leerling": [scholen.dirk.pk]}).content.decode()
    for code in ("waarschuwing", "strafwerk", "corvee"):
        assert f'value="m:{code}"' in stap2
    assert 'value="m:time-out"' not in stap2  # the sancties' page (art. 22.4d)
    (m,) = _opleggen(client, scholen.w.buitenstaander, [scholen.dirk], keuze="m:corvee",
                     afspraak="Aula opruimen na de lunch", uiterlijk="2026-11-24")
    assert (m.maatregelsoort.trede, m.artikel) == (4, "22.4")


def test_bij_echnaton_wapens_vraagt_de_aangifte_met_datum_en_wie(client, w, klas):
    (m,) = _opleggen(client, w.teamleider, [w.anna], keuze="m:gele-kaart", categorie="wapens")
    assert m.aangifte == Aangifte.OPEN and m.termijn_melding is None
    assert not Brief.objects.filter(bron_id=m.pk, soort="gedrag_melding_ouders").exists()
    client.force_login(w.teamleider)
    client.post(f"/gedrag/maatregel/{m.pk}/aangifte/",
                {"gedaan": "ja", "op": "2026-11-23", "door_wie": "T. Leider"})
    m = type(m).objects.get(pk=m.pk)
    assert (m.aangifte, m.aangifte_op, m.aangifte_door) == (Aangifte.GEDAAN, date(2026, 11, 23),
                                                             "T. Leider")


def test_beroep_tegen_het_strafwerk_van_de_docent_vernietigd_trekt_het_in(client, w, klas):
    (m,) = _opleggen(client, w.docent, [w.anna], afspraak="100 regels",
                     uiterlijk="2026-11-25")
    sleutel = f"{ContentType.objects.get_for_model(m).pk}-{m.pk}"
    regel = Beroepsregel.objects.get(statuut__school=w.school, code="beroep-docent")
    client.force_login(w.mentor)
    pagina = client.get(f"/gedrag/maatregel/{m.pk}/").content.decode()
    assert f"maatregel={sleutel}" in pagina
    antwoord = client.post(reverse("klachten:beroep_instellen"), {
        "leerling": w.anna.pk, "regel": regel.pk, "maatregel": sleutel,
        "toelichting": "Anna was het niet.", "ingediend_op": "2026-11-23"})
    assert antwoord.status_code == 302, antwoord.content.decode()[-2000:]
    beroep = Beroep.objects.get()
    assert beroep.maatregel == m
    assert beroep.termijn.verantwoordelijke == w.teamleider
    client.force_login(w.teamleider)
    client.post(reverse("klachten:beroep", args=[beroep.pk]),
                {"uitkomst": "vernietigd", "beslissing": "De buurman was het."})
    m = type(m).objects.get(pk=m.pk)
    assert m.stand == Stand.INGETROKKEN
    assert m.dossierstuk.titel == "[Vervallen] Strafwerk op 23-11-2026"
    assert "Vernietigd na beroep." in m.toelichting


def test_het_ladderpaneel_toont_strafwerk_en_schorsing_in_een_chronologie(
        client, w, klas, django_capture_on_commit_callbacks):
    _schorsing(w, w.teamleider, 1, django_capture_on_commit_callbacks)
    _opleggen(client, w.docent, [w.anna], overtreding="Schold een klasgenoot uit.")
    client.force_login(w.mentor)
    pagina = client.get(f"/leerlingen/{w.anna.pk}/").content.decode()
    paneel = pagina[pagina.index('id="maatregelen"'):]
    paneel = paneel[:paneel.index("</section>")]
    # One chronology, newest first; on the same day the higher rung first (the schorsing,
    # trede 6, decided today; the strafwerk, trede 1, of today).
    assert "Strafwerk" in paneel and "Eendaagse schorsing" in paneel
    assert paneel.index("Eendaagse schorsing") < paneel.index("Strafwerk")
    assert paneel.count("23-11-2026") == 2
    assert "Schold een klasgenoot uit." in paneel


def test_een_docent_van_een_andere_groep_ziet_de_maatregel_niet(client, w, klas):
    (m,) = _opleggen(client, w.docent, [w.anna])
    client.force_login(w.docent_4h)
    assert client.get(f"/gedrag/maatregel/{m.pk}/").status_code == 404
    client.force_login(w.beheerder)
    assert client.get(f"/gedrag/maatregel/{m.pk}/").status_code == 404


def test_een_tweede_docent_van_de_groep_mag_strafwerk_geven(client, w, klas):
    tweede = maak_gebruiker("docent-2", "Q. Tweede", w.school, "docent")
    Lesopdracht.objects.create(docent=tweede.medewerker, groep=Groep.objects.get(
        pk=w.groep_1a.pk), vak="Engels")
    assert len(_opleggen(client, tweede, klas[:2])) == 2
    assert not Termijn.objects.filter(omschrijving__startswith="Strafafspraak").exists()
