"""The time-out rung of the statuut's ladder (seed 004; Noordgouw art. 22.4 d)."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import dossier
from dossiers.brieven.services import brief_aanvragen
from dossiers.documenten import document_koppelen
from dossiers.models import Document, Leerling
from statuut.hulp import artikel_tekst, naam_van, vandaag, vergrendeld
from statuut.models import Dossiersectie, Maatregelsoort, Statuut
from statuut.services import InvoerFout

from . import brieven, overdracht, regels, stappen, toegang
from .models import TimeOut
from .regels import datum_kort


def time_out_rung(statuut: Statuut) -> Maatregelsoort | None:
    return statuut.maatregelen.filter(soort=Maatregelsoort.Soort.TIME_OUT).first()


def _stuk(door, time_out: TimeOut, titel: str, inhoud: str, datum: date | None = None):
    return dossier.stuk_toevoegen(door=door, leerling=time_out.leerling,
                                  sectie=Dossiersectie.GEDRAG, titel=titel, inhoud=inhoud,
                                  datum=datum or vandaag(), bron=time_out,
                                  controleer=False)


#: A time-out's row with what its steps read; locked through `hulp.vergrendeld`.
_TIME_OUTS = TimeOut.objects.select_related("leerling", "school", "statuut", "maatregel")


def goedkeuren(rung: Maatregelsoort) -> list:
    """Who approves before it takes effect (seed 004: the directeur)."""
    return [(toegang.GOEDKEUREN, rung.code)]


def betrokken(rung: Maatregelsoort) -> list:
    """Who takes part in a time-out: who gives it, approves it or informs the parents."""
    return [*regels.opleggen(rung), *goedkeuren(rung), (toegang.INFORMEREN, rung.code)]


def informeren(rung: Maatregelsoort, gezag: toegang.Gezag) -> list:
    """Who informs the parents: whom the statuut names (seed 004: the directeur), else
    whoever takes part."""
    eigen = [(toegang.INFORMEREN, rung.code)]
    return eigen if gezag.heeft(eigen) else betrokken(rung)


def is_geinformeerd(time_out: TimeOut) -> bool:
    return bool(time_out.ouders_gebeld_op or time_out.niet_informeren_gronden)


#: The steps of a time-out, in the order the page shows them.
STAPPEN = ("goedkeuren", "informeren", "uitnodigen", "afronden")


def voorstel_weigering(user, leerling: Leerling, *, op: date | None = None,
                       gezag: toegang.Gezag | None = None) -> stappen.Weigering | None:
    """Why `user` cannot record a time-out for `leerling` today, or None: the pupil page's
    link, the form's page and the service ask this one check (seed 004; Noordgouw art.
    22.4 d)."""
    op = op or timezone.localdate()
    if gezag is None:
        try:
            statuut = regels.statuut_in_werking(leerling.school, op)
        except InvoerFout as fout:
            return stappen.niet_nu(str(fout))
        gezag = toegang.Gezag(statuut, user=user, leerling=leerling, op=op)
    rung = time_out_rung(gezag.statuut)
    if rung is None:  # the statuut's ladder has no time-out rung (Echnaton)
        return stappen.niet_nu(_("Het leerlingenstatuut van de school kent geen time-out."))
    return stappen.rol_weigering(gezag, regels.opleggen(rung), _("een time-out voorstellen"),
                                 rung.artikel)


def weigering(user, time_out: TimeOut, stap: str, *, nu: datetime | None = None,
              gezag: toegang.Gezag | None = None) -> stappen.Weigering | None:
    """Why `user` cannot take `stap` on `time_out` now, or None: the one check that both the
    service (first) and the page (to offer the step) ask. Seed 004; Noordgouw art. 22.4 d.
    The states are the transitions' (`TimeOut.goedkeuren`, `afronden`); who may, the rows of
    the time-out's statuut."""
    nu = nu or timezone.now()
    rung = time_out.maatregel
    gezag = gezag or toegang.gezag(user, time_out.leerling, statuut=time_out.statuut)
    def rol(paren, wat):
        # Who takes part in the time-out (proposes, approves, informs) is told who must act
        # (asked only here: a step refused for the time-out's state reads no rows).
        return stappen.rol_weigering(gezag, paren, wat, rung.artikel,
                                     toon=gezag.houdt(betrokken(rung)))

    if stap == "goedkeuren":
        if w := stappen.overgang_weigering(time_out, "goedkeuren", _(
                "Over deze time-out is al beslist (%(s)s).")
                % {"s": time_out.get_status_display()}):
            return w
        if (w := rol(goedkeuren(rung), _("de time-out goedkeuren"))) is not None:
            return w
        if timezone.localdate(nu) != time_out.datum:
            # Seed 004: "duurt niet langer dan de dag waarop deze in werking is getreden".
            return stappen.niet_nu(_("Een time-out duurt niet langer dan de dag waarop hij "
                                     "inging (%(d)s): goedkeuren kan nu niet meer.")
                                   % {"d": datum_kort(time_out.datum)})
        return None
    if stap not in STAPPEN:
        return stappen.niet_nu(_("Onbekende stap."))
    # The follow-up (informing, the talk, the signed report) comes while it is approved and
    # not yet closed (the source of `afronden`), also after the day itself.
    if w := stappen.overgang_weigering(time_out, "afronden", _(
            "Bij deze time-out kan dat niet (meer): hij is %(s)s.")
            % {"s": time_out.get_status_display()}):
        return w
    if stap == "informeren":
        # Seed 004: the directeur contacts the parents (the rung's `maatregel.informeren`).
        if (w := rol(informeren(rung, gezag), _("de ouders informeren"))) is not None:
            return w
        if is_geinformeerd(time_out):
            return stappen.niet_nu(_("Het informeren van de ouders is al vastgelegd."))
        return None
    if stap == "uitnodigen":
        if (w := rol(betrokken(rung), _("de ouders uitnodigen"))) is not None:
            return w
        if time_out.gesprek_op is not None:
            lokaal = timezone.localtime(time_out.gesprek_op)
            return stappen.niet_nu(_("De ouders zijn al uitgenodigd voor %(d)s om %(t)s.")
                                   % {"d": datum_kort(lokaal.date()), "t": f"{lokaal:%H:%M}"})
        return None
    # afronden
    if (w := rol(betrokken(rung), _("het verslag vastleggen"))) is not None:
        return w
    if not is_geinformeerd(time_out):
        return stappen.Weigering(_("Leg eerst vast dat de ouders zijn geïnformeerd (of waarom "
                                   "niet)."))
    if time_out.gesprek_op is None:
        return stappen.Weigering(_("Nodig de ouders eerst uit voor het gesprek."))
    if nu < time_out.gesprek_op:
        lokaal = timezone.localtime(time_out.gesprek_op)
        return stappen.Weigering(_(
            "Het gesprek met de ouders is op %(d)s om %(t)s. Het verslag van dat gesprek, door "
            "de ouders getekend, legt u vast nadat het gesprek heeft plaatsgevonden.")
            % {"d": datum_kort(lokaal.date()), "t": f"{lokaal:%H:%M}"})
    return None


