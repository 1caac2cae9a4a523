"""Where a flow tells the shared access modules what they need to know of it.

The shared modules (`inloggen`, `inzagelog`, `regelzicht`) name no flow: each flow registers
from its `AppConfig.ready()` (through its own `toegang.py`) what its rules mean for them.
Each hook is called as fn(school, rollen, statuut) with the roles a user holds at a school
and the statuut in force.
"""

from __future__ import annotations

from collections.abc import Callable

#: Do these roles open content (care, complaints) of some pupils at this school? Their
#: holders log in with a second factor (ASVS 4.3.1).
INHOUD: list[Callable[..., bool]] = []
#: The kinds of record (`Inzagesoort`) whose read-log lines these roles may see named.
INZAGESOORTEN: list[Callable[..., set[str]]] = []
#: What these roles open, as governance tokens (see `regelzicht`).
ZICHT: list[Callable[..., set[str]]] = []
#: A body's name as it appears in a rule row -> the roles being named there counts as, for
#: bodies that act through a person rather than a role (a commission through its
#: secretary): `Orgaanrol` covers the rest.
GENOEMD_ALS: dict[str, frozenset[str]] = {}


def inhoud(fn):
    INHOUD.append(fn)
    return fn


def inzagesoorten(fn):
    INZAGESOORTEN.append(fn)
    return fn


def zicht(fn):
    ZICHT.append(fn)
    return fn
