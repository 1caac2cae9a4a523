"""Each flow's next steps, written once: what the page offers is what the service accepts.

A flow writes ONE table of its steps (`<flow>/stappen.py`): per step the authority action
(`statuut.Bevoegdheid`), the states it is possible in (the django-fsm transition's source
stays the single description of the states), the statuut's conditions with their Dutch
reason and article, and the service that takes it. From the table comes one check,
`weigering(user, object, stap, op=...)`: None, or why not. The service calls it first and
refuses with its text (`toetsen`); the page calls it to offer exactly the steps it returns
None for, and to say why the others wait (`aanbod`). The tests walk every reachable state
of every flow as every demo persona and assert offered == accepted (tests/doodlopend.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from statuut.services import InvoerFout

from . import toegang


@dataclass(frozen=True)
class Weigering:
    """Why a step cannot be taken. `toon`: the step belongs to the object's present stand,
    so the page names it with the reason; False: it does not (yet or any more) apply, or it
    is simply not this user's."""

    tekst: str
    toon: bool = True


def niet_nu(tekst: str) -> Weigering:
    return Weigering(tekst, toon=False)


def bevoegdheid_weigering(user, actie: str, leerling, *, voor: str = "",
                          niveau: int | None = None, statuut=None, op: date | None = None,
                          wat: str = "", toon: bool = False) -> Weigering | None:
    """Refused for want of the authority the statuut gives for `actie` (the refusal names
    who may, and the article). `toon`: show the step with this reason (to someone who takes
    part in the procedure, so they see who must act)."""
    if toegang.bevoegd(user, actie, leerling, voor=voor, niveau=niveau, op=op, statuut=statuut):
        return None
    if statuut is None:
        statuut = toegang.basis._statuut_op(leerling.school_id, toegang.basis._vandaag(op))
    return Weigering(toegang.weigering(statuut, actie, voor=voor, niveau=niveau, wat=wat),
                     toon=toon)


def toetsen(weigering: Weigering | None) -> None:
    """In a service, its first act: refuse with the check's reason."""
    if weigering is not None:
        raise InvoerFout(weigering.tekst)


def geweigerd(request, weigering: Weigering | None, pagina: str):
    """In a step's view, before its form is read: a step the table refuses this user now is
    answered with the flow's page (`pagina`, a URL) and the reason as a message, Post/
    Redirect/Get, so a reload does not post again. Only for a check that does not depend on
    the posted data; a form error or a refusal that does still shows the page with what was
    typed. Returns None when the step may be taken."""
    if weigering is None:
        return None
    from django.contrib import messages
    from django.shortcuts import redirect

    messages.error(request, weigering.tekst)
    return redirect(pagina)


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