def aanbod(user, time_out: TimeOut) -> tuple[list[str], list[tuple[str, str]]]:
    """The steps the services accept from `user` now, and why the others of this stand
    wait: the same check as the services."""
    gezag = toegang.gezag(user, time_out.leerling, statuut=time_out.statuut)
    return stappen.aanbod(STAPPEN, lambda stap: weigering(user, time_out, stap, gezag=gezag))


def _ondertekenrollen(time_out: TimeOut) -> list[str]:
    """The role in which the approver approved (or, without an approver, gave it)."""
    rung = time_out.maatregel
    gezag = toegang.gezag(time_out.goedgekeurd_door, time_out.leerling,
                          statuut=time_out.statuut, op=time_out.datum)
    for paren in (goedkeuren(rung), regels.opleggen(rung)):
        gehouden = gezag.gehouden(paren)
        if rollen := [r for r in gezag.rollen(paren) if r in gehouden]:
            return rollen
    return []


@transaction.atomic
def time_out_voorstellen(*, door, leerling: Leerling, incident: str, motivering: str
                         ) -> TimeOut:
    """Record the serious incident and propose a time-out for the rest of the day. Without
    an approver in the statuut's rung, it takes effect at once."""
    op = vandaag()
    statuut = regels.statuut_in_werking(leerling.school, op)
    stappen.toetsen(voorstel_weigering(door, leerling, op=op))
    rung = time_out_rung(statuut)
    incident, motivering = (incident or "").strip(), (motivering or "").strip()
    if not incident or not motivering:
        raise InvoerFout(_("Beschrijf het incident en de motivering van de time-out."))
    time_out = TimeOut.objects.create(school=leerling.school, leerling=leerling,
                                      statuut=statuut, maatregel=rung, datum=op,
                                      incident=incident, motivering=motivering,
                                      voorgesteld_door=door)
    _stuk(door, time_out, _("Incident en voorstel time-out"), _(
        "%(door)s legt een ernstig incident vast en stelt een time-out voor de rest van de dag "
        "voor. Incident: %(i)s Motivering: %(m)s") % {"door": naam_van(door), "i": incident,
                                                      "m": motivering})
    if not toegang.Gezag(statuut).heeft(goedkeuren(rung)):
        time_out.goedkeuren(door=door, op=timezone.now())
        time_out.save()
    else:
        overdracht.goedkeuring_vragen(door=door, time_out=time_out)
    return time_out


@transaction.atomic
def time_out_goedkeuren(*, door, time_out: TimeOut, goedgekeurd: bool) -> TimeOut:
    time_out = vergrendeld(_TIME_OUTS, time_out)
    nu = timezone.now()
    stappen.toetsen(weigering(door, time_out, "goedkeuren", nu=nu))
    if goedgekeurd:
        time_out.goedkeuren(door=door, op=nu)
    else:
        time_out.afwijzen(door=door, op=nu)
    time_out.save()
    overdracht.besluit_genomen(time_out)
    _stuk(door, time_out, _("Time-out goedgekeurd") if goedgekeurd else _(
        "Time-out niet goedgekeurd"), _("%(w)s door %(n)s op %(d)s om %(t)s.") % {
        "w": _("Goedgekeurd") if goedgekeurd else _("Niet goedgekeurd"), "n": naam_van(door),
        "d": datum_kort(vandaag()), "t": f"{timezone.localtime(nu):%H:%M}"})
    return time_out


