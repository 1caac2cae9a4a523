"""Explicit grants on one pupil: who gave it, to whom, why, from when until when; they lapse
by themselves after their last day, stop at once when withdrawn, and never give more than
the giver sees. The pupil's page shows who holds one."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from dossiers import toegang
from dossiers.models import LeerlingUserObjectPermission, Toekenning
from dossiers.toekenningen import (
    lopende_toekenningen,
    toekenning_intrekken,
    toekenning_verlenen,
)
from statuut.services import InvoerFout

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _middag(dag) -> datetime:
    return datetime.combine(dag, time(12, 0), tzinfo=AMSTERDAM)


def _geef(wereld, *, door=None, aan=None, omvang="dossier", vanaf=None, tot=None,
          reden="Vervangt de mentor tijdens zijn verlof") -> Toekenning:
    vandaag = timezone.localdate()
    return toekenning_verlenen(
        door=door or wereld.directie, aan=aan or wereld.docent_4h, leerling=wereld.anna,
        omvang=omvang, reden=reden, geldig_vanaf=vanaf or vandaag,
        geldig_tot=tot or vandaag + timedelta(days=30),
    )


def _formulier(wereld, **velden) -> dict:
    vandaag = timezone.localdate()
    data = {
        "toekenning-aan": wereld.docent_4h.pk,
        "toekenning-omvang": "dossier",
        "toekenning-reden": "Remedial teaching voor dyslexie",
        "toekenning-geldig_vanaf": vandaag.isoformat(),
        "toekenning-geldig_tot": (vandaag + timedelta(days=60)).isoformat(),
    }
    data.update({f"toekenning-{k}": v for k, v in velden.items()})
    return data


# --- the term -------------------------------------------------------------------------------


def test_toegang_van_de_eerste_tot_en_met_de_laatste_dag_en_niet_de_dag_erna(client, wereld):
    vandaag = timezone.localdate()
    eerste, laatste = vandaag + timedelta(days=10), vandaag + timedelta(days=20)
    _geef(wereld, vanaf=eerste, tot=laatste)
    url = reverse("dossier", args=[wereld.anna.pk])
    verwacht = [(eerste - timedelta(days=1), 404), (eerste, 200), (laatste, 200),
                (laatste + timedelta(days=1), 404)]
    for dag, status in verwacht:
        with time_machine.travel(_middag(dag), tick=False):
            client.force_login(wereld.docent_4h)
            assert client.get(url).status_code == status, dag
            assert bool(toegang.zichtbare_secties(wereld.docent_4h, wereld.anna)) == (
                status == 200)


def test_een_ingetrokken_toekenning_stopt_meteen(client, wereld):
    t = _geef(wereld)
    client.force_login(wereld.docent_4h)
    url = reverse("dossier", args=[wereld.anna.pk])
    assert client.get(url).status_code == 200
    toekenning_intrekken(door=wereld.directie, toekenning=t)
    assert client.get(url).status_code == 404
    t.refresh_from_db()
    assert t.ingetrokken_door == wereld.directie and t.ingetrokken_op is not None
    assert not LeerlingUserObjectPermission.objects.filter(user=wereld.docent_4h).exists()


def test_de_toekenning_legt_vast_wie_aan_wie_waarom_en_wanneer(wereld):
    vandaag = timezone.localdate()
    t = _geef(wereld, tot=vandaag + timedelta(days=5))
    assert (t.verleend_door, t.user, t.leerling, t.omvang, t.reden, t.geldig_vanaf,
            t.geldig_tot) == (wereld.directie, wereld.docent_4h, wereld.anna, "dossier",
                              "Vervangt de mentor tijdens zijn verlof", vandaag,
                              vandaag + timedelta(days=5))


# --- never more than one sees -----------------------------------------------------------------


def test_de_zorgcoordinator_kan_bij_echnaton_alleen_beperkte_toegang_geven(wereld):
    # Art. 9.4: the zorgcoördinator sees A, D, E and G, so cannot hand out the dossier.
    assert toegang.toe_te_kennen(wereld.zorgcoordinator, wereld.anna) == ["beperkt"]
    with pytest.raises(InvoerFout, match="nooit meer dan hij of zij zelf ziet"):
        _geef(wereld, door=wereld.zorgcoordinator, omvang="dossier")
    assert not Toekenning.objects.exists()
    _geef(wereld, door=wereld.zorgcoordinator, omvang="beperkt")
    assert Toekenning.objects.count() == 1


def test_wie_geen_toegang_mag_geven_krijgt_geen_formulier_en_kan_niet_posten(client, wereld):
    client.force_login(wereld.mentor)  # sees the dossier, but may not grant (preset)
    pagina = client.get(reverse("leerling", args=[wereld.anna.pk]))
    assert "Extra toegang" in pagina.content.decode()
    assert reverse("toekenning_verlenen", args=[wereld.anna.pk]) not in pagina.content.decode()
    response = client.post(reverse("toekenning_verlenen", args=[wereld.anna.pk]),
                           _formulier(wereld))
    assert response.status_code == 403
    assert not Toekenning.objects.exists()


def test_een_buitenstaander_krijgt_404(client, wereld):
    client.force_login(wereld.buitenstaander)
    response = client.post(reverse("toekenning_verlenen", args=[wereld.anna.pk]),
                           _formulier(wereld))
    assert response.status_code == 404
    assert not Toekenning.objects.exists()


# --- the pupil's page -------------------------------------------------------------------------


def test_de_leerlingpagina_toont_wie_extra_toegang_heeft(client, wereld):
    vandaag = timezone.localdate()
    _geef(wereld, vanaf=vandaag, tot=vandaag + timedelta(days=7),
          reden="Inspectiebezoek: dossieronderzoek")
    client.force_login(wereld.mentor)
    tekst = _tekst(client.get(reverse("leerling", args=[wereld.anna.pk])))
    assert "Extra toegang" in tekst
    assert "E. Anderedocent" in tekst and "R. Rector" in tekst
    assert "Inspectiebezoek: dossieronderzoek" in tekst
    assert "leerlinggegevens en persoonlijk dossier" in tekst


def test_de_docent_ziet_het_blok_extra_toegang_niet(client, wereld):
    _geef(wereld)
    client.force_login(wereld.docent)
    assert "Extra toegang" not in _tekst(client.get(reverse("leerling", args=[wereld.anna.pk])))


def test_een_verlopen_toekenning_staat_niet_meer_op_de_pagina(client, wereld):
    vandaag = timezone.localdate()
    _geef(wereld, vanaf=vandaag, tot=vandaag + timedelta(days=2))
    assert lopende_toekenningen(wereld.anna).count() == 1
    with time_machine.travel(_middag(vandaag + timedelta(days=3)), tick=False):
        assert lopende_toekenningen(wereld.anna).count() == 0
        client.force_login(wereld.directie)
        tekst = _tekst(client.get(reverse("leerling", args=[wereld.anna.pk])))
        assert "Niemand heeft extra toegang tot deze leerling." in tekst


def test_de_directie_geeft_toegang_via_het_formulier(client, wereld):
    client.force_login(wereld.directie)
    pagina = client.get(reverse("leerling", args=[wereld.anna.pk]))
    vandaag = timezone.localdate()
    html = pagina.content.decode()
    assert f'value="{vandaag.isoformat()}"' in html  # from: today
    tot = pagina.context["toekenning_form"].initial["geldig_tot"]
    assert (tot - vandaag).days in range(89, 93)  # until: three months on
    response = client.post(reverse("toekenning_verlenen", args=[wereld.anna.pk]),
                           _formulier(wereld))
    assert response.status_code == 302
    t = Toekenning.objects.get()
    assert (t.user, t.verleend_door, t.omvang) == (wereld.docent_4h, wereld.directie, "dossier")
    assert "E. Anderedocent heeft toegang" in _tekst(client.get(response.url))


@pytest.mark.parametrize(("velden", "melding"), [
    (lambda w, d: {"reden": "  "},
     "Geef een reden op: waarom heeft deze persoon toegang nodig?"),
    (lambda w, d: {"geldig_tot": ""},
     "Vul de einddatum in: toegang geldt altijd voor een periode."),
    (lambda w, d: {"geldig_vanaf": d + timedelta(days=10), "geldig_tot": d + timedelta(days=9)},
     "De einddatum ligt vóór de begindatum."),
    (lambda w, d: {"geldig_vanaf": d - timedelta(days=1)}, "De begindatum ligt in het verleden"),
    (lambda w, d: {"omvang": "alles"}, "U mag deze toegang niet verlenen."),
    (lambda w, d: {"aan": w.buitenstaander.pk},  # staff of another school
     "Kies een medewerker van deze school uit de lijst."),
    (lambda w, d: {"aan": w.directie.pk},  # oneself
     "Kies een medewerker van deze school uit de lijst."),
])
def test_foute_invoer_geeft_een_melding_en_schrijft_niets(client, wereld, velden, melding):
    client.force_login(wereld.directie)
    response = client.post(reverse("toekenning_verlenen", args=[wereld.anna.pk]),
                           _formulier(wereld, **velden(wereld, timezone.localdate())))
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not Toekenning.objects.exists()


def test_twee_keer_dezelfde_toegang_in_dezelfde_periode_wordt_geweigerd(wereld):
    _geef(wereld)
    with pytest.raises(InvoerFout, match="al deze toegang"):
        _geef(wereld)
    assert Toekenning.objects.count() == 1


def test_intrekken_met_de_knop(client, wereld):
    t = _geef(wereld)
    client.force_login(wereld.directie)
    html = client.get(reverse("leerling", args=[wereld.anna.pk])).content.decode()
    url = reverse("toekenning_intrekken", args=[wereld.anna.pk, t.pk])
    assert url in html
    response = client.post(url)
    assert response.status_code == 302
    assert "De toegang van E. Anderedocent is ingetrokken." in _tekst(client.get(response.url))
    assert Toekenning.objects.get().ingetrokken_op is not None


def test_wie_niet_mag_intrekken_krijgt_een_melding(client, wereld):
    t = _geef(wereld)
    client.force_login(wereld.mentor)
    assert reverse("toekenning_intrekken", args=[wereld.anna.pk, t.pk]) not in \
        client.get(reverse("leerling", args=[wereld.anna.pk])).content.decode()
    response = client.post(reverse("toekenning_intrekken", args=[wereld.anna.pk, t.pk]),
                           follow=True)
    assert "U mag deze toegang niet intrekken." in _tekst(response)
    assert Toekenning.objects.get().ingetrokken_op is None


def test_intrekken_kan_niet_met_get(client, wereld):
    t = _geef(wereld)
    client.force_login(wereld.directie)
    assert client.get(reverse("toekenning_intrekken", args=[wereld.anna.pk, t.pk])) \
        .status_code == 405
    assert Toekenning.objects.get().ingetrokken_op is None


def test_toegang_hoogstens_een_jaar_en_nooit_aan_een_beheeraccount(wereld):
    vandaag = timezone.localdate()
    with pytest.raises(InvoerFout, match="ten hoogste een jaar"):
        _geef(wereld, tot=vandaag + timedelta(days=400))
    with pytest.raises(InvoerFout, match="Een beheeraccount krijgt geen toegang"):
        _geef(wereld, aan=wereld.beheerder)
    # Not even through a flow that checks its own right first (controleer=False).
    with pytest.raises(InvoerFout, match="Een beheeraccount krijgt geen toegang"):
        toekenning_verlenen(door=wereld.zorgcoordinator, aan=wereld.beheerder,
                            leerling=wereld.anna, omvang="zorg", reden="RT-onderzoek",
                            geldig_vanaf=vandaag, geldig_tot=vandaag + timedelta(days=30),
                            controleer=False)
    assert not Toekenning.objects.exists()
