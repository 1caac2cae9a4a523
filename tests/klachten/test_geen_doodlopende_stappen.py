"""Every state of every complaint route (Echnaton art. 12 and bijlage B, Noordgouw art. 19.2,
the confidential route) offers some demo role a step forward on the complaint page, and
every role that sees the page without a step reads who must act (issue 12 point 1). The
states are built through the services, walking the statuut's stages to the end; a
withdrawal or a verweer is not a step forward.

And in every one of those states, and of a beroep and a bezwaar, the page offers each
persona exactly the steps the service accepts from them (issue 13: the step table
`klachten.stappen`, read by both)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from klachten import selectors, services
from klachten import toegang as klachten_toegang
from klachten.models import Beroep, Klacht, Klachtstatus
from statuut.models import Beroepsregel, Dossiersectie
from tests.doodlopend import aangeboden_is_geaccepteerd, bekijk, personas
from tests.sancties.conftest import klok, scholen  # noqa: F401  (the three schools)

from .conftest import commissie_instellen, op
from .test_behandelaars import ng  # noqa: F401  (the Noordgouw fixture)

DAG = date(2026, 11, 23)
STAP = re.compile(r"/klachten/\d+/(afronden|doorzetten|afsluiten|zitting|advies|uitspraak|"
                  r"verschonen)/")
REDEN = re.compile(r'<p class="aan-zet"[^>]*>(.*?)</p>', re.S)


def _toestand(klacht: Klacht) -> str:
    return f"{klacht.fase.code}/{klacht.status}"


def _kijk(client, wie, klacht, kern=None):
    """`kern`: the roles among `wie` of whom, too, someone must be offered a step (a walk
    that also holds for fewer personas, asked in the same walk)."""
    with op(DAG):
        blik = bekijk(client, wie, reverse("klachten:klacht", args=[klacht.pk]), stap=STAP,
                      reden=REDEN)
    assert blik.iemand_kan_verder, (_toestand(klacht), blik.samenvatting())
    if kern is not None:
        assert any(blik.stappen.get(rol) for rol in kern), (_toestand(klacht), kern,
                                                             blik.samenvatting())
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
            if klacht.zaak.zitting_op is None:
                services.zitting_vastleggen(door=handelaar, klacht=klacht, zitting_op=DAG,
                                            besloten_verzocht_door="",
                                            toelichting_klager="Uitleg.", verweer="Verweer.")
            services.advies_uitbrengen(door=handelaar, klacht=klacht, advies="gegrond",
                                       aanbevelingen="", openbaar=True, op=DAG)
        elif selectors.is_uitspraakfase(klacht.fase):
            services.uitspraak_doen(door=handelaar, klacht=klacht, uitspraak="Overgenomen.",
                                    wettelijke_toets="Niet in strijd.", op=DAG)
        else:
            services.fase_afronden(door=handelaar, klacht=klacht, wat_gebeurde="Besproken.",
                                   reactie_klager="Niet tevreden.", op=DAG)
    return Klacht.objects.get(pk=klacht.pk)


def _loop_de_route_af(client, wie, klacht, *, eens: bool = False, kern=None) -> list[str]:
    """Walk the route to its end; `eens`: in every state, offered == accepted; `kern`: see
    `_kijk`."""
    gezien = []
    while klacht.is_open:
        if klacht.status == Klachtstatus.IN_BEHANDELING and selectors.is_commissiefase(
                klacht.fase):
            blik = _kijk(client, wie, klacht, kern)  # before the hearing
            if eens:
                _eens(client, wie, klacht, blik=blik, eerste=not gezien)
                _zitting(klacht, wie)
                klacht = Klacht.objects.get(pk=klacht.pk)
            gezien.append(_toestand(klacht) + "/zonder zitting")
        blik = _kijk(client, wie, klacht, kern)
        if eens:
            _eens(client, wie, klacht, blik=blik, eerste=not gezien)
        gezien.append(_toestand(klacht))
        klacht = _verder(klacht, wie)
        assert _toestand(klacht) != gezien[-1], f"vast in {gezien[-1]}"
    if eens:
        _eens(client, wie, klacht)  # closed: nothing is offered, nothing accepted
    return gezien


# --- offered == accepted (issue 13) ----------------------------------------------------------

#: The steps that belong to a complaint's stand (a step of another stand is refused by its
#: state for everyone and offered to no one: all steps are tried in a route's first state).
PER_STAND = {
    "in_behandeling": ("afronden", "intrekken", "verweer"),
    "fase_afgerond": ("afsluiten", "doorzetten", "intrekken", "verweer"),
}


def _stappen(klacht: Klacht, *, alle: bool = False) -> dict[str, dict]:
    """Each step's URL with valid form data, as the page's forms would send it."""
    volgende = selectors.volgende_fasen(klacht)
    zaak = getattr(klacht, "zaak", None) if hasattr(klacht, "zaak") else None
    zetel = zaak.zetels.filter(verschoning="").first() if zaak is not None else None
    collega = klachten_toegang.klacht_deelbaar_met(klacht).order_by("pk").first()
    gedeeld = klacht.gedeeld_met.order_by("pk").first()
    data = {
        "afronden": {"wat_gebeurde": "Besproken.", "reactie_klager": "Niet tevreden."},
        "zitting": {"zitting_op": DAG.isoformat(), "besloten_verzocht_door": "",
                    "toelichting_klager": "Uitleg.", "verweer": "Verweer."},
        "verschonen": {"lid": zetel.lid_id if zetel else 0, "wijze": "zelf",
                       "reden": "Ik ken de klager."},
        "advies": {"advies": "gegrond", "aanbevelingen": ""},
        "uitspraak": {"uitspraak": "Overgenomen.", "wettelijke_toets": "Niet in strijd."},
        "afsluiten": {"reactie_klager": "Tevreden."},
        "doorzetten": {"naar": volgende[0].code if volgende else "geen",
                       "klager_wil_verder": "on"},
        "intrekken": {"reden": "Opgelost."},
        "verweer": {"tekst": "Mijn verweer."},
        "delen": {"met": collega.pk if collega else 0},
        "delen_intrekken": {"met": gedeeld.pk if gedeeld else 0, "reden": "Niet meer nodig."},
    }
    stand = PER_STAND.get(klacht.status, ("afsluiten", "intrekken", "verweer"))
    if zaak is not None and klacht.is_open:
        stand = (*stand, "zitting", "verschonen", "advies", "uitspraak")
    if klacht.route == "vertrouwelijk":
        stand = (*stand, "delen", "delen_intrekken")
    return {reverse(f"klachten:{stap}", args=[klacht.pk]): velden
            for stap, velden in data.items() if alle or stap in stand}


def _eens(client, wie, klacht, *, alle: bool = False, blik=None, eerste: bool = True):
    """`blik`: what `_kijk` just saw of this state's page (one GET per persona serves both).
    Who does not see the complaint gets 404 for its page and every step alike (one lookup,
    `selectors.zichtbare_klacht`): asked in full in a route's `eerste` state."""
    klacht = Klacht.objects.get(pk=klacht.pk)
    with op(DAG):
        verschillen = aangeboden_is_geaccepteerd(
            client, wie, reverse("klachten:klacht", args=[klacht.pk]),
            _stappen(klacht, alle=alle), blik=blik, wie_de_pagina_ziet=not eerste)
    assert verschillen == [], (_toestand(klacht), verschillen)