@transaction.atomic
def ouders_informeren(*, door, time_out: TimeOut, telefoonnotitie: str = "",
                      niet_informeren_gronden: str = "") -> TimeOut:
    """Parents are told at once, with reasons (phone call logged and a letter), unless
    reasonable grounds oppose it; then those grounds are recorded."""
    time_out = vergrendeld(_TIME_OUTS, time_out)
    rung = time_out.maatregel
    stappen.toetsen(weigering(door, time_out, "informeren"))
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
                      "goedgekeurd_door": naam_van(time_out.goedgekeurd_door),
                      "grondslag": artikel_tekst(time_out.statuut, [rung.artikel]),
                      # Seed 004: only after the directeur's approval; they sign.
                      "ondertekenaar": brieven.ondertekenaar_van(
                          time_out.goedgekeurd_door, rollen=_ondertekenrollen(time_out))},
            datum=vandaag(), bron=time_out, statuut=time_out.statuut)
    else:
        time_out.niet_informeren_gronden = gronden
        time_out.save(update_fields=["niet_informeren_gronden"])
        _stuk(door, time_out, _("Ouders niet geïnformeerd over de time-out"), _(
            "Redelijke gronden om de ouders niet te informeren: %(g)s") % {"g": gronden})
    return time_out


@transaction.atomic
def gesprek_uitnodigen(*, door, time_out: TimeOut, op: datetime, plaats: str,
                       met_wie: str) -> TimeOut:
    time_out = vergrendeld(_TIME_OUTS, time_out)
    stappen.toetsen(weigering(door, time_out, "uitnodigen"))
    plaats, met_wie = (plaats or "").strip(), (met_wie or "").strip()
    if not plaats or not met_wie:
        raise InvoerFout(_("Vul de plaats in en wie bij het gesprek zijn."))
    lokaal = timezone.localtime(op)
    if lokaal.date() < vandaag():
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
        datum=vandaag(), bron=time_out, statuut=time_out.statuut)
    _stuk(door, time_out, _("Uitnodiging gesprek over de time-out"), _(
        "Ouders uitgenodigd op %(d)s om %(t)s, %(p)s, met %(m)s.") % {
        "d": datum_kort(lokaal.date()), "t": f"{lokaal:%H:%M}", "p": plaats, "m": met_wie})
    return time_out


@transaction.atomic
def time_out_afronden(*, door, time_out: TimeOut, verslag: str, getekend_op: date | None,
                      document: Document | None = None) -> TimeOut:
    """The report of the talk, seen and signed by the parents, goes into the dossier (seed
    004), with the scan as a dossier document when one was uploaded
    (`dossiers.documenten.document_uploaden`)."""
    time_out = vergrendeld(_TIME_OUTS, time_out)
    stappen.toetsen(weigering(door, time_out, "afronden"))
    verslag = (verslag or "").strip()
    if not verslag:
        raise InvoerFout(_("Schrijf het verslag van het gesprek met de ouders."))
    if getekend_op is None and document is None:
        raise InvoerFout(_("Het verslag wordt door de ouders voor gezien getekend: upload de "
                           "getekende scan of vul de datum van ondertekening in."))
    if document is not None and (document.leerling_id != time_out.leerling_id
                                 or document.dossierstuk_id is not None):
        raise InvoerFout(_("Dit bestand hoort niet (meer) bij dit formulier. Kies het "
                           "bestand opnieuw."))
    if getekend_op is not None and getekend_op > vandaag():
        raise InvoerFout(_("De datum van ondertekening ligt in de toekomst."))
    gesprek = timezone.localtime(time_out.gesprek_op).date()
    if getekend_op is not None and getekend_op < gesprek:
        raise InvoerFout(_("Het verslag kan niet eerder getekend zijn dan het gesprek waarvan "
                           "het verslag is (%(g)s): de datum van ondertekening is %(d)s. "
                           "Controleer de datum.")
                         % {"g": datum_kort(gesprek), "d": datum_kort(getekend_op)})
    time_out.afronden(verslag=verslag, getekend_op=getekend_op, document=document)
    time_out.save()
    stuk = _stuk(door, time_out, _("Verslag gesprek time-out (getekend)"), _(
        "%(v)s — Voor gezien getekend door de ouders%(d)s%(s)s.") % {
        "v": verslag,
        "d": (" " + _("op %(d)s") % {"d": datum_kort(getekend_op)}) if getekend_op else "",
        "s": (" " + _("(scan: %(n)s)") % {"n": document.bestandsnaam}) if document else ""})
    if document is not None:
        document_koppelen(document=document, stuk=stuk)
    return time_out
