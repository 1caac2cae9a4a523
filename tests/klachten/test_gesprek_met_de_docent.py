"""A complaint filed without the talk with the docent starts at "Gesprek met de docent" (art.
12 klachten 1). That talk is the pupil's own; the docent it is about is a party and records
nothing. The pupil tells the mentor how it went or that it did not come about, and the mentor
records it and takes the complaint on to the mediation (art. 12 klachten 2). Before, the
complaint sat there with the accused docent as its only handler and nobody could move it."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from klachten.models import Klacht, Klachtstatus

from .conftest import berichten, get, post

GESPREK, BEMIDDELING = "gesprek-docent", "bemiddeling-mentor"
DAG = date(2026, 12, 7)


def _indienen_zonder_gesprek(client, w) -> Klacht:
    post(client, w.mentor, DAG, reverse("klachten:indienen"), {
        "leerling": w.anna.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
        "beklaagde": w.docent.medewerker.pk, "onderwerp": "Toetsen worden niet nabesproken",
        "omschrijving": "De docent bespreekt de toetsen nooit na.", "eerste_fase_gehad": "",
        "ingediend_op": DAG.isoformat()})
    klacht = Klacht.objects.get()
    assert (klacht.fase.code, klacht.status) == (GESPREK, Klachtstatus.IN_BEHANDELING)
    return klacht


def _pagina(client, user, klacht, datum=DAG) -> str:
    antwoord = get(client, user, datum, reverse("klachten:klacht", args=[klacht.pk]))
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_de_mentor_legt_het_gesprek_vast_en_brengt_de_klacht_naar_de_bemiddeling(client, kw):
    klacht = _indienen_zonder_gesprek(client, kw)
    stap = klacht.stappen.get(fase__code=GESPREK)
    assert stap.behandelaar == kw.mentor  # not the docent the complaint is about
    pagina = _pagina(client, kw.mentor, klacht)
    assert "Uitkomst vastleggen: Gesprek met de docent" in pagina
    assert reverse("klachten:afronden", args=[klacht.pk]) in pagina

    antwoord = post(client, kw.mentor, DAG, reverse("klachten:afronden", args=[klacht.pk]), {
        "wat_gebeurde": "Het gesprek kwam niet tot stand: de docent had geen tijd.",
        "reactie_klager": "Anna wil dat de mentor bemiddelt."})
    assert berichten(antwoord) == [
        "De uitkomst van de fase is vastgelegd. De klager kiest nu: afsluiten of verder."]
    assert "Verder naar: Bemiddeling door de mentor" in antwoord.content.decode()

    antwoord = post(client, kw.mentor, DAG, reverse("klachten:doorzetten", args=[klacht.pk]),
                    {"naar": BEMIDDELING, "klager_wil_verder": "on"})
    assert berichten(antwoord) == ["De klacht is naar de volgende fase gegaan."]
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert (klacht.fase.code, klacht.status) == (BEMIDDELING, Klachtstatus.IN_BEHANDELING)
    termijn = klacht.stappen.get(fase__code=BEMIDDELING).termijn
    assert (termijn.verantwoordelijke, termijn.vervaldatum) == (kw.mentor, date(2027, 1, 4))


def test_wie_niet_aan_zet_is_leest_wie_wel_en_waarom(client, kw):
    klacht = _indienen_zonder_gesprek(client, kw)
    reden = ("'Gesprek met de docent' is het eigen gesprek van de klager; degene over wie de "
             "klacht gaat legt hier niets vast. Aan zet: mentor (M. Mentor). De klager meldt hoe "
             "het gesprek ging, of dat het niet tot stand kwam; de mentor legt dat vast "
             "en brengt de klacht verder naar 'Bemiddeling door de mentor' (art. 12 klachten 2).")
    for user in (kw.teamleider, kw.directie, kw.docent):
        pagina = _pagina(client, user, klacht)
        assert reden in pagina.replace("&#x27;", "'"), user
        assert reverse("klachten:afronden", args=[klacht.pk]) not in pagina


def test_de_beklaagde_docent_legt_het_gesprek_niet_vast(client, kw):
    klacht = _indienen_zonder_gesprek(client, kw)
    antwoord = post(client, kw.docent, DAG, reverse("klachten:afronden", args=[klacht.pk]), {
        "wat_gebeurde": "Het gesprek was goed.", "reactie_klager": "Tevreden."})
    assert berichten(antwoord) == ["U heeft met deze klacht niets te maken."]
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert klacht.status == Klachtstatus.IN_BEHANDELING


def test_de_teamleider_legt_het_gesprek_niet_vast_en_hoort_wie_wel(client, kw):
    klacht = _indienen_zonder_gesprek(client, kw)
    antwoord = post(client, kw.teamleider, DAG,
                    reverse("klachten:afronden", args=[klacht.pk]),
                    {"wat_gebeurde": "Gesproken.", "reactie_klager": "Tevreden."})
    assert berichten(antwoord) == [
        "Deze fase wordt behandeld door Mentor (art. 12 klachten 1), niet door u."]


def test_een_klacht_tegen_de_mentor_zelf_gaat_naar_de_teamleider(client, kw):
    """The mentor is the one complained about: they neither record the talk nor mediate;
    the teamleiding takes the mediating task (art. 12 klachten 3)."""
    post(client, kw.directie, DAG, reverse("klachten:indienen"), {
        "leerling": kw.anna.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
        "beklaagde": kw.mentor.medewerker.pk, "onderwerp": "De mentor luistert niet",
        "omschrijving": "De mentor luistert niet.", "ingediend_op": DAG.isoformat()})
    klacht = Klacht.objects.get()
    assert klacht.stappen.get(fase__code=GESPREK).behandelaar == kw.teamleider
    pagina = _pagina(client, kw.teamleider, klacht)
    assert reverse("klachten:afronden", args=[klacht.pk]) in pagina
    post(client, kw.teamleider, DAG, reverse("klachten:afronden", args=[klacht.pk]),
         {"wat_gebeurde": "Anna sprak de mentor; niets veranderd.", "reactie_klager": "Verder."})
    post(client, kw.teamleider, DAG, reverse("klachten:doorzetten", args=[klacht.pk]),
         {"naar": BEMIDDELING, "klager_wil_verder": "on"})
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert klacht.fase.code == BEMIDDELING
    assert klacht.stappen.get(fase__code=BEMIDDELING).termijn.verantwoordelijke == kw.teamleider
    pagina = _pagina(client, kw.directie, klacht).replace("&#x27;", "'")
    assert ("Degene over wie de klacht gaat behandelt haar niet. Aan zet: teamleider / "
            "afdelingsleider (T. Leider) legt de uitkomst van 'Bemiddeling door de mentor' vast "
            "(art. 12 klachten 2).") in pagina
    assert reverse("klachten:afronden", args=[klacht.pk]) not in _pagina(client, kw.mentor,
                                                                          klacht)
