"""No dead ends (issue 12 point 1): in every reachable state of every flow, at least one demo
role is offered a next step on the page, or the page says who must act and why nothing is
possible yet. Each flow's walk (tests/<flow>/test_geen_doodlopende_stappen.py) builds the
states through the services and asks this module what each persona sees."""

from __future__ import annotations

import html
import re
import weakref
from dataclasses import dataclass, field

#: The demo roles of tests/personas.py (and the flows' conftests), by attribute name.
ROLLEN = ("mentor", "docent", "teamleider", "directie", "administratie", "zorgcoordinator",
          "beheerder", "vertrouwenspersoon", "remedial_teacher")

_FORM = re.compile(r'<form[^>]*\baction="([^"]+)"', re.I)


@dataclass
class Blik:
    """What the personas saw of one state's page."""

    stappen: dict[str, list[str]] = field(default_factory=dict)  # persona -> step actions
    redenen: dict[str, str] = field(default_factory=dict)  # persona -> the reason shown
    # persona -> the path of every form on the page (none when it was not a page: 403/404),
    # so `aangeboden_is_geaccepteerd` can judge the same GET instead of asking again.
    formulieren: dict[str, set[str]] = field(default_factory=dict)
    geen_pagina: set[str] = field(default_factory=set)  # personas answered 403/404

    @property
    def iemand_kan_verder(self) -> bool:
        return any(self.stappen.values())

    def samenvatting(self) -> str:
        return f"stappen={self.stappen} redenen={self.redenen}"


def tekst(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def personas(wereld, namen=ROLLEN) -> dict:
    """The personas of a world by role name (the roles the world lacks are left out)."""
    return {naam: user for naam in namen if (user := getattr(wereld, naam, None)) is not None}


def bekijk(client, wie: dict, url: str, *, stap: re.Pattern, reden: re.Pattern | None = None
           ) -> Blik:
    """GET `url` as each persona of `wie`: the forms whose action matches `stap` (a step
    forward, not a withdrawal), and the text matched by `reden` (its first group)."""
    blik = Blik()
    for rol, user in wie.items():
        antwoord = als(client, user, "get", url)
        if antwoord.status_code != 200:
            blik.formulieren[rol] = set()
            blik.geen_pagina.add(rol)
            continue
        pagina = antwoord.content.decode()
        acties = _FORM.findall(pagina)
        blik.formulieren[rol] = {_pad(a) for a in acties}
        blik.stappen[rol] = [a for a in acties if stap.search(a)]
        if reden is not None and (gevonden := reden.search(pagina)):
            blik.redenen[rol] = tekst(gevonden.group(1))
    return blik


# --- offered == accepted (issue 13 point 3) ------------------------------------------------
# A page offers exactly the steps its service accepts for this user now. The walk of each
# flow gives, per state, the step URLs with valid form data; this module GETs the page as
# each persona (which forms are offered), then POSTs each step inside a savepoint that is
# rolled back (does the service accept it), and reports every disagreement.


def geaccepteerd(antwoord) -> tuple[bool, str]:
    """Whether a POST was accepted: a redirect without an error message. A refusal is a
    page again (a form error, 400), an error message, or 403/404."""
    from django.contrib.messages import constants, get_messages

    fouten = [str(m) for m in get_messages(antwoord.wsgi_request) if m.level >= constants.ERROR]
    if antwoord.status_code in (301, 302, 303) and not fouten:
        return True, ""
    if fouten:
        return False, " ".join(fouten)
    pagina = antwoord.content.decode(errors="replace") if antwoord.content else ""
    return False, f"HTTP {antwoord.status_code} {tekst(pagina)[:160]}"


def probeer(client, url: str, data: dict, *, user=None) -> tuple[bool, str]:
    """POST a step (as `user`, see `als`) and undo whatever it wrote (a savepoint rolled
    back)."""
    from django.db import transaction

    if user is not None:
        _persona(client, user)  # logged in before the savepoint, so the session outlives it
    with transaction.atomic():
        antwoord = (als(client, user, "post", url, data) if user is not None
                    else _zonder_oude_meldingen(client).post(url, data))
        uitslag = geaccepteerd(antwoord)
        transaction.set_rollback(True)
    return uitslag


def _zonder_oude_meldingen(client):
    # A refusal's message stays in the messages cookie until a page shows it: drop it, so
    # a request is judged by its own messages only.
    from django.contrib.messages.storage.cookie import CookieStorage

    client.cookies.pop(CookieStorage.cookie_name, None)
    return client


_INGELOGD: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _persona(client, user):
    """The persona's own client (`client` is the test's; a persona's client lives as long as
    it does), logged in."""
    from tests.personas import ingelogd

    eigen = _INGELOGD.setdefault(client, {})
    persona = eigen.get(user.pk)
    if persona is None:
        persona = eigen[user.pk] = type(client)(
            raise_request_exception=client.raise_request_exception, **client.defaults)
    return ingelogd(persona, user, nagaan=False)


def als(client, user, methode: str, url: str, data: dict | None = None):
    """A request as `user` by a client of its own, logged in again only when needed
    (`tests.personas.ingelogd`): logging in for every state costs a session, a login signal
    and the second-factor decision each time. Whether the session still exists is read off
    the answer, not asked first: one that was written in a savepoint since rolled back makes
    the request anonymous, and it is made again after logging in anew."""
    from tests.personas import ingelogd

    persona = _persona(client, user)
    antwoord = getattr(_zonder_oude_meldingen(persona), methode)(url, data)
    if not antwoord.wsgi_request.user.is_authenticated:
        antwoord = getattr(_zonder_oude_meldingen(ingelogd(persona, user)), methode)(url, data)
    return antwoord


def _pad(url: str) -> str:
    return html.unescape(url).split("?", 1)[0]


def aangeboden_is_geaccepteerd(client, wie: dict, pagina: str, stappen: dict[str, dict], *,
                               blik: Blik | None = None, wie_de_pagina_ziet: bool = False
                               ) -> list[str]:
    """For each persona of `wie`: every step of `stappen` (URL -> valid POST data) is on
    `pagina` as a form exactly when POSTing it is accepted. Returns the disagreements.

    `blik`: what `bekijk` just saw of `pagina` in this same state (nothing was written
    since): its forms are used instead of a second GET per persona.
    `wie_de_pagina_ziet`: the steps are posted only as the personas to whom `blik` showed the
    page. For a flow whose page and steps find the object by one lookup (a 404 for the page
    is a 404 for every step): the walk asks every persona in its first state, where that is
    checked, and then only who sees it."""
    verschillen = []
    for rol, user in wie.items():
        if wie_de_pagina_ziet and blik is not None and rol in blik.geen_pagina:
            continue
        if blik is not None and rol in blik.formulieren:
            aangeboden = blik.formulieren[rol]
        else:
            antwoord = als(client, user, "get", pagina)
            aangeboden = ({_pad(a) for a in _FORM.findall(antwoord.content.decode())}
                          if antwoord.status_code == 200 else set())
        for url, data in stappen.items():
            ja, waarom = probeer(client, url, data, user=user)
            if (_pad(url) in aangeboden) != ja:
                verschillen.append(
                    f"{rol}: {url} {'aangeboden' if _pad(url) in aangeboden else 'niet aangeboden'}"
                    f" maar {'geaccepteerd' if ja else 'geweigerd (' + waarom + ')'}")
    return verschillen
