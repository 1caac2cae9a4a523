"""Every act of the care escalation (seed 001), one service each.

Each service: locks the case (`select_for_update`), then its first act is the step check
of the care route's one step table (`zorg.stappen`: who takes the step, per the statuut's
care rows, and in which phases, per the django-fsm transitions), the same check the case page
offers its steps by; then it calls the transition, writes the timeline (`Zorgstap`) and the
dossier entry, opens and closes Termijnen, requests letters, all in one transaction.

Dossier entries: the personal dossier is read by more people than the care file (at
Echnaton the teamleider and the administratie read every section, art. 9.3), so an entry
holds only what the seed says is "genoteerd in Magister" and shared with the mentor: the
signal, the mentor's notes, the choice, what the zorgcoördinator writes for the mentor
(analysis summary, feedback, later updates), that a plan exists, the conclusion. The
analysis itself, the internal/ZAT consultation and the trajectories stay in the care file.
A Veilig Thuis trajectory under the meldcode writes NO dossier entry at all and is left out
of the plan's entry: its existence alone would tell a dossier reader too much. It is in
the care file at the meldcode level, which only zorgcoördinatoren and directie reach.
"""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from dossiers import relaties
from dossiers import toegang as dossiertoegang
from dossiers.brieven.services import brief_aanvragen, datum_nl
from dossiers.dossier import stuk_toevoegen
from dossiers.herinneringen import termijn_melden
from dossiers.models import Leerling, Roltoewijzing, Toekenningsomvang
from dossiers.toekenningen import toekenning_verlenen
from statuut import kalender
from statuut.hulp import naam_van, vergrendeld
from statuut.models import Dossiersectie, Eenheid, Termijn, Termijnstatus
from statuut.services import InvoerFout, termijn_openen, termijn_vervallen, termijn_voldaan

from . import regels, selectors, stappen, toegang
from .models import (
    Consultatie,
    Consultatiekeuze,
    Evaluatie,
    Gesprek,
    Meldcode,
    Meldcodebesluit,
    Oudercontact,
    Probleemanalyse,
    Signaal,
    Signaalbron,
    Signaalcategorie,
    Traject,
    Trajectsoort,
    Zichtbaarheid,
    Zorgdossier,
    Zorgfase,
    Zorgstap,
)


class ZorgFout(InvoerFout):
    """A refused care step; the message says why and what to do instead."""


WELZIJN = Dossiersectie.WELZIJN_LEERMOEILIJKHEDEN
OMSTANDIGHEDEN = Dossiersectie.PERSOONLIJKE_OMSTANDIGHEDEN


# --- helpers -------------------------------------------------------------------------------

#: A case's row with what its steps read; locked through `hulp.vergrendeld` (two users
#: acting at once queue there, and the second sees the state the first left).
_ZORGDOSSIERS = Zorgdossier.objects.select_related("leerling__school", "school")


def _toetsen(door, zd: Zorgdossier, stap: str, **kwargs) -> None:
    """The step check of `zorg.stappen` (the page offers by the same), as a refusal."""
    weigering = stappen.weigering(door, zd, stap, **kwargs)
    if weigering is not None:
        raise ZorgFout(weigering.tekst)


def _rol_voor(school, actie: str) -> str:
    """The role a deadline of a step goes to when no person is named: the role the care rows
    give the step (the first in a fixed order when several hold it)."""
    rollen = sorted(toegang.rollen_met(school, actie))
    return rollen[0] if rollen else ""


def _overgang(zd: Zorgdossier, methode, wat: str, **kwargs) -> None:
    if not can_proceed(methode):
        raise ZorgFout(_("%(wat)s kan niet meer of nog niet: het zorgtraject staat in de fase "
                         "'%(fase)s'. Vernieuw de pagina en kies een van de stappen die daar "
                         "worden aangeboden.") % {"wat": wat, "fase": zd.get_fase_display()})
    methode(**kwargs)


def _stap(zd: Zorgdossier, *, door, stap: str, titel: str, besluit: str = "",
          zichtbaarheid: int = Zichtbaarheid.GEDEELD, datum: date | None = None) -> Zorgstap:
    return Zorgstap.objects.create(
        zorgdossier=zd, stap=stap, titel=titel[:200], besluit=besluit,
        zichtbaarheid=zichtbaarheid, door=door, datum=datum or timezone.localdate(),
        fase_na=zd.fase)


def _dossierstuk(zd: Zorgdossier, *, door, titel: str, inhoud: str, bron,
                 sectie: str = WELZIJN, datum: date | None = None) -> None:
    # The policy for the care step has been checked by the service (controleer=False).
    stuk_toevoegen(door=door, leerling=zd.leerling, sectie=sectie, titel=titel[:200],
                   inhoud=inhoud, bron=bron, datum=datum, controleer=False)


