"""The acts of sending a pupil out of class, in the words of Echnaton bijlage A. Each:
`@transaction.atomic`, a row lock, the step's check first (uitsturen/stappen.py), the
django-fsm transition, the dossier entry in section "gedrag" (author and source), the
teacher's deadline and the letter. One Dutch `InvoerFout` per refusal; nothing written on
refusal."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import dossier, maatregelen
from dossiers.brieven.services import brief_aanvragen
from statuut import kalender
from statuut.hulp import naam_van, vergrendeld
from statuut.models import Dossiersectie, Eenheid, Maatregelsoort, Termijnstatus
from statuut.services import InvoerFout, termijn_openen, termijn_vervallen, termijn_voldaan

from . import stappen
from .brieven import UITSTUURBRIEF
from .models import Stand, Uitstuurmelding

MAX_TEKST = 2000


def _tekst(waarde: str, veld: str, *, verplicht: bool = True, lengte: int = MAX_TEKST) -> str:
    waarde = (waarde or "").strip()
    if verplicht and not waarde:
        raise InvoerFout(_("Vul in: %(v)s.") % {"v": veld})
    if len(waarde) > lengte:
        raise InvoerFout(_("%(v)s is te lang (ten hoogste %(n)d tekens).")
                         % {"v": veld[:1].upper() + veld[1:], "n": lengte})
    return waarde


def _schooldag(school, datum: date) -> None:
    try:
        reden = kalender.reden_vrij(school, datum)
    except kalender.KalenderOnbekend as exc:
        raise InvoerFout(str(exc)) from exc
    if reden:
        raise InvoerFout(_("%(d)s is geen schooldag (%(r)s).")
                         % {"d": f"{datum:%d-%m-%Y}", "r": reden})


def les_tekst(m: Uitstuurmelding) -> str:
    if m.lesuur:
        return _("%(v)s, %(u)de uur") % {"v": m.vak, "u": m.lesuur}
    return m.vak


def gesprek_tekst(m: Uitstuurmelding) -> str:
    if m.gesprek:
        return m.gesprek
    if m.afspraak_op:
        return _("Leraar en leerling hebben een afspraak gemaakt voor een gesprek op %(d)s.") % {
            "d": f"{m.afspraak_op:%d-%m-%Y}"}
    return ""


@transaction.atomic
def uitsturen(*, door, leerling, maatregelsoort: Maatregelsoort, vak: str, reden: str,
              lesuur: int | None = None, nu: datetime | None = None) -> Uitstuurmelding:
    """Bijlage A / Noordgouw art. 1: the teacher sends the pupil out of the lesson, with the
    offence in short (art. 7.4, 22.2: "duidelijk voor welke overtreding"). The teacher's
    deadline opens: the melding is completed by the end of this school day. `nu`: the
    moment (default now; the demo passes an earlier school day)."""
    if maatregelsoort.statuut.school_id != leerling.school_id:
        raise InvoerFout(_("Kies een maatregel van het leerlingenstatuut van de school van "
                           "%(n)s.") % {"n": leerling.roepnaam})
    stappen.toetsen(stappen.uitsturen_weigering(door, leerling, maatregelsoort))
    nu = nu or timezone.now()
    datum = timezone.localdate(nu)
    _schooldag(leerling.school, datum)
    vak = _tekst(vak, _("de les of het vak"), lengte=80)
    reden = _tekst(reden, _("de reden (voor welke overtreding)"), lengte=300)
    if lesuur is not None and not 1 <= lesuur <= 15:
        raise InvoerFout(_("Het lesuur is een getal van 1 tot en met 15."))
    m = Uitstuurmelding.objects.create(
        leerling=leerling, school=leerling.school, maatregelsoort=maatregelsoort,
        maatregel_code=maatregelsoort.code, maatregel_naam=maatregelsoort.naam,
        trede=maatregelsoort.trede, schriftelijk=maatregelsoort.schriftelijk, docent=door,
        tijdstip=nu, datum=datum, vak=vak, lesuur=lesuur, reden_kort=reden)
    m.dossierstuk = dossier.stuk_toevoegen(
        door=door, leerling=leerling, sectie=Dossiersectie.GEDRAG, controleer=False,
        titel=_("Uit de les gestuurd: %(l)s") % {"l": les_tekst(m)},
        inhoud=_("%(m)s, door %(n)s om %(t)s. Reden: %(r)s") % {
            "m": m.maatregel_naam, "n": naam_van(door), "t": f"{timezone.localtime(nu):%H:%M}",
            "r": reden}, datum=datum, bron=m)
    # Bijlage A: everything happens that school day (the pupil reports at once, the letter
    # goes back to the teacher at the end of the lesson). The due date is the day itself, a
    # fixed date: a later calendar change does not move it.
    m.termijn = termijn_openen(
        school=leerling.school, omschrijving=_("Uitstuurmelding afronden (uitstuurbrief)"),
        startdatum=datum, aantal=0, eenheid=Eenheid.SCHOOLDAGEN, vervaldatum=datum,
        regel=maatregelsoort.artikel, onderwerp=m, verantwoordelijke=door)
    m.save(update_fields=["dossierstuk", "termijn"])
    return m


def _vergrendeld(melding: Uitstuurmelding) -> Uitstuurmelding:
    return vergrendeld(Uitstuurmelding.objects.select_related(
        "leerling__school", "maatregelsoort__statuut", "docent"), melding.pk)


@transaction.atomic
def melden(*, door, melding: Uitstuurmelding, verhaal: str) -> Uitstuurmelding:
    """Bijlage A: the pupil reports at once to the (assistent) teamleider, gets the letter and
    writes down why, in their own words; the teamleider records it."""
    m = _vergrendeld(melding)
    stappen.toetsen(stappen.weigering(door, m, "melden"))
    verhaal = _tekst(verhaal, _("wat volgens de leerling de reden is"))
    m.melden(door=door, op=timezone.now(), verhaal=verhaal)
    m.save()
    return m


@transaction.atomic
def toelichten(*, door, melding: Uitstuurmelding, reden: str, gesprek: str = "",
               afspraak_op: date | None = None) -> Uitstuurmelding:
    """Bijlage A: "De leraar vult de reden in waarom je er bent uitgestuurd. Jullie hebben
    over het voorval een gesprek (of maken daarvoor een afspraak)"."""
    m = _vergrendeld(melding)
    stappen.toetsen(stappen.weigering(door, m, "toelichten"))
    reden = _tekst(reden, _("de reden waarom de leerling is uitgestuurd"))
    gesprek = _tekst(gesprek, _("het gesprek"), verplicht=False)
    if not gesprek and afspraak_op is None:
        raise InvoerFout(_("Schrijf op wat u met de leerling besprak, of de datum van de "
                           "afspraak voor het gesprek."))
    if afspraak_op is not None:
        if afspraak_op < m.datum:
            raise InvoerFout(_("De afspraak voor het gesprek ligt vóór de dag van het "
                               "uitsturen."))
        _schooldag(m.school, afspraak_op)
    m.toelichten(op=timezone.now(), reden=reden, gesprek=gesprek, afspraak_op=afspraak_op)
    m.save()
    return m


