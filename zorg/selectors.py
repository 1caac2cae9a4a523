"""Reads of the care files, always filtered by `dossiers.toegang` and already joined."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import (
    CharField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from dossiers import relaties
from dossiers.models import Groepsplaatsing, Leerling
from statuut.models import Termijn, Termijnstatus

from . import toegang
from .models import (
    OPEN_FASEN,
    Evaluatie,
    Signaal,
    Traject,
    Zichtbaarheid,
    Zorgdossier,
    Zorgfase,
    Zorgstap,
)


def inzage(user, zorgdossier: Zorgdossier, *, op: date | None = None) -> toegang.Zorginzage:
    """What `user` may see of and do in this case (the one question, asked of toegang)."""
    melders = {s.gemeld_door_id for s in zorgdossier.signalen.all()}
    return toegang.zorginzage(user, zorgdossier.leerling, melder_ids=melders,
                              remedial_teacher_id=zorgdossier.remedial_teacher_id, op=op)


def zorgdossiers_voor(user, *, niveau: int = toegang.ZORG_GEDEELD,
                      op: date | None = None) -> QuerySet[Zorgdossier]:
    """Cases `user` sees at `niveau` or higher: by a care row in their relation or a grant,
    or as the person the case was referred to (`toegang.zorgdossierfilter`)."""
    return Zorgdossier.objects.filter(toegang.zorgdossierfilter(user, niveau=niveau, op=op))


def gemelde_signalen(user) -> QuerySet[Signaal]:
    """The signals `user` logged: for them, received and handled is all they see."""
    if not user.is_authenticated:
        return Signaal.objects.none()
    return Signaal.objects.filter(gemeld_door=user).select_related("zorgdossier", "leerling")


def zichtbare_stappen(zorgdossier: Zorgdossier, inzage: toegang.Zorginzage) -> list[Zorgstap]:
    if inzage.niveau < toegang.ZORG_GEDEELD:
        return []
    maximum = min(inzage.niveau, Zichtbaarheid.MELDCODE)
    return list(zorgdossier.stappen.filter(zichtbaarheid__lte=maximum).select_related(
        "door__medewerker"))


def zichtbare_trajecten(zorgdossier: Zorgdossier, inzage: toegang.Zorginzage) -> list[Traject]:
    if inzage.niveau < toegang.ZORG_VOLLEDIG:
        return []
    trajecten = zorgdossier.trajecten.prefetch_related("evaluaties__termijn").select_related(
        "meldcode")
    if inzage.niveau < toegang.ZORG_MELDCODE:
        trajecten = trajecten.exclude(soort="veilig_thuis")
    return list(trajecten)


def open_zorgdossier(leerling: Leerling) -> Zorgdossier | None:
    return Zorgdossier.objects.filter(leerling=leerling, fase__in=OPEN_FASEN).first()


def afgesloten_zorgdossiers(leerling: Leerling) -> QuerySet[Zorgdossier]:
    """The pupil's closed cases (the caller has checked the user may see the pupil's care
    file by role or grant)."""
    return Zorgdossier.objects.filter(leerling=leerling, fase=Zorgfase.AFGESLOTEN).order_by(
        "-afgesloten_op", "-pk")


def _mentorgroep_filter(user, op: date):
    return relaties.plaatsingen_op(op).filter(leerling=OuterRef("leerling"),
                                              groep__mentoren__user=user)


class Beperktelijst(list):
    """The first rows of a list and `aantal`: how many there are in all."""

    aantal: int = 0


def _beperkt(qs: QuerySet, limiet: int | None) -> Beperktelijst:
    """`qs` as a list, at most `limiet` rows, with the whole count from the same query (a
    window count, computed before the limit)."""
    if limiet is None:
        uit = Beperktelijst(qs)
        uit.aantal = len(uit)
        return uit
    uit = Beperktelijst(qs.annotate(_aantal=Window(Count("pk")))[:limiet])
    uit.aantal = uit[0]._aantal if uit else 0
    return uit


def mentorpaneel(user, *, school, op: date, limiet: int | None = None) -> Beperktelijst:
    """'Signalen en zorg van mijn leerlingen': open and recently closed cases of the pupils
    in the mentor's groups, newest first (the first `limiet`, and how many in all)."""
    return _beperkt(
        zorgdossiers_voor(user, op=op).filter(school=school)
        .filter(Exists(_mentorgroep_filter(user, op)))
        .filter(Q(fase__in=OPEN_FASEN) | Q(afgesloten_op__gte=op.replace(day=1)))
        .select_related("leerling").prefetch_related(_signalen_nieuwste_eerst())
        .order_by("-bijgewerkt_op", "-pk"), limiet)