def _tekst(waarde: str, veld: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ZorgFout(_("Vul '%(veld)s' in.") % {"veld": veld})
    return waarde


def _niet_in_toekomst(datum: date, veld: str) -> date:
    if datum is None:
        raise ZorgFout(_("Vul '%(veld)s' in.") % {"veld": veld})
    if datum > timezone.localdate():
        raise ZorgFout(_("'%(veld)s' ligt in de toekomst; vul de datum in waarop het "
                         "gebeurde.") % {"veld": veld})
    return datum


def _termijn_tot(zd: Zorgdossier, *, omschrijving: str, datum: date, onderwerp, regel: str,
                 verantwoordelijke=None, verantwoordelijke_rol: str = "",
                 veld: str) -> Termijn:
    """A deadline on a date the user chose: stored as chosen, so a later change of the
    school's calendar never moves it (the responsible person is told if it becomes a free
    day). The school days until then only describe it."""
    vandaag = timezone.localdate()
    if datum is None:
        raise ZorgFout(_("Vul '%(veld)s' in.") % {"veld": veld})
    if datum <= vandaag:
        raise ZorgFout(_("'%(veld)s' moet na vandaag liggen.") % {"veld": veld})
    try:
        if not kalender.is_schooldag(zd.school, datum):
            raise ZorgFout(_("%(d)s is geen schooldag (%(r)s); kies voor '%(veld)s' een "
                             "schooldag.") % {"d": datum.strftime("%d-%m-%Y"), "veld": veld,
                                              "r": kalender.reden_vrij(zd.school, datum)})
        aantal = kalender.schooldagen_tussen(zd.school, vandaag, datum)
    except kalender.KalenderOnbekend as fout:
        raise ZorgFout(str(fout)) from fout
    return _termijn_openen(
        school=zd.school, omschrijving=omschrijving, startdatum=vandaag, aantal=aantal,
        eenheid=Eenheid.SCHOOLDAGEN, regel=regel, onderwerp=onderwerp, vervaldatum=datum,
        verantwoordelijke=verantwoordelijke, verantwoordelijke_rol=verantwoordelijke_rol)


def _termijn_openen(**kwargs) -> Termijn:
    """`termijn_openen`, with an unknown school calendar as a Dutch refusal (nothing saved)
    instead of an error page."""
    try:
        return termijn_openen(**kwargs)
    except kalender.KalenderOnbekend as fout:
        raise ZorgFout(_("%(f)s Tot dan kan de termijn niet worden berekend en is er niets "
                         "vastgelegd.") % {"f": fout}) from fout


def _open_termijnen(onderwerp) -> list[Termijn]:
    return list(Termijn.objects.filter(
        onderwerp_type=ContentType.objects.get_for_model(onderwerp), onderwerp_id=onderwerp.pk,
        status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN]))


def _fasetermijnen_voldaan(zd: Zorgdossier) -> None:
    """The awaited step happened: the case's open deadline (mentor's conversation,
    look again) is met."""
    for termijn in _open_termijnen(zd):
        termijn_voldaan(termijn)


def _overdragen(zd: Zorgdossier, *, door, keuze: str) -> None:
    """Issue 12, point 15: a referral tells whoever must act next, through one deadline and
    its reminders: the zorgcoördinatoren (stap 3, the problem analysis) or the remedial
    teacher (stap 2.2). The text names the case, never the pupil."""
    if keuze == Consultatiekeuze.ZORGCOORDINATOREN:
        omschrijving = _("Zorgtraject %(k)s: aangemeld bij de zorgcoördinatoren, "
                         "probleemanalyse maken") % {"k": zd.kenmerk}
        wie = {"verantwoordelijke_rol": _rol_voor(zd.school, toegang.ZORG_COORDINEREN)}
    elif keuze == Consultatiekeuze.REMEDIAL_TEACHER:
        omschrijving = _("Zorgtraject %(k)s: aangemeld bij de remedial teacher") % {
            "k": zd.kenmerk}
        wie = {"verantwoordelijke": zd.remedial_teacher}
    else:
        return
    termijn = _termijn_openen(
        school=zd.school, onderwerp=zd, omschrijving=omschrijving,
        startdatum=timezone.localdate(), aantal=regels.AANMELDING_AANTAL,
        eenheid=regels.AANMELDING_EENHEID, regel=regels.BRON_AANMELDING, **wie)
    termijn_melden(termijn, behalve=door)


def _gesprek_voor(leerling: Leerling, mentoren: list, op: date) -> dict:
    """Who holds the conversation after a signal (stap 1a): the pupil's mentor; without one,
    whoever else the rows give the mentor's steps for this pupil; else the role that
    coordinates care (stap 3-5), so the deadline reaches someone who sees the case (a role
    held only for one's own pupils opens no other pupil's case)."""
    if mentoren:
        return {"verantwoordelijke": mentoren[0]}
    houder, rol = dossiertoegang.verantwoordelijke(leerling, toegang.ZORG_MENTORSTAPPEN, op)
    if houder is not None or rol:
        return {"verantwoordelijke": houder, "verantwoordelijke_rol": "" if houder else rol}
    return {"verantwoordelijke_rol": _rol_voor(leerling.school, toegang.ZORG_COORDINEREN)}


