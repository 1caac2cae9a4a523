"""A schorsing at Echnaton (seed 002 art. 8), walked through the pages: the teamleider
imposes a one-day schorsing, made known in writing and beforehand (art. 8.4), reported to
the inspectie (bijlage A: every schorsing), with the letter read back from its PDF."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers.models import Brief, Dossierstuk
from sancties.models import Schorsing
from statuut.models import Termijn

from .conftest import moment
from .helpers import Loper, meldingen, pdf_tekst, vers

PANEEL = "Lopende en komende schorsingen, time-outs en verwijderingen"


def _tot_gehoord(loper: Loper, leerling, door, **voorstel) -> Schorsing:
    schorsing = loper.als(door).voorstellen(
        leerling, gronden=["Wangedrag of vernieling"], eerste_dag="2026-11-25",
        schooldagen=voorstel.pop("schooldagen", 1), **voorstel)
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[door.pk],
               ouders_aanwezig="on", verslag="Anna erkent dat zij de ruit heeft ingegooid.")
    return vers(schorsing)


def test_de_teamleider_schorst_anna_een_dag_van_voorstel_tot_afronding(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)

    # The start page offers the step on the pupil page
    pagina = client.get(reverse("leerling", args=[w.anna.pk]))
    assert "Schorsing voorstellen" in pagina.content.decode()
    nieuw = client.get(reverse("sancties:schorsing_nieuw", args=[w.anna.pk])).content.decode()
    assert "Ongeoorloofd schoolverzuim" in nieuw and "Eendaagse schorsing" in nieuw

    schorsing = loper.voorstellen(w.anna, gronden=["Wangedrag of vernieling"],
                                  eerste_dag="2026-11-25", schooldagen="1")
    assert schorsing.status == "concept"
    assert "Plan nu het hoorgesprek" in loper.antwoord.content.decode()

    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    uitnodiging = Brief.objects.get(soort="uitnodiging_gesprek")
    assert "23 november 2026" in pdf_tekst(uitnodiging)  # Anna is 14: parents are invited

    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna erkent dat zij de ruit heeft ingegooid.")
    assert vers(schorsing).status == "gehoord"

    antwoord = loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen="1",
                          motivering="Opzettelijke vernieling van schooleigendom.",
                          opdrachten="Huiswerk via de studiewijzer; de toets Engels gaat door.")
    assert "De schorsing is besloten" in antwoord.content.decode()
    schorsing = vers(schorsing)
    assert (schorsing.status, schorsing.maatregel.code, schorsing.besloten_door) == (
        "besloten", "schorsing-1-dag", w.teamleider)
    assert schorsing.laatste_dag == date(2026, 11, 25)
    # Bijlage A: every schorsing is reported; DEFAULT two working days. Bezwaar: six weeks.
    assert schorsing.inspectie_melden
    assert schorsing.termijn_inspectie.vervaldatum == date(2026, 11, 25)
    assert schorsing.termijn_bezwaar.vervaldatum == date(2027, 1, 4)

    brief = Brief.objects.get(soort="sanctie_schorsing_besluit")
    tekst = pdf_tekst(brief)
    for zin in ["Besluit tot schorsing", "Anna de Vries", "Utrecht, 23 november 2026",
                "Eendaagse schorsing", "25 november 2026", "Wangedrag of vernieling",
                "Opzettelijke vernieling van schooleigendom",
                "de toets Engels gaat door",
                "artikel 8.2 van het Leerlingenstatuut OSG Echnaton 2009-2011",
                "binnen 6 weken na de datum van dit besluit bezwaar maken, dus uiterlijk 4 "
                "januari 2027",
                "gemeld aan de Inspectie", "M. Mentor"]:
        assert zin in tekst, zin
    # Art. 8.4: "de ouders, de leerling en de mentor", in that order; bijlage A: copies to the
    # board and the inspectie.
    assert [(o.partij, o.afschrift) for o in brief.ontvangers.all()] == [
        ("ouders", False), ("leerling", False), ("mentor", False), ("bevoegd_gezag", True),
        ("inspectie", True)]

    loper.bekendmaken(schorsing, w.administratie)
    assert vers(schorsing).status == "bekendgemaakt"

    # The start page: running schorsing, next step and its deadline
    start = client.get(reverse("start")).content.decode()
    assert PANEEL in start and "melden aan de inspectie" in start

    # Too early to start
    antwoord = loper.stap(schorsing, "ingaan")
    assert "De schorsing gaat pas in op 25 november 2026." in meldingen(antwoord)

    klok.move_to(moment(2026, 11, 25))
    loper.stap(schorsing, "ingaan")
    assert vers(schorsing).status == "lopend"
    antwoord = loper.stap(schorsing, "afronden")
    assert any("moet nog aan de inspectie worden gemeld (uiterlijk 25 november 2026)" in m
               for m in meldingen(antwoord))
    assert vers(schorsing).status == "lopend"
    loper.stap(schorsing, "inspectie", gemeld_op="2026-11-25", kenmerk="ISP-123")
    assert Termijn.objects.get(pk=schorsing.termijn_inspectie.pk).status == "voldaan"
    loper.stap(schorsing, "afronden")
    schorsing = vers(schorsing)
    assert (schorsing.status, schorsing.afgerond_op) == ("afgerond", date(2026, 11, 25))

    titels = list(Dossierstuk.objects.filter(leerling=w.anna, sectie="gedrag")
                  .order_by("pk").values_list("titel", flat=True))
    assert titels == ["Voorstel tot schorsing", "Hoorgesprek gepland",
                      "Verslag hoorgesprek schorsing", "Besluit tot schorsing",
                      "Besluit tot schorsing",  # the letter itself, filed in the dossier
                      "Besluit tot schorsing bekendgemaakt", "Schorsing ingegaan",
                      "Schorsing gemeld aan de inspectie", "Schorsing afgerond"]
    besluit = Dossierstuk.objects.filter(leerling=w.anna, titel="Besluit tot schorsing",
                                         bron_type__model="schorsing").first()
    assert "(1 schooldag)" in besluit.inhoud
    # The pupil page shows the ladder
    pagina = client.get(reverse("leerling", args=[w.anna.pk])).content.decode()
    assert "Maatregelen (ladder)" in pagina and "Eendaagse schorsing" in pagina


def test_een_teamleider_kan_geen_driedaagse_schorsing_besluiten(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _tot_gehoord(loper, w.anna, w.teamleider, schooldagen=3)
    antwoord = loper.als(w.teamleider).stap(schorsing, "besluiten", eerste_dag="2026-11-25",
                                            schooldagen="3", motivering="Vechten.")
    # The proposal's length decides who decides: refused before the form is read, back on
    # the schorsing page with the reason.
    assert antwoord.redirect_chain == [(reverse("sancties:schorsing", args=[schorsing.pk]),
                                        302)]
    assert meldingen(antwoord) == [
        "Dit mag u niet: een driedaagse schorsing (3 schooldagen) opleggen is volgens "
        "artikel 8.2 van het Leerlingenstatuut OSG Echnaton 2009-2011 voorbehouden aan "
        "Directie / schoolleiding."]
    schorsing = vers(schorsing)
    assert (schorsing.status, schorsing.besloten_op) == ("gehoord", None)
    assert not Brief.objects.filter(soort="sanctie_schorsing_besluit").exists()
    # Only the hand-over to the directie (issue 12, point 15), nothing of a decision.
    assert list(Termijn.objects.values_list("regel", flat=True)) == [
        "voorstel wacht op besluit"]
    # The schoolleiding may
    loper.als(w.directie).stap(schorsing, "besluiten", eerste_dag="2026-11-25",
                               schooldagen="3", motivering="Vechten.")
    schorsing = vers(schorsing)
    assert (schorsing.maatregel.code, schorsing.laatste_dag) == ("schorsing-3-dagen",
                                                                 date(2026, 11, 27))


def test_een_schorsing_van_zes_schooldagen_wordt_geweigerd(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.directie)
    schorsing = loper.voorstellen(w.anna, gronden=["Diefstal"], eerste_dag="2026-11-25",
                                  schooldagen="6")
    assert schorsing is None
    assert loper.antwoord.status_code == 400
    assert ("Een schorsing van 6 schooldagen kan niet: volgens artikel 8.2 van het "
            "Leerlingenstatuut OSG Echnaton 2009-2011 duurt een schorsing ten hoogste 5 "
            "schooldagen. Kies een kortere schorsing.") in loper.antwoord.content.decode()
    assert not Dossierstuk.objects.exists()


def test_geen_besluit_voor_het_horen(client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.directie)
    schorsing = loper.voorstellen(w.anna, gronden=["Diefstal"], eerste_dag="2026-11-25",
                                  schooldagen="1")
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    assert "Hoorgesprek plannen" in pagina and "Schorsing besluiten" not in pagina
    antwoord = loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen="1",
                          motivering="Diefstal.")
    assert meldingen(antwoord) == [
        "Eerst horen: een schorsingsbesluit kan pas nadat de leerling is gehoord (hoor en "
        "wederhoor). Leg eerst het hoorgesprek vast."]
    assert vers(schorsing).status == "concept"
    assert Dossierstuk.objects.count() == 1  # only the proposal


def test_vooraf_bekendmaken_een_schorsing_die_vandaag_begint_kan_niet(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _tot_gehoord(loper, w.anna, w.teamleider)
    antwoord = loper.stap(schorsing, "besluiten", eerste_dag="2026-11-23", schooldagen="1",
                          motivering="Vernieling.")
    assert meldingen(antwoord) == [
        "Volgens het leerlingenstatuut wordt een schorsing vooraf schriftelijk bekendgemaakt: "
        "de eerste dag moet na vandaag (23 november 2026) liggen."]


def test_wie_de_leerling_niet_kent_krijgt_404_en_een_docent_ook(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    schorsing = loper.voorstellen(w.anna, gronden=["Diefstal"], eerste_dag="2026-11-25",
                                  schooldagen="1")
    url = reverse("sancties:schorsing", args=[schorsing.pk])
    client.force_login(w.buitenstaander)
    assert client.get(url).status_code == 404
    client.force_login(w.teamleider_bovenbouw)  # another department: no relation to Anna
    assert client.get(url).status_code == 404
    client.force_login(w.docent)  # art. 9.4: sees Anna, not her dossier (nor its measures)
    assert client.get(url).status_code == 404
    assert client.get(reverse("sancties:schorsing_nieuw", args=[w.anna.pk])).status_code == 404


def test_de_leerlingenadministratie_maakt_het_besluit_bekend_en_een_mentor_schorst_niet(
        client, scholen, django_capture_on_commit_callbacks):
    """Art. 8.4: the leerlingenadministratie informs parents, pupil and mentor; art. 7.2: only
    teamleiders and schoolleiders impose a schorsing."""
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _tot_gehoord(loper, w.anna, w.teamleider)
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen="1",
               motivering="Vernieling.")
    client.force_login(w.administratie)
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    # Issue 12 point 5: not before the letter went out (it waits in the outgoing post)
    assert "Besluit is bekendgemaakt" not in pagina and "Schorsing besluiten" not in pagina
    assert "staat nog in de uitgaande post" in pagina
    loper.als(w.administratie).bekendmaken(schorsing, w.administratie)
    assert vers(schorsing).status == "bekendgemaakt"

    client.force_login(w.mentor)
    nieuw = client.get(reverse("sancties:schorsing_nieuw", args=[w.anna.pk]))
    assert nieuw.status_code == 403
    assert ("U mag volgens het leerlingenstatuut geen schorsing voorstellen voor deze "
            "leerling.") in nieuw.content.decode()


def test_na_het_horen_heet_plannen_nog_een_hoorgesprek_plannen(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _tot_gehoord(loper, w.anna, w.teamleider)
    client.force_login(w.teamleider)
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    assert "<h2>Nog een hoorgesprek plannen</h2>" in pagina
    assert "<h2>Hoorgesprek plannen</h2>" not in pagina
