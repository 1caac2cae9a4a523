"""What a page offers is what the service accepts: each flow's steps have ONE check function,
`weigering(user, object, stap, op=...)`, that says why a step cannot be taken now (Dutch,
with the article) or None. The service calls it first and refuses with its text; the page
calls it to offer exactly the steps it returns None for, and to say why the others wait.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from dossiers import toegang
from statuut.hulp import artikel_tekst
from statuut.services import InvoerFout

from . import regels


@dataclass(frozen=True)
class Weigering:
    """Why a step cannot be taken. `toon`: the step belongs to the measure's present stand,
    so the page names it with the reason; False: it does not (yet or any more) apply."""

    tekst: str
    toon: bool = True


def niet_nu(tekst: str) -> Weigering:
    return Weigering(tekst, toon=False)


def rol_weigering(user, leerling, rollen, wat: str, statuut, artikel: str = "",
                  op=None, toon: bool = False) -> Weigering | None:
    """Refused for want of a role. `toon`: the page names the step with this reason (for
    someone who takes part in the procedure, so he sees who must act); otherwise the step
    is simply not his."""
    rollen = [r for r in rollen if r]
    if toegang.mag_maatregel(user, leerling, rollen, op=op):
        return None
    grond = (artikel_tekst(statuut, [artikel]) if artikel
             else _("het leerlingenstatuut"))
    return Weigering(_("Dit mag u niet: %(wat)s is volgens %(grond)s voorbehouden aan "
                       "%(rollen)s.") % {"wat": wat, "grond": grond,
                                         "rollen": regels.rollen_tekst(rollen)}, toon=toon)


def toetsen(weigering: Weigering | None) -> None:
    """In a service: refuse with the check's reason."""
    if weigering is not None:
        raise InvoerFout(weigering.tekst)


def aanbod(stappen: Iterable[str], check: Callable[[str], Weigering | None]
           ) -> tuple[list[str], list[tuple[str, str]]]:
    """(the steps offered, [(step, reason)] for the steps of this stand that wait)."""
    open_, wachtend = [], []
    for stap in stappen:
        weigering = check(stap)
        if weigering is None:
            open_.append(stap)
        elif weigering.toon:
            wachtend.append((stap, weigering.tekst))
    return open_, wachtend
