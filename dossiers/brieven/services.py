"""Letters: requested in the decision's transaction, made after commit by a Celery task,
then sent by e-mail or printed from the administratie's outgoing post.

- `brief_aanvragen` records the letter, its recipients and the data it is made from, and
  starts `dossiers.brief_maken` on commit. The caller has checked the policy of the decision
  that needs the letter; the request page checks `brief.aanvragen` itself.
- `brief_maken` renders it once: it locks the letter, does nothing unless it is still
  `aangevraagd`, and stores the PDF, the dossier entry and the status in one transaction, so
  a second delivery of the task makes no second letter.
- `brief_verzenden`, `brief_opnieuw`, `bundel_aanvragen`: the outgoing post (user actions).
"""

from __future__ import annotations

import re
import smtplib
from datetime import date, timedelta
from io import BytesIO

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

from statuut.models import Handeling, Partij
from statuut.services import InvoerFout

from .. import dossier, toegang
from ..models import (
    Brief,
    Briefbundel,
    Briefinstellingen,
    BriefOntvanger,
    Briefstatus,
    Bundelstatus,
    Groepsplaatsing,
    Leerling,
    Verzendwijze,
)
from . import render
from .soorten import SOORTEN

MEERDERJARIG = 18


class VerzendFout(Exception):
    """The e-mail could not be sent; the letter is unchanged (still `gemaakt`)."""


def datum_nl(d: date) -> str:
    """24 november 2026 (the active language is Dutch)."""
    return formats.date_format(d, "j F Y")


def _adresregel(postcode: str, plaats: str) -> str:
    return " ".join(p for p in (postcode, plaats) if p)


def _plaats(postcode_plaats: str) -> str:
    """"3511 AB Utrecht" -> "Utrecht", for "Utrecht, 24 november 2026"."""
    gevonden = re.match(r"^\d{4}\s?[A-Za-z]{2}\s+(.+)$", postcode_plaats.strip())
    return gevonden.group(1) if gevonden else postcode_plaats.strip()


def _leeftijd(leerling: Leerling, op: date) -> int:
    return relativedelta(op, leerling.geboortedatum).years


# --- Recipients ----------------------------------------------------------------------------

_INSTANTIE_VELD = {Partij.INSPECTIE: "inspectie", Partij.BEVOEGD_GEZAG: "bevoegd_gezag",
                   Partij.LEERPLICHT: "leerplicht"}


def ontvangers_bepalen(leerling: Leerling, *, datum: date, partijen: tuple[str, ...] = (),
                       ouders_onder_leeftijd: int = MEERDERJARIG) -> list[BriefOntvanger]:
    """Who receives the letter (unsaved): parents with gezag; a pupil of age, and then the
    parents as a copy only with the pupil's recorded consent, or while the pupil is younger
    than `ouders_onder_leeftijd` (a decision under a statuut that informs parents longer);
    and copies to the parties the statuut names (`partijen`: mentor, inspectie, bevoegd
    gezag, leerplichtambtenaar)."""
    uit: list[BriefOntvanger] = []
    leeftijd = _leeftijd(leerling, datum)
    meerderjarig = leeftijd >= MEERDERJARIG
    if meerderjarig:
        uit.append(BriefOntvanger(
            partij=Partij.LEERLING, naam=leerling.volledige_naam, adres=leerling.adres,
            postcode_plaats=_adresregel(leerling.postcode, leerling.woonplaats)))
    if (not meerderjarig or leeftijd < ouders_onder_leeftijd
            or leerling.toestemming_ouders_informeren_op):
        for schap in leerling.ouderschappen.filter(gezag=True).select_related("ouder"):
            o = schap.ouder
            uit.append(BriefOntvanger(
                partij=Partij.OUDERS, ouder=o, naam=str(o), adres=o.adres,
                postcode_plaats=_adresregel(o.postcode, o.woonplaats), email=o.email,
                afschrift=meerderjarig))
    instellingen = Briefinstellingen.objects.filter(school_id=leerling.school_id).first()
    for partij in dict.fromkeys(partijen):  # each party once, in the caller's order
        if partij == Partij.MENTOR:
            for p in Groepsplaatsing.objects.filter(
                leerling=leerling, groep__schooljaar__begin__lte=datum,
                groep__schooljaar__eind__gte=datum,
            ).prefetch_related("groep__mentoren__user"):
                for m in p.groep.mentoren.all():
                    uit.append(BriefOntvanger(partij=partij, naam=m.naam, email=m.user.email,
                                              afschrift=True))
        elif partij in _INSTANTIE_VELD:
            veld = _INSTANTIE_VELD[partij]
            regels = [r.strip() for r in
                      (getattr(instellingen, f"{veld}_adres", "") or "").splitlines()
                      if r.strip()]
            uit.append(BriefOntvanger(
                partij=partij, naam=regels[0] if regels else str(Partij(partij).label),
                adres=", ".join(regels[1:]), email=getattr(instellingen, f"{veld}_email", ""),
                afschrift=True))
        else:
            raise InvoerFout(_("Onbekende partij '%(p)s' voor een afschrift.") % {"p": partij})
    return uit