def _zitting(klacht: Klacht, wie: dict) -> None:
    handelaar = next(u for u in wie.values()
                     if selectors.mag_fase_behandelen(u, klacht, klacht.fase, DAG))
    with op(DAG):
        services.zitting_vastleggen(door=handelaar, klacht=klacht, zitting_op=DAG,
                                    besloten_verzocht_door="", toelichting_klager="Uitleg.",
                                    verweer="Verweer.")


def _met_buitenstaanders(w, wie: dict) -> dict:
    """The demo roles, plus who has no business with the complaint at all."""
    return {**wie, **{n: getattr(w, n) for n in ("buitenstaander", "docent_4h",
                                                 "teamleider_bovenbouw") if hasattr(w, n)}}


#: The states of Echnaton's route (art. 12 and bijlage B) for a complaint about a teacher or
#: the mentor, or about the application of the statuut.
ECHNATON_ROUTE = [
    "gesprek-docent/in_behandeling", "gesprek-docent/fase_afgerond",
    "bemiddeling-mentor/in_behandeling", "bemiddeling-mentor/fase_afgerond",
    "bemiddeling-teamleiding/in_behandeling", "bemiddeling-teamleiding/fase_afgerond",
    "klacht-schoolleiding/in_behandeling", "klacht-schoolleiding/fase_afgerond",
    "geschillencommissie/in_behandeling/zonder zitting",
    "geschillencommissie/in_behandeling",
    "uitspraak-schoolleiding/in_behandeling", "uitspraak-schoolleiding/fase_afgerond"]


