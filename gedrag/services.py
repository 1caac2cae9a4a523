"""The acts of the daily measures. Each: `@transaction.atomic`, the step's check first
(gedrag/stappen.py), then the django-fsm transition, the dossier entry in section "gedrag"
(author and source: the measure), deadlines through `statuut.Termijn` and letters through
`dossiers.brieven`. One Dutch `InvoerFout` per refusal; nothing written on refusal."""

from __future__ import annotations

import uuid
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import dossier, maatregelen
from dossiers.brieven.services import brief_aanvragen
from statuut import kalender
from statuut.hulp import artikel_tekst, naam_van, vergrendeld
from statuut.models import Dossiersectie, Maatregelsoort, Termijnstatus
from statuut.selectors import statuut_op
from statuut.services import InvoerFout, termijn_openen, termijn_vervallen, termijn_voldaan

from . import stappen, toegang
from .models import Aangifte, Lesmaatregel, Stand

MAX_LEERLINGEN = 40


def _d(d: date | None) -> str:
    return f"{d:%d-%m-%Y}" if d else ""


def _statuut(leerling, datum: date):
    statuut = statuut_op(leerling.school, datum)
    if statuut is None:
        raise InvoerFout(_("Voor %(d)s is geen leerlingenstatuut van kracht.") % {"d": _d(datum)})
    return statuut


def _datum(leerling, datum: date, vandaag: date) -> None:
    if datum > vandaag:
        raise InvoerFout(_("%(d)s ligt in de toekomst: leg vast wat gebeurd is.")
                         % {"d": _d(datum)})
    try:
        reden = kalender.reden_vrij(leerling.school, datum)
    except kalender.KalenderOnbekend:
        reden = ""
    if reden:
        raise InvoerFout(_("%(d)s is geen schooldag (%(r)s).") % {"d": _d(datum), "r": reden})


def overtreding_van(statuut, code: str) -> dict | None:
    """The statuut's offence kind (police, notification) with `code`, or None."""
    return next((o for o in statuut.overtredingen or [] if o.get("code") == code), None)


def fraude_van(statuut, code: str) -> dict | None:
    return next((f for f in statuut.fraudemaatregelen or [] if f.get("code") == code), None)


def tekst(m: Lesmaatregel) -> tuple[str, str]:
    """The dossier entry's title and text, as the measure stands now."""
    titel = _("%(n)s op %(d)s") % {"n": m.naam, "d": _d(m.datum)}
    delen = [_("Overtreding: %(o)s") % {"o": m.overtreding}]
    if m.is_fraude:
        if m.cijfer:
            delen.append(_("Cijfer: %(c)s") % {"c": m.cijfer})
    les = [m.vak] if m.vak else []
    if m.lesuur:
        les.append(_("%(u)de uur") % {"u": m.lesuur})
    if les:
        delen.append(_("Les: %(l)s") % {"l": ", ".join(les)})
    if m.afspraak:
        delen.append(_("Afspraak: %(a)s%(u)s") % {
            "a": m.afspraak, "u": (_(" (uiterlijk %(d)s)") % {"d": _d(m.uiterlijk)})
            if m.uiterlijk else ""})
    if m.categorie:
        delen.append(_("Soort overtreding: %(c)s.") % {"c": m.categorie_naam})
    if m.aangifte == Aangifte.GEDAAN:
        delen.append(_("Aangifte gedaan op %(d)s door %(w)s.") % {"d": _d(m.aangifte_op),
                                                                 "w": m.aangifte_door})
    elif m.aangifte == Aangifte.NIET_GEDAAN:
        delen.append(_("Geen aangifte gedaan: %(r)s") % {"r": m.aangifte_reden})
    elif m.aangifte == Aangifte.OPEN:
        delen.append(_("Aangifte: nog vast te leggen."))
    delen.append(_("Stand: %(s)s.") % {"s": m.get_stand_display()})
    if m.toelichting:
        delen.append(_("Toelichting: %(t)s") % {"t": m.toelichting})
    if m.artikel:
        delen.append(artikel_tekst(m.statuut, [m.artikel]).capitalize() + ".")
    delen.append(_("Opgelegd door %(n)s.") % {"n": naam_van(m.opgelegd_door)})
    return titel, "\n".join(delen)


