"""Reads for the sancties pages, filtered by `dossiers.toegang` and joined up front."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateField,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from dossiers import toegang as dossiertoegang
from dossiers.brieven.services import datum_nl
from dossiers.models import Leerling
from statuut.models import Termijn

from . import schorsingstappen, toegang
from . import verwijdering as verwijderingstappen
from .models import (
    NOG_OPEN,
    VERWIJDERING_GESLOTEN,
    Bezwaarstatus,
    Schorsing,
    Schorsingstatus,
    TimeOut,
    TimeOutstatus,
    Verwijdering,
    Verwijderingstatus,
)


def verloop(status: str, eerste_dag: date, laatste_dag: date, op: date) -> str:
    """When the schorsing runs, said plainly: nothing moves it from bekendgemaakt to lopend or
    on to afgerond by itself (a person records that), so the pages say the dates."""
    d = {"v": datum_nl(eerste_dag), "t": datum_nl(laatste_dag)}
    if status == Schorsingstatus.VERNIETIGD:
        return gettext("vernietigd na beroep of bezwaar: de maatregel geldt niet")
    if status == Schorsingstatus.AFGEROND:
        return gettext("liep van %(v)s tot en met %(t)s") % d
    if status == Schorsingstatus.LOPEND:
        if op > laatste_dag:
            return gettext("liep tot en met %(t)s; klaar om af te ronden") % d
        return gettext("loopt tot en met %(t)s") % d
    if status == Schorsingstatus.BEKENDGEMAAKT and op >= eerste_dag:
        return gettext("gaat in op %(v)s; leg vast dat de maatregel is ingegaan") % d
    return gettext("gaat in op %(v)s, loopt tot en met %(t)s") % d


def time_out_stand(status: str, datum: date, op: date) -> str:
    """The time-out's stand on `op`: seed 004, it "duurt niet langer dan de dag waarop deze in
    werking is getreden", so after that day it is over, whatever its follow-up."""
    d = {"d": datum_nl(datum)}
    if op > datum and status == TimeOutstatus.GOEDGEKEURD:
        return gettext("afgelopen (de time-out gold op %(d)s)") % d
    if op > datum and status == TimeOutstatus.VOORGESTELD:
        return gettext("vervallen: niet goedgekeurd op %(d)s") % d
    return str(dict(TimeOutstatus.choices)[status])


def time_out_open(*, status: str, geinformeerd: bool, gesprek_op: date | None, op: date,
                  gehouden: bool | None = None) -> list[str]:
    """The follow-up of seed 004 still open (parents informed at once, the talk with the
    parents, the report they signed in the dossier); empty once it is all done. `gehouden`:
    whether the talk took place (known to the minute on the page; else by its day)."""
    if status != TimeOutstatus.GOEDGEKEURD:
        return []
    uit = []
    if not geinformeerd:
        uit.append(gettext("ouders informeren (of de redelijke gronden om het niet te doen "
                           "vastleggen)"))
    if gesprek_op is None:
        uit.append(gettext("ouders uitnodigen voor een gesprek"))
    elif not (gehouden if gehouden is not None else gesprek_op < op):
        uit.append(gettext("gesprek met de ouders op %(d)s") % {"d": datum_nl(gesprek_op)})
    uit.append(gettext("verslag van het gesprek, door de ouders getekend, in het dossier"))
    return uit


@dataclass
class Paneelregel:
    soort: str  # schorsing, verwijdering, time_out
    pk: int
    naam: str
    status: str
    status_label: str
    datum: date
    einde: date | None
    schooldagen: int | None
    volgende_stap: str
    termijn: date | None
    url_naam: str
    ontzegging: bool = False
    verloop: str = ""
    leerlingnummer: str = ""  # for the read log
    school_id: int | None = None


_KOLOMMEN = ("soort", "pk", "leerling__roepnaam", "leerling__tussenvoegsel",
             "leerling__achternaam", "status", "bezwaar", "datum", "einde", "schooldagen",
             "melden", "gemeld", "termijn_1", "termijn_2", "is_ontzegging",
             "leerling__leerlingnummer", "leerling__school_id")


def _v(waarde, veld):
    return Value(waarde, output_field=veld)


class Paneellijst(list):
    """The panel's rows (the first `limiet` when one is given) and `aantal`: how many there
    are in all."""

    aantal: int = 0


