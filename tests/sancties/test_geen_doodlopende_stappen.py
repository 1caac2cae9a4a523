"""Every reachable state of the sancties flows (schorsing, ontzegging van de toegang, time-out,
verwijdering, with bezwaar where the statuut has it) offers some demo role of the school a
step forward on the measure's page, or (a decided schorsing waiting for its dates) says
when it goes in and until when it runs (issue 12 point 1). Only a finished measure has no
step. The states are made as the other sancties tests make them, through the pages' forms
(`Loper`), and looked at as every persona of the school.

In every state, as every persona, the page offers exactly the steps the services accept
(issue 13 point 3): each step of the measure's table is posted with valid data in a
savepoint that is rolled back, and the answer must match what the page offered
(`tests.doodlopend.aangeboden_is_geaccepteerd`)."""

from __future__ import annotations

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from dossiers import maatregelen
from dossiers.models import Brief
from sancties import schorsingstappen, timeout
from sancties import verwijdering as verwijderingstappen
from sancties.models import Schorsing, TimeOut, Verwijdering
from tests.doodlopend import aangeboden_is_geaccepteerd, bekijk, personas

from .conftest import moment
from .helpers import Loper, vers
from .test_ontzegging import GROND as ONTZEGGINGSGROND
from .test_verwijdering import VANDAAG, _stap, _v

NG_GROND = ("Foto-, video- of audio-opnamen van medeleerlingen of personeel zonder toestemming "
            "maken en publiceren (art. 11.5 lid 6)")
STAP = re.compile(r"/sancties/(schorsing|time-out|verwijdering)/\d+/[a-z_]+/")
VERLOOP = re.compile(r'<p class="verloop"><strong>(.*?)</strong>', re.S)
WACHTEN = ("bekendgemaakt", "lopend")  # a person records the start and the end on the day


class Waarnemer:
    """Looks at one measure's page, state after state, as every persona of its school: some
    step forward for someone (or the dates it waits for), and offered == accepted."""

    def __init__(self, client, loper, wie: dict, url_naam: str, stappen):
        self.client, self.loper, self.wie, self.url_naam = client, loper, wie, url_naam
        self.stappen = stappen  # fn(measure) -> {step URL: valid POST data}
        self.gezien: list[str] = []

    def kijk(self, obj, toestand: str, *, eind: bool = False) -> None:
        url = reverse(self.url_naam, args=[obj.pk])
        blik = bekijk(self.client, self.wie, url, stap=STAP, reden=VERLOOP)
        # Who cannot see the measure gets 404 for its page and for every step alike (one
        # lookup, `_zichtbaar`): checked in full at the first state, then only who sees it.
        verschillen = aangeboden_is_geaccepteerd(self.client, self.wie, url, self.stappen(obj),
                                                 blik=blik, wie_de_pagina_ziet=bool(self.gezien))
        self.gezien.append(toestand)
        assert verschillen == [], (toestand, verschillen)
        self.client.force_login(self.loper.user)
        if blik.iemand_kan_verder or eind:
            return
        status = toestand.split("/")[0]
        assert status in WACHTEN and any(
            "gaat in op" in r.lower() or "loopt tot en met" in r.lower()
            for r in blik.redenen.values()), (toestand, blik.samenvatting())


def _vandaag():
    return timezone.localdate()


def schorsingstappen_data(hoorders: list[int]):
    """Every step of a schorsing's table, with data its service accepts when it may."""
    def stappen(s) -> dict[str, dict]:
        s = Schorsing.objects.get(pk=s.pk)
        v = _vandaag()

        def url(stap):
            return reverse("sancties:schorsing_stap", args=[s.pk, stap])

        uit = {
            url("plannen"): {"op": f"{v}T16:00", "plaats": "kamer"},
            url("horen"): {"gehoord_op": v, "gehoord_door": hoorders, "ouders_aanwezig": "on",
                           "verslag": "Gehoord."},
            url("besluiten"): {"eerste_dag": s.eerste_dag, "schooldagen": s.schooldagen,
                               "motivering": "Redenen.", "bevoegd_gezag_geinformeerd_op": v},
            url("bekendmaken"): {"bevestigd": "ja"},
            url("ingaan"): {},
            url("gesprek"): {"op": f"{v + timedelta(days=1)}T10:00", "plaats": "kamer",
                             "met_wie": "de directeur"},
            url("inspectie"): {"gemeld_op": v, "kenmerk": "K-1"},
            url("afronden"): {"gesprek_ouders_verslag": "Gesprek gevoerd, getekend."},
            url("bezwaar"): {"ingediend_op": v, "gronden": "Onterecht."},
            url("bezwaar_horen"): {"gehoord_op": v, "verslag": "Gehoord."},
            url("bezwaar_beslissen"): {"uitkomst": "ongegrond", "motivering": "Terecht."},
            reverse("sancties:schorsing_kalender", args=[s.pk]): {"toelichting": "Blijft."},
        }
        assert set(schorsingstappen.STAPPEN) <= {u.rstrip("/").rsplit("/", 1)[-1] for u in uit}
        return uit
    return stappen


