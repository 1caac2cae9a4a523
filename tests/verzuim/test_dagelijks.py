"""Te laat en verzuim, the daily work (issue 14): a correction and a new crossing, a
threshold without a number signalled by hand with its letter, leave requests, the
schorsing proposal from the overview, the department overview, the charts and their CSV,
and the start-page links. Through the pages, with exact counts and dates.

Echnaton, region midden, 2026-2027: period 2 runs 12 October - 27 November across the
herfstvakantie (17-25 October); "today" is Friday 20 November 2026."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from dossiers.models import Brief, Dossierstuk
from tests.queries import warm
from tests.sancties.helpers import pdf_tekst
from verzuim import perioden, services
from verzuim.models import Actiestatus, Drempelactie, Oordeel, TeLaat, Verlofaanvraag

VANDAAG = date(2026, 11, 20)
#: Eight school days of period 2 (the herfstvakantie skipped).
DAGEN = [date(2026, 10, 13), date(2026, 10, 14), date(2026, 10, 15), date(2026, 10, 16),
         date(2026, 10, 26), date(2026, 10, 27), date(2026, 10, 28), date(2026, 10, 29),
         date(2026, 10, 30)]


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel(f"{VANDAAG:%Y-%m-%d} 10:00 +0100", tick=False):
        perioden.vergeet_cache()
        yield
    perioden.vergeet_cache()


@pytest.fixture
def w(termijnwereld):
    termijnwereld.groep_4h.mentoren.add(termijnwereld.mentor.medewerker)
    return termijnwereld


def _te_laat(client, user, leerling, datum: date, lesuur: int = 1):
    client.force_login(user)
    antwoord = client.post("/verzuim/te-laat/", {
        "leerling": leerling.pk, "datum": datum.isoformat(), "lesuur": lesuur, "minuten": 10,
        "oordeel": Oordeel.ONGEOORLOOFD})
    assert antwoord.status_code == 302, antwoord.content.decode()[:500]


def _beoordelen(client, user, te_laat: TeLaat, oordeel: str):
    client.force_login(user)
    antwoord = client.post(f"/verzuim/te-laat/{te_laat.pk}/beoordelen/", {
        "oordeel": oordeel, "toelichting": "Briefje van de ouders: pech met de fiets."})
    assert antwoord.status_code == 302


def _stand(leerling) -> dict[str, str]:
    return dict(Drempelactie.objects.filter(leerling=leerling)
                .values_list("drempelcode", "status"))


def test_3e_6e_7e_keer_dan_de_3e_gecorrigeerd_en_opnieuw_over_de_drempel(client, w):
    """Bijlage A: the 3rd, 6th and 7th ongeoorloofd te laat each open their step once; the
    3rd made geoorloofd brings the count to 6: the report (7) closes with a note, the
    make-up (3) and the talk (6) stay; the next late arrival makes 7 again and reopens the
    same report, once: still three actions in the period."""
    for dag in DAGEN[:7]:
        _te_laat(client, w.docent_4h, w.chris, dag)
    assert _stand(w.chris) == {"te-laat-bovenbouw-3": "open", "te-laat-bovenbouw-6": "open",
                               "te-laat-bovenbouw-7": "open"}
    melding = Drempelactie.objects.get(leerling=w.chris, drempelcode="te-laat-bovenbouw-7")
    eerste_termijn = melding.termijn
    derde = TeLaat.objects.get(leerling=w.chris, datum=DAGEN[2])
    _beoordelen(client, w.mentor, derde, Oordeel.GEOORLOOFD)
    assert _stand(w.chris) == {"te-laat-bovenbouw-3": "open", "te-laat-bovenbouw-6": "open",
                               "te-laat-bovenbouw-7": "vervallen"}
    melding = type(melding).objects.get(pk=melding.pk)
    assert melding.notitie == ("Vervallen op 15-10-2026: na een correctie is het aantal "
                               "onder de drempel van 7 gekomen.")
    eerste_termijn = type(eerste_termijn).objects.get(pk=eerste_termijn.pk)
    assert eerste_termijn.status == "vervallen"
    # The 8th registration, the 7th ongeoorloofd: the same report opens again.
    _te_laat(client, w.docent_4h, w.chris, DAGEN[7])
    assert Drempelactie.objects.filter(leerling=w.chris).count() == 3
    melding = type(melding).objects.get(pk=melding.pk)
    assert (melding.status, melding.heropend_op, melding.aantal) == (
        Actiestatus.OPEN, date(2026, 10, 29), 7)
    assert melding.notitie.endswith("Heropend op 29-10-2026: het aantal bereikte de drempel "
                                    "van 7 opnieuw (7).")
    # A new deadline: five school days from 29 October.
    assert melding.termijn_id != eerste_termijn.pk
    assert melding.termijn.vervaldatum == date(2026, 11, 5)
    assert melding.termijn.verantwoordelijke_rol == "administratie"
    # The 9th time in the same period opens nothing again.
    _te_laat(client, w.docent_4h, w.chris, DAGEN[8])
    assert Drempelactie.objects.filter(leerling=w.chris).count() == 3
    titels = list(Dossierstuk.objects.filter(leerling=w.chris, sectie="verzuim",
                                             titel__startswith="Verzuim").order_by("pk")
                  .values_list("titel", flat=True))
    assert titels == [
        "Verzuimdrempel bereikt: uren inhalen",
        "Verzuimdrempel bereikt: gesprek met leerling en ouders",
        "Verzuimdrempel bereikt: melding bij de leerplichtambtenaar",
        "Verzuimactie vervallen: melding bij de leerplichtambtenaar",
        "Verzuimdrempel opnieuw bereikt: melding bij de leerplichtambtenaar"]


def test_de_correctie_van_de_3e_sluit_het_inhalen_en_de_4e_opent_het_weer(client, w):
    for dag in DAGEN[:3]:
        _te_laat(client, w.docent_4h, w.chris, dag)
    _beoordelen(client, w.mentor, TeLaat.objects.get(leerling=w.chris, datum=DAGEN[2]),
                Oordeel.GEOORLOOFD)
    assert _stand(w.chris) == {"te-laat-bovenbouw-3": "vervallen"}
    _te_laat(client, w.docent_4h, w.chris, DAGEN[3])
    inhalen = Drempelactie.objects.get(leerling=w.chris)
    assert (inhalen.status, inhalen.overschreden_op, inhalen.heropend_op) == (
        "open", DAGEN[2], DAGEN[3])
    # The mentor's overview: 3 in the period, the make-up due 23 October (five school days
    # from 16 October, the herfstvakantie skipped: 30 October).
    client.force_login(w.mentor)
    rij = client.get("/verzuim/overzicht/").content.decode().split(
        'data-leerling="1003"')[1].split("</tr>")[0]
    assert '<td class="te-laat-aantal">3</td>' in rij
    assert '<td class="inhalen">30-10-2026</td>' in rij


def test_noordgouw_herhaaldelijk_afwezig_signaleert_de_mentor_en_de_ouders_krijgen_een_brief(
        client, noordgouw, django_capture_on_commit_callbacks):
    """Art. 14.7: "Bij herhaaldelijke afwezigheid ... niet door de ouders gemeld, worden
    deze hierover zo snel mogelijk geïnformeerd": no number, so the mentor signals it; the
    step is a letter to the parents (PDF read back)."""
    w = noordgouw
    client.force_login(w.buitenstaander)  # mentor of Dirk's group at Noordgouw
    pagina = client.get(f"/verzuim/leerling/{w.dirk.pk}/").content.decode()
    assert 'id="signaleren"' in pagina
    assert "herhaald-absent-niet-gemeld" in pagina and "veelvuldig-te-laat" in pagina
    # Without a reason: refused, nothing opened.
    client.post(f"/verzuim/leerling/{w.dirk.pk}/signaleren/",
                {"drempelcode": "herhaald-absent-niet-gemeld", "toelichting": " "})
    assert not Drempelactie.objects.filter(leerling=w.dirk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(f"/verzuim/leerling/{w.dirk.pk}/signaleren/", {
            "drempelcode": "herhaald-absent-niet-gemeld",
            "toelichting": "Drie maandagen afwezig zonder melding."}, follow=True)
    assert "Gesignaleerd; de actie staat open." in antwoord.content.decode()
    actie = Drempelactie.objects.get(leerling=w.dirk)
    assert (actie.actie_code, actie.gesignaleerd_door, actie.overschreden_op, actie.artikel) \
        == ("ouders_informeren", w.buitenstaander, VANDAAG, "14.7")
    # The step's deadline goes to the mentor (the row of verzuim.ouders_informeren).
    assert actie.termijn.verantwoordelijke == w.buitenstaander
    brief = Brief.objects.get(leerling=w.dirk, soort="verzuim_ouders_informeren")
    assert brief.status == "gemaakt"
    tekst = pdf_tekst(brief)
    assert "Verzuim van uw kind" in tekst
    assert "Wij informeren u over het verzuim van Dirk" in tekst
    assert "Drie maandagen afwezig zonder melding." in tekst
    assert "Ouders zo snel mogelijk informeren." in tekst
    assert "artikel 14.7" in tekst
    # Signalled again while open: refused with the reason.
    antwoord = client.post(f"/verzuim/leerling/{w.dirk.pk}/signaleren/", {
        "drempelcode": "herhaald-absent-niet-gemeld", "toelichting": "nogmaals"}, follow=True)
    assert "Voor Dirk staat deze actie al open." in antwoord.content.decode()
    assert Drempelactie.objects.filter(leerling=w.dirk).count() == 1
    # The mentor's overview: one letter waiting until it is sent.
    rij = client.get("/verzuim/overzicht/").content.decode().split(
        'data-leerling="2001"')[1].split("</tr>")[0]
    assert '<td class="brieven">1</td>' in rij


def test_echnaton_heeft_geen_drempel_zonder_aantal_dus_geen_signaleren(client, w):
    client.force_login(w.mentor)
    assert 'id="signaleren"' not in client.get(f"/verzuim/leerling/{w.chris.pk}/").content.decode()
    antwoord = client.post(f"/verzuim/leerling/{w.chris.pk}/signaleren/", {
        "drempelcode": "vaker-absent", "toelichting": "x"}, follow=True)
    assert "Dit mag u niet" in antwoord.content.decode()
    assert not Drempelactie.objects.filter(leerling=w.chris).exists()


def _verlof(client, user, leerling, van: date, tot: date):
    client.force_login(user)
    return client.post("/verzuim/verlof/", {
        "leerling": leerling.pk, "eerste_dag": van.isoformat(), "laatste_dag": tot.isoformat(),
        "aangevraagd_door": "J. de Vries (moeder)", "reden": "Huwelijk van een oom in Turkije.",
        "ontvangen_op": "2026-09-20"})


def test_verlof_tot_tien_schooldagen_beslist_de_directeur(
        client, w, django_capture_on_commit_callbacks):
    """Bijlage A: the parents ask the schoolleiding; Leerplichtwet art. 14: up to ten
    school days the head decides. 12-30 October is ten school days (herfstvakantie)."""
    antwoord = _verlof(client, w.administratie, w.anna, date(2026, 10, 12),
                       date(2026, 10, 30))
    aanvraag = Verlofaanvraag.objects.get(leerling=w.anna)
    assert antwoord.url == f"/verzuim/verlof/{aanvraag.pk}/"
    assert (aanvraag.schooldagen, aanvraag.status, aanvraag.geregistreerd_door) == (
        10, "aangevraagd", w.administratie)
    # The mentor holds no verlof row: no page.
    client.force_login(w.mentor)
    assert client.get(f"/verzuim/verlof/{aanvraag.pk}/").status_code == 404
    # The administratie records, but does not decide: nothing offered, refused.
    client.force_login(w.administratie)
    pagina = client.get(f"/verzuim/verlof/{aanvraag.pk}/").content.decode()
    assert "Toekennen" not in pagina and "Doorsturen" not in pagina
    antwoord = client.post(f"/verzuim/verlof/{aanvraag.pk}/toekennen/",
                           {"motivering": "ok"}, follow=True)
    melding = antwoord.content.decode().split("Dit mag u niet: ")[1].split("</")[0]
    assert melding == ("een verlof van 10 schooldagen is volgens het onderdeel ‘Je kunt niet "
                       "naar school komen’ van het Leerlingenstatuut OSG Echnaton 2009-2011 "
                       "voorbehouden aan Schoolleiding.")
    client.force_login(w.directie)
    pagina = client.get(f"/verzuim/verlof/{aanvraag.pk}/").content.decode()
    assert "Toekennen" in pagina and "Afwijzen" in pagina and "Doorsturen" not in pagina
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/verzuim/verlof/{aanvraag.pk}/toekennen/",
                    {"motivering": "Gewichtige omstandigheid: huwelijk in de familie."})
    aanvraag = type(aanvraag).objects.get(pk=aanvraag.pk)
    # The decision in writing to the parents, with the bezwaar the Awb gives.
    tekst = pdf_tekst(Brief.objects.get(leerling=w.anna, soort="verzuim_verlof_besluit"))
    assert "Besluit op uw verlofaanvraag" in tekst
    assert ("Op 20-09-2026 ontvingen wij uw aanvraag om verlof voor Anna van 12-10-2026 tot en "
            "met 30-10-2026 (10 schooldagen).") in tekst
    assert "Het verlof is toegekend." in tekst
    assert "Gewichtige omstandigheid: huwelijk in de familie." in tekst
    assert "binnen zes weken bezwaar indienen bij de directeur van de school" in tekst
    assert "R. Rector" in tekst
    assert (aanvraag.status, aanvraag.beslist_door, aanvraag.beslist_op) == (
        "toegekend", w.directie, VANDAAG)
    # The decision is an addendum of the request's entry in "verzuim".
    assert aanvraag.dossierstuk.vervangt is not None
    assert "toegekend" in aanvraag.dossierstuk.titel
    # Decided: nothing is offered any more, and a second decision is refused.
    antwoord = client.post(f"/verzuim/verlof/{aanvraag.pk}/afwijzen/", {"motivering": "x"},
                           follow=True)
    assert "Deze aanvraag is al toegekend." in antwoord.content.decode()


def test_verlof_langer_dan_tien_schooldagen_gaat_naar_de_leerplichtambtenaar(client, w):
    _verlof(client, w.administratie, w.anna, date(2026, 10, 12), date(2026, 11, 2))
    aanvraag = Verlofaanvraag.objects.get(leerling=w.anna)
    assert aanvraag.schooldagen == 11
    client.force_login(w.directie)
    pagina = client.get(f"/verzuim/verlof/{aanvraag.pk}/").content.decode()
    assert "Toekennen" not in pagina and "Doorsturen naar de leerplichtambtenaar" in pagina
    antwoord = client.post(f"/verzuim/verlof/{aanvraag.pk}/toekennen/", {"motivering": "ok"},
                           follow=True)
    assert ("Over verlof van 11 schooldagen beslist de leerplichtambtenaar "
            "(Leerplichtwet art. 14 lid 3)") in antwoord.content.decode()
    client.force_login(w.administratie)
    client.post(f"/verzuim/verlof/{aanvraag.pk}/doorsturen/",
                {"motivering": "Verstuurd aan de leerplichtambtenaar op 21-09-2026."})
    aanvraag = type(aanvraag).objects.get(pk=aanvraag.pk)
    assert aanvraag.status == "doorgestuurd"
    client.post(f"/verzuim/verlof/{aanvraag.pk}/afwijzen/",
                {"motivering": "De leerplichtambtenaar wijst af (brief van 1-10-2026)."})
    aanvraag = type(aanvraag).objects.get(pk=aanvraag.pk)
    assert (aanvraag.status, aanvraag.beslist_door) == ("afgewezen", w.administratie)
    # The leerplichtambtenaar writes their own decision: no letter from the school.
    assert not Brief.objects.filter(leerling=w.anna).exists()
    pagina = client.get("/verzuim/verlof/").content.decode()
    assert f'data-aanvraag="{aanvraag.pk}"' in pagina and "afgewezen" in pagina


def test_verlof_zonder_schooldag_of_omgekeerd_wordt_geweigerd(client, w):
    antwoord = _verlof(client, w.administratie, w.anna, date(2026, 10, 17),
                       date(2026, 10, 25))
    assert antwoord.status_code == 400
    assert "In deze periode valt geen schooldag" in antwoord.content.decode()
    antwoord = _verlof(client, w.administratie, w.anna, date(2026, 10, 30),
                       date(2026, 10, 26))
    assert "De laatste dag ligt voor de eerste dag." in antwoord.content.decode()
    assert not Verlofaanvraag.objects.exists()


def test_de_schoolleiding_krijgt_het_schorsingsvoorstel_aangeboden(client, w):
    """Bijlage A: more than six times in two consecutive periods: the schoolleiding (the
    directie, organen:) may propose a schorsing, in the sancties flow's own page."""
    periode_1 = [date(2026, 9, d) for d in (1, 2, 3, 4, 7, 8, 9)]
    for dag in periode_1 + DAGEN[:7]:
        services.te_laat_registreren(door=w.docent_4h, leerling=w.chris, datum=dag, lesuur=1,
                                     minuten=5)
    actie = Drempelactie.objects.get(leerling=w.chris, drempelcode="te-laat-bovenbouw-2-perioden")
    link = f"/sancties/leerling/{w.chris.pk}/schorsing/"
    client.force_login(w.directie)
    pagina = client.get("/verzuim/overzicht/").content.decode()
    assert link in pagina
    # Counted per period: seven in period 2 and seven in period 1.
    rij = pagina.split('data-leerling="1003"')[1].split("</tr>")[0]
    assert ('<td class="te-laat-aantal">7</td>\n      <td class="te-laat-vorige">7</td>'
            in rij)
    csv_ = client.get("/verzuim/overzicht/?formaat=csv").content.decode()
    # An empty cell stays empty (not "'", the guard against formulas).
    assert "1003;Chris Bakker;4H;7;7;0;0;;Twee uur inhalen" in csv_
    assert link in client.get(f"/verzuim/actie/{actie.pk}/").content.decode()
    assert client.get(link).status_code == 200
    # The mentor follows the pupil but does not propose.
    client.force_login(w.mentor)
    assert link not in client.get("/verzuim/overzicht/").content.decode()
    assert link not in client.get(f"/verzuim/actie/{actie.pk}/").content.decode()


