"""The time-out rung of the statuut's ladder (seed 004; Noordgouw art. 22.4 d)."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import dossier, toegang
from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Leerling
from statuut.models import Dossiersectie, Maatregelsoort, Rol, Statuut
from statuut.services import InvoerFout

from . import brieven, regels
from .models import TimeOut, TimeOutstatus
from .regels import datum_kort


def time_out_rung(statuut: Statuut) -> Maatregelsoort | None:
    return statuut.maatregelen.filter(soort=Maatregelsoort.Soort.TIME_OUT).first()


# --- services ---------------------------------------------------------------------------------






def _naam(user) -> str:
    medewerker = getattr(user, "medewerker", None)
    return medewerker.naam if medewerker else user.get_username()


def _stuk(door, time_out: TimeOut, titel: str, inhoud: str, datum: date | None = None):
    return dossier.stuk_toevoegen(door=door, leerling=time_out.leerling,
                                  sectie=Dossiersectie.GEDRAG, titel=titel, inhoud=inhoud,
                                  datum=datum or timezone.localdate(), bron=time_out,
                                  controleer=False)


def _vergrendeld(time_out: TimeOut) -> TimeOut:
    return (TimeOut.objects.select_for_update(of=("self",))
            .select_related("leerling", "school", "statuut", "maatregel").get(pk=time_out.pk))


def _mag(door, leerling, rollen, wat: str, statuut, artikel: str) -> None:
    if not toegang.mag_maatregel(door, leerling, [r for r in rollen if r]):
        raise InvoerFout(_("Dit mag u niet: %(wat)s is volgens %(g)s voorbehouden aan %(r)s.")
                         % {"wat": wat, "g": regels.artikel_tekst(statuut, [artikel]),
                            "r": regels.rollen_tekst([r for r in rollen if r])})


def betrokken_rollen(rung: Maatregelsoort) -> list[str]:
    return [r for r in (*rung.opleggen_door, rung.goedkeuring_door, rung.informeren_door) if r]


def _zelfde_dag(time_out: TimeOut, wat: str) -> None:
    if timezone.localdate() != time_out.datum:
        raise InvoerFout(_("Een time-out duurt niet langer dan de dag waarop hij inging "
                           "(%(d)s): %(wat)s kan nu niet meer.")
                         % {"d": datum_kort(time_out.datum), "wat": wat})


@transaction.atomic
def time_out_voorstellen(*, door, leerling: Leerling, incident: str, motivering: str
                         ) -> TimeOut:
    """Record the serious incident and propose a time-out for the rest of the day. Without
    an approver in the statuut's rung, it takes effect at once."""
    op = timezone.localdate()
    statuut = regels.statuut_in_werking(leerling.school, op)
    rung = time_out_rung(statuut)
    if rung is None:
        raise InvoerFout(_("Het leerlingenstatuut van de school kent geen time-out."))
    _mag(door, leerling, rung.opleggen_door, _("een time-out voorstellen"), statuut,
         rung.artikel)
    incident, motivering = (incident or "").strip(), (motivering or "").strip()
    if not incident or not motivering:
        raise InvoerFout(_("Beschrijf het incident en de motivering van de time-out."))
    time_out = TimeOut.objects.create(school=leerling.school, leerling=leerling,
                                      statuut=statuut, maatregel=rung, datum=op,
                                      incident=incident, motivering=motivering,
                                      voorgesteld_door=door)
    _stuk(door, time_out, _("Incident en voorstel time-out"), _(
        "%(door)s legt een ernstig incident vast en stelt een time-out voor de rest van de dag "
        "voor. Incident: %(i)s Motivering: %(m)s") % {"door": _naam(door), "i": incident,
                                                      "m": motivering})
    if not rung.goedkeuring_door:
        time_out.goedkeuren(door=door, op=timezone.now())
        time_out.save()
    return time_out


