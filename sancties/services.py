"""The acts of a schorsing, each one service: lock, check the policy (`dossiers.toegang`)
and the statuut's rules, transition, write the dossier entry (section gedrag, the schorsing
as source), open or close deadlines, request letters, in one transaction.

Every refusal is an `InvoerFout` with a Dutch message; nothing is written then.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import dossier
from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Leerling, Verwijdergrond, Verzendwijze
from statuut import kalender
from statuut.hulp import (
    aantal_tekst,
    artikel_tekst,
    leeftijd,
    naam_van,
    vandaag,
    vergrendeld,
)
from statuut.models import Dossiersectie, Eenheid, Partij, Termijnstart
from statuut.services import InvoerFout, termijn_openen, termijn_voldaan

from . import brieven, overdracht, regels, toegang
from .models import VERWIJDERING_GESLOTEN, Ernst, Schorsing
from .regels import datum_kort
from .schorsingstappen import (  # noqa: F401  (besluitbrief: re-exported)
    besluitbrief,
    opleggen_tekst,
    ouders_horen_weigering,
    voorstel_weigering,
    weigering,
)
from .stappen import rol_weigering, toetsen

GEDRAG = Dossiersectie.GEDRAG


#: A sanction's row with what its steps read; locked through `hulp.vergrendeld`.
_SCHORSINGEN = Schorsing.objects.select_related("leerling", "school", "statuut", "maatregel")


def _stuk(door, schorsing: Schorsing, titel: str, inhoud: str, datum: date | None = None):
    return dossier.stuk_toevoegen(door=door, leerling=schorsing.leerling, sectie=GEDRAG,
                                  titel=titel, inhoud=inhoud, datum=datum or vandaag(),
                                  bron=schorsing, controleer=False)


def bezwaarrol(statuut) -> str:
    """The staff role answerable for a bezwaar's deadlines: the first that acts for whom the
    statuut has decide on it (the bevoegd gezag, through the directie)."""
    rollen = toegang.Gezag(statuut).rollen([(toegang.SCHORSING_BEZWAAR_BESLISSEN, "")])
    return rollen[0] if rollen else ""


def _laatste_dag(school, eerste_dag: date, schooldagen: int) -> date:
    try:
        return regels.laatste_schooldag(school, eerste_dag, schooldagen)
    except kalender.KalenderOnbekend as exc:
        raise InvoerFout(str(exc)) from exc


# --- proposal and hearing ------------------------------------------------------------------


def _lopende_verwijdering(leerling: Leerling):
    from .models import Verwijdering

    return Verwijdering.objects.filter(leerling=leerling).exclude(
        status__in=VERWIJDERING_GESLOTEN).first()


@transaction.atomic
def schorsing_voorstellen(*, door, leerling: Leerling, gronden: list[str], ernst: str,
                          feiten: str, eerste_dag: date, schooldagen: int,
                          tijdens_verwijdering: bool = False,
                          ontzegging: bool = False) -> Schorsing:
    """Record the incident and propose a schorsing (concept); optionally for the duration of
    the pupil's running verwijdering procedure, where the statuut allows that.

    `ontzegging`: propose an "ontzegging van de toegang" (Echnaton art. 8.3), the schorsing
    pending a verwijdering, on the verwijdering's grounds, by whom its rung names."""
    op = vandaag()
    toetsen(voorstel_weigering(door, leerling, ontzegging=ontzegging, op=op))
    statuut = regels.statuut_in_werking(leerling.school, op)
    rung = None
    if ontzegging:
        rung = regels.ontzegging_rung(statuut)
        toegestaan = statuut.verwijdering_gronden
    else:
        toegestaan = statuut.schorsing_gronden
        if tijdens_verwijdering and regels.ontzegging_rung(statuut) is not None:
            raise InvoerFout(_("Volgens %(g)s is een schorsing tijdens de "
                               "verwijderingsprocedure een ontzegging van de toegang: stel die "
                               "voor vanaf de pagina van de leerling.")
                             % {"g": artikel_tekst(
                                 statuut, [regels.ontzegging_rung(statuut).artikel])})
    gronden = [g for g in gronden if g]
    if not gronden:
        raise InvoerFout(_("Kies ten minste één grond uit het leerlingenstatuut."))
    onbekend = [g for g in gronden if g not in toegestaan]
    if onbekend:
        raise InvoerFout(_("Deze grond staat niet in het leerlingenstatuut: %(g)s. Kies uit de "
                           "lijst.") % {"g": "; ".join(onbekend)})
    if ernst not in Ernst.values:
        raise InvoerFout(_("Kies de ernst: onacceptabel, ernstig of zeer ernstig."))
    feiten = (feiten or "").strip()
    if not feiten:
        raise InvoerFout(_("Beschrijf de feiten: wat is er gebeurd, wanneer en waar."))
    verwijdering = None
    if tijdens_verwijdering or ontzegging:
        verwijdering = _lopende_verwijdering(leerling)
        if verwijdering is None and ontzegging:
            raise InvoerFout(_("Een ontzegging van de toegang kan alleen hangende een "
                               "verwijderingsprocedure (%(g)s). Voor deze leerling loopt geen "
                               "verwijderingsprocedure: stel eerst de verwijdering voor.")
                             % {"g": artikel_tekst(statuut, [rung.artikel])})
        if verwijdering is None:
            raise InvoerFout(_("Voor deze leerling loopt geen verwijderingsprocedure."))
    if ontzegging:
        maatregel = regels.ontzegging_maatregel(statuut, schooldagen)
    else:
        maatregel = regels.schorsing_maatregel(statuut, schooldagen,
                                               tijdens_verwijdering=verwijdering is not None)
    if eerste_dag < op:
        raise InvoerFout(_("De eerste dag van de %(w)s ligt in het verleden.")
                         % {"w": _("ontzegging") if ontzegging else _("schorsing")})
    laatste = _laatste_dag(leerling.school, eerste_dag, schooldagen)
    schorsing = Schorsing.objects.create(
        school=leerling.school, leerling=leerling, gronden=gronden, ernst=ernst, feiten=feiten,
        eerste_dag=eerste_dag, schooldagen=schooldagen, laatste_dag=laatste,
        voorgesteld_door=door, voorgesteld_op=op, verwijdering=verwijdering,
        ontzegging=ontzegging,
    )
    _stuk(door, schorsing, _("Voorstel tot %(w)s") % {"w": schorsing.naamwoord}, _(
        "%(door)s stelt een %(w)s voor van %(n)s, van %(v)s tot en met "
        "%(t)s. Grond: %(g)s. Ernst: %(e)s. Feiten: %(f)s"
    ) % {"door": naam_van(door), "w": schorsing.naamwoord,
         "n": aantal_tekst(schooldagen, Eenheid.SCHOOLDAGEN),
         "v": datum_kort(eerste_dag), "t": datum_kort(laatste), "g": "; ".join(gronden),
         "e": Ernst(ernst).label,
         "f": feiten})
    overdracht.besluit_vragen(door=door, schorsing=schorsing, maatregel=maatregel)
    return schorsing