def test_echnaton_de_pagina_biedt_wat_de_service_aanneemt(client, kw):
    """Also the walk of a complaint about the docent: every stage has a next step (the
    complaints about the mentor and about the statuut: the test below)."""
    commissie_instellen(kw)
    klacht = _indienen(kw, kw.mentor, kw.anna, beklaagde=kw.docent.medewerker)
    wie = personas(kw)  # the demo roles; those without any relation: in the first state
    _eens(client, _met_buitenstaanders(kw, wie), klacht, alle=True)
    assert _loop_de_route_af(client, wie, klacht, eens=True) == ECHNATON_ROUTE
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.DOORVERWEZEN


def test_noordgouw_de_pagina_biedt_wat_de_service_aanneemt(client, ng):  # noqa: F811
    """Also: every stage has a next step for Noordgouw's own roles alone (`kern`)."""
    wie = {"mentor": ng.ng_mentor, "teamleider": ng.ng_afdelingsleider,
           "directie": ng.ng_conrector, "docent": ng.ng_docent,
           "andere_afdeling": ng.ng_andere_afdelingsleider, "echnaton": ng.directie}
    klacht = _indienen(ng, ng.ng_mentor, ng.dirk, beklaagde=ng.ng_docent.medewerker)
    assert _loop_de_route_af(client, wie, klacht, eens=True,
                             kern=("mentor", "teamleider", "directie", "docent")) == [
        "gesprek-docent/in_behandeling", "gesprek-docent/fase_afgerond",
        "bemiddeling/in_behandeling", "bemiddeling/fase_afgerond",
        "reactie-conrector/in_behandeling", "reactie-conrector/fase_afgerond",
        "beroep-rector-bestuurder/in_behandeling", "beroep-rector-bestuurder/fase_afgerond"]


def test_wijzer_de_pagina_biedt_wat_de_service_aanneemt(client, scholen):  # noqa: F811
    """Also: a complaint about the leerkracht (the groepsleerkracht, role mentor) does not
    get stuck: the directeur records it and takes it on (with Wijzer's own roles alone,
    `kern`); about the statuut: the test below."""
    s = scholen
    klacht = _indienen(s, s.directeur_wz, s.sanne, beklaagde=s.leerkracht_wz.medewerker)
    wie = {"mentor": s.leerkracht_wz, "directie": s.directeur_wz, "echnaton": s.w.directie}
    assert _loop_de_route_af(client, wie, klacht, eens=True, kern=("mentor", "directie")) == [
        "gesprek-leerkracht/in_behandeling", "gesprek-leerkracht/fase_afgerond",
        "directeur/in_behandeling", "directeur/fase_afgerond"]
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.DOORVERWEZEN


def test_de_vertrouwelijke_melding_biedt_wat_de_service_aanneemt(client, kw):
    """Issue 13: the page offered "intrekken" to a colleague the report was shared with,
    while the service refused it; now neither does."""
    klacht = _indienen(kw, kw.mentor, kw.anna, beklaagde=kw.docent.medewerker,
                       seksuele_intimidatie=True)
    wie = _met_buitenstaanders(kw, personas(kw))
    _eens(client, wie, klacht, alle=True)
    with op(DAG):
        services.klacht_delen(door=kw.vertrouwenspersoon, klacht=klacht, met=kw.directie)
    _eens(client, wie, klacht)
    # The colleague reads the report, is offered no step of the vertrouwenspersoon, and the
    # page says why.
    with op(DAG):
        client.force_login(kw.directie)
        pagina = client.get(reverse("klachten:klacht", args=[klacht.pk])).content.decode()
    assert "Klacht intrekken" not in pagina
    assert ("Een vertrouwelijke melding wordt alleen door de vertrouwenspersoon afgesloten, "
            "voortgezet of ingetrokken; u kunt haar alleen inzien.") in pagina
    klacht = _verder(klacht, wie)
    _eens(client, wie, klacht)
    with op(DAG):
        services.klacht_afsluiten(door=kw.vertrouwenspersoon, klacht=klacht,
                                  reactie_klager="", op=DAG)
    _eens(client, wie, klacht)