def betrokken_zorgdossiers(user, *, school, op: date, limiet: int | None = None
                           ) -> Beperktelijst:
    """Open cases the user sees (at the shared level or more) without a work list (the first
    `limiet`, newest first, and how many in all)."""
    return _beperkt(
        zorgdossiers_voor(user, op=op).filter(school=school, fase__in=OPEN_FASEN)
        .select_related("leerling").prefetch_related(_signalen_nieuwste_eerst())
        .order_by("-bijgewerkt_op", "-pk"), limiet)


def _signalen_nieuwste_eerst() -> Prefetch:
    return Prefetch("signalen", queryset=Signaal.objects.only(
        "zorgdossier", "datum").order_by("-datum", "-pk"))


@dataclass
class Werklijst:
    dossiers: list[Zorgdossier]
    per_fase: list[tuple[str, int]]
    per_afdeling: list[tuple[str, int]]
    grafiek: dict = field(default_factory=dict)
    maanden: list[str] = field(default_factory=list)
    grafiek_max: int = 1
    pagina: Page | None = None

    HOOGTE = 80  # px of the tallest bar in the chart

    def staven(self) -> list[tuple[str, list[dict]]]:
        """Per department the bars of the chart: month, count, height and top in px."""
        uit = []
        for afdeling, rij in self.grafiek.items():
            balken = []
            for i, (maand, n) in enumerate(rij.items()):
                h = round(n / self.grafiek_max * self.HOOGTE)
                balken.append({"maand": maand, "n": n, "x": i * 40 + 5, "h": h,
                               "y": self.HOOGTE - h + 15})
            uit.append((afdeling, balken))
        return uit


def _afdeling_van(leerling: Leerling, op: date) -> str:
    for p in leerling.plaatsingen.all():
        jaar = p.groep.schooljaar
        if jaar.begin <= op <= jaar.eind:
            return p.groep.afdeling.naam if p.groep.afdeling_id else "—"
    return "—"


MAANDEN = 6


def _open_werkdossiers(user, *, school, op: date) -> QuerySet[Zorgdossier]:
    te_laat = Evaluatie.objects.filter(
        traject__zorgdossier=OuterRef("pk"), uitgevoerd_op__isnull=True,
        gepland_op__lt=op)
    return (zorgdossiers_voor(user, niveau=toegang.ZORG_VOLLEDIG, op=op)
            .filter(school=school, fase__in=OPEN_FASEN).annotate(te_laat=Exists(te_laat)))


def werklijst_tellingen(user, *, school, op: date | None = None) -> tuple[int, int]:
    """The start page's summary of the work list: open cases, and those with an overdue
    evaluation; two counts in the database instead of the whole list (issue 15)."""
    op = op or timezone.localdate()
    dossiers = _open_werkdossiers(user, school=school, op=op)
    return dossiers.count(), dossiers.filter(te_laat=True).count()


#: Open cases per page of the work list (issue 15: 500 at a large school).
PER_PAGINA = 50


def _afdelingsnaam(leerling_ref: str, datum) -> Coalesce:
    """The name of the department of the pupil's group on `datum` (a date or a reference to
    one), "—" without a placement or a department: a subquery, for counting in the database."""
    plaatsing = (Groepsplaatsing.objects.filter(
        leerling=OuterRef(leerling_ref), groep__schooljaar__begin__lte=datum,
        groep__schooljaar__eind__gte=datum).order_by("pk").values("groep__afdeling__naam")[:1])
    return Coalesce(Subquery(plaatsing), Value("—"), output_field=CharField())


