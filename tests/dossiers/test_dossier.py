"""The personal dossier (Echnaton art. 9): who sees which sections, the page by section,
corrections by addendum that never touch the original, removal that leaves a tombstone,
and every read in the log."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from dossiers import dossier, toegang
from dossiers.models import Brief, Dossierstuk, Inzage, Verwijdergrond
from statuut.models import Dossiersectie
from statuut.services import InvoerFout
from tests.queries import warm

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _inhoud(response) -> str:
    return response.content.decode()


def _tekst(response) -> str:
    """The visible text of a page, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", _inhoud(response)))


def _stuk(wereld, titel="Gesprek met Anna", *, sectie=Dossiersectie.GEDRAG, inhoud="Tekst",
          leerling=None, datum=None, door=None, bron=None) -> Dossierstuk:
    return dossier.stuk_toevoegen(
        door=door or wereld.mentor, leerling=leerling or wereld.anna, sectie=sectie,
        titel=titel, inhoud=inhoud, datum=datum or date(2026, 10, 1), bron=bron,
        controleer=False,
    )


def _rij(stuk: Dossierstuk) -> dict:
    return Dossierstuk.objects.filter(pk=stuk.pk).values().get()


def _brief(wereld, sleutel: str, **velden) -> Brief:
    return Brief.objects.create(
        school=wereld.school, leerling=wereld.anna, soort="uitstuurbrief", sleutel=sleutel,
        datum=date(2026, 10, 1), aangevraagd_door=wereld.administratie, **velden,
    )


# --- who sees the dossier --------------------------------------------------------------------

ALLE_SECTIES = set(Dossiersectie.values)


@pytest.mark.parametrize(
    ("persona", "leerling", "status"),
    [
        ("mentor", "anna", 200),                 # art. 9.3: the pupil's mentor
        ("teamleider", "anna", 200),             # (assistent) teamleider of the department
        ("directie", "anna", 200),               # schoolleiding
        ("administratie", "anna", 200),          # leerlingenadministratie
        ("docent", "anna", 403),                 # art. 9.4: sees A, D, E, G, never the dossier
        ("zorgcoordinator", "anna", 403),        # art. 9.4: "overige personeelsleden"
        ("docent_4h", "anna", 404),              # teaches another group: no relation
        ("teamleider_bovenbouw", "anna", 404),   # another department
        ("mentor", "bram", 404),                 # not their group
        ("buitenstaander", "anna", 404),         # staff of another school
        ("beheerder", "anna", 404),              # uses the admin, reads no pupil data
    ],
)
def test_wie_het_dossier_ziet_volgens_art_9(client, wereld, persona, leerling, status):
    _stuk(wereld, "Uitstuurbrief", leerling=getattr(wereld, leerling))
    client.force_login(getattr(wereld, persona))
    response = client.get(reverse("dossier", args=[getattr(wereld, leerling).pk]))
    assert response.status_code == status
    if status == 200:
        assert "Uitstuurbrief" in _inhoud(response)
    elif status == 403:
        assert "U heeft geen toegang tot het persoonlijk dossier van deze leerling" in \
            _inhoud(response)
        assert "Uitstuurbrief" not in _inhoud(response)
    assert Inzage.objects.filter(onderdeel__startswith="dossier").count() == (status == 200)


@pytest.mark.parametrize(("persona", "secties"), [
    ("mentor", ALLE_SECTIES), ("teamleider", ALLE_SECTIES), ("directie", ALLE_SECTIES),
    ("administratie", ALLE_SECTIES), ("docent", set()), ("zorgcoordinator", set()),
])
def test_de_secties_per_rol_bij_echnaton(wereld, persona, secties):
    assert toegang.zichtbare_secties(getattr(wereld, persona), wereld.anna) == secties


def test_de_leerlingpagina_linkt_naar_het_dossier_alleen_voor_wie_het_mag_zien(client, wereld):
    url = reverse("dossier", args=[wereld.anna.pk])
    client.force_login(wereld.mentor)
    assert url in _inhoud(client.get(reverse("leerling", args=[wereld.anna.pk])))
    client.force_login(wereld.docent)
    assert url not in _inhoud(client.get(reverse("leerling", args=[wereld.anna.pk])))