@transaction.atomic
def hoorgesprek_plannen(*, door, schorsing: Schorsing, op: datetime, plaats: str) -> Schorsing:
    """Plan the hearing; parents under the statuut's age are invited by letter."""
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    toetsen(weigering(door, schorsing, "plannen"))
    statuut = regels.statuut_in_werking(schorsing.school, vandaag())
    plaats = (plaats or "").strip()
    if not plaats:
        raise InvoerFout(_("Vul de plaats van het hoorgesprek in."))
    if timezone.localtime(op).date() < vandaag():
        raise InvoerFout(_("Het hoorgesprek ligt in het verleden; kies een datum vanaf "
                           "vandaag."))
    schorsing.plan_hoorgesprek(op=op, plaats=plaats)
    schorsing.save()
    lokaal = timezone.localtime(op)
    leerling = schorsing.leerling
    ouders_erbij = leeftijd(leerling.geboortedatum, lokaal.date()) < (
        statuut.ouders_horen_onder_leeftijd)
    _stuk(door, schorsing, _("Hoorgesprek gepland"), _(
        "Hoorgesprek over de voorgestelde schorsing op %(d)s om %(t)s, %(p)s.%(o)s"
    ) % {"d": datum_kort(lokaal.date()), "t": f"{lokaal:%H:%M}", "p": plaats,
         "o": (" " + _("De ouders worden uitgenodigd (leerling jonger dan %(n)d jaar).")
               % {"n": statuut.ouders_horen_onder_leeftijd}) if ouders_erbij else ""})
    if ouders_erbij:
        brief_aanvragen(
            door=door, leerling=leerling, soort="uitnodiging_gesprek",
            sleutel=f"schorsing:{schorsing.pk}:horen:{lokaal:%Y%m%d%H%M}",
            gegevens={"gesprek_datum": datum_kort(lokaal.date()),
                      "gesprek_tijd": f"{lokaal:%H:%M}", "plaats": plaats,
                      "aanleiding": _("het voornemen om %(n)s te schorsen; de leerling wordt "
                                      "gehoord in uw bijzijn")
                      % {"n": leerling.roepnaam},
                      "met_wie": regels.rollen_tekst(regels.horen_rollen(statuut))},
            datum=vandaag(), bron=schorsing, statuut=statuut,
        )
    return schorsing