@transaction.atomic
def inleveren(*, door, melding: Uitstuurmelding, straf: str = "",
              gesprek: str = "") -> Uitstuurmelding:
    """Bijlage A: "waarna de leraar het laatste deel van de brief invult. De leraar levert de
    brief in bij de (assistent) teamleider." The teacher's deadline is met."""
    m = _vergrendeld(melding)
    stappen.toetsen(stappen.weigering(door, m, "inleveren"))
    straf = _tekst(straf, _("de straf"), verplicht=False)
    gesprek = _tekst(gesprek, _("het gesprek"), verplicht=False)
    m.inleveren(op=timezone.now(), straf=straf, gesprek=gesprek)
    m.save()
    if m.termijn is not None and m.termijn.status in (Termijnstatus.OPEN,
                                                      Termijnstatus.VERLOPEN):
        termijn_voldaan(m.termijn)
    return m


def briefgegevens(m: Uitstuurmelding) -> dict:
    gegevens = {
        "datum": f"{timezone.localtime(m.tijdstip):%d-%m-%Y}",
        "tijd": f"{timezone.localtime(m.tijdstip):%H:%M}",
        "les": les_tekst(m),
        "docent": naam_van(m.docent),
        "verhaal_leerling": m.verhaal_leerling,
        "reden_docent": m.reden_docent,
        "gesprek": gesprek_tekst(m),
        "straf": m.straf or _("Geen straf."),
        "artikel": m.maatregelsoort.artikel if m.maatregelsoort_id else "",
    }
    # The parents read where they can go against the teacher's measure (Echnaton art. 12
    # Beroep 1), from the remedies the one appeal mechanism offers for this melding.
    if m.maatregelsoort_id and (beroep := maatregelen.beroepsparagraaf(
            m, m.maatregelsoort.statuut)) is not None:
        gegevens["beroep"] = beroep
    return gegevens