def test_een_onbekende_leerling_geeft_404(client, wereld):
    client.force_login(wereld.directie)
    assert client.get(reverse("dossier", args=[999999])).status_code == 404


# --- the page ---------------------------------------------------------------------------------


def test_per_sectie_nieuwste_eerst_met_auteur_en_inhoud(client, wereld):
    _stuk(wereld, "Oud gesprek", datum=date(2026, 9, 1), inhoud="Eerste gesprek.")
    _stuk(wereld, "Nieuw gesprek", datum=date(2026, 10, 5), inhoud="Tweede gesprek.")
    _stuk(wereld, "Brief aan ouders", sectie=Dossiersectie.CORRESPONDENTIE,
          door=wereld.administratie, datum=date(2026, 11, 2))
    client.force_login(wereld.mentor)
    tekst = _tekst(client.get(reverse("dossier", args=[wereld.anna.pk])))
    # Sections in the order of art. 9.2: correspondence before behaviour.
    assert tekst.index("Brief aan ouders") < tekst.index("Nieuw gesprek") \
        < tekst.index("Oud gesprek")
    assert "Tweede gesprek." in tekst
    assert "5 oktober 2026 · M. Mentor · Gedrag" in tekst
    assert "2 november 2026 · A. Administratie · Correspondentie" in tekst


def test_het_sectiefilter_toont_een_sectie(client, wereld):
    _stuk(wereld, "Gesprek", sectie=Dossiersectie.GEDRAG)
    _stuk(wereld, "Dyslexieverklaring", sectie=Dossiersectie.WELZIJN_LEERMOEILIJKHEDEN)
    client.force_login(wereld.mentor)
    inhoud = _inhoud(client.get(reverse("dossier", args=[wereld.anna.pk]), {"sectie": "welzijn"}))
    assert "Dyslexieverklaring" in inhoud
    assert "Gesprek" not in inhoud
    assert Inzage.objects.get().onderdeel == "dossier: welzijn"


def test_een_onbekende_sectie_geeft_een_nederlandse_melding_en_leest_niets(client, wereld):
    _stuk(wereld, "Gesprek")
    client.force_login(wereld.mentor)
    response = client.get(reverse("dossier", args=[wereld.anna.pk]), {"sectie": "geheim"})
    assert response.status_code == 400
    assert "Deze sectie bestaat niet in het dossier of u mag haar niet inzien" in \
        _inhoud(response)
    assert "Gesprek" not in _inhoud(response)
    assert not Inzage.objects.exists()


def test_het_dossier_is_gepagineerd_per_25(client, wereld):
    for i in range(30):
        _stuk(wereld, f"Notitie {i:02d}", datum=date(2026, 9, 1) + timedelta(days=i))
    client.force_login(wereld.mentor)
    eerste = _inhoud(client.get(reverse("dossier", args=[wereld.anna.pk])))
    assert "Notitie 29" in eerste and "Notitie 05" in eerste and "Notitie 04" not in eerste
    assert "Pagina 1 van 2" in eerste
    tweede = _inhoud(client.get(reverse("dossier", args=[wereld.anna.pk]), {"pagina": 2}))
    assert "Notitie 04" in tweede and "Notitie 00" in tweede and "Notitie 05" not in tweede


def test_elke_weergave_komt_in_het_inzagelog_met_de_secties(client, wereld):
    _stuk(wereld, "Gesprek", sectie=Dossiersectie.GEDRAG)
    _stuk(wereld, "Brief", sectie=Dossiersectie.CORRESPONDENTIE)
    client.force_login(wereld.mentor)
    url = reverse("dossier", args=[wereld.anna.pk])
    client.get(url)
    client.get(url)
    rijen = list(Inzage.objects.order_by("pk"))
    assert [r.onderdeel for r in rijen] == ["dossier: correspondentie, gedrag"] * 2
    assert {(r.user_id, r.leerling_id, r.object_id) for r in rijen} == {
        (wereld.mentor.pk, wereld.anna.pk, None)}


def test_een_leeg_dossier_bekijken_wordt_ook_vastgelegd(client, wereld):
    client.force_login(wereld.mentor)
    response = client.get(reverse("dossier", args=[wereld.anna.pk]))
    assert "Het dossier is leeg." in _inhoud(response)
    assert Inzage.objects.get().onderdeel == "dossier: geen stukken"


