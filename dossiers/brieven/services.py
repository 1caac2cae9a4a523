"""Letters: requested in the decision's transaction, made after commit by a Celery task.

`brief_aanvragen` records the letter, its recipients and the data it is made from, and
starts `dossiers.brief_maken` on commit. `brief_maken` renders it once: it locks the letter,
does nothing unless it is still `aangevraagd`, and stores the PDF, the dossier entry and the
status in one transaction, so a second delivery of the task makes no second letter.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from statuut.models import Partij
from statuut.services import InvoerFout

from .. import dossier
from ..models import (
    Brief,
    Briefinstellingen,
    BriefOntvanger,
    Briefstatus,
    Groepsplaatsing,
    Leerling,
    Verzendwijze,
)
from . import render
from .soorten import SOORTEN

MEERDERJARIG = 18


def _adresregel(postcode: str, plaats: str) -> str:
    return " ".join(p for p in (postcode, plaats) if p)


def _plaats(postcode_plaats: str) -> str:
    """"3511 AB Utrecht" -> "Utrecht", for "Utrecht, 24 november 2026"."""
    gevonden = re.match(r"^\d{4}\s?[A-Za-z]{2}\s+(.+)$", postcode_plaats.strip())
    return gevonden.group(1) if gevonden else postcode_plaats.strip()


def _meerderjarig(leerling: Leerling, op: date) -> bool:
    return relativedelta(op, leerling.geboortedatum).years >= MEERDERJARIG


def ontvangers_bepalen(leerling: Leerling, *, datum: date,
                       partijen: tuple[str, ...] = ()) -> list[BriefOntvanger]:
    """Who receives the letter (unsaved): parents with gezag; a pupil of age, and then the
    parents only with the pupil's recorded consent; copies to the parties the statuut names."""
    uit: list[BriefOntvanger] = []
    meerderjarig = _meerderjarig(leerling, datum)
    if meerderjarig:
        uit.append(BriefOntvanger(
            partij=Partij.LEERLING, naam=leerling.volledige_naam, adres=leerling.adres,
            postcode_plaats=_adresregel(leerling.postcode, leerling.woonplaats)))
    if not meerderjarig or leerling.toestemming_ouders_informeren_op:
        for schap in leerling.ouderschappen.filter(gezag=True).select_related("ouder"):
            o = schap.ouder
            uit.append(BriefOntvanger(
                partij=Partij.OUDERS, ouder=o, naam=str(o), adres=o.adres,
                postcode_plaats=_adresregel(o.postcode, o.woonplaats), email=o.email,
                afschrift=meerderjarig))
    instellingen = Briefinstellingen.objects.filter(school_id=leerling.school_id).first()
    for partij in partijen:
        if partij == Partij.MENTOR:
            for p in Groepsplaatsing.objects.filter(
                leerling=leerling, groep__schooljaar__begin__lte=datum,
                groep__schooljaar__eind__gte=datum,
            ).prefetch_related("groep__mentoren__user"):
                for m in p.groep.mentoren.all():
                    uit.append(BriefOntvanger(partij=partij, naam=m.naam, email=m.user.email,
                                              afschrift=True))
        elif partij in (Partij.INSPECTIE, Partij.BEVOEGD_GEZAG, Partij.LEERPLICHT):
            veld = {Partij.INSPECTIE: "inspectie", Partij.BEVOEGD_GEZAG: "bevoegd_gezag",
                    Partij.LEERPLICHT: "leerplicht"}[partij]
            regels = (getattr(instellingen, f"{veld}_adres", "") or "").splitlines()
            uit.append(BriefOntvanger(
                partij=partij, naam=regels[0] if regels else str(Partij(partij).label),
                adres=", ".join(regels[1:]), email=getattr(instellingen, f"{veld}_email", ""),
                afschrift=True))
    return uit


def verzendwijze_bepalen(ontvangers: list[BriefOntvanger]) -> tuple[str, str]:
    """E-mail when every main recipient has an address; else print, saying exactly why."""
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


@transaction.atomic
def brief_aanvragen(*, door, leerling: Leerling, soort: str, sleutel: str, gegevens: dict,
                    datum: date | None = None, partijen: tuple[str, ...] = (),
                    bron: models.Model | None = None, statuut=None) -> Brief:
    """Request a letter in the caller's transaction. The same `sleutel` returns the same
    letter, unchanged."""
    if soort not in SOORTEN:
        raise InvoerFout(_("Onbekende soort brief '%(s)s'. Bekend: %(k)s.")
                         % {"s": soort, "k": ", ".join(SOORTEN)})
    ontbreekt = [k for k in SOORTEN[soort].vereist if not gegevens.get(k)]
    if ontbreekt:
        raise InvoerFout(_("Voor deze brief ontbreekt: %(o)s.") % {"o": ", ".join(ontbreekt)})
    bestaand = Brief.objects.filter(sleutel=sleutel).first()
    if bestaand is not None:
        return bestaand
    datum = datum or timezone.localdate()
    ontvangers = ontvangers_bepalen(leerling, datum=datum, partijen=partijen)
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
    from .taken import brief_maken_taak

    transaction.on_commit(lambda: brief_maken_taak.delay(brief.pk))
    return brief


