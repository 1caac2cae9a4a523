"""Who sees which complaint (Echnaton art. 12 "Seksuele intimidatie"; the issue: visible to
nobody else, not the mentor, not the teamleider, not the directie unless the
vertrouwenspersoon shares it; the person complained about sees that a complaint exists and
responds, nothing more; superuser and functioneel beheerder see no complaint content)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dossiers.models import Brief, Dossierstuk
from klachten.models import Klacht, Verweer
from statuut.models import Rol, Termijn
from tests.personas import maak_gebruiker

from .conftest import berichten, get, op, post
from .test_klachtroutes import indienen

DAG = date(2026, 11, 23)
GEHEIM = "Opmerkingen over uiterlijk in de gymles"


@pytest.fixture
def melding(client, kw):
    """The mentor passes on Anna's report of sexual intimidation by the docent."""
    antwoord = post(client, kw.mentor, DAG, reverse("klachten:indienen"), {
        "leerling": kw.anna.pk, "klager_soort": "leerling", "onderwerp_soort": "medewerker",
        "beklaagde": kw.docent.medewerker.pk, "seksuele_intimidatie": "on", "onderwerp": GEHEIM,
        "omschrijving": "Anna vertelde het in vertrouwen.", "ingediend_op": DAG.isoformat()})
    assert berichten(antwoord) == [
        "De melding is rechtstreeks en vertrouwelijk naar de vertrouwenspersoon gegaan. U ziet "
        "haar niet meer; de vertrouwenspersoon neemt contact op met de klager."]
    klacht = Klacht.objects.get()
    assert (klacht.route, klacht.fase.code) == ("vertrouwelijk", "seksuele-intimidatie")
    return klacht


def _superuser(kw):
    user = maak_gebruiker("super", "S. Super", kw.school, Rol.DIRECTIE)
    user.is_superuser = user.is_staff = True
    user.save()
    return user


ANDEREN = ["mentor", "teamleider", "directie", "administratie", "zorgcoordinator", "docent",
           "docent_4h", "beheerder", "buitenstaander"]


@pytest.mark.parametrize("wie", [*ANDEREN, "superuser"])
def test_de_melding_bij_de_vertrouwenspersoon_is_voor_ieder_ander_onzichtbaar(
        client, kw, melding, wie):
    user = _superuser(kw) if wie == "superuser" else getattr(kw, wie)
    assert get(client, user, DAG, reverse("klachten:klacht", args=[melding.pk])).status_code == 404
    overzicht = get(client, user, DAG, reverse("klachten:overzicht") + "?q=gymles")
    assert GEHEIM not in overzicht.content.decode() and melding.kenmerk not in (
        overzicht.content.decode())
    start = get(client, user, DAG, reverse("start")).content.decode()
    assert GEHEIM not in start and melding.kenmerk not in start
    verslag = get(client, user, DAG, reverse("klachten:verslag", args=[kw.school.pk])
                  + "?jaar=2026-2027")
    if verslag.status_code == 200:  # the directie (and a superuser with that role)
        assert verslag.context["cijfers"].totaal == 0
        csv = get(client, user, DAG, reverse("klachten:verslag", args=[kw.school.pk])
                  + "?jaar=2026-2027&formaat=csv").content.decode()
        assert "Totaal ingediend;0" in csv and "intimidatie" not in csv.lower()
    else:
        assert verslag.status_code == 404


def test_de_melding_laat_geen_spoor_in_dossier_post_of_termijnen(kw, melding):
    assert not Dossierstuk.objects.filter(leerling=kw.anna).exists()
    assert not Brief.objects.exists()
    assert not Termijn.objects.filter(omschrijving__icontains="gymles").exists()


def test_de_vertrouwenspersoon_ziet_de_melding_en_deelt_haar_met_de_directie(
        client, kw, melding):
    vp = kw.vertrouwenspersoon
    pagina = get(client, vp, DAG, reverse("klachten:klacht", args=[melding.pk]))
    assert pagina.status_code == 200 and GEHEIM in pagina.content.decode()
    assert GEHEIM in get(client, vp, DAG, reverse("klachten:overzicht")).content.decode()
    post(client, vp, DAG, reverse("klachten:delen", args=[melding.pk]), {"met": kw.directie.pk})
    assert get(client, kw.directie, DAG,
               reverse("klachten:klacht", args=[melding.pk])).status_code == 200
    assert get(client, kw.teamleider, DAG,
               reverse("klachten:klacht", args=[melding.pk])).status_code == 404