def _bijwerken(m: Lesmaatregel, *, door, reden: str, voor: str = "") -> None:
    """The measure's entry gets an addendum with the measure as it stands now."""
    titel, inhoud = tekst(m)
    m.dossierstuk = dossier.stuk_corrigeren(
        door=door, stuk=m.dossierstuk, titel=f"{voor} {titel}".strip(), inhoud=inhoud,
        reden=reden, controleer=False)
    m.save()


def _schoon(waarde: str, naam: str, verplicht: bool = False, max_lengte: int = 2000) -> str:
    waarde = (waarde or "").strip()
    if verplicht and not waarde:
        raise InvoerFout(naam)
    if len(waarde) > max_lengte:
        raise InvoerFout(_("De tekst is te lang (ten hoogste %(n)d tekens).") % {"n": max_lengte})
    return waarde


def _gevolgen(m: Lesmaatregel, overtreding: dict | None, *, door, op: date) -> None:
    """The statuut's consequences of the offence kind: the aangifte to record, the parents'
    letter and the schoolleiding's notice (Noordgouw art. 11.6)."""
    if overtreding is None:
        return
    if overtreding.get("ouders_informeren"):
        brief_aanvragen(
            door=door, leerling=m.leerling, soort="gedrag_melding_ouders",
            sleutel=f"lesmaatregel:{m.pk}:ouders", bron=m, statuut=m.statuut, datum=op,
            gegevens={"datum": _d(m.datum), "maatregel": m.naam, "overtreding": m.overtreding,
                      "soort": overtreding.get("naam", ""),
                      "artikel": overtreding.get("artikel", ""),
                      # Where the parents can go against the measure (Noordgouw art. 22.3).
                      **({"beroep": beroep} if (beroep := maatregelen.beroepsparagraaf(
                          m, m.statuut)) else {})})
    if overtreding.get("schoolleiding_informeren"):
        wie, rol = toegang.verantwoordelijke(m.leerling, toegang.MELDING_ONTVANGEN, op)
        if wie is None and not rol:
            raise InvoerFout(_("Het leerlingenstatuut zegt dat de schoolleiding wordt "
                               "ingelicht, maar geeft niemand de melding (%(a)s).")
                             % {"a": toegang.MELDING_ONTVANGEN})
        m.termijn_melding = termijn_openen(
            school=m.leerling.school, startdatum=op,
            omschrijving=_("Melding: %(o)s (%(n)s)") % {"o": overtreding.get("naam", ""),
                                                       "n": m.naam},
            aantal=m.statuut.melding_termijn_aantal or 1,
            eenheid=m.statuut.melding_termijn_eenheid or "schooldagen",
            regel=overtreding.get("artikel", ""), onderwerp=m, verantwoordelijke=wie,
            verantwoordelijke_rol="" if wie is not None else rol)
        m.save(update_fields=["termijn_melding"])


def _vastleggen(*, door, leerling, statuut, rung, fraude: dict | None, als: str, groep_id,
                datum: date, overtreding: str, afspraak: str, uiterlijk: date | None,
                lesuur: int | None, vak: str, categorie: dict | None) -> Lesmaatregel:
    m = Lesmaatregel(
        leerling=leerling, statuut=statuut, maatregelsoort=rung,
        fraude_code=fraude["code"] if fraude else "",
        fraude_naam=fraude["naam"] if fraude else "",
        cijfer=str(fraude.get("cijfer") or "") if fraude else "",
        artikel=(fraude.get("artikel", "") if fraude else rung.artikel) or "",
        groep_id=groep_id, opgelegd_door=door, opgelegd_als=als, datum=datum, lesuur=lesuur,
        vak=vak, overtreding=overtreding, afspraak=afspraak, uiterlijk=uiterlijk,
        categorie=categorie["code"] if categorie else "",
        categorie_naam=categorie["naam"] if categorie else "",
        aangifte=Aangifte.OPEN if categorie and categorie.get("aangifte") else Aangifte.NVT)
    m.save()
    titel, inhoud = tekst(m)
    m.dossierstuk = dossier.stuk_toevoegen(
        door=door, leerling=leerling, sectie=Dossiersectie.GEDRAG, titel=titel,
        inhoud=inhoud, datum=datum, bron=m, controleer=False)
    m.save(update_fields=["dossierstuk"])
    return m


