"""Every state of every complaint route (Echnaton art. 12 and bijlage B, Noordgouw art. 19.2,
the confidential route) offers some demo role a step forward on the complaint page, and
every role that sees the page without a step reads who must act (issue 12 point 1). The
states are built through the services, walking the statuut's stages to the end; a
withdrawal or a verweer is not a step forward."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from klachten import selectors, services
from klachten.models import Klacht, Klachtstatus
from tests.doodlopend import bekijk, personas
from tests.sancties.conftest import klok, scholen  # noqa: F401  (the three schools)

from .conftest import commissie_instellen, op
from .test_behandelaars import ng  # noqa: F401  (the Noordgouw fixture)

DAG = date(2026, 11, 23)
STAP = re.compile(r"/klachten/\d+/(afronden|doorzetten|afsluiten|zitting|advies|uitspraak|"
                  r"verschonen)/")
REDEN = re.compile(r'<p class="aan-zet"[^>]*>(.*?)</p>', re.S)


def _toestand(klacht: Klacht) -> str:
    return f"{klacht.fase.code}/{klacht.status}"


def _kijk(client, wie, klacht):
    with op(DAG):
        blik = bekijk(client, wie, reverse("klachten:klacht", args=[klacht.pk]), stap=STAP,
                      reden=REDEN)
    assert blik.iemand_kan_verder, (_toestand(klacht), blik.samenvatting())
    for rol, stappen in blik.stappen.items():
        if not stappen:
            assert blik.redenen.get(rol, "").strip(), (_toestand(klacht), rol,
                                                       "ziet geen stap en geen reden")
    return blik


def _verder(klacht: Klacht, wie: dict) -> Klacht:
    """One step forward through the services, by the first persona the rules let act."""
    klacht = Klacht.objects.get(pk=klacht.pk)
    with op(DAG):
        if klacht.status == Klachtstatus.FASE_AFGEROND:
            volgende = selectors.volgende_fasen(klacht)
            for user in wie.values():
                try:
                    if volgende:
                        services.doorzetten(door=user, klacht=klacht, naar=volgende[0], op=DAG,
                                            klager_wil_verder=True)
                    else:
                        services.klacht_afsluiten(door=user, klacht=klacht, reactie_klager="",
                                                  op=DAG)
                    break
                except services.InvoerFout:
                    continue
            return Klacht.objects.get(pk=klacht.pk)
        handelaar = next(u for u in wie.values()
                         if selectors.mag_fase_behandelen(u, klacht, klacht.fase, DAG))
        if selectors.is_commissiefase(klacht.fase):
            services.zitting_vastleggen(door=handelaar, klacht=klacht, zitting_op=DAG,
                                        besloten_verzocht_door="", toelichting_klager="Uitleg.",
                                        verweer="Verweer.")
            services.advies_uitbrengen(door=handelaar, klacht=klacht, advies="gegrond",
                                       aanbevelingen="", openbaar=True, op=DAG)
        elif selectors.is_uitspraakfase(klacht.fase):
            services.uitspraak_doen(door=handelaar, klacht=klacht, uitspraak="Overgenomen.",
                                    wettelijke_toets="Niet in strijd.", op=DAG)
        else:
            services.fase_afronden(door=handelaar, klacht=klacht, wat_gebeurde="Besproken.",
                                   reactie_klager="Niet tevreden.", op=DAG)
    return Klacht.objects.get(pk=klacht.pk)


def _loop_de_route_af(client, wie, klacht) -> list[str]:
    gezien = []
    while klacht.is_open:
        if klacht.status == Klachtstatus.IN_BEHANDELING and selectors.is_commissiefase(
                klacht.fase):
            _kijk(client, wie, klacht)  # before the hearing
            gezien.append(_toestand(klacht) + "/zonder zitting")
        _kijk(client, wie, klacht)
        gezien.append(_toestand(klacht))
        klacht = _verder(klacht, wie)
        assert _toestand(klacht) != gezien[-1], f"vast in {gezien[-1]}"
    return gezien


def _indienen(w, door, leerling, **extra) -> Klacht:
    with op(DAG):
        return services.klacht_indienen(
            door=door, leerling=leerling, klager_soort="leerling", onderwerp="Onderwerp",
            omschrijving="Omschrijving.", op=DAG, **{"onderwerp_soort": "medewerker", **extra})


@pytest.mark.parametrize("tegen", ["docent", "mentor", "statuut"])
def test_echnaton_elke_fase_van_de_klachtenprocedure_heeft_een_volgende_stap(client, kw, tegen):
    commissie_instellen(kw)
    extra = ({"onderwerp_soort": "toepassing_statuut"} if tegen == "statuut" else
             {"beklaagde": getattr(kw, tegen).medewerker})
    klacht = _indienen(kw, kw.mentor if tegen != "mentor" else kw.directie, kw.anna, **extra)
    wie = personas(kw)
    gezien = _loop_de_route_af(client, wie, klacht)
    assert gezien == [
        "gesprek-docent/in_behandeling", "gesprek-docent/fase_afgerond",
        "bemiddeling-mentor/in_behandeling", "bemiddeling-mentor/fase_afgerond",
        "bemiddeling-teamleiding/in_behandeling", "bemiddeling-teamleiding/fase_afgerond",
        "klacht-schoolleiding/in_behandeling", "klacht-schoolleiding/fase_afgerond",
        "geschillencommissie/in_behandeling/zonder zitting",
        "geschillencommissie/in_behandeling",
        "uitspraak-schoolleiding/in_behandeling", "uitspraak-schoolleiding/fase_afgerond"]
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.DOORVERWEZEN


def test_noordgouw_elke_fase_heeft_een_volgende_stap(client, ng):  # noqa: F811
    wie = {"mentor": ng.ng_mentor, "teamleider": ng.ng_afdelingsleider,
           "directie": ng.ng_conrector, "docent": ng.ng_docent}
    klacht = _indienen(ng, ng.ng_mentor, ng.dirk, beklaagde=ng.ng_docent.medewerker)
    assert _loop_de_route_af(client, wie, klacht) == [
        "gesprek-docent/in_behandeling", "gesprek-docent/fase_afgerond",
        "bemiddeling/in_behandeling", "bemiddeling/fase_afgerond",
        "reactie-conrector/in_behandeling", "reactie-conrector/fase_afgerond",
        "beroep-rector-bestuurder/in_behandeling", "beroep-rector-bestuurder/fase_afgerond"]


def test_de_vertrouwelijke_melding_heeft_altijd_een_volgende_stap(client, kw):
    klacht = _indienen(kw, kw.mentor, kw.anna, beklaagde=kw.docent.medewerker,
                       seksuele_intimidatie=True)
    wie = personas(kw)
    _kijk(client, wie, klacht)
    klacht = _verder(klacht, wie)
    blik = _kijk(client, wie, klacht)
    assert set(blik.stappen) == {"vertrouwenspersoon"}  # nobody else even sees it


@pytest.mark.parametrize("tegen", ["leerkracht", "statuut"])
def test_wijzer_ook_een_klacht_tegen_de_leerkracht_loopt_niet_vast(
        client, scholen, tegen):  # noqa: F811
    """Wijzer's talk with the leerkracht (the groepsleerkracht, role mentor): when the
    complaint is about the leerkracht, the directeur records it and takes it on."""
    s = scholen
    extra = ({"onderwerp_soort": "toepassing_statuut"} if tegen == "statuut" else
             {"beklaagde": s.leerkracht_wz.medewerker})
    klacht = _indienen(s, s.directeur_wz, s.sanne, **extra)
    wie = {"mentor": s.leerkracht_wz, "directie": s.directeur_wz}
    assert _loop_de_route_af(client, wie, klacht) == [
        "gesprek-leerkracht/in_behandeling", "gesprek-leerkracht/fase_afgerond",
        "directeur/in_behandeling", "directeur/fase_afgerond"]
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.DOORVERWEZEN
