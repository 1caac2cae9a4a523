"""Reads for the verzuim pages, filtered by the authority rows and joined, so a page's query
count does not grow with the rows it shows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery, Sum

from dossiers import relaties
from dossiers.models import Groep, Groepsplaatsing, Leerling
from statuut import kalender
from statuut.models import Verzuimdrempel
from statuut.selectors import statuut_op

from . import drempels, perioden, toegang
from .models import Absentie, Actiestatus, Drempelactie, Oordeel, TeLaat

#: Without a threshold to say otherwise: six weeks (Echnaton bijlage A) and the law's four.
PERIODE_WEKEN = 6
LEERPLICHT_WEKEN = 4


def leerlingen_overzicht(user, *, op: date, actie: str = toegang.OVERZICHT_ZIEN):
    """The pupils placed in a group of today's school year for whom `user` holds `actie`
    (the overview, the registration forms' choice), with their group and afdeling."""
    # The groups of today's school year, by id: each pupil's group is then an index lookup
    # of its placements, not a join of every group of ten school years (issue 15).
    groepen = list(Groep.objects.filter(relaties.huidig_schooljaar(op)).values_list(
        "pk", flat=True))
    plaatsing = (Groepsplaatsing.objects.filter(leerling=OuterRef("pk"), groep_id__in=groepen)
                 .order_by("pk"))
    # Verzuim is counted and registered in this school year's periods: the pupils placed in
    # one of its groups, not everyone who ever attended the school (ten years of leavers at
    # a large school made the directie's overview sort 6,000 pupils).
    return (toegang.leerlingen(user, actie, op=op)
            .filter(pk__in=Groepsplaatsing.objects.filter(groep_id__in=groepen)
                    .values("leerling_id"))
            .select_related("school")
            .annotate(groepnaam=Subquery(plaatsing.values("groep__naam")[:1]),
                      afdelingsnaam=Subquery(plaatsing.values("groep__afdeling__naam")[:1]))
            .order_by("school_id", "groepnaam", "achternaam", "roepnaam", "pk"))


@dataclass
class Rij:
    leerling: Leerling
    te_laat: int = 0
    #: Ongeoorloofd te laat in the period before (bijlage A counts two consecutive ones).
    te_laat_vorige: int = 0
    te_beoordelen: int = 0
    uren: int = 0
    volgende: Verzuimdrempel | None = None
    open: list = field(default_factory=list)
    brieven: int = 0
    schorsing_voorstellen: bool = False

    @property
    def inhalen(self) -> list:
        """The open make-ups with their due dates."""
        return [a for a in self.open if a.actie_code in INHAALACTIES]


@dataclass
class Schoolstand:
    periode: perioden.Periode | None
    venster: tuple[date, date] | None
    drempels: list


def _weken(stand: Schoolstand) -> int:
    """The length in school weeks of the te-laat periods of the statuut in force."""
    return min((d.periode_weken for d in stand.drempels
                if d.soort == Verzuimdrempel.Soort.TE_LAAT and d.periode_weken),
               default=PERIODE_WEKEN)


def _stand(school, op: date) -> Schoolstand:
    statuut = statuut_op(school, op)
    alle = list(statuut.verzuimdrempels.all()) if statuut else []
    weken = min((d.periode_weken for d in alle if d.soort == Verzuimdrempel.Soort.TE_LAAT
                 and d.periode_weken), default=PERIODE_WEKEN)
    lp = min((d.periode_weken for d in alle if d.telt == Verzuimdrempel.Telt.LESUREN
              and d.periode_weken), default=LEERPLICHT_WEKEN)
    try:
        return Schoolstand(perioden.periode_op(school, op, weken),
                           perioden.venster(school, op, lp), alle)
    except kalender.KalenderOnbekend:
        return Schoolstand(None, None, alle)


def overzichtrijen(leerlingen: list[Leerling], *, op: date) -> tuple[list[Rij], dict]:
    """Per pupil: ongeoorloofd te laat in the current period, still to judge, ongeoorloofd
    absence hours in the current leerplicht window, the next threshold, the open steps."""
    rijen = {ll.pk: Rij(ll) for ll in leerlingen}
    standen = {}
    per_school = defaultdict(list)
    for ll in leerlingen:
        per_school[ll.school_id].append(ll)
    for _school_id, lijst in per_school.items():
        school = lijst[0].school
        stand = standen[school.pk] = _stand(school, op)
        ids = [ll.pk for ll in lijst]
        if stand.periode:
            for r in (TeLaat.objects.filter(leerling_id__in=ids,
                                            datum__range=(stand.periode.van, stand.periode.tot))
                      .values("leerling_id").annotate(
                          n=Count("pk", filter=Q(oordeel=Oordeel.ONGEOORLOOFD)),
                          t=Count("pk", filter=Q(oordeel=Oordeel.NOG_TE_BEOORDELEN)))):
                rijen[r["leerling_id"]].te_laat = r["n"]
                rijen[r["leerling_id"]].te_beoordelen = r["t"]
            vorige = perioden.periode(school, op, _weken(stand),
                                      stand.periode.nummer - 1)
            if vorige is not None:
                for r in (TeLaat.objects.filter(leerling_id__in=ids,
                                                oordeel=Oordeel.ONGEOORLOOFD,
                                                datum__range=(vorige.van, vorige.tot))
                          .values("leerling_id").annotate(n=Count("pk"))):
                    rijen[r["leerling_id"]].te_laat_vorige = r["n"]
        if stand.venster:
            for r in (Absentie.objects.filter(leerling_id__in=ids, oordeel=Oordeel.ONGEOORLOOFD,
                                              datum__range=stand.venster)
                      .values("leerling_id").annotate(n=Sum("uren"))):
                rijen[r["leerling_id"]].uren = r["n"] or 0
        for ll in lijst:
            rij = rijen[ll.pk]
            kandidaten = [d for d in stand.drempels
                          if d.soort == Verzuimdrempel.Soort.TE_LAAT and d.aantal
                          and d.periode_weken and d.aantal > rij.te_laat
                          and drempels.geldt_voor(d, ll.afdelingsnaam or "")]
            rij.volgende = min(kandidaten, key=lambda d: (d.aantal, d.opeenvolgende_perioden),
                               default=None)
    for actie in Drempelactie.objects.filter(
            leerling_id__in=list(rijen), status=Actiestatus.OPEN).select_related("termijn"):
        rijen[actie.leerling_id].open.append(actie)
    for pk, n in wachtende_brieven(list(rijen)).items():
        rijen[pk].brieven = n
    return list(rijen.values()), standen


def schorsing_voor_te_stellen(user, rijen: list[Rij], *, op: date) -> None:
    """Bijlage A: more than six times late in two consecutive periods, the schoolleiding may
    propose a schorsing (in consultation with the teamleider): the pupils with that step
    open, for whom `user` holds `verzuim.schorsing_voorstellen`. One query."""
    kandidaten = [r.leerling.pk for r in rijen if any(
        a.actie_code == Verzuimdrempel.Actie.SCHORSING_MOGELIJK for a in r.open)]
    if not kandidaten:
        return
    mag = set(toegang.leerlingen(user, toegang.SCHORSING_VOORSTELLEN, op=op)
              .filter(pk__in=kandidaten).values_list("pk", flat=True))
    for r in rijen:
        r.schorsing_voorstellen = r.leerling.pk in mag


def leerplichtacties(user, *, op: date):
    """The open and done leerplicht reports the user may make."""
    return (Drempelactie.objects.filter(
        actie_code=Verzuimdrempel.Actie.MELDING_LEERPLICHT,
        leerling__in=toegang.leerlingen(user, toegang.LEERPLICHT_MELDEN, op=op))
        .select_related("leerling", "termijn", "school")
        .order_by("status", "termijn__vervaldatum", "overschreden_op", "pk"))


def melding(actie: Drempelactie) -> dict:
    """The report's data (Leerplichtwet art. 21a; DUO verzuimloket): the pupil, the window,
    the ongeoorloofd hours per day, and what the school did (its verzuim entries)."""
    from dossiers.models import Dossierstuk

    absenties = list(Absentie.objects.filter(
        leerling=actie.leerling, oordeel=Oordeel.ONGEOORLOOFD,
        datum__range=(actie.van, actie.tot)).order_by("datum", "pk"))
    gedaan = list(Drempelactie.objects.filter(leerling=actie.leerling,
                                              schooljaar=actie.schooljaar)
                  .exclude(pk=actie.pk).order_by("overschreden_op", "pk"))
    stukken = list(Dossierstuk.objects.filter(
        leerling=actie.leerling, sectie="verzuim", verwijderd_op__isnull=True,
        datum__range=(actie.van, actie.tot)).order_by("datum", "pk")
        .values("datum", "titel"))
    groep = Groepsplaatsing.objects.filter(leerling=actie.leerling).select_related(
        "groep").order_by("-pk").first()
    return {"actie": actie, "leerling": actie.leerling, "absenties": absenties,
            "uren": sum(a.uren for a in absenties), "gedaan": gedaan, "stukken": stukken,
            "groep": groep.groep.naam if groep else ""}


# --- The teamleider's department overview and the charts (issue 14, "Pages") --------------


@dataclass
class Groepsstand:
    """One group's counts per period (te laat ongeoorloofd, absent hours ongeoorloofd) and
    per school week, the thresholds crossed and the steps still open."""

    naam: str
    leerlingen: int = 0
    te_laat: dict = field(default_factory=dict)  # period number -> count
    uren: dict = field(default_factory=dict)  # period number -> hours
    week_te_laat: dict = field(default_factory=dict)  # Monday -> count
    week_uren: dict = field(default_factory=dict)  # Monday -> hours
    overschreden: int = 0
    open: int = 0
    inhalen_open: int = 0


@dataclass
class Afdelingsoverzicht:
    perioden: list  # [Periode] of the school year up to today
    weken: list  # [Monday] of the school weeks up to today
    groepen: list  # [Groepsstand]


def _weken_en_perioden(school, op: date, weken_per_periode: int):
    try:
        alle = perioden.schoolweken(school, op)
    except kalender.KalenderOnbekend:
        return [], []
    tot_nu = [m for m in alle if m <= op]
    aantal = (len(tot_nu) + weken_per_periode - 1) // weken_per_periode
    lijst = [perioden.periode(school, op, weken_per_periode, n) for n in range(1, aantal + 1)]
    return tot_nu, [p for p in lijst if p is not None]


def afdelingsoverzicht(user, *, op: date) -> Afdelingsoverzicht:
    """Per group of the pupils `user` sees in the overview (a teamleider: their department):
    a fixed number of queries, whatever the number of pupils or registrations. One school
    (the user's first with the overview), as the rows' periods are that school's."""
    from datetime import timedelta

    from django.db.models.functions import TruncWeek

    leerlingen = list(leerlingen_overzicht(user, op=op).values_list(
        "pk", "groepnaam", "school_id"))
    if not leerlingen:
        return Afdelingsoverzicht([], [], [])
    school_id = leerlingen[0][2]
    from statuut.models import School

    school = School.objects.get(pk=school_id)
    groep_van = {pk: g or "—" for pk, g, s in leerlingen if s == school_id}
    stand = _stand(school, op)
    weken_per_periode = (min((d.periode_weken for d in stand.drempels
                              if d.soort == Verzuimdrempel.Soort.TE_LAAT and d.periode_weken),
                             default=PERIODE_WEKEN))
    weken, lijst = _weken_en_perioden(school, op, weken_per_periode)
    groepen: dict[str, Groepsstand] = {}
    for g in groep_van.values():
        groepen.setdefault(g, Groepsstand(g)).leerlingen += 1
    if not weken:
        return Afdelingsoverzicht([], [], sorted(groepen.values(), key=lambda s: s.naam))
    van, tot = weken[0], op
    ids = list(groep_van)

    def periode_van(maandag):
        for p in lijst:
            if p.van <= maandag <= p.tot:
                return p.nummer
        return None

    for r in (TeLaat.objects.filter(leerling_id__in=ids, oordeel=Oordeel.ONGEOORLOOFD,
                                    datum__range=(van, tot))
              .annotate(week=TruncWeek("datum")).values("leerling_id", "week")
              .annotate(n=Count("pk"))):
        g = groepen[groep_van[r["leerling_id"]]]
        week = r["week"].date() if hasattr(r["week"], "date") else r["week"]
        g.week_te_laat[week] = g.week_te_laat.get(week, 0) + r["n"]
        nummer = periode_van(week)
        g.te_laat[nummer] = g.te_laat.get(nummer, 0) + r["n"]
    for r in (Absentie.objects.filter(leerling_id__in=ids, oordeel=Oordeel.ONGEOORLOOFD,
                                      datum__range=(van, tot))
              .annotate(week=TruncWeek("datum")).values("leerling_id", "week")
              .annotate(n=Sum("uren"))):
        g = groepen[groep_van[r["leerling_id"]]]
        week = r["week"].date() if hasattr(r["week"], "date") else r["week"]
        g.week_uren[week] = g.week_uren.get(week, 0) + (r["n"] or 0)
        nummer = periode_van(week)
        g.uren[nummer] = g.uren.get(nummer, 0) + (r["n"] or 0)
    for r in (Drempelactie.objects.filter(leerling_id__in=ids,
                                          overschreden_op__range=(van, tot + timedelta(days=1)))
              .values("leerling_id", "status", "actie_code").annotate(n=Count("pk"))):
        g = groepen[groep_van[r["leerling_id"]]]
        if r["status"] != Actiestatus.VERVALLEN:
            g.overschreden += r["n"]
        if r["status"] == Actiestatus.OPEN:
            g.open += r["n"]
            if r["actie_code"] in INHAALACTIES:
                g.inhalen_open += r["n"]
    return Afdelingsoverzicht(lijst, weken, sorted(groepen.values(), key=lambda s: s.naam))


#: The threshold steps that are a make-up (bijlage A: "haal je twee uur in"; 11.4.1).
INHAALACTIES = (Verzuimdrempel.Actie.INHALEN, Verzuimdrempel.Actie.LES_VERZUIMD)


def staafdiagram(weken: list, waarden: dict, *, hoogte: int = 80, breedte: int = 14) -> dict:
    """An SVG bar chart's geometry, computed here so the template only draws: one bar per
    school week (zero included), scaled to the largest value."""
    grootste = max(waarden.values(), default=0) or 1
    staven = []
    for i, maandag in enumerate(weken):
        n = waarden.get(maandag, 0)
        h = round(n * hoogte / grootste)
        staven.append({"x": i * (breedte + 2), "y": hoogte - h, "h": h, "w": breedte,
                       "n": n, "week": maandag})
    return {"staven": staven, "breedte": max(1, len(weken) * (breedte + 2)),
            "hoogte": hoogte, "grootste": max(waarden.values(), default=0),
            # The first and last week under the bars.
            "eerste": weken[0] if weken else None, "laatste": weken[-1] if weken else None,
            "totaalhoogte": hoogte + 14}


def wachtende_brieven(leerling_ids: list[int]) -> dict[int, int]:
    """Per pupil: letters requested or made, not yet sent (the mentor's "brieven wachtend")."""
    from dossiers.models import Brief, Briefstatus

    from .brieven import SOORTEN

    # Only the verzuim letters: a count of another flow's letters would tell what it is.
    return {r["leerling_id"]: r["n"] for r in (
        Brief.objects.filter(leerling_id__in=leerling_ids,
                             soort__in=[s.code for s in SOORTEN]).exclude(
            status=Briefstatus.VERZONDEN).values("leerling_id").annotate(n=Count("pk")))}