def verzendwijze_bepalen(ontvangers: list[BriefOntvanger]) -> tuple[str, str]:
    """E-mail when every main recipient has an e-mail address; else print, saying exactly who
    lacks what. A letter is never dropped for a missing address: it is made and flagged."""
    hoofd = [o for o in ontvangers if not o.afschrift]
    if not hoofd:
        return Verzendwijze.PRINT, _("Geen ontvanger bekend (geen ouder met gezag): vul de "
                                     "ouders aan in de leerlingenadministratie en verstuur de "
                                     "brief daarna.")
    zonder_adres = [o.naam for o in hoofd if not o.email and not o.adres]
    if zonder_adres:
        return Verzendwijze.PRINT, _("Geen adres bekend van %(n)s: vul het adres aan in de "
                                     "leerlingenadministratie.") % {"n": ", ".join(zonder_adres)}
    zonder_email = [o.naam for o in hoofd if not o.email]
    if zonder_email:
        return Verzendwijze.PRINT, _("Geen e-mailadres bekend van %(n)s; brief afdrukken en "
                                     "per post versturen.") % {"n": ", ".join(zonder_email)}
    return Verzendwijze.EMAIL, ""


# --- Request and render --------------------------------------------------------------------

@transaction.atomic
def brief_aanvragen(*, door, leerling: Leerling, soort: str, sleutel: str, gegevens: dict,
                    datum: date | None = None, partijen: tuple[str, ...] = (),
                    bron: models.Model | None = None, statuut=None) -> Brief:
    """Request a letter in the caller's transaction; it is made after commit.

    `sleutel` names the request (e.g. f"{bron_label}:{soort}"): the same key returns the
    same letter, unchanged. `gegevens` must hold the kind's required keys (else `InvoerFout`,
    nothing written), plus optionally `artikel` (cited) and `rechtsmiddel` (a dict with
    `soort`, `termijn`, `bij`, `artikel`, only when the statuut grants bezwaar or beroep).
    """
    if soort not in SOORTEN:
        raise InvoerFout(_("Onbekende soort brief '%(s)s'. Bekend: %(k)s.")
                         % {"s": soort, "k": ", ".join(SOORTEN)})
    ontbreekt = [k for k in SOORTEN[soort].vereist if not gegevens.get(k)]
    if ontbreekt:
        raise InvoerFout(_("Voor deze brief ontbreekt: %(o)s.") % {"o": ", ".join(ontbreekt)})
    bestaand = Brief.objects.filter(sleutel=sleutel).defer("pdf").first()
    if bestaand is not None:
        return bestaand
    datum = datum or timezone.localdate()
    grens = MEERDERJARIG
    if SOORTEN[soort].besluit and statuut is not None:
        grens = max(MEERDERJARIG, statuut.ouders_besluit_onder_leeftijd)
    ontvangers = ontvangers_bepalen(leerling, datum=datum, partijen=partijen,
                                    ouders_onder_leeftijd=grens)
    wijze, reden = verzendwijze_bepalen(ontvangers)
    brief = Brief.objects.create(
        school_id=leerling.school_id, leerling=leerling, soort=soort, sleutel=sleutel,
        datum=datum, gegevens=gegevens, statuut=statuut, verzendwijze=wijze, printreden=reden,
        aangevraagd_door=door,
        bron_type=ContentType.objects.get_for_model(bron) if bron is not None else None,
        bron_id=bron.pk if bron is not None else None,
    )
    for o in ontvangers:
        o.brief = brief
    BriefOntvanger.objects.bulk_create(ontvangers)
    _maken_na_commit(brief.pk)
    return brief