@transaction.atomic
def hoorgesprek_vastleggen(*, door, schorsing: Schorsing, gehoord_op: date, gehoord_door,
                           ouders_aanwezig: bool, verslag: str) -> Schorsing:
    """Record the hearing: who heard the pupil, whether parents were there, the report."""
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    if gehoord_op > vandaag():
        raise InvoerFout(_("Een hoorgesprek in de toekomst kan nog niet worden vastgelegd."))
    # The statuut in force on the day of the hearing, for the check as for the rules below.
    toetsen(weigering(door, schorsing, "horen", op=gehoord_op))
    statuut = regels.statuut_in_werking(schorsing.school, gehoord_op)
    paren, samen = regels.horen(statuut)
    rollen = toegang.Gezag(statuut).rollen(paren)
    verslag = (verslag or "").strip()
    if not verslag:
        raise InvoerFout(_("Schrijf het verslag van het hoorgesprek (hoor en wederhoor)."))
    hoorders = list(gehoord_door)
    if not hoorders:
        raise InvoerFout(_("Kies wie de leerling hebben gehoord."))
    gedekt: set[str] = set()
    for hoorder in hoorders:
        gedekt |= toegang.gezag(hoorder, schorsing.leerling, statuut=statuut,
                                op=gehoord_op).gehouden(paren)
    ontbreekt = [r for r in rollen if r not in gedekt]
    # The statuut's rows hear together: all of them; without rows, one who may impose.
    if (samen and ontbreekt) or not (gedekt & set(rollen)):
        raise InvoerFout(_("Volgens het leerlingenstatuut wordt de leerling gehoord door: "
                           "%(r)s. Ontbreekt bij de gekozen personen: %(o)s.")
                         % {"r": regels.rollen_tekst(rollen),
                            "o": regels.rollen_tekst(ontbreekt or rollen)})
    # Refused here, at the hearing, not only later at the decision (issue 12 point 6).
    toetsen(ouders_horen_weigering(schorsing, statuut, gehoord_op=gehoord_op,
                                   ouders_aanwezig=ouders_aanwezig))
    schorsing.horen(op=gehoord_op, ouders_aanwezig=ouders_aanwezig, verslag=verslag)
    schorsing.save()
    schorsing.gehoord_door.set(hoorders)
    _stuk(door, schorsing, _("Verslag hoorgesprek schorsing"), _(
        "Gehoord op %(d)s door %(w)s; ouders %(o)s. Verslag: %(v)s"
    ) % {"d": datum_kort(gehoord_op), "w": ", ".join(naam_van(h) for h in hoorders),
         "o": _("aanwezig") if ouders_aanwezig else _("niet aanwezig"), "v": verslag},
        datum=gehoord_op)
    return schorsing


# --- decision and bekendmaking -------------------------------------------------------------


