"""The whole care route of seed 001 through the pages, branch by branch, as the users
click it: docent -> mentor -> consultation -> mentor / remedial teacher / zorgcoördinator
-> analysis -> plan with each of the four trajectories -> feedback -> monitoring -> closed."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from dossiers.models import Brief, Dossierstuk
from statuut.models import Termijn, Termijnstatus
from tests.personas import inloggen_met_tweede_factor
from tests.zorg.conftest import VANDAAG, dossier_van, moment, tekst
from tests.zorg.conftest import naar_fase as naar_fase_via_services
from zorg.models import Evaluatie, Meldcode, Signaal, Zorgdossier, Zorgfase

pytestmark = pytest.mark.django_db


def _open_termijnen(zd):
    return list(Termijn.objects.filter(onderwerp_id=zd.pk, status=Termijnstatus.OPEN,
                                       onderwerp_type__model="zorgdossier"))


def test_een_docent_meldt_een_signaal_en_de_mentor_heeft_vijf_schooldagen(
        zw, klik, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        r = klik.als(zw.docent).signaal(zw.anna, categorieen=["teruggetrokken", "verzuim"])
    assert r.status_code == 302
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.GEMELD
    [termijn] = _open_termijnen(zd)
    # Tuesday 24 November + five school days = Tuesday 1 December 2026.
    assert (termijn.vervaldatum, termijn.eenheid, termijn.aantal) == (
        date(2026, 12, 1), "schooldagen", 5)
    assert termijn.verantwoordelijke == zw.mentor
    assert [m.to for m in mail.outbox] == [["mentor@school.example"]]
    assert "Anna" not in mail.outbox[0].body
    # The notice is the deadline's reminder (sent by the reminder task), not a bare e-mail.
    assert "Termijn: Gesprek mentor met leerling na zorgsignaal" in mail.outbox[0].body
    assert ("Deze stap ligt nu bij u: binnen 5 schooldagen, uiterlijk dinsdag 1 december "
            "2026.") in mail.outbox[0].body
    assert termijn.regel == "Seed 001 (zorgroute), stap 1a/1b; termijn: DEFAULT"
    stuk = Dossierstuk.objects.get(leerling=zw.anna)
    assert (stuk.sectie, stuk.titel) == ("welzijn",
                                         "Zorgsignaal: teruggetrokken of somber, verzuim of te "
                                         "laat komen")
    # The mentor sees it on the start page, and on the care block's own page.
    for url in ("/", f"/zorg/start/{zw.school.pk}/"):
        start = tekst(klik.als(zw.mentor).client.get(url))
        assert "Signalen en zorg van mijn leerlingen" in start
        assert "Anna de Vries gesignaleerd, gesprek mentor volgt" in start


def test_signalen_van_meerdere_docenten_komen_samen_in_een_zorgtraject(zw, klik):
    klik.als(zw.docent).signaal(zw.anna)
    klik.als(zw.andere_docent).signaal(zw.anna, categorieen=["gepest"],
                                       waarneming="Anna wordt in de pauze uitgelachen.")
    assert Zorgdossier.objects.filter(leerling=zw.anna).count() == 1
    zd = dossier_van(zw.anna)
    assert zd.signalen.count() == 2
    assert len(_open_termijnen(zd)) == 1  # one conversation, not two deadlines


def test_niet_bevestigd_blijft_in_observatie_met_een_datum_om_opnieuw_te_kijken(zw, klik):
    klik.als(zw.docent).signaal(zw.anna)
    zd = dossier_van(zw.anna)
    r = klik.als(zw.mentor).stap(zd, "gesprek", {
        "datum": VANDAAG, "bevestigd": "nee", "notitie": "Anna herkent het niet.",
        "opnieuw_bekijken_op": date(2026, 12, 15)})
    assert r.status_code == 302
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.OBSERVATIE
    [termijn] = _open_termijnen(zd)
    assert termijn.vervaldatum == date(2026, 12, 15)
    assert termijn.omschrijving == "Leerling opnieuw bekijken (observatie)"
    assert Termijn.objects.filter(onderwerp_id=zd.pk, status=Termijnstatus.VOLDAAN).count() == 1
    pagina = tekst(klik.pagina(zd))
    assert "niet bevestigd, leerling blijft in observatie tot 15 december 2026" in pagina
    assert "Anna herkent het niet." in pagina
    # Observation offers: look again (conversation), consult the zorgcoördinatoren, close.
    assert "Gesprek met de leerling (stap 1b)" in pagina
    assert "Consultatie zorg (stap 2)" in pagina
    assert "Zorgtraject afsluiten" in pagina
    stuk = Dossierstuk.objects.filter(leerling=zw.anna, titel__startswith="Gesprek").get()
    assert stuk.inhoud == "Anna herkent het niet."
    # Closed after observing.
    klik.stap(zd, "afsluiten", {"conclusie": "Na twee weken observatie geen zorgen meer."})
    zd = dossier_van(zw.anna)
    assert (zd.fase, zd.afgesloten_op) == (Zorgfase.AFGESLOTEN, VANDAAG)
    assert _open_termijnen(zd) == []
    leerlingpagina = tekst(klik.client.get(f"/leerlingen/{zw.anna.pk}/"))
    assert "Eerdere zorgtrajecten: 24-11-2026 – 24-11-2026" in leerlingpagina
    assert "Lopend zorgtraject" not in leerlingpagina


def _tot_consultatie(zw, klik):
    klik.als(zw.docent).signaal(zw.anna)
    zd = dossier_van(zw.anna)
    klik.als(zw.mentor).stap(zd, "gesprek", {"datum": VANDAAG, "bevestigd": "ja",
                                            "notitie": "Anna vertelt over ruzie thuis."})
    return dossier_van(zw.anna)


def test_bevestigd_gaat_door_naar_de_consultatie_en_de_termijn_is_voldaan(zw, klik):
    zd = _tot_consultatie(zw, klik)
    assert zd.fase == Zorgfase.CONSULTATIE
    assert _open_termijnen(zd) == []
    assert Termijn.objects.get(onderwerp_id=zd.pk).status == Termijnstatus.VOLDAAN


def test_een_leerling_kaart_zelf_aan_bij_de_mentor_en_gaat_direct_naar_stap_2(zw, klik):
    r = klik.als(zw.mentor).signaal(zw.anna, bron="leerling", categorieen=["gepest"],
                                    waarneming="Anna vertelde zelf dat ze wordt gepest.")
    assert r.status_code == 302
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.CONSULTATIE
    assert _open_termijnen(zd) == []
    assert "Leerling kaartte zelf een probleem aan: pesten (slachtoffer)" in tekst(
        klik.pagina(zd))


def test_mentortraject_met_ouders_sluit_af_bij_verbetering(zw, klik):
    zd = _tot_consultatie(zw, klik)
    klik.als(zw.zorgcoordinator).stap(zd, "consultatie", {
        "datum": VANDAAG, "aard_en_ernst": "Licht; thuis spanning.", "keuze": "mentor"})
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.MENTORTRAJECT
    klik.als(zw.mentor)
    for wijze in ("gesprek", "telefoon", "email"):
        r = klik.stap(zd, "oudercontact", {"datum": VANDAAG, "wijze": wijze,
                                            "verslag": f"Afspraak via {wijze}."})
        assert r.status_code == 302
    pagina = tekst(klik.pagina(zd))
    assert "Contact met ouders (telefoon)" in pagina
    assert "Contact met ouders (e-mail)" in pagina
    klik.stap(zd, "afsluiten", {"conclusie": "Verbetering: Anna zit weer goed in haar vel."})
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.AFGESLOTEN
    assert zd.conclusie == "Verbetering: Anna zit weer goed in haar vel."
    assert Dossierstuk.objects.filter(leerling=zw.anna, titel="Zorgtraject afgesloten").exists()


def test_mentortraject_escaleert_naar_de_zorgcoordinatoren(zw, klik):
    zd = _tot_consultatie(zw, klik)
    klik.als(zw.mentor).stap(zd, "consultatie", {
        "datum": VANDAAG, "aard_en_ernst": "Licht.", "keuze": "mentor"})
    r = klik.stap(zd, "doorverwijzen", {"keuze": "zorgcoordinatoren",
                                        "toelichting": "Het verzuim neemt toe."})
    assert r.status_code == 302
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.ANALYSE
    assert "Anna de Vries" in tekst(klik.als(zw.zorgcoordinator).client.get(
        f"/zorg/werklijst/{zw.school.pk}/"))


def test_aanmelding_bij_de_remedial_teacher(zw, klik):
    zd = _tot_consultatie(zw, klik)
    r = klik.als(zw.mentor).stap(zd, "consultatie", {
        "datum": VANDAAG, "aard_en_ernst": "Leesproblemen.", "keuze": "remedial_teacher",
        "remedial_teacher": zw.remedial_teacher.pk})
    assert r.status_code == 302
    zd = dossier_van(zw.anna)
    assert (zd.fase, zd.remedial_teacher) == (Zorgfase.REMEDIAL_TEACHER, zw.remedial_teacher)
    # The remedial teacher now sees the case and reports back.
    pagina = tekst(klik.als(zw.remedial_teacher).pagina(zd))
    assert "officieel aangemeld bij de remedial teacher (R. Remedial)" in pagina
    klik.stap(zd, "afsluiten", {"conclusie": "Zes weken leesbegeleiding; leest op niveau."})
    assert dossier_van(zw.anna).fase == Zorgfase.AFGESLOTEN


def test_de_remedial_teacher_meldt_door_bij_de_zorgcoordinatoren(zw, klik):
    zd = _tot_consultatie(zw, klik)
    klik.als(zw.mentor).stap(zd, "consultatie", {
        "datum": VANDAAG, "aard_en_ernst": "Leesproblemen.", "keuze": "remedial_teacher",
        "remedial_teacher": zw.remedial_teacher.pk})
    r = klik.als(zw.remedial_teacher).stap(zd, "doorverwijzen", {
        "keuze": "zorgcoordinatoren", "toelichting": "Vermoeden dyslexie, onderzoek nodig."})
    assert r.status_code == 302
    assert dossier_van(zw.anna).fase == Zorgfase.ANALYSE


def _tot_plan(zw, klik):
    zd = _tot_consultatie(zw, klik)
    klik.als(zw.mentor).stap(zd, "consultatie", {
        "datum": VANDAAG, "aard_en_ernst": "Ernstig: thuissituatie.",
        "keuze": "zorgcoordinatoren"})
    r = klik.als(zw.zorgcoordinator).stap(zd, "analyse", {
        "gesprek_leerling_op": date(2026, 11, 23), "gesprek_ouders_op": VANDAAG,
        "analyse": "Vader is vertrokken; moeder kan de zorg niet aan.",
        "intern_overleg": "Besproken met de teamleider.", "zat_geraadpleegd": "on",
        "zat_deelnemers": "schoolmaatschappelijk werk, jeugdarts, leerplicht",
        "zat_advies": "Gezin aanmelden bij het wijkteam.",
        "voor_mentor": "Anna krijgt begeleiding; let op haar aanwezigheid."})
    assert r.status_code == 302, tekst(r)
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.PLAN
    return zd


TRAJECTEN = {
    "eigen_begeleiding": {"organisatie": ""},
    "externe_hulp": {"organisatie": "Jeugdformaat"},
    "samenwerkingsverband": {"organisatie": "Rebound"},
    "veilig_thuis": {
        "organisatie": "", "stap1_in_kaart": "Blauwe plekken, angstig bij ophalen.",
        "stap2_consultatie": "Collega en Veilig Thuis geraadpleegd: advies melden.",
        "stap3_gesprek": "Gesprek met Anna en moeder.", "stap4_wegen": "Afwegingskader.",
        "stap5_beslissen": "Melden.", "vraag1_vermoeden": "ja", "vraag2_onveilig": "ja"},
}


@pytest.mark.parametrize("soort", sorted(TRAJECTEN))
def test_plan_van_aanpak_met_elk_van_de_vier_trajecten_tot_afsluiten(zw, klik, klok, soort):
    zd = _tot_plan(zw, klik)
    r = klik.stap(zd, "traject", {
        "soort": soort, "doelen": "Anna voelt zich veilig en komt elke dag.",
        "wie_doet_wat": "Zorgcoördinator spreekt Anna wekelijks; mentor meldt verzuim.",
        "evaluatie_1": date(2026, 12, 8), "evaluatie_2": date(2027, 1, 12),
        **TRAJECTEN[soort]})
    assert r.status_code == 302, tekst(r)
    evaluaties = list(Evaluatie.objects.filter(traject__zorgdossier=zd))
    assert [(e.gepland_op, e.termijn.vervaldatum, e.termijn.verantwoordelijke)
            for e in evaluaties] == [(date(2026, 12, 8), date(2026, 12, 8), zw.zorgcoordinator),
                                     (date(2027, 1, 12), date(2027, 1, 12), zw.zorgcoordinator)]
    klik.stap(zd, "plan")
    assert dossier_van(zw.anna).fase == Zorgfase.TERUGKOPPELING
    r = klik.stap(zd, "terugkoppeling", {
        "datum": VANDAAG, "mentor": "on", "leerling": "on", "ouders": "on",
        "voor_mentor": "Anna krijgt hulp; meld verzuim direct.", "uitnodigen": "on",
        "gesprek_datum": date(2026, 12, 2), "gesprek_tijd": "15:30", "plaats": "kamer 12"})
    assert r.status_code == 302, tekst(r)
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.MONITORING
    brief = Brief.objects.get(leerling=zw.anna, soort="uitnodiging_gesprek")
    assert brief.gegevens["gesprek_datum"] == "2 december 2026"
    # Monitoring: the first evaluation, held a day late.
    klok.move_to(moment(date(2026, 12, 9)))
    klik.als(zw.zorgcoordinator)  # a new day, a new login
    eerste = evaluaties[0]
    r = klik.client.post(f"/zorg/{zd.pk}/evaluaties/{eerste.pk}/", {
        f"e{eerste.pk}-datum": "2026-12-09", f"e{eerste.pk}-verslag": "Gaat beter."})
    assert r.url == f"/zorg/{zd.pk}/", tekst(r)
    eerste.refresh_from_db()
    assert (eerste.uitgevoerd_op, eerste.termijn.status) == (date(2026, 12, 9), "voldaan")
    r = klik.stap(zd, "delen", {"tekst": "Anna komt weer elke dag; blijf verzuim melden."})
    assert r.url == f"/zorg/{zd.pk}/"
    assert "Anna komt weer elke dag" in tekst(klik.als(zw.mentor).pagina(zd))
    klik.als(zw.zorgcoordinator).stap(zd, "afsluiten", {"conclusie": "Doelen bereikt."})
    zd = dossier_van(zw.anna)
    assert zd.fase == Zorgfase.AFGESLOTEN
    tweede = Evaluatie.objects.get(pk=evaluaties[1].pk)
    assert tweede.termijn.status == Termijnstatus.VERVALLEN
    pagina = tekst(klik.pagina(zd))
    for titel in ("Signaal gemeld", "probleem bevestigd", "Consultatie zorg",
                  "Probleemanalyse vastgelegd", "Traject in het plan van aanpak",
                  "Plan van aanpak vastgesteld", "Plan van aanpak teruggekoppeld aan mentor, "
                  "leerling, ouders", "Evaluatie:", "Zorgtraject afgesloten"):
        assert titel in pagina, titel
    if soort == "veilig_thuis":
        assert Meldcode.objects.get(traject__zorgdossier=zd).besluit == "melden"
        assert "Besluit volgens het afwegingskader: melden bij Veilig Thuis" in pagina


def test_de_meldcode_komt_niet_in_het_dossier(zw, klik):
    zd = _tot_plan(zw, klik)
    klik.stap(zd, "traject", {"soort": "veilig_thuis", "doelen": "Veiligheid.",
                              "wie_doet_wat": "Zorgcoördinator meldt.",
                              "evaluatie_1": date(2026, 12, 8), **TRAJECTEN["veilig_thuis"]})
    klik.stap(zd, "traject", {"soort": "externe_hulp", "organisatie": "Jutters",
                              "doelen": "Gezinsbegeleiding.", "wie_doet_wat": "Jutters.",
                              "evaluatie_1": date(2026, 12, 8)})
    klik.stap(zd, "plan")
    teksten = " ".join(f"{s.titel} {s.inhoud}" for s in Dossierstuk.objects.filter(
        leerling=zw.anna))
    assert "Plan van aanpak zorg vastgesteld" in teksten
    # The trajectories stay in the care file; the meldcode above all.
    for woord in ("Jutters", "Veilig Thuis", "meldcode", "Blauwe plekken", "afwegingskader"):
        assert woord.lower() not in teksten.lower(), woord


@pytest.mark.parametrize(("antwoorden", "besluit"), [
    ({"vraag1_vermoeden": "nee"}, "geen_vermoeden"),
    ({"vraag1_vermoeden": "ja", "vraag2_onveilig": "ja"}, "melden"),
    ({"vraag1_vermoeden": "ja", "vraag2_onveilig": "nee", "vraag3_hulp_mogelijk": "nee"},
     "melden"),
    ({"vraag1_vermoeden": "ja", "vraag2_onveilig": "nee", "vraag3_hulp_mogelijk": "ja",
      "vraag4_hulp_aanvaard": "nee"}, "melden"),
    ({"vraag1_vermoeden": "ja", "vraag2_onveilig": "nee", "vraag3_hulp_mogelijk": "ja",
      "vraag4_hulp_aanvaard": "ja", "vraag5_resultaat": "nee"}, "melden"),
    ({"vraag1_vermoeden": "ja", "vraag2_onveilig": "nee", "vraag3_hulp_mogelijk": "ja",
      "vraag4_hulp_aanvaard": "ja", "vraag5_resultaat": "ja"}, "hulp"),
])
def test_elk_antwoord_van_het_afwegingskader_leidt_waar_het_kader_zegt(zw, klik, antwoorden,
                                                                       besluit):
    zd = _tot_plan(zw, klik)
    stappen = {k: v for k, v in TRAJECTEN["veilig_thuis"].items() if k.startswith("stap")}
    r = klik.stap(zd, "traject", {"soort": "veilig_thuis", "doelen": "Veiligheid.",
                                  "wie_doet_wat": "Zorgcoördinator.",
                                  "evaluatie_1": date(2026, 12, 8), **stappen, **antwoorden})
    assert r.status_code == 302, tekst(r)
    assert Meldcode.objects.get(traject__zorgdossier=zd).besluit == besluit


def test_een_vraag_na_het_beslissende_antwoord_wordt_geweigerd(zw, klik):
    zd = _tot_plan(zw, klik)
    stappen = {k: v for k, v in TRAJECTEN["veilig_thuis"].items() if k.startswith("stap")}
    r = klik.stap(zd, "traject", {"soort": "veilig_thuis", "doelen": "Veiligheid.",
                                  "wie_doet_wat": "Zorgcoördinator.",
                                  "evaluatie_1": date(2026, 12, 8), **stappen,
                                  "vraag1_vermoeden": "nee", "vraag2_onveilig": "ja"})
    assert r.status_code == 400
    assert ("Na het antwoord op vraag 1 van het afwegingskader stopt de afweging: laat de "
            "vragen daarna leeg.") in tekst(r)
    assert not Meldcode.objects.exists()


def test_een_evaluatiedatum_in_de_kerstvakantie_wordt_geweigerd(zw, klik):
    zd = _tot_plan(zw, klik)
    r = klik.stap(zd, "traject", {"soort": "eigen_begeleiding", "doelen": "x",
                                  "wie_doet_wat": "y", "evaluatie_1": date(2026, 12, 29)})
    assert r.status_code == 400
    assert ("29-12-2026 is geen schooldag (kerstvakantie regio midden); kies voor "
            "'evaluatiedatum' een schooldag.") in tekst(r)
    assert not Evaluatie.objects.exists()
    assert dossier_van(zw.anna).fase == Zorgfase.PLAN


def test_het_signaal_van_de_docent_en_de_toegang_van_de_remedial_teacher(zw, klik):
    # The zorgcoördinator gives a remedial teacher access to this one care case.
    zd = _tot_plan(zw, klik)
    assert klik.als(zw.remedial_teacher).pagina(zd).status_code == 404
    r = klik.als(zw.zorgcoordinator).stap(zd, "toegang", {
        "aan": zw.remedial_teacher.pk, "tot": date(2027, 1, 31),
        "reden": "Leesbegeleiding binnen het plan."})
    assert r.status_code == 302, tekst(r)
    pagina = tekst(klik.als(zw.remedial_teacher).pagina(zd))
    assert "Vader is vertrokken" in pagina
    assert Signaal.objects.count() == 1


def test_de_uitnodiging_aan_de_ouders_bij_de_terugkoppeling_is_een_brief(
        zw, klik, django_capture_on_commit_callbacks):
    from io import BytesIO

    from pypdf import PdfReader

    zd = naar_fase_via_services(zw, "terugkoppeling")
    with django_capture_on_commit_callbacks(execute=True):
        r = klik.als(zw.zorgcoordinator).stap(zd, "terugkoppeling", {
            "datum": VANDAAG, "mentor": "on", "leerling": "on", "ouders": "on",
            "voor_mentor": "Anna krijgt hulp.", "uitnodigen": "on",
            "gesprek_datum": date(2026, 12, 2), "gesprek_tijd": "15:30", "plaats": "kamer 12"})
    assert r.status_code == 302
    brief = Brief.objects.get(leerling=zw.anna, soort="uitnodiging_gesprek")
    assert brief.status == "gemaakt"
    pdf = " ".join(" ".join(p.extract_text().split())
                   for p in PdfReader(BytesIO(bytes(brief.pdf))).pages)
    assert "Graag nodigen wij u uit voor een gesprek over Anna." in pdf
    assert "Aanleiding: de begeleiding van Anna op school." in pdf
    assert "2 december 2026" in pdf and "15:30" in pdf and "kamer 12" in pdf
    assert "24 november 2026" in pdf  # the letter's date
    # Nothing of the care file itself is in the letter.
    assert "Vader" not in pdf and "Jeugdformaat" not in pdf


def test_de_termijn_van_de_mentor_staat_bij_mijn_termijnen(zw, klik):
    klik.als(zw.docent).signaal(zw.anna)
    start = tekst(klik.als(zw.mentor).client.get("/"))
    assert "Gesprek mentor met leerling na zorgsignaal" in start
    assert "1 december 2026" in start


def test_een_signaal_over_de_thuissituatie_komt_bij_de_persoonlijke_omstandigheden(zw, klik):
    klik.als(zw.docent).signaal(zw.anna, categorieen=["thuissituatie"],
                                waarneming="Anna zegt dat ze 's avonds alleen thuis is.")
    stuk = Dossierstuk.objects.get(leerling=zw.anna)
    assert (stuk.sectie, stuk.titel) == ("omstandigheden", "Zorgsignaal: thuissituatie")
    # The mentor reads it in the dossier and follows it to the case.
    pagina = klik.als(zw.mentor).client.get(f"/leerlingen/{zw.anna.pk}/dossier/")
    assert f'href="/zorg/{dossier_van(zw.anna).pk}/"' in pagina.content.decode()


def test_de_beheerder_ziet_in_het_admin_geen_leerling_van_een_zorgtraject(zw, klik, client):
    from django.contrib.auth import get_user_model

    naar_fase_via_services(zw, "analyse")
    superuser = get_user_model().objects.create_superuser("super", password="x")
    inloggen_met_tweede_factor(client, superuser)  # the admin asks it of a superuser
    r = client.get("/beheer/zorg/zorgdossier/")
    assert r.status_code == 200
    pagina = tekst(r)
    assert "probleemanalyse door de zorgcoördinatoren" in pagina
    assert "Anna" not in pagina and "Vries" not in pagina
    assert client.get("/beheer/zorg/zorgdossier/add/").status_code == 403


def test_zonder_bekende_schoolkalender_een_duidelijke_melding_en_niets_opgeslagen(zw, klik):
    # Noordgouw's region lacks part of 2026-2027 in the shipped data and the school has not
    # entered its own vacations yet: the deadline cannot be computed.
    from dossiers.models import Groep, Lesopdracht
    from statuut.models import Rol
    from tests.personas import maak_gebruiker

    docent = maak_gebruiker("ngdocent", "N. Docent", zw.andere_school, Rol.DOCENT)
    Lesopdracht.objects.create(docent=docent.medewerker, vak="Frans",
                               groep=Groep.objects.get(school=zw.andere_school))
    r = klik.als(docent).signaal(zw.dirk)
    assert r.status_code == 400
    assert "De schoolkalender van Noordgouw Testlyceum is niet bekend" in tekst(r)
    assert "er niets vastgelegd" in tekst(r)
    assert not Zorgdossier.objects.exists() and not Signaal.objects.exists()


def test_een_beheerder_van_een_andere_school_ziet_het_zorgtraject_niet_in_het_admin(zw, client):
    from django.contrib.auth.models import Permission

    from statuut.models import Rol
    from tests.personas import maak_gebruiker

    zd = naar_fase_via_services(zw, "analyse")
    ng = maak_gebruiker("beheerder-ng", "N. Beheer", zw.andere_school,
                        Rol.FUNCTIONEEL_BEHEERDER)
    ng.is_staff = True
    ng.save()
    ng.user_permissions.add(Permission.objects.get(codename="view_zorgdossier"))
    client.force_login(ng)
    assert client.get(f"/beheer/zorg/zorgdossier/{zd.pk}/change/").status_code in (302, 404)
    assert client.get("/beheer/zorg/zorgdossier/").context["cl"].result_count == 0