def test_een_stuk_bekijken_legt_het_stuk_vast(client, wereld):
    stuk = _stuk(wereld, "Gesprek", inhoud="Anna vertelt over thuis.")
    client.force_login(wereld.teamleider)
    response = client.get(reverse("dossierstuk", args=[wereld.anna.pk, stuk.pk]))
    assert "Anna vertelt over thuis." in _inhoud(response)
    inzage = Inzage.objects.get()
    assert (inzage.onderdeel, inzage.object_id) == ("dossier: gedrag", stuk.pk)
    assert inzage.object_type.model == "dossierstuk"


def test_een_stuk_van_een_andere_leerling_geeft_404(client, wereld):
    stuk_bram = _stuk(wereld, "Over Bram", leerling=wereld.bram)
    client.force_login(wereld.mentor)
    assert client.get(reverse("dossierstuk", args=[wereld.anna.pk, stuk_bram.pk])) \
        .status_code == 404


def test_een_stuk_linkt_naar_zijn_bron(client, wereld, monkeypatch):
    brief = _brief(wereld, "brief-1")
    stuk = _stuk(wereld, "Uitstuurbrief", bron=wereld.groep_1a)
    _stuk(wereld, "Zonder bron")
    monkeypatch.setattr(type(wereld.groep_1a), "get_absolute_url",
                        lambda self: f"/groepen/{self.pk}/", raising=False)
    Brief.objects.filter(pk=brief.pk).update(dossierstuk=stuk)
    client.force_login(wereld.mentor)
    inhoud = _inhoud(client.get(reverse("dossier", args=[wereld.anna.pk])))
    assert f'href="/groepen/{wereld.groep_1a.pk}/"' in inhoud
    assert inhoud.count("Naar de bron") == 1


def _vul(wereld, aantal: int) -> None:
    for i in range(aantal):
        bron = _brief(wereld, f"b{aantal}-{i}") if i % 3 == 0 else None
        stuk = _stuk(wereld, f"Stuk {i}", sectie=Dossiersectie.values[i % 7], bron=bron,
                     door=wereld.mentor if i % 2 else wereld.administratie)
        if i % 4 == 0:
            stuk = dossier.stuk_corrigeren(door=wereld.mentor, stuk=stuk, titel=f"Stuk {i}b",
                                           inhoud="Verbeterd", reden="Typfout")
        if i % 5 == 0:
            dossier.stukken_verwijderen(door=wereld.mentor, stukken=[stuk],
                                        grond=Verwijdergrond.JAARLIJKSE_OPSCHONING,
                                        toelichting="Niet meer relevant")


def test_het_aantal_queries_groeit_niet_met_het_aantal_stukken(client, wereld):
    client.force_login(wereld.mentor)
    url = reverse("dossier", args=[wereld.anna.pk])
    _vul(wereld, 5)
    weinig, antwoord = warm(lambda: client.get(url))
    assert antwoord.status_code == 200
    _vul(wereld, 35)
    veel, response = warm(lambda: client.get(url))
    assert response.status_code == 200
    assert _inhoud(response).count('class="kaart dossierstuk') == 25
    assert len(veel) == len(weinig), [q["sql"] for q in veel.captured_queries]


# --- corrections by addendum --------------------------------------------------------------------


def test_een_addendum_laat_het_origineel_byte_voor_byte_staan(wereld):
    stuk = _stuk(wereld, "Gesprek 3 oktober", inhoud="Anna was te laat en brutaal.")
    voor = _rij(stuk)
    addendum = dossier.stuk_corrigeren(
        door=wereld.teamleider, stuk=stuk, titel="Gesprek 3 oktober",
        inhoud="Anna was te laat.", reden="Op verzoek van de ouders: 'brutaal' klopte niet.",
    )
    assert _rij(stuk) == voor
    assert addendum.vervangt == stuk
    assert (addendum.sectie, addendum.leerling, addendum.auteur, addendum.datum) == (
        stuk.sectie, stuk.leerling, wereld.teamleider, stuk.datum)
    assert addendum.correctiereden == "Op verzoek van de ouders: 'brutaal' klopte niet."


