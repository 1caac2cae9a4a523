"""A letter to PDF with WeasyPrint, fetching only the project's own static files."""

from __future__ import annotations

import mimetypes
from io import BytesIO
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_PREFIX = "static:"


class AlleenEigenBestanden(URLFetcher):
    """Serves `static:<path>` from the project's static files and refuses everything else
    (no network, no arbitrary local files); a refusal stops the render, so a letter never
    silently goes out without its stylesheet."""

    def __init__(self):
        super().__init__(allowed_protocols=("static",), fail_on_errors=True)

    def fetch(self, url, headers=None):
        if url.startswith(STATIC_PREFIX):
            gevonden = finders.find(url.removeprefix(STATIC_PREFIX))
            if gevonden and Path(gevonden).is_file():
                soort = mimetypes.guess_type(gevonden)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body=Path(gevonden).read_bytes(),
                                          headers={"Content-Type": soort})
        raise ValueError(f"Brief probeerde een niet-toegestane bron te laden: {url}")


def pdf_maken(template: str, context: dict) -> tuple[bytes, int]:
    html = render_to_string(template, context)
    pdf = HTML(string=html, base_url="static:", url_fetcher=AlleenEigenBestanden()).write_pdf()
    return pdf, len(PdfReader(BytesIO(pdf)).pages)