def _gegevens_besluit(schorsing: Schorsing, statuut, maatregel, inspectie: bool) -> dict:
    nummers = [maatregel.artikel]
    teken = brieven.ondertekenaar_van(schorsing.besloten_door,
                                      rollen=regels.gemandateerd(maatregel),
                                      mandaat_van=maatregel.mandaat_van)
    gegevens = {
        "maatregel": brieven.maatregel_in_brief(maatregel, schorsing.schooldagen),
        "eerste_dag": datum_kort(schorsing.eerste_dag),
        "laatste_dag": datum_kort(schorsing.laatste_dag),
        "schooldagen": str(schorsing.schooldagen),
        "duur": aantal_tekst(schorsing.schooldagen, Eenheid.SCHOOLDAGEN),
        "gronden": "; ".join(schorsing.gronden),
        "ernst": str(Ernst(schorsing.ernst).label),
        "feiten": schorsing.feiten,
        "motivering": schorsing.motivering,
        "opdrachten": schorsing.opdrachten,
        "gehoord_op": datum_kort(schorsing.gehoord_op) if schorsing.gehoord_op else "",
        "inspectie": inspectie,
        "grondslag": artikel_tekst(statuut, nummers),
        # Issue 12: the letter names who decided, with their function, and who signs.
        "mandaat": brieven.genomen_door(teken),
        "ondertekenaar": teken,
    }
    if schorsing.verwijdering_id:
        gegevens["verwijdering_sinds"] = datum_kort(schorsing.verwijdering.voorgesteld_op)
    if statuut.bezwaar_schorsing_mogelijk and schorsing.termijn_bezwaar is not None:
        gegevens["rechtsmiddel"] = brieven.bezwaar(
            bij=regels.bezwaar_bij(statuut, toegang.SCHORSING_BEZWAAR_BESLISSEN),
            aantal=statuut.bezwaar_termijn_aantal,
            eenheid=statuut.bezwaar_termijn_eenheid,
            vervaldatum=schorsing.termijn_bezwaar.vervaldatum)
    else:
        gegevens["geen_bezwaar"] = _("Volgens het leerlingenstatuut van de school kan tegen "
                                     "dit besluit geen bezwaar worden gemaakt.")
    beroep = brieven.intern_beroep(statuut, maatregel)
    if beroep is not None:
        gegevens["beroep"] = beroep
    return gegevens


def _brief_partijen(statuut, inspectie: bool) -> tuple[str, ...]:
    """Copies of the decision: the statuut's parties besides pupil and parents (who get the
    letter itself); the inspectie only when this schorsing is reported to it."""
    uit = []
    for p in statuut.schorsing_informeren:
        if p in (Partij.OUDERS, Partij.LEERLING, Partij.DIRECTIE, Partij.TEAMLEIDER):
            continue
        if p == Partij.INSPECTIE and not inspectie:
            continue
        uit.append(p)
    return tuple(uit)


