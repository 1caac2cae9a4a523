"""Te laat en verzuim in Chromium: the docent registers te laat on a tablet-sized window,
the mentor's overview counts it against the next threshold, and a bad import file is
refused with its line numbers and nothing imported."""

import pytest
import time_machine

from verzuim import perioden
from verzuim.models import TeLaat

from .conftest import inloggen

pytestmark = pytest.mark.e2e


def test_docent_registreert_mentor_ziet_de_telling_en_een_fout_bestand(
        live_server, tablet, termijnwereld):
    from playwright.sync_api import expect

    w = termijnwereld
    w.groep_4h.mentoren.add(w.mentor.medewerker)
    page = tablet
    with time_machine.travel("2026-11-20 10:00 +0100", tick=True):
        perioden.vergeet_cache()
        inloggen(page, live_server, "docent4h")
        for dag in ("2026-11-16", "2026-11-17", "2026-11-18"):
            page.goto(f"{live_server.url}/verzuim/te-laat/")
            page.locator("#id_leerling").select_option(label="Chris Bakker (1003, 4H)")
            page.locator("#id_datum").fill(dag)
            page.locator("#id_lesuur").fill("1")
            page.locator("#id_minuten").fill("10")
            page.get_by_role("button", name="Registreren").click()
            expect(page.get_by_text("Geregistreerd: Chris Bakker.")).to_be_visible()
        page.screenshot(path="/tmp/e2e-verzuim-tablet.png", full_page=True)
        page.get_by_role("button", name="Uitloggen").click()

        inloggen(page, live_server, "mentor")
        page.goto(f"{live_server.url}/verzuim/overzicht/")
        rij = page.locator('tr[data-leerling="1003"]')
        expect(rij.locator(".te-laat-aantal")).to_have_text("3")
        expect(rij.locator(".volgende")).to_contain_text("bij 6")
        expect(rij.locator(".open")).to_contain_text("uren inhalen")
        page.get_by_role("button", name="Uitloggen").click()

        inloggen(page, live_server, "administratie")
        page.goto(f"{live_server.url}/verzuim/import/")
        page.get_by_label("CSV-bestand uit het leerlingvolgsysteem").set_input_files(files=[{
            "name": "magister.csv", "mimeType": "text/csv",
            "buffer": (b"leerlingnummer;datum;lesuur;code;minuten\n"
                       b"1001;13-10-2026;1;TL;5\n"
                       b"9999;13-10-2026;1;TL;5\n"
                       b"1001;13-10-2026;2;ZZ;5\n")}])
        page.get_by_role("button", name="Importeren").click()
        fout = page.locator("#importfout")
        expect(fout).to_contain_text("Er is niets geïmporteerd: 2 regel(s)")
        expect(fout).to_contain_text("regel 3: onbekende leerling '9999'")
        expect(fout).to_contain_text("regel 4: onbekende code 'ZZ'")
        assert not TeLaat.objects.filter(leerling=w.anna).exists()
    perioden.vergeet_cache()


def test_mentor_van_de_startpagina_naar_het_weekoverzicht_en_de_grafiek(
        live_server, tablet, termijnwereld):
    """The mentor's week overview: from the start page, the counts per period, the make-up
    due, the letters waiting; then the groups per period and the weekly chart (SVG)."""
    from datetime import date

    from playwright.sync_api import expect

    from verzuim import services

    w = termijnwereld
    w.groep_4h.mentoren.add(w.mentor.medewerker)
    page = tablet
    with time_machine.travel("2026-11-20 10:00 +0100", tick=True):
        perioden.vergeet_cache()
        for dag in (date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 18)):
            services.te_laat_registreren(door=w.docent_4h, leerling=w.chris, datum=dag,
                                         lesuur=1, minuten=10)
        inloggen(page, live_server, "mentor")
        page.locator("#verzuim-start").get_by_role(
            "link", name="Weekoverzicht van mijn leerlingen").click()
        expect(page.locator("#periode")).to_contain_text(
            "Periode 2: 12-10-2026 tot en met 27-11-2026")
        rij = page.locator('tr[data-leerling="1003"]')
        expect(rij.locator(".te-laat-aantal")).to_have_text("3")
        # Five school days from 18 November.
        expect(rij.locator(".inhalen")).to_have_text("25-11-2026")
        expect(rij.locator(".brieven")).to_have_text("—")
        page.get_by_role("link", name="Per groep en periode").click()
        groep = page.locator('tr[data-groep="4H"]')
        expect(groep.locator(".te-laat").nth(1)).to_have_text("3")
        expect(groep.locator(".inhalen")).to_have_text("1")
        page.get_by_role("link", name="Grafieken per week").click()
        grafiek = page.locator('section[data-groep="4H"]')
        expect(grafiek.locator("rect.te-laat")).to_have_count(11)
        expect(grafiek.locator("rect.te-laat").last).to_have_attribute("height", "80")
        page.screenshot(path="/tmp/e2e-verzuim-grafiek.png", full_page=True)
    perioden.vergeet_cache()
