"""The yearly complaints report for the board's annual report: counts per stage, outcome
and term kept or missed, over the complaints the reader may see (a confidential complaint
counts only for the vertrouwenspersoon)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.utils.translation import gettext as _

from statuut.hulp import schooljaar_grenzen, vandaag
from statuut.services import InvoerFout

from . import toegang as klachten_toegang
from .models import Adviesuitkomst, Beroep, Beroepsuitkomst, Klacht, Klachtstap, Klachtstatus


@dataclass
class Faseregel:
    fase: str
    aantal: int = 0
    gehaald: int = 0
    gemist: int = 0
    zonder_termijn: int = 0
    lopend: int = 0
    procent: int = 0  # bar width, of the largest stage
    y: int = 0  # the bar's row in the chart


@dataclass
class Cijfers:
    schooljaar: str
    totaal: int
    fasen: list[Faseregel]
    uitkomsten: list[tuple[str, int]]
    adviezen: list[tuple[str, int]]
    beroepen: list[tuple[str, int]] = field(default_factory=list)
    beroep_termijnen: list[tuple[str, int]] = field(default_factory=list)

    @property
    def grafiekhoogte(self) -> int:
        return 8 + 26 * max(len(self.fasen), 1)


def _jaar(naam: str) -> tuple[date, date]:
    if not re.fullmatch(r"\d{4}-\d{4}", naam or "") or int(naam[5:]) != int(naam[:4]) + 1:
        raise InvoerFout(_("Schrijf het schooljaar als 2026-2027."))
    return schooljaar_grenzen(naam)


def cijfers(user, *, school, schooljaar: str, op: date | None = None) -> Cijfers:
    begin, eind = _jaar(schooljaar)
    op = vandaag(op)
    klachten = klachten_toegang.klachten_voor(user, Klacht.objects.filter(
        school=school, ingediend_op__gte=begin, ingediend_op__lte=eind))
    regels: dict[tuple[int, str], Faseregel] = {}
    for stap in (Klachtstap.objects.filter(klacht__in=klachten)
                 .select_related("fase", "termijn").order_by("fase__route", "fase__volgorde")):
        regel = regels.setdefault((stap.fase.route, stap.fase.volgorde, stap.fase.naam),
                                  Faseregel(stap.fase.naam))
        regel.aantal += 1
        if stap.termijn is None:
            regel.zonder_termijn += 1
        elif stap.termijn_gehaald is True:
            regel.gehaald += 1
        elif stap.termijn_gehaald is False or stap.termijn.vervaldatum < op:
            regel.gemist += 1
        else:
            regel.lopend += 1
    fasen = [regels[k] for k in sorted(regels)]
    hoogste = max((r.aantal for r in fasen), default=0)
    for i, r in enumerate(fasen):
        r.procent = round(100 * r.aantal / hoogste) if hoogste else 0
        r.y = 4 + 26 * i
    per_status = dict(klachten.values_list("status").annotate(n=Count("pk")).values_list(
        "status", "n"))
    per_advies = dict(klachten.filter(zaak__isnull=False).values_list("zaak__advies").annotate(
        n=Count("pk")).values_list("zaak__advies", "n"))
    beroepen = klachten_toegang.beroepen_voor(user, Beroep.objects.filter(
        school=school, ingediend_op__gte=begin, ingediend_op__lte=eind))
    per_beroep = dict(beroepen.values_list("uitkomst").annotate(n=Count("pk")).values_list(
        "uitkomst", "n"))
    gehaald = gemist = loopt = 0
    for beslist_op, uiterlijk in beroepen.filter(termijn__isnull=False).values_list(
            "beslist_op", "termijn__vervaldatum"):
        if beslist_op is not None:
            gehaald, gemist = (gehaald + 1, gemist) if beslist_op <= uiterlijk else (
                gehaald, gemist + 1)
        elif uiterlijk < op:
            gemist += 1
        else:
            loopt += 1
    return Cijfers(
        schooljaar=schooljaar, totaal=klachten.count(), fasen=fasen,
        uitkomsten=[(str(s.label), per_status.get(s.value, 0)) for s in Klachtstatus],
        adviezen=[(str(a.label), per_advies.get(a.value, 0)) for a in Adviesuitkomst],
        beroepen=[(str(b.label), per_beroep.get(b.value, 0)) for b in Beroepsuitkomst]
        + [(_("nog niet beslist"), per_beroep.get("", 0))],
        beroep_termijnen=[(_("termijn gehaald"), gehaald), (_("termijn gemist"), gemist),
                          (_("termijn loopt"), loopt)],
    )


def csv_rijen(c: Cijfers) -> list[list]:
    rijen = [[_("Klachten schooljaar"), c.schooljaar], [_("Totaal ingediend"), c.totaal], [],
             [_("Fase"), _("aantal"), _("termijn gehaald"), _("termijn gemist"),
              _("zonder termijn"), _("termijn loopt")]]
    rijen += [[r.fase, r.aantal, r.gehaald, r.gemist, r.zonder_termijn, r.lopend]
              for r in c.fasen]
    rijen += [[], [_("Status"), _("aantal")], *[[n, a] for n, a in c.uitkomsten]]
    rijen += [[], [_("Advies geschillencommissie"), _("aantal")],
              *[[n, a] for n, a in c.adviezen]]
    rijen += [[], [_("Beroep en bezwaar"), _("aantal")], *[[n, a] for n, a in c.beroepen]]
    rijen += [[], [_("Beslistermijn beroep en bezwaar"), _("aantal")],
              *[[n, a] for n, a in c.beroep_termijnen]]
    return rijen
