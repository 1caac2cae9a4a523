"""Every reachable state of the sancties flows (schorsing, ontzegging van de toegang, time-out,
verwijdering, with bezwaar where the statuut has it) offers some demo role of the school a
step forward on the measure's page, or (a decided schorsing waiting for its dates) says
when it goes in and until when it runs (issue 12 point 1). Only a finished measure has no
step. The states are made as the other sancties tests make them, through the pages' forms
(`Loper`), and looked at as every persona of the school."""

from __future__ import annotations

import re

from django.urls import reverse

from dossiers.models import Brief
from sancties.models import Schorsing, TimeOut, Verwijdering
from tests.doodlopend import bekijk, personas

from .conftest import moment
from .helpers import Loper, vers
from .test_ontzegging import GROND as ONTZEGGINGSGROND
from .test_verwijdering import VANDAAG, _stap, _v

STAP = re.compile(r"/sancties/(schorsing|time-out|verwijdering)/\d+/[a-z_]+/")
VERLOOP = re.compile(r'<p class="verloop"><strong>(.*?)</strong>', re.S)
WACHTEN = ("bekendgemaakt", "lopend")  # a person records the start and the end on the day


class Waarnemer:
    """Looks at one measure's page, state after state, as every persona of its school."""

    def __init__(self, client, loper, wie: dict, url_naam: str):
        self.client, self.loper, self.wie, self.url_naam = client, loper, wie, url_naam
        self.gezien: list[str] = []

    def kijk(self, obj, toestand: str) -> None:
        blik = bekijk(self.client, self.wie, reverse(self.url_naam, args=[obj.pk]), stap=STAP,
                      reden=VERLOOP)
        self.gezien.append(toestand)
        if blik.iemand_kan_verder:
            return
        status = toestand.split("/")[0]
        assert status in WACHTEN and any(
            "gaat in op" in r.lower() or "loopt tot en met" in r.lower()
            for r in blik.redenen.values()), (toestand, blik.samenvatting())
        self.client.force_login(self.loper.user)


def _echnaton(scholen) -> dict:
    return personas(scholen.w)


def _noordgouw(s) -> dict:
    return {"teamleider": s.afdelingsleider_ng, "directie": s.directie_ng,
            "zorgcoordinator": s.zorg_ng}


def _wijzer(s) -> dict:
    return {"mentor": s.leerkracht_wz, "directie": s.directeur_wz}


def test_echnaton_schorsing_van_voorstel_tot_afronding(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    kijk = Waarnemer(client, loper, _echnaton(scholen), "sancties:schorsing").kijk
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
    loper.stap(s, "afronden")
    assert vers(s).status == "afgerond"


def test_wijzer_schorsing_met_bezwaar(client, scholen, klok, django_capture_on_commit_callbacks):
    from .test_schorsing_wijzer import _besloten

    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _besloten(loper, s)
    kijk = Waarnemer(client, loper, _wijzer(s), "sancties:schorsing").kijk
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
    kijk = Waarnemer(client, loper, _echnaton(scholen), "sancties:schorsing").kijk
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
    kijk = Waarnemer(client, loper, _wijzer(s), "sancties:time_out").kijk
    kijk(t, "voorgesteld")
    loper.als(s.directeur_wz).post(reverse("sancties:time_out_stap", args=[t.pk, "goedkeuren"]),
                                   {"besluit": "ja"})
    assert TimeOut.objects.get(pk=t.pk).status == "goedgekeurd"
    kijk(t, "goedgekeurd")
    klok.move_to(moment(2026, 11, 24, 9))
    kijk(t, "goedgekeurd/de dag erna")

    # Not approved on its own day: the next day it has lapsed by itself (seed 004: a time-out
    # lasts its day), an end state that every persona reads on the page.
    loper.als(s.leerkracht_wz).post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]),
                                    {"incident": "Schoppen.", "motivering": "Veiligheid."})
    t2 = TimeOut.objects.exclude(pk=t.pk).get()
    klok.move_to(moment(2026, 11, 25, 9))
    for user in _wijzer(s).values():
        client.force_login(user)
        pagina = client.get(reverse("sancties:time_out", args=[t2.pk])).content.decode()
        assert "vervallen: niet goedgekeurd op 24 november 2026" in pagina


def test_verwijdering_van_voorstel_tot_heroverweging(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    kijk = Waarnemer(client, loper, _noordgouw(s), "sancties:verwijdering").kijk
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
