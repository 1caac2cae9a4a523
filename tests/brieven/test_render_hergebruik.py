"""Issue 15: a worker keeps the font configuration and the letters' static files between
letters. Each letter still shows its own data, counts its own pages, and a letter that asks
for anything but the project's own static files is still refused (also after the stylesheet
was read once and kept)."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from weasyprint.urls import FatalURLFetchingError

from dossiers.brieven import render


def _tekst(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf)).pages)


HTML = ('<html><head><link rel="stylesheet" href="static:css/brief.css"></head>'
        '<body>{inhoud}</body></html>')


def test_twee_brieven_na_elkaar_met_hun_eigen_inhoud_en_paginas(settings, tmp_path):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path,
                                                             *settings.TEMPLATES[0]["DIRS"]]}]
    (tmp_path / "een.html").write_text(HTML.replace("{inhoud}", "<p>Brief voor Anna</p>"))
    lang = "".join(f"<p>Regel {i} voor Bram</p>" for i in range(120))
    (tmp_path / "twee.html").write_text(HTML.replace("{inhoud}", lang))
    een, paginas_een = render.pdf_maken("een.html", {})
    g = render._geheugen()
    twee, paginas_twee = render.pdf_maken("twee.html", {})
    assert render._geheugen() is g  # the same font configuration and fetcher
    assert (paginas_een, len(PdfReader(BytesIO(een)).pages)) == (1, 1)
    assert paginas_twee == len(PdfReader(BytesIO(twee)).pages) > 1
    assert "Brief voor Anna" in _tekst(een) and "Bram" not in _tekst(een)
    assert "Regel 119 voor Bram" in _tekst(twee)


def test_een_vreemde_bron_blijft_geweigerd_na_een_bewaard_stylesheet(settings, tmp_path):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path,
                                                             *settings.TEMPLATES[0]["DIRS"]]}]
    (tmp_path / "goed.html").write_text(HTML.replace("{inhoud}", "<p>Goed</p>"))
    (tmp_path / "fout.html").write_text(HTML.replace(
        "{inhoud}", '<img src="file:///etc/passwd"><p>Fout</p>'))
    render.pdf_maken("goed.html", {})
    with pytest.raises(FatalURLFetchingError, match="file:///etc/passwd"):
        render.pdf_maken("fout.html", {})
