"""Input at the edge, before any view: what no page should ever see.

- A NUL byte in the address or a form: PostgreSQL cannot store it and the database driver
  raises; answered with the Dutch 400 page, nothing done.
- Unicode direction controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) in
  submitted text: a pupil named with U+202E turned "260008" into "800062" in a PDF letter
  (Trojan-source style spoofing). They are removed from every submitted value, so names and
  free texts are stored without them, in the application and in the admin alike.
- A submitted text longer than `LANGSTE_TEKST` characters (a note of 100,000 characters was
  accepted): no field of the product needs more; refused with the Dutch 400 page, nothing
  saved. Forms set their own, lower limits where a field is shorter (names, titles).
- A number in the path larger than a database id can be ("/leerlingen/99999999999999999999/"):
  no such object, so 404 instead of the database's overflow error.
"""

from __future__ import annotations

import re

from django.core.exceptions import BadRequest
from django.http import Http404, QueryDict

RICHTINGSTEKENS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
GROOTSTE_ID = 2**63 - 1
#: The longest free text anyone writes here: about ten pages of a report.
LANGSTE_TEKST = 20_000


class TeLangeTekst(BadRequest):
    pass


def zonder_richtingstekens(tekst: str) -> str:
    return RICHTINGSTEKENS.sub("", tekst)


def _heeft_nul(waarden: QueryDict) -> bool:
    return any("\x00" in k or any("\x00" in v for v in vs) for k, vs in waarden.lists())


def _opgeschoond(waarden: QueryDict) -> QueryDict:
    if not any(RICHTINGSTEKENS.search(v) for _k, vs in waarden.lists() for v in vs):
        return waarden
    schoon = QueryDict(mutable=True, encoding=waarden.encoding)
    for k, vs in waarden.lists():
        schoon.setlist(k, [zonder_richtingstekens(v) for v in vs])
    schoon._mutable = False
    return schoon


class InvoerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _heeft_nul(request.GET):
            raise BadRequest("NUL in het adres")
        request.GET = _opgeschoond(request.GET)
        if request.method == "POST" and not request.content_type.startswith("application/json"):
            if _heeft_nul(request.POST):
                raise BadRequest("NUL in het formulier")
            if any(len(v) > LANGSTE_TEKST for _k, vs in request.POST.lists() for v in vs):
                raise TeLangeTekst(f"Tekst langer dan {LANGSTE_TEKST} tekens")
            request.POST = _opgeschoond(request.POST)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        for waarde in (*view_args, *view_kwargs.values()):
            if isinstance(waarde, int) and not -GROOTSTE_ID <= waarde <= GROOTSTE_ID:
                raise Http404("Geen object met dit nummer.")
        return None


def ongeldig_verzoek(request, exception):
    """The 400 page (`handler400`), saying what was wrong and how to go on."""
    from django.shortcuts import render
    from django.utils.translation import gettext as _

    if isinstance(exception, TeLangeTekst):
        reden = _("Een ingevulde tekst is langer dan %(n)s tekens. Er is niets opgeslagen: ga "
                  "terug, kort de tekst in (of verdeel hem over twee notities) en verstuur "
                  "opnieuw.") % {"n": f"{LANGSTE_TEKST:,}".replace(",", ".")}
    else:
        reden = _("Het adres of het formulier bevat een teken dat niet kan worden verwerkt "
                  "(bijvoorbeeld een onzichtbaar nulteken uit een gekopieerde tekst). Er is "
                  "niets opgeslagen: typ de tekst opnieuw en probeer het nog eens.")
    return render(request, "400.html", {"reden": reden}, status=400)