def test_wie_de_melding_gedeeld_kreeg_kan_haar_niet_intrekken(client, kw, melding):
    post(client, kw.vertrouwenspersoon, DAG, reverse("klachten:delen", args=[melding.pk]),
         {"met": kw.mentor.pk})
    antwoord = post(client, kw.mentor, DAG, reverse("klachten:intrekken", args=[melding.pk]),
                    {"reden": "De leerling wil niet verder."})
    assert berichten(antwoord) == [
        "Een vertrouwelijke melding wordt alleen door de vertrouwenspersoon afgesloten, "
        "voortgezet of ingetrokken; u kunt haar alleen inzien."]
    assert Klacht.objects.get().is_open


def test_alleen_de_vertrouwenspersoon_deelt(client, kw, melding):
    post(client, kw.vertrouwenspersoon, DAG, reverse("klachten:delen", args=[melding.pk]),
         {"met": kw.mentor.pk})
    antwoord = post(client, kw.mentor, DAG, reverse("klachten:delen", args=[melding.pk]),
                    {"met": kw.teamleider.pk})
    assert berichten(antwoord) == ["Alleen de vertrouwenspersoon deelt een vertrouwelijke "
                                   "melding."]
    assert list(Klacht.objects.get().gedeeld_met.all()) == [kw.mentor]


def test_degene_over_wie_geklaagd_wordt_ziet_dat_de_klacht_bestaat_en_voert_verweer(client, kw):
    klacht = indienen(client, kw, DAG)
    pagina = get(client, kw.docent, DAG, reverse("klachten:klacht", args=[klacht.pk]))
    tekst = pagina.content.decode()
    assert pagina.status_code == 200
    assert "Toetsen worden niet nabesproken" in tekst and "Bemiddeling door de mentor" in tekst
    assert "lacht om vragen" not in tekst  # the complainant's account stays with the handlers
    assert "Anna sprak de docent" not in tekst  # and so do the stages' records
    assert "Anna de Vries" in tekst  # a docent of 1A sees her name (art. 9.4: category A)
    antwoord = post(client, kw.docent, DAG, reverse("klachten:verweer", args=[klacht.pk]),
                    {"tekst": "Ik bespreek elke toets na in de volgende les."})
    assert berichten(antwoord) == ["Uw verweer is vastgelegd."]
    assert Verweer.objects.get().door == kw.docent
    # The mentor, who handles the stage, reads it.
    assert "Ik bespreek elke toets na" in get(client, kw.mentor, DAG, reverse(
        "klachten:klacht", args=[klacht.pk])).content.decode()


def test_alleen_de_beklaagde_voert_verweer(client, kw):
    klacht = indienen(client, kw, DAG)
    antwoord = post(client, kw.mentor, DAG, reverse("klachten:verweer", args=[klacht.pk]),
                    {"tekst": "Namens de docent."})
    assert berichten(antwoord) == ["Alleen degene tegen wie de klacht is gericht voert verweer."]
    assert not Verweer.objects.exists()


@pytest.mark.parametrize("wie", ["docent_4h", "teamleider_bovenbouw", "buitenstaander",
                                 "beheerder", "zorgcoordinator", "administratie"])
def test_wie_niets_met_de_klacht_te_maken_heeft_krijgt_404(client, kw, wie):
    klacht = indienen(client, kw, DAG)
    user = getattr(kw, wie)
    assert get(client, user, DAG, reverse("klachten:klacht", args=[klacht.pk])).status_code == 404
    antwoord = post(client, user, DAG, reverse("klachten:afronden", args=[klacht.pk]),
                    {"wat_gebeurde": "x", "reactie_klager": "y"})
    assert antwoord.status_code == 404
    assert Klacht.objects.get().status == "in_behandeling"


def test_een_superuser_ziet_geen_klachtinhoud(client, kw):
    klacht = indienen(client, kw, DAG)
    user = _superuser(kw)
    assert get(client, user, DAG, reverse("klachten:klacht", args=[klacht.pk])).status_code == 404


