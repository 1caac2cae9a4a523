"""Issue 12, points 8 and 15 for schorsingen at Echnaton (art. 8.2: a three-day schorsing is
the schoolleiding's).

15: a teamleider's proposal that only the directie may decide tells the directie, through
one deadline and its reminder (never a bare e-mail), by reference, not by name.
8: a decided schorsing "7-9 december (3 schooldagen)" over which 9 December becomes a
studiedag is not changed silently: the decision-maker is told and the page shows the
conflict until they record what stays."""

from __future__ import annotations

from datetime import date

from django.core import mail
from django.urls import reverse

from dossiers.models import Dossierstuk
from statuut.models import Termijn, VrijeDag
from statuut.services import kalender_gewijzigd
from tests.zorg.conftest import tekst

from .helpers import Loper, meldingen, vers


def _voorstel(loper, w, eerste_dag: str):
    schorsing = loper.als(w.teamleider).voorstellen(
        w.anna, gronden=["Wangedrag of vernieling"], eerste_dag=eerste_dag, schooldagen="3")
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna erkent dat zij heeft gevochten.")
    return vers(schorsing)


def test_een_voorstel_dat_de_directie_beslist_meldt_zich_bij_de_directie(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _voorstel(loper, w, "2026-11-25")
    termijn = Termijn.objects.get(omschrijving=f"Schorsing S-{schorsing.pk}: voorstel wacht "
                                               "op uw besluit")
    # Decided and made known before the first day: by the last school day before it.
    assert (termijn.verantwoordelijke_rol, termijn.vervaldatum, termijn.status) == (
        "directie", date(2026, 11, 24), "open")
    [bericht] = [m for m in mail.outbox if m.to == ["directie@school.example"]]
    assert bericht.subject == ("[Echnaton Testcollege] Er wacht een stap op u, uiterlijk "
                               "dinsdag 24 november 2026")
    assert f"Termijn: Schorsing S-{schorsing.pk}: voorstel wacht op uw besluit" in bericht.body
    assert "Anna" not in bericht.body and "Vries" not in bericht.body
    # The teamleider who proposed is not told of their own act.
    assert not [m for m in mail.outbox if m.to == ["teamleider@school.example"]]
    # In the app, the directie (who may see Anna) reads her name beside the reference.
    client.force_login(w.directie)
    assert (f"Schorsing S-{schorsing.pk}: voorstel wacht op uw besluit – Anna de Vries"
            in tekst(client.get("/")))

    loper.als(w.directie).stap(schorsing, "besluiten", eerste_dag="2026-11-25",
                               schooldagen="3", motivering="Vechten.")
    assert vers(schorsing).status == "besloten"
    assert Termijn.objects.get(pk=termijn.pk).status == "voldaan"


def test_een_studiedag_in_een_besloten_schorsing_wordt_gemeld_en_niets_verandert(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _voorstel(loper, w, "2026-12-07")
    loper.als(w.directie).stap(schorsing, "besluiten", eerste_dag="2026-12-07",
                               schooldagen="3", motivering="Vechten.")
    schorsing = vers(schorsing)
    assert (schorsing.eerste_dag, schorsing.laatste_dag) == (date(2026, 12, 7),
                                                             date(2026, 12, 9))
    mail.outbox.clear()

    VrijeDag.objects.create(school=w.school, eerste_dag=date(2026, 12, 9),
                            laatste_dag=date(2026, 12, 9), omschrijving="studiedag")
    with django_capture_on_commit_callbacks(execute=True):
        kalender_gewijzigd(school=w.school)

    # Nothing changed silently ...
    schorsing = vers(schorsing)
    assert (schorsing.eerste_dag, schorsing.laatste_dag, schorsing.schooldagen) == (
        date(2026, 12, 7), date(2026, 12, 9), 3)
    # ... the one who decided is told, by reference ...
    omschrijving = f"Schorsing S-{schorsing.pk}: schoolkalender gewijzigd, besluit nakijken"
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["directie@school.example"],
         "[Echnaton Testcollege] Er wacht een stap op u, uiterlijk dinsdag 24 november 2026")]
    assert f"Termijn: {omschrijving}" in mail.outbox[0].body
    assert Termijn.objects.get(omschrijving=omschrijving).verantwoordelijke == w.directie
    # ... and the page shows the conflict.
    conflict = ("9 december 2026 is sinds 23 november 2026 een vrije dag (studiedag); de "
                "schorsing telt nu 2 schooldagen in plaats van de besloten 3 schooldagen. "
                "Beslis of de schorsing blijft zoals besloten of dat er een nieuw besluit nodig "
                "is; er is niets vanzelf veranderd.")
    url = reverse("sancties:schorsing", args=[schorsing.pk])
    client.force_login(w.teamleider)
    pagina = tekst(client.get(url))
    assert conflict in pagina
    assert "Wat blijft er staan" not in pagina  # the teamleider did not decide it
    client.force_login(w.directie)
    assert conflict in tekst(client.get(url))

    antwoord = loper.als(w.directie).post(
        reverse("sancties:schorsing_kalender", args=[schorsing.pk]),
        {"toelichting": "De schorsing blijft 7 en 8 december; 9 december is geen lesdag."})
    assert meldingen(antwoord) == ["Vastgelegd; de melding over de schoolkalender is "
                                   "afgehandeld."]
    assert conflict not in tekst(antwoord)
    assert Termijn.objects.get(omschrijving=omschrijving).status == "voldaan"
    stuk = Dossierstuk.objects.get(leerling=w.anna,
                                   titel="Schoolkalender gewijzigd tijdens de schorsing")
    assert conflict in stuk.inhoud and "9 december is geen lesdag" in stuk.inhoud


def test_een_time_out_wacht_op_de_goedkeuring_van_de_directeur_en_die_hoort_het(
        client, scholen, klok, django_capture_on_commit_callbacks):
    from sancties.models import TimeOut
    from statuut.models import Herinnering

    from .conftest import moment

    s = scholen
    s.directeur_wz.email = "directeur@wijzer.example"
    s.directeur_wz.save()
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.leerkracht_wz)
    loper.post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]), {
        "incident": "Sanne gooide een stoel naar een klasgenoot.",
        "motivering": "Veiligheid van de groep."})
    t = TimeOut.objects.get()
    termijn = Termijn.objects.get(omschrijving=f"Time-out T-{t.pk}: voorstel wacht op uw "
                                               "goedkeuring")
    assert (termijn.verantwoordelijke_rol, termijn.vervaldatum) == ("directie",
                                                                    date(2026, 11, 23))
    assert [h.ontvanger for h in Herinnering.objects.filter(termijn=termijn)] == [
        s.directeur_wz]
    [bericht] = [m for m in mail.outbox if m.to == ["directeur@wijzer.example"]]
    assert "Sanne" not in bericht.body and "stoel" not in bericht.body
    client.force_login(s.directeur_wz)
    assert (f"Time-out T-{t.pk}: voorstel wacht op uw goedkeuring – Sanne Smit"
            in tekst(client.get("/")))
    klok.move_to(moment(2026, 11, 23, 10, 5))
    loper.als(s.directeur_wz).post(reverse("sancties:time_out_stap", args=[t.pk, "goedkeuren"]),
                                   {"besluit": "ja"})
    assert Termijn.objects.get(pk=termijn.pk).status == "voldaan"
