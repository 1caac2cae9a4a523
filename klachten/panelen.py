"""The klachten blocks on the shared pages: a menu item and a start-page panel."""

from django.utils.translation import gettext_lazy as _

from dossiers import toegang
from dossiers.panelen import menu_item, startpaneel

from . import selectors


@menu_item(sleutel="klachten", label=_("Klachten"), url_naam="klachten:overzicht", volgorde=50)
def _menu(user) -> bool:
    return (selectors.overzicht_scholen(user).exists()
            or toegang.klacht_indienscholen(user).exists()
            or selectors.zichtbare_klachten(user).exists())


@startpaneel(sleutel="klachten", template="klachten/_startpaneel.html", volgorde=50)
def _start(*, user, school, rollen, op):
    """Open complaints the user has business with at this school, overdue first."""
    klachten = selectors.open_klachten(user, school=school, op=op)
    if not klachten:
        return None
    return {"klachten": klachten[:5], "aantal": len(klachten),
            "te_laat": sum(1 for k in klachten if k.te_laat)}