def test_het_overzicht_van_de_schoolleiding_zet_te_late_klachten_voorop_met_vast_aantal_queries(
        client, kw):
    for dag in (date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16)):
        indienen(client, kw, dag)
    url = reverse("klachten:overzicht")
    with op(DAG):
        client.force_login(kw.directie)
        client.get(url)  # warm caches
        with CaptureQueriesContext(connection) as drie:
            pagina = client.get(url)
    open_klachten = pagina.context["scholen"][0]["klachten"]
    assert [k.vervaldatum for k in open_klachten] == [
        date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)]
    assert [k.te_laat for k in open_klachten] == [True, False, False]
    for dag in (date(2026, 10, 5), date(2026, 10, 6), date(2026, 10, 7)):
        indienen(client, kw, dag)
    with op(DAG):
        client.force_login(kw.directie)
        client.get(url)
        with CaptureQueriesContext(connection) as zes:
            pagina = client.get(url)
    assert len(pagina.context["scholen"][0]["klachten"]) == 6
    assert len(zes) == len(drie) <= 40


def test_het_lezen_van_een_klacht_en_van_een_vertrouwelijke_melding_staat_in_het_inzagelog(
        client, kw, melding):
    from dossiers.models import Inzage

    klacht = indienen(client, kw, DAG)
    get(client, kw.mentor, DAG, reverse("klachten:klacht", args=[klacht.pk]))
    get(client, kw.vertrouwenspersoon, DAG, reverse("klachten:klacht", args=[melding.pk]))
    # The mentor read it twice: after filing (the redirect) and now.
    assert list(Inzage.objects.filter(onderdeel="klacht").values_list(
        "gebruikersnaam", "object_id")) == [("mentor", klacht.pk)] * 2
    # The confidential page writes the log too (issue 11), marked so that the directie
    # searching the log sees only "leerlinggegevens", never that a report exists.
    rij = Inzage.objects.get(gebruikersnaam="vertrouwenspersoon", lijst="")
    assert (rij.onderdeel, rij.object_id, rij.soorten) == (
        "vertrouwelijke melding", melding.pk, "klacht,vertrouwelijk")
    pagina = get(client, kw.directie, DAG, reverse("inzagelog") + "?lezer=vertrouwenspersoon")
    html = pagina.content.decode()
    assert "leerlinggegevens" in html and "vertrouwelijke melding" not in html
    assert not get(client, kw.directie, DAG, reverse("inzagelog")
                   + "?onderdeel=vertrouwelijk").context["pagina"].object_list


def test_zoeken_op_kenmerk_vindt_alleen_wat_de_gebruiker_mag_zien(client, kw, melding):
    klacht = indienen(client, kw, DAG)
    for zoek, verwacht in ((klacht.kenmerk, [klacht.pk]), (melding.kenmerk, []),
                           (str(melding.pk), []), ("nabesproken", [klacht.pk])):
        pagina = get(client, kw.directie, DAG, reverse("klachten:overzicht") + f"?q={zoek}")
        assert [k.pk for k in pagina.context["mijn"]] == verwacht, zoek
    pagina = get(client, kw.vertrouwenspersoon, DAG,
                 reverse("klachten:overzicht") + f"?q={melding.kenmerk}")
    assert [k.pk for k in pagina.context["mijn"]] == [melding.pk]


def test_het_startpaneel_van_de_directie_telt_open_en_te_late_klachten(client, kw, melding):
    indienen(client, kw, date(2026, 11, 2))  # mentor's term ended 16 November
    indienen(client, kw, date(2026, 11, 20))
    pagina = get(client, kw.directie, DAG, reverse("start")).content.decode()
    assert "Klachten (2, 1 over de termijn)" in " ".join(pagina.split())
    vp = get(client, kw.vertrouwenspersoon, DAG, reverse("start")).content.decode()
    assert melding.kenmerk in vp


# --- withdrawing a share -------------------------------------------------------------------

LATER = date(2026, 11, 30)


def _delen(client, kw, melding, met):
    antwoord = post(client, kw.vertrouwenspersoon, DAG,
                    reverse("klachten:delen", args=[melding.pk]), {"met": met.pk})
    assert berichten(antwoord) == ["De melding is gedeeld."]


def _intrekken(client, user, melding, met, reden="De directie hoeft niet langer mee te "
                                                 "kijken; Anna wil dat niet."):
    return post(client, user, LATER, reverse("klachten:delen_intrekken", args=[melding.pk]),
                {"met": met.pk, "reden": reden})


