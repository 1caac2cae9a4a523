"""The staff pickers on a care case (issue 12 point 17) name each person with their roles at the
school and offer only who may take the step: the care file is opened to a colleague who does
not already see it, never to the functioneel beheerder (who reads no pupil data) or oneself;
the remedial teacher picker offers remedial teachers."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from statuut.models import Rol
from statuut.services import InvoerFout
from tests.personas import maak_gebruiker
from zorg.services import zorgtoegang_verlenen

from .conftest import dossier_van, naar_fase, tekst


def _opties(pagina: str, naam: str) -> dict[str, str]:
    select = re.search(rf'<select name="{naam}"[^>]*>(.*?)</select>', pagina, re.S).group(1)
    return {pk: label.strip() for pk, label in re.findall(
        r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)}


def test_toegang_geven_biedt_alleen_wie_het_zorgdossier_mag_krijgen_met_rol(client, zw):
    # A second "M. Mentor" at the school: the two are told apart by their role.
    naamgenoot = maak_gebruiker("naamgenoot", "M. Mentor", zw.school, Rol.TEAMLEIDER,
                                afdeling=zw.bovenbouw)
    zd = naar_fase(zw, "analyse")
    client.force_login(zw.zorgcoordinator)
    opties = _opties(client.get(reverse("zorg:dossier", args=[zd.pk])).content.decode(), "aan")
    assert opties[str(zw.mentor.pk)] == "M. Mentor (Docent, Mentor)"
    assert opties[str(naamgenoot.pk)] == "M. Mentor (Teamleider / afdelingsleider)"
    assert opties[str(zw.remedial_teacher.pk)] == "R. Remedial (Remedial teacher)"
    for wie in (zw.beheerder, zw.zorgcoordinator, zw.directie, zw.buitenstaander):
        assert str(wie.pk) not in opties, wie


def test_de_beheerder_en_wie_het_al_ziet_worden_geweigerd(client, zw):
    zd = naar_fase(zw, "analyse")
    client.force_login(zw.zorgcoordinator)
    for wie in (zw.beheerder, zw.directie):
        antwoord = client.post(reverse("zorg:toegang", args=[zd.pk]), {
            "aan": wie.pk, "tot": date(2027, 1, 31).isoformat(), "reden": "Meekijken."})
        assert antwoord.status_code == 400
        assert ("Kies een medewerker uit de lijst: alleen wie dit zorgdossier nog niet ziet en "
                "het mag krijgen (niet de functioneel beheerder).") in tekst(antwoord), wie
    # The service refuses the same on its own (a form is only the first line).
    with pytest.raises(InvoerFout, match="R. Rector ziet elk zorgdossier van de school al; "
                                         "toegang geven is niet nodig."):
        zorgtoegang_verlenen(door=zw.zorgcoordinator, zorgdossier=zd, aan=zw.directie,
                             tot=date(2027, 1, 31), reden="Meekijken.")
    assert not dossier_van(zw.anna).leerling.toekenningen.exists()


def test_de_remedial_teacher_keuze_noemt_de_rol(client, zw):
    zd = naar_fase(zw, "consultatie")
    client.force_login(zw.mentor)
    opties = _opties(client.get(reverse("zorg:dossier", args=[zd.pk])).content.decode(),
                     "remedial_teacher")
    assert opties == {str(zw.remedial_teacher.pk): "R. Remedial (Remedial teacher)"}