@transaction.atomic
def time_out_goedkeuren(*, door, time_out: TimeOut, goedgekeurd: bool) -> TimeOut:
    time_out = _vergrendeld(time_out)
    rung = time_out.maatregel
    if time_out.status != TimeOutstatus.VOORGESTELD:
        raise InvoerFout(_("Over deze time-out is al beslist (%(s)s).")
                         % {"s": time_out.get_status_display()})
    _mag(door, time_out.leerling, [rung.goedkeuring_door], _("de time-out goedkeuren"),
         time_out.statuut, rung.artikel)
    _zelfde_dag(time_out, _("goedkeuren"))
    nu = timezone.now()
    if goedgekeurd:
        time_out.goedkeuren(door=door, op=nu)
    else:
        time_out.afwijzen(door=door, op=nu)
    time_out.save()
    _stuk(door, time_out, _("Time-out goedgekeurd") if goedgekeurd else _(
        "Time-out niet goedgekeurd"), _("%(w)s door %(n)s op %(d)s om %(t)s.") % {
        "w": _("Goedgekeurd") if goedgekeurd else _("Niet goedgekeurd"), "n": _naam(door),
        "d": datum_kort(timezone.localdate()), "t": f"{timezone.localtime(nu):%H:%M}"})
    return time_out


@transaction.atomic
def ouders_informeren(*, door, time_out: TimeOut, telefoonnotitie: str = "",
                      niet_informeren_gronden: str = "") -> TimeOut:
    """Parents are told at once, with reasons (phone call logged and a letter), unless
    reasonable grounds oppose it; then those grounds are recorded."""
    time_out = _vergrendeld(time_out)
    rung = time_out.maatregel
    # Seed 004: the directeur contacts the parents (the rung's `informeren_door`).
    _mag(door, time_out.leerling, [rung.informeren_door] if rung.informeren_door
         else betrokken_rollen(rung), _("de ouders informeren"), time_out.statuut,
         rung.artikel)
    if time_out.status != TimeOutstatus.GOEDGEKEURD:
        raise InvoerFout(_("De time-out is niet in werking (%(s)s).")
                         % {"s": time_out.get_status_display()})
    if time_out.ouders_gebeld_op or time_out.niet_informeren_gronden:
        raise InvoerFout(_("Het informeren van de ouders is al vastgelegd."))
    telefoonnotitie = (telefoonnotitie or "").strip()
    gronden = (niet_informeren_gronden or "").strip()
    if bool(telefoonnotitie) == bool(gronden):
        raise InvoerFout(_("Leg het telefoongesprek met de ouders vast, of de redelijke gronden "
                           "om hen niet te informeren (één van beide)."))
    if telefoonnotitie:
        time_out.ouders_gebeld_op = timezone.now()
        time_out.telefoonnotitie = telefoonnotitie
        time_out.save(update_fields=["ouders_gebeld_op", "telefoonnotitie"])
        _stuk(door, time_out, _("Ouders gebeld over de time-out"), telefoonnotitie)
        brief_aanvragen(
            door=door, leerling=time_out.leerling, soort="sanctie_time_out",
            sleutel=f"time-out:{time_out.pk}:ouders",
            gegevens={"datum": datum_kort(time_out.datum), "incident": time_out.incident,
                      "maatregel": rung.naam,
                      "motivering": time_out.motivering,
                      "goedgekeurd_door": _naam(time_out.goedgekeurd_door),
                      "grondslag": regels.artikel_tekst(time_out.statuut, [rung.artikel]),
                      # Seed 004: only after the directeur's approval; they sign.
                      "ondertekenaar": brieven.ondertekenaar_van(
                          time_out.goedgekeurd_door, rollen=[Rol.DIRECTIE])},
            datum=timezone.localdate(), bron=time_out, statuut=time_out.statuut)
    else:
        time_out.niet_informeren_gronden = gronden
        time_out.save(update_fields=["niet_informeren_gronden"])
        _stuk(door, time_out, _("Ouders niet geïnformeerd over de time-out"), _(
            "Redelijke gronden om de ouders niet te informeren: %(g)s") % {"g": gronden})
    return time_out