# --- stap 1a: signaleren -------------------------------------------------------------------

@transaction.atomic
def signaal_melden(*, door, leerling: Leerling, bron: str, categorieen: list[str],
                   waarneming: str, datum: date, besproken_met_leerling: bool = False
                   ) -> Signaal:
    """Stap 1a. A signal joins the pupil's open case, or opens one; a new case opens the
    mentor's conversation deadline (five school days, `regels`). When the mentor records
    that the pupil (or a classmate) raised the problem and notes the talk, the case goes
    straight to the consultation (stap 2)."""
    # Lock the pupil: two signals at once must not open two cases.
    leerling = Leerling.objects.select_for_update().select_related("school").get(pk=leerling.pk)
    inzage = toegang.zorginzage(door, leerling)
    if (weigering := stappen.signaal_weigering(door, leerling, inzage=inzage)) is not None:
        raise ZorgFout(weigering.tekst)
    if bron not in Signaalbron.values:
        raise ZorgFout(_("Kies wie de zorg signaleert."))
    if bron == Signaalbron.MENTOR and toegang.ZORG_MENTORSTAPPEN not in inzage.handelingen:
        raise ZorgFout(_("Alleen de mentor van de leerling meldt een signaal als mentor."))
    categorieen = list(dict.fromkeys(categorieen or []))
    if not categorieen:
        raise ZorgFout(_("Kies ten minste één categorie van de signaleringskaart."))
    onbekend = [c for c in categorieen if c not in Signaalcategorie.values]
    if onbekend:
        raise ZorgFout(_("Onbekende categorie: %(c)s.") % {"c": ", ".join(onbekend)})
    waarneming = _tekst(waarneming, _("waargenomen gedrag"))
    _niet_in_toekomst(datum, _("datum"))
    vandaag = timezone.localdate()

    zd = selectors.open_zorgdossier(leerling)
    nieuw = zd is None
    if nieuw:
        zd = Zorgdossier.objects.create(school=leerling.school, leerling=leerling,
                                        geopend_op=vandaag, geopend_door=door)
    else:
        zd = vergrendeld(_ZORGDOSSIERS, zd)
    signaal = Signaal.objects.create(
        zorgdossier=zd, leerling=leerling, bron=bron, categorieen=categorieen,
        waarneming=waarneming, datum=datum, besproken_met_leerling=besproken_met_leerling,
        gemeld_door=door)
    labels = ", ".join(signaal.categorie_labels())
    aangekaart = (bron == Signaalbron.LEERLING
                  and toegang.ZORG_MENTORSTAPPEN in inzage.handelingen)
    if aangekaart and zd.fase in (Zorgfase.GEMELD, Zorgfase.OBSERVATIE):
        # Stap 1a, third point: the mentor talked and notes it; on to stap 2.
        _overgang(zd, zd.bevestigen, _("Doorgaan naar de consultatie"))
        zd.save()
        _fasetermijnen_voldaan(zd)
    _stap(zd, door=door, stap="signaal",
          titel=(_("Leerling kaartte zelf een probleem aan") if bron == Signaalbron.LEERLING
                 else _("Signaal gemeld")) + f": {labels}",
          besluit=waarneming, datum=datum)
    sectie = OMSTANDIGHEDEN if Signaalcategorie.THUISSITUATIE in categorieen else WELZIJN
    _dossierstuk(zd, door=door, titel=_("Zorgsignaal: %(c)s") % {"c": labels},
                 inhoud=waarneming, bron=signaal, sectie=sectie, datum=datum)
    mentoren = [m.user for m in relaties.mentoren_van(leerling, vandaag) if m.user.is_active]
    if nieuw and not aangekaart:
        termijn = _termijn_openen(
            school=leerling.school, onderwerp=zd,
            omschrijving=_("Gesprek mentor met leerling na zorgsignaal"),
            startdatum=vandaag, aantal=regels.MENTORGESPREK_AANTAL,
            eenheid=regels.MENTORGESPREK_EENHEID, regel=regels.BRON,
            **_gesprek_voor(leerling, mentoren, vandaag))
        # The mentor hears of the signal at once through the deadline's reminder (sent by
        # the reminder task after commit; the text names no pupil).
        termijn_melden(termijn, behalve=door)
    return signaal


# --- stap 1b: gesprek en bevestiging -------------------------------------------------------