def paneelregels(user, school, *, rollen, op: date, limiet: int | None = None
                 ) -> Paneellijst | None:
    """Running and upcoming schorsingen, today's time-outs and running verwijderingen of the
    pupils whose measures the user follows (`sancties.volgen`, in its scope), in ONE query
    (a union), so a start page with this panel costs one query more whatever the number of
    rows. None: the statuut gives the user's roles (`rollen`, at `school`) no such row, and
    there is no panel (read from the rows the request has already, `toegang.volgt`)."""
    if not toegang.volgt(school, rollen, op=op):
        return None
    leerlingen = toegang.sanctieleerlingen_voor(user, school, rollen, op=op)
    schorsingen_basis = (Schorsing.objects.filter(leerling__in=leerlingen)
                         .exclude(status=Schorsingstatus.VERNIETIGD).filter(NOG_OPEN))
    verwijderingen_basis = (Verwijdering.objects.filter(leerling__in=leerlingen)
                            .exclude(status__in=VERWIJDERING_GESLOTEN))
    time_outs_basis = (TimeOut.objects.filter(leerling__in=leerlingen)
                       .filter(Q(status=TimeOutstatus.GOEDGEKEURD)
                               | Q(status=TimeOutstatus.VOORGESTELD, datum=op)))
    def _vervaldatum(veld: str) -> Subquery:
        # A scalar subquery per shown row instead of a join of the whole deadline table.
        return Subquery(Termijn.objects.filter(pk=OuterRef(veld)).values("vervaldatum")[:1],
                        output_field=DateField())

    schorsingen = (schorsingen_basis
        .annotate(soort=_v("schorsing", CharField()), bezwaar=F("bezwaarstatus"),
                  datum=F("eerste_dag"), einde=F("laatste_dag"), melden=F("inspectie_melden"),
                  gemeld=F("inspectie_gemeld_op"),
                  termijn_1=_vervaldatum("termijn_inspectie_id"),
                  termijn_2=_vervaldatum("termijn_bezwaarbeslissing_id"),
                  is_ontzegging=F("ontzegging"))
        .order_by().values_list(*_KOLOMMEN))
    verwijderingen = (verwijderingen_basis
                      .annotate(soort=_v("verwijdering", CharField()),
                                bezwaar=_v("", CharField()), datum=F("voorgesteld_op"),
                                einde=_v(None, DateField()),
                                schooldagen=_v(None, IntegerField()),
                                melden=_v(False, BooleanField()), gemeld=_v(None, DateField()),
                                termijn_1=_vervaldatum("termijn_bezwaar_id"),
                                termijn_2=_vervaldatum("termijn_heroverweging_id"),
                                is_ontzegging=_v(False, BooleanField()))
                      .order_by().values_list(*_KOLOMMEN))
    # For a time-out, `melden` carries "parents informed" and `gemeld` the day of the talk.
    time_outs = (time_outs_basis
                 .annotate(soort=_v("time_out", CharField()), bezwaar=_v("", CharField()),
                           einde=_v(None, DateField()), schooldagen=_v(None, IntegerField()),
                           melden=Case(When(Q(ouders_gebeld_op__isnull=False)
                                            | ~Q(niet_informeren_gronden=""), then=True),
                                       default=False, output_field=BooleanField()),
                           gemeld=TruncDate("gesprek_op"),
                           termijn_1=_v(None, DateField()), termijn_2=_v(None, DateField()),
                           is_ontzegging=_v(False, BooleanField()))
                 .order_by().values_list(*_KOLOMMEN))
    # The marker goes last: a combined query orders by the first part's columns.
    rijen = schorsingen.union(verwijderingen, time_outs, all=True).order_by("datum", "pk")
    uit = Paneellijst()
    # All rows come back as plain tuples (cheap, and the count is theirs); only the first
    # `limiet` become panel rows.
    for rij in rijen:
        uit.aantal += 1
        if limiet is not None and len(uit) >= limiet:
            continue
        r = _regel(*rij)
        if r.soort == "schorsing":
            r.verloop = verloop(r.status, r.datum, r.einde, op)
        elif r.soort == "time_out":
            melden, gemeld = rij[10], rij[11]
            r.status_label = time_out_stand(r.status, r.datum, op)
            if r.status == TimeOutstatus.GOEDGEKEURD:
                r.volgende_stap = gettext("nog open: %(o)s") % {"o": "; ".join(time_out_open(
                    status=r.status, geinformeerd=bool(melden), gesprek_op=gemeld, op=op))}
        uit.append(r)
    return uit

_LABELS = {"schorsing": dict(Schorsingstatus.choices),
           "verwijdering": dict(Verwijderingstatus.choices),
           "time_out": dict(TimeOutstatus.choices)}
_URLS = {"schorsing": "sancties:schorsing", "verwijdering": "sancties:verwijdering",
         "time_out": "sancties:time_out"}


def _regel(soort, pk, roepnaam, tussenvoegsel, achternaam, status, bezwaar, datum, einde,
           schooldagen, melden, gemeld, termijn_1, termijn_2, is_ontzegging=False,
           leerlingnummer="", school_id=None) -> Paneelregel:
    termijn = None
    if soort == "schorsing":
        stap = schorsingstappen.volgende_stap(status)
        if melden and not gemeld:
            stap, termijn = _("melden aan de inspectie"), termijn_1
        if bezwaar in (Bezwaarstatus.INGEDIEND, Bezwaarstatus.GEHOORD):
            stap = schorsingstappen.volgende_stap(bezwaar, veld="bezwaarstatus")
            termijn = termijn_2
    elif soort == "verwijdering":
        stap = verwijderingstappen.FASE.get(status, "")
        termijn = termijn_2 or termijn_1
    else:
        stap = (_("goedkeuren (alleen vandaag)") if status == TimeOutstatus.VOORGESTELD
                else _("ouders informeren, gesprek en getekend verslag"))
    naam = " ".join(p for p in (roepnaam, tussenvoegsel, achternaam) if p)
    return Paneelregel(soort, pk, naam, status, str(_LABELS[soort].get(status, status)), datum,
                       einde, schooldagen, str(stap), termijn, _URLS[soort],
                       bool(is_ontzegging), leerlingnummer=leerlingnummer,
                       school_id=school_id)


