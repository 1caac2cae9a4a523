"""The steps of a complaint and of a beroep or bezwaar, written once (issue 13): the complaint
page offers exactly the steps the services accept for this user now, and the services' first
act (after locking the row) is the same check.

Per step: who may take it (the statuut's rows through `klachten.toegang`, or a relation to
the complaint), when (the state, read from the django-fsm transition the step takes, which
stays the one description of the states; for the hearing and a recusal the commission's
state before its advice), and the Dutch reason when not. A complaint runs under the statuut
in force on the day it was filed (`Klacht.statuut`), a beroep under its own; the relations
(the pupil's mentor, ...) are those of the day of the act.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from django_fsm import can_proceed

from dossiers import toegang
from dossiers.stappen import Weigering, aanbod, niet_nu, toetsen  # noqa: F401  (one home)
from statuut.hulp import vandaag
from statuut.models import Klachtfase

from . import selectors
from . import toegang as klachten_toegang
from .models import Beroep, Commissiezaak, Geleding, Klacht, Zaakstatus

#: The steps of the complaint page, each a form posting to the URL of the same name.
KLACHTSTAPPEN = ("afronden", "zitting", "verschonen", "advies", "uitspraak", "afsluiten",
                 "doorzetten", "intrekken", "verweer", "delen", "delen_intrekken")
#: The complainant's choice after a stage, and withdrawing: recorded for the complainant.
KEUZESTAPPEN = ("afsluiten", "doorzetten", "intrekken")
#: The steps of the commission's secretary (bijlage B leden 9-17).
COMMISSIESTAPPEN = ("zitting", "verschonen", "advies")


def _zaak(klacht: Klacht, zaak: Commissiezaak | None) -> Commissiezaak | None:
    if zaak is not None:
        return zaak
    return Commissiezaak.objects.filter(klacht=klacht).select_related("commissie").first()


def geen_ouder(commissie) -> str:
    return _("De geschillencommissie %(j)s heeft geen ouderlid en kan de zaak niet behandelen: "
             "zij bestaat uit twee docenten, twee leerlingen en een ouder (art. 12.5). Laat de "
             "oudergeleding of de medezeggenschapsraad een ouder benoemen.") % {
        "j": commissie.schooljaar}


def _voltallig(zaak: Commissiezaak) -> Weigering | None:
    """Every seat taken, and a parent sits (bijlage B leden 5-7)."""
    zetels = list(zaak.zetels.select_related("lid", "bezet_door"))
    if not any(z.lid.geleding == Geleding.OUDER and z.bezet_door_id for z in zetels):
        return Weigering(geen_ouder(zaak.commissie))
    leeg = [z.lid.naam for z in zetels if z.bezet_door_id is None]
    if leeg:
        return Weigering(_("De zetel van %(n)s is leeg (verschoond, geen plaatsvervanger): de "
                           "commissie is niet voltallig.") % {"n": ", ".join(leeg)})
    return None


def _keuze(user, klacht: Klacht, op: date) -> Weigering | None:
    """A confidential report is closed, continued or withdrawn by its handler only (the
    vertrouwenspersoon): a colleague it was shared with reads it, nothing more. On the general
    route the staff member acting for the complainant records the complainant's choice."""
    if klacht.route != Klachtfase.Route.VERTROUWELIJK:
        return None
    if selectors.mag_fase_behandelen(user, klacht, klacht.fase, op):
        return None
    return Weigering(_("Een vertrouwelijke melding wordt alleen door de vertrouwenspersoon "
                       "afgesloten, voortgezet of ingetrokken; u kunt haar alleen inzien."))