@transaction.atomic
def gesprek_vastleggen(*, door, zorgdossier: Zorgdossier, datum: date, bevestigd: bool,
                       notitie: str, opnieuw_bekijken_op: date | None = None) -> Gesprek:
    """Stap 1b. Confirmed: note, on to the consultation. Not confirmed: keep observing,
    note, and a date to look again (a deadline for the mentor)."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "gesprek")
    notitie = _tekst(notitie, _("notitie"))
    _niet_in_toekomst(datum, _("datum gesprek"))
    if bevestigd:
        _overgang(zd, zd.bevestigen, _("Het gesprek vastleggen"))
    else:
        _overgang(zd, zd.observeren, _("Het gesprek vastleggen"))
    zd.save()
    _fasetermijnen_voldaan(zd)
    gesprek = Gesprek.objects.create(zorgdossier=zd, datum=datum, bevestigd=bevestigd,
                                     notitie=notitie, door=door,
                                     opnieuw_bekijken_op=None if bevestigd
                                     else opnieuw_bekijken_op)
    if bevestigd:
        titel = _("Gesprek met de leerling: probleem bevestigd, door naar consultatie")
    else:
        titel = _("Gesprek met de leerling: niet bevestigd, leerling blijft in observatie "
                  "tot %(d)s") % {"d": datum_nl(opnieuw_bekijken_op) if opnieuw_bekijken_op
                                  else "?"}
        _termijn_tot(zd, omschrijving=_("Leerling opnieuw bekijken (observatie)"),
                     datum=opnieuw_bekijken_op, onderwerp=zd, verantwoordelijke=door,
                     regel=regels.BRON_OBSERVATIE,
                     veld=_("opnieuw bekijken op"))
    _stap(zd, door=door, stap="gesprek", titel=titel, besluit=notitie, datum=datum)
    _dossierstuk(zd, door=door, titel=titel, inhoud=notitie, bron=gesprek, datum=datum)
    return gesprek


# --- stap 2: consultatie -------------------------------------------------------------------

def _remedial_teacher(zd: Zorgdossier, remedial_teacher):
    if remedial_teacher is None:
        raise ZorgFout(_("Kies de remedial teacher bij wie de leerling wordt aangemeld."))
    # Stap 2.2: whoever holds the remedial teacher's step at the school (its care rows).
    if not Roltoewijzing.objects.filter(
            medewerker__user=remedial_teacher, school=zd.school,
            rol__in=toegang.rollen_met(zd.school, toegang.ZORG_REMEDIAL)).exists():
        raise ZorgFout(_("%(n)s is geen remedial teacher van deze school.")
                       % {"n": naam_van(remedial_teacher)})
    return remedial_teacher


def _doorverwijzen(zd: Zorgdossier, *, keuze: str, remedial_teacher, wat: str) -> None:
    if keuze == Consultatiekeuze.MENTOR:
        _overgang(zd, zd.naar_mentortraject, wat)
    elif keuze == Consultatiekeuze.REMEDIAL_TEACHER:
        _overgang(zd, zd.naar_remedial_teacher, wat,
                  remedial_teacher=_remedial_teacher(zd, remedial_teacher))
    elif keuze == Consultatiekeuze.ZORGCOORDINATOREN:
        _overgang(zd, zd.naar_zorgcoordinatoren, wat)
    else:
        raise ZorgFout(_("Kies wie het traject oppakt: de mentor, de remedial teacher of de "
                         "zorgcoördinatoren."))


#: Whom a referral goes to, for the refusal of a referral the phase does not allow.
KEUZE_NAAR = {
    Consultatiekeuze.MENTOR: _("de mentor (traject 1)"),
    Consultatiekeuze.REMEDIAL_TEACHER: _("de remedial teacher"),
    Consultatiekeuze.ZORGCOORDINATOREN: _("de zorgcoördinatoren"),
}

KEUZE_TITEL = {
    Consultatiekeuze.MENTOR: _("de mentor pakt het op met de ouders (traject 1)"),
    Consultatiekeuze.REMEDIAL_TEACHER: _("officieel aangemeld bij de remedial teacher"),
    Consultatiekeuze.ZORGCOORDINATOREN: _("officieel aangemeld bij de zorgcoördinatoren"),
}


@transaction.atomic
def consultatie_vastleggen(*, door, zorgdossier: Zorgdossier, datum: date, aard_en_ernst: str,
                           keuze: str, remedial_teacher=None) -> Consultatie:
    """Stap 2 (also from observation, stap 1b: "overleggen met de zorgcoördinatoren")."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    # Later escalations (2.1 -> 2 or 3, 2.2 -> 3) go through `doorverwijzen`.
    _toetsen(door, zd, "consultatie")
    aard_en_ernst = _tekst(aard_en_ernst, _("aard en ernst"))
    _niet_in_toekomst(datum, _("datum"))
    _doorverwijzen(zd, keuze=keuze, remedial_teacher=remedial_teacher,
                   wat=_("De consultatie vastleggen"))
    zd.save()
    _fasetermijnen_voldaan(zd)
    consultatie = Consultatie.objects.create(zorgdossier=zd, datum=datum, door=door,
                                             aard_en_ernst=aard_en_ernst, keuze=keuze)
    titel = _("Consultatie zorg: %(k)s") % {"k": KEUZE_TITEL[keuze]}
    if keuze == Consultatiekeuze.REMEDIAL_TEACHER:
        titel += f" ({naam_van(zd.remedial_teacher)})"
    _stap(zd, door=door, stap="consultatie", titel=titel, besluit=aard_en_ernst, datum=datum)
    _dossierstuk(zd, door=door, titel=titel, inhoud=aard_en_ernst, bron=consultatie,
                 datum=datum)
    _overdragen(zd, door=door, keuze=keuze)
    return consultatie