#: A letter still `aangevraagd` after this long was probably never queued (broker down at
#: commit) or its task was lost; the outgoing post then offers to start it again.
VASTGELOPEN_NA = timedelta(minutes=10)


def _maken_na_commit(brief_id: int) -> None:
    """Start the render after commit. `robust`: if the broker cannot be reached, the
    decision that requested the letter still stands (the error is logged) and the letter
    waits, visible in the outgoing post, where it can be started again."""
    from .taken import brief_maken_taak

    transaction.on_commit(lambda: brief_maken_taak.delay(brief_id), robust=True)


def is_vastgelopen(brief: Brief, *, nu=None) -> bool:
    return (brief.status == Briefstatus.AANGEVRAAGD
            and brief.aangevraagd_op < (nu or timezone.now()) - VASTGELOPEN_NA)


def artikelverwijzing(artikel: str) -> str:
    """"8.2" -> "artikel 8.2"; a bijlage is cited as such: "bijlage B 16"."""
    artikel = (artikel or "").strip()
    if not artikel or artikel.lower().startswith(("bijlage", "artikel", "art.")):
        return artikel
    return _("artikel %(a)s") % {"a": artikel}


def _context(brief: Brief) -> dict:
    school = brief.school
    ontvangers = list(brief.ontvangers.all())
    return {
        "brief": brief, "soort": SOORTEN[brief.soort], "school": school,
        "leerling": brief.leerling,
        "instellingen": Briefinstellingen.objects.filter(school=school).first(),
        "aan": [o for o in ontvangers if not o.afschrift],
        "aan_leerling": any(o.partij == Partij.LEERLING for o in ontvangers if not o.afschrift),
        "afschrift": [o for o in ontvangers if o.afschrift],
        "datum": datum_nl(brief.datum),
        "plaats": _plaats(school.postcode_plaats),
        "g": brief.gegevens,
        "artikel": artikelverwijzing(brief.gegevens.get("artikel", "")),
        "rechtsmiddel_artikel": artikelverwijzing(
            (brief.gegevens.get("rechtsmiddel") or {}).get("artikel", "")),
    }


def brief_maken(brief_id: int) -> bool:
    """Render the letter once; True when this call made it. Raises on a failed render (the
    task retries); the letter is then still `aangevraagd`, nothing half-written."""
    with transaction.atomic():
        brief = (Brief.objects.select_for_update(of=("self",))
                 .select_related("school", "leerling", "aangevraagd_door")
                 .filter(pk=brief_id).first())
        if brief is None or brief.status != Briefstatus.AANGEVRAAGD:
            return False
        if brief.soort not in SOORTEN:
            raise InvoerFout(_("Onbekende soort brief '%(s)s'.") % {"s": brief.soort})
        soort = SOORTEN[brief.soort]
        brief.pogingen += 1
        pdf, paginas = render.pdf_maken(soort.template, _context(brief))
        aan = ", ".join(o.naam for o in brief.ontvangers.all()) or "—"
        stuk = dossier.stuk_toevoegen(
            door=brief.aangevraagd_door, leerling=brief.leerling, sectie=soort.sectie,
            titel=str(soort.titel),
            inhoud=" ".join(t for t in (
                soort.samenvatting(brief.gegevens),
                _("Brief van %(d)s aan %(a)s.") % {"d": datum_nl(brief.datum), "a": aan},
            ) if t),
            datum=brief.datum, bron=brief, controleer=False)
        brief.maken(pdf=pdf, paginas=paginas, dossierstuk=stuk)
        brief.gemaakt_op = timezone.now()
        brief.save()
        return True


@transaction.atomic
def brief_mislukt(brief_id: int, reden: str, *, pogingen: int) -> bool:
    """After the last try: visible as mislukt with the reason, never silently lost."""
    brief = Brief.objects.select_for_update(of=("self",)).filter(pk=brief_id).first()
    if brief is None or brief.status != Briefstatus.AANGEVRAAGD:
        return False
    brief.mislukken(reden=reden[:2000])
    brief.pogingen = pogingen
    brief.save()
    return True


# --- The outgoing post ---------------------------------------------------------------------

