"""No dead ends (issue 12 point 1): in every reachable state of every flow, at least one demo
role is offered a next step on the page, or the page says who must act and why nothing is
possible yet. Each flow's walk (tests/<flow>/test_geen_doodlopende_stappen.py) builds the
states through the services and asks this module what each persona sees."""

from __future__ import annotations

import html
import re
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
        client.force_login(user)
        antwoord = client.get(url)
        if antwoord.status_code != 200:
            continue
        pagina = antwoord.content.decode()
        blik.stappen[rol] = [a for a in _FORM.findall(pagina) if stap.search(a)]
        if reden is not None and (gevonden := reden.search(pagina)):
            blik.redenen[rol] = tekst(gevonden.group(1))
    return blik