def _vernietigd(naamwoord: str) -> str:
    """An annulled measure on the ladder: named as annulled, no rung climbed (issue 13)."""
    return gettext("%(w)s vernietigd na beroep of bezwaar") % {"w": naamwoord.capitalize()}


def ladder(leerling: Leerling) -> list[dict]:
    """The measures taken with this pupil, newest first: schorsingen and time-outs."""
    uit = []
    for s in Schorsing.objects.filter(leerling=leerling).select_related("maatregel"):
        voorstel = (_("Ontzegging van de toegang (voorstel)") if s.ontzegging
                    else _("Schorsing (voorstel)"))
        naam = s.maatregel.naam if s.maatregel else voorstel
        trede = s.maatregel.trede if s.maatregel else None
        if s.inhoud_verwijderd_op:  # an upheld bezwaar: no rung, no content, only the fact
            naam = gettext("%(w)s verwijderd na gegrond bezwaar") % {
                "w": s.naamwoord.capitalize()}
            trede = None
        elif s.status == Schorsingstatus.VERNIETIGD:  # annulled: no rung climbed
            naam, trede = _vernietigd(s.naamwoord), None
        uit.append({"datum": s.besloten_op or s.voorgesteld_op, "soort": _("schorsing"),
                    "naam": naam, "trede": trede,
                    "status": s.get_status_display(), "bezwaar": s.bezwaarstatus,
                    "object": s, "url_naam": "sancties:schorsing"})
    for t in TimeOut.objects.filter(leerling=leerling).select_related("maatregel"):
        weg = t.status == TimeOutstatus.VERNIETIGD
        uit.append({"datum": t.datum, "soort": _("time-out"),
                    "naam": _vernietigd(gettext("time-out")) if weg else t.maatregel.naam,
                    "trede": None if weg else t.maatregel.trede,
                    "status": time_out_stand(t.status, t.datum, timezone.localdate()),
                    "bezwaar": "", "object": t, "url_naam": "sancties:time_out"})
    for v in Verwijdering.objects.filter(leerling=leerling).select_related("maatregel"):
        weg = v.status == Verwijderingstatus.VERNIETIGD
        uit.append({"datum": v.voorgesteld_op, "soort": _("verwijdering"),
                    "naam": _vernietigd(gettext("verwijdering")) if weg else v.maatregel.naam,
                    "trede": None if weg else v.maatregel.trede,
                    "status": v.get_status_display(), "bezwaar": "", "object": v,
                    "url_naam": "sancties:verwijdering"})
    return sorted(uit, key=lambda r: (r["datum"], r["object"].pk), reverse=True)


def _schorsingen():
    # Only what every step asks; the people and deadlines the page names are read when
    # shown (most requests are steps, and a refused step reads none of them).
    return Schorsing.objects.select_related("leerling", "school", "maatregel")


def zichtbare_maatregel(maatregelen, user, pk: int):
    """Measure `pk` of the queryset `maatregelen` when `user` may see it, else None: the
    policy's yes/no form for its one pupil (`sanctie_zichtbaar`), the same answer as
    filtering on `leerlingen_voor` without building the list of every pupil. Its statuut
    version is the request's (`statuut_met_pk`): the policy has just read today's, which is
    usually the measure's own."""
    maatregel = maatregelen.filter(pk=pk).first()
    if maatregel is None or not sanctie_zichtbaar(user, maatregel):
        return None
    return _met_statuut(maatregel)


def _met_statuut(maatregel):
    if maatregel.statuut_id is not None:
        maatregel.statuut = dossiertoegang.statuut_met_pk(maatregel.statuut_id)
    return maatregel


def zichtbare_schorsing(user, pk: int) -> Schorsing | None:
    return zichtbare_maatregel(_schorsingen(), user, pk)


def maatregel_opnieuw(maatregelen, maatregel):
    """The same measure read again with the same joins, for a request that has already
    checked that its user may see it (`zichtbare_maatregel`): a refused step re-reads it,
    since the service may have changed the instance before it refused."""
    return _met_statuut(maatregelen.get(pk=maatregel.pk))


def schorsing_opnieuw(schorsing: Schorsing) -> Schorsing:
    return maatregel_opnieuw(_schorsingen(), schorsing)


def sanctie_zichtbaar(user, maatregel) -> bool:
    """May `user` see this measure at all? Measures sit in the dossier's behaviour section:
    whoever may see the pupil but not that section gets the same 404 as for a measure that
    does not exist, so no answer tells him that one exists."""
    return toegang.mag_sancties_zien(user, maatregel.leerling)