@transaction.atomic
def gesprek_uitnodigen(*, door, time_out: TimeOut, op: datetime, plaats: str,
                       met_wie: str) -> TimeOut:
    time_out = _vergrendeld(time_out)
    rung = time_out.maatregel
    _mag(door, time_out.leerling, betrokken_rollen(rung), _("de ouders uitnodigen"),
         time_out.statuut, rung.artikel)
    if time_out.status != TimeOutstatus.GOEDGEKEURD:
        raise InvoerFout(_("De time-out is niet in werking (%(s)s).")
                         % {"s": time_out.get_status_display()})
    plaats, met_wie = (plaats or "").strip(), (met_wie or "").strip()
    if not plaats or not met_wie:
        raise InvoerFout(_("Vul de plaats in en wie bij het gesprek zijn."))
    lokaal = timezone.localtime(op)
    if lokaal.date() < timezone.localdate():
        raise InvoerFout(_("Het gesprek ligt in het verleden."))
    time_out.gesprek_op = op
    time_out.save(update_fields=["gesprek_op"])
    brief_aanvragen(
        door=door, leerling=time_out.leerling, soort="uitnodiging_gesprek",
        sleutel=f"time-out:{time_out.pk}:gesprek:{lokaal:%Y%m%d%H%M}",
        gegevens={"gesprek_datum": datum_kort(lokaal.date()), "gesprek_tijd": f"{lokaal:%H:%M}",
                  "plaats": plaats, "met_wie": met_wie,
                  "aanleiding": _("de time-out van %(d)s: het incident en de vervolgstappen")
                  % {"d": datum_kort(time_out.datum)}},
        datum=timezone.localdate(), bron=time_out, statuut=time_out.statuut)
    _stuk(door, time_out, _("Uitnodiging gesprek over de time-out"), _(
        "Ouders uitgenodigd op %(d)s om %(t)s, %(p)s, met %(m)s.") % {
        "d": datum_kort(lokaal.date()), "t": f"{lokaal:%H:%M}", "p": plaats, "m": met_wie})
    return time_out


@transaction.atomic
def time_out_afronden(*, door, time_out: TimeOut, verslag: str, getekend_op: date | None,
                      scan=None) -> TimeOut:
    """The report of the talk, seen and signed by the parents, goes into the dossier."""
    time_out = _vergrendeld(time_out)
    rung = time_out.maatregel
    _mag(door, time_out.leerling, betrokken_rollen(rung), _("het verslag vastleggen"),
         time_out.statuut, rung.artikel)
    if time_out.status != TimeOutstatus.GOEDGEKEURD:
        raise InvoerFout(_("De time-out is niet in werking (%(s)s).")
                         % {"s": time_out.get_status_display()})
    if not (time_out.ouders_gebeld_op or time_out.niet_informeren_gronden):
        raise InvoerFout(_("Leg eerst vast dat de ouders zijn geïnformeerd (of waarom niet)."))
    if time_out.gesprek_op is None:
        raise InvoerFout(_("Nodig de ouders eerst uit voor het gesprek."))
    verslag = (verslag or "").strip()
    if not verslag:
        raise InvoerFout(_("Schrijf het verslag van het gesprek met de ouders."))
    if getekend_op is None and scan is None:
        raise InvoerFout(_("Het verslag wordt door de ouders voor gezien getekend: upload de "
                           "getekende scan of vul de datum van ondertekening in."))
    if getekend_op is not None and getekend_op > timezone.localdate():
        raise InvoerFout(_("De datum van ondertekening ligt in de toekomst."))
    time_out.afronden(verslag=verslag, getekend_op=getekend_op, scan=scan)
    time_out.save()
    _stuk(door, time_out, _("Verslag gesprek time-out (getekend)"), _(
        "%(v)s — Voor gezien getekend door de ouders%(d)s%(s)s.") % {
        "v": verslag,
        "d": (" " + _("op %(d)s") % {"d": datum_kort(getekend_op)}) if getekend_op else "",
        "s": (" " + _("(scan: %(n)s)") % {"n": time_out.verslag_scan.name})
        if time_out.verslag_scan else ""})
    return time_out
