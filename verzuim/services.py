"""The acts of te laat en verzuim. Each: `@transaction.atomic`, the step's check first
(verzuim/stappen.py), then the django-fsm transition, the dossier entry in section
"verzuim" (author and source), and the thresholds counted again (verzuim/drempels.py).
One Dutch `InvoerFout` per refusal; nothing written on refusal."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import dossier
from statuut import kalender
from statuut.hulp import naam_van, vergrendeld
from statuut.models import Dossiersectie
from statuut.services import InvoerFout, termijn_voldaan

from . import brieven, drempels, stappen
from .models import (
    Absentie,
    Actiestatus,
    Bron,
    Drempelactie,
    Melding,
    Oordeel,
    TeLaat,
    Verlofaanvraag,
    Verlofstatus,
)


def _schooldag(leerling, datum: date, vandaag: date) -> None:
    if datum > vandaag:
        raise InvoerFout(_("%(d)s ligt in de toekomst: registreer wat gebeurd is.")
                         % {"d": f"{datum:%d-%m-%Y}"})
    try:
        reden = kalender.reden_vrij(leerling.school, datum)
    except kalender.KalenderOnbekend as exc:
        raise InvoerFout(str(exc)) from exc
    if reden:
        raise InvoerFout(_("%(d)s is geen schooldag (%(r)s).")
                         % {"d": f"{datum:%d-%m-%Y}", "r": reden})


def _oordeel(oordeel: str) -> str:
    if oordeel not in Oordeel.values:
        raise InvoerFout(_("Kies geoorloofd, ongeoorloofd of nog te beoordelen."))
    return oordeel


def _bron_tekst(bron: str, door) -> str:
    return _("Geregistreerd door %(n)s (%(b)s).") % {"n": naam_van(door),
                                                     "b": Bron(bron).label}


def _te_laat_tekst(t: TeLaat) -> tuple[str, str]:
    titel = _("Te laat op %(d)s, %(u)de uur (%(m)d minuten)") % {
        "d": f"{t.datum:%d-%m-%Y}", "u": t.lesuur, "m": t.minuten}
    delen = [_("Oordeel: %(o)s.") % {"o": Oordeel(t.oordeel).label}]
    if t.reden:
        delen.append(_("Reden volgens de leerling: %(r)s") % {"r": t.reden})
    if t.briefje_ouders:
        delen.append(_("Briefje van de ouders: %(b)s") % {"b": t.briefje_ouders})
    return titel, "\n".join(delen)


def _absentie_tekst(a: Absentie) -> tuple[str, str]:
    uren = a.lesuren or str(a.uren)
    titel = _("Absent op %(d)s (lesuren %(u)s)") % {"d": f"{a.datum:%d-%m-%Y}", "u": uren}
    delen = [Melding(a.melding).label + ".", _("Oordeel: %(o)s.") % {"o": Oordeel(a.oordeel).label}]
    if a.reden:
        delen.append(_("Reden: %(r)s") % {"r": a.reden})
    if a.retourbriefje:
        delen.append(_("Terugmelding: %(b)s") % {"b": a.retourbriefje})
    return titel, "\n".join(delen)


@transaction.atomic
def te_laat_registreren(*, door, leerling, datum: date, lesuur: int, minuten: int,
                        oordeel: str = Oordeel.ONGEOORLOOFD, reden: str = "",
                        briefje_ouders: str = "", bron: str = Bron.HANDMATIG,
                        lvs_sleutel: str = "", controleer: bool = True,
                        vandaag: date | None = None) -> TeLaat:
    """Bijlage A: the docent notes the pupil late; it counts as ongeoorloofd until the
    mentor decides otherwise (unless registered as geoorloofd or to be judged)."""
    if controleer:
        stappen.toetsen(stappen.weigering(door, "te_laat_registreren", leerling))
    _schooldag(leerling, datum, vandaag or timezone.localdate())
    if not 1 <= lesuur <= 15:
        raise InvoerFout(_("Het lesuur is een getal van 1 tot en met 15."))
    if not 1 <= minuten <= 300:
        raise InvoerFout(_("Het aantal minuten te laat is een getal van 1 tot en met 300."))
    t = TeLaat(leerling=leerling, datum=datum, lesuur=lesuur, minuten=minuten,
               oordeel=_oordeel(oordeel), reden=reden.strip(),
               briefje_ouders=briefje_ouders.strip(), geregistreerd_door=door, bron=bron,
               lvs_sleutel=lvs_sleutel)
    try:
        with transaction.atomic():
            t.save()
    except IntegrityError as exc:
        raise InvoerFout(_("%(n)s staat op %(d)s in het %(u)de uur al als te laat "
                           "geregistreerd.") % {"n": leerling.roepnaam,
                                                 "d": f"{datum:%d-%m-%Y}", "u": lesuur}) from exc
    titel, inhoud = _te_laat_tekst(t)
    t.gevolgen = [f"{d.actie} ({d.artikel})" if d.artikel else d.actie
                  for d in drempels.per_keer(leerling, t)]
    t.dossierstuk = dossier.stuk_toevoegen(
        door=door, leerling=leerling, sectie=Dossiersectie.VERZUIM, titel=titel,
        inhoud="\n".join([inhoud, *t.gevolgen, _bron_tekst(bron, door)]), datum=datum,
        bron=t, controleer=False)
    t.save(update_fields=["dossierstuk"])
    drempels.bijwerken(door=door, leerling=leerling, op=datum)
    return t


@transaction.atomic
def absentie_registreren(*, door, leerling, datum: date, uren: int, lesuren: str = "",
                         melding: str, oordeel: str, reden: str = "", retourbriefje: str = "",
                         bron: str = Bron.HANDMATIG, lvs_sleutel: str = "",
                         controleer: bool = True, vandaag: date | None = None) -> Absentie:
    """Echnaton bijlage A / Noordgouw art. 11.4.2: the parents' call before the school day,
    or absent without notice (then spijbelen unless the note follows)."""
    if controleer:
        stappen.toetsen(stappen.weigering(door, "absentie_registreren", leerling))
    _schooldag(leerling, datum, vandaag or timezone.localdate())
    if melding not in Melding.values:
        raise InvoerFout(_("Kies of de ouders de absentie vooraf meldden."))
    if not 1 <= uren <= 15:
        raise InvoerFout(_("Het aantal lesuren is een getal van 1 tot en met 15."))
    a = Absentie(leerling=leerling, datum=datum, uren=uren, lesuren=lesuren.strip(),
                 melding=melding, oordeel=_oordeel(oordeel), reden=reden.strip(),
                 retourbriefje=retourbriefje.strip(), geregistreerd_door=door, bron=bron,
                 lvs_sleutel=lvs_sleutel)
    a.save()
    titel, inhoud = _absentie_tekst(a)
    a.dossierstuk = dossier.stuk_toevoegen(
        door=door, leerling=leerling, sectie=Dossiersectie.VERZUIM, titel=titel,
        inhoud=inhoud + "\n" + _bron_tekst(bron, door), datum=datum, bron=a, controleer=False)
    a.save(update_fields=["dossierstuk"])
    drempels.bijwerken(door=door, leerling=leerling, op=datum)
    return a


@transaction.atomic
def beoordelen(*, door, registratie: TeLaat | Absentie, oordeel: str, toelichting: str,
               briefje_ouders: str = "") -> TeLaat | Absentie:
    """Bijlage A: "De mentor wijzigt het van ongeoorloofd in geoorloofd", with the parents'
    note. The dossier entry gets an addendum with who and why; the thresholds are counted
    again (a drop below one closes what it opened)."""
    registratie = vergrendeld(type(registratie), registratie.pk)
    leerling = registratie.leerling
    stappen.toetsen(stappen.weigering(door, "beoordelen", leerling, obj=registratie,
                                      oordeel=_oordeel(oordeel)))
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise InvoerFout(_("Geef aan waarom (bijvoorbeeld het briefje van de ouders)."))
    if oordeel == Oordeel.GEOORLOOFD:
        registratie.geoorloofd_verklaren(door=door)
    elif oordeel == Oordeel.ONGEOORLOOFD:
        registratie.ongeoorloofd_verklaren(door=door)
    else:
        raise InvoerFout(_("Kies geoorloofd of ongeoorloofd."))
    if briefje_ouders.strip():
        if isinstance(registratie, TeLaat):
            registratie.briefje_ouders = briefje_ouders.strip()
        else:
            registratie.retourbriefje = briefje_ouders.strip()
            registratie.retour_op = timezone.localdate()
    titel, inhoud = (_te_laat_tekst(registratie) if isinstance(registratie, TeLaat)
                     else _absentie_tekst(registratie))
    registratie.dossierstuk = dossier.stuk_corrigeren(
        door=door, stuk=registratie.dossierstuk, titel=titel,
        inhoud=inhoud + "\n" + _("Beoordeeld door %(n)s.") % {"n": naam_van(door)},
        reden=toelichting, controleer=False)
    registratie.save()
    drempels.bijwerken(door=door, leerling=leerling, op=registratie.datum)
    return registratie


@transaction.atomic
def actie_afhandelen(*, door, actie: Drempelactie, notitie: str) -> Drempelactie:
    """The threshold's step was taken (the make-up arranged, the talk held, the report
    made): its deadline is met."""
    actie = vergrendeld(Drempelactie, actie.pk)
    stappen.toetsen(stappen.weigering(door, "afhandelen", actie.leerling, obj=actie))
    notitie = (notitie or "").strip()
    if not notitie:
        raise InvoerFout(_("Schrijf kort op wat er is gedaan."))
    vandaag = timezone.localdate()
    actie.afhandelen(door=door, op=vandaag, notitie=notitie)
    actie.save()
    if actie.termijn is not None and actie.termijn.status in ("open", "verlopen"):
        termijn_voldaan(actie.termijn)
    dossier.stuk_toevoegen(
        door=door, leerling=actie.leerling, sectie=Dossiersectie.VERZUIM, controleer=False,
        titel=_("Verzuimactie gedaan: %(a)s") % {"a": actie.get_actie_code_display()},
        inhoud=notitie, datum=vandaag, bron=actie)
    return actie


@transaction.atomic
def drempel_signaleren(*, door, leerling, drempelcode: str, toelichting: str,
                       vandaag: date | None = None) -> Drempelactie:
    """Noordgouw art. 14.7 ("herhaaldelijk") and 14.8 ("veelvuldig"): a threshold without a
    number is the school's judgement; whoever holds `verzuim.drempel_signaleren` opens its
    step (with its deadline, and the letter when the step is one) and says why."""
    stappen.toetsen(stappen.weigering(door, "signaleren", leerling))
    vandaag = vandaag or timezone.localdate()
    drempel = next((d for d in drempels.handmatige_drempels(leerling, vandaag)
                    if d.code == drempelcode), None)
    if drempel is None:
        raise InvoerFout(_("Kies een drempel zonder aantal uit het statuut."))
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise InvoerFout(_("Schrijf op waarom: welk verzuim, hoe vaak."))
    vergrendeld(type(leerling), leerling.pk)  # one signal at a time per pupil
    if Drempelactie.objects.filter(leerling=leerling, drempelcode=drempel.code,
                                   status=Actiestatus.OPEN).exists():
        raise InvoerFout(_("Voor %(n)s staat deze actie al open.") % {"n": leerling.roepnaam})
    try:
        with transaction.atomic():
            return drempels.signaleren(door=door, leerling=leerling, drempel=drempel,
                                       op=vandaag, toelichting=toelichting)
    except kalender.KalenderOnbekend as exc:
        raise InvoerFout(str(exc)) from exc
    except IntegrityError as exc:
        raise InvoerFout(_("Deze week is dit al eens gesignaleerd.")) from exc


def _verlof_tekst(a: Verlofaanvraag) -> tuple[str, str]:
    titel = _("Verlofaanvraag %(v)s tot en met %(t)s (%(n)d schooldagen): %(s)s") % {
        "v": f"{a.eerste_dag:%d-%m-%Y}", "t": f"{a.laatste_dag:%d-%m-%Y}", "n": a.schooldagen,
        "s": a.get_status_display()}
    delen = [_("Aangevraagd door %(o)s, schriftelijk ontvangen op %(d)s.") % {
        "o": a.aangevraagd_door, "d": f"{a.ontvangen_op:%d-%m-%Y}"},
        _("Reden: %(r)s") % {"r": a.reden}]
    if a.motivering:
        delen.append(_("Motivering: %(m)s") % {"m": a.motivering})
    return titel, "\n".join(delen)


@transaction.atomic
def verlof_registreren(*, door, leerling, eerste_dag: date, laatste_dag: date, reden: str,
                       aangevraagd_door: str, ontvangen_op: date,
                       vandaag: date | None = None) -> Verlofaanvraag:
    """Echnaton bijlage A: the parents ask the schoolleiding in writing, well ahead;
    Noordgouw art. 10.5: only the parents can ask (Leerplichtwet art. 14). The desk records
    the letter; who decides follows from its length (verzuim/stappen.py)."""
    stappen.toetsen(stappen.weigering(door, "verlof_registreren", leerling))
    vandaag = vandaag or timezone.localdate()
    reden, aangevraagd_door = (reden or "").strip(), (aangevraagd_door or "").strip()
    if not reden or not aangevraagd_door:
        raise InvoerFout(_("Vul in welke ouder het verlof vraagt en waarom."))
    if laatste_dag < eerste_dag:
        raise InvoerFout(_("De laatste dag ligt voor de eerste dag."))
    if ontvangen_op > vandaag:
        raise InvoerFout(_("De aanvraag kan niet in de toekomst ontvangen zijn."))
    try:
        dagen = kalender.schooldagen_tussen(leerling.school,
                                            eerste_dag - timedelta(days=1), laatste_dag)
    except kalender.KalenderOnbekend as exc:
        raise InvoerFout(str(exc)) from exc
    if dagen == 0:
        raise InvoerFout(_("In deze periode valt geen schooldag: verlof is niet nodig."))
    a = Verlofaanvraag.objects.create(
        leerling=leerling, school=leerling.school, eerste_dag=eerste_dag,
        laatste_dag=laatste_dag, schooldagen=dagen, reden=reden,
        aangevraagd_door=aangevraagd_door, ontvangen_op=ontvangen_op, geregistreerd_door=door)
    titel, inhoud = _verlof_tekst(a)
    a.dossierstuk = dossier.stuk_toevoegen(
        door=door, leerling=leerling, sectie=Dossiersectie.VERZUIM, titel=titel,
        inhoud=inhoud, datum=vandaag, bron=a, controleer=False)
    a.save(update_fields=["dossierstuk"])
    return a


@transaction.atomic
def verlof_stap(*, door, aanvraag: Verlofaanvraag, stap: str, motivering: str,
                vandaag: date | None = None) -> Verlofaanvraag:
    """toekennen / afwijzen (the head up to the rows' limit; the leerplichtambtenaar's answer
    after doorsturen), or doorsturen (beyond every limit). The entry gets an addendum."""
    aanvraag = vergrendeld(Verlofaanvraag, aanvraag.pk)
    if stap not in stappen.VERLOFSTAPPEN:
        raise InvoerFout(_("Onbekende stap."))
    stappen.toetsen(stappen.weigering(door, stap, aanvraag.leerling, obj=aanvraag))
    motivering = (motivering or "").strip()
    if not motivering:
        raise InvoerFout(_("Schrijf de motivering op."))
    vandaag = vandaag or timezone.localdate()
    door_school = aanvraag.status == Verlofstatus.AANGEVRAAGD
    if stap == "doorsturen":
        aanvraag.doorsturen()
        aanvraag.motivering = motivering
    else:
        getattr(aanvraag, stap)(door=door, op=vandaag, motivering=motivering)
    aanvraag.save()
    if stap != "doorsturen" and door_school:
        brieven.verlofbesluit(door=door, aanvraag=aanvraag, op=vandaag)
    titel, inhoud = _verlof_tekst(aanvraag)
    aanvraag.dossierstuk = dossier.stuk_corrigeren(
        door=door, stuk=aanvraag.dossierstuk, titel=titel,
        inhoud=inhoud + "\n" + _("Door %(n)s.") % {"n": naam_van(door)}, reden=motivering,
        controleer=False)
    aanvraag.save(update_fields=["dossierstuk"])
    return aanvraag


@transaction.atomic
def uitnodigen(*, door, actie: Drempelactie, datum: date, tijd, plaats: str,
               vandaag: date | None = None):
    """Bijlage A: "Ben je 6 keer ongeoorloofd te laat in een periode, dan gaat je mentor een
    gesprek aan met jou en je ouder(s)": the invitation to the parents in writing (the
    shared letter kind `uitnodiging_gesprek`). The step stays open until the talk is held."""
    actie = vergrendeld(Drempelactie, actie.pk)
    stappen.toetsen(stappen.weigering(door, "uitnodigen", actie.leerling, obj=actie))
    vandaag = vandaag or timezone.localdate()
    plaats = (plaats or "").strip()
    if not plaats:
        raise InvoerFout(_("Vul de plaats van het gesprek in."))
    if datum < vandaag:
        raise InvoerFout(_("Het gesprek kan niet in het verleden liggen."))
    from dossiers.brieven.services import brief_aanvragen
    from statuut.selectors import statuut_op

    return brief_aanvragen(
        door=door, leerling=actie.leerling, soort="uitnodiging_gesprek",
        sleutel=f"verzuim:drempelactie:{actie.pk}:uitnodiging:{datum:%Y%m%d}{tijd:%H%M}",
        datum=vandaag, bron=actie, statuut=statuut_op(actie.leerling.school, vandaag),
        gegevens={"gesprek_datum": f"{datum:%d-%m-%Y}", "gesprek_tijd": f"{tijd:%H.%M}",
                  "plaats": plaats,
                  "aanleiding": _("%(n)d keer ongeoorloofd te laat van %(v)s tot en met "
                                  "%(t)s") % {"n": actie.aantal, "v": f"{actie.van:%d-%m-%Y}",
                                              "t": f"{actie.tot:%d-%m-%Y}"},
                  "met_wie": _("%(n)s (mentor), de leerling en u") % {"n": naam_van(door)},
                  "artikel": actie.artikel})
