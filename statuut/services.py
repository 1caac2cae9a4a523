"""Writes to the calendar and to deadlines. Views, commands and the admin call these."""

import csv
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import kalender, kalenderhaken
from .models import (
    Eenheid,
    Regio,
    RegioVakantie,
    Rol,
    School,
    Termijn,
    Termijnstatus,
    Vakantiesoort,
    Zekerheid,
)

logger = logging.getLogger(__name__)

VAKANTIE_KOLOMMEN = ("schooljaar", "vakantie", "regio", "eerste_dag", "laatste_dag", "status",
                     "bron")


class InvoerFout(ValueError):
    """Bad input from a file or a command: the message says what and how to fix it."""


@dataclass
class Laadresultaat:
    nieuw: int
    bijgewerkt: int
    ongewijzigd: int


def _lees_vakanties(pad: Path) -> list[dict]:
    try:
        with open(pad, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            ontbrekend = [k for k in VAKANTIE_KOLOMMEN if k not in (reader.fieldnames or [])]
            if ontbrekend:
                raise InvoerFout(_("%(pad)s mist de kolom(men) %(k)s.")
                                 % {"pad": pad, "k": ", ".join(ontbrekend)})
            rijen = list(reader)
    except FileNotFoundError as exc:
        raise InvoerFout(_("Bestand %(pad)s bestaat niet.") % {"pad": pad}) from exc

    gelezen = []
    for nummer, rij in enumerate(rijen, start=2):
        def fout(tekst: str, nummer=nummer) -> InvoerFout:
            return InvoerFout(_("%(pad)s, regel %(n)s: %(t)s") % {"pad": pad, "n": nummer,
                                                                 "t": tekst})
        if rij["vakantie"] not in Vakantiesoort.values:
            raise fout(_("onbekende vakantie '%(v)s'; kies uit %(k)s.")
                       % {"v": rij["vakantie"], "k": ", ".join(Vakantiesoort.values)})
        if rij["regio"] not in Regio.values:
            raise fout(_("onbekende regio '%(r)s'; kies noord, midden of zuid.")
                       % {"r": rij["regio"]})
        if rij["status"] not in Zekerheid.values:
            raise fout(_("onbekende status '%(s)s'; kies %(k)s.")
                       % {"s": rij["status"], "k": " of ".join(Zekerheid.values)})
        try:
            eerste = date.fromisoformat(rij["eerste_dag"])
            laatste = date.fromisoformat(rij["laatste_dag"])
        except ValueError as exc:
            raise fout(_("een datum is niet in de vorm JJJJ-MM-DD.")) from exc
        if laatste < eerste:
            raise fout(_("de laatste dag ligt vóór de eerste dag."))
        jaar = rij["schooljaar"]
        if not (len(jaar) == 9 and jaar.isascii() and jaar[4] == "-" and jaar[:4].isdigit()
                and jaar[5:].isdigit() and int(jaar[5:]) == int(jaar[:4]) + 1):
            raise fout(_("schooljaar '%(j)s' is niet in de vorm 2026-2027.") % {"j": jaar})
        gelezen.append({"schooljaar": jaar, "soort": rij["vakantie"], "regio": rij["regio"],
                        "eerste_dag": eerste, "laatste_dag": laatste, "status": rij["status"],
                        "bron": rij["bron"]})
    return gelezen


@transaction.atomic
def regiovakanties_laden(*, pad: Path | None = None, overschrijven: bool = False) -> Laadresultaat:
    """Load the shipped regional vacation defaults. Rows the functioneel beheerder already
    has are left alone unless `overschrijven`; the whole file is checked before any write."""
    pad = Path(pad or settings.STATUUT_DATA_DIR / "schoolvakanties.csv")
    rijen = _lees_vakanties(pad)
    resultaat = Laadresultaat(0, 0, 0)
    gewijzigde_regios = set()
    for rij in rijen:
        sleutel = {k: rij[k] for k in ("schooljaar", "soort", "regio")}
        bestaand = RegioVakantie.objects.filter(**sleutel).first()
        if bestaand is None:
            RegioVakantie.objects.create(**rij)
            resultaat.nieuw += 1
            gewijzigde_regios.add(rij["regio"])
        elif overschrijven and any(getattr(bestaand, k) != v for k, v in rij.items()):
            for k, v in rij.items():
                setattr(bestaand, k, v)
            bestaand.save()
            resultaat.bijgewerkt += 1
            gewijzigde_regios.add(rij["regio"])
        else:
            resultaat.ongewijzigd += 1
    for regio in gewijzigde_regios:
        regiovakanties_gewijzigd(regio=regio)
    return resultaat


@transaction.atomic
def regiovakanties_gewijzigd(*, regio: str) -> int:
    """Call after a change to a region's vacations: every school of the region recomputes."""
    kalender.vergeet_cache(regio)
    verschoven = 0
    for school in School.objects.filter(regio=regio):
        verschoven += kalender_gewijzigd(school=school)
    return verschoven


@transaction.atomic
def kalender_gewijzigd(*, school: School) -> int:
    """Call after any change to a school's calendar (own vacations, studiedagen, holiday
    settings): cached tables are rebuilt and every open deadline of the school recomputed.
    Returns how many deadlines moved."""
    School.objects.filter(pk=school.pk).update(kalender_versie=models.F("kalender_versie") + 1)
    school.refresh_from_db(fields=["kalender_versie"])
    kalender.vergeet_cache(school)
    # Other processes see the new version number on their next load of the school.
    transaction.on_commit(lambda: kalender.vergeet_cache(school))
    return termijnen_herberekenen(school=school)


#: The units whose end depends on the school's calendar. Weeks and calendar days (Awb,
#: Algemene termijnenwet) follow the national holidays only and never move with it.
KALENDEREENHEDEN = (Eenheid.SCHOOLDAGEN, Eenheid.WERKDAGEN)


def termijnen_herberekenen(*, school: School) -> int:
    """Recompute the due date of every open deadline of the school that the statuut counts
    in school or working days; a date a person chose stays as chosen (if it has become a free
    day, that is recorded). Whoever must hear of it is told through `kalenderhaken`.
    Returns how many deadlines moved."""
    vandaag = timezone.localdate()
    verschoven, op_vrije_dag, gewijzigd = [], [], []
    for termijn in Termijn.objects.select_for_update().filter(
        school=school, status=Termijnstatus.OPEN
    ).select_related("school").order_by("pk"):
        try:
            if termijn.datum_gekozen:
                reden = kalender.reden_vrij(school, termijn.vervaldatum) or ""
                if reden != termijn.vrije_dag:
                    termijn.vrije_dag = reden[:200]
                    termijn.kalender_gewijzigd_op = vandaag if reden else None
                    gewijzigd.append(termijn)
                    if reden:
                        op_vrije_dag.append(termijn)
                continue
            if termijn.eenheid not in KALENDEREENHEDEN:
                continue
            nieuw = kalender.bereken(school, termijn.startdatum, termijn.aantal,
                                     termijn.eenheid).datum
        except kalender.KalenderOnbekend:
            logger.warning("Termijn %s niet herberekend: kalender onbekend", termijn.pk)
            continue
        if nieuw != termijn.vervaldatum:
            # The first date the person was told stays the reference of the notice.
            if termijn.vorige_vervaldatum is None:
                termijn.vorige_vervaldatum = termijn.vervaldatum
            termijn.vervaldatum = nieuw
            termijn.kalender_gewijzigd_op = vandaag
            verschoven.append(termijn)
            gewijzigd.append(termijn)
    Termijn.objects.bulk_update(gewijzigd, ["vervaldatum", "vorige_vervaldatum",
                                            "kalender_gewijzigd_op", "vrije_dag"])
    kalenderhaken.melden(kalenderhaken.Kalenderwijziging(
        school=school, op=vandaag, verschoven=verschoven, op_vrije_dag=op_vrije_dag))
    return len(verschoven)


def termijn_openen(
    *,
    school: School,
    omschrijving: str,
    startdatum: date,
    aantal: int,
    eenheid: str,
    regel: str = "",
    onderwerp: models.Model | None = None,
    verantwoordelijke=None,
    verantwoordelijke_rol: str = "",
    vervaldatum: date | None = None,
) -> Termijn:
    """Open a deadline; its due date is computed once here with the school's calendar.

    With `vervaldatum`, the due date is one a person chose (an evaluation date): it is
    stored as chosen and never recomputed; `aantal` and `eenheid` then only describe it."""
    if verantwoordelijke_rol and verantwoordelijke_rol not in Rol.values:
        raise InvoerFout(_("Onbekende rol '%(r)s'.") % {"r": verantwoordelijke_rol})
    if verantwoordelijke is None and not verantwoordelijke_rol:
        raise InvoerFout(_("Een termijn heeft een verantwoordelijke nodig: een persoon of een "
                           "rol op de school."))
    if eenheid not in Eenheid.values:
        raise InvoerFout(_("Onbekende eenheid '%(e)s' in de regel voor '%(o)s'. Kies uit: "
                           "%(k)s.") % {"e": eenheid, "o": omschrijving,
                                        "k": ", ".join(Eenheid.values)})
    gekozen = vervaldatum is not None
    if not gekozen:
        vervaldatum = kalender.bereken(school, startdatum, aantal, eenheid).datum
    return Termijn.objects.create(
        datum_gekozen=gekozen,
        school=school,
        omschrijving=omschrijving,
        regel=regel,
        startdatum=startdatum,
        aantal=aantal,
        eenheid=eenheid,
        vervaldatum=vervaldatum,
        onderwerp_type=ContentType.objects.get_for_model(onderwerp) if onderwerp else None,
        onderwerp_id=onderwerp.pk if onderwerp else None,
        verantwoordelijke=verantwoordelijke,
        verantwoordelijke_rol=verantwoordelijke_rol,
    )


def termijn_voldaan(termijn: Termijn) -> Termijn:
    """The awaited act happened: the deadline is met (also when late) and no longer reminds."""
    return _termijn_sluiten(termijn, Termijnstatus.VOLDAAN)


def termijn_vervallen(termijn: Termijn) -> Termijn:
    """The deadline no longer applies (the procedure ended otherwise)."""
    return _termijn_sluiten(termijn, Termijnstatus.VERVALLEN)


@transaction.atomic
def _termijn_sluiten(termijn: Termijn, status: str) -> Termijn:
    termijn = Termijn.objects.select_for_update().get(pk=termijn.pk)
    if termijn.status not in (Termijnstatus.OPEN, Termijnstatus.VERLOPEN):
        raise InvoerFout(_("Deze termijn is al afgesloten (%(s)s).")
                         % {"s": termijn.get_status_display()})
    termijn.status = status
    termijn.afgesloten_op = timezone.now()
    termijn.save(update_fields=["status", "afgesloten_op"])
    return termijn