@transaction.atomic
def oudercontact_vastleggen(*, door, zorgdossier: Zorgdossier, datum: date, wijze: str,
                            verslag: str) -> Oudercontact:
    """Stap 2.1: the mentor keeps in touch with the parents (talk, phone, e-mail)."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "oudercontact")
    verslag = _tekst(verslag, _("verslag en afspraken"))
    _niet_in_toekomst(datum, _("datum"))
    contact = Oudercontact.objects.create(zorgdossier=zd, datum=datum, wijze=wijze,
                                          verslag=verslag, door=door)
    titel = _("Contact met ouders (%(w)s)") % {"w": contact.get_wijze_display()}
    _stap(zd, door=door, stap="oudercontact", titel=titel, besluit=verslag, datum=datum)
    _dossierstuk(zd, door=door, titel=titel, inhoud=verslag, bron=contact, datum=datum)
    return contact


@transaction.atomic
def doorverwijzen(*, door, zorgdossier: Zorgdossier, keuze: str, toelichting: str,
                  remedial_teacher=None) -> Zorgdossier:
    """Stap 2.1: "Indien de problemen aanhouden of verergeren, naar substap 2 of 3" (the
    mentor); stap 2.2: the remedial teacher hands on to the zorgcoördinatoren."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "doorverwijzen")
    mogelijk = stappen.verwijzingen(zd)
    if keuze not in mogelijk:
        raise ZorgFout(_("Vanuit de fase '%(fase)s' kan de leerling alleen worden aangemeld "
                         "bij %(keuzes)s.") % {
            "fase": zd.get_fase_display(),
            "keuzes": f" {_('of')} ".join(str(KEUZE_NAAR[k]) for k in mogelijk)})
    toelichting = _tekst(toelichting, _("toelichting"))
    _doorverwijzen(zd, keuze=keuze, remedial_teacher=remedial_teacher,
                   wat=_("Doorverwijzen"))
    zd.save()
    _fasetermijnen_voldaan(zd)
    titel = _("Problemen houden aan: %(k)s") % {"k": KEUZE_TITEL[keuze]}
    _stap(zd, door=door, stap="doorverwijzing", titel=titel, besluit=toelichting)
    _dossierstuk(zd, door=door, titel=titel, inhoud=toelichting, bron=zd)
    _overdragen(zd, door=door, keuze=keuze)
    return zd


# --- stap 3: probleemanalyse ---------------------------------------------------------------

