"""Thresholds (`statuut.Verzuimdrempel`) counted per pupil and the step each opens, once.

After every registration or judgement the pupil's counts are taken again (`bijwerken`):
- counted in *keer* over a fixed period of school weeks (Echnaton bijlage A: the 3rd, 6th
  and more than 6th ongeoorloofd te laat in a period of six weeks; "in 2 opeenvolgende
  periodes meer dan 6 keer"): the step opens when the count reaches the threshold, once per
  period (`Drempelactie` is unique per pupil, threshold and period);
- counted in *lesuren* over a rolling window of school weeks (the Leerplichtwet art. 21a:
  16 hours in four consecutive school weeks): the step opens on the day the hours in the
  window ending that day reach the threshold; not again while a window overlaps one that
  already opened it.
A correction that brings a count below the threshold closes what it opened (vervallen, with
a note, its deadline too). Thresholds without a number ("herhaaldelijk") or without a period
are the school's judgement: never opened automatically; whoever holds
`verzuim.drempel_signaleren` opens their step by hand with a reason (`signaleren`). We chose
that over inventing a number: the seed gives none (Noordgouw art. 14.7 "herhaaldelijk", 14.8
"veelvuldig"), and a school that wants one gives the row a number and a period (as the
presets do for the law's 16 hours), after which it counts by itself. Both are data.
A correction that closed a step and a new crossing in the same period open the same step
again (`heropenen`), once: one action per pupil, threshold and period.
When the step's action is a letter (`ouders_informeren`), opening it requests the letter
(verzuim/brieven.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Sum
from django.utils.translation import gettext as _

from dossiers import dossier, relaties
from statuut import kalender
from statuut.hulp import schooljaar_naam
from statuut.models import Dossiersectie, Verzuimdrempel
from statuut.selectors import statuut_op
from statuut.services import termijn_openen, termijn_vervallen

from . import brieven, perioden, toegang
from .models import Absentie, Actiestatus, Drempelactie, Oordeel, TeLaat

A = Verzuimdrempel.Actie
#: The authority action of each threshold step (who takes it: that action's rows).
ACTIE_VAN_CODE = {
    A.MELDEN_AFDELING: toegang.INHALEN_REGELEN,
    A.LES_VERZUIMD: toegang.INHALEN_REGELEN,
    A.INHALEN: toegang.INHALEN_REGELEN,
    A.OUDERS_INFORMEREN: toegang.OUDERS_INFORMEREN,
    A.GESPREK_OUDERS: toegang.GESPREK_VOEREN,
    A.MELDING_LEERPLICHT: toegang.LEERPLICHT_MELDEN,
    A.SCHORSING_MOGELIJK: toegang.SCHORSING_VOORSTELLEN,
}


def geldt_voor(drempel: Verzuimdrempel, afdelingsnaam: str) -> bool:
    """`groep` names the afdeling ("onderbouw"); blank holds for every pupil."""
    return not drempel.groep or drempel.groep.strip().lower() == afdelingsnaam.strip().lower()


def afdelingsnaam(leerling, op: date) -> str:
    groep = relaties.huidige_groep(leerling, op)
    return groep.afdeling.naam if groep is not None and groep.afdeling_id else ""


def drempels_van(leerling, op: date) -> list[Verzuimdrempel]:
    """The thresholds of the statuut in force on `op` that hold for this pupil and can be
    counted (a number and a period)."""
    statuut = statuut_op(leerling.school, op)
    if statuut is None:
        return []
    naam = afdelingsnaam(leerling, op)
    return [d for d in statuut.verzuimdrempels.all()
            if d.aantal and d.periode_weken and geldt_voor(d, naam)]


def per_keer(leerling, te_laat) -> list[Verzuimdrempel]:
    """The thresholds that hold for this one late arrival (no period): Noordgouw art. 11.4.1
    "tot maximaal twintig minuten ... Daarna geldt de les als verzuimd" (`na_minuten`), or
    Echnaton bijlage A onderbouw: every ongeoorloofd te laat means reporting to the
    afdeling the next day. Their step is said at the registration and in its entry."""
    statuut = statuut_op(leerling.school, te_laat.datum)
    if statuut is None:
        return []
    naam = afdelingsnaam(leerling, te_laat.datum)
    uit = []
    for d in statuut.verzuimdrempels.filter(soort=Verzuimdrempel.Soort.TE_LAAT, aantal=1,
                                             periode_weken__isnull=True):
        if not geldt_voor(d, naam):
            continue
        if d.na_minuten is not None:
            if te_laat.minuten > d.na_minuten:
                uit.append(d)
        elif te_laat.oordeel == Oordeel.ONGEOORLOOFD:
            uit.append(d)
    return uit


def _te_laat(leerling, van: date, tot: date) -> list[date]:
    return list(TeLaat.objects.filter(leerling=leerling, oordeel=Oordeel.ONGEOORLOOFD,
                                      datum__range=(van, tot))
                .order_by("datum", "lesuur").values_list("datum", flat=True))


def _uren(leerling, van: date, tot: date) -> int:
    return Absentie.objects.filter(leerling=leerling, oordeel=Oordeel.ONGEOORLOOFD,
                                   datum__range=(van, tot)).aggregate(n=Sum("uren"))["n"] or 0


def _keer_in_periode(leerling, drempel, nummer: int, op: date):
    """(period, the dates counted) for period `nummer` of the school year of `op`."""
    p = perioden.periode(leerling.school, op, drempel.periode_weken, nummer)
    if p is None:
        return None, []
    return p, _te_laat(leerling, p.van, p.tot)


def _overschrijding_keer(leerling, drempel, op: date):
    """(period, count, date crossed) when the period of `op` crosses `drempel`, else None."""
    p = perioden.periode_op(leerling.school, op, drempel.periode_weken)
    if p is None:
        return None
    _p, datums = _keer_in_periode(leerling, drempel, p.nummer, op)
    if len(datums) < drempel.aantal:
        return None
    for terug in range(1, drempel.opeenvolgende_perioden):
        _vorige, eerder = _keer_in_periode(leerling, drempel, p.nummer - terug, op)
        if len(eerder) < drempel.aantal:
            return None
    return p, len(datums), datums[drempel.aantal - 1]


def _overschrijding_uren(leerling, drempel, op: date):
    """(week number, window start, hours, date crossed) of the first day near `op` on which
    the ongeoorloofd hours in the rolling window reach the threshold, else None."""
    school, weken = leerling.school, drempel.periode_weken
    week = perioden.weeknummer(school, op)
    if week is None:
        return None
    alle = perioden.schoolweken(school, op)
    van = alle[max(0, week - weken)]
    tot = alle[min(len(alle), week + weken) - 1] + timedelta(days=4)
    dagen = sorted(set(Absentie.objects.filter(
        leerling=leerling, oordeel=Oordeel.ONGEOORLOOFD, datum__range=(van, tot))
        .values_list("datum", flat=True)))
    for dag in dagen:
        venster = perioden.venster(school, dag, weken)
        if venster is None:
            continue
        uren = _uren(leerling, *venster)
        if uren >= drempel.aantal:
            return perioden.weeknummer(school, dag), venster[0], uren, dag
    return None


def _geldt_nog(actie: Drempelactie, drempel: Verzuimdrempel | None) -> bool:
    if drempel is None:
        return True
    leerling = actie.leerling
    if drempel.telt == Verzuimdrempel.Telt.LESUREN:
        return _uren(leerling, actie.van, actie.tot) >= drempel.aantal
    for terug in range(drempel.opeenvolgende_perioden):
        _p, datums = _keer_in_periode(leerling, drempel, actie.periode - terug, actie.van)
        if len(datums) < drempel.aantal:
            return False
    return True


def _openen(*, door, leerling, drempel, periode: int, van: date, tot: date, aantal: int,
            op: date) -> Drempelactie | None:
    jaar = schooljaar_naam(op)
    bestaand = Drempelactie.objects.filter(leerling=leerling, drempelcode=drempel.code,
                                           schooljaar=jaar)
    if drempel.telt == Verzuimdrempel.Telt.LESUREN:
        # Once per window: not while an earlier crossing's window overlaps this one.
        bestaand = bestaand.filter(periode__gt=periode - drempel.periode_weken,
                                   periode__lt=periode + drempel.periode_weken)
    else:
        bestaand = bestaand.filter(periode=periode)
    if bestaand.exclude(status=Actiestatus.VERVALLEN).exists():
        return None
    vervallen = bestaand.filter(periode=periode).first()
    if vervallen is not None:
        # A correction closed it and the count reached the threshold again: the same
        # action opens once more (never a second one in the period), with a note.
        return _heropenen(door=door, actie=vervallen, drempel=drempel, aantal=aantal, op=op)
    actie = Drempelactie.objects.create(
        leerling=leerling, school=leerling.school, drempel=drempel, drempelcode=drempel.code,
        actie_code=drempel.actie_code, omschrijving=drempel.actie, artikel=drempel.artikel,
        schooljaar=jaar, periode=periode, van=van, tot=tot, aantal=aantal, overschreden_op=op)
    _termijn_en_brief(door=door, actie=actie, drempel=drempel, op=op)
    dossier.stuk_toevoegen(
        door=door, leerling=leerling, sectie=Dossiersectie.VERZUIM, controleer=False,
        titel=_("Verzuimdrempel bereikt: %(a)s") % {"a": drempel.get_actie_code_display()},
        inhoud=_("%(n)d %(telt)s van %(van)s tot en met %(tot)s; drempel %(d)d "
                 "(%(code)s). Actie: %(a)s") % {
            "n": aantal, "telt": drempel.get_telt_display(), "van": f"{van:%d-%m-%Y}",
            "tot": f"{tot:%d-%m-%Y}", "d": drempel.aantal, "code": drempel.code,
            "a": drempel.actie},
        datum=op, bron=actie)
    return actie


def _termijn_en_brief(*, door, actie: Drempelactie, drempel: Verzuimdrempel, op: date) -> None:
    """The step's deadline for the row's holder, and the letter when the step is one."""
    leerling = actie.leerling
    houder, rol = toegang.verantwoordelijke(leerling, ACTIE_VAN_CODE[drempel.actie_code], op)
    if houder is not None or rol:
        try:
            actie.termijn = termijn_openen(
                school=leerling.school, omschrijving=_("Verzuim: %(a)s") % {"a": drempel.actie},
                startdatum=op, aantal=drempel.termijn_aantal, eenheid=drempel.termijn_eenheid,
                regel=drempel.artikel, onderwerp=actie, verantwoordelijke=houder,
                verantwoordelijke_rol=rol)
        except kalender.KalenderOnbekend:
            actie.termijn = None
        actie.save(update_fields=["termijn"])
    brieven.brief_bij_actie(door=door, actie=actie, drempel=drempel, op=op)


def _heropenen(*, door, actie: Drempelactie, drempel: Verzuimdrempel, aantal: int,
               op: date) -> Drempelactie:
    notitie = _("Heropend op %(op)s: het aantal bereikte de drempel van %(d)d opnieuw "
                "(%(n)d).") % {"op": f"{op:%d-%m-%Y}", "d": drempel.aantal, "n": aantal}
    actie.heropenen(op=op, aantal=aantal, notitie=notitie)
    actie.save()
    _termijn_en_brief(door=door, actie=actie, drempel=drempel, op=op)
    dossier.stuk_toevoegen(
        door=door, leerling=actie.leerling, sectie=Dossiersectie.VERZUIM, controleer=False,
        titel=_("Verzuimdrempel opnieuw bereikt: %(a)s") % {
            "a": drempel.get_actie_code_display()},
        inhoud=notitie + " " + _("Actie: %(a)s") % {"a": drempel.actie}, datum=op, bron=actie)
    return actie


def signaleren(*, door, leerling, drempel: Verzuimdrempel, op: date,
               toelichting: str) -> Drempelactie:
    """A threshold without a number ("herhaaldelijk", "veelvuldig"): the school judges, and
    whoever holds `verzuim.drempel_signaleren` opens its step by hand, with why. Once while
    one is open; the period is the school week of `op`."""
    week = perioden.weeknummer(leerling.school, op)
    if week is None:
        raise kalender.KalenderOnbekend(_("%(d)s valt niet in een schoolweek.")
                                        % {"d": f"{op:%d-%m-%Y}"})
    maandag = perioden.schoolweken(leerling.school, op)[week - 1]
    actie = Drempelactie.objects.create(
        leerling=leerling, school=leerling.school, drempel=drempel, drempelcode=drempel.code,
        actie_code=drempel.actie_code, omschrijving=drempel.actie, artikel=drempel.artikel,
        schooljaar=schooljaar_naam(op), periode=week, van=maandag, tot=op, aantal=0,
        overschreden_op=op, gesignaleerd_door=door, notitie=toelichting)
    _termijn_en_brief(door=door, actie=actie, drempel=drempel, op=op)
    dossier.stuk_toevoegen(
        door=door, leerling=leerling, sectie=Dossiersectie.VERZUIM, controleer=False,
        titel=_("Verzuim gesignaleerd: %(a)s") % {"a": drempel.get_actie_code_display()},
        inhoud=_("%(s)s (%(code)s). Toelichting: %(t)s Actie: %(a)s") % {
            "s": drempel.get_soort_display(), "code": drempel.code, "t": toelichting,
            "a": drempel.actie},
        datum=op, bron=actie)
    return actie


def handmatige_drempels(leerling, op: date) -> list[Verzuimdrempel]:
    """The thresholds of the statuut in force without a number: signalled by hand."""
    statuut = statuut_op(leerling.school, op)
    if statuut is None:
        return []
    naam = afdelingsnaam(leerling, op)
    return [d for d in statuut.verzuimdrempels.all()
            if not d.aantal and geldt_voor(d, naam)]


def bijwerken(*, door, leerling, op: date) -> list[Drempelactie]:
    """Count again after a change on `op`: open what is crossed, close what is no longer.
    Returns the actions opened."""
    geopend = []
    for drempel in drempels_van(leerling, op):
        if drempel.soort == Verzuimdrempel.Soort.TE_LAAT and drempel.telt == "keer":
            uitkomst = _overschrijding_keer(leerling, drempel, op)
            if uitkomst:
                p, aantal, datum = uitkomst
                actie = _openen(door=door, leerling=leerling, drempel=drempel,
                                periode=p.nummer, van=p.van, tot=p.tot, aantal=aantal,
                                op=datum)
                geopend += [actie] if actie else []
        elif (drempel.soort == Verzuimdrempel.Soort.ABSENT
              and drempel.telt == Verzuimdrempel.Telt.LESUREN):
            uitkomst = _overschrijding_uren(leerling, drempel, op)
            if uitkomst:
                week, van, uren, datum = uitkomst
                actie = _openen(door=door, leerling=leerling, drempel=drempel, periode=week,
                                van=van, tot=datum, aantal=uren, op=datum)
                geopend += [actie] if actie else []
    sluiten(door=door, leerling=leerling, op=op)
    return geopend


def sluiten(*, door, leerling, op: date) -> list[Drempelactie]:
    """Close, with a note, the open actions whose count fell below the threshold."""
    gesloten = []
    for actie in Drempelactie.objects.select_for_update(of=("self",)).filter(
            leerling=leerling, status=Actiestatus.OPEN).select_related("drempel", "termijn"):
        if actie.gesignaleerd_door_id or _geldt_nog(actie, actie.drempel):
            continue
        notitie = _("Vervallen op %(op)s: na een correctie is het aantal onder de drempel "
                    "van %(d)d gekomen.") % {"op": f"{op:%d-%m-%Y}", "d": actie.drempel.aantal}
        actie.vervallen(op=op, notitie=notitie)
        actie.save()
        if actie.termijn is not None and actie.termijn.status in ("open", "verlopen"):
            termijn_vervallen(actie.termijn)
        dossier.stuk_toevoegen(
            door=door, leerling=leerling, sectie=Dossiersectie.VERZUIM, controleer=False,
            titel=_("Verzuimactie vervallen: %(a)s") % {"a": actie.get_actie_code_display()},
            inhoud=notitie, datum=op, bron=actie)
        gesloten.append(actie)
    return gesloten