def weigering(user, klacht: Klacht, stap: str, *, op: date | None = None, naar=None,
              zaak: Commissiezaak | None = None, inzage: str | None = "") -> Weigering | None:
    """Why `user` cannot take `stap` on `klacht` now (None: they can). `naar`: the stage to
    continue to (doorzetten); `zaak`: the commission's case when the caller holds it locked;
    `inzage`: `klacht_inzage` when the caller (the page) asked it already."""
    op = vandaag(op)
    if stap not in KLACHTSTAPPEN:
        raise ValueError(stap)
    if stap in ("delen", "delen_intrekken"):
        if (klacht.route != Klachtfase.Route.VERTROUWELIJK
                or not klachten_toegang.mag_vertrouwelijk_delen(user, klacht, op=op)):
            return niet_nu(_("Alleen de vertrouwenspersoon deelt een vertrouwelijke melding.")
                           if stap == "delen" else
                           _("Alleen de vertrouwenspersoon trekt het delen van een "
                             "vertrouwelijke melding in."))
        return None
    if inzage == "":
        inzage = klachten_toegang.klacht_inzage(user, klacht, op=op)
    if stap == "verweer":
        if inzage != klachten_toegang.BEKLAAGDE:
            return niet_nu(_("Alleen degene tegen wie de klacht is gericht voert verweer."))
        if not klacht.is_open:
            return niet_nu(_("Deze klacht is afgesloten; verweer voeren kan niet meer."))
        return None
    if inzage != klachten_toegang.VOLLEDIG:
        return niet_nu(_("U heeft met deze klacht niets te maken."))
    if stap in KEUZESTAPPEN:
        return _keuzestap(user, klacht, stap, op=op, naar=naar)
    if stap in COMMISSIESTAPPEN:
        return _commissiestap(user, klacht, stap, op=op, zaak=_zaak(klacht, zaak))
    if stap == "uitspraak":
        return _uitspraak(user, klacht, op=op, zaak=_zaak(klacht, zaak))
    # afronden: the outcome of a stage handled by its own handler.
    if not can_proceed(klacht.fase_afronden):
        return niet_nu(_("Deze fase is al afgerond; de klager kiest nu of de klacht verder "
                         "gaat."))
    if selectors.is_commissiefase(klacht.fase):
        return niet_nu(_("Deze fase eindigt met het advies van de geschillencommissie."))
    if selectors.is_uitspraakfase(klacht.fase):
        return niet_nu(_("Deze fase eindigt met de uitspraak van de schoolleiding op het "
                         "advies."))
    if not selectors.mag_fase_behandelen(user, klacht, klacht.fase, op):
        return niet_nu(_("Deze fase wordt behandeld door %(b)s (%(a)s), niet door u.")
                       % {"b": selectors.behandelaars_naam(klacht.fase, klacht),
                          "a": selectors.artikel(klacht.fase)})
    return None


def _keuzestap(user, klacht: Klacht, stap: str, *, op: date, naar) -> Weigering | None:
    if weigering_ := _keuze(user, klacht, op):
        return weigering_ if klacht.is_open else niet_nu(weigering_.tekst)
    if stap == "intrekken":
        if not can_proceed(klacht.intrekken):
            return niet_nu(_("Deze klacht is al afgesloten."))
        return None
    if stap == "afsluiten":
        if not can_proceed(klacht.afsluiten):
            return niet_nu(_("Een klacht wordt afgesloten nadat de uitkomst van de fase is "
                             "vastgelegd."))
        return None
    # doorzetten: the next stage, or the referral to the Landelijke Klachtencommissie by the
    # school's contact person (art. 12 "Bij geen gehoor").
    if not can_proceed(klacht.doorzetten):
        return niet_nu(_("De fase '%(f)s' loopt nog: leg eerst de uitkomst vast, daarna kiest "
                         "de klager of de klacht verder gaat.") % {"f": klacht.fase.naam})
    if (naar is not None and naar.pk in {f.pk for f in selectors.volgende_fasen(klacht)}
            and selectors.is_klachtencommissie(naar)
            and not selectors.mag_fase_behandelen(user, klacht, naar, op)):
        return Weigering(_("Alleen de contactpersoon van de school (directie of "
                           "vertrouwenspersoon) verwijst naar de landelijke "
                           "klachtencommissie."))
    return None