def test_de_pagina_toont_de_huidige_versie_met_wie_en_waarom(client, wereld):
    stuk = _stuk(wereld, "Gesprek", inhoud="Oorspronkelijke tekst.")
    moment = datetime(2026, 11, 20, 14, 30, tzinfo=AMSTERDAM)
    with time_machine.travel(moment, tick=False):
        dossier.stuk_corrigeren(door=wereld.mentor, stuk=stuk, titel="Gesprek (gecorrigeerd)",
                                inhoud="Nieuwe tekst.", reden="Datum stond verkeerd")
    client.force_login(wereld.mentor)
    tekst = _tekst(client.get(reverse("dossier", args=[wereld.anna.pk])))
    assert "Gecorrigeerd op 20 november 2026 14:30 door M. Mentor: Datum stond verkeerd" in tekst
    assert tekst.index("Nieuwe tekst.") < tekst.index("Eerdere versie")
    assert tekst.index("Eerdere versie") < tekst.index("Oorspronkelijke tekst.")
    assert tekst.count('Gesprek (gecorrigeerd)') == 1  # one entry, not two


def test_alleen_de_nieuwste_versie_kan_worden_gecorrigeerd(wereld):
    stuk = _stuk(wereld, "Gesprek")
    tweede = dossier.stuk_corrigeren(door=wereld.mentor, stuk=stuk, titel="Gesprek",
                                     inhoud="v2", reden="r1")
    with pytest.raises(InvoerFout, match="Corrigeer de nieuwste versie"):
        dossier.stuk_corrigeren(door=wereld.mentor, stuk=stuk, titel="Gesprek", inhoud="x",
                                reden="r2")
    derde = dossier.stuk_corrigeren(door=wereld.mentor, stuk=tweede, titel="Gesprek",
                                    inhoud="v3", reden="r3")
    assert derde.vervangt == tweede
    assert Dossierstuk.objects.count() == 3


def test_corrigeren_vraagt_het_recht_en_de_sectie(wereld):
    stuk = _stuk(wereld, "Gesprek")
    for wie in (wereld.administratie, wereld.docent, wereld.zorgcoordinator):
        # administratie: may add, not correct (preset); docent and zorg: no dossier at all.
        with pytest.raises(InvoerFout, match="niet corrigeren"):
            dossier.stuk_corrigeren(door=wie, stuk=stuk, titel="x", inhoud="y", reden="z")
    assert Dossierstuk.objects.count() == 1


def test_de_correctie_via_het_formulier(client, wereld):
    stuk = _stuk(wereld, "Gesprek", inhoud="Oude tekst")
    client.force_login(wereld.mentor)
    url = reverse("dossierstuk_corrigeren", args=[wereld.anna.pk, stuk.pk])
    formulier = client.get(url)
    assert "Oude tekst" in _inhoud(formulier)  # prefilled with the current text
    assert Inzage.objects.get().object_id == stuk.pk
    response = client.post(url, {"titel": "Gesprek", "inhoud": "Nieuwe tekst",
                                 "reden": "Verkeerd genoteerd"})
    assert response.status_code == 302
    assert Dossierstuk.objects.get(vervangt=stuk).inhoud == "Nieuwe tekst"
    volgende = client.get(response.url)
    assert "De correctie is vastgelegd als addendum" in _inhoud(volgende)


def test_een_lege_reden_geeft_een_melding_en_schrijft_niets(client, wereld):
    stuk = _stuk(wereld, "Gesprek", inhoud="Oude tekst")
    client.force_login(wereld.mentor)
    response = client.post(reverse("dossierstuk_corrigeren", args=[wereld.anna.pk, stuk.pk]),
                           {"titel": "Gesprek", "inhoud": "Nieuw", "reden": "   "})
    assert response.status_code == 200
    assert "Geef de reden van de correctie op." in _inhoud(response)
    assert Dossierstuk.objects.count() == 1