def _context(brief: Brief) -> dict:
    soort = SOORTEN[brief.soort]
    school = brief.school
    ontvangers = list(brief.ontvangers.all())
    return {
        "brief": brief, "soort": soort, "school": school, "leerling": brief.leerling,
        "instellingen": Briefinstellingen.objects.filter(school=school).first(),
        "aan": [o for o in ontvangers if not o.afschrift],
        "afschrift": [o for o in ontvangers if o.afschrift],
        "datum": formats.date_format(brief.datum, "j F Y"),
        "plaats": _plaats(school.postcode_plaats),
        "g": brief.gegevens,
    }


def brief_maken(brief_id: int) -> bool:
    """Render the letter once; True when this call made it."""
    with transaction.atomic():
        brief = (Brief.objects.select_for_update(of=("self",))
                 .select_related("school", "leerling", "aangevraagd_door")
                 .filter(pk=brief_id).first())
        if brief is None or brief.status != Briefstatus.AANGEVRAAGD:
            return False
        brief.pogingen += 1
        pdf, paginas = render.pdf_maken(SOORTEN[brief.soort].template, _context(brief))
        stuk = dossier.stuk_toevoegen(
            door=brief.aangevraagd_door, leerling=brief.leerling,
            sectie=SOORTEN[brief.soort].sectie, titel=str(SOORTEN[brief.soort].titel),
            inhoud=_("Brief van %(d)s aan %(a)s.") % {
                "d": formats.date_format(brief.datum, "j F Y"),
                "a": ", ".join(o.naam for o in brief.ontvangers.all()) or "—"},
            datum=brief.datum, bron=brief, controleer=False)
        brief.maken(pdf=pdf, paginas=paginas, dossierstuk=stuk)
        brief.gemaakt_op = timezone.now()
        brief.save()
        return True


@transaction.atomic
def brief_mislukt(brief_id: int, reden: str) -> None:
    """After the last try: visible as mislukt with the reason, never silently lost."""
    brief = Brief.objects.select_for_update(of=("self",)).get(pk=brief_id)
    if brief.status == Briefstatus.AANGEVRAAGD:
        brief.mislukken(reden=reden)
        brief.save()


@transaction.atomic
def brief_verzenden(*, brief: Brief, door) -> Brief:
    """Send by e-mail (PDF attached; copies to afschrift recipients with an address) or, for
    a letter marked for print, record that it was printed and posted."""
    from django.conf import settings
    from django.core.mail import EmailMessage

    brief = Brief.objects.select_for_update(of=("self",)).select_related("school").get(
        pk=brief.pk)
    if brief.status != Briefstatus.GEMAAKT:
        raise InvoerFout(_("Deze brief kan niet verzonden worden: hij is %(s)s.")
                         % {"s": brief.get_status_display()})
    if brief.verzendwijze == Verzendwijze.EMAIL:
        ontvangers = list(brief.ontvangers.all())
        bericht = EmailMessage(
            subject=_("Brief van %(school)s: %(titel)s") % {
                "school": brief.school.naam, "titel": SOORTEN[brief.soort].titel},
            body=_("Geachte heer/mevrouw,\n\nIn de bijlage vindt u een brief van %(school)s."
                   "\n\nMet vriendelijke groet,\n%(school)s\n") % {"school": brief.school.naam},
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[o.email for o in ontvangers if not o.afschrift and o.email],
            cc=[o.email for o in ontvangers if o.afschrift and o.email],
        )
        bericht.attach(f"brief-{brief.pk}.pdf", bytes(brief.pdf), "application/pdf")
        transaction.on_commit(bericht.send)  # nothing leaves if this transaction rolls back
    brief.verzenden(door=door)
    brief.verzonden_op = timezone.now()
    brief.save()
    return brief


@transaction.atomic
def brief_opnieuw(*, brief: Brief) -> Brief:
    """A failed letter is tried again (by the administratie, from the outbox)."""
    from .taken import brief_maken_taak

    brief = Brief.objects.select_for_update(of=("self",)).get(pk=brief.pk)
    if brief.status != Briefstatus.MISLUKT:
        raise InvoerFout(_("Alleen een mislukte brief kan opnieuw gemaakt worden."))
    brief.opnieuw()
    brief.save()
    transaction.on_commit(lambda: brief_maken_taak.delay(brief.pk))
    return brief