@transaction.atomic
def schorsing_besluiten(*, door, schorsing: Schorsing, eerste_dag: date, schooldagen: int,
                        motivering: str, opdrachten: str,
                        bevoegd_gezag_geinformeerd_op: date | None = None) -> Schorsing:
    """Decide the schorsing in writing, with the statuut in force today."""
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    op = vandaag()
    toetsen(weigering(door, schorsing, "besluiten", op=op))
    leerling = schorsing.leerling
    statuut = regels.statuut_in_werking(schorsing.school, op)
    if schorsing.ontzegging:
        maatregel = regels.ontzegging_maatregel(statuut, schooldagen)
    else:
        maatregel = regels.schorsing_maatregel(
            statuut, schooldagen, tijdens_verwijdering=schorsing.verwijdering_id is not None)
    # Issue 12: a measure's name follows its length ("een schorsing van 2 schooldagen", not
    # "een driedaagse schorsing (2 schooldagen)").
    naam = brieven.maatregel_in_brief(maatregel, schooldagen)
    toetsen(rol_weigering(toegang.gezag(door, leerling, statuut=statuut, op=op),
                          regels.opleggen(maatregel), opleggen_tekst(maatregel, schooldagen),
                          maatregel.artikel, niveau=regels.niveau(maatregel, schooldagen)))
    if statuut.schorsing_bekendmaking_vooraf and eerste_dag <= op:
        raise InvoerFout(_("Volgens het leerlingenstatuut wordt een schorsing vooraf "
                           "schriftelijk bekendgemaakt: de eerste dag moet na vandaag (%(d)s) "
                           "liggen.") % {"d": datum_kort(op)})
    if eerste_dag < op:
        raise InvoerFout(_("De eerste dag van de schorsing ligt in het verleden."))
    if Partij.BEVOEGD_GEZAG in maatregel.informeren_vooraf:
        if bevoegd_gezag_geinformeerd_op is None:
            raise InvoerFout(_("Het bevoegd gezag wordt vooraf over de voorgenomen schorsing "
                               "geïnformeerd (%(g)s): vul in wanneer dat is gebeurd.")
                             % {"g": artikel_tekst(statuut, [maatregel.artikel])})
        if bevoegd_gezag_geinformeerd_op > op:
            raise InvoerFout(_("De datum waarop het bevoegd gezag is geïnformeerd ligt in de "
                               "toekomst."))
    motivering = (motivering or "").strip()
    if not motivering:
        raise InvoerFout(_("Een schorsing wordt met opgave van redenen besloten: vul de "
                           "motivering in."))
    laatste = _laatste_dag(schorsing.school, eerste_dag, schooldagen)
    inspectie = schooldagen > statuut.schorsing_inspectie_boven_schooldagen
    schorsing.eerste_dag, schorsing.schooldagen, schorsing.laatste_dag = (
        eerste_dag, schooldagen, laatste)
    schorsing.besluiten(door=door, op=op, statuut=statuut, maatregel=maatregel,
                        motivering=motivering, opdrachten=(opdrachten or "").strip(),
                        inspectie_melden=inspectie,
                        bevoegd_gezag_geinformeerd_op=bevoegd_gezag_geinformeerd_op)
    if inspectie:
        schorsing.termijn_inspectie = termijn_openen(
            school=schorsing.school, omschrijving=_("%(w)s %(k)s melden aan de inspectie")
            % {"w": schorsing.naamwoord.capitalize(), "k": schorsing.kenmerk},
            startdatum=op, aantal=statuut.schorsing_inspectie_termijn_aantal,
            eenheid=statuut.schorsing_inspectie_termijn_eenheid,
            regel=_("melding schorsing langer dan %(n)s")
            % {"n": aantal_tekst(statuut.schorsing_inspectie_boven_schooldagen,
                                 Eenheid.SCHOOLDAGEN)},
            onderwerp=schorsing, verantwoordelijke=door)
    if statuut.bezwaar_schorsing_mogelijk and statuut.bezwaar_termijn_aantal:
        schorsing.termijn_bezwaar = termijn_openen(
            school=schorsing.school,
            omschrijving=_("Termijn voor bezwaar tegen %(w)s %(k)s")
            % {"w": schorsing.naamwoord, "k": schorsing.kenmerk},
            startdatum=op, aantal=statuut.bezwaar_termijn_aantal,
            eenheid=statuut.bezwaar_termijn_eenheid, regel=_("bezwaar tegen schorsing"),
            onderwerp=schorsing, verantwoordelijke_rol=bezwaarrol(statuut))
    schorsing.save()
    _stuk(door, schorsing, _("Besluit tot %(w)s") % {"w": schorsing.naamwoord}, _(
        "%(door)s besluit tot %(m)s van %(v)s tot en met %(t)s (%(n)s). "
        "Motivering: %(mot)s%(opd)s"
    ) % {"door": naam_van(door), "m": naam.lower(), "v": datum_kort(eerste_dag),
         "t": datum_kort(laatste), "n": aantal_tekst(schooldagen, Eenheid.SCHOOLDAGEN),
         "mot": motivering,
         "opd": (" " + _("Tijdens de schorsing: %(o)s") % {"o": schorsing.opdrachten})
         if schorsing.opdrachten else ""})
    brief_aanvragen(
        door=door, leerling=leerling,
        soort="sanctie_ontzegging_besluit" if schorsing.ontzegging else "sanctie_schorsing_besluit",
        sleutel=f"schorsing:{schorsing.pk}:besluit",
        gegevens=_gegevens_besluit(schorsing, statuut, maatregel, inspectie), datum=op,
        partijen=_brief_partijen(statuut, inspectie), bron=schorsing, statuut=statuut,
        zonder=() if inspectie else (Partij.INSPECTIE,))
    overdracht.besluit_genomen(schorsing)
    return schorsing


@transaction.atomic
def schorsing_bekendmaken(*, door, schorsing: Schorsing) -> Schorsing:
    """Record that the written decision went to pupil and parents (never published)."""
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    toetsen(weigering(door, schorsing, "bekendmaken"))
    brief = besluitbrief(schorsing)
    # Made known on the day its letter went out (recorded on the letter by the outbox).
    op = timezone.localdate(brief.verzonden_op)
    schorsing.bekendmaken(op=op)
    schorsing.save()
    _stuk(door, schorsing, _("Besluit tot %(w)s bekendgemaakt") % {"w": schorsing.naamwoord}, _(
        "Het schriftelijke besluit is op %(d)s bekendgemaakt aan %(a)s: de brief is op %(d)s "
        "%(wijze)s (niet algemeen bekendgemaakt)."
    ) % {"d": datum_kort(op), "a": ", ".join(o.naam for o in brief.ontvangers.all()),
         "wijze": _("per e-mail verzonden") if brief.verzendwijze == Verzendwijze.EMAIL
         else _("afgedrukt en per post verstuurd")})
    return schorsing


