"""A letter to PDF with WeasyPrint, fetching only the project's own static files.

What does not change between letters is kept per process and thread (issue 15: a worker
renders many letters in a row): the font configuration (fontconfig/Pango set-up and the
fonts it loaded), the static files the letters link (read once), and WeasyPrint's image
cache. A prefork child builds its own on its first letter (keyed by process id, never
shared across a fork).
"""

from __future__ import annotations

import mimetypes
import os
import threading
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_PREFIX = "static:"


class AlleenEigenBestanden(URLFetcher):
    """Serves `static:<path>` from the project's static files and refuses everything else
    (no network, no arbitrary local files); a refusal stops the render, so a letter never
    silently goes out without its stylesheet."""

    def __init__(self):
        super().__init__(allowed_protocols=("static",), fail_on_errors=True)
        self._gelezen: dict[str, tuple[bytes, str]] = {}

    def fetch(self, url, headers=None):
        if url.startswith(STATIC_PREFIX):
            if url not in self._gelezen:
                gevonden = finders.find(url.removeprefix(STATIC_PREFIX))
                if gevonden and Path(gevonden).is_file():
                    soort = mimetypes.guess_type(gevonden)[0] or "application/octet-stream"
                    self._gelezen[url] = (Path(gevonden).read_bytes(), soort)
            if url in self._gelezen:
                body, soort = self._gelezen[url]
                return URLFetcherResponse(url, body=body, headers={"Content-Type": soort})
        raise ValueError(f"Brief probeerde een niet-toegestane bron te laden: {url}")


class _Procesgeheugen:
    """The font configuration, fetcher and image cache of this process."""

    def __init__(self):
        self.pid = os.getpid()
        self.fonts = FontConfiguration()
        self.fetcher = AlleenEigenBestanden()
        self.afbeeldingen: dict = {}


# Per thread as well (Pango's objects are not shared between threads: a development server
# rendering eagerly in two request threads gets two).
_LOKAAL = threading.local()


def _geheugen() -> _Procesgeheugen:
    g = getattr(_LOKAAL, "geheugen", None)
    if g is None or g.pid != os.getpid():
        g = _LOKAAL.geheugen = _Procesgeheugen()
    return g


def pdf_maken(template: str, context: dict) -> tuple[bytes, int]:
    """The PDF and its number of pages (counted from the layout, not by reading the PDF)."""
    html = render_to_string(template, context)
    g = _geheugen()
    paginas: list[int] = []
    pdf = HTML(string=html, base_url="static:", url_fetcher=g.fetcher).write_pdf(
        font_config=g.fonts, cache=g.afbeeldingen,
        finisher=lambda document, _pdf: paginas.append(len(document.pages)))
    return pdf, paginas[0]
