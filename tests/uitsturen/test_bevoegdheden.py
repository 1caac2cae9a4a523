"""The authority rows of sending out of class, per preset, read back against the seeds:
Echnaton bijlage A (the teacher sends out, the (assistent) teamleider receives the pupil and
sends the letter), Noordgouw art. 1 (the rode kaart: an afdelingsleider), Wijzer (seed 004
has no sending out: no rung, no rows). And the melding page: 404 outside the relation, one
read-log row per view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dossiers.models import Inzage
from statuut.models import Bevoegdheid, Maatregelsoort
from statuut.presets import preset_pad
from uitsturen import services, toegang

pytestmark = pytest.mark.django_db


def _rijen(school, code: str) -> set[tuple]:
    return {(b.actie, b.voor, b.rol, b.omvang, b.artikel) for b in Bevoegdheid.objects.filter(
        statuut__school=school, actie__in=[toegang.MELDING_ONTVANGEN, toegang.INFORMEREN,
                                           toegang.OPLEGGEN],
        voor=code)}


def test_de_rijen_per_statuut(uitstuurwereld):
    w = uitstuurwereld.w
    assert _rijen(w.school, "eruit-sturen") == {
        ("maatregel.opleggen", "eruit-sturen", "docent", "eigen_leerlingen", "bijlage A eruit"),
        ("maatregel.opleggen", "eruit-sturen", "mentor", "eigen_leerlingen", "bijlage A eruit"),
        ("uitsturen.melding_ontvangen", "eruit-sturen", "teamleider", "eigen_leerlingen",
         "bijlage A eruit"),
        ("maatregel.informeren", "eruit-sturen", "teamleider", "eigen_leerlingen",
         "bijlage A eruit"),
    }
    assert _rijen(w.andere_school, "rode-kaart") == {
        ("maatregel.opleggen", "rode-kaart", "docent", "eigen_leerlingen", "1"),
        ("maatregel.opleggen", "rode-kaart", "mentor", "eigen_leerlingen", "1"),
        ("uitsturen.melding_ontvangen", "rode-kaart", "teamleider", "school", "1"),
        ("maatregel.informeren", "rode-kaart", "teamleider", "school", "1"),
    }
    # Echnaton's ontzegging-lessen (art. 7.2) is of soort uitsturen, but nobody receives a
    # melding for it: it is no uitstuurmelding.
    echnaton = Maatregelsoort.objects.get(statuut__school=w.school, code="eruit-sturen").statuut
    assert [t.code for t in toegang.uitstuurtreden(echnaton)] == ["eruit-sturen"]
    assert "uitsturen: []" in preset_pad("wijzer-2024").read_text(encoding="utf-8")


def test_de_meldingpagina_404_buiten_de_relatie_en_een_inzage_per_bezoek(client,
                                                                        uitstuurwereld):
    w = uitstuurwereld.w
    trede = Maatregelsoort.objects.get(statuut__school=w.school, code="eruit-sturen")
    m = services.uitsturen(door=w.docent, leerling=w.anna, maatregelsoort=trede,
                           vak="wiskunde", reden="Storen.")
    url = reverse("uitsturen:melding", args=[m.pk])
    for wie in (w.buitenstaander, w.beheerder, w.docent_4h, w.teamleider_bovenbouw):
        client.force_login(wie)
        assert client.get(url).status_code == 404
    for wie in (w.docent, w.teamleider, w.mentor, w.directie):
        client.force_login(wie)
        voor = Inzage.objects.count()
        assert client.get(url).status_code == 200
        assert Inzage.objects.count() == voor + 1
        rij = Inzage.objects.order_by("-pk").first()
        assert (rij.leerlingnummer, rij.onderdeel) == ("1001", "uitstuurmelding")
