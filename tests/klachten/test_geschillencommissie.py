"""The geschillencommissie (Echnaton art. 12.5 and bijlage B): composition per school year,
recusal with the deputy taking the seat, the hearing, the advice within ten school days of
filing, the schoolleiding's ruling within ten school days of the advice with the legal check
and who carries it out."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dossiers.models import Brief
from klachten.models import Klacht, Klachtstatus, Zetel
from statuut.models import Rol
from tests.personas import maak_gebruiker

from .conftest import berichten, commissie_instellen, get, op, post
from .test_klachtroutes import _afronden, _doorzetten, indienen, termijn_van


def naar_de_commissie(client, kw, **extra):
    """Anna's complaint, unresolved by mentor, teamleiding and schoolleiding, goes to the
    commission on Wednesday 11 November 2026."""
    klacht = indienen(client, kw, date(2026, 11, 2), **extra)
    _afronden(client, kw.mentor, klacht, date(2026, 11, 5))
    _doorzetten(client, kw.mentor, klacht, "bemiddeling-teamleiding", date(2026, 11, 5))
    _afronden(client, kw.teamleider, klacht, date(2026, 11, 6))
    _doorzetten(client, kw.teamleider, klacht, "klacht-schoolleiding", date(2026, 11, 6))
    _afronden(client, kw.directie, klacht, date(2026, 11, 10))
    antwoord = _doorzetten(client, kw.mentor, klacht, "geschillencommissie", date(2026, 11, 11))
    return Klacht.objects.get(pk=klacht.pk), antwoord


def zitting(client, kw, klacht, datum=date(2026, 11, 18)):
    return post(client, kw.directie, datum, reverse("klachten:zitting", args=[klacht.pk]), {
        "zitting_op": datum.isoformat(), "besloten_verzocht_door": "de docent",
        "toelichting_klager": "Anna licht toe.", "verweer": "De docent voert verweer.",
        "bijstand": "mentor M. Mentor bij Anna", "getuigen": "Bram Jansen"})


def advies(client, kw, klacht, uitkomst, datum=date(2026, 11, 20)):
    return post(client, kw.directie, datum, reverse("klachten:advies", args=[klacht.pk]),
                {"advies": uitkomst, "aanbevelingen": "Toetsen binnen twee weken nabespreken."})


def uitspraak(client, kw, klacht, datum=date(2026, 12, 1), toets="Getoetst aan de WVO en het "
              "statuut: niet in strijd."):
    return post(client, kw.directie, datum, reverse("klachten:uitspraak", args=[klacht.pk]),
                {"uitspraak": "De school neemt het advies over.", "wettelijke_toets": toets})


@pytest.mark.parametrize(("uitkomst", "label"), [
    ("gegrond", "gegrond"), ("ongegrond", "ongegrond"),
    ("gedeeltelijk_gegrond", "gedeeltelijk gegrond")])
def test_door_de_commissie_met_verschoning_en_plaatsvervanger_en_elk_advies(
        client, kw, uitkomst, label):
    commissie_instellen(kw)
    klacht, _ = naar_de_commissie(client, kw)
    assert klacht.fase.code == "geschillencommissie"
    assert termijn_van(klacht, "geschillencommissie").vervaldatum == date(2026, 11, 25)
    assert termijn_van(klacht, "geschillencommissie").verantwoordelijke == kw.directie
    # The docent complained about is a member: he never sits, his deputy does (bijlage B 6,
    # 7). Another member recuses herself on a party's request; her deputy takes the seat.
    zaak = klacht.zaak
    assert Zetel.objects.get(zaak=zaak, lid__naam="D. Docent").bezet_door.naam == (
        "Plv. D. Docent")
    leraarlid = zaak.zetels.get(lid__naam="L. Leraar").lid
    antwoord = post(client, kw.directie, date(2026, 11, 12),
                    reverse("klachten:verschonen", args=[klacht.pk]),
                    {"lid": leraarlid.pk, "wijze": "partij", "reden": "Zij is Anna's tante."})
    assert berichten(antwoord) == [
        "Het lid heeft zich verschoond; de plaatsvervanger neemt de zetel in."]
    zetel = Zetel.objects.get(zaak=zaak, lid=leraarlid)
    assert zetel.bezet_door.naam == "Plv. L. Leraar" and zetel.verschoning == "partij"
    assert "Plv. L. Leraar" in antwoord.content.decode()
    zitting(client, kw, klacht)
    antwoord = advies(client, kw, klacht, uitkomst)
    assert berichten(antwoord) == ["Het advies is uitgebracht; de schoolleiding doet uitspraak."]
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert (klacht.fase.code, klacht.status) == ("uitspraak-schoolleiding", "in_behandeling")
    assert klacht.stappen.get(fase__code="geschillencommissie").termijn_gehaald is True
    # Ten school days after the advice of Friday 20 November.
    assert termijn_van(klacht, "uitspraak-schoolleiding").vervaldatum == date(2026, 12, 4)
    brief = Brief.objects.get(soort="klacht_advies")
    assert (brief.gegevens["advies"], brief.gegevens["uiterlijk"]) == (label, "4 december 2026")
    antwoord = uitspraak(client, kw, klacht)
    assert berichten(antwoord) == ["De uitspraak is gedaan."]
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert klacht.status == Klachtstatus.FASE_AFGEROND
    assert klacht.zaak.uitvoering_door == "schoolleiding"
    assert klacht.zaak.wettelijke_toets.startswith("Getoetst aan de WVO")
    assert Brief.objects.get(soort="klacht_uitspraak").gegevens["uitvoering_door"] == (
        "de schoolleiding")
    pagina = get(client, kw.directie, date(2026, 12, 1),
                 reverse("klachten:klacht", args=[klacht.pk])).content.decode()
    assert "Verder naar: Landelijke klachtencommissie (bij geen gehoor)" in pagina
    assert "besloten op verzoek van de docent" in pagina


def test_betreft_de_klacht_de_schoolleiding_dan_voert_het_bestuur_de_uitspraak_uit(client, kw):
    commissie_instellen(kw)
    conrector = maak_gebruiker("conrector", "C. Conrector", kw.school, Rol.DIRECTIE)
    klacht, _ = naar_de_commissie(client, kw, beklaagde=conrector.medewerker.pk)
    assert klacht.betreft_schoolleiding
    zitting(client, kw, klacht)
    advies(client, kw, klacht, "ongegrond")
    uitspraak(client, kw, klacht)
    assert Klacht.objects.get(pk=klacht.pk).zaak.uitvoering_door == "bestuur"


def test_een_uitspraak_voor_het_advies_wordt_geweigerd(client, kw):
    commissie_instellen(kw)
    klacht, _ = naar_de_commissie(client, kw)
    antwoord = uitspraak(client, kw, klacht, datum=date(2026, 11, 13))
    assert berichten(antwoord) == ["Er is nog geen advies van de geschillencommissie: de "
                                   "uitspraak volgt op het advies (bijlage B lid 18)."]
    assert Klacht.objects.get(pk=klacht.pk).zaak.status == "aangemeld"


def test_een_uitspraak_zonder_toets_aan_de_wet_wordt_geweigerd(client, kw):
    commissie_instellen(kw)
    klacht, _ = naar_de_commissie(client, kw)
    zitting(client, kw, klacht)
    advies(client, kw, klacht, "gegrond")
    antwoord = uitspraak(client, kw, klacht, toets="")
    assert berichten(antwoord) == ["Leg de toets aan wet en bevoegdheden vast."]
    assert Klacht.objects.get(pk=klacht.pk).zaak.status == "advies"


def test_een_commissie_zonder_ouderlid_kan_de_zaak_niet_behandelen(client, kw):
    commissie_instellen(kw, met_ouder=False)
    klacht, antwoord = naar_de_commissie(client, kw)
    assert berichten(antwoord) == [
        "De geschillencommissie 2026-2027 heeft geen ouderlid en kan de zaak niet behandelen: "
        "zij bestaat uit twee docenten, twee leerlingen en een ouder (art. 12.5). Laat de "
        "oudergeleding of de medezeggenschapsraad een ouder benoemen."]
    assert (klacht.fase.code, klacht.status) == ("klacht-schoolleiding", "fase_afgerond")
    assert not hasattr(klacht, "zaak") or not Klacht.objects.filter(zaak__isnull=False).exists()


def test_zonder_plaatsvervanger_voor_de_verschoonde_ouder_geen_zitting(client, kw):
    commissie = commissie_instellen(kw)
    commissie.leden.filter(naam="Plv. O. Ouder").delete()
    klacht, _ = naar_de_commissie(client, kw)
    ouder = klacht.zaak.zetels.get(lid__naam="O. Ouder").lid
    post(client, kw.directie, date(2026, 11, 12), reverse("klachten:verschonen", args=[klacht.pk]),
         {"lid": ouder.pk, "wijze": "partij", "reden": "Verzoek van de docent: buurvrouw."})
    antwoord = zitting(client, kw, klacht)
    assert berichten(antwoord)[0].startswith("De geschillencommissie 2026-2027 heeft geen "
                                             "ouderlid en kan de zaak niet behandelen")
    assert Klacht.objects.get(pk=klacht.pk).zaak.zitting_op is None


def test_alleen_de_secretaris_legt_het_advies_vast(client, kw):
    commissie_instellen(kw)
    klacht, _ = naar_de_commissie(client, kw)
    zitting(client, kw, klacht)
    antwoord = post(client, kw.mentor, date(2026, 11, 20),
                    reverse("klachten:advies", args=[klacht.pk]), {"advies": "gegrond"})
    assert berichten(antwoord) == [
        "Dit legt de ambtelijk secretaris van de geschillencommissie vast."]


def test_de_samenstelling_wordt_gepubliceerd_en_afgedrukt(client, kw):
    commissie_instellen(kw)
    pagina = get(client, kw.docent_4h, date(2026, 11, 23),
                 reverse("klachten:commissie", args=[kw.school.pk]))
    tekst = pagina.content.decode()
    for naam in ("D. Docent", "Plv. D. Docent", "O. Ouder", "Plv. O. Ouder", "R. Rector"):
        assert naam in tekst
    assert "L. Leraar (voorzitter)" in tekst and pagina.context["fouten"] == []
    assert get(client, kw.buitenstaander, date(2026, 11, 23),
               reverse("klachten:commissie", args=[kw.school.pk])).status_code == 404
    afdruk = get(client, kw.docent_4h, date(2026, 11, 23),
                 reverse("klachten:commissie", args=[kw.school.pk]) + "?afdrukken=1")
    tekst = afdruk.content.decode()
    assert "Geschillencommissie Echnaton Testcollege, schooljaar 2026-2027" in tekst
    assert "Plv. O. Ouder" in tekst and "Uitloggen" not in tekst


def test_een_onvolledige_commissie_zegt_wat_ontbreekt(client, kw):
    commissie_instellen(kw, met_ouder=False)
    pagina = get(client, kw.directie, date(2026, 11, 23),
                 reverse("klachten:commissie", args=[kw.school.pk]))
    assert pagina.context["fouten"] == [
        "De commissie heeft 0 ouder-lid/leden, het statuut vraagt er 1."]


def test_de_voorzitter_komt_uit_het_midden_van_de_commissie(kw):
    from django.core.exceptions import ValidationError

    from klachten.services import samenstelling_fouten

    commissie = commissie_instellen(kw)
    commissie.voorzitter = commissie.leden.get(naam="Plv. L. Leraar")
    with pytest.raises(ValidationError, match="vast lid van deze commissie"):
        commissie.full_clean()
    commissie.save()
    assert samenstelling_fouten(commissie) == [
        "De voorzitter is geen vast lid van deze commissie (lid 8)."]
    plv = commissie.leden.get(naam="Plv. O. Ouder")
    plv.geleding = "docent"
    with pytest.raises(ValidationError, match="dezelfde commissie en geleding"):
        plv.full_clean()


def test_wie_geen_directie_is_leest_geen_klacht_door_secretaris_te_heten(client, kw):
    """The secretary comes from the schoolleiding (bijlage B lid 8). A functioneel beheerder
    named secretary (by any route) still reads no complaint, and the admin cannot name one."""
    from django.contrib.auth.models import Permission
    from django.urls import reverse

    commissie = commissie_instellen(kw)
    klacht, _ = naar_de_commissie(client, kw)
    kw.beheerder.is_staff = True
    kw.beheerder.save()
    kw.beheerder.user_permissions.add(*Permission.objects.filter(
        content_type__app_label="klachten",
        content_type__model__in=["geschillencommissie", "commissielid"]))
    client.force_login(kw.beheerder)
    wijzig = reverse("admin:klachten_geschillencommissie_change", args=[commissie.pk])
    assert client.post(wijzig, {"secretaris": kw.beheerder.medewerker.pk}).status_code == 403
    type(commissie).objects.filter(pk=commissie.pk).update(secretaris=kw.beheerder.medewerker)
    with op(date(2026, 11, 12)):
        assert client.get(reverse("klachten:klacht", args=[klacht.pk])).status_code == 404