def _gemeenschappelijk(leerlingen, overtreding: str, afspraak: str, datum: date,
                       uiterlijk: date | None, lesuur: int | None, vak: str, vandaag: date):
    leerlingen = list(dict.fromkeys(leerlingen))
    if not leerlingen:
        raise InvoerFout(_("Kies ten minste één leerling."))
    if len(leerlingen) > MAX_LEERLINGEN:
        raise InvoerFout(_("Kies ten hoogste %(n)d leerlingen tegelijk.") % {"n": MAX_LEERLINGEN})
    overtreding = _schoon(overtreding, _("Beschrijf de overtreding: het moet duidelijk zijn "
                                         "voor welke overtreding de maatregel is."), True)
    afspraak = _schoon(afspraak, "")
    vak = _schoon(vak, "", max_lengte=60)
    if uiterlijk is not None and uiterlijk < datum:
        raise InvoerFout(_("'Uiterlijk' (%(u)s) ligt voor de datum van de maatregel (%(d)s).")
                         % {"u": _d(uiterlijk), "d": _d(datum)})
    if uiterlijk is not None and not afspraak:
        raise InvoerFout(_("Schrijf bij een datum ook op wat er uiterlijk dan moet gebeuren."))
    if lesuur is not None and not 1 <= lesuur <= 15:
        raise InvoerFout(_("Het lesuur is een getal van 1 tot en met 15."))
    for ll in leerlingen:
        _datum(ll, datum, vandaag)
    return leerlingen, overtreding, afspraak, vak


def _categorie(statuut, code: str) -> dict | None:
    if not code:
        return None
    gevonden = overtreding_van(statuut, code)
    if gevonden is None:
        raise InvoerFout(_("'%(c)s' is geen soort overtreding van dit leerlingenstatuut.")
                         % {"c": code})
    return gevonden


@transaction.atomic
def maatregel_opleggen(*, door, leerlingen, maatregelsoort: str, overtreding: str,
                       datum: date | None = None, afspraak: str = "",
                       uiterlijk: date | None = None, lesuur: int | None = None, vak: str = "",
                       categorie: str = "", vandaag: date | None = None) -> list[Lesmaatregel]:
    """Impose one rung of the ladder (by its code) on one or several pupils at once (one
    row each, one `groep_id`). Refused as a whole when one pupil may not get it."""
    vandaag = vandaag or timezone.localdate()
    datum = datum or vandaag
    leerlingen, overtreding, afspraak, vak = _gemeenschappelijk(
        leerlingen, overtreding, afspraak, datum, uiterlijk, lesuur, vak, vandaag)
    groep_id = uuid.uuid4()
    uit = []
    for ll in leerlingen:
        statuut = _statuut(ll, datum)
        rung = Maatregelsoort.objects.filter(statuut=statuut, code=maatregelsoort).first()
        if rung is None:
            raise InvoerFout(_("'%(c)s' is geen maatregel van het leerlingenstatuut van "
                               "%(n)s.") % {"c": maatregelsoort, "n": ll.roepnaam})
        weigering = stappen.opleggen_weigering(door, ll, rung, op=datum)
        if weigering is not None:
            raise InvoerFout(_("%(n)s: %(w)s") % {"n": ll.volledige_naam, "w": weigering.tekst})
        m = _vastleggen(door=door, leerling=ll, statuut=statuut, rung=rung, fraude=None,
                        als=toegang.opgelegd_als(door, ll, rung, op=datum), groep_id=groep_id,
                        datum=datum, overtreding=overtreding, afspraak=afspraak,
                        uiterlijk=uiterlijk, lesuur=lesuur, vak=vak,
                        categorie=_categorie(statuut, categorie))
        _gevolgen(m, overtreding_van(statuut, categorie) if categorie else None, door=door,
                  op=vandaag)
        uit.append(m)
    return uit