def time_out_data(t) -> dict[str, dict]:
    t = TimeOut.objects.get(pk=t.pk)
    v = _vandaag()

    def url(stap):
        return reverse("sancties:time_out_stap", args=[t.pk, stap])

    uit = {url("goedkeuren"): {"besluit": "ja"},
           url("informeren"): {"telefoonnotitie": "Moeder gebeld."},
           url("uitnodigen"): {"op": f"{v + timedelta(days=1)}T10:00", "plaats": "kamer",
                               "met_wie": "de directeur"},
           url("afronden"): {"verslag": "Besproken.", "getekend_op": v}}
    assert set(timeout.STAPPEN) == {u.rstrip("/").rsplit("/", 1)[-1] for u in uit}
    return uit


def verwijderingstappen_data(hoorders: list[int]):
    def stappen(v) -> dict[str, dict]:
        v = Verwijdering.objects.get(pk=v.pk)
        d = _vandaag()

        def url(stap):
            return reverse("sancties:verwijdering_stap", args=[v.pk, stap])

        contact = v.schoolcontacten.filter(antwoord="afwachten").first()
        uit = {url(stap): {"datum": d, "verslag": f"Verslag {stap}.", "ouders_aanwezig": "on",
                           "gehoord_door": hoorders}
               for stap in verwijderingstappen.STAPPEN}
        uit.update({
            url("voornemen"): {},
            url("voornemen_bekendgemaakt"): {"bevestigd": "ja"},
            url("benaderen"): {"school": "VSO De Brug", "benaderd_op": d},
            url("antwoord"): {"contact": contact.pk if contact else 0,
                              "antwoord": "toegelaten", "antwoord_op": d},
            url("inspectie_overleg"): {"datum": d, "verslag": "Overleg gevoerd."},
            url("besluiten"): {"motivering": "Geen passend aanbod meer."},
            url("afsluiten"): {},
            url("bezwaar"): {"ingediend_op": d, "gronden": "Niet passend."},
            url("bezwaar_horen"): {"gehoord_op": d, "verslag": "Ouders gehoord."},
            url("heroverwegen"): {"uitkomst": "handhaven", "motivering": "Geen nieuwe feiten."},
        })
        return uit
    return stappen


def _vernietigen(loper, maatregel, door) -> None:
    """A remedy of the klachten flow annulled it (issue 13 point 5)."""
    with loper.capture(execute=True):
        maatregelen.type_van(maatregel).toepassen(maatregel, uitkomst="vernietigd", door=door,
                                                  op=_vandaag(), toelichting="Beroep gegrond.")


def _echnaton(scholen) -> dict:
    return {**personas(scholen.w), "teamleider_bovenbouw": scholen.w.teamleider_bovenbouw,
            "directie_elders": scholen.directie_ng}


def _noordgouw(s) -> dict:
    return {"teamleider": s.afdelingsleider_ng, "directie": s.directie_ng,
            "zorgcoordinator": s.zorg_ng, "mentor_elders": s.w.mentor}


def _wijzer(s) -> dict:
    return {"mentor": s.leerkracht_wz, "directie": s.directeur_wz,
            "directie_elders": s.w.directie}