@transaction.atomic
def probleemanalyse_vastleggen(
    *, door, zorgdossier: Zorgdossier, gesprek_leerling_op: date, gesprek_ouders_op: date,
    analyse: str, intern_overleg: str = "", zat_geraadpleegd: bool = False,
    zat_deelnemers: str = "", zat_advies: str = "", voor_mentor: str = "",
) -> Probleemanalyse:
    """Stap 3: after talking with pupil and parents; internal consultation and, where
    needed, the Zorg Advies Team (who took part, what they advised)."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "analyse")
    _niet_in_toekomst(gesprek_leerling_op, _("gesprek met de leerling op"))
    _niet_in_toekomst(gesprek_ouders_op, _("gesprek met de ouders op"))
    analyse = _tekst(analyse, _("probleemanalyse"))
    if zat_geraadpleegd:
        zat_deelnemers = _tekst(zat_deelnemers, _("deelnemers ZAT"))
        zat_advies = _tekst(zat_advies, _("advies ZAT"))
    elif (zat_deelnemers or "").strip() or (zat_advies or "").strip():
        raise ZorgFout(_("U vulde deelnemers of advies van het Zorg Advies Team in: vink dan "
                         "ook 'Zorg Advies Team geraadpleegd' aan."))
    _overgang(zd, zd.analyse_afronden, _("De probleemanalyse vastleggen"))
    zd.save()
    _fasetermijnen_voldaan(zd)  # the referral's deadline: the analysis is made
    pa = Probleemanalyse.objects.create(
        zorgdossier=zd, gesprek_leerling_op=gesprek_leerling_op,
        gesprek_ouders_op=gesprek_ouders_op, analyse=analyse,
        intern_overleg=(intern_overleg or "").strip(), zat_geraadpleegd=zat_geraadpleegd,
        zat_deelnemers=(zat_deelnemers or "").strip(), zat_advies=(zat_advies or "").strip(),
        voor_mentor=(voor_mentor or "").strip(), door=door, datum=timezone.localdate())
    besluit = analyse
    if zat_geraadpleegd:
        besluit += "\n\n" + _("Zorg Advies Team (%(d)s): %(a)s") % {
            "d": pa.zat_deelnemers, "a": pa.zat_advies}
    _stap(zd, door=door, stap="probleemanalyse", titel=_("Probleemanalyse vastgelegd"),
          besluit=besluit, zichtbaarheid=Zichtbaarheid.ZORG)
    gedeeld = pa.voor_mentor or _("De zorgcoördinatoren hebben met de leerling en de ouders "
                                  "gesproken en een probleemanalyse gemaakt.")
    _stap(zd, door=door, stap="probleemanalyse_gedeeld",
          titel=_("Probleemanalyse: gedeeld met de mentor"), besluit=gedeeld)
    _dossierstuk(zd, door=door, titel=_("Probleemanalyse door de zorgcoördinatoren"),
                 inhoud=gedeeld, bron=pa)
    return pa


# --- stap 4: plan van aanpak ---------------------------------------------------------------

def meldcode_besluit(vragen: list[bool | None]) -> str:
    """The afwegingskader of the meldcode (compulsory since 2019), question by question:
    1 no suspicion -> no report; 2 acute or structural danger -> report; 3 no effective help
    possible -> report; 4 help not accepted -> report; 5 help not in time -> report; all
    five passed -> offer or organise help and follow its effects. An answer after the one
    that decides is not asked, so it must stay empty."""
    stop_bij = {0: False, 1: True, 2: False, 3: False, 4: False}
    for i, antwoord in enumerate(vragen):
        if antwoord is None:
            raise ZorgFout(_("Beantwoord vraag %(n)d van het afwegingskader.") % {"n": i + 1})
        if antwoord == stop_bij[i]:
            if any(v is not None for v in vragen[i + 1:]):
                raise ZorgFout(_("Na het antwoord op vraag %(n)d van het afwegingskader "
                                 "stopt de afweging: laat de vragen daarna leeg.")
                               % {"n": i + 1})
            return Meldcodebesluit.GEEN_VERMOEDEN if i == 0 else Meldcodebesluit.MELDEN
    return Meldcodebesluit.HULP


MELDCODESTAPPEN = ("stap1_in_kaart", "stap2_consultatie", "stap3_gesprek", "stap4_wegen",
                   "stap5_beslissen")
MELDCODEVRAGEN = ("vraag1_vermoeden", "vraag2_onveilig", "vraag3_hulp_mogelijk",
                  "vraag4_hulp_aanvaard", "vraag5_resultaat")


@transaction.atomic
def traject_toevoegen(*, door, zorgdossier: Zorgdossier, soort: str, doelen: str,
                      wie_doet_wat: str, evaluatiedata: list[date], organisatie: str = "",
                      meldcode: dict | None = None) -> Traject:
    """Stap 4: one trajectory of the plan van aanpak, with goals, who does what, and
    evaluation dates that become deadlines for the zorgcoördinator. A Veilig Thuis
    trajectory records the meldcode's five steps and the afwegingskader's five answers."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "traject")
    if soort not in Trajectsoort.values:
        raise ZorgFout(_("Kies een van de vier trajecten van het plan van aanpak."))
    organisatie = (organisatie or "").strip()
    if soort in (Trajectsoort.EXTERNE_HULP, Trajectsoort.SAMENWERKINGSVERBAND) and not organisatie:
        raise ZorgFout(_("Noem de organisatie (bijvoorbeeld BJZ, Jeugdformaat, Jutters, of "
                         "Rebound, Knooppunt, Compact)."))
    doelen = _tekst(doelen, _("doelen"))
    wie_doet_wat = _tekst(wie_doet_wat, _("wie doet wat"))
    data = sorted({d for d in evaluatiedata if d})
    if not data:
        raise ZorgFout(_("Geef ten minste één evaluatiedatum op."))
    besluit = None
    if soort == Trajectsoort.VEILIG_THUIS:
        meldcode = meldcode or {}
        for veld in MELDCODESTAPPEN:
            _tekst(meldcode.get(veld), str(Meldcode._meta.get_field(veld).verbose_name))
        besluit = meldcode_besluit([meldcode.get(v) for v in MELDCODEVRAGEN])
        if besluit == Meldcodebesluit.MELDEN and not organisatie:
            organisatie = "Veilig Thuis"
    traject = Traject.objects.create(zorgdossier=zd, soort=soort, organisatie=organisatie,
                                     doelen=doelen, wie_doet_wat=wie_doet_wat, door=door,
                                     datum=timezone.localdate())
    zichtbaarheid = Zichtbaarheid.MELDCODE if traject.is_meldcode else Zichtbaarheid.ZORG
    for d in data:
        evaluatie = Evaluatie.objects.create(traject=traject, gepland_op=d)
        evaluatie.termijn = _termijn_tot(
            # The same wording for every trajectory: a deadline list must not hint at the
            # meldcode.
            zd, omschrijving=_("Evaluatie zorgtraject"), datum=d, onderwerp=evaluatie,
            regel=regels.BRON_EVALUATIE,
            verantwoordelijke=door, veld=_("evaluatiedatum"))
        evaluatie.save(update_fields=["termijn"])
    tekst = _("Doelen: %(d)s\nWie doet wat: %(w)s\nEvaluatie: %(e)s") % {
        "d": doelen, "w": wie_doet_wat, "e": ", ".join(datum_nl(d) for d in data)}
    if besluit is not None:
        mc = Meldcode.objects.create(traject=traject, besluit=besluit,
                                     **{k: meldcode[k].strip() for k in MELDCODESTAPPEN},
                                     **{k: meldcode.get(k) for k in MELDCODEVRAGEN})
        tekst = _("Besluit volgens het afwegingskader: %(b)s\n") % {
            "b": mc.get_besluit_display()} + tekst
    titel = _("Traject in het plan van aanpak: %(s)s") % {"s": traject.get_soort_display()}
    if organisatie:
        titel += f" ({organisatie})"
    _stap(zd, door=door, stap="traject", titel=titel, besluit=tekst,
          zichtbaarheid=zichtbaarheid)
    return traject