@transaction.atomic
def schorsing_ingaan(*, door, schorsing: Schorsing) -> Schorsing:
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    op = vandaag()
    toetsen(weigering(door, schorsing, "ingaan", op=op))
    schorsing.ingaan(op=op)
    schorsing.save()
    _stuk(door, schorsing, _("%(w)s ingegaan") % {"w": schorsing.naamwoord.capitalize()}, _(
        "De %(w)s is ingegaan op %(d)s; de leerling heeft tot en met %(t)s geen toegang "
        "tot de school.") % {"w": schorsing.naamwoord, "d": datum_kort(op),
                           "t": datum_kort(schorsing.laatste_dag)})
    return schorsing


@transaction.atomic
def gesprek_ouders_plannen(*, door, schorsing: Schorsing, op: datetime, plaats: str,
                           met_wie: str) -> Schorsing:
    """Seed 004: the parents are invited to a talk about the measure, exploring solutions;
    only where the rung asks for that talk."""
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    toetsen(weigering(door, schorsing, "gesprek"))
    plaats, met_wie = (plaats or "").strip(), (met_wie or "").strip()
    if not plaats or not met_wie:
        raise InvoerFout(_("Vul de plaats in en wie bij het gesprek zijn."))
    lokaal = timezone.localtime(op)
    if lokaal.date() < vandaag():
        raise InvoerFout(_("Het gesprek ligt in het verleden."))
    schorsing.gesprek_ouders_op = op
    schorsing.save(update_fields=["gesprek_ouders_op"])
    brief_aanvragen(
        door=door, leerling=schorsing.leerling, soort="uitnodiging_gesprek",
        sleutel=f"schorsing:{schorsing.pk}:gesprek:{lokaal:%Y%m%d%H%M}",
        gegevens={"gesprek_datum": datum_kort(lokaal.date()), "gesprek_tijd": f"{lokaal:%H:%M}",
                  "plaats": plaats, "met_wie": met_wie,
                  "aanleiding": _("de schorsing van %(n)s en de mogelijkheden voor de opvang "
                                  "op school") % {"n": schorsing.leerling.roepnaam}},
        datum=vandaag(), bron=schorsing, statuut=schorsing.statuut)
    _stuk(door, schorsing, _("Uitnodiging gesprek over de schorsing"), _(
        "Ouders uitgenodigd op %(d)s om %(t)s, %(p)s, met %(m)s.") % {
        "d": datum_kort(lokaal.date()), "t": f"{lokaal:%H:%M}", "p": plaats, "m": met_wie})
    return schorsing


# --- inspectie and closing ------------------------------------------------------------------


def inspectiemelding(schorsing: Schorsing) -> dict:
    """What the inspectie's portal asks for a schorsing: school, pupil, dates, length,
    reasons."""
    leerling, school = schorsing.leerling, schorsing.school
    return {
        _("School"): f"{school.naam} (BRIN {school.brin})",
        _("Leerling"): f"{leerling.volledige_naam} ({leerling.leerlingnummer}), geboren "
                       f"{datum_kort(leerling.geboortedatum)}",
        _("Eerste dag"): datum_kort(schorsing.eerste_dag),
        _("Laatste dag"): datum_kort(schorsing.laatste_dag),
        _("Duur"): aantal_tekst(schorsing.schooldagen, Eenheid.SCHOOLDAGEN),
        _("Redenen"): "; ".join(schorsing.gronden) + ". " + schorsing.motivering,
        _("Besloten op"): datum_kort(schorsing.besloten_op) if schorsing.besloten_op else "",
    }