def test_echnaton_schorsing_van_voorstel_tot_afronding(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    kijk = Waarnemer(client, loper, _echnaton(scholen), "sancties:schorsing",
                     schorsingstappen_data([w.teamleider.pk])).kijk
    s = loper.voorstellen(w.anna, gronden=["Wangedrag of vernieling"],
                          eerste_dag="2026-11-25", schooldagen=1)
    kijk(s, "concept")
    loper.stap(s, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    kijk(s, "hoorgesprek_gepland")
    loper.stap(s, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna erkent het.")
    kijk(s, "gehoord")
    loper.stap(s, "besluiten", eerste_dag="2026-11-25", schooldagen="1", motivering="Vernieling.")
    kijk(s, "besloten")
    # Art. 8.4 "schriftelijk en vooraf": the letter goes out first, then the bekendmaking.
    loper.als(w.administratie).bekendmaken(s, w.administratie)
    assert vers(s).status == "bekendgemaakt"
    kijk(s, "bekendgemaakt/voor de eerste dag")
    klok.move_to(moment(2026, 11, 25))
    kijk(s, "bekendgemaakt/op de eerste dag")
    loper.als(w.directie).stap(s, "ingaan")
    assert vers(s).status == "lopend"
    kijk(s, "lopend/op de laatste dag")
    klok.move_to(moment(2026, 11, 26))
    kijk(s, "lopend/na de laatste dag")
    loper.als(w.directie).stap(s, "inspectie", gemeld_op="2026-11-25", kenmerk="ISP-1")
    kijk(s, "lopend/gemeld aan de inspectie")
    loper.stap(s, "afronden")
    assert vers(s).status == "afgerond"
    kijk(s, "afgerond", eind=True)  # bezwaar is still open to it (six weeks)
    _vernietigen(loper, vers(s), w.directie)
    assert vers(s).status == "vernietigd"
    kijk(s, "vernietigd", eind=True)


def test_wijzer_schorsing_met_bezwaar(client, scholen, klok, django_capture_on_commit_callbacks):
    from .test_schorsing_wijzer import _besloten

    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _besloten(loper, s)
    kijk = Waarnemer(client, loper, _wijzer(s), "sancties:schorsing",
                     schorsingstappen_data([s.directeur_wz.pk])).kijk
    kijk(schorsing, "besloten")
    loper.bekendmaken(schorsing, s.directeur_wz)
    kijk(schorsing, "bekendgemaakt")
    klok.move_to(moment(2026, 11, 24))
    loper.stap(schorsing, "ingaan")
    kijk(schorsing, "lopend")
    loper.stap(schorsing, "inspectie", gemeld_op="2026-11-24", kenmerk="2026-0042")
    klok.move_to(moment(2026, 11, 26))
    loper.stap(schorsing, "afronden", gesprek_ouders_verslag="Gesprek gevoerd, getekend.")
    assert vers(schorsing).status == "afgerond"
    klok.move_to(moment(2026, 12, 1))
    loper.stap(schorsing, "bezwaar", ingediend_op="2026-12-01", gronden="Onevenredig.")
    assert vers(schorsing).bezwaarstatus == "ingediend"
    kijk(schorsing, "afgerond/bezwaar ingediend")
    loper.stap(schorsing, "bezwaar_horen", gehoord_op="2026-12-01", verslag="Moeder gehoord.")
    assert vers(schorsing).bezwaarstatus == "gehoord"
    kijk(schorsing, "afgerond/ouders gehoord over het bezwaar")
    loper.stap(schorsing, "bezwaar_beslissen", uitkomst="ongegrond", motivering="Terecht.")
    assert vers(schorsing).bezwaarstatus == "ongegrond"
    kijk(schorsing, "afgerond/bezwaar ongegrond", eind=True)


def test_noordgouw_schorsing_zonder_bezwaar(
        client, scholen, klok, django_capture_on_commit_callbacks):
    """Noordgouw: afdelingsleider and directielid hear together (art. 24.2), a directielid
    decides (24.1), no bezwaar (24.4), the inspectie only beyond one day (24.5)."""
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.afdelingsleider_ng)
    kijk = Waarnemer(client, loper, _noordgouw(s), "sancties:schorsing",
                     schorsingstappen_data([s.afdelingsleider_ng.pk, s.directie_ng.pk])).kijk
    schorsing = loper.voorstellen(s.dirk, gronden=[NG_GROND], eerste_dag="2026-11-24",
                                  schooldagen=2)
    kijk(schorsing, "concept")
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer")
    kijk(schorsing, "hoorgesprek_gepland")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", ouders_aanwezig="on",
               gehoord_door=[s.afdelingsleider_ng.pk, s.directie_ng.pk], verslag="Gehoord.")
    kijk(schorsing, "gehoord")
    loper.als(s.directie_ng).stap(schorsing, "besluiten", eerste_dag="2026-11-24",
                                  schooldagen="2", motivering="Filmpje verspreid.")
    assert vers(schorsing).status == "besloten"
    kijk(schorsing, "besloten")
    loper.bekendmaken(schorsing, s.directie_ng)
    kijk(schorsing, "bekendgemaakt")
    klok.move_to(moment(2026, 11, 24))
    loper.stap(schorsing, "ingaan")
    kijk(schorsing, "lopend")
    klok.move_to(moment(2026, 11, 26))
    loper.stap(schorsing, "inspectie", gemeld_op="2026-11-25", kenmerk="ISP-2")
    loper.stap(schorsing, "afronden")
    assert vers(schorsing).status == "afgerond"
    kijk(schorsing, "afgerond", eind=True)


def test_echnaton_ontzegging_van_de_toegang(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    loper.post(reverse("sancties:verwijdering_nieuw", args=[w.anna.pk]), {
        "gronden": [ONTZEGGINGSGROND], "motivering": "Betrapt op handel in drugs."})
    loper.post(reverse("sancties:ontzegging_nieuw", args=[w.anna.pk]), {
        "gronden": [ONTZEGGINGSGROND], "ernst": "zeer_ernstig",
        "feiten": "Handel in drugs in de aula.", "eerste_dag": "2026-11-24",
        "schooldagen": "10"})
    o = Schorsing.objects.get(ontzegging=True)
    kijk = Waarnemer(client, loper, _echnaton(scholen), "sancties:schorsing",
                     schorsingstappen_data([w.teamleider.pk])).kijk
    kijk(o, "concept")
    loper.stap(o, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    kijk(o, "hoorgesprek_gepland")
    loper.stap(o, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna ontkent.")
    kijk(o, "gehoord")
    loper.als(w.directie).stap(o, "besluiten", eerste_dag="2026-11-24", schooldagen="10",
                               motivering="Drugshandel; de procedure loopt.")
    kijk(o, "besloten")
    loper.als(w.administratie).bekendmaken(o, w.administratie)
    kijk(o, "bekendgemaakt")
    klok.move_to(moment(2026, 11, 24))
    loper.als(w.administratie).stap(o, "ingaan")
    assert vers(o).status == "lopend"
    kijk(o, "lopend")


def test_time_out_met_en_zonder_goedkeuring(
        client, scholen, klok, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.leerkracht_wz)
    loper.post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]),
               {"incident": "Stoel gegooid.", "motivering": "Veiligheid."})
    t = TimeOut.objects.get()
    kijk = Waarnemer(client, loper, _wijzer(s), "sancties:time_out", time_out_data).kijk
    kijk(t, "voorgesteld")
    loper.als(s.directeur_wz).post(reverse("sancties:time_out_stap", args=[t.pk, "goedkeuren"]),
                                   {"besluit": "ja"})
    assert TimeOut.objects.get(pk=t.pk).status == "goedgekeurd"
    kijk(t, "goedgekeurd")
    klok.move_to(moment(2026, 11, 24, 9))
    kijk(t, "goedgekeurd/de dag erna")
    stap = "sancties:time_out_stap"
    loper.post(reverse(stap, args=[t.pk, "informeren"]), {"telefoonnotitie": "Moeder gebeld."})
    kijk(t, "goedgekeurd/ouders geïnformeerd")
    loper.post(reverse(stap, args=[t.pk, "uitnodigen"]),
               {"op": "2026-11-24T15:00", "plaats": "kamer", "met_wie": "de directeur"})
    # Waiting for the talk: the page says when the signed report can follow.
    kijk(t, "goedgekeurd/gesprek gepland", eind=True)
    client.force_login(s.directeur_wz)
    assert ("Het gesprek met de ouders is op 24 november 2026 om 15:00" in client.get(
        reverse("sancties:time_out", args=[t.pk])).content.decode())
    klok.move_to(moment(2026, 11, 24, 16))
    kijk(t, "goedgekeurd/gesprek gehouden")
    loper.post(reverse(stap, args=[t.pk, "afronden"]),
               {"verslag": "Besproken.", "getekend_op": "2026-11-24"})
    assert TimeOut.objects.get(pk=t.pk).status == "afgerond"
    kijk(t, "afgerond", eind=True)
    _vernietigen(loper, TimeOut.objects.get(pk=t.pk), s.directeur_wz)
    kijk(t, "vernietigd", eind=True)
    klok.move_to(moment(2026, 11, 24, 9))

    # Not approved on its own day: the next day it has lapsed by itself (seed 004: a time-out
    # lasts its day), an end state that every persona reads on the page.
    loper.als(s.leerkracht_wz).post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]),
                                    {"incident": "Schoppen.", "motivering": "Veiligheid."})
    t2 = TimeOut.objects.exclude(pk=t.pk).get()
    klok.move_to(moment(2026, 11, 25, 9))
    for user in _wijzer(s).values():
        if user == s.w.directie:  # another school's: no sight of Sanne
            continue
        client.force_login(user)
        pagina = client.get(reverse("sancties:time_out", args=[t2.pk])).content.decode()
        assert "vervallen: niet goedgekeurd op 24 november 2026" in pagina
    kijk(t2, "voorgesteld/vervallen", eind=True)
    # Not approved: an end state too.
    loper.als(s.leerkracht_wz).post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]),
                                    {"incident": "Duwen.", "motivering": "Veiligheid."})
    t3 = TimeOut.objects.exclude(pk__in=[t.pk, t2.pk]).get()
    loper.als(s.directeur_wz).post(reverse(stap, args=[t3.pk, "goedkeuren"]), {"besluit": "nee"})
    assert TimeOut.objects.get(pk=t3.pk).status == "afgewezen"
    kijk(t3, "afgewezen", eind=True)