@transaction.atomic
def plan_vaststellen(*, door, zorgdossier: Zorgdossier) -> Zorgdossier:
    """Stap 4 done: the plan with its trajectories; on to the feedback (stap 5)."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "plan")
    trajecten = list(zd.trajecten.all())
    _overgang(zd, zd.plan_vaststellen, _("Het plan van aanpak vaststellen"))
    zd.save()
    # The shared timeline line names only the trajectories not under the meldcode (see the
    # module docstring). The dossier entry names none: at some schools every teacher of the
    # pupil reads the dossier (Noordgouw art. 6.2); what the mentor and the dossier should
    # know, the zorgcoördinator writes in the feedback (stap 5).
    zichtbaar = [t for t in trajecten if not t.is_meldcode]
    regels_ = [f"- {t.get_soort_display()}" + (f" ({t.organisatie})" if t.organisatie else "")
               for t in zichtbaar]
    inhoud = "\n".join(regels_) or _("Begeleiding door de zorgcoördinatoren.")
    _stap(zd, door=door, stap="plan", titel=_("Plan van aanpak vastgesteld"), besluit=inhoud)
    _dossierstuk(zd, door=door, titel=_("Plan van aanpak zorg vastgesteld"),
                 inhoud=_("De zorgcoördinatoren hebben een plan van aanpak vastgesteld en "
                          "koppelen het terug aan mentor, leerling en ouders."), bron=zd)
    return zd


# --- stap 5: terugkoppeling en bewaken -----------------------------------------------------

@transaction.atomic
def terugkoppeling_vastleggen(*, door, zorgdossier: Zorgdossier, datum: date,
                              voor_mentor: str, mentor: bool, leerling: bool, ouders: bool,
                              uitnodiging: dict | None = None) -> Zorgdossier:
    """Stap 5: the plan fed back to mentor, pupil and parents; what is shared with the
    mentor lands in the dossier; optionally an invitation to the parents (a letter)."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "terugkoppeling")
    _niet_in_toekomst(datum, _("datum"))
    voor_mentor = _tekst(voor_mentor, _("gedeeld met de mentor"))
    if not (mentor and leerling and ouders) and not uitnodiging:
        raise ZorgFout(_("Koppel het plan terug aan mentor, leerling én ouders (stap 5), of "
                         "nodig de ouders uit voor een gesprek."))
    _overgang(zd, zd.terugkoppelen, _("De terugkoppeling vastleggen"))
    zd.save()
    met = [n for n, ja in ((_("mentor"), mentor), (_("leerling"), leerling),
                           (_("ouders"), ouders)) if ja]
    titel = _("Plan van aanpak teruggekoppeld aan %(m)s") % {"m": ", ".join(met) or "—"}
    _stap(zd, door=door, stap="terugkoppeling", titel=titel, besluit=voor_mentor, datum=datum)
    _dossierstuk(zd, door=door, titel=titel, inhoud=voor_mentor, bron=zd, datum=datum)
    if uitnodiging:
        gesprek_datum = uitnodiging.get("gesprek_datum")
        if not gesprek_datum or not uitnodiging.get("gesprek_tijd") or not (
            uitnodiging.get("plaats") or ""
        ).strip():
            raise ZorgFout(_("Vul datum, tijd en plaats van het gesprek met de ouders in."))
        brief_aanvragen(
            door=door, leerling=zd.leerling, soort="uitnodiging_gesprek",
            sleutel=f"zorg:{zd.pk}:terugkoppeling", bron=zd,
            gegevens={"gesprek_datum": datum_nl(gesprek_datum),
                      "gesprek_tijd": uitnodiging["gesprek_tijd"].strftime("%H:%M"),
                      "plaats": uitnodiging["plaats"].strip(),
                      "aanleiding": _("de begeleiding van %(n)s op school")
                      % {"n": zd.leerling.roepnaam},
                      "met_wie": naam_van(door) + ", " + _("zorgcoördinator")})
    return zd