def test_afdelingsoverzicht_en_grafiek_van_de_teamleider(client, w):
    for dag in (date(2026, 9, 1), date(2026, 9, 2)) + tuple(DAGEN[:4]):
        services.te_laat_registreren(door=w.docent_4h, leerling=w.chris, datum=dag, lesuur=1,
                                     minuten=5)
    services.absentie_registreren(door=w.administratie, leerling=w.chris,
                                  datum=date(2026, 10, 27), uren=3, melding="niet_gemeld",
                                  oordeel="ongeoorloofd")
    client.force_login(w.teamleider_bovenbouw)
    pagina = client.get("/verzuim/afdeling/").content.decode()
    assert 'data-groep="1A"' not in pagina  # the onderbouw is not this teamleider's
    rij = pagina.split('data-groep="4H"')[1].split("</tr>")[0]
    # Period 1: 2 te laat; period 2: 4 te laat and 3 hours; the make-up (3rd) open.
    assert ('<td class="te-laat">2</td><td class="uren">0</td>'
            '<td class="te-laat">4</td><td class="uren">3</td>') in rij
    assert '<td class="overschreden">1</td>' in rij and '<td class="inhalen">1</td>' in rij
    csv_ = client.get("/verzuim/afdeling/?formaat=csv").content.decode()
    assert csv_.splitlines()[0] == (
        "groep;leerlingen;te laat periode 1;uren absent periode 1;te laat periode 2;"
        "uren absent periode 2;drempels overschreden;open acties;inhalen open")
    assert csv_.splitlines()[1] == "4H;1;2;0;4;3;1;1;1"
    grafiek = client.get("/verzuim/grafiek/").content.decode()
    deel = grafiek.split('data-groep="4H"')[1]
    # One bar per school week up to today (11: 31 August - 16 November, not 19 October).
    assert deel.count('class="staaf te-laat"') == 11
    assert "<title>12-10-2026: 4</title>" in deel and "<title>26-10-2026: 3</title>" in deel
    assert "<script>" not in grafiek and "style=" not in deel  # no inline script or style
    csv_ = client.get("/verzuim/grafiek/?formaat=csv").content.decode().splitlines()
    assert "4H;12-10-2026;4;0" in csv_ and "4H;26-10-2026;0;3" in csv_
    assert len(csv_) == 1 + 11
    # The docent holds no overview row.
    client.force_login(w.docent)
    assert client.get("/verzuim/afdeling/").status_code == 404
    assert client.get("/verzuim/grafiek/").status_code == 404