def test_een_verwijderd_stuk_corrigeren_geeft_een_melding_en_schrijft_niets(client, wereld):
    stuk = _stuk(wereld, "Gesprek")
    dossier.stukken_verwijderen(door=wereld.mentor, stukken=[stuk],
                                grond=Verwijdergrond.JAARLIJKSE_OPSCHONING, toelichting="Oud")
    voor = _rij(stuk)
    client.force_login(wereld.mentor)
    response = client.post(reverse("dossierstuk_corrigeren", args=[wereld.anna.pk, stuk.pk]),
                           {"titel": "Gesprek", "inhoud": "Nieuw", "reden": "Toch"})
    assert response.status_code == 400
    assert "Dit stuk is uit het dossier verwijderd en kan niet meer worden gecorrigeerd." \
        in _inhoud(response)
    assert Dossierstuk.objects.count() == 1
    assert _rij(stuk) == voor
    with pytest.raises(InvoerFout, match="verwijderd"):
        dossier.stuk_corrigeren(door=wereld.mentor, stuk=stuk, titel="x", inhoud="y",
                                reden="z")


def test_de_docent_mag_niet_corrigeren(client, wereld):
    stuk = _stuk(wereld, "Gesprek")
    client.force_login(wereld.docent)
    response = client.post(reverse("dossierstuk_corrigeren", args=[wereld.anna.pk, stuk.pk]),
                           {"titel": "x", "inhoud": "y", "reden": "z"})
    assert response.status_code == 403
    assert Dossierstuk.objects.count() == 1


# --- never edited in place: the model guard ---------------------------------------------------


def test_het_model_weigert_een_wijziging_ter_plekke(wereld):
    stuk = _stuk(wereld, "Gesprek", inhoud="Echt gebeurd")
    voor = _rij(stuk)
    for veld, waarde in [("titel", "Anders"), ("inhoud", "Verzonnen"),
                         ("sectie", Dossiersectie.VERZUIM), ("datum", date(2020, 1, 1)),
                         ("leerling", wereld.bram), ("auteur", wereld.directie),
                         ("verwijderd_op", timezone.now())]:
        kopie = Dossierstuk.objects.get(pk=stuk.pk)
        setattr(kopie, veld, waarde)
        with pytest.raises(ValueError, match="nooit ter plekke gewijzigd"):
            kopie.save()
    with pytest.raises(ValueError, match="nooit in bulk gewijzigd"):
        Dossierstuk.objects.filter(pk=stuk.pk).update(inhoud="weg")
    with pytest.raises(ValueError, match="nooit in bulk gewijzigd"):
        wereld.anna.dossierstukken.update(titel="weg")
    with pytest.raises(ValueError, match="nooit in bulk gewijzigd"):
        Dossierstuk.objects.bulk_update([stuk], ["titel"])
    with pytest.raises(ValueError, match="nooit gewist"):
        Dossierstuk.objects.all().delete()
    with pytest.raises(ValueError, match="nooit gewist"):
        stuk.delete()
    assert _rij(stuk) == voor
    # Saving without a change is harmless.
    Dossierstuk.objects.get(pk=stuk.pk).save()
    assert _rij(stuk) == voor


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="De trigger die dossierstukken beschermt bestaat alleen in PostgreSQL.")
def test_de_database_weigert_herschrijven_en_wissen_maar_laat_de_grafsteen_toe(wereld):
    stuk = _stuk(wereld, "Gesprek", inhoud="Echt gebeurd")
    voor = _rij(stuk)
    for sql, melding in [
        ("UPDATE dossiers_dossierstuk SET inhoud = 'Verzonnen'", "nooit gewijzigd"),
        ("UPDATE dossiers_dossierstuk SET titel = 'Anders', inhoud = ''", "nooit gewijzigd"),
        ("DELETE FROM dossiers_dossierstuk", "nooit gewist"),
    ]:
        with pytest.raises(DatabaseError, match=melding):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)
    assert _rij(stuk) == voor
    # The removal procedure's own update passes: content wiped, the removal recorded.
    dossier.stukken_verwijderen(door=wereld.mentor, stukken=[stuk],
                                grond=Verwijdergrond.JAARLIJKSE_OPSCHONING,
                                toelichting="Einde schooljaar", controleer=False)
    na = _rij(stuk)
    assert (na["inhoud"], na["titel"], na["verwijdergrond"]) == (
        "", "Gesprek", Verwijdergrond.JAARLIJKSE_OPSCHONING)
    # A tombstone cannot be rewritten either.
    with pytest.raises(DatabaseError, match="nooit gewijzigd"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE dossiers_dossierstuk SET verwijderd_op = NULL, "
                           "verwijdergrond = ''")


# --- adding a note ------------------------------------------------------------------------------