@transaction.atomic
def fraude_vastleggen(*, door, leerlingen, fraudemaatregel: str, overtreding: str,
                      datum: date | None = None, lesuur: int | None = None, vak: str = "",
                      vandaag: date | None = None) -> list[Lesmaatregel]:
    """Fraude during a test (Echnaton art. 4.13: cijfer 1.0; Noordgouw art. 23.1 a-d): the
    consequence as the statuut's `fraudemaatregelen` say it."""
    vandaag = vandaag or timezone.localdate()
    datum = datum or vandaag
    leerlingen, overtreding, _afspraak, vak = _gemeenschappelijk(
        leerlingen, overtreding, "", datum, None, lesuur, vak, vandaag)
    groep_id = uuid.uuid4()
    uit = []
    for ll in leerlingen:
        statuut = _statuut(ll, datum)
        weigering = stappen.fraude_weigering(door, ll, op=datum)
        if weigering is not None:
            raise InvoerFout(_("%(n)s: %(w)s") % {"n": ll.volledige_naam, "w": weigering.tekst})
        fraude = fraude_van(statuut, fraudemaatregel)
        if fraude is None:
            raise InvoerFout(_("Het leerlingenstatuut kent bij fraude de maatregel '%(c)s' "
                               "niet.") % {"c": fraudemaatregel})
        uit.append(_vastleggen(
            door=door, leerling=ll, statuut=statuut, rung=None, fraude=fraude,
            als=toegang.fraude_als(door, ll, op=datum), groep_id=groep_id, datum=datum,
            overtreding=overtreding, afspraak="", uiterlijk=None, lesuur=lesuur, vak=vak,
            categorie=None))
    return uit


def _stap(door, stap: str, maatregel: Lesmaatregel) -> Lesmaatregel:
    maatregel = vergrendeld(Lesmaatregel.objects.select_related(
        "leerling__school", "statuut", "maatregelsoort", "opgelegd_door", "dossierstuk",
        "termijn_opvolging", "termijn_melding"), maatregel)
    stappen.toetsen(stappen.weigering(door, stap, maatregel))
    return maatregel


@transaction.atomic
def uitvoering_vastleggen(*, door, maatregel: Lesmaatregel, uitgevoerd: bool,
                          toelichting: str = "") -> Lesmaatregel:
    """Bijlage A: the punishment was carried out, or not: then "meldt de leraar dat aan de
    (assistent) teamleider", who takes measures with the mentor (a deadline for them)."""
    stap = "uitgevoerd" if uitgevoerd else "niet_uitgevoerd"
    m = _stap(door, stap, maatregel)
    toelichting = _schoon(toelichting, "")
    vandaag = timezone.localdate()
    if uitgevoerd:
        m.uitvoeren(door=door, op=vandaag, toelichting=toelichting)
    else:
        m.niet_uitvoeren(door=door, op=vandaag, toelichting=toelichting)
        wie, rol = toegang.verantwoordelijke(m.leerling, toegang.NIET_NAGEKOMEN_OPVOLGEN, vandaag)
        if wie is None and not rol:
            raise InvoerFout(_("Het leerlingenstatuut geeft niemand de opvolging van een niet "
                               "nagekomen strafafspraak."))
        m.termijn_opvolging = termijn_openen(
            school=m.leerling.school, startdatum=vandaag,
            omschrijving=_("Strafafspraak niet nagekomen: %(n)s van %(d)s")
            % {"n": m.naam, "d": _d(m.datum)},
            aantal=m.statuut.niet_nagekomen_termijn_aantal or 5,
            eenheid=m.statuut.niet_nagekomen_termijn_eenheid or "schooldagen",
            regel=m.statuut.niet_nagekomen_artikel, onderwerp=m, verantwoordelijke=wie,
            verantwoordelijke_rol="" if wie is not None else rol)
    m.save()
    _bijwerken(m, door=door, reden=_("Uitvoering vastgelegd: %(s)s") % {
        "s": m.get_stand_display()})
    return m


@transaction.atomic
def intrekken(*, door, maatregel: Lesmaatregel, reden: str) -> Lesmaatregel:
    """The one who imposed it withdraws it (a correction), with the reason."""
    m = _stap(door, "intrekken", maatregel)
    reden = _schoon(reden, _("Geef de reden van het intrekken op."), True)
    m.intrekken(door=door, op=timezone.localdate(), toelichting=reden)
    m.save()
    _termijnen_beeindigen(m)
    _bijwerken(m, door=door, voor=_("[Ingetrokken]"), reden=reden)
    return m


