"""The measures' steps on the shared step mechanism (`dossiers.stappen`).

Each measure kind has one step table (`schorsingstappen`, `timeout`, `verwijdering`) with
one check per step, `weigering(user, measure, stap)`: the page offers exactly the steps it
returns None for, the service calls it first. A step's states come from its django-fsm
transition (`overgang_weigering`); who may take it from the authority rows
(`rol_weigering`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django_fsm import can_proceed

from dossiers.stappen import Weigering, aanbod, niet_nu, toetsen  # noqa: F401
from statuut.hulp import rollen_tekst

from .toegang import Gezag, Paar


def rol_weigering(gezag: Gezag, paren: Iterable[Paar], wat: str, artikel: str = "",
                  toon: bool = False, niveau: int | None = None) -> Weigering | None:
    """Refused for want of authority: the user holds none of the rows `paren` ((action,
    rung) pairs) for this pupil. The text names whom the rows name, in the statuut's order,
    and the article. `toon`: the page names the step with this reason (for someone who takes
    part in the procedure, so he sees who must act); otherwise the step is simply not his."""
    paren = list(paren)
    if gezag.houdt(paren, niveau):
        return None
    grond = gezag.grond(artikel) if artikel else _("het leerlingenstatuut")
    return Weigering(_("Dit mag u niet: %(wat)s is volgens %(grond)s voorbehouden aan "
                       "%(rollen)s.") % {"wat": wat, "grond": grond,
                                         "rollen": rollen_tekst(gezag.namen(paren, niveau))},
                     toon=toon)


def kan(obj, overgang: str) -> bool:
    """Is `obj` in a source state of its django-fsm transition `overgang` (the transition is
    the one description of the states)?"""
    return can_proceed(getattr(obj, overgang), check_conditions=False)


def overgang_weigering(obj, overgang: str, tekst: str) -> Weigering | None:
    """The step is the django-fsm transition `overgang`: possible only from its source
    states; else `tekst`."""
    return None if kan(obj, overgang) else niet_nu(tekst)


def volgende_stap(model, volgorde, overgangen: dict[str, str], titels: dict, status: str, *,
                  veld: str = "status") -> str:
    """The next step of a `model` in `status` (of its field `veld`) as a list names it: the
    first step of the table (`volgorde`) whose transition leaves that state; "" for none.
    For lists of many measures, where each one's whole check would cost queries per row."""
    for stap in volgorde:
        overgang = overgangen.get(stap)
        meta = getattr(model, overgang)._django_fsm if overgang else None
        if meta is not None and meta.field.name == veld and meta.has_transition(status):
            titel = str(titels[stap])
            return titel[:1].lower() + titel[1:]
    return ""
