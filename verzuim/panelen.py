"""The verzuim block on the start page: links to the pages the user's roles hold rows for
(no menu item: it would cost queries on every page)."""

from dossiers.panelen import startpaneel

from . import toegang


@startpaneel(sleutel="verzuim", template="verzuim/_startpaneel.html", volgorde=40)
def _start(*, user, school, rollen, op):
    acties = toegang.acties_op_school(school, frozenset(rollen), op)
    if not acties:
        return None
    return {"verzuim_acties": {a.split(".", 1)[1] for a in acties}}
