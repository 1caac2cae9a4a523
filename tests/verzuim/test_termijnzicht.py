"""A threshold step's deadline is listed and opened only for whoever may see the step (the
privacy rule "a deadline is visible exactly to those who may see its subject"): the one who
holds the step for the pupil now, and the directie."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers import selectors
from statuut.models import Rol
from tests.personas import maak_gebruiker
from verzuim.models import Drempelactie

from .test_verzuim import _te_laat, _vandaag  # noqa: F401  (autouse: the clock of 20-11-2026)


def test_de_stap_ziet_alleen_wie_de_leerling_nu_volgt(client, termijnwereld):
    w = termijnwereld
    mentor_4h = maak_gebruiker("mentor4h", "H. Vierha", w.school, Rol.MENTOR, Rol.DOCENT)
    w.groep_4h.mentoren.add(mentor_4h.medewerker)
    for dag in (16, 17, 18):  # the 3rd time in a period (bovenbouw): two hours made up
        assert _te_laat(client, w.docent_4h, w.chris, date(2026, 11, dag)).status_code == 302
    actie = Drempelactie.objects.get(leerling=w.chris, drempelcode="te-laat-bovenbouw-3")
    termijn = actie.termijn
    assert termijn.verantwoordelijke == mentor_4h  # Chris's mentor (bijlage A)
    url = reverse("termijn", args=[termijn.pk])
    assert termijn in selectors.open_termijnen(mentor_4h)
    client.force_login(mentor_4h)
    assert client.get(url).status_code == 200
    assert client.get(f"/verzuim/actie/{actie.pk}/").status_code == 200
    # The mentor of 1A neither holds the step nor sees Chris.
    assert termijn not in selectors.open_termijnen(w.mentor)
    client.force_login(w.mentor)
    assert client.get(url).status_code == 404
    assert client.get(f"/verzuim/actie/{actie.pk}/").status_code == 404

    # 4H gets another mentor: the step named the former one, who no longer sees Chris; it
    # leaves his list and its pages close to him. The directie (every dossier) still sees it.
    w.groep_4h.mentoren.remove(mentor_4h.medewerker)
    assert termijn not in selectors.open_termijnen(mentor_4h)
    client.force_login(mentor_4h)
    assert client.get(url).status_code == 404
    assert termijn.omschrijving not in client.get("/termijnen/").content.decode()
    client.force_login(w.directie)
    assert client.get(url).status_code == 200
