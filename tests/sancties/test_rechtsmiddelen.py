"""One appeal mechanism attached to the measure (issue 13 point 5): the statuut says which
remedy applies to a schorsing and its term, one remedy runs at a time, and the outcome of a
decided remedy is applied by sancties itself: an annulled schorsing is annulled here, its
deadlines end, and every entry of the decision, its letter's included, says so."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dossiers import dossier, maatregelen
from dossiers.models import Brief
from sancties import schorsingstappen, services
from statuut.models import Termijn, Termijnstatus
from statuut.services import InvoerFout

from .conftest import moment
from .helpers import Loper, meldingen, vers


def _besloten(loper, w):
    """A one-day schorsing of Anna decided by the teamleider (art. 8.2), its letter made."""
    schorsing = loper.als(w.teamleider).voorstellen(
        w.anna, gronden=["Wangedrag of vernieling"], eerste_dag="2026-11-25", schooldagen=1)
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna erkent het.")
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen="1",
               motivering="Opzettelijke vernieling.")
    return vers(schorsing)


def test_de_rechtsmiddelen_tegen_een_schorsing_komen_uit_het_statuut(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    schorsing = _besloten(Loper(client, django_capture_on_commit_callbacks), w)
    soort = maatregelen.type_van(schorsing)
    # Echnaton: bezwaar at the bevoegd gezag within six weeks (the law; art. 8.4), and,
    # against the teamleiding's measure, the internal beroep at the schoolleiding (art. 12
    # Beroep 2), filed in the klachten flow; one of them at a time.
    bezwaar, beroep = soort.rechtsmiddelen(schorsing)
    assert (bezwaar.soort, bezwaar.bij, bezwaar.termijn) == ("bezwaar", "bevoegd_gezag",
                                                             (6, "weken"))
    assert (beroep.soort, beroep.bij, beroep.regel.code) == ("beroep", "directie",
                                                             "beroep-teamleiding")
    assert soort.omschrijving(schorsing) == "de schorsing van 1 schooldag van 25-11-2026"
    assert maatregelen.lopende_rechtsmiddelen(schorsing) == []
    # Noordgouw art. 24.4: no bezwaar against a schorsing.
    ng = services.schorsing_voorstellen(
        door=scholen.directie_ng, leerling=scholen.dirk, gronden=[
            "Foto-, video- of audio-opnamen van medeleerlingen of personeel zonder toestemming "
            "maken en publiceren (art. 11.5 lid 6)"], ernst="ernstig", feiten="Filmpje.",
        eerste_dag=date(2026, 11, 24), schooldagen=1)
    assert soort.rechtsmiddelen(ng) == []  # not decided: nothing to appeal yet


def test_een_tweede_rechtsmiddel_wacht_tot_het_eerste_is_beslist(
        client, scholen, klok, django_capture_on_commit_callbacks):
    """A beroep of the klachten flow running on the schorsing: no bezwaar meanwhile."""
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _besloten(loper, w)

    def beroep_loopt(maatregel):  # a remedy kind of another flow, as klachten registers it
        return ["beroep B-1 bij de schoolleiding"] if maatregel.pk == schorsing.pk else []

    maatregelen.registreer_rechtsmiddel(beroep_loopt)
    try:
        weigering = schorsingstappen.weigering(w.directie, schorsing, "bezwaar")
        assert weigering.tekst == (
            "Tegen deze schorsing loopt al beroep B-1 bij de schoolleiding: één rechtsmiddel "
            "tegelijk. Het bezwaar is niet ingeschreven.")
        antwoord = loper.als(w.directie).stap(schorsing, "bezwaar", ingediend_op="2026-11-23",
                                              gronden="Onterecht.")
        assert meldingen(antwoord) == [weigering.tekst]
        assert vers(schorsing).bezwaarstatus == "geen"
    finally:
        maatregelen._LOPEND.remove(beroep_loopt)
    # Once it is decided, the bezwaar may be filed; then it is the one running.
    loper.stap(schorsing, "bezwaar", ingediend_op="2026-11-23", gronden="Onterecht.")
    assert maatregelen.lopende_rechtsmiddelen(vers(schorsing)) == [
        "een bezwaar, ingediend op 23 november 2026"]


def test_vernietigd_na_beroep_laat_een_consistente_schorsing_achter(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _besloten(loper, w)
    brief = Brief.objects.get(sleutel=f"schorsing:{schorsing.pk}:besluit")
    assert brief.dossierstuk_id is not None  # the decision letter is in the dossier
    open_ = set(Termijn.objects.filter(onderwerp_id=schorsing.pk,
                                       status=Termijnstatus.OPEN).values_list("pk", flat=True))
    assert {schorsing.termijn_bezwaar_id, schorsing.termijn_inspectie_id} <= open_

    klok.move_to(moment(2026, 11, 24))
    with django_capture_on_commit_callbacks(execute=True):
        maatregelen.type_van(schorsing).toepassen(
            schorsing, uitkomst="vernietigd", door=w.directie, op=date(2026, 11, 24),
            toelichting="Beroep B-1 bij de schoolleiding gegrond (art. 12 beroep 2).")

    schorsing = vers(schorsing)
    assert (schorsing.status, schorsing.vernietigd_op) == ("vernietigd", date(2026, 11, 24))
    # Its bezwaar cannot start any more, and nothing else of the decision either.
    assert maatregelen.type_van(schorsing).rechtsmiddelen(schorsing) == []
    assert schorsingstappen.aanbod(w.directie, schorsing)[0] == []
    antwoord = loper.als(w.directie).stap(schorsing, "bezwaar", ingediend_op="2026-11-24",
                                          gronden="Onterecht.")
    assert meldingen(antwoord) == ["Er is nog geen besluit om bezwaar tegen te maken."]
    # Its deadlines ended (the bezwaar term, the report to the inspectie).
    assert not Termijn.objects.filter(pk__in=open_, status__in=[
        Termijnstatus.OPEN, Termijnstatus.VERLOPEN]).exists()
    assert set(Termijn.objects.filter(pk__in=open_).values_list("status", flat=True)) == {
        Termijnstatus.VERVALLEN}
    # Every entry of the decision, the letter's included, carries the same addendum.
    stukken = list(dossier.stukken_van_besluit(schorsing))
    nieuwste = [s for s in stukken if not s.addenda.exists()]
    assert len(nieuwste) >= 5 and all(s.titel.startswith("[Vervallen] ") for s in nieuwste)
    assert all("na beroep of bezwaar vernietigd" in s.inhoud for s in nieuwste)
    assert vers_stuk(brief.dossierstuk).addenda.get().titel.startswith("[Vervallen] ")
    # Applying it twice is refused: it is annulled already.
    with pytest.raises(InvoerFout, match=r"is vernietigd \(na beroep of bezwaar\) en kan niet "
                                         r"\(meer\) worden vernietigd"):
        maatregelen.type_van(schorsing).toepassen(
            schorsing, uitkomst="vernietigd", door=w.directie, op=date(2026, 11, 24))

    # The pupil page and the dossier show it as annulled, not as standing.
    client.force_login(w.teamleider)
    leerling = client.get(reverse("leerling", args=[w.anna.pk])).content.decode()
    assert "Schorsing vernietigd na beroep of bezwaar" in leerling
    assert "Eendaagse schorsing" not in leerling
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    assert "vernietigd (na beroep of bezwaar)" in pagina
    assert "de maatregel geldt niet" in pagina
    gedrag = client.get(reverse("dossier", args=[w.anna.pk]) + "?sectie=gedrag")
    inhoud = gedrag.content.decode()
    assert "[Vervallen] Besluit tot schorsing" in inhoud
    # The start page's panel no longer lists it as running.
    client.force_login(w.directie)
    start = client.get(reverse("start")).content.decode()
    assert "Anna de Vries" not in start.split("Lopende en komende schorsingen")[-1]


def vers_stuk(stuk):
    return type(stuk).objects.get(pk=stuk.pk)


def test_gewijzigd_na_beroep_markeert_de_stukken_en_laat_de_schorsing_staan(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    schorsing = _besloten(Loper(client, django_capture_on_commit_callbacks), w)
    with django_capture_on_commit_callbacks(execute=True):
        maatregelen.type_van(schorsing).toepassen(
            schorsing, uitkomst="gewijzigd", door=w.directie, op=date(2026, 11, 23),
            toelichting="een schriftelijke waarschuwing")
    assert vers(schorsing).status == "besloten"
    nieuwste = [s for s in dossier.stukken_van_besluit(schorsing) if not s.addenda.exists()]
    assert all(s.titel.startswith("[Gewijzigd] ") for s in nieuwste)
    assert all("gewijzigd op 23 november 2026 in: een schriftelijke waarschuwing" in s.inhoud
               for s in nieuwste)
    # Confirmed: it stands as it was.
    aantal = len(list(dossier.stukken_van_besluit(schorsing)))
    maatregelen.type_van(schorsing).toepassen(
        schorsing, uitkomst="bevestigd", door=w.directie, op=date(2026, 11, 23))
    assert len(list(dossier.stukken_van_besluit(schorsing))) == aantal
    assert vers(schorsing).status == "besloten"