def test_de_mentor_voegt_een_notitie_toe(client, wereld):
    client.force_login(wereld.mentor)
    url = reverse("dossier_notitie", args=[wereld.anna.pk])
    response = client.post(url, {"sectie": "omstandigheden", "titel": "Verhuizing",
                                 "datum": "2026-11-02", "inhoud": "Het gezin verhuist."})
    assert response.status_code == 302
    stuk = Dossierstuk.objects.get()
    assert (stuk.sectie, stuk.titel, stuk.datum, stuk.auteur) == (
        "omstandigheden", "Verhuizing", date(2026, 11, 2), wereld.mentor)


@pytest.mark.parametrize(("data", "melding"), [
    ({"sectie": "geheim", "titel": "x", "datum": "2026-11-02", "inhoud": "y"},
     "Kies een sectie uit de lijst"),
    ({"sectie": "gedrag", "titel": "", "datum": "2026-11-02", "inhoud": "y"},
     "Geef de notitie een titel."),
    ({"sectie": "gedrag", "titel": "x", "datum": "2026-11-02", "inhoud": ""},
     "Schrijf de notitie."),
    ({"sectie": "gedrag", "titel": "x", "datum": "2999-01-01", "inhoud": "y"},
     "De datum ligt in de toekomst."),
])
def test_een_foute_notitie_geeft_een_melding_en_schrijft_niets(client, wereld, data, melding):
    client.force_login(wereld.mentor)
    response = client.post(reverse("dossier_notitie", args=[wereld.anna.pk]), data)
    assert response.status_code == 200
    assert melding in _inhoud(response)
    assert not Dossierstuk.objects.exists()


def test_toevoegen_vraagt_het_recht_en_de_sectie(wereld):
    # The zorgcoördinator has dossier.toevoegen in the preset but sees no section (art. 9.4).
    for wie in (wereld.docent, wereld.zorgcoordinator, wereld.buitenstaander):
        with pytest.raises(InvoerFout):
            dossier.stuk_toevoegen(door=wie, leerling=wereld.anna, sectie="gedrag",
                                   titel="x")
    with pytest.raises(InvoerFout, match="Onbekende dossiersectie"):
        dossier.stuk_toevoegen(door=wereld.mentor, leerling=wereld.anna, sectie="geheim",
                               titel="x", controleer=False)
    assert not Dossierstuk.objects.exists()
    dossier.stuk_toevoegen(door=wereld.mentor, leerling=wereld.anna, sectie="gedrag",
                           titel="Gesprek")
    assert Dossierstuk.objects.count() == 1


# --- removal: tombstones --------------------------------------------------------------------------


def test_verwijderen_laat_een_grafsteen_met_wie_wanneer_en_waarom(wereld):
    stuk = _stuk(wereld, "Uitstuurbrief 12 oktober", inhoud="Anna gooide met een stoel.",
                 datum=date(2026, 10, 12))
    addendum = dossier.stuk_corrigeren(door=wereld.mentor, stuk=stuk,
                                       titel="Uitstuurbrief 12 oktober",
                                       inhoud="Anna gooide met een tas.", reden="Verkeerd")
    brief = _brief(wereld, "brief-x", pdf=b"%PDF-1.4 inhoud")
    Brief.objects.filter(pk=brief.pk).update(dossierstuk=stuk)
    moment = datetime(2027, 7, 8, 16, 0, tzinfo=AMSTERDAM)
    with time_machine.travel(moment, tick=False):
        verwijderd = dossier.stukken_verwijderen(
            door=wereld.directie, stukken=[stuk], grond=Verwijdergrond.BEZWAAR_GEGROND,
            toelichting="Bezwaar tegen de schorsing gegrond verklaard", controleer=False,
        )
    assert {s.pk for s in verwijderd} == {stuk.pk, addendum.pk}
    for rij in Dossierstuk.objects.all():
        assert rij.inhoud == ""
        assert rij.verwijderd_op == moment
        assert rij.verwijderd_door == wereld.directie
        assert rij.verwijdergrond == "bezwaar_gegrond"
        assert rij.verwijdertoelichting == "Bezwaar tegen de schorsing gegrond verklaard"
    stuk.refresh_from_db()
    assert (stuk.titel, stuk.datum, stuk.sectie, stuk.auteur) == (
        "Uitstuurbrief 12 oktober", date(2026, 10, 12), "gedrag", wereld.mentor)
    assert Brief.objects.get(pk=brief.pk).pdf is None


