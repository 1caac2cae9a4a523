"""The verwijdering's steps where Noordgouw's statuut (seed 003 art. 25) asks more than the
law: the pupil heard by directielid, afdelingsleider and a zorgcoördinator together (25.3a),
the directielid's check that every means was used (25.4), and for a referral to the VSO a
toelaatbaarheidsverklaring after the consultation with the samenwerkingsverband (25.6). Each
step refused with its reason when its prerequisite is missing, and then nothing changes."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers.models import Dossierstuk
from sancties.models import Verwijdering

from .helpers import Loper, meldingen
from .test_verwijdering import VANDAAG, _stap, _v

NG = "van het Leerlingenstatuut Christelijk College de Noordgouw"
DIDACTISCH = ("Handelingsverlegenheid op didactische gronden (het onderwijs past niet bij de "
              "leerling of is te moeilijk)")
PEDAGOGISCH = ("Handelingsverlegenheid op pedagogische gronden (het gedrag veroorzaakt "
               "problemen of brengt de veiligheid in gevaar)")


def _voorstel(loper: Loper, leerling, grond: str, **extra) -> Verwijdering | None:
    loper.post(reverse("sancties:verwijdering_nieuw", args=[leerling.pk]),
               {"gronden": [grond], "motivering": "Herhaalde incidenten.", **extra})
    return Verwijdering.objects.filter(leerling=leerling).first()


def _stukken(leerling) -> int:
    return Dossierstuk.objects.filter(leerling=leerling, sectie="gedrag").count()


def test_noordgouw_de_leerling_wordt_gehoord_door_directielid_afdelingsleider_en_zorg(
        client, scholen, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    v = _voorstel(loper, s.dirk, PEDAGOGISCH)
    pagina = client.get(reverse("sancties:verwijdering", args=[v.pk])).content.decode()
    assert "Z. Zorgcoördinator" in pagina  # the school's staff to choose from
    voor = _stukken(s.dirk)

    antwoord = _stap(loper, v, "leerling_gehoord", datum=VANDAAG, verslag="Gehoord.",
                     ouders_aanwezig="on",
                     gehoord_door=[s.directie_ng.pk, s.afdelingsleider_ng.pk])
    assert meldingen(antwoord) == [
        f"Volgens artikel 25.3 {NG} wordt de leerling gehoord door: Directie / schoolleiding, "
        "Teamleider / afdelingsleider, Zorgcoördinator. Ontbreekt bij de gekozen personen: "
        "Zorgcoördinator. Er is niets vastgelegd."]
    assert _v(v).leerling_gehoord_op is None and _stukken(s.dirk) == voor

    antwoord = _stap(loper, v, "leerling_gehoord", datum=VANDAAG, verslag="Gehoord.",
                     ouders_aanwezig="on")
    assert antwoord.status_code == 400
    assert "Kies wie de leerling hebben gehoord." in antwoord.content.decode()

    _stap(loper, v, "leerling_gehoord", datum=VANDAAG, verslag="Dirk vertelt zijn kant.",
          ouders_aanwezig="on",
          gehoord_door=[s.directie_ng.pk, s.afdelingsleider_ng.pk, s.zorg_ng.pk])
    v = _v(v)
    assert v.leerling_gehoord_op == date(2026, 11, 23)
    assert set(v.leerling_gehoord_door.all()) == {s.directie_ng, s.afdelingsleider_ng,
                                                  s.zorg_ng}
    stuk = Dossierstuk.objects.filter(leerling=s.dirk).order_by("-pk").first()
    assert stuk.titel == "Leerling (en ouders) gehoord"
    assert stuk.inhoud == ("Gehoord door A. Afdelingsleider, O. Buiten, Z. Zorgcoördinator; "
                           "ouders aanwezig. Verslag: Dirk vertelt zijn kant.")
    pagina = client.get(reverse("sancties:verwijdering", args=[v.pk])).content.decode()
    assert "A. Afdelingsleider, O. Buiten, Z. Zorgcoördinator" in pagina


def test_elders_hoort_wie_besluit(client, scholen, django_capture_on_commit_callbacks):
    """Echnaton's statuut does not regulate the hearing: the law, whoever decides (the
    schoolleiding); a teamleider alone is not enough."""
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    v = _voorstel(loper, w.anna, "Drugshandel")
    antwoord = _stap(loper, v, "leerling_gehoord", datum=VANDAAG, verslag="Gehoord.",
                     ouders_aanwezig="on", gehoord_door=[w.teamleider.pk])
    assert meldingen(antwoord) == [
        "Volgens artikel 8.3 van het Leerlingenstatuut OSG Echnaton 2009-2011 wordt de "
        "leerling gehoord door: Directie / schoolleiding. Ontbreekt bij de gekozen personen: "
        "Directie / schoolleiding. Er is niets vastgelegd."]
    assert _v(v).leerling_gehoord_op is None
    _stap(loper, v, "leerling_gehoord", datum=VANDAAG, verslag="Gehoord.",
          ouders_aanwezig="on", gehoord_door=[w.teamleider.pk, w.directie.pk])
    assert _v(v).leerling_gehoord_op == date(2026, 11, 23)
    # Echnaton's statuut has no check of every means (Noordgouw art. 25.4): no such step
    pagina = client.get(reverse("sancties:verwijdering", args=[v.pk])).content.decode()
    assert 'id="stap-middelen_ingezet"' not in pagina


def test_de_regels_komen_uit_het_statuut_ook_zonder_preset(
        client, scholen, django_capture_on_commit_callbacks):
    """A statuut version the beheerder edited (no preset name) carries its own hearing rule:
    the rule is a row of the statuut (`verwijdering.horen`), not a table keyed by preset."""
    from statuut.models import Bevoegdheid

    w = scholen.w
    statuut = w.anna.school.statuten.order_by("-ingangsdatum").first()
    statuut.preset = ""
    statuut.verwijdering_horen_artikel = "8.3"
    statuut.save()
    for rol in ("directie", "zorgcoordinator"):
        Bevoegdheid.objects.create(statuut=statuut, actie="verwijdering.horen", rol=rol,
                                   artikel="8.3")
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    v = _voorstel(loper, w.anna, "Drugshandel")
    antwoord = _stap(loper, v, "leerling_gehoord", datum=VANDAAG, verslag="Gehoord.",
                     ouders_aanwezig="on", gehoord_door=[w.teamleider.pk, w.directie.pk])
    assert meldingen(antwoord) == [
        "Volgens artikel 8.3 van het Leerlingenstatuut OSG Echnaton 2009-2011 wordt de "
        "leerling gehoord door: Directie / schoolleiding, Zorgcoördinator. Ontbreekt bij de "
        "gekozen personen: Zorgcoördinator. Er is niets vastgelegd."]
    assert _v(v).leerling_gehoord_op is None


def test_noordgouw_het_directielid_toetst_of_alle_middelen_zijn_ingezet(
        client, scholen, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    v = _voorstel(loper, s.dirk, PEDAGOGISCH)
    # The check is the directielid's: the zorgcoördinator, who hears the pupil, may not
    loper.als(s.zorg_ng)
    pagina = client.get(reverse("sancties:verwijdering", args=[v.pk])).content.decode()
    assert 'id="stap-middelen_ingezet"' not in pagina
    antwoord = _stap(loper, v, "middelen_ingezet", datum=VANDAAG,
                     verslag="Begeleiding, time-outs en twee schorsingen.")
    assert meldingen(antwoord) == [
        f"Dit mag u niet: toetsen of alle middelen zijn ingezet is volgens artikel 25.4 {NG} "
        "voorbehouden aan Directie / schoolleiding."]
    assert _v(v).middelen_getoetst_op is None

    loper.als(s.directie_ng)
    hoorders = [s.directie_ng.pk, s.afdelingsleider_ng.pk, s.zorg_ng.pk]
    for stap in ("leerling_gehoord", "team_gehoord", "inspectie_mening",
                 "onderwijskundig_rapport"):
        _stap(loper, v, stap, datum=VANDAAG, verslag=f"Verslag {stap}.", ouders_aanwezig="on",
              gehoord_door=hoorders)
    antwoord = _stap(loper, v, "voornemen")
    assert meldingen(antwoord) == [
        "Eerst de voorbereiding afronden. Nog niet vastgelegd: getoetst of alle middelen zijn "
        "ingezet."]
    assert _v(v).status == "voorgesteld"
    pagina = client.get(reverse("sancties:verwijdering", args=[v.pk])).content.decode()
    assert 'id="stap-middelen_ingezet"' in pagina
    _stap(loper, v, "middelen_ingezet", datum=VANDAAG,
          verslag="Begeleiding, time-outs en twee schorsingen: alle middelen zijn ingezet.")
    assert _v(v).middelen_getoetst_op == date(2026, 11, 23)
    _stap(loper, v, "voornemen")
    assert _v(v).status == "voornemen"


def test_noordgouw_bij_verwijzing_naar_het_vso_eerst_een_tlv(
        client, scholen, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    nieuw = client.get(reverse("sancties:verwijdering_nieuw", args=[s.dirk.pk])).content.decode()
    assert "Verwijzing naar het voortgezet speciaal onderwijs (VSO)" in nieuw

    # A VSO referral follows didactic grounds (art. 25.5 and 25.6)
    antwoord = loper.post(reverse("sancties:verwijdering_nieuw", args=[s.dirk.pk]),
                          {"gronden": [PEDAGOGISCH], "motivering": "x", "vso": "on"})
    assert meldingen(antwoord) == [
        f"Een verwijzing naar het voortgezet speciaal onderwijs volgt volgens artikel 25.6 {NG} "
        "op didactische gronden, na overleg met het samenwerkingsverband: kies ook "
        "‘didactische gronden’, of haal het vinkje bij VSO weg."]
    assert not Verwijdering.objects.exists()

    v = _voorstel(loper, s.dirk, DIDACTISCH, didactisch="on", vso="on")
    assert v.vso and v.didactisch
    pagina = client.get(reverse("sancties:verwijdering", args=[v.pk])).content.decode()
    assert "naar het voortgezet speciaal onderwijs (VSO)" in pagina
    # Not offered before the consultation with the samenwerkingsverband, and refused
    assert 'id="stap-tlv"' not in pagina
    antwoord = _stap(loper, v, "tlv", datum=VANDAAG, verslag="TLV aangevraagd.")
    assert meldingen(antwoord) == [
        "Eerst het overleg met het samenwerkingsverband vastleggen: de "
        "toelaatbaarheidsverklaring (TLV) wordt daarna bij het samenwerkingsverband "
        f"aangevraagd (artikel 25.6 {NG}). Er is niets vastgelegd."]
    assert _v(v).tlv_aangevraagd_op is None

    _stap(loper, v, "samenwerkingsverband", datum=VANDAAG, verslag="Overleg via de zorgco.")
    pagina = client.get(reverse("sancties:verwijdering", args=[v.pk])).content.decode()
    assert 'id="stap-tlv"' in pagina
    hoorders = [s.directie_ng.pk, s.afdelingsleider_ng.pk, s.zorg_ng.pk]
    for stap in ("leerling_gehoord", "team_gehoord", "inspectie_mening",
                 "onderwijskundig_rapport", "ontwikkelingsperspectief", "middelen_ingezet"):
        _stap(loper, v, stap, datum=VANDAAG, verslag=f"Verslag {stap}.", ouders_aanwezig="on",
              gehoord_door=hoorders)
    antwoord = _stap(loper, v, "voornemen")
    assert meldingen(antwoord) == [
        "Eerst de voorbereiding afronden. Nog niet vastgelegd: toelaatbaarheidsverklaring (TLV) "
        "aangevraagd bij het samenwerkingsverband."]
    _stap(loper, v, "tlv", datum=VANDAAG, verslag="TLV aangevraagd bij SWV Noord.")
    assert _v(v).tlv_aangevraagd_op == date(2026, 11, 23)
    _stap(loper, v, "voornemen")
    assert _v(v).status == "voornemen"


def test_zonder_tlv_regel_geen_vso_keuze(client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    Loper(client, django_capture_on_commit_callbacks).als(w.directie)
    nieuw = client.get(reverse("sancties:verwijdering_nieuw", args=[w.anna.pk])).content.decode()
    assert "voortgezet speciaal onderwijs" not in nieuw
