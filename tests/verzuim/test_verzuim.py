"""Te laat en verzuim (issue 14) through the pages, with exact counts and dates.

Echnaton (the personas' school, region midden, 2026-2027): the first school week starts
31 August 2026; period 1 (six school weeks) runs 31 August - 9 October, period 2 12 October
- 27 November across the herfstvakantie (17-25 October), period 3 from 30 November."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from dossiers.models import Dossierstuk
from statuut.models import Termijnstatus
from tests.queries import warm
from verzuim import perioden, services
from verzuim.models import Absentie, Actiestatus, Drempelactie, Oordeel, TeLaat

VANDAAG = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _vandaag():
    # Before the personas: their groups belong to the school year of "today".
    with time_machine.travel(f"{VANDAAG:%Y-%m-%d} 10:00 +0100", tick=False):
        perioden.vergeet_cache()
        yield
    perioden.vergeet_cache()


@pytest.fixture
def w(termijnwereld):
    # The mentor also mentors 4H (bovenbouw), so Chris has a mentor.
    termijnwereld.groep_4h.mentoren.add(termijnwereld.mentor.medewerker)
    return termijnwereld


def _te_laat(client, user, leerling, datum: date, lesuur: int = 1, **extra):
    client.force_login(user)
    return client.post("/verzuim/te-laat/", {
        "leerling": leerling.pk, "datum": datum.isoformat(), "lesuur": lesuur, "minuten": 10,
        "oordeel": extra.pop("oordeel", Oordeel.ONGEOORLOOFD), **extra})


def _acties(leerling):
    return {a.drempelcode: a for a in Drempelactie.objects.filter(leerling=leerling)}


def test_een_periode_van_zes_schoolweken_loopt_over_de_herfstvakantie(w):
    school = w.school
    eerste = perioden.periode_op(school, date(2026, 9, 1), 6)
    assert (eerste.nummer, eerste.van, eerste.tot) == (1, date(2026, 8, 31), date(2026, 10, 9))
    tweede = perioden.periode_op(school, date(2026, 10, 12), 6)
    assert (tweede.nummer, tweede.van, tweede.tot) == (2, date(2026, 10, 12),
                                                       date(2026, 11, 27))
    assert perioden.periode_op(school, date(2026, 10, 20), 6) is None  # herfstvakantie
    assert perioden.periode_op(school, date(2026, 11, 27), 6).nummer == 2
    assert perioden.periode_op(school, date(2026, 11, 30), 6).nummer == 3


def test_de_3e_6e_en_7e_keer_ongeoorloofd_te_laat_in_een_periode(client, w):
    """Echnaton bijlage A, bovenbouw: 3rd = two hours made up (mentor), 6 = talk with pupil
    and parents, more than 6 = report to the leerplichtambtenaar; each once per period."""
    dagen = [date(2026, 10, 13), date(2026, 10, 14), date(2026, 10, 15), date(2026, 10, 16),
             date(2026, 10, 26), date(2026, 10, 27), date(2026, 10, 28), date(2026, 10, 29)]
    for dag in dagen[:2]:
        assert _te_laat(client, w.docent_4h, w.chris, dag).status_code == 302
    assert _acties(w.chris) == {}
    _te_laat(client, w.docent_4h, w.chris, dagen[2])
    inhalen = _acties(w.chris)["te-laat-bovenbouw-3"]
    assert (inhalen.overschreden_op, inhalen.aantal, inhalen.periode) == (dagen[2], 3, 2)
    # Five school days from 15 October, the herfstvakantie skipped: 29 October.
    assert inhalen.termijn.vervaldatum == date(2026, 10, 29)
    assert inhalen.termijn.verantwoordelijke == w.mentor
    for dag in dagen[3:6]:
        _te_laat(client, w.docent_4h, w.chris, dag)
    acties = _acties(w.chris)
    assert set(acties) == {"te-laat-bovenbouw-3", "te-laat-bovenbouw-6"}
    assert acties["te-laat-bovenbouw-6"].overschreden_op == date(2026, 10, 27)
    assert acties["te-laat-bovenbouw-6"].termijn.verantwoordelijke == w.mentor
    _te_laat(client, w.docent_4h, w.chris, dagen[6])
    acties = _acties(w.chris)
    assert set(acties) == {"te-laat-bovenbouw-3", "te-laat-bovenbouw-6",
                           "te-laat-bovenbouw-7"}
    melding = acties["te-laat-bovenbouw-7"]
    assert melding.overschreden_op == date(2026, 10, 28)
    assert melding.termijn.verantwoordelijke_rol == "administratie"
    # An 8th time in the same period opens nothing again.
    _te_laat(client, w.docent_4h, w.chris, dagen[7])
    assert Drempelactie.objects.filter(leerling=w.chris).count() == 3
    # Every registration is a dossier entry in "verzuim" with its author.
    stukken = Dossierstuk.objects.filter(leerling=w.chris, sectie="verzuim",
                                         titel__startswith="Te laat")
    assert stukken.count() == 8 and {s.auteur for s in stukken} == {w.docent_4h}
    # The mentor's overview: 8 in period 2, three open steps.
    client.force_login(w.mentor)
    pagina = client.get("/verzuim/overzicht/").content.decode()
    assert "Periode 2: 12-10-2026 tot en met 27-11-2026" in pagina
    rij = pagina.split('data-leerling="1003"')[1].split("</tr>")[0]
    assert '<td class="te-laat-aantal">8</td>' in rij
    assert "uiterlijk 29-10-2026" in rij


def test_meer_dan_zes_in_twee_opeenvolgende_perioden_is_een_schorsingsvoorstel(client, w):
    periode_1 = [date(2026, 9, d) for d in (1, 2, 3, 4, 7, 8, 9)]
    periode_2 = [date(2026, 10, d) for d in (12, 13, 14, 15, 16, 26, 27)]
    for dag in periode_1 + periode_2:
        services.te_laat_registreren(door=w.docent_4h, leerling=w.chris, datum=dag, lesuur=1,
                                     minuten=5)
    schorsing = _acties(w.chris)["te-laat-bovenbouw-2-perioden"]
    assert (schorsing.periode, schorsing.overschreden_op) == (2, date(2026, 10, 27))
    # The schoolleiding acts through the directie (organen:).
    assert schorsing.termijn.verantwoordelijke_rol == "directie"
    assert Drempelactie.objects.filter(leerling=w.chris,
                                       drempelcode="te-laat-bovenbouw-7").count() == 2


def test_een_correctie_onder_de_drempel_sluit_wat_ze_opende(client, w):
    dagen = [date(2026, 10, 13), date(2026, 10, 14), date(2026, 10, 15)]
    for dag in dagen:
        _te_laat(client, w.docent_4h, w.chris, dag)
    inhalen = _acties(w.chris)["te-laat-bovenbouw-3"]
    assert inhalen.status == Actiestatus.OPEN
    te_laat = TeLaat.objects.get(leerling=w.chris, datum=dagen[0])
    # The docent may not judge (bijlage A: the mentor decides).
    client.force_login(w.docent_4h)
    antwoord = client.post(f"/verzuim/te-laat/{te_laat.pk}/beoordelen/", {
        "oordeel": "geoorloofd", "toelichting": "briefje"})
    assert antwoord.status_code == 404
    client.force_login(w.mentor)
    antwoord = client.post(f"/verzuim/te-laat/{te_laat.pk}/beoordelen/", {
        "oordeel": "geoorloofd", "toelichting": "Pech met de fiets; moeder bevestigt.",
        "briefje_ouders": "Fietsband lek. J. Bakker"})
    assert antwoord.status_code == 302
    inhalen = Drempelactie.objects.get(pk=inhalen.pk)
    assert inhalen.status == Actiestatus.VERVALLEN
    assert "onder de drempel van 3" in inhalen.notitie
    assert inhalen.termijn.status == Termijnstatus.VERVALLEN
    te_laat = TeLaat.objects.get(pk=te_laat.pk)
    assert te_laat.oordeel == Oordeel.GEOORLOOFD and te_laat.beoordeeld_door == w.mentor
    # The judgement is an addendum of the registration's entry, which stays as it was.
    addendum = te_laat.dossierstuk
    assert addendum.vervangt is not None and addendum.auteur == w.mentor
    assert "Oordeel: ongeoorloofd" in addendum.vervangt.inhoud
    assert "Oordeel: geoorloofd" in addendum.inhoud
    assert Dossierstuk.objects.filter(leerling=w.chris,
                                      titel__startswith="Verzuimactie vervallen").count() == 1
    # Judged again the same way: refused, nothing changes.
    antwoord = client.post(f"/verzuim/te-laat/{te_laat.pk}/beoordelen/", {
        "oordeel": "geoorloofd", "toelichting": "nogmaals"})
    assert antwoord.status_code == 400
    assert "al geoorloofd" in antwoord.content.decode()


def _absent(client, user, leerling, datum: date, uren: int):
    client.force_login(user)
    return client.post("/verzuim/absentie/", {
        "leerling": leerling.pk, "datum": datum.isoformat(), "uren": uren,
        "melding": "niet_gemeld", "oordeel": "ongeoorloofd"})


def test_16_uur_ongeoorloofd_in_vier_schoolweken_is_een_melding_leerplicht(client, w):
    """Leerplichtwet art. 21a (Echnaton: 'vaker-absent', 16 lesuren in 4 weken): the window
    5 October - 3 November is four school weeks, the herfstvakantie not counted."""
    for dag, uren in [(date(2026, 10, 6), 5), (date(2026, 10, 13), 5),
                      (date(2026, 10, 27), 5)]:
        assert _absent(client, w.administratie, w.anna, dag, uren).status_code == 302
    assert not Drempelactie.objects.filter(leerling=w.anna).exists()  # 15 hours
    _absent(client, w.administratie, w.anna, date(2026, 11, 3), 1)
    melding = Drempelactie.objects.get(leerling=w.anna, drempelcode="vaker-absent")
    assert (melding.van, melding.tot, melding.aantal) == (date(2026, 10, 5),
                                                          date(2026, 11, 3), 16)
    assert melding.overschreden_op == date(2026, 11, 3)
    assert melding.termijn.vervaldatum == date(2026, 11, 10)  # 5 schooldagen (DEFAULT)
    # The leerplicht overview and the report's data, also as CSV.
    client.force_login(w.administratie)
    pagina = client.get("/verzuim/leerplicht/").content.decode()
    assert "Anna de Vries" in pagina and "10-11-2026" in pagina and "03-11-2026" in pagina
    rapport = client.get(f"/verzuim/actie/{melding.pk}/").content.decode()
    assert "16 uur" in rapport and "06-10-2026" in rapport
    csv_ = client.get(f"/verzuim/actie/{melding.pk}/?formaat=csv").content.decode()
    assert csv_.count("\n") == 5 and "1001;Anna de Vries;14-03-2012;1A;27-10-2026" in csv_
    lijst = client.get("/verzuim/leerplicht/?formaat=csv").content.decode()
    assert "1001;Anna de Vries;14-03-2012;05-10-2026;03-11-2026;16;03-11-2026;10-11-2026" \
        in lijst
    # A docent holds no leerplicht rows: no page.
    client.force_login(w.docent)
    assert client.get("/verzuim/leerplicht/").status_code == 404


def test_wie_mag_registreren_volgt_de_rijen(client, w):
    # The docent of 1A registers for Anna, not for Chris (4H); an outsider sees nothing.
    assert _te_laat(client, w.docent, w.anna, date(2026, 11, 2)).status_code == 302
    # Onderbouw (bijlage A): every ongeoorloofd te laat, report the next day; said at once.
    assert "Volgende dag melden op het 6e of 7e uur" in \
        TeLaat.objects.get(leerling=w.anna).dossierstuk.inhoud
    assert _te_laat(client, w.docent, w.chris, date(2026, 11, 2)).status_code == 400
    assert not TeLaat.objects.filter(leerling=w.chris).exists()
    client.force_login(w.buitenstaander)
    assert client.get("/verzuim/te-laat/").status_code == 404
    # Their own school's overview (Noordgouw) shows their own pupil, none of Echnaton's.
    pagina = client.get("/verzuim/overzicht/").content.decode()
    assert "Dirk Visser" in pagina and "Anna" not in pagina and "Chris" not in pagina
    # A Saturday is no school day; the same lesson twice is refused.
    antwoord = _te_laat(client, w.administratie, w.anna, date(2026, 11, 7))
    assert antwoord.status_code == 400 and "geen schooldag" in antwoord.content.decode()
    antwoord = _te_laat(client, w.administratie, w.anna, date(2026, 11, 2))
    assert antwoord.status_code == 400 and "al als te laat" in antwoord.content.decode()
    assert TeLaat.objects.filter(leerling=w.anna).count() == 1


GOED = ("leerlingnummer;datum;lesuur;code;minuten;opmerking\n"
        "1001;13-10-2026;1;TL;10;verslapen\n"
        "1003;14-10-2026;2;AO;;\n"
        "1003;14-10-2026;3;AO;;\n")


def _importeer(client, user, inhoud: bytes, naam="verzuim.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(user)
    return client.post("/verzuim/import/", {"bestand": SimpleUploadedFile(naam, inhoud)})


def test_import_is_idempotent(client, w):
    antwoord = _importeer(client, w.administratie, GOED.encode())
    assert antwoord.status_code == 200
    assert "Geïmporteerd: 3 nieuwe registratie(s); 0 al eerder" in antwoord.content.decode()
    assert TeLaat.objects.count() == 1 and Absentie.objects.count() == 2
    stukken = Dossierstuk.objects.count()
    antwoord = _importeer(client, w.administratie, GOED.encode())
    assert "Geïmporteerd: 0 nieuwe registratie(s); 3 al eerder" in antwoord.content.decode()
    assert TeLaat.objects.count() == 1 and Absentie.objects.count() == 2
    assert Dossierstuk.objects.count() == stukken


def test_een_fout_bestand_importeert_niets_en_noemt_de_regels(client, w):
    slecht = GOED + ("9999;15-10-2026;1;TL;5;\n"     # regel 5: onbekende leerling
                     "1001;17-10-2026;1;TL;5;\n"     # regel 6: zaterdag (herfstvakantie)
                     "1001;15-10-2026;1;XX;5;\n"     # regel 7: onbekende code
                     "1001;15-10-2030;1;TL;5;\n")    # regel 8: buiten de kalender
    antwoord = _importeer(client, w.administratie, slecht.encode())
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Er is niets geïmporteerd: 4 regel(s)" in tekst
    assert "regel 5: onbekende leerling &#x27;9999&#x27;" in tekst
    assert "regel 6: 17-10-2026 is geen schooldag" in tekst
    assert "regel 7: onbekende code &#x27;XX&#x27;" in tekst
    assert "regel 8:" in tekst
    assert not TeLaat.objects.exists() and not Absentie.objects.exists()
    # Not a CSV, the wrong encoding, too large: a Dutch message, never a 500.
    for inhoud, woorden in [(b"%PDF-1.4\x00\x01\x02", "geen CSV-bestand"),
                            ("leerlingnummer;datum;lesuur;code\n1001;13-10-2026;1;Té\n"
                             .encode("latin-1"), "niet in UTF-8"),
                            (b"a" * (2 * 1024 * 1024 + 1), "te groot"),
                            (b"naam;wat\nx;y\n", "ontbreken in de eerste regel")]:
        antwoord = _importeer(client, w.administratie, inhoud)
        assert antwoord.status_code == 400 and woorden in antwoord.content.decode()
    assert not TeLaat.objects.exists()
    # A docent holds no import rows.
    client.force_login(w.docent)
    assert client.get("/verzuim/import/").status_code == 404


def test_de_kolomkoppeling_wordt_eenmaal_opgeslagen(client, w):
    client.force_login(w.administratie)
    antwoord = client.post("/verzuim/import/koppeling/", {
        "scheidingsteken": ",", "leerlingnummer": "Stamnr", "datum": "Datum",
        "lesuur": "Uur", "code": "Code", "minuten": "Min", "opmerking": "",
        "codes": "T=te_laat\nO=absent_ongeoorloofd"})
    assert antwoord.status_code == 302
    bestand = "Stamnr,Datum,Uur,Code,Min\n1001,13-10-2026,1,T,7\n1001,13-10-2026,2,O,\n"
    antwoord = _importeer(client, w.administratie, bestand.encode())
    assert "Geïmporteerd: 2 nieuwe" in antwoord.content.decode()
    assert TeLaat.objects.get().minuten == 7


@pytest.mark.parametrize("pagina", ["/verzuim/overzicht/", "/verzuim/leerplicht/"])
def test_de_overzichten_tellen_met_een_vast_aantal_queries(client, w, pagina):
    from tests.personas import maak_leerling

    def vul(n: int, start: int):
        for i in range(start, start + n):
            ll = maak_leerling(w.school, f"5{i:03d}", f"Leerling{i}", "Test", w.groep_1a)
            for dag in (date(2026, 10, 13), date(2026, 10, 14), date(2026, 10, 15)):
                services.te_laat_registreren(door=w.administratie, leerling=ll, datum=dag,
                                             lesuur=1, minuten=5)
            for dag in (date(2026, 11, 16), date(2026, 11, 17)):
                services.absentie_registreren(door=w.administratie, leerling=ll, datum=dag,
                                              uren=8, melding="niet_gemeld",
                                              oordeel="ongeoorloofd")

    gebruiker = w.mentor if "overzicht" in pagina else w.administratie
    client.force_login(gebruiker)
    vul(3, 0)
    weinig, antwoord = warm(lambda: client.get(pagina))
    assert antwoord.status_code == 200
    vul(12, 3)
    veel, antwoord = warm(lambda: client.get(pagina))
    assert antwoord.status_code == 200
    assert len(veel) == len(weinig)


def test_de_mentor_regelt_het_inhalen_en_de_termijn_is_voldaan(client, w):
    for dag in (date(2026, 10, 13), date(2026, 10, 14), date(2026, 10, 15)):
        _te_laat(client, w.docent_4h, w.chris, dag)
    inhalen = _acties(w.chris)["te-laat-bovenbouw-3"]
    # The pupil's page: the mentor may judge, the docent only registers.
    client.force_login(w.docent_4h)
    assert client.get(f"/verzuim/leerling/{w.chris.pk}/").status_code == 404
    client.force_login(w.mentor)
    pagina = client.get(f"/verzuim/leerling/{w.chris.pk}/").content.decode()
    assert pagina.count("Beoordelen</a>") == 3 and "uiterlijk 29-10-2026" in pagina
    # The docent holds no inhalen row: the step is not offered and refused.
    client.force_login(w.docent_4h)
    assert client.post(f"/verzuim/actie/{inhalen.pk}/afhandelen/",
                       {"notitie": "x"}).status_code == 404
    client.force_login(w.mentor)
    assert "Gedaan" in client.get(f"/verzuim/actie/{inhalen.pk}/").content.decode()
    client.post(f"/verzuim/actie/{inhalen.pk}/afhandelen/",
                {"notitie": "Twee uur ingehaald op 3 november."})
    inhalen = Drempelactie.objects.get(pk=inhalen.pk)
    assert inhalen.status == Actiestatus.GEDAAN and inhalen.afgesloten_door == w.mentor
    assert inhalen.termijn.status == Termijnstatus.VOLDAAN



def test_de_leerlingpagina_wijst_naar_wat_de_rijen_geven(client, w):
    client.force_login(w.docent)
    pagina = client.get(f"/leerlingen/{w.anna.pk}/").content.decode()
    assert f"/verzuim/te-laat/?leerling={w.anna.pk}" in pagina
    assert f"/verzuim/leerling/{w.anna.pk}/" not in pagina
    client.force_login(w.mentor)
    pagina = client.get(f"/leerlingen/{w.anna.pk}/").content.decode()
    assert f"/verzuim/leerling/{w.anna.pk}/" in pagina