def test_de_grafsteen_op_de_pagina_zonder_inhoud(client, wereld):
    stuk = _stuk(wereld, "Gesprek over thuis", inhoud="Geheime inhoud", datum=date(2026, 9, 3))
    with time_machine.travel(datetime(2026, 11, 20, 9, 0, tzinfo=AMSTERDAM), tick=False):
        dossier.stukken_verwijderen(door=wereld.mentor, stukken=[stuk],
                                    grond=Verwijdergrond.JAARLIJKSE_OPSCHONING,
                                    toelichting="Niet langer nodig")
    client.force_login(wereld.directie)
    response = client.get(reverse("dossier", args=[wereld.anna.pk]))
    tekst = _tekst(response)
    assert ("Verwijderd op 20 november 2026 door M. Mentor: jaarlijkse opschoning door de "
            "mentor — Niet langer nodig") in tekst
    assert "Gesprek over thuis" in tekst and "3 september 2026" in tekst
    assert "Geheime inhoud" not in _inhoud(response)


def test_verwijderen_vraagt_een_bestaande_grond_en_een_toelichting(wereld):
    stuk = _stuk(wereld, "Gesprek")
    voor = _rij(stuk)
    with pytest.raises(InvoerFout, match="Onbekende grond"):
        dossier.stukken_verwijderen(door=wereld.mentor, stukken=[stuk], grond="zomaar",
                                    toelichting="x", controleer=False)
    with pytest.raises(InvoerFout, match="Licht toe"):
        dossier.stukken_verwijderen(door=wereld.mentor, stukken=[stuk],
                                    grond=Verwijdergrond.JAARLIJKSE_OPSCHONING, toelichting=" ")
    assert _rij(stuk) == voor


def test_bezwaar_en_bewaartermijn_alleen_door_hun_procedure(wereld):
    stuk = _stuk(wereld, "Gesprek")
    for grond in (Verwijdergrond.BEZWAAR_GEGROND, Verwijdergrond.BEWAARTERMIJN):
        with pytest.raises(InvoerFout, match="alleen door de procedure"):
            dossier.stukken_verwijderen(door=wereld.directie, stukken=[stuk], grond=grond,
                                        toelichting="x")
    assert not Dossierstuk.objects.get().is_verwijderd
    dossier.stukken_verwijderen(door=wereld.directie, stukken=[stuk],
                                grond=Verwijdergrond.BEWAARTERMIJN,
                                toelichting="Bewaartermijn van twee jaar verstreken",
                                controleer=False)
    assert Dossierstuk.objects.get().verwijdergrond == "bewaartermijn"


def test_alleen_de_mentor_schoont_op(wereld):
    stuk = _stuk(wereld, "Gesprek")
    for wie in (wereld.teamleider, wereld.directie, wereld.docent):
        with pytest.raises(InvoerFout, match="niet uit het dossier"):
            dossier.stukken_verwijderen(door=wie, stukken=[stuk],
                                        grond=Verwijdergrond.JAARLIJKSE_OPSCHONING,
                                        toelichting="x")
    assert not Dossierstuk.objects.get().is_verwijderd


def test_nogmaals_verwijderen_verandert_niets(wereld):
    stuk = _stuk(wereld, "Gesprek")
    dossier.stukken_verwijderen(door=wereld.mentor, stukken=[stuk],
                                grond=Verwijdergrond.JAARLIJKSE_OPSCHONING, toelichting="a")
    voor = _rij(stuk)
    assert dossier.stukken_verwijderen(door=wereld.directie, stukken=[stuk],
                                       grond=Verwijdergrond.BEZWAAR_GEGROND, toelichting="b",
                                       controleer=False) == []
    assert _rij(stuk) == voor


def test_stukken_van_bron(wereld):
    brief = _brief(wereld, "bron-1")
    eerste = _stuk(wereld, "Brief", bron=brief)
    addendum = dossier.stuk_corrigeren(door=wereld.mentor, stuk=eerste, titel="Brief",
                                       inhoud="v2", reden="r")
    _stuk(wereld, "Ander stuk")
    _stuk(wereld, "Andere bron", bron=_brief(wereld, "bron-2"))
    assert list(dossier.stukken_van_bron(brief)) == [eerste, addendum]