@transaction.atomic
def inspectiemelding_vastleggen(*, door, schorsing: Schorsing, gemeld_op: date,
                                kenmerk: str) -> Schorsing:
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    toetsen(weigering(door, schorsing, "inspectie"))
    if gemeld_op > vandaag() or gemeld_op < schorsing.besloten_op:
        raise InvoerFout(_("De datum van de melding ligt tussen het besluit (%(b)s) en "
                           "vandaag.") % {"b": datum_kort(schorsing.besloten_op)})
    schorsing.inspectie_gemeld_op = gemeld_op
    schorsing.inspectie_kenmerk = (kenmerk or "").strip()
    schorsing.save(update_fields=["inspectie_gemeld_op", "inspectie_kenmerk"])
    if schorsing.termijn_inspectie is not None:
        termijn_voldaan(schorsing.termijn_inspectie)
    kenmerk = schorsing.inspectie_kenmerk
    _stuk(door, schorsing, _("Schorsing gemeld aan de inspectie"), _(
        "Gemeld op %(d)s%(k)s.") % {"d": datum_kort(gemeld_op),
                                   "k": (", " + _("kenmerk %(k)s") % {"k": kenmerk})
                                   if kenmerk else ""}, datum=gemeld_op)
    return schorsing


@transaction.atomic
def schorsing_afronden(*, door, schorsing: Schorsing, gesprek_ouders_verslag: str = ""
                       ) -> Schorsing:
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    op = vandaag()
    toetsen(weigering(door, schorsing, "afronden", op=op))
    verslag = (gesprek_ouders_verslag or "").strip()
    if schorsing.maatregel.gesprek_ouders and not verslag:
        raise InvoerFout(_("Volgens %(g)s wordt van het gesprek met de ouders een verslag "
                           "gemaakt, door de ouders voor gezien getekend: vul het verslag in.")
                         % {"g": artikel_tekst(schorsing.statuut,
                                                      [schorsing.maatregel.artikel])})
    schorsing.afronden(op=op, gesprek_ouders_verslag=verslag)
    schorsing.save()
    _stuk(door, schorsing, _("Schorsing afgerond"), _("De schorsing is afgerond op %(d)s.%(v)s")
          % {"d": datum_kort(op),
             "v": (" " + _("Verslag gesprek met de ouders: %(v)s") % {"v": verslag})
             if verslag else ""})
    return schorsing


# --- bezwaar ---------------------------------------------------------------------------------


@transaction.atomic
def bezwaar_indienen(*, door, schorsing: Schorsing, ingediend_op: date, gronden: str
                     ) -> Schorsing:
    """Record a bezwaar of the parents against the decision, within the statuut's term."""
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    statuut = schorsing.statuut
    toetsen(weigering(door, schorsing, "bezwaar"))
    if ingediend_op > vandaag():
        raise InvoerFout(_("De datum van indiening ligt in de toekomst."))
    termijn = schorsing.termijn_bezwaar
    if ingediend_op > termijn.vervaldatum:
        raise InvoerFout(_("Het bezwaar is te laat ingediend: de termijn van %(t)s na het "
                           "besluit van %(b)s liep tot en met %(d)s. Het bezwaar is niet "
                           "ingeschreven.")
                         % {"t": aantal_tekst(termijn.aantal, termijn.eenheid),
                            "b": datum_kort(schorsing.besloten_op),
                            "d": datum_kort(termijn.vervaldatum)})
    gronden = (gronden or "").strip()
    if not gronden:
        raise InvoerFout(_("Vul de gronden van het bezwaar in."))
    schorsing.bezwaar_indienen(op=ingediend_op, gronden=gronden)
    termijn_voldaan(termijn)
    start = (termijn.vervaldatum if statuut.bezwaar_beslistermijn_vanaf
             == Termijnstart.EINDE_TERMIJN else ingediend_op)
    if statuut.bezwaar_beslistermijn_aantal:
        schorsing.termijn_bezwaarbeslissing = termijn_openen(
            school=schorsing.school,
            omschrijving=_("Beslissing op het bezwaar tegen %(w)s %(k)s")
            % {"w": schorsing.naamwoord, "k": schorsing.kenmerk},
            startdatum=start, aantal=statuut.bezwaar_beslistermijn_aantal,
            eenheid=statuut.bezwaar_beslistermijn_eenheid,
            regel=_("beslistermijn bezwaar schorsing"), onderwerp=schorsing,
            verantwoordelijke_rol=bezwaarrol(statuut))
    schorsing.save()
    _stuk(door, schorsing, _("Bezwaar tegen schorsing ingediend"), _(
        "Bezwaar ingediend op %(d)s bij %(bij)s. Gronden: %(g)s") % {
        "d": datum_kort(ingediend_op),
        "bij": regels.rollen_tekst([regels.bezwaar_bij(statuut,
                                                      toegang.SCHORSING_BEZWAAR_BESLISSEN)]),
        "g": gronden}, datum=ingediend_op)
    return schorsing