def _vergrendeld(brief_id: int, door) -> Brief:
    """The letter, locked, if `door` handles the post of its school; else InvoerFout."""
    brief = (Brief.objects.select_for_update(of=("self",)).select_related("school", "leerling")
             .filter(pk=brief_id).first())
    if brief is None or not toegang.mag_op_school(door, Handeling.BRIEF_VERZENDEN,
                                                  brief.school):
        raise InvoerFout(_("Deze brief bestaat niet of hoort niet bij de post van uw school."))
    return brief


def _bericht(brief: Brief) -> EmailMessage:
    soort = SOORTEN[brief.soort]
    instellingen = Briefinstellingen.objects.filter(school=brief.school).first()
    ontvangers = list(brief.ontvangers.all())
    naar = [o.email for o in ontvangers if not o.afschrift and o.email]
    if not naar:
        raise InvoerFout(_("Deze brief heeft geen ontvanger met een e-mailadres: druk hem af."))
    afzender = (instellingen.ondertekenaar_naam if instellingen else "") or brief.school.naam
    body = _(
        "Geachte heer/mevrouw,\n\n"
        "In de bijlage vindt u een brief van %(school)s (PDF).\n\n"
        "Met vriendelijke groet,\n\n%(afzender)s\n%(school)s\n"
    ) % {"school": brief.school.naam, "afzender": afzender}
    bericht = EmailMessage(
        subject=_("Brief van %(school)s: %(onderwerp)s")
        % {"school": brief.school.naam, "onderwerp": soort.onderwerp},
        body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=naar,
        cc=[o.email for o in ontvangers if o.afschrift and o.email],
        reply_to=[instellingen.email] if instellingen and instellingen.email else None,
    )
    bericht.attach(f"{brief.soort}-{brief.datum:%Y-%m-%d}.pdf", bytes(brief.pdf),
                   "application/pdf")
    return bericht


def brief_verzenden(brief: Brief, *, door, wijze: str) -> Brief:
    """Send a made letter by e-mail (PDF attached, copies to the afschrift recipients with an
    address), or record that it was printed and posted (`wijze` = Verzendwijze.PRINT).

    A user action from the outgoing post, in its own transaction. The e-mail is sent as the
    last step of that transaction, while the letter's row is locked: if sending fails,
    everything rolls back and the letter stays `gemaakt` (`VerzendFout` says why), and a
    second click waits for the lock and then finds the letter already sent.
    """
    if wijze not in Verzendwijze.values:
        raise InvoerFout(_("Onbekende verzendwijze '%(w)s'.") % {"w": wijze})
    with transaction.atomic():
        brief = _vergrendeld(brief.pk, door)
        if brief.status != Briefstatus.GEMAAKT:
            raise InvoerFout(_("Deze brief kan niet verzonden worden: hij is %(s)s.")
                             % {"s": brief.get_status_display()})
        if wijze == Verzendwijze.PRINT and not toegang.brief_leesbaar(door, brief):
            # Printing means opening it (issue 11): only for who may read its source.
            raise InvoerFout(_("U mag deze brief niet lezen en dus niet afdrukken. Laat hem "
                               "afdrukken door iemand die de brief mag lezen."))
        bericht = None
        if wijze == Verzendwijze.EMAIL:
            if brief.verzendwijze != Verzendwijze.EMAIL:
                raise InvoerFout(_("Deze brief kan niet per e-mail: %(r)s")
                                 % {"r": brief.printreden})
            bericht = _bericht(brief)
        brief.verzenden(door=door, wijze=wijze)
        brief.verzonden_op = timezone.now()
        brief.save()
        if bericht is not None:
            try:
                bericht.send()
            except (OSError, smtplib.SMTPException) as exc:
                raise VerzendFout(_(
                    "De e-mail kon niet worden verzonden (%(fout)s). De brief staat nog bij "
                    "'Te verzenden per e-mail'; probeer het later opnieuw of druk hem af."
                ) % {"fout": type(exc).__name__}) from exc
    return brief


@transaction.atomic
def brief_opnieuw(brief: Brief, *, door) -> Brief:
    """Try a failed letter again, or start one that has waited too long to be made (by the
    administratie, from the outgoing post). Starting it twice is harmless: the task makes a
    letter only while it is `aangevraagd`."""
    brief = _vergrendeld(brief.pk, door)
    if brief.status == Briefstatus.MISLUKT:
        brief.opnieuw()
        brief.pogingen = 0
        brief.save()
    elif not is_vastgelopen(brief):
        raise InvoerFout(_("Alleen een mislukte of vastgelopen brief kan opnieuw gemaakt "
                           "worden; deze is %(s)s.") % {"s": brief.get_status_display()})
    _maken_na_commit(brief.pk)
    return brief


