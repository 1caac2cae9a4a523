"""The docent's quick registration in Chromium on a tablet-sized window (820 x 1180, touch):
two pupils tapped from the own group, the rung tapped, the offence typed, recorded at once;
the second step shows the earlier measures."""

import pytest
import time_machine

from gedrag.models import Lesmaatregel
from tests.personas import maak_leerling

from .conftest import inloggen

pytestmark = pytest.mark.e2e


def test_docent_geeft_twee_leerlingen_strafwerk_op_de_tablet(live_server, tablet, termijnwereld):
    from playwright.sync_api import expect

    w = termijnwereld
    eva = maak_leerling(w.school, "1011", "Eva", "Smit", w.groep_1a)
    page = tablet
    with time_machine.travel("2026-11-23 10:00 +0100", tick=True):
        inloggen(page, live_server, "docent")
        page.get_by_role("link", name="Maatregel vastleggen").first.click()
        page.get_by_text("Anna de Vries").tap()
        page.get_by_text("Eva Smit").tap()
        page.get_by_role("button", name="Verder").tap()
        expect(page.get_by_role("heading", name="Eerdere maatregelen")).to_be_visible()
        expect(page.get_by_text("Gele kaart")).to_have_count(0)  # the teamleider's
        page.get_by_text("Strafwerk", exact=False).first.tap()
        page.get_by_label("Overtreding").fill("Telefoon gebruikt tijdens de uitleg.")
        page.get_by_label("Afspraak (wat moet er gebeuren)").fill("Eén A4 over respect")
        page.get_by_label("Uiterlijk").fill("2026-11-25")
        page.screenshot(path="/tmp/gedrag-tablet.png", full_page=True)
        knop = page.get_by_role("button", name="Vastleggen voor 2 leerlingen")
        doos = knop.bounding_box()
        assert doos["height"] >= 44  # a tap target
        knop.tap()
        expect(page.get_by_text("Vastgelegd: Strafwerk voor Eva Smit, Anna de Vries."))\
            .to_be_visible()
        page.screenshot(path="/tmp/gedrag-tablet-klaar.png", full_page=True)
    assert sorted(m.leerling.roepnaam for m in Lesmaatregel.objects.all()) == ["Anna", "Eva"]
    assert eva.pk
