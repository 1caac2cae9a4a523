"""The klachten letter kinds render to PDF: pupil, date, the article and the decision."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Brief, Briefinstellingen
from statuut.hulp import artikelverwijzing

GEVALLEN = [
    ("klacht_reactie", {"kenmerk": "K-7", "fase": "Schriftelijke klacht bij de schoolleiding",
                        "reactie": "De docent bespreekt voortaan elke toets na.",
                        "vervolg": "Geschillencommissie", "artikel": "12 klachten 4"},
     ["Reactie op uw klacht", "kenmerk K-7", "elke toets na", "Geschillencommissie"]),
    ("klacht_advies", {"kenmerk": "K-7", "advies": "gedeeltelijk gegrond",
                       "aanbevelingen": "Toetsen binnen twee weken nabespreken.",
                       "uiterlijk": "4 december 2026", "artikel": "bijlage B 16"},
     ["verklaart haar gedeeltelijk gegrond", "uiterlijk 4 december 2026", "twee weken"]),
    ("klacht_uitspraak", {"kenmerk": "K-7", "advies": "gegrond",
                          "uitspraak": "De school neemt het advies over.",
                          "uitvoering_door": "het schoolbestuur", "artikel": "bijlage B 18"},
     ["neemt het advies over", "in handen van het schoolbestuur"]),
    ("klacht_beroep_ontvangst", {"kenmerk": "B-3", "soort": "beroep", "ingediend_op":
                                 "18 december 2026", "tegen": "Strafwerk: 100 regels",
                                 "behandelaar": "T. Leider", "uiterlijk": "15 januari 2027",
                                 "artikel": "12 beroep 1"},
     ["uw beroep (kenmerk B-3)", "Strafwerk: 100 regels", "uiterlijk 15 januari 2027"]),
    ("klacht_beroep_beslissing", {"kenmerk": "B-3", "soort": "beroep",
                                  "uitkomst": "maatregel vernietigd",
                                  "beslissing": "De buurman stoorde.", "artikel": "12 beroep 1"},
     ["is beslist: maatregel vernietigd", "De buurman stoorde."]),
]


@pytest.mark.parametrize(("soort", "gegevens", "zinnen"), GEVALLEN)
def test_elke_klachtbrief_als_pdf(kw, django_capture_on_commit_callbacks, soort, gegevens,
                                  zinnen):
    kw.school.adres, kw.school.postcode_plaats = "Schoolstraat 1", "3511 AB Utrecht"
    kw.school.save()
    Briefinstellingen.objects.create(school=kw.school, ondertekenaar_naam="R. Rector")
    with django_capture_on_commit_callbacks(execute=True):
        brief = brief_aanvragen(door=kw.directie, leerling=kw.anna, soort=soort,
                                sleutel=f"test:{soort}", gegevens=gegevens,
                                datum=date(2026, 12, 1))
    brief = Brief.objects.get(pk=brief.pk)
    assert brief.status == "gemaakt"
    reader = PdfReader(BytesIO(bytes(brief.pdf)))
    tekst = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for zin in ["Anna de Vries", "Utrecht, 1 december 2026",
                f"gebaseerd op {artikelverwijzing(gegevens['artikel'])} van het "
                "leerlingenstatuut", *zinnen]:
        assert zin in tekst, zin
