"""A complaint's letters follow the complaint's policy (issue 11): whoever has full sight of
the complaint opens them; the administratie, for whom the complaint is 404, sends them
without opening them: the outbox shows addressee and status only. The overview of
complaints writes the read log (one row)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dossiers.brieven.services import brief_maken
from dossiers.models import Brief, Inzage, Ouder

from .conftest import get, post
from .test_klachtroutes import indienen

DAG = date(2026, 11, 23)


@pytest.fixture
def klachtbrief(client, kw) -> Brief:
    Ouder.objects.update(email="ouder@example.org")  # so the letter can go by e-mail
    klacht = indienen(client, kw, DAG)
    brief = Brief.objects.get(bron_type__model="klacht", bron_id=klacht.pk)
    brief_maken(brief.pk)
    return Brief.objects.get(pk=brief.pk)


def _tekst(response) -> str:
    reader = PdfReader(BytesIO(response.content))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_de_administratie_opent_de_brief_van_een_klacht_die_zij_niet_ziet_niet(
        client, kw, klachtbrief):
    url = reverse("brief_pdf", args=[klachtbrief.pk])
    assert get(client, kw.administratie, DAG,
               reverse("klachten:klacht", args=[klachtbrief.bron_id])).status_code == 404
    assert get(client, kw.administratie, DAG, url).status_code == 404
    assert not Inzage.objects.filter(user=kw.administratie, object_id=klachtbrief.pk).exists()

    post_pagina = get(client, kw.administratie, DAG, reverse("uitgaande_post"))
    html = post_pagina.content.decode()
    [rij] = [b for b in post_pagina.context["email"] + post_pagina.context["print"]
             if b.pk == klachtbrief.pk]
    # Addressee and status only: no kind of letter, no PDF, no choice for a bundle.
    assert rij.titel == "Brief (inhoud niet voor u zichtbaar)"
    assert all(o.naam in html for o in klachtbrief.ontvangers.all())
    assert "Ontvangstbevestiging" not in html and url not in html
    assert f'value="{klachtbrief.pk}"' not in html
    # Printing means opening it: refused; a bundle with it: refused; nothing changes.
    # Its page shows addressees and status, no preview and no "afgedrukt".
    pagina = get(client, kw.administratie, DAG, reverse("brief_bekijken", args=[klachtbrief.pk]))
    assert "U mag de inhoud van deze brief niet lezen." in pagina.content.decode()
    assert reverse("brief_pdf_inline", args=[klachtbrief.pk]) not in pagina.content.decode()
    assert "afgedrukt en per post verstuurd" not in pagina.content.decode()
    antwoord = post(client, kw.administratie, DAG,
                    reverse("brief_actie", args=[klachtbrief.pk, "afgedrukt"]),
                    {"bevestigd": "1"})
    assert ("U mag deze brief niet lezen en dus niet afdrukken. Laat hem afdrukken door "
            "iemand die de brief mag lezen.") in antwoord.content.decode()
    antwoord = post(client, kw.administratie, DAG, reverse("bundel_maken"),
                    {"brief": [klachtbrief.pk]})
    assert "horen niet bij de post van uw school" in antwoord.content.decode()
    assert Brief.objects.get(pk=klachtbrief.pk).status == "gemaakt"


def test_de_administratie_laat_de_brief_wel_door_het_systeem_mailen(
        client, kw, klachtbrief, mailoutbox):
    assert klachtbrief.verzendwijze == "email"
    post(client, kw.administratie, DAG, reverse("brief_actie", args=[klachtbrief.pk, "email"]),
         {"bevestigd": "1"})
    assert Brief.objects.get(pk=klachtbrief.pk).status == "verzonden"
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("wie", ["mentor", "directie"])
def test_wie_de_klacht_ziet_opent_haar_brief(client, kw, klachtbrief, wie):
    user = getattr(kw, wie)
    pdf = get(client, user, DAG, reverse("brief_pdf", args=[klachtbrief.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "Ontvangstbevestiging van uw klacht" in _tekst(pdf)
    rij = Inzage.objects.get(user=user, object_type__model="brief")
    assert (rij.onderdeel, rij.soorten) == ("brief ontvangstbevestiging_klacht", "klacht")


def test_de_beklaagde_opent_de_brief_over_de_klacht_tegen_hem_niet(client, kw, klachtbrief):
    assert get(client, kw.docent, DAG,
               reverse("brief_pdf", args=[klachtbrief.pk])).status_code == 404


def test_het_klachtenoverzicht_schrijft_een_rij(client, kw, klachtbrief):
    assert get(client, kw.directie, DAG, reverse("klachten:overzicht")).status_code == 200
    [rij] = Inzage.objects.filter(user=kw.directie)
    assert (rij.lijst, rij.leerlingnummers, rij.aantal, rij.soorten) == (
        "klachtenoverzicht", kw.anna.leerlingnummer, 1, "klacht")