@pytest.mark.parametrize("pagina", ["/verzuim/afdeling/", "/verzuim/grafiek/",
                                    "/verzuim/verlof/"])
def test_afdeling_grafiek_en_verlof_tellen_met_een_vast_aantal_queries(client, w, pagina):
    from tests.personas import maak_leerling

    def vul(n: int, start: int):
        for i in range(start, start + n):
            ll = maak_leerling(w.school, f"6{i:03d}", f"Leerling{i}", "Test", w.groep_4h)
            for dag in DAGEN[:3]:
                services.te_laat_registreren(door=w.administratie, leerling=ll, datum=dag,
                                             lesuur=1, minuten=5)
            services.verlof_registreren(
                door=w.administratie, leerling=ll, eerste_dag=date(2026, 12, 1),
                laatste_dag=date(2026, 12, 2), reden="bruiloft", aangevraagd_door="ouder",
                ontvangen_op=date(2026, 11, 2))

    client.force_login(w.directie if "verlof" in pagina else w.teamleider_bovenbouw)
    vul(5, 0)
    weinig, antwoord = warm(lambda: client.get(pagina))
    assert antwoord.status_code == 200
    vul(45, 5)
    veel, antwoord = warm(lambda: client.get(pagina))
    assert antwoord.status_code == 200
    assert len(veel) == len(weinig)


