"""A schorsing's letter follows the measure's policy (issues 11 and 12): the teamleider who
decided it, and whoever may see the pupil's measures, open its PDF (the dossier entry's
"Naar de bron"); a teacher who sees no dossier gets 404."""

from __future__ import annotations

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from dossiers.models import Brief, Dossierstuk, Inzage

from .helpers import Loper
from .test_schorsing_echnaton import _tot_gehoord


def test_de_teamleider_die_schorste_opent_het_besluit_via_naar_de_bron(
        client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _tot_gehoord(loper, w.anna, w.teamleider)
    loper.stap(schorsing, "besluiten", eerste_dag="2026-11-25", schooldagen="1",
               motivering="Opzettelijke vernieling van schooleigendom.", opdrachten="")
    brief = Brief.objects.get(soort="sanctie_schorsing_besluit")
    url = reverse("brief_pdf", args=[brief.pk])
    stuk = Dossierstuk.objects.get(pk=brief.dossierstuk_id)
    for user in (w.teamleider, w.mentor):
        client.force_login(user)
        dossier = client.get(reverse("dossier", args=[w.anna.pk]) + f"?sectie={stuk.sectie}")
        assert f'href="{url}"' in dossier.content.decode()  # "Naar de bron"
        pdf = client.get(url)
        assert pdf.status_code == 200
        tekst = " ".join(" ".join(p.extract_text().split())
                         for p in PdfReader(BytesIO(pdf.content)).pages)
        assert "Besluit tot schorsing" in tekst and "Anna de Vries" in tekst
        assert Inzage.objects.filter(user=user, object_type__model="brief",
                                     object_id=brief.pk).count() == 1
    for user in (w.docent, w.zorgcoordinator, w.beheerder, w.teamleider_bovenbouw):
        client.force_login(user)
        assert client.get(url).status_code == 404