def werklijst(user, *, school, op: date | None = None, pagina=None) -> Werklijst:
    """The zorgcoördinator's case load: open cases, those with an overdue evaluation first
    (`PER_PAGINA` a page: `pagina` is the page asked for), counts per step and per department,
    and new signals per month per department; the counts and the chart are counted in the
    database, so the page costs the same whatever the case load."""
    op = op or timezone.localdate()
    open_ = _open_werkdossiers(user, school=school, op=op)
    fasen = dict(open_.order_by().values_list("fase").annotate(n=Count("pk")))
    afdelingen = dict(open_.order_by().annotate(_afdeling=_afdelingsnaam("leerling", op))
                      .values_list("_afdeling").annotate(n=Count("pk")))
    plaatsingen = Prefetch("leerling__plaatsingen", queryset=Groepsplaatsing.objects
                           .select_related("groep__afdeling", "groep__schooljaar"))
    volgende = Prefetch("trajecten__evaluaties", queryset=Evaluatie.objects.filter(
        uitgevoerd_op__isnull=True).order_by("gepland_op"))
    paginator = Paginator(
        open_.select_related("leerling").prefetch_related(plaatsingen, volgende)
        .order_by("-te_laat", "geopend_op", "pk"), PER_PAGINA)
    paginator.count = sum(fasen.values())  # known already: no COUNT query of its own
    blad = paginator.get_page(pagina)
    dossiers = list(blad.object_list)
    for d in dossiers:
        d.afdeling = _afdeling_van(d.leerling, op)
        evaluaties = [e for t in d.trajecten.all() for e in t.evaluaties.all()]
        d.volgende_evaluatie = min((e.gepland_op for e in evaluaties), default=None)
    blad.object_list = dossiers
    # New signals per month per department, the last MAANDEN months.
    maanden = []
    jaar, maand = op.year, op.month
    for _i in range(MAANDEN):
        maanden.insert(0, f"{jaar}-{maand:02d}")
        jaar, maand = (jaar, maand - 1) if maand > 1 else (jaar - 1, 12)
    eerste = date(int(maanden[0][:4]), int(maanden[0][5:]), 1)
    signalen = (Signaal.objects
                .filter(zorgdossier__in=zorgdossiers_voor(user, niveau=toegang.ZORG_VOLLEDIG,
                                                          op=op).filter(school=school),
                        datum__gte=eerste, datum__lte=op)
                .annotate(_afdeling=_afdelingsnaam("leerling", OuterRef("datum")),
                          _maand=TruncMonth("datum"))
                .order_by().values_list("_afdeling", "_maand").annotate(n=Count("pk")))
    grafiek: dict[str, OrderedDict] = {}
    for afd, begin, n in signalen:
        rij = grafiek.setdefault(afd, OrderedDict((m, 0) for m in maanden))
        rij[f"{begin.year}-{begin.month:02d}"] += n
    grafiek_max = max((n for rij in grafiek.values() for n in rij.values()), default=1) or 1
    volgorde = {f: i for i, f in enumerate(Zorgfase.values)}
    return Werklijst(
        dossiers=dossiers,
        per_fase=[(Zorgfase(f).label, n) for f, n in sorted(fasen.items(),
                                                            key=lambda x: volgorde[x[0]])],
        per_afdeling=sorted(afdelingen.items()),
        grafiek=dict(sorted(grafiek.items())), maanden=maanden, grafiek_max=grafiek_max,
        pagina=blad,
    )


def open_evaluaties(zorgdossier: Zorgdossier) -> QuerySet[Evaluatie]:
    return Evaluatie.objects.filter(traject__zorgdossier=zorgdossier, uitgevoerd_op__isnull=True
                                    ).exclude(termijn__status=Termijnstatus.VERVALLEN)


def lopende_termijnen(zorgdossier: Zorgdossier) -> list[Termijn]:
    """The case's own open deadlines (the mentor's conversation, the look-again date, a
    referral), as stored: the page shows the same date as "Mijn termijnen" and the reminders.
    Evaluation deadlines are shown with their trajectory (care-file level)."""
    return list(Termijn.objects.filter(
        onderwerp_type=ContentType.objects.get_for_model(Zorgdossier),
        onderwerp_id=zorgdossier.pk,
        status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN]).order_by("vervaldatum", "pk"))