@transaction.atomic
def aangifte_vastleggen(*, door, maatregel: Lesmaatregel, gedaan: bool,
                        op: date | None = None, door_wie: str = "",
                        reden: str = "") -> Lesmaatregel:
    """Echnaton art. 7.5, Noordgouw art. 11.2.10: the aangifte made (date, by whom), or why
    not."""
    m = _stap(door, "aangifte", maatregel)
    if gedaan:
        if op is None:
            raise InvoerFout(_("Vul de datum van de aangifte in."))
        if op > timezone.localdate() or op < m.datum:
            raise InvoerFout(_("De aangifte ligt tussen de overtreding (%(d)s) en vandaag.")
                             % {"d": _d(m.datum)})
        door_wie = _schoon(door_wie, _("Vul in wie de aangifte deed."), True, 200)
        m.aangifte_gedaan(op=op, door_wie=door_wie)
    else:
        reden = _schoon(reden, _("Schrijf op waarom er geen aangifte is gedaan."), True)
        m.aangifte_niet_gedaan(reden=reden)
    m.save()
    _bijwerken(m, door=door, reden=_("Aangifte vastgelegd."))
    return m


@transaction.atomic
def termijn_afhandelen(*, door, maatregel: Lesmaatregel, stap: str,
                       notitie: str) -> Lesmaatregel:
    """The teamleider followed up a punishment not carried out ("opvolgen"), or the
    schoolleiding took note ("melding"): the deadline is met, the note in the dossier."""
    if stap not in ("opvolgen", "melding"):
        raise InvoerFout(_("Onbekende stap."))
    m = _stap(door, stap, maatregel)
    notitie = _schoon(notitie, _("Schrijf kort op wat er is gedaan."), True)
    termijn = m.termijn_opvolging if stap == "opvolgen" else m.termijn_melding
    termijn_voldaan(termijn)
    dossier.stuk_toevoegen(
        door=door, leerling=m.leerling, sectie=Dossiersectie.GEDRAG, controleer=False,
        titel=(_("Opvolging: %(n)s van %(d)s") if stap == "opvolgen"
               else _("Melding afgehandeld: %(n)s van %(d)s")) % {"n": m.naam,
                                                                  "d": _d(m.datum)},
        inhoud=notitie, datum=timezone.localdate(), bron=m)
    return m


def _termijnen_beeindigen(m: Lesmaatregel) -> None:
    for termijn in (m.termijn_opvolging, m.termijn_melding):
        if termijn is not None and termijn.status in (Termijnstatus.OPEN,
                                                      Termijnstatus.VERLOPEN):
            termijn_vervallen(termijn)


# --- the one appeal mechanism (dossiers.maatregelen) ---------------------------------------

VERNIETIGD, GEWIJZIGD, BEVESTIGD = "vernietigd", "gewijzigd", "bevestigd"


@transaction.atomic
def toepassen(maatregel: Lesmaatregel, *, uitkomst: str, door, op: date,
              toelichting: str = "") -> None:
    """Apply a decided beroep (Echnaton art. 12 Beroep 1, Noordgouw art. 22.3):
    "vernietigd" withdraws the measure, its deadlines end and its entry says so;
    "gewijzigd" notes the change; "bevestigd" leaves it standing."""
    m = vergrendeld(Lesmaatregel.objects.select_related(
        "leerling", "statuut", "maatregelsoort", "opgelegd_door", "dossierstuk",
        "termijn_opvolging", "termijn_melding"), maatregel)
    toelichting = (toelichting or "").strip()
    reden = _("%(u)s na beroep (%(door)s, %(d)s)") % {"u": uitkomst, "door": naam_van(door),
                                                     "d": _d(op)}
    if uitkomst == VERNIETIGD:
        if m.stand == Stand.INGETROKKEN:
            raise InvoerFout(_("Deze maatregel is al ingetrokken."))
        m.intrekken(door=door, op=op, toelichting=_("Vernietigd na beroep. %(t)s")
                    % {"t": toelichting})
        m.save()
        _termijnen_beeindigen(m)
        _bijwerken(m, door=door, voor=_("[Vervallen]"), reden=reden)
    elif uitkomst == GEWIJZIGD:
        if not toelichting:
            raise InvoerFout(_("Beschrijf de gewijzigde maatregel."))
        m.toelichting = _("Na beroep gewijzigd op %(d)s in: %(n)s") % {"d": _d(op),
                                                                        "n": toelichting}
        m.save(update_fields=["toelichting"])
        _bijwerken(m, door=door, voor=_("[Gewijzigd]"), reden=reden)
    elif uitkomst != BEVESTIGD:
        raise InvoerFout(_("Onbekende uitkomst '%(u)s': vernietigd, gewijzigd of bevestigd.")
                         % {"u": uitkomst})