def test_de_startpagina_van_mentor_en_teamleider_wijst_naar_het_verzuim(client, w):
    client.force_login(w.mentor)
    pagina = client.get("/").content.decode()
    assert 'id="verzuim-start"' in pagina
    for link in ("/verzuim/overzicht/", "/verzuim/afdeling/", "/verzuim/grafiek/",
                 "/verzuim/te-laat/"):
        assert f'href="{link}"' in pagina
    assert 'href="/verzuim/verlof/"' not in pagina  # no verlof row for the mentor
    client.force_login(w.teamleider)
    assert 'href="/verzuim/afdeling/"' in client.get("/").content.decode()
    # The directie's start page has neither layout block: no verzuim block.
    client.force_login(w.directie)
    assert 'id="verzuim-start"' not in client.get("/").content.decode()


def test_bij_6_keer_nodigt_de_mentor_de_ouders_schriftelijk_uit(
        client, w, django_capture_on_commit_callbacks):
    """Bijlage A: "Ben je 6 keer ongeoorloofd te laat in een periode, dan gaat je mentor een
    gesprek aan met jou en je ouder(s)": the invitation goes out as a letter; the step stays
    open until the talk is held."""
    for dag in DAGEN[:6]:
        _te_laat(client, w.docent_4h, w.chris, dag)
    gesprek = Drempelactie.objects.get(leerling=w.chris, drempelcode="te-laat-bovenbouw-6")
    inhalen = Drempelactie.objects.get(leerling=w.chris, drempelcode="te-laat-bovenbouw-3")
    url = f"/verzuim/actie/{gesprek.pk}/uitnodigen/"
    data = {"datum": "2026-11-26", "tijd": "15:30", "plaats": "Kamer 2.14"}
    # The administratie follows the pupil but holds no gesprek_voeren row.
    client.force_login(w.administratie)
    assert url not in client.get(f"/verzuim/actie/{gesprek.pk}/").content.decode()
    antwoord = client.post(url, data, follow=True)
    assert "Dit mag u niet" in antwoord.content.decode()
    client.force_login(w.mentor)
    assert url in client.get(f"/verzuim/actie/{gesprek.pk}/").content.decode()
    # The make-up is no talk: no invitation offered, and refused.
    assert "/uitnodigen/" not in client.get(f"/verzuim/actie/{inhalen.pk}/").content.decode()
    antwoord = client.post(f"/verzuim/actie/{inhalen.pk}/uitnodigen/", data, follow=True)
    assert "Deze actie is geen gesprek met de ouders." in antwoord.content.decode()
    antwoord = client.post(url, {**data, "datum": "2026-11-19"}, follow=True)
    assert "Het gesprek kan niet in het verleden liggen." in antwoord.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    tekst = pdf_tekst(Brief.objects.get(leerling=w.chris, soort="uitnodiging_gesprek"))
    assert ("Aanleiding: 6 keer ongeoorloofd te laat van 12-10-2026 tot en met 27-11-2026"
            in tekst)
    assert "26-11-2026" in tekst and "15.30" in tekst and "Kamer 2.14" in tekst
    assert "M. Mentor (mentor), de leerling en u" in tekst
    assert Drempelactie.objects.get(pk=gesprek.pk).status == Actiestatus.OPEN