def _beroep_eens(client, wie, beroep, data):
    with op(DAG):
        verschillen = aangeboden_is_geaccepteerd(
            client, wie, reverse("klachten:beroep", args=[beroep.pk]),
            {reverse("klachten:beroep", args=[beroep.pk]): data})
    assert verschillen == [], (beroep.kenmerk, beroep.status, verschillen)


@pytest.mark.parametrize(("code", "uitkomst"), [("beroep-docent", "bevestigd"),
                                                ("beroep-teamleiding", "vernietigd"),
                                                ("bezwaar-toepassing", "gegrond")])
def test_beroep_en_bezwaar_de_pagina_biedt_wat_de_service_aanneemt(client, kw, code,
                                                                   uitkomst):
    from dossiers import dossier

    regel = Beroepsregel.objects.get(statuut__school=kw.school, code=code)
    stuk = None
    if regel.tegen != "toepassing_statuut":
        auteur = getattr(kw, regel.tegen)
        stuk = dossier.stuk_toevoegen(door=auteur, leerling=kw.anna,
                                      sectie=Dossiersectie.GEDRAG, titel="Strafwerk",
                                      inhoud="Storen.", datum=DAG, controleer=False)
    with op(DAG):
        beroep = services.beroep_instellen(door=kw.mentor, leerling=kw.anna, regel=regel,
                                           toelichting="Onterecht.", op=DAG,
                                           maatregel_stuk=stuk)
    wie = _met_buitenstaanders(kw, personas(kw))
    data = {"uitkomst": uitkomst, "beslissing": "Gemotiveerd."}
    _beroep_eens(client, wie, beroep, data)
    beslisser = next(u for u in wie.values() if _mag_beslissen(u, beroep))
    with op(DAG):
        services.beroep_beslissen(door=beslisser, beroep=beroep, uitkomst=uitkomst,
                                  beslissing="Gemotiveerd.", op=DAG)
    beroep = Beroep.objects.get(pk=beroep.pk)
    _beroep_eens(client, wie, beroep, data)


def _mag_beslissen(user, beroep) -> bool:
    from klachten import stappen

    with op(DAG):
        return stappen.beroep_weigering(user, beroep, op=DAG) is None



def _indienen(w, door, leerling, **extra) -> Klacht:
    with op(DAG):
        return services.klacht_indienen(
            door=door, leerling=leerling, klager_soort="leerling", onderwerp="Onderwerp",
            omschrijving="Omschrijving.", op=DAG, **{"onderwerp_soort": "medewerker", **extra})


@pytest.mark.parametrize("tegen", ["mentor", "statuut"])  # the docent: the walk above
def test_echnaton_elke_fase_van_de_klachtenprocedure_heeft_een_volgende_stap(client, kw, tegen):
    commissie_instellen(kw)
    extra = ({"onderwerp_soort": "toepassing_statuut"} if tegen == "statuut" else
             {"beklaagde": getattr(kw, tegen).medewerker})
    klacht = _indienen(kw, kw.mentor if tegen != "mentor" else kw.directie, kw.anna, **extra)
    wie = personas(kw)
    assert _loop_de_route_af(client, wie, klacht) == ECHNATON_ROUTE
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.DOORVERWEZEN


def test_de_vertrouwelijke_melding_heeft_altijd_een_volgende_stap(client, kw):
    klacht = _indienen(kw, kw.mentor, kw.anna, beklaagde=kw.docent.medewerker,
                       seksuele_intimidatie=True)
    wie = personas(kw)
    _kijk(client, wie, klacht)
    klacht = _verder(klacht, wie)
    blik = _kijk(client, wie, klacht)
    assert set(blik.stappen) == {"vertrouwenspersoon"}  # nobody else even sees it


def test_wijzer_ook_een_klacht_over_het_statuut_loopt_niet_vast(client, scholen):  # noqa: F811
    """Wijzer's talk with the leerkracht (the groepsleerkracht, role mentor), for a
    complaint about the statuut (about the leerkracht: the walk above)."""
    s = scholen
    klacht = _indienen(s, s.directeur_wz, s.sanne, onderwerp_soort="toepassing_statuut")
    wie = {"mentor": s.leerkracht_wz, "directie": s.directeur_wz}
    assert _loop_de_route_af(client, wie, klacht) == [
        "gesprek-leerkracht/in_behandeling", "gesprek-leerkracht/fase_afgerond",
        "directeur/in_behandeling", "directeur/fase_afgerond"]
    assert Klacht.objects.get(pk=klacht.pk).status == Klachtstatus.DOORVERWEZEN
