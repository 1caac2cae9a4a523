"""Every step of the care route refuses the wrong state and the wrong role with a Dutch
message, and changes nothing: not the phase, not the timeline, not a deadline, not the
dossier. Written as a table: per phase, which step which persona may take (seed 001)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from dossiers.models import Dossierstuk
from statuut.models import Termijn
from tests.zorg.conftest import (
    FASEN,
    VANDAAG,
    Klikker,
    elke_stand,
    geweigerd_naar,
    naar_fase,
    tekst,
)
from zorg.models import Zorgstap

pytestmark = pytest.mark.django_db

#: Per phase: step -> the personas who may take it there. Everything else is refused.
MAG: dict[str, dict[str, set[str]]] = {
    "gemeld": {"gesprek": {"mentor"}},
    "observatie": {"gesprek": {"mentor"}, "consultatie": {"mentor", "zorgcoordinator"},
                   "afsluiten": {"mentor"}},
    "consultatie": {"consultatie": {"mentor", "zorgcoordinator"}},
    "mentortraject": {"oudercontact": {"mentor"}, "doorverwijzen": {"mentor"},
                      "afsluiten": {"mentor"}},
    "remedial_teacher": {"doorverwijzen": {"remedial_teacher"},
                         "afsluiten": {"remedial_teacher"}},
    "analyse": {"analyse": {"zorgcoordinator"}},
    "plan": {"traject": {"zorgcoordinator"}, "plan": {"zorgcoordinator"}},
    "terugkoppeling": {"terugkoppeling": {"zorgcoordinator"}},
    "monitoring": {"afsluiten": {"zorgcoordinator"}, "delen": {"zorgcoordinator"}},
    "afgesloten": {},
}

GEGEVENS = {
    "gesprek": {"datum": VANDAAG, "bevestigd": "ja", "notitie": "Gesprek."},
    "consultatie": {"datum": VANDAAG, "aard_en_ernst": "Ernstig.",
                    "keuze": "zorgcoordinatoren"},
    "oudercontact": {"datum": VANDAAG, "wijze": "telefoon", "verslag": "Gebeld."},
    "doorverwijzen": {"keuze": "zorgcoordinatoren", "toelichting": "Houdt aan."},
    "analyse": {"gesprek_leerling_op": VANDAAG, "gesprek_ouders_op": VANDAAG,
                "analyse": "Analyse."},
    "traject": {"soort": "eigen_begeleiding", "doelen": "Doel.", "wie_doet_wat": "Zorg.",
                "evaluatie_1": date(2026, 12, 8)},
    "plan": {},
    "terugkoppeling": {"datum": VANDAAG, "mentor": "on", "leerling": "on", "ouders": "on",
                       "voor_mentor": "Gedeeld."},
    "delen": {"tekst": "Gaat beter."},
    "afsluiten": {"conclusie": "Klaar."},
}

PERSONAS = ["mentor", "docent", "andere_docent", "teamleider", "zorgcoordinator", "directie",
            "remedial_teacher", "administratie", "buitenstaander"]
#: Who does not see the case at all gets 404 (the remedial teacher only once referred).
ZIET_NIETS = {"andere_docent", "administratie", "buitenstaander"}


def _stand(zd):
    return (type(zd).objects.get(pk=zd.pk).fase, Zorgstap.objects.count(),
            Termijn.objects.count(), Dossierstuk.objects.count())


def test_de_tabel_dekt_elke_fase():
    assert set(MAG) == set(FASEN)


def test_elke_stap_weigert_de_verkeerde_fase_en_de_verkeerde_rol(zw):
    """Every phase, each built once (`elke_stand`, the states of `naar_fase`)."""
    # Each persona logs in once, in a browser (Client) of its own: a login per step was a
    # fifth of this test. Nothing here changes anyone's rights and the clock stands still,
    # so every step meets the persona as just after logging in.
    klikkers: dict[str, Klikker] = {}

    def bij(fase, zd):
        if fase not in MAG:
            return  # a state of the walk that is no phase of its own (plan_met_traject, ...)
        voor = _stand(zd)
        for stap, gegevens in GEGEVENS.items():
            for persona in PERSONAS:
                if persona in MAG[fase].get(stap, set()):
                    continue
                if persona not in klikkers:
                    klikkers[persona] = Klikker(Client()).als(getattr(zw, persona))
                r = klikkers[persona].stap(zd, stap, gegevens)
                waar = f"{fase} {stap} {persona}"
                ziet_niets = persona in ZIET_NIETS or (
                    persona == "remedial_teacher" and fase != "remedial_teacher")
                if ziet_niets:
                    assert r.status_code == 404, waar
                else:
                    # Back to the case page with the reason (the step table refuses before
                    # the form is read; tests below follow the redirect to the page).
                    reden = geweigerd_naar(r, zd)
                    assert ("kan niet" in reden or "niet vastleggen" in reden
                            or "niet worden afgesloten" in reden), (waar, reden)
                assert _stand(zd) == voor, waar

    assert set(MAG) <= set(elke_stand(zw, bij))


def test_de_melding_bij_de_verkeerde_fase_zegt_waarom(zw, klik):
    zd = naar_fase(zw, "gemeld")
    r = klik.als(zw.zorgcoordinator).stap(zd, "analyse", GEGEVENS["analyse"])
    pagina = tekst(klik.client.get(r.url))  # the case page the refusal leads back to
    geweigerd_naar(r, zd)
    assert ("U mag de probleemanalyse niet vastleggen: dat doet volgens de zorgroute "
            "(seed 001) een zorgcoördinator.") not in pagina
    assert ("De probleemanalyse vastleggen kan niet meer of nog niet: het zorgtraject staat "
            "in de fase 'gesignaleerd, gesprek mentor volgt'.") in pagina


def test_de_melding_bij_de_verkeerde_rol_zegt_wie_het_doet(zw, klik):
    zd = naar_fase(zw, "analyse")
    r = klik.als(zw.mentor).stap(zd, "analyse", GEGEVENS["analyse"])
    pagina = tekst(klik.client.get(r.url))  # the case page the refusal leads back to
    geweigerd_naar(r, zd)
    assert ("U mag de probleemanalyse niet vastleggen: dat doet volgens de zorgroute "
            "(seed 001) een zorgcoördinator.") in pagina


def test_een_docent_die_geen_les_geeft_kan_geen_signaal_melden(zw, klik):
    r = klik.als(zw.docent_4h).signaal(zw.anna)
    assert r.status_code == 404  # no relation to Anna at all
    r = klik.als(zw.administratie).signaal(zw.anna)
    assert r.status_code == 403
    assert "U kunt over deze leerling geen zorgsignaal melden" in tekst(r)
    assert not Zorgstap.objects.exists()


def test_een_signaal_zonder_categorie_of_waarneming_wordt_geweigerd(zw, klik):
    r = klik.als(zw.docent).signaal(zw.anna, categorieen=[], waarneming="")
    assert r.status_code == 400
    assert "Kies ten minste één categorie van de signaleringskaart." in tekst(r)
    assert "Beschrijf wat u heeft waargenomen." in tekst(r)
    assert not Zorgstap.objects.exists()


def test_een_docent_kan_niet_als_mentor_signaleren(zw, klik):
    r = klik.als(zw.docent).signaal(zw.anna, bron="mentor")
    assert r.status_code == 400
    assert not Zorgstap.objects.exists()