def test_de_mentor_schoont_op_met_een_bevestigingsstap(client, wereld):
    weg = _stuk(wereld, "Oude notitie", inhoud="Niet meer relevant")
    blijft = _stuk(wereld, "Dyslexieverklaring", sectie=Dossiersectie.WELZIJN_LEERMOEILIJKHEDEN)
    client.force_login(wereld.mentor)
    url = reverse("dossier_opschonen", args=[wereld.anna.pk])
    keuze = client.get(url)
    assert "Oude notitie" in _inhoud(keuze) and "Dyslexieverklaring" in _inhoud(keuze)

    bevestigen = client.post(url, {"stukken": [weg.pk], "toelichting": "Einde schooljaar"})
    assert bevestigen.status_code == 200
    assert "Controleer wat u verwijdert" in _inhoud(bevestigen)
    assert "Oude notitie" in _inhoud(bevestigen)
    assert "Dyslexieverklaring" not in _inhoud(bevestigen)
    assert not Dossierstuk.objects.filter(verwijderd_op__isnull=False).exists()

    response = client.post(url, {"stukken": [weg.pk], "toelichting": "Einde schooljaar",
                                 "bevestigd": "1"})
    assert response.status_code == 302
    weg.refresh_from_db()
    blijft.refresh_from_db()
    assert (weg.verwijdergrond, weg.verwijderd_door, weg.inhoud) == (
        "jaarlijkse_opschoning", wereld.mentor, "")
    assert not blijft.is_verwijderd


@pytest.mark.parametrize(("data", "melding"), [
    ({"toelichting": "Einde schooljaar"}, "Kies ten minste één stuk om te verwijderen."),
    ({"stukken": ["STUK"], "toelichting": ""}, "Licht toe waarom deze stukken uit het dossier"),
    ({"stukken": ["999999"], "toelichting": "x"}, "staat niet (meer) in het dossier"),
])
def test_opschonen_met_foute_invoer_schrijft_niets(client, wereld, data, melding):
    stuk = _stuk(wereld, "Oude notitie")
    if data.get("stukken") == ["STUK"]:
        data["stukken"] = [stuk.pk]
    client.force_login(wereld.mentor)
    response = client.post(reverse("dossier_opschonen", args=[wereld.anna.pk]),
                           {**data, "bevestigd": "1"})
    assert response.status_code == 200
    assert melding in _inhoud(response)
    assert not Dossierstuk.objects.get().is_verwijderd


def test_de_teamleider_krijgt_geen_opschoonknop(client, wereld):
    _stuk(wereld, "Gesprek")
    client.force_login(wereld.teamleider)
    url = reverse("dossier_opschonen", args=[wereld.anna.pk])
    assert url not in _inhoud(client.get(reverse("dossier", args=[wereld.anna.pk])))
    assert client.get(url).status_code == 403


# --- the demo -----------------------------------------------------------------------------------


def test_de_demo_heeft_een_correctie_een_grafsteen_en_een_toekenning_en_is_herhaalbaar(db):
    from dossiers.demo import demo_laden
    from dossiers.models import Toekenning

    demo_laden()
    tellingen = (Dossierstuk.objects.count(), Toekenning.objects.count())
    demo_laden()
    assert (Dossierstuk.objects.count(), Toekenning.objects.count()) == tellingen
    # One correction of the dossier's own demo; a daily measure's entry gets an addendum
    # with each step (carried out, withdrawn), which is no correction of a mistake.
    assert Dossierstuk.objects.filter(vervangt__isnull=False, leerling__school__korte_naam=
                                      "echnaton").exclude(
        bron_type__model="lesmaatregel").count() == 1
    grafsteen = Dossierstuk.objects.get(verwijderd_op__isnull=False)
    assert (grafsteen.verwijdergrond, grafsteen.verwijderd_door.username, grafsteen.inhoud) == (
        "jaarlijkse_opschoning", "mentor-echnaton", "")
    t = Toekenning.objects.get()
    assert (t.verleend_door.username, t.user.username) == (
        "zorgcoordinator-echnaton", "remedial-teacher-echnaton")
    assert t.geldig_vanaf <= timezone.localdate() <= t.geldig_tot