@transaction.atomic
def bezwaar_horen(*, door, schorsing: Schorsing, gehoord_op: date, verslag: str) -> Schorsing:
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    toetsen(weigering(door, schorsing, "bezwaar_horen"))
    if gehoord_op > vandaag() or gehoord_op < schorsing.bezwaar_ingediend_op:
        raise InvoerFout(_("De datum van het horen ligt tussen de indiening en vandaag."))
    verslag = (verslag or "").strip()
    if not verslag:
        raise InvoerFout(_("Schrijf het verslag van het horen over het bezwaar."))
    schorsing.bezwaar_horen(op=gehoord_op, verslag=verslag)
    schorsing.save()
    _stuk(door, schorsing, _("Ouders gehoord over het bezwaar"), verslag, datum=gehoord_op)
    return schorsing


@transaction.atomic
def bezwaar_beslissen(*, door, schorsing: Schorsing, gegrond: bool, motivering: str
                      ) -> Schorsing:
    """The bevoegd gezag's decision on the bezwaar. Upheld, where the statuut says so, every
    dossier entry of the schorsing is removed (tombstones record the removal)."""
    schorsing = vergrendeld(_SCHORSINGEN, schorsing)
    op = vandaag()
    toetsen(weigering(door, schorsing, "bezwaar_beslissen"))
    motivering = (motivering or "").strip()
    if not motivering:
        raise InvoerFout(_("Vul de motivering van de beslissing op het bezwaar in."))
    if gegrond:
        schorsing.bezwaar_gegrond(op=op, motivering=motivering)
    else:
        schorsing.bezwaar_ongegrond(op=op, motivering=motivering)
    schorsing.save()
    if schorsing.termijn_bezwaarbeslissing is not None:
        termijn_voldaan(schorsing.termijn_bezwaarbeslissing)
    opschonen = gegrond and schorsing.statuut.bezwaar_gegrond_dossier_opschonen
    bij = regels.bezwaar_bij(schorsing.statuut, toegang.SCHORSING_BEZWAAR_BESLISSEN)
    # The parents get the board's decision. When the schorsing's entries leave the dossier,
    # the letter is not tied to the schorsing and says no more than the outcome.
    brief_aanvragen(
        door=door, leerling=schorsing.leerling, soort="sanctie_bezwaar_schorsing",
        sleutel=f"schorsing:{schorsing.pk}:bezwaar",
        gegevens={"uitkomst": _("gegrond") if gegrond else _("ongegrond"),
                  "ingediend_op": datum_kort(schorsing.bezwaar_ingediend_op),
                  "besluit_van": datum_kort(schorsing.besloten_op), "motivering": motivering,
                  "bij": regels.bij_tekst(bij),
                  "opgeschoond": opschonen,
                  "ondertekenaar": brieven.ondertekenaar_van(door, rollen=[bij])},
        datum=op, bron=None if opschonen else schorsing, statuut=schorsing.statuut)
    if opschonen:
        # The schorsing's own record says no more than its tombstones: facts, hearing,
        # reasons and the bezwaar's texts go; dates, stand and who acted stay.
        schorsing.inhoud_wissen(op=op)
        schorsing.save()
        stukken = list(dossier.stukken_van_besluit(schorsing))
        if stukken:
            dossier.stukken_verwijderen(
                door=door, stukken=stukken, grond=Verwijdergrond.BEZWAAR_GEGROND,
                toelichting=_("Bezwaar tegen de schorsing gegrond verklaard op %(d)s: alle aan "
                              "de schorsing gerelateerde stukken zijn verwijderd.")
                % {"d": datum_kort(op)},
                controleer=False)
    else:
        _stuk(door, schorsing, _("Beslissing op bezwaar tegen schorsing"), _(
            "Het bezwaar is %(u)s verklaard op %(d)s. Motivering: %(m)s") % {
            "u": _("gegrond") if gegrond else _("ongegrond"), "d": datum_kort(op),
            "m": motivering})
    return schorsing
