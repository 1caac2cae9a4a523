"""The main menu offers only what the access policy allows the user."""

from statuut.models import Handeling

from . import panelen, toegang


def menu(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    alle = set().union(*toegang.schoolhandelingen(user).values())
    return {
        "menu_uitgaande_post": Handeling.BRIEF_VERZENDEN in alle,
        "menu_inzagelog": Handeling.INZAGELOG_ZIEN in alle,
        "menu_items": panelen.menu_items(user),
    }
