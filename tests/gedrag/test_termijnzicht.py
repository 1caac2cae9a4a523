"""A measure's deadline is listed, opened and reminded only for whoever may see the measure
(the privacy rule "a deadline is visible exactly to those who may see its subject"), also
when the school gives the follow-up to a role school-wide."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers import selectors
from dossiers.herinneringen import herinneringen_vegen
from statuut.models import Bevoegdheid, Herinnering, Omvang

from .test_stappen import _opleggen


def test_de_opvolging_van_een_teamleiderrol_ziet_alleen_de_teamleider_van_de_leerling(
        client, w, klas):
    # Echnaton gives the follow-up to the teamleider of the pupil's department (bijlage A);
    # this school made it a row for every teamleider, so the deadline goes to the role.
    assert Bevoegdheid.objects.filter(
        statuut__school=w.school, actie="gedrag.niet_nagekomen_opvolgen").update(
            omvang=Omvang.SCHOOL) == 1
    (m,) = _opleggen(client, w.docent, [w.anna], afspraak="100 regels inleveren",
                     uiterlijk="2026-11-24")
    client.post(f"/gedrag/maatregel/{m.pk}/niet_uitgevoerd/", {"toelichting": "Niet ingeleverd."})
    termijn = type(m).objects.get(pk=m.pk).termijn_opvolging
    assert (termijn.verantwoordelijke, termijn.verantwoordelijke_rol) == (None, "teamleider")
    url = reverse("termijn", args=[termijn.pk])

    # Anna's teamleider (onderbouw): in "Mijn termijnen", on the start page, the page opens.
    assert termijn in selectors.open_termijnen(w.teamleider)
    client.force_login(w.teamleider)
    assert client.get(url).status_code == 200
    assert "Strafafspraak niet nagekomen" in client.get("/").content.decode()
    # The teamleider of the bovenbouw holds the role, not Anna: nothing, not even without
    # her name.
    assert termijn not in selectors.open_termijnen(w.teamleider_bovenbouw)
    client.force_login(w.teamleider_bovenbouw)
    assert client.get(url).status_code == 404
    assert "Strafafspraak niet nagekomen" not in client.get("/").content.decode()
    assert "Strafafspraak niet nagekomen" not in client.get("/termijnen/").content.decode()

    # Overdue: the reminder goes to Anna's teamleider only (and the escalation to the
    # directie, who sees every dossier).
    herinneringen_vegen(date(2026, 12, 1))
    ontvangers = set(Herinnering.objects.filter(termijn=termijn)
                     .values_list("ontvanger__username", flat=True))
    assert "teamleider" in ontvangers and "teamleiderbb" not in ontvangers
