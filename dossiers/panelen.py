"""Where the flows (zorg, sancties, klachten) plug their blocks into the shared pages.

`dossiers` may not import the flows (imports point one way), so each flow registers its
panels here from its `AppConfig.ready()`:

- a start-page panel per school section (`startpaneel`), e.g. the mentor's signals;
- a pupil-page panel (`leerlingpaneel`), e.g. the ladder of measures taken;
- a main-menu item (`menu_item`), e.g. the complaints overview.

A panel's function returns a context dict to show the panel, or None to leave it out. It
decides nothing itself: it asks `dossiers.toegang` and the flow's selectors, like any view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from statuut.models import Rol


@dataclass(frozen=True)
class Paneel:
    sleutel: str
    template: str
    context: Callable[..., dict | None]
    volgorde: int = 100


@dataclass(frozen=True)
class MenuItem:
    sleutel: str
    label: Any  # a lazy translation
    url_naam: str
    zichtbaar: Callable[[Any], bool]
    volgorde: int = 100


#: Which blocks of the start page a role gets (the page's layout, not a right: the page
#: shows only what the selectors, filtered by `dossiers.toegang`, return).
STARTONDERDELEN: dict[str, frozenset[str]] = {
    Rol.MENTOR: frozenset({"mentorgroepen"}),
    Rol.DOCENT: frozenset({"lesgroepen"}),
    Rol.TEAMLEIDER: frozenset({"afdelingsgroepen"}),
    Rol.ZORGCOORDINATOR: frozenset({"leerlingen_zoeken"}),
    Rol.DIRECTIE: frozenset({"leerlingen_zoeken", "statuut_waarschuwing"}),
    Rol.ADMINISTRATIE: frozenset({"leerlingen_zoeken"}),
    Rol.FUNCTIONEEL_BEHEERDER: frozenset({"beheer", "statuut_stand"}),
}


def startonderdelen(rollen: frozenset[str]) -> frozenset[str]:
    """The start page blocks for a set of roles at one school."""
    uit: set[str] = set()
    for rol in rollen:
        uit |= STARTONDERDELEN.get(rol, frozenset())
    return frozenset(uit)


_START: dict[str, Paneel] = {}
_LEERLING: dict[str, Paneel] = {}
_MENU: dict[str, MenuItem] = {}


def startpaneel(*, sleutel: str, template: str, volgorde: int = 100):
    """Register `fn(*, user, school, rollen, op) -> dict | None` as a start-page panel.
    When the panel shows pupils, its dict names them under "inzage_leerlingen" (objects with
    `leerlingnummer` and `school_id`) and their kind of record under "inzagesoorten"
    (`Inzagesoort` values): the start page logs them in its one read-log row."""
    def registreer(fn):
        _START[sleutel] = Paneel(sleutel, template, fn, volgorde)
        return fn
    return registreer


def leerlingpaneel(*, sleutel: str, template: str, volgorde: int = 100):
    """Register `fn(*, user, leerling, rechten, op) -> dict | None` as a pupil-page panel.
    When the panel shows pupil data, its dict names that part under "inzage" (at most 40
    characters, e.g. "maatregelen") and its kind of record under "inzagesoorten"
    (`Inzagesoort` values; default the dossier): the pupil page logs it in its read-log row."""
    def registreer(fn):
        _LEERLING[sleutel] = Paneel(sleutel, template, fn, volgorde)
        return fn
    return registreer


def menu_item(*, sleutel: str, label, url_naam: str, volgorde: int = 100):
    """Register `fn(user) -> bool` as the condition for a main-menu link."""
    def registreer(fn):
        _MENU[sleutel] = MenuItem(sleutel, label, url_naam, fn, volgorde)
        return fn
    return registreer


@dataclass(frozen=True)
class Getoond:
    template: str
    context: dict


def _tonen(panelen: dict[str, Paneel], **kwargs) -> list[Getoond]:
    uit = []
    for paneel in sorted(panelen.values(), key=lambda p: (p.volgorde, p.sleutel)):
        context = paneel.context(**kwargs)
        if context is not None:
            uit.append(Getoond(paneel.template, context))
    return uit


def startpanelen(*, user, school, rollen: frozenset[str], op: date) -> list[Getoond]:
    return _tonen(_START, user=user, school=school, rollen=rollen, op=op)


def leerlingpanelen(*, user, leerling, rechten, op: date) -> list[Getoond]:
    return _tonen(_LEERLING, user=user, leerling=leerling, rechten=rechten, op=op)


def menu_items(user) -> list[MenuItem]:
    return [m for m in sorted(_MENU.values(), key=lambda m: (m.volgorde, m.sleutel))
            if m.zichtbaar(user)]
