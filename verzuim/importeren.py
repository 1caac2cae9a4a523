"""Import of te laat and absence from the LVS (Magister, SOMtoday) as CSV (verzuim/IMPORT.md).

The whole file is checked first; a row with an unknown pupil, a date outside the school's
calendar (no school day, or a year the calendar lacks) or an unknown code is reported with
its line number, and then NOTHING of the file is imported. A good file is imported in one
transaction; a row already imported (its natural key: pupil, date, lesson hour, kind) is
skipped, so re-importing the same file changes nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.models import Leerling
from statuut import kalender
from statuut.services import InvoerFout

from . import services
from .models import Absentie, Bron, Importkoppeling, Melding, Oordeel, TeLaat

MAX_BYTES = 2 * 1024 * 1024
MAX_REGELS = 20_000

#: Our fields; the school maps its own headers onto these once (`Importkoppeling`).
VELDEN = ("leerlingnummer", "datum", "lesuur", "code", "minuten", "opmerking")
VERPLICHT = ("leerlingnummer", "datum", "lesuur", "code")
STANDAARD_KOLOMMEN = {v: v for v in VELDEN}

#: What a code means here.
SOORTEN = {
    "te_laat": (_("te laat, ongeoorloofd"), "te_laat", Oordeel.ONGEOORLOOFD, ""),
    "te_laat_geoorloofd": (_("te laat, geoorloofd"), "te_laat", Oordeel.GEOORLOOFD, ""),
    "te_laat_beoordelen": (_("te laat, nog te beoordelen"), "te_laat",
                           Oordeel.NOG_TE_BEOORDELEN, ""),
    "absent_gemeld": (_("absent, door de ouders gemeld (geoorloofd)"), "absent",
                      Oordeel.GEOORLOOFD, Melding.VOORAF_GEMELD),
    "absent_ongeoorloofd": (_("absent zonder melding (ongeoorloofd)"), "absent",
                            Oordeel.ONGEOORLOOFD, Melding.NIET_GEMELD),
    "absent_beoordelen": (_("absent zonder melding, nog te beoordelen"), "absent",
                          Oordeel.NOG_TE_BEOORDELEN, Melding.NIET_GEMELD),
}
STANDAARD_CODES = {"TL": "te_laat", "TLG": "te_laat_geoorloofd", "AZ": "absent_gemeld",
                   "AG": "absent_gemeld", "AO": "absent_ongeoorloofd", "SP": "absent_ongeoorloofd"}


@dataclass
class Rij:
    regel: int
    leerling: Leerling
    datum: date
    lesuur: int
    soort: str
    minuten: int
    opmerking: str

    @property
    def sleutel(self) -> str:
        return f"{self.datum:%Y-%m-%d}|{self.lesuur}|{self.soort}"


@dataclass
class Uitkomst:
    nieuw: int
    overgeslagen: int


class Importfout(InvoerFout):
    def __init__(self, melding: str, regels: list[str] | None = None):
        super().__init__(melding)
        self.regels = regels or []


def koppeling_van(school) -> Importkoppeling:
    k = Importkoppeling.objects.filter(school=school).first()
    return k or Importkoppeling(school=school, kolommen=STANDAARD_KOLOMMEN,
                                codes=STANDAARD_CODES, scheidingsteken=";")


def _tekst(inhoud: bytes) -> str:
    if len(inhoud) > MAX_BYTES:
        raise Importfout(_("Het bestand is te groot (meer dan 2 MB). Splits de export per "
                           "periode."))
    if b"\x00" in inhoud:
        raise Importfout(_("Dit is geen CSV-bestand (het bevat binaire gegevens). Exporteer "
                           "uit het leerlingvolgsysteem als CSV."))
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Importfout(_("Het bestand is niet in UTF-8 opgeslagen (regel %(r)d). Sla de "
                           "export op als 'CSV UTF-8'.")
                         % {"r": inhoud[:exc.start].count(b"\n") + 1}) from exc


def _datum(waarde: str) -> date:
    for formaat in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(waarde.strip(), formaat).date()
        except ValueError:
            continue
    raise ValueError(waarde)


def lezen(*, school, inhoud: bytes, koppeling: Importkoppeling | None = None) -> list[Rij]:
    """Parse and check the whole file; raise `Importfout` listing every bad line."""
    koppeling = koppeling or koppeling_van(school)
    tekst = _tekst(inhoud)
    try:
        lezer = csv.DictReader(io.StringIO(tekst, newline=""),
                               delimiter=koppeling.scheidingsteken or ";")
        kopjes = lezer.fieldnames or []
    except csv.Error as exc:
        raise Importfout(_("Het bestand is geen leesbare CSV: %(f)s") % {"f": exc}) from exc
    kolommen = {**STANDAARD_KOLOMMEN, **(koppeling.kolommen or {})}
    ontbreekt = [kolommen[v] for v in VERPLICHT if kolommen[v] not in kopjes]
    if ontbreekt:
        raise Importfout(_("De kolom(men) %(k)s ontbreken in de eerste regel. Gevonden: "
                           "%(g)s. Pas de kolomkoppeling aan of exporteer met deze kolommen.")
                         % {"k": ", ".join(ontbreekt), "g": ", ".join(kopjes) or "-"})
    codes = {str(k).strip().upper(): v for k, v in (koppeling.codes or {}).items()}
    leerlingen = {ll.leerlingnummer: ll for ll in Leerling.objects.filter(school=school)
                  .select_related("school")}
    vandaag = timezone.localdate()
    rijen, fouten = [], []
    try:
        for rij in lezer:
            regel = lezer.line_num
            if regel > MAX_REGELS:
                raise Importfout(_("Het bestand heeft meer dan %(n)d regels.")
                                 % {"n": MAX_REGELS})
            waarde = {v: (rij.get(kolommen[v]) or "").strip() for v in VELDEN}
            if not any(waarde.values()):
                continue
            problemen = []
            leerling = leerlingen.get(waarde["leerlingnummer"])
            if leerling is None:
                problemen.append(_("onbekende leerling '%(n)s'") % {"n": waarde["leerlingnummer"]})
            datum = None
            try:
                datum = _datum(waarde["datum"])
                reden = kalender.reden_vrij(school, datum)
                if reden:
                    problemen.append(_("%(d)s is geen schooldag (%(r)s)")
                                     % {"d": waarde["datum"], "r": reden})
                elif datum > vandaag:
                    problemen.append(_("%(d)s ligt in de toekomst") % {"d": waarde["datum"]})
            except ValueError:
                problemen.append(_("onleesbare datum '%(d)s' (gebruik dd-mm-jjjj)")
                                 % {"d": waarde["datum"]})
            except kalender.KalenderOnbekend:
                problemen.append(_("%(d)s valt buiten de bekende schoolkalender")
                                 % {"d": waarde["datum"]})
            soort = codes.get(waarde["code"].upper())
            if soort not in SOORTEN:
                problemen.append(_("onbekende code '%(c)s'") % {"c": waarde["code"]})
            lesuur = int(waarde["lesuur"]) if waarde["lesuur"].isdigit() else 0
            if not 1 <= lesuur <= 15:
                problemen.append(_("lesuur '%(u)s' is geen getal van 1 tot en met 15")
                                 % {"u": waarde["lesuur"]})
            minuten = int(waarde["minuten"]) if waarde["minuten"].isdigit() else 0
            if soort in SOORTEN and SOORTEN[soort][1] == "te_laat" and not 1 <= minuten <= 300:
                problemen.append(_("minuten te laat ontbreken of kloppen niet"))
            if problemen:
                fouten.append(_("regel %(r)d: %(p)s") % {"r": regel, "p": "; ".join(problemen)})
                continue
            rijen.append(Rij(regel, leerling, datum, lesuur, soort, minuten,
                             waarde["opmerking"][:500]))
    except csv.Error as exc:
        raise Importfout(_("Het bestand is geen leesbare CSV (regel %(r)d): %(f)s")
                         % {"r": lezer.line_num, "f": exc}) from exc
    if fouten:
        raise Importfout(_("Er is niets geïmporteerd: %(n)d regel(s) kloppen niet. Herstel "
                           "ze en importeer het hele bestand opnieuw.") % {"n": len(fouten)},
                         fouten)
    if not rijen:
        raise Importfout(_("Het bestand bevat geen regels om te importeren."))
    return rijen


@transaction.atomic
def importeren(*, door, school, inhoud: bytes) -> Uitkomst:
    """Import a checked file in one transaction (authority: `verzuim.importeren` at the
    school, checked by the caller's step)."""
    rijen = lezen(school=school, inhoud=inhoud)
    nieuw = overgeslagen = 0
    for rij in rijen:
        _label, soort, oordeel, melding = SOORTEN[rij.soort]
        if soort == "te_laat":
            if TeLaat.objects.filter(leerling=rij.leerling, datum=rij.datum,
                                     lesuur=rij.lesuur).exists():
                overgeslagen += 1
                continue
            services.te_laat_registreren(
                door=door, leerling=rij.leerling, datum=rij.datum, lesuur=rij.lesuur,
                minuten=rij.minuten, oordeel=oordeel, reden=rij.opmerking, bron=Bron.IMPORT,
                lvs_sleutel=rij.sleutel, controleer=False)
        else:
            if Absentie.objects.filter(leerling=rij.leerling, lvs_sleutel=rij.sleutel).exists():
                overgeslagen += 1
                continue
            services.absentie_registreren(
                door=door, leerling=rij.leerling, datum=rij.datum, uren=1,
                lesuren=str(rij.lesuur), melding=melding, oordeel=oordeel, reden=rij.opmerking,
                bron=Bron.IMPORT, lvs_sleutel=rij.sleutel, controleer=False)
        nieuw += 1
    return Uitkomst(nieuw, overgeslagen)
