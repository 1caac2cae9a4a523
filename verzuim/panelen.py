"""The verzuim block on the pupil page: links to the pupil's verzuim page and to register,
as far as the statuut's rows give them to the user for this pupil.

No start-page panel and no menu item (yet): the start page's query budget (35, see
tests/dossiers/test_pages.py) is used up by the shared blocks and the other flows, and a
menu item would cost queries on every page; the lead decides where the links go."""

from dossiers.panelen import leerlingpaneel

from . import toegang


@leerlingpaneel(sleutel="verzuim", template="verzuim/_leerlingpaneel.html", volgorde=40)
def _leerling(*, user, leerling, rechten, op):
    links = {naam for naam, actie in [("overzicht", toegang.OVERZICHT_ZIEN),
                                       ("te_laat", toegang.TE_LAAT_REGISTREREN),
                                       ("absentie", toegang.ABSENTIE_REGISTREREN)]
             if toegang.mag(user, actie, leerling, op=op)}
    if not links:
        return None
    return {"links": links, "leerling": leerling}