@transaction.atomic
def afronden(*, door, melding: Uitstuurmelding) -> Uitstuurmelding:
    """Bijlage A: "De brief wordt opgestuurd naar de ouders", where the rung says a letter
    goes (`Maatregelsoort.schriftelijk`); the melding is complete."""
    m = _vergrendeld(melding)
    stappen.toetsen(stappen.weigering(door, m, "afronden"))
    nu = timezone.now()
    m.afronden(door=door, op=nu)
    gegevens = briefgegevens(m)
    if m.schriftelijk:
        m.brief = brief_aanvragen(
            door=door, leerling=m.leerling, soort=UITSTUURBRIEF.code,
            sleutel=f"uitstuurmelding:{m.pk}:brief", gegevens=gegevens,
            datum=timezone.localdate(nu), bron=m,
            statuut=m.maatregelsoort.statuut if m.maatregelsoort_id else None)
    m.save()
    if m.termijn is not None and m.termijn.status in (Termijnstatus.OPEN,
                                                      Termijnstatus.VERLOPEN):
        termijn_voldaan(m.termijn)
    dossier.stuk_toevoegen(
        door=door, leerling=m.leerling, sectie=Dossiersectie.GEDRAG, controleer=False,
        titel=_("Uitstuurmelding afgerond: %(l)s op %(d)s") % {"l": les_tekst(m),
                                                               "d": gegevens["datum"]},
        inhoud="\n".join([
            _("Reden volgens de leerling: %(t)s") % {"t": m.verhaal_leerling},
            _("Reden volgens de leraar: %(t)s") % {"t": m.reden_docent},
            _("Gesprek: %(t)s") % {"t": gegevens["gesprek"]},
            _("Straf: %(t)s") % {"t": gegevens["straf"]},
            _("Uitstuurbrief naar de ouders.") if m.schriftelijk
            else _("Geen brief aan de ouders volgens het leerlingenstatuut.")]),
        datum=timezone.localdate(nu), bron=m)
    return m


@transaction.atomic
def intrekken(*, door, melding: Uitstuurmelding, op: date, toelichting: str
              ) -> Uitstuurmelding:
    """A remedy annulled the measure (`dossiers.maatregelen`, uitsturen/rechtsmiddelen.py):
    the melding is withdrawn, its open deadline lapses, and the dossier says so."""
    m = _vergrendeld(melding)
    if m.stand == Stand.INGETROKKEN:
        raise InvoerFout(_("Deze uitstuurmelding is al ingetrokken."))
    m.intrekken(op=op, toelichting=toelichting)
    m.save()
    if m.termijn is not None and m.termijn.status in (Termijnstatus.OPEN,
                                                      Termijnstatus.VERLOPEN):
        termijn_vervallen(m.termijn)
    # Every entry of the measure, its letter's included, gets the same "[Vervallen]" addendum.
    zin = _("Deze maatregel is op %(d)s na beroep ingetrokken. %(t)s") % {
        "d": f"{op:%d-%m-%Y}", "t": toelichting}
    dossier.besluit_markeren(m, door=door, voor=_("[Vervallen]"), zin=zin,
                             reden=toelichting or zin)
    return m
