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

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

from statuut import kalender
from statuut.hulp import artikelverwijzing, leeftijd
from statuut.models import Briefregel, Handeling, Partij
from statuut.services import InvoerFout

from .. import dossier, relaties, toegang
from ..models import (
    Brief,
    Briefbundel,
    Briefinstellingen,
    BriefOntvanger,
    Briefstatus,
    Bundelstatus,
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


# --- Recipients ----------------------------------------------------------------------------

_INSTANTIE_VELD = {Partij.INSPECTIE: "inspectie", Partij.BEVOEGD_GEZAG: "bevoegd_gezag",
                   Partij.LEERPLICHT: "leerplicht"}

#: Without a statuut rule for the kind (an invitation, a complaint's letters): the parents.
STANDAARD_AAN: tuple[str, ...] = (Partij.OUDERS,)


def instantie_adres(school, partij: str, instellingen=None) -> tuple[str, list[str], str]:
    """(name, address lines, e-mail) of an outside party from the school's letter settings.
    The bevoegd gezag is named after the school's board (the `Bestuur` row), so the letter
    and the admin never name two different boards."""
    if instellingen is None:
        instellingen = Briefinstellingen.objects.filter(school=school).first()
    veld = _INSTANTIE_VELD[partij]
    regels = [r.strip() for r in (getattr(instellingen, f"{veld}_adres", "") or "").splitlines()
              if r.strip()]
    email = getattr(instellingen, f"{veld}_email", "") or ""
    if partij == Partij.BEVOEGD_GEZAG:
        naam = school.bestuur.naam
        if regels and naam.lower() in regels[0].lower():  # an old setting repeats the name
            regels = regels[1:]
        if not regels and not email:  # no address of its own: the board is reached via the school
            regels = [_("p/a %(s)s") % {"s": school.naam},
                      *(r for r in (school.adres, school.postcode_plaats) if r)]
        return naam, regels, email
    return (regels[0] if regels else str(Partij(partij).label)), regels[1:], email


def _ouders(leerling: Leerling, *, afschrift: bool) -> list[BriefOntvanger]:
    uit = []
    for schap in leerling.ouderschappen.filter(gezag=True).select_related("ouder"):
        o = schap.ouder
        uit.append(BriefOntvanger(
            partij=Partij.OUDERS, ouder=o, naam=str(o), adres=o.adres,
            postcode_plaats=_adresregel(o.postcode, o.woonplaats), email=o.email,
            afschrift=afschrift))
    return uit


def _partij(leerling: Leerling, partij: str, *, datum: date, afschrift: bool,
            instellingen) -> list[BriefOntvanger]:
    if partij == Partij.LEERLING:
        return [BriefOntvanger(
            partij=partij, naam=leerling.volledige_naam, adres=leerling.adres,
            postcode_plaats=_adresregel(leerling.postcode, leerling.woonplaats),
            afschrift=afschrift)]
    if partij == Partij.MENTOR:
        return [BriefOntvanger(partij=partij, naam=m.naam, email=m.user.email,
                               afschrift=afschrift)
                for m in relaties.mentoren_van(leerling, datum)]
    if partij in _INSTANTIE_VELD:
        naam, regels, email = instantie_adres(leerling.school, partij, instellingen)
        return [BriefOntvanger(partij=partij, naam=naam, adres=", ".join(regels), email=email,
                               afschrift=afschrift)]
    raise InvoerFout(_("Onbekende partij '%(p)s' voor een brief.") % {"p": partij})


def ontvangers_bepalen(leerling: Leerling, *, datum: date, aan: tuple[str, ...] = STANDAARD_AAN,
                       partijen: tuple[str, ...] = (),
                       ouders_onder_leeftijd: int = MEERDERJARIG) -> list[BriefOntvanger]:
    """Who receives the letter (unsaved), in order: the addressees `aan` in the order the
    statuut's article names them (`statuut.Briefregel`), then the copies `partijen`.

    The pupil is addressed where the article names them, at any age; a pupil of age is
    always addressed (first, when the article does not name them). The parents (with gezag)
    are addressed while the pupil is a minor or younger than `ouders_onder_leeftijd` (a
    decision under a statuut that informs parents longer, e.g. Noordgouw art. 24.3: "nog geen
    21 jaar"); beyond that they receive a copy only with the pupil's recorded consent."""
    jaren = leeftijd(leerling.geboortedatum, datum)
    meerderjarig = jaren >= MEERDERJARIG
    aan = tuple(dict.fromkeys(aan))
    if meerderjarig and Partij.LEERLING not in aan:
        aan = (Partij.LEERLING, *aan)
    instellingen = Briefinstellingen.objects.filter(school_id=leerling.school_id).first()
    uit: list[BriefOntvanger] = []
    for partij in aan:
        if partij == Partij.OUDERS:
            if not meerderjarig or jaren < ouders_onder_leeftijd:
                uit += _ouders(leerling, afschrift=False)
            elif leerling.toestemming_ouders_informeren_op:
                uit += _ouders(leerling, afschrift=True)
        else:
            uit += _partij(leerling, partij, datum=datum, afschrift=False,
                           instellingen=instellingen)
    for partij in dict.fromkeys(partijen):  # each party once, in the given order
        if partij in aan:
            continue
        if partij == Partij.OUDERS:
            if leerling.toestemming_ouders_informeren_op or not meerderjarig:
                uit += _ouders(leerling, afschrift=True)
            continue
        uit += _partij(leerling, partij, datum=datum, afschrift=True, instellingen=instellingen)
    return uit


def verzendwijze_bepalen(ontvangers: list[BriefOntvanger]) -> tuple[str, str]:
    """E-mail when every main recipient who decides the channel has an e-mail address; else
    print, saying exactly who lacks what. A letter is never dropped for a missing address: it
    is made and flagged. Staff and a pupil addressed beside their parents do not decide the
    channel: without an address of their own they are marked for post (`per_post`)."""
    hoofd = [o for o in ontvangers if not o.afschrift]
    if not any(o.partij in (Partij.OUDERS, Partij.LEERLING) for o in hoofd):
        return Verzendwijze.PRINT, _("Geen ontvanger bekend (geen ouder met gezag): vul de "
                                     "ouders aan in de leerlingenadministratie en verstuur de "
                                     "brief daarna.")
    ouders = any(o.partij == Partij.OUDERS for o in hoofd)
    beslissend = [o for o in hoofd if o.partij == Partij.OUDERS
                  or (o.partij == Partij.LEERLING and not ouders)]
    zonder_adres = [o.naam for o in beslissend if not o.email and not o.adres]
    if zonder_adres:
        return Verzendwijze.PRINT, _("Geen adres bekend van %(n)s: vul het adres aan in de "
                                     "leerlingenadministratie.") % {"n": ", ".join(zonder_adres)}
    zonder_email = [o.naam for o in beslissend if not o.email]
    if zonder_email:
        return Verzendwijze.PRINT, _("Geen e-mailadres bekend van %(n)s; brief afdrukken en "
                                     "per post versturen.") % {"n": ", ".join(zonder_email)}
    return Verzendwijze.EMAIL, ""


# --- Request and render --------------------------------------------------------------------

@transaction.atomic
def brief_aanvragen(*, door, leerling: Leerling, soort: str, sleutel: str, gegevens: dict,
                    datum: date | None = None, partijen: tuple[str, ...] = (),
                    bron: models.Model | None = None, statuut=None,
                    zonder: tuple[str, ...] = ()) -> Brief:
    """Request a letter in the caller's transaction; it is made after commit.

    `sleutel` names the request (e.g. f"{bron_label}:{soort}"): the same key returns the
    same letter, unchanged. `gegevens` must hold the kind's required keys (else `InvoerFout`,
    nothing written), plus optionally `artikel` (cited) and `rechtsmiddel` (a dict with
    `soort`, `bij`, `termijn`, `uiterlijk`, `artikel`, only when the statuut grants
    bezwaar), `beroep` (an internal beroep the statuut grants against this measure) and
    `ondertekenaar` (see `ondertekenaar`).

    Who receives it: the statuut's `Briefregel` for this kind (addressees in the article's
    order, copies); without one, the parents (or the pupil of age) and the copies
    `partijen`. `zonder` leaves out copies this decision does not need.
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
    aan: tuple[str, ...] = STANDAARD_AAN
    regel = (Briefregel.objects.filter(statuut=statuut, soort=soort).first()
             if statuut is not None else None)
    if regel is not None:
        # The statuut names who is told and who gets a copy; the caller only leaves out a
        # copy this decision does not need (`zonder`, e.g. the inspectie for a short one).
        aan, partijen = tuple(regel.aan), tuple(regel.afschrift)
    partijen = tuple(p for p in partijen if p not in zonder)
    ontvangers = ontvangers_bepalen(leerling, datum=datum, aan=aan, partijen=partijen,
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


def vastgelopen_opnieuw_starten(*, ouder_dan: timedelta = VASTGELOPEN_NA) -> int:
    """Queue again every letter still `aangevraagd` after `ouder_dan` (beat, every few
    minutes): its task was never queued (the broker was down at commit), or lost (Redis
    restarted without the message, a whole worker killed with the message unacknowledged).
    Harmless for a letter whose task is only slow: the task makes a letter once, under its
    row lock. Returns how many were queued."""
    pks = list(Brief.objects.filter(
        status=Briefstatus.AANGEVRAAGD, aangevraagd_op__lt=timezone.now() - ouder_dan)
        .order_by("pk").values_list("pk", flat=True))
    for pk in pks:
        _maken_na_commit(pk)
    return len(pks)


def is_vastgelopen(brief: Brief, *, nu=None) -> bool:
    return (brief.status == Briefstatus.AANGEVRAAGD
            and brief.aangevraagd_op < (nu or timezone.now()) - VASTGELOPEN_NA)


def ondertekenaar(user, *, functie: str = "", mandaat_van: str = "") -> dict:
    """Who signs a decision letter: the decision-maker with their function (the staff
    member's own, else `functie`, e.g. the role they decided in) and, for a decision taken
    in mandate, for whom (`mandaat_van`, e.g. "de schoolleiding")."""
    medewerker = getattr(user, "medewerker", None)
    naam = (medewerker.naam if medewerker else "") or user.get_full_name() or user.username
    return {"naam": naam, "functie": (getattr(medewerker, "functie", "") or functie),
            "mandaat_van": mandaat_van}


def _instantie(school, instellingen, code: str, bij: str) -> dict:
    """Where a bezwaar or beroep goes: name, postal address lines and e-mail. The bevoegd
    gezag is the school's board (its address from the letter settings); a role of the school
    (`bij`, e.g. "de directie") is reached at the school."""
    if code == Partij.BEVOEGD_GEZAG:
        naam, regels, email = instantie_adres(school, Partij.BEVOEGD_GEZAG, instellingen)
        return {"naam": naam, "adres": regels, "email": email}
    return {"naam": _("%(wie)s van %(school)s") % {"wie": bij, "school": school.naam},
            "adres": [r for r in (school.adres, school.postcode_plaats) if r],
            "email": getattr(instellingen, "email", "") or ""}


def _aanhef(brief: Brief, aan: list[BriefOntvanger]) -> str:
    """"Beste Anna, geachte ouders/verzorgers," in the order of the addressees; staff and
    bodies addressed by name are not greeted in the salutation."""
    delen = []
    for partij in dict.fromkeys(o.partij for o in aan):
        if partij == Partij.LEERLING:
            delen.append(_("beste %(naam)s") % {"naam": brief.leerling.roepnaam})
        elif partij == Partij.OUDERS:
            delen.append(_("geachte ouder/verzorger"))
    if not delen:
        return _("Geachte heer/mevrouw,")
    tekst = ", ".join(delen) + ","
    return tekst[0].upper() + tekst[1:]


def _context(brief: Brief, ontvangers: list[BriefOntvanger] | None = None) -> dict:
    school = brief.school
    if ontvangers is None:
        ontvangers = list(brief.ontvangers.all())
    instellingen = Briefinstellingen.objects.filter(school=school).first()
    aan = [o for o in ontvangers if not o.afschrift]
    g = brief.gegevens
    rechtsmiddel = dict(g.get("rechtsmiddel") or {})
    if rechtsmiddel.get("bij_code"):
        rechtsmiddel["instantie"] = _instantie(school, instellingen, rechtsmiddel["bij_code"],
                                              rechtsmiddel.get("bij", ""))
    beroep = dict(g.get("beroep") or {})
    if beroep.get("bij_code"):
        beroep["instantie"] = _instantie(school, instellingen, beroep["bij_code"],
                                        beroep.get("bij", ""))
    return {
        "brief": brief, "soort": SOORTEN[brief.soort], "school": school,
        "bestuur": school.bestuur.naam,
        "leerling": brief.leerling,
        "instellingen": instellingen,
        "aan": aan,
        "adres_ontvanger": next((o for o in aan if o.adres), aan[0] if aan else None),
        "aan_leerling": any(o.partij == Partij.LEERLING for o in aan),
        "aanhef": _aanhef(brief, aan),
        "afschrift": [o for o in ontvangers if o.afschrift],
        "datum": datum_nl(brief.datum),
        "plaats": _plaats(school.postcode_plaats),
        "g": g,
        "rechtsmiddel": rechtsmiddel,
        "beroep": beroep,
        "ondertekenaar": g.get("ondertekenaar") or {},
        "artikel": artikelverwijzing(g.get("artikel", "")),
        "rechtsmiddel_artikel": artikelverwijzing(rechtsmiddel.get("artikel", "")),
    }


def brief_maken(brief_id: int) -> bool:
    """Render the letter once; True when this call made it. Raises on a failed render (the
    task retries); the letter is then still `aangevraagd`, nothing half-written."""
    with transaction.atomic():
        brief = (Brief.objects.select_for_update(of=("self",))
                 .select_related("school__bestuur", "leerling", "aangevraagd_door")
                 .filter(pk=brief_id).first())
        if brief is None or brief.status != Briefstatus.AANGEVRAAGD:
            return False
        if brief.soort not in SOORTEN:
            raise InvoerFout(_("Onbekende soort brief '%(s)s'.") % {"s": brief.soort})
        soort = SOORTEN[brief.soort]
        brief.pogingen += 1
        ontvangers = list(brief.ontvangers.all())
        pdf, paginas = render.pdf_maken(soort.template, _context(brief, ontvangers))
        aan = ", ".join(o.naam for o in ontvangers) or "—"
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


def _berichten(brief: Brief) -> list[tuple[BriefOntvanger, EmailMessage]]:
    """One message per recipient with an e-mail address: nobody sees another's address (two
    parents each get their own). Recipients without one are left for post."""
    soort = SOORTEN[brief.soort]
    instellingen = Briefinstellingen.objects.filter(school=brief.school).first()
    ontvangers = [o for o in brief.ontvangers.all() if o.email]
    if not any(not o.afschrift for o in ontvangers):
        raise InvoerFout(_("Deze brief heeft geen ontvanger met een e-mailadres: druk hem af."))
    afzender = (instellingen.ondertekenaar_naam if instellingen else "") or brief.school.naam
    uit = []
    for o in ontvangers:
        body = (_(
            "Geachte heer/mevrouw,\n\n"
            "In de bijlage vindt u een afschrift van een brief van %(school)s (PDF).\n\n"
            "Met vriendelijke groet,\n\n%(afzender)s\n%(school)s\n") if o.afschrift else _(
            "Geachte heer/mevrouw,\n\n"
            "In de bijlage vindt u een brief van %(school)s (PDF).\n\n"
            "Met vriendelijke groet,\n\n%(afzender)s\n%(school)s\n"
        )) % {"school": brief.school.naam, "afzender": afzender}
        bericht = EmailMessage(
            subject=_("Brief van %(school)s: %(onderwerp)s")
            % {"school": brief.school.naam, "onderwerp": soort.onderwerp},
            body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[o.email],
            reply_to=[instellingen.email] if instellingen and instellingen.email else None,
        )
        bericht.attach(f"{brief.soort}-{brief.datum:%Y-%m-%d}.pdf", bytes(brief.pdf),
                       "application/pdf")
        uit.append((o, bericht))
    return uit


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
        berichten = []
        if wijze == Verzendwijze.EMAIL:
            if brief.verzendwijze != Verzendwijze.EMAIL:
                raise InvoerFout(_("Deze brief kan niet per e-mail: %(r)s")
                                 % {"r": brief.printreden})
            berichten = _berichten(brief)
        nu = timezone.now()
        brief.verzenden(door=door, wijze=wijze)
        brief.verzonden_op = nu
        brief.save()
        if wijze == Verzendwijze.PRINT:
            brief.ontvangers.update(verzonden_op=nu, verzonden_via=Verzendwijze.PRINT)
        else:
            # Only who got a message counts as sent by e-mail; the rest waits for post.
            BriefOntvanger.objects.filter(pk__in=[o.pk for o, _b in berichten]).update(
                verzonden_op=nu, verzonden_via=Verzendwijze.EMAIL)
        if berichten:
            try:
                with get_connection() as verbinding:
                    verbinding.send_messages([b for _o, b in berichten])
            except (OSError, smtplib.SMTPException) as exc:
                raise VerzendFout(_(
                    "De e-mail kon niet worden verzonden (%(fout)s). De brief staat nog bij "
                    "'Te verzenden per e-mail'; probeer het later opnieuw of druk hem af."
                ) % {"fout": type(exc).__name__}) from exc
    return brief


@transaction.atomic
def per_post_verstuurd(brief: Brief, *, door) -> Brief:
    """Record that the recipients an e-mailed letter could not reach by e-mail (a copy to
    the inspectie or the board, a pupil without an address) were sent the printed letter."""
    brief = _vergrendeld(brief.pk, door)
    wachtend = brief.ontvangers.filter(verzonden_op__isnull=True)
    if brief.status != Briefstatus.VERZONDEN or not wachtend.exists():
        raise InvoerFout(_("Bij deze brief wacht niemand meer op een brief per post."))
    wachtend.update(verzonden_op=timezone.now(), verzonden_via=Verzendwijze.PRINT)
    return brief


#: A made letter waiting longer than this many school days is flagged in the outgoing post
#: (issue 12: a decision that is made known "schriftelijk en vooraf" must not lie about).
WACHT_SCHOOLDAGEN = 2


def wacht_te_lang(brief: Brief, *, vandaag: date | None = None) -> bool:
    """A made, unsent letter older than `WACHT_SCHOOLDAGEN` school days of its school."""
    if brief.status != Briefstatus.GEMAAKT or brief.gemaakt_op is None:
        return False
    vandaag = vandaag or timezone.localdate()
    try:
        grens = kalender.plus_schooldagen(brief.school, timezone.localdate(brief.gemaakt_op),
                                          WACHT_SCHOOLDAGEN)
    except kalender.KalenderOnbekend:
        # No calendar for the school: count working days rather than flag nothing.
        grens = kalender.plus_werkdagen(brief.school, timezone.localdate(brief.gemaakt_op),
                                        WACHT_SCHOOLDAGEN)
    return vandaag > grens


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