def _commissiestap(user, klacht: Klacht, stap: str, *, op: date,
                   zaak: Commissiezaak | None) -> Weigering | None:
    if zaak is None:
        return niet_nu(_("Deze klacht ligt niet bij de geschillencommissie."))
    if not klachten_toegang.is_secretaris(user, zaak.commissie, op=op):
        return niet_nu(_("Dit legt de ambtelijk secretaris van de geschillencommissie vast."))
    if not can_proceed(zaak.advies_uitbrengen):
        return niet_nu(_("De commissie heeft al geadviseerd; verschonen kan niet meer.")
                       if stap == "verschonen" else _("De commissie heeft al geadviseerd."))
    if stap == "advies":
        if zaak.zitting_op is None:
            return niet_nu(_("Leg eerst de zitting vast: de commissie hoort beide partijen "
                             "voor zij adviseert (bijlage B lid 11)."))
        return None
    # The hearing is recorded once; a member recuses before it (bijlage B leden 6, 7, 11).
    if zaak.zitting_op is not None:
        return niet_nu(_("De zitting is al vastgelegd; verschonen kan niet meer.")
                       if stap == "verschonen" else
                       _("De zitting is al vastgelegd; de commissie brengt nu advies uit."))
    if stap == "zitting":
        return _voltallig(zaak)
    return None


def _uitspraak(user, klacht: Klacht, *, op: date,
               zaak: Commissiezaak | None) -> Weigering | None:
    if zaak is None:
        return niet_nu(_("Deze klacht ligt niet bij de geschillencommissie."))
    if zaak.status == Zaakstatus.AANGEMELD:
        return niet_nu(_("Er is nog geen advies van de geschillencommissie: de uitspraak "
                         "volgt op het advies (bijlage B lid 18)."))
    if not can_proceed(zaak.uitspraak_doen) or not selectors.is_uitspraakfase(klacht.fase):
        return niet_nu(_("Op dit advies is al uitspraak gedaan."))
    if not selectors.mag_fase_behandelen(user, klacht, klacht.fase, op):
        return niet_nu(_("De uitspraak doet %(b)s.")
                       % {"b": selectors.behandelaars_naam(klacht.fase, klacht)})
    return None


def klachtaanbod(user, klacht: Klacht, *, op: date | None = None,
                 inzage: str | None = "") -> dict:
    """What the complaint page offers `user`: the steps (and for doorzetten the stages it
    may go to), and the reasons shown for the steps of this stand that wait for someone
    else. `inzage`: `klacht_inzage` when the page asked it already (on the same day)."""
    op = vandaag(op)
    zaak = _zaak(klacht, None)
    if inzage == "":
        inzage = klachten_toegang.klacht_inzage(user, klacht, op=op)
    stappen, wachtend = aanbod(
        [s for s in KLACHTSTAPPEN if s != "doorzetten"],
        lambda stap: weigering(user, klacht, stap, op=op, zaak=zaak, inzage=inzage))
    volgende = []
    for fase in selectors.volgende_fasen(klacht) if can_proceed(klacht.doorzetten) else ():
        w = weigering(user, klacht, "doorzetten", op=op, naar=fase, inzage=inzage)
        if w is None:
            volgende.append(fase)
        elif w.toon and (stap := ("doorzetten", w.tekst)) not in wachtend:
            wachtend.append(stap)
    return {"stappen": set(stappen), "volgende": volgende,
            "wachtend": list(dict.fromkeys(tekst for _s, tekst in wachtend))}


# --- beroep and bezwaar --------------------------------------------------------------------


def beroep_weigering(user, beroep: Beroep, *, op: date | None = None) -> Weigering | None:
    """Why `user` cannot decide on `beroep` now: the rows of its statuut
    (`beroep.beslissen` for its rule), in their relation to the pupil on `op`."""
    op = vandaag(op)
    regel = beroep.regel
    soort = regel.get_soort_display()
    if not klachten_toegang.beroepen_voor(user, Beroep.objects.filter(pk=beroep.pk),
                                          op=op).exists():
        return niet_nu(_("U heeft met dit beroep niets te maken."))
    if not can_proceed(beroep.beslissen):
        return niet_nu(_("Op dit %(s)s is al beslist.") % {"s": soort})
    if not toegang.bevoegd(user, klachten_toegang.BEROEP_BESLISSEN, beroep.leerling,
                           voor=regel.code, op=op, statuut=beroep.statuut):
        return niet_nu(_("Op dit %(s)s beslist %(b)s (%(a)s).") % {
            "s": soort, "b": selectors.beroep_bij_naam(regel),
            "a": selectors.artikel(regel)})
    return None
