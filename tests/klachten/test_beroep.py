"""Beroep against a teacher's measure (to the teamleiding) and against the teamleiding's
measure (in writing to the schoolleiding), each settled within ten school days, and bezwaar
about the application of the statuut (Echnaton art. 12 Beroep and Bezwaar); Noordgouw's
"no bezwaar against a schorsing" (art. 24.4)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dossiers import dossier
from dossiers.models import Brief, Dossierstuk
from klachten.models import Beroep
from statuut.models import Beroepsregel, Dossiersectie, Termijnstatus

from .conftest import berichten, get, post


def maatregel(kw, door, titel="Strafwerk: 100 regels", datum=date(2026, 11, 20)):
    """A measure as the sancties app will record it, until its model exists: an entry in
    section gedrag, written by who imposed it."""
    return dossier.stuk_toevoegen(door=door, leerling=kw.anna, sectie=Dossiersectie.GEDRAG,
                                  titel=titel, inhoud="Opgelegd wegens storen in de les.",
                                  datum=datum, controleer=False)


def regel(kw, code):
    return Beroepsregel.objects.get(statuut__school=kw.school, code=code)


def instellen(client, kw, code, datum, stuk=None, door=None):
    antwoord = post(client, door or kw.mentor, datum, reverse("klachten:beroep_instellen"), {
        "leerling": kw.anna.pk, "regel": regel(kw, code).pk,
        "maatregel_stuk": stuk.pk if stuk else "", "toelichting": "Anna stoorde niet; "
        "het was haar buurman.", "ingediend_op": datum.isoformat()})
    return antwoord


def beslissen(client, user, beroep, datum, **data):
    return post(client, user, datum, reverse("klachten:beroep", args=[beroep.pk]), data)


def test_beroep_tegen_de_maatregel_van_een_docent_bij_de_teamleiding_vernietigd(client, kw):
    stuk = maatregel(kw, kw.docent)
    antwoord = instellen(client, kw, "beroep-docent", date(2026, 12, 18), stuk)
    beroep = Beroep.objects.get()
    assert berichten(antwoord) == [f"Beroep {beroep.kenmerk} is ingesteld."]
    assert beroep.termijn.vervaldatum == date(2027, 1, 15)  # kerstvakantie does not count
    assert beroep.termijn.verantwoordelijke == kw.teamleider  # of Anna's afdeling
    brief = Brief.objects.get(soort="klacht_beroep_ontvangst")
    assert brief.gegevens["uiterlijk"] == "15 januari 2027"
    assert brief.gegevens["behandelaar"] == "T. Leider"
    # The mentor does not decide; the teamleider does.
    antwoord = beslissen(client, kw.mentor, beroep, date(2027, 1, 11), uitkomst="vernietigd",
                         beslissing="Niet Anna.")
    assert berichten(antwoord) == [
        "Op dit beroep beslist Teamleider / afdelingsleider (art. 12 beroep 1)."]
    antwoord = beslissen(client, kw.teamleider, beroep, date(2027, 1, 11),
                         uitkomst="vernietigd", beslissing="De buurman stoorde, niet Anna.")
    assert berichten(antwoord) == ["De beslissing is vastgelegd."]
    beroep = Beroep.objects.get()
    assert (beroep.status, beroep.uitkomst, beroep.beslist_op) == (
        "beslist", "vernietigd", date(2027, 1, 11))
    assert beroep.termijn.status == Termijnstatus.VOLDAAN
    # The measure's entry stays as it was; an addendum marks it cancelled.
    origineel = Dossierstuk.objects.get(pk=stuk.pk)
    assert origineel.titel == "Strafwerk: 100 regels"
    addendum = origineel.addenda.get()
    assert addendum.titel == "[Vervallen] Strafwerk: 100 regels"
    assert f"na beroep {beroep.kenmerk} vernietigd" in addendum.inhoud
    assert addendum.correctiereden == f"Beroep {beroep.kenmerk}: maatregel vernietigd"
    assert Brief.objects.filter(soort="klacht_beroep_beslissing").count() == 1
    # Reading the beroep's page is logged.
    from dossiers.models import Inzage

    get(client, kw.teamleider, date(2027, 1, 11), reverse("klachten:beroep", args=[beroep.pk]))
    assert Inzage.objects.filter(user=kw.teamleider, leerling=kw.anna,
                                 onderdeel="beroep").exists()


def test_beroep_tegen_de_maatregel_van_de_teamleiding_schriftelijk_bij_de_schoolleiding(
        client, kw):
    stuk = maatregel(kw, kw.teamleider, titel="Gele kaart")
    instellen(client, kw, "beroep-teamleiding", date(2027, 3, 25), stuk)
    beroep = Beroep.objects.get()
    # Goede Vrijdag 26 March and Tweede Paasdag 29 March do not count.
    assert beroep.termijn.vervaldatum == date(2027, 4, 12)
    assert beroep.termijn.verantwoordelijke_rol == "directie"
    antwoord = beslissen(client, kw.directie, beroep, date(2027, 4, 8), uitkomst="gewijzigd",
                         beslissing="Te zwaar voor een eerste keer.",
                         gewijzigde_maatregel="Waarschuwing")
    assert berichten(antwoord) == ["De beslissing is vastgelegd."]
    addendum = Dossierstuk.objects.get(pk=stuk.pk).addenda.get()
    assert addendum.titel == "[Gewijzigd] Gele kaart"
    assert "gewijzigd op 8 april 2027 in: Waarschuwing" in addendum.inhoud


def test_beroep_bevestigd_laat_de_maatregel_staan(client, kw):
    stuk = maatregel(kw, kw.docent)
    instellen(client, kw, "beroep-docent", date(2026, 12, 18), stuk)
    beslissen(client, kw.teamleider, Beroep.objects.get(), date(2027, 1, 11),
              uitkomst="bevestigd", beslissing="De maatregel was terecht.")
    assert Beroep.objects.get().uitkomst == "bevestigd"
    assert not Dossierstuk.objects.get(pk=stuk.pk).addenda.exists()


def test_beroep_bij_de_verkeerde_instantie_wordt_geweigerd(client, kw):
    stuk = maatregel(kw, kw.docent)
    antwoord = instellen(client, kw, "beroep-teamleiding", date(2026, 12, 18), stuk)
    assert antwoord.status_code == 400
    assert ("Deze maatregel is niet genomen door een teamleider / afdelingsleider: kies de "
            "beroepsmogelijkheid tegen de maatregel van wie hem nam.") in antwoord.content.decode()
    assert not Beroep.objects.exists()


def test_bezwaar_over_de_toepassing_van_het_statuut_bij_de_schoolleiding(client, kw):
    antwoord = instellen(client, kw, "bezwaar-toepassing", date(2027, 5, 14))
    beroep = Beroep.objects.get()
    assert berichten(antwoord) == [f"Bezwaar {beroep.kenmerk} is ingesteld."]
    assert beroep.termijn.vervaldatum == date(2027, 5, 31)  # Tweede Pinksterdag does not count
    antwoord = beslissen(client, kw.directie, beroep, date(2027, 5, 27), uitkomst="vernietigd",
                         beslissing="x")
    assert berichten(antwoord) == [
        "Kies een uitkomst: bezwaar gegrond: toepassing in overeenstemming gebracht, bezwaar "
        "ongegrond."]
    beslissen(client, kw.directie, beroep, date(2027, 5, 27), uitkomst="gegrond",
              beslissing="Het te-laatbeleid is voortaan per periode van zes weken toegepast.")
    assert Beroep.objects.get().uitkomst == "gegrond"


@pytest.mark.parametrize(("wie", "zin"), [
    ("buitenstaander", "Noordgouw Testlyceum: tegen een schorsing kan geen bezwaar worden "
                       "gemaakt: het Leerlingenstatuut Christelijk College de Noordgouw sluit "
                       "dat uit. Deze mogelijkheid wordt daarom niet aangeboden."),
    ("mentor", "Echnaton Testcollege: bezwaar tegen een schorsing kan, binnen 6 weken, bij het "
               "bevoegd gezag"),
])
def test_de_pagina_zegt_of_bezwaar_tegen_een_schorsing_kan_uit_het_statuut(
        client, kw, wie, zin):
    pagina = get(client, getattr(kw, wie), date(2026, 11, 23),
                 reverse("klachten:beroep_instellen"))
    tekst = " ".join(pagina.content.decode().split())
    assert zin in tekst
    if wie == "buitenstaander":
        keuzes = [label for _, label in pagina.context["form"].fields["regel"].choices]
        assert not any("bezwaar" in str(k) for k in keuzes)


def test_wie_niets_met_het_beroep_te_maken_heeft_krijgt_404(client, kw):
    instellen(client, kw, "bezwaar-toepassing", date(2026, 11, 23))
    beroep = Beroep.objects.get()
    for user in (kw.docent_4h, kw.teamleider_bovenbouw, kw.buitenstaander, kw.beheerder):
        assert get(client, user, date(2026, 11, 23),
                   reverse("klachten:beroep", args=[beroep.pk])).status_code == 404


def test_de_pagina_biedt_de_maatregelen_van_de_gekozen_leerling(client, kw):
    stuk = maatregel(kw, kw.docent)
    pagina = get(client, kw.mentor, date(2026, 11, 23),
                 reverse("klachten:beroep_instellen") + f"?leerling={kw.anna.pk}")
    assert (stuk.pk, "20-11-2026 Strafwerk: 100 regels") in (
        pagina.context["form"].fields["maatregel_stuk"].choices)
    ander = dossier.stuk_toevoegen(door=kw.docent, leerling=kw.bram, sectie=Dossiersectie.GEDRAG,
                                   titel="Strafwerk Bram", datum=date(2026, 11, 20),
                                   controleer=False)
    antwoord = instellen(client, kw, "beroep-docent", date(2026, 11, 23), ander)
    assert antwoord.status_code == 400
    assert "Kies een maatregel uit het dossier van deze leerling." in antwoord.content.decode()
    assert not Beroep.objects.exists()


def test_een_na_het_beroep_gecorrigeerde_maatregel_krijgt_het_addendum_op_de_nieuwste_versie(
        client, kw):
    stuk = maatregel(kw, kw.docent)
    instellen(client, kw, "beroep-docent", date(2026, 12, 18), stuk)
    correctie = dossier.stuk_corrigeren(door=kw.mentor, stuk=stuk, titel="Strafwerk: 50 regels",
                                        inhoud="Halve straf.", reden="Typefout.",
                                        controleer=False)
    beslissen(client, kw.teamleider, Beroep.objects.get(), date(2027, 1, 11),
              uitkomst="vernietigd", beslissing="Niet Anna.")
    assert correctie.addenda.get().titel == "[Vervallen] Strafwerk: 50 regels"


def test_het_jaarverslag_telt_beroepen_en_hun_termijn(client, kw):
    stuk = maatregel(kw, kw.docent)
    instellen(client, kw, "beroep-docent", date(2026, 12, 18), stuk)
    beslissen(client, kw.teamleider, Beroep.objects.get(), date(2027, 1, 18),
              uitkomst="bevestigd", beslissing="Terecht.")  # due 15 January: late
    instellen(client, kw, "bezwaar-toepassing", date(2027, 1, 18))
    pagina = get(client, kw.directie, date(2027, 1, 19),
                 reverse("klachten:verslag", args=[kw.school.pk]) + "?jaar=2026-2027")
    cijfers = pagina.context["cijfers"]
    assert dict(cijfers.beroepen)["maatregel bevestigd"] == 1
    assert dict(cijfers.beroepen)["nog niet beslist"] == 1
    assert cijfers.beroep_termijnen == [("termijn gehaald", 0), ("termijn gemist", 1),
                                        ("termijn loopt", 1)]