# --- Batches: several letters as one PDF to print ------------------------------------------

@transaction.atomic
def bundel_aanvragen(*, door, brief_ids) -> Briefbundel:
    """Join made letters of one school into one PDF, made by `dossiers.bundel_maken` after
    commit; the bundle's `klaar`/`totaal` show the progress."""
    try:
        ids = sorted({int(i) for i in brief_ids})
    except (TypeError, ValueError) as exc:
        raise InvoerFout(_("Ongeldige keuze van brieven.")) from exc
    if not ids:
        raise InvoerFout(_("Kies eerst een of meer brieven."))
    brieven = list(toegang.brieven_voor(door).filter(pk__in=ids)
                   .select_related("leerling").defer("pdf"))
    if len(brieven) != len(ids) or len(toegang.brieven_leesbaar(door, brieven)) != len(ids):
        # A letter the user may not read is not theirs to bundle either (issue 11).
        raise InvoerFout(_("Een of meer gekozen brieven bestaan niet of horen niet bij de post "
                           "van uw school."))
    niet_klaar = [b for b in brieven if b.status not in (Briefstatus.GEMAAKT,
                                                          Briefstatus.VERZONDEN)]
    if niet_klaar:
        raise InvoerFout(_("Deze brieven zijn nog niet gemaakt: %(n)s.") % {
            "n": ", ".join(b.leerling.volledige_naam for b in niet_klaar)})
    if len({b.school_id for b in brieven}) > 1:
        raise InvoerFout(_("Kies brieven van één school voor een bundel."))
    bundel = Briefbundel.objects.create(school_id=brieven[0].school_id, aangevraagd_door=door,
                                        totaal=len(brieven))
    bundel.brieven.set(brieven)
    from .taken import bundel_maken_taak

    transaction.on_commit(lambda: bundel_maken_taak.delay(bundel.pk))
    return bundel


def bundel_brieven(bundel: Briefbundel):
    """The letters of a bundle in print order (by pupil), without their PDFs."""
    return (bundel.brieven.select_related("leerling").defer("pdf")
            .order_by("leerling__achternaam", "leerling__roepnaam", "pk"))


def bundel_maken(bundel_id: int) -> bool:
    """Merge the letters' PDFs (pypdf), counting `klaar` up as it goes (each count committed
    so the bundle page can show it); the result is stored once. True when this call made it."""
    bundel = Briefbundel.objects.filter(pk=bundel_id).first()
    if bundel is None or bundel.status != Bundelstatus.BEZIG:
        return False
    schrijver = PdfWriter()
    for i, brief in enumerate(bundel_brieven(bundel), start=1):
        pdf = Brief.objects.filter(pk=brief.pk).values_list("pdf", flat=True).first()
        if pdf is None:
            raise InvoerFout(_("De brief voor %(n)s heeft geen PDF.")
                             % {"n": brief.leerling.volledige_naam})
        schrijver.append(PdfReader(BytesIO(bytes(pdf))))
        Briefbundel.objects.filter(pk=bundel_id, status=Bundelstatus.BEZIG).update(klaar=i)
    uit = BytesIO()
    schrijver.write(uit)
    with transaction.atomic():
        bundel = Briefbundel.objects.select_for_update().get(pk=bundel_id)
        if bundel.status != Bundelstatus.BEZIG:
            return False
        bundel.pdf, bundel.klaar, bundel.status = uit.getvalue(), bundel.totaal, \
            Bundelstatus.KLAAR
        bundel.save(update_fields=["pdf", "klaar", "status"])
    return True


@transaction.atomic
def bundel_mislukt(bundel_id: int, reden: str) -> None:
    bundel = Briefbundel.objects.select_for_update().filter(pk=bundel_id).first()
    if bundel is not None and bundel.status == Bundelstatus.BEZIG:
        bundel.status, bundel.fout = Bundelstatus.MISLUKT, reden[:2000]
        bundel.save(update_fields=["status", "fout"])