def test_het_overzicht_en_de_registratie_gaan_over_de_leerlingen_van_dit_schooljaar(client, w):
    """Verzuim is counted in this school year's periods: a pupil who was placed only in
    last year's group (she left in the summer) is not in the directie's overview nor in the
    administratie's lateness form; the pupils of this year's groups are (issue 15: at a large
    school ten years of leavers made the overview sort 6,000 pupils)."""
    from dossiers.models import Groep, Groepsplaatsing, Leerling
    from statuut.models import Schooljaar

    vorig = Schooljaar.voor_datum(date(2026, 3, 1))
    oud = Groep.objects.create(school=w.school, schooljaar=vorig, naam="4H-oud")
    vertrokken = Leerling.objects.create(school=w.school, leerlingnummer="9901",
                                         roepnaam="Vera", achternaam="Vertrokken",
                                         geboortedatum=date(2009, 5, 1))
    Groepsplaatsing.objects.create(leerling=vertrokken, groep=oud)
    client.force_login(w.directie)
    pagina = client.get("/verzuim/overzicht/").content.decode()
    assert "De leerlingen die dit schooljaar in een groep staan." in pagina
    assert 'data-leerling="1003"' in pagina  # Chris, 4H this year
    assert 'data-leerling="9901"' not in pagina and "Vertrokken" not in pagina
    client.force_login(w.administratie)  # registers for the whole school (bijlage A)
    formulier = client.get("/verzuim/te-laat/").content.decode()
    assert "Chris" in formulier and "Vertrokken" not in formulier
    antwoord = client.post("/verzuim/te-laat/", {
        "leerling": vertrokken.pk, "datum": "2026-11-19", "lesuur": 1, "minuten": 10,
        "oordeel": Oordeel.ONGEOORLOOFD})
    assert antwoord.status_code == 400
    assert not TeLaat.objects.filter(leerling=vertrokken).exists()