def test_de_vertrouwenspersoon_trekt_het_delen_in_en_de_collega_ziet_de_melding_niet_meer(
        client, kw, melding):
    _delen(client, kw, melding, kw.directie)
    assert GEHEIM in get(client, kw.directie, DAG, reverse("klachten:overzicht")).content.decode()
    antwoord = _intrekken(client, kw.vertrouwenspersoon, melding, kw.directie)
    assert berichten(antwoord) == [
        "Het delen is ingetrokken; de collega ziet de melding niet meer."]
    # The colleague: no page, no line in the overview or the search, no count.
    assert get(client, kw.directie, LATER,
               reverse("klachten:klacht", args=[melding.pk])).status_code == 404
    for url in (reverse("klachten:overzicht"), reverse("klachten:overzicht") + "?q=gymles",
                reverse("start")):
        tekst = get(client, kw.directie, LATER, url).content.decode()
        assert GEHEIM not in tekst and melding.kenmerk not in tekst
    verslag = get(client, kw.directie, LATER, reverse("klachten:verslag", args=[kw.school.pk])
                  + "?jaar=2026-2027")
    assert verslag.context["cijfers"].totaal == 0
    # Who withdrew it, when and why stays on record, on the vertrouwenspersoon's page.
    deling = melding.delingen.get()
    assert (deling.met, deling.gedeeld_door, deling.ingetrokken_door) == (
        kw.directie, kw.vertrouwenspersoon, kw.vertrouwenspersoon)
    assert (deling.gedeeld_op.date(), deling.ingetrokken_op.date()) == (DAG, LATER)
    assert deling.reden_intrekking == "De directie hoeft niet langer mee te kijken; Anna wil " \
                                      "dat niet."
    pagina = get(client, kw.vertrouwenspersoon, LATER,
                 reverse("klachten:klacht", args=[melding.pk])).content.decode()
    assert ("R. Rector, gedeeld op 23 november 2026 – ingetrokken door V. Vertrouwen op "
            "30 november 2026: De directie hoeft niet langer mee te kijken; Anna wil dat "
            "niet.") in " ".join(pagina.split())
    assert list(Klacht.objects.get().gedeeld_met.all()) == []


def test_opnieuw_delen_na_intrekken_is_een_nieuwe_deling(client, kw, melding):
    _delen(client, kw, melding, kw.directie)
    _intrekken(client, kw.vertrouwenspersoon, melding, kw.directie)
    _delen(client, kw, melding, kw.directie)
    assert get(client, kw.directie, LATER,
               reverse("klachten:klacht", args=[melding.pk])).status_code == 200
    assert [d.ingetrokken_op is None for d in melding.delingen.all()] == [False, True]


def test_intrekken_zonder_reden_of_zonder_deling_wordt_geweigerd(client, kw, melding):
    _delen(client, kw, melding, kw.directie)
    leeg = _intrekken(client, kw.vertrouwenspersoon, melding, kw.directie, reden="")
    assert berichten(leeg) == ["Noteer waarom u het delen intrekt."]
    niet_gedeeld = _intrekken(client, kw.vertrouwenspersoon, melding, kw.mentor)
    assert berichten(niet_gedeeld) == [
        "De melding is niet gedeeld met M. Mentor: er is niets in te trekken."]
    dubbel = post(client, kw.vertrouwenspersoon, DAG, reverse("klachten:delen",
                                                              args=[melding.pk]),
                  {"met": kw.directie.pk})
    assert berichten(dubbel) == ["De melding is al gedeeld met R. Rector."]
    assert melding.delingen.get().ingetrokken_op is None
    assert list(Klacht.objects.get().gedeeld_met.all()) == [kw.directie]


def test_alleen_de_vertrouwenspersoon_trekt_het_delen_in(client, kw, melding):
    _delen(client, kw, melding, kw.directie)
    _delen(client, kw, melding, kw.mentor)
    # A colleague it was shared with sees it, but cannot withdraw another's share.
    antwoord = _intrekken(client, kw.mentor, melding, kw.directie)
    assert berichten(antwoord) == [
        "Alleen de vertrouwenspersoon trekt het delen van een vertrouwelijke melding in."]
    # Who does not see the report gets 404.
    assert _intrekken(client, kw.teamleider, melding, kw.directie).status_code == 404
    assert set(Klacht.objects.get().gedeeld_met.all()) == {kw.directie, kw.mentor}
    assert not melding.delingen.filter(ingetrokken_op__isnull=False).exists()
