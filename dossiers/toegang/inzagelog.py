"""What the read log shows each reader of it (issue 11).

Part of the access policy `dossiers.toegang`; see the package's docstring."""

from __future__ import annotations

from datetime import date

from statuut.models import Handeling

from ..models import Inzagesoort
from . import haken
from .basis import DOSSIER, _medewerker, _statuut_op, _vandaag, rollen_van
from .matrix import _regels, scholen_waar


def inzagelog_soorten(user, *, op: date | None = None) -> dict[int, frozenset[str]]:
    """Per school whose read log `user` may search: the kinds of record (`Inzagesoort`) whose
    part names, lists and filters they see in it. A log line is visible exactly to those who
    may see its subject (issue 11): the personal dossier and measures to whom the matrix
    opens the dossier of every pupil of the school, care to whom the zorg rules give every
    care file with the meldcode, complaints to the schoolleiding, a confidential report to the
    vertrouwenspersoon. The others (the functioneel beheerder, whose role opens no pupil
    data) see such a row with a neutral part name: that someone read a pupil's data, not
    whether the pupil has a care, complaint or measure record."""
    medewerker = _medewerker(user)
    if medewerker is None:
        return {}
    op = _vandaag(op)
    uit = {}
    for school in scholen_waar(user, Handeling.INZAGELOG_ZIEN, op=op):
        rollen = rollen_van(user, school)
        statuut = _statuut_op(school, op)
        soorten = set()
        if any(DOSSIER in r.categorieen and not r.alleen_eigen_leerlingen
               for r in _regels(statuut, set(rollen))):
            soorten.add(Inzagesoort.DOSSIER)
        for hook in haken.INZAGESOORTEN:
            soorten |= hook(school, frozenset(rollen), statuut)
        uit[school.pk] = frozenset(soorten)
    return uit