@transaction.atomic
def evaluatie_vastleggen(*, door, evaluatie: Evaluatie, datum: date, verslag: str
                         ) -> Evaluatie:
    """Stap 5: "verantwoordelijk voor het bewaken van het proces": an evaluation held."""
    evaluatie = Evaluatie.objects.select_related("traject").get(pk=evaluatie.pk)
    zd = vergrendeld(_ZORGDOSSIERS, evaluatie.traject.zorgdossier)
    evaluatie = Evaluatie.objects.select_for_update().select_related("traject").get(
        pk=evaluatie.pk)
    _toetsen(door, zd, "evaluatie", evaluatie=evaluatie)
    _niet_in_toekomst(datum, _("datum"))
    evaluatie.uitgevoerd_op, evaluatie.verslag = datum, _tekst(verslag, _("verslag"))
    evaluatie.save(update_fields=["uitgevoerd_op", "verslag"])
    if evaluatie.termijn_id and evaluatie.termijn.status in (Termijnstatus.OPEN,
                                                             Termijnstatus.VERLOPEN):
        termijn_voldaan(evaluatie.termijn)
    _stap(zd, door=door, stap="evaluatie",
          titel=_("Evaluatie: %(s)s") % {"s": evaluatie.traject.get_soort_display()},
          besluit=evaluatie.verslag, datum=datum,
          zichtbaarheid=Zichtbaarheid.MELDCODE if evaluatie.traject.is_meldcode
          else Zichtbaarheid.ZORG)
    return evaluatie


@transaction.atomic
def informatie_delen(*, door, zorgdossier: Zorgdossier, tekst: str) -> Zorgstap:
    """Stap 5: "Relevante informatie wordt gedeeld met de mentor en genoteerd in Magister"
    while the zorgcoördinatoren monitor the plan."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "delen")
    tekst = _tekst(tekst, _("informatie voor de mentor"))
    stap = _stap(zd, door=door, stap="gedeeld", titel=_("Informatie voor de mentor"),
                 besluit=tekst)
    _dossierstuk(zd, door=door, titel=_("Zorgtraject: informatie voor de mentor"),
                 inhoud=tekst, bron=zd)
    return stap


@transaction.atomic
def zorgdossier_afsluiten(*, door, zorgdossier: Zorgdossier, conclusie: str) -> Zorgdossier:
    """Close the case with a conclusion: the mentor after observation or an improved mentor
    trajectory, the remedial teacher after their trajectory, the zorgcoördinator after
    monitoring. Open evaluations lapse."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "afsluiten")
    conclusie = _tekst(conclusie, _("conclusie"))
    _overgang(zd, zd.afsluiten, _("Afsluiten"), op=timezone.localdate(), conclusie=conclusie)
    zd.save()
    for termijn in _open_termijnen(zd):
        termijn_vervallen(termijn)
    for evaluatie in Evaluatie.objects.filter(traject__zorgdossier=zd, uitgevoerd_op__isnull=True,
                                              termijn__isnull=False).select_related("termijn"):
        if evaluatie.termijn.status in (Termijnstatus.OPEN, Termijnstatus.VERLOPEN):
            termijn_vervallen(evaluatie.termijn)
    _stap(zd, door=door, stap="afgesloten", titel=_("Zorgtraject afgesloten"),
          besluit=conclusie)
    _dossierstuk(zd, door=door, titel=_("Zorgtraject afgesloten"), inhoud=conclusie, bron=zd)
    return zd


@transaction.atomic
def zorgtoegang_verlenen(*, door, zorgdossier: Zorgdossier, aan, tot: date, reden: str):
    """Whoever coordinates the case opens this pupil's care file (not the meldcode) to a
    colleague, e.g. a remedial teacher, with the explicit grant scope "zorg": through the one
    grant policy of `dossiers.toekenningen` (who may give it and to whom: `zorg.toegang`)."""
    zd = vergrendeld(_ZORGDOSSIERS, zorgdossier)
    _toetsen(door, zd, "toegang")
    toekenning = toekenning_verlenen(
        door=door, aan=aan, leerling=zd.leerling, omvang=Toekenningsomvang.ZORG,
        reden=_tekst(reden, _("reden")), geldig_vanaf=timezone.localdate(), geldig_tot=tot)
    _stap(zd, door=door, stap="toegang",
          titel=_("Toegang tot het zorgdossier gegeven aan %(n)s tot en met %(d)s")
          % {"n": naam_van(aan), "d": datum_nl(tot)}, besluit=toekenning.reden,
          zichtbaarheid=Zichtbaarheid.ZORG)
    return toekenning