def test_noordgouw_time_out_zonder_goedkeuring(
        client, scholen, klok, django_capture_on_commit_callbacks):
    """Noordgouw art. 22.4 d names no approver: the time-out is in force at once, and whoever
    takes part informs the parents."""
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.afdelingsleider_ng)
    loper.post(reverse("sancties:time_out_nieuw", args=[s.dirk.pk]),
               {"incident": "Vechten.", "motivering": "Veiligheid."})
    t = TimeOut.objects.get()
    assert t.status == "goedgekeurd"
    kijk = Waarnemer(client, loper, _noordgouw(s), "sancties:time_out", time_out_data).kijk
    kijk(t, "goedgekeurd")


def test_verwijdering_van_voorstel_tot_heroverweging(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    kijk = Waarnemer(client, loper, _noordgouw(s), "sancties:verwijdering",
                     verwijderingstappen_data([s.directie_ng.pk, s.afdelingsleider_ng.pk,
                                               s.zorg_ng.pk])).kijk
    from .test_verwijdering_stappen import PEDAGOGISCH, _voorstel

    v = _voorstel(loper, s.dirk, PEDAGOGISCH)
    kijk(v, "voorgesteld")
    for stap in ("leerling_gehoord", "team_gehoord", "inspectie_mening",
                 "onderwijskundig_rapport", "middelen_ingezet"):
        _stap(loper, v, stap, datum=VANDAAG, verslag=f"Verslag {stap}.", ouders_aanwezig="on",
              gehoord_door=[s.directie_ng.pk, s.afdelingsleider_ng.pk, s.zorg_ng.pk])
        kijk(v, f"voorgesteld/{stap}")
    _stap(loper, v, "voornemen")
    assert _v(v).status == "voornemen"
    kijk(v, "voornemen")
    # The intention is made known by letter before anything is decided (art. 25.3).
    loper.brief_versturen(Brief.objects.get(sleutel=f"verwijdering:{v.pk}:voornemen"),
                          s.directie_ng)
    _stap(loper, v, "voornemen_bekendgemaakt", bevestigd="ja")
    kijk(v, "voornemen/bekendgemaakt")
    _stap(loper, v, "benaderen", school="VSO De Brug", benaderd_op=VANDAAG)
    kijk(v, "voornemen/school benaderd")
    _stap(loper, v, "antwoord", contact=_v(v).schoolcontacten.get().pk, antwoord="toegelaten",
          antwoord_op=VANDAAG)
    _stap(loper, v, "inspectie_overleg", datum=VANDAAG, verslag="Inspectie akkoord.")
    kijk(v, "voornemen/school gevonden")
    _stap(loper, v, "besluiten", motivering="Geen passend aanbod meer.")
    assert _v(v).status == "besloten"
    kijk(v, "besloten")
    klok.move_to(moment(2026, 12, 1))
    _stap(loper, v, "bezwaar", ingediend_op="2026-12-01", gronden="Niet passend.")
    kijk(v, "bezwaar")
    _stap(loper, v, "bezwaar_horen", gehoord_op="2026-12-01", verslag="Ouders gehoord.")
    kijk(v, "bezwaar_gehoord")
    _stap(loper, v, "heroverwegen", uitkomst="handhaven", motivering="Geen nieuwe feiten.")
    assert Verwijdering.objects.get(pk=v.pk).status == "afgerond"
    kijk(v, "afgerond", eind=True)
    _vernietigen(loper, _v(v), s.directie_ng)
    assert _v(v).status == "vernietigd"
    kijk(v, "vernietigd", eind=True)
