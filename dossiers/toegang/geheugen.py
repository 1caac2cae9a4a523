"""Answers of the access policy remembered for the length of one request.

A page asks the same questions many times (the menu, each panel, the read log: "which roles
does this user hold here", "which statuut is in force", "what may they see of this pupil").
Inside a request (`ToegangGeheugenMiddleware`) each answer is computed once; outside one (a
task, a management command, a test calling the policy directly) nothing is remembered.
Any save or delete of a row the answers depend on (roles, grants, the statuut's rows,
placements) forgets everything, so a request that changes rights and then asks again gets
the new answer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models

_GEHEUGEN: ContextVar[dict | None] = ContextVar("toegang_geheugen", default=None)


def _sleutel(waarde):
    if isinstance(waarde, models.Model):
        # By the model's label, not the Python type: request.user (a lazy object) and the
        # same user loaded again are one key.
        return (waarde._meta.label, waarde.pk)
    if hasattr(waarde, "is_authenticated"):  # AnonymousUser
        return ("anoniem",)
    if isinstance(waarde, set | frozenset):
        return tuple(sorted(waarde, key=str))
    if isinstance(waarde, list):
        return tuple(_sleutel(w) for w in waarde)
    return waarde


def _aanroep(fn: Callable, args: tuple, kwargs: dict) -> tuple:
    return (fn.__module__, fn.__qualname__, tuple(_sleutel(a) for a in args),
            tuple(sorted((k, _sleutel(v)) for k, v in kwargs.items())))


def onthouden(fn: Callable) -> Callable:
    """Remember `fn`'s answer per arguments for the current request."""
    @functools.wraps(fn)
    def omhulsel(*args, **kwargs):
        geheugen = _GEHEUGEN.get()
        if geheugen is None:
            return fn(*args, **kwargs)
        sleutel = _aanroep(fn, args, kwargs)
        try:
            return geheugen[sleutel]
        except KeyError:
            uit = geheugen[sleutel] = fn(*args, **kwargs)
            return uit
        except TypeError:  # an argument that cannot be a key: do not remember
            return fn(*args, **kwargs)
    return omhulsel


def vooraf(fn: Callable, args: tuple, kwargs: dict, antwoord) -> None:
    """Remember `antwoord` as the answer of `fn` (a function made with `onthouden`) to these
    arguments for the current request: a list computes the answers for all its rows at once
    (e.g. `matrix.rechten_per_leerling`), and what asks one row later asks no query."""
    geheugen = _GEHEUGEN.get()
    if geheugen is not None:
        try:
            geheugen[_aanroep(fn, args, kwargs)] = antwoord
        except TypeError:  # an argument that cannot be a key: nothing to remember
            pass


def vergeten(**_kwargs) -> None:
    geheugen = _GEHEUGEN.get()
    if geheugen is not None:
        geheugen.clear()


@contextmanager
def per_verzoek():
    token = _GEHEUGEN.set({})
    try:
        yield
    finally:
        _GEHEUGEN.reset(token)


class ToegangGeheugenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with per_verzoek():
            return self.get_response(request)


#: The rows the policy's answers depend on ("app_label.Model").
AFHANKELIJK = (
    "dossiers.Roltoewijzing", "dossiers.Toekenning", "dossiers.Groepsplaatsing",
    "dossiers.Groep", "dossiers.Lesopdracht", "dossiers.Medewerker", "dossiers.Leerling",
    "dossiers.Ouderschap", "dossiers.Ouder", "dossiers.LeerlingUserObjectPermission",
    "statuut.Statuut", "statuut.Toegangsregel", "statuut.Bevoegdheid", "statuut.Orgaanrol",
    "auth.User",
)


def verbinden() -> None:
    """Forget on every change of a row the answers depend on (from AppConfig.ready())."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for label in AFHANKELIJK:
        model = apps.get_model(label)
        post_save.connect(vergeten, sender=model, weak=False,
                          dispatch_uid=f"toegang_geheugen_save_{label}")
        post_delete.connect(vergeten, sender=model, weak=False,
                            dispatch_uid=f"toegang_geheugen_delete_{label}")
    m2m_changed.connect(vergeten, weak=False, dispatch_uid="toegang_geheugen_m2m")
