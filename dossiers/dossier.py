"""The dossier's only writer: entries are added, corrected by an addendum, and removed only
by a procedure that calls for it, leaving a tombstone. Never edited in place.

- `stuk_toevoegen`: a new entry (a note, or the record of a decision or letter by a flow).
- `stuk_corrigeren`: an addendum that supersedes the newest version of an entry, with who
  and why; the original row stays byte for byte as it was.
- `stukken_verwijderen`: the only removal. The content is wiped (and a linked letter's PDF
  or document),
  title, date, section and author stay, and the row records when, by whom and on which
  ground (`Verwijdergrond`). An entry is removed with all its versions.
- `stukken_van_bron`: every entry tied to one source object (for a procedure that removes
  what a decision put in the dossier).

Every refusal is an `InvoerFout` with a Dutch message for the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from statuut.models import Dossiersectie, Handeling
from statuut.services import InvoerFout

from . import toegang
from .models import Brief, Document, Dossierstuk, Leerling, Verwijdergrond

_TITEL_MAX = Dossierstuk._meta.get_field("titel").max_length

#: Grounds a user may apply from the dossier page; the others are applied by the procedure
#: that calls for them (bezwaar upheld, retention term, a granted correction request) with
#: `controleer=False`, after that procedure has checked its own policy.
HANDELING_VOOR_GROND: dict[str, str] = {
    Verwijdergrond.JAARLIJKSE_OPSCHONING: Handeling.DOSSIER_OPSCHONEN,
}


def _titel(titel: str) -> str:
    titel = (titel or "").strip()
    if not titel:
        raise InvoerFout(_("Geef het stuk een titel."))
    if len(titel) > _TITEL_MAX:
        raise InvoerFout(_("De titel is te lang: maximaal %(n)d tekens.") % {"n": _TITEL_MAX})
    return titel


@transaction.atomic
def stuk_toevoegen(
    *, door, leerling: Leerling, sectie: str, titel: str, inhoud: str = "",
    datum: date | None = None, bron: models.Model | None = None, controleer: bool = True,
) -> Dossierstuk:
    """Add an entry to `leerling`'s dossier in `sectie`, written by `door`.

    `controleer=False` is for services of the flows that have already checked the policy for
    the decision the entry records (a letter, a measure); a user adding a note directly gets
    `controleer=True`: `door` must be allowed to add to the dossier and read `sectie`.
    """
    if sectie not in Dossiersectie.values:
        raise InvoerFout(_("Onbekende dossiersectie '%(s)s'.") % {"s": sectie})
    titel = _titel(titel)
    if controleer:
        rechten = toegang.rechten(door, leerling)
        if Handeling.DOSSIER_TOEVOEGEN not in rechten.handelingen:
            raise InvoerFout(_("U mag geen stukken aan het dossier van deze leerling "
                               "toevoegen."))
        if sectie not in rechten.secties:
            raise InvoerFout(_("U mag niets toevoegen aan de sectie '%(s)s' van dit dossier.")
                             % {"s": Dossiersectie(sectie).label})
    return Dossierstuk.objects.create(
        leerling=leerling, sectie=sectie, titel=titel, inhoud=inhoud or "",
        datum=datum or timezone.localdate(), auteur=door,
        bron_type=ContentType.objects.get_for_model(bron) if bron is not None else None,
        bron_id=bron.pk if bron is not None else None,
    )


@transaction.atomic
def stuk_corrigeren(*, door, stuk: Dossierstuk, titel: str, inhoud: str, reden: str,
                    controleer: bool = True) -> Dossierstuk:
    """Correct `stuk` with an addendum: a new entry in the same section that supersedes it,
    recording who corrected it (the author) and why. `stuk` itself is not touched.

    Only the newest version can be corrected (a second correction corrects the first), and
    a removed entry cannot be corrected. `door` needs `Handeling.DOSSIER_CORRIGEREN` and
    sight of the section; `controleer=False` skips only that check (a procedure that granted
    a correction request, or set-up code such as the demo).
    """
    # Lock the entry, so two corrections at once cannot both become "the newest".
    stuk = Dossierstuk.objects.select_for_update().select_related("leerling").get(pk=stuk.pk)
    if stuk.is_verwijderd:
        raise InvoerFout(_("Dit stuk is uit het dossier verwijderd en kan niet meer worden "
                           "gecorrigeerd."))
    if stuk.addenda.exists():
        raise InvoerFout(_("Dit stuk is al gecorrigeerd. Corrigeer de nieuwste versie."))
    reden = (reden or "").strip()
    if not reden:
        raise InvoerFout(_("Geef de reden van de correctie op."))
    titel = _titel(titel)
    inhoud = inhoud or ""
    if titel == stuk.titel and inhoud == stuk.inhoud:
        raise InvoerFout(_("De correctie is gelijk aan het stuk: er is niets gewijzigd."))
    if controleer:
        rechten = toegang.rechten(door, stuk.leerling)
        if Handeling.DOSSIER_CORRIGEREN not in rechten.handelingen or (
            stuk.sectie not in rechten.secties
        ):
            raise InvoerFout(_("U mag stukken in dit deel van het dossier niet corrigeren."))
    return Dossierstuk.objects.create(
        leerling=stuk.leerling, sectie=stuk.sectie, titel=titel, inhoud=inhoud,
        datum=stuk.datum, auteur=door, bron_type_id=stuk.bron_type_id, bron_id=stuk.bron_id,
        vervangt=stuk, correctiereden=reden,
    )


def _hele_ketens(ids: set[int]) -> set[int]:
    """The ids of every version of the entries `ids`: up to the original, down to the
    newest addendum. (A handful of queries per level of correction, never per entry.)"""
    alle = set(ids)
    nieuw = set(ids)
    while nieuw:
        buren = Dossierstuk.objects.filter(
            models.Q(pk__in=nieuw) & models.Q(vervangt__isnull=False)
        ).values_list("vervangt_id", flat=True)
        kinderen = Dossierstuk.objects.filter(vervangt_id__in=nieuw).values_list("pk", flat=True)
        nieuw = (set(buren) | set(kinderen)) - alle
        alle |= nieuw
    return alle


@transaction.atomic
def stukken_verwijderen(
    *, door, stukken: Iterable[Dossierstuk], grond: str, toelichting: str,
    controleer: bool = True,
) -> list[Dossierstuk]:
    """Remove entries from the dossier, leaving a tombstone for each: the content (and the
    PDF of a letter kept with the entry) is wiped; title, date, section and author stay;
    when, by whom, on which ground and why are recorded. Every version of an entry (the
    original and its addenda) goes with it.

    `grond` must be a `Verwijdergrond`. With `controleer` (the dossier page), only the
    yearly clean-up is possible and `door` needs `Handeling.DOSSIER_OPSCHONEN` and sight of
    each entry's section. The procedures that call for removal (bezwaar upheld, retention
    term, a granted correction request) check their own policy and pass
    `controleer=False`. Entries already removed are left as they are, so a procedure may
    run twice. Returns the entries removed now, as they are after removal.
    """
    if grond not in Verwijdergrond.values:
        raise InvoerFout(_("Onbekende grond voor verwijdering '%(g)s'. Kies uit: %(k)s.")
                         % {"g": grond, "k": ", ".join(Verwijdergrond.values)})
    toelichting = (toelichting or "").strip()
    if not toelichting:
        raise InvoerFout(_("Licht toe waarom deze stukken uit het dossier gaan."))
    ids = {s.pk for s in stukken}
    if not ids:
        raise InvoerFout(_("Kies ten minste één stuk om te verwijderen."))
    alle_ids = _hele_ketens(ids)
    rijen = list(
        Dossierstuk.objects.select_for_update().filter(pk__in=alle_ids)
        .select_related("leerling").order_by("pk")
    )
    if controleer:
        handeling = HANDELING_VOOR_GROND.get(grond)
        if handeling is None:
            raise InvoerFout(_("Verwijderen op grond van '%(g)s' gebeurt alleen door de "
                               "procedure die erom vraagt, niet vanuit het dossier.")
                             % {"g": Verwijdergrond(grond).label})
        per_leerling: dict[int, tuple[Leerling, set[str]]] = {}
        for rij in rijen:
            per_leerling.setdefault(rij.leerling_id, (rij.leerling, set()))[1].add(rij.sectie)
        for leerling, secties in per_leerling.values():
            rechten = toegang.rechten(door, leerling)
            if handeling not in rechten.handelingen or not secties <= rechten.secties:
                raise InvoerFout(_("U mag deze stukken niet uit het dossier van %(naam)s "
                                   "verwijderen.") % {"naam": leerling.volledige_naam})
    te_verwijderen = [r.pk for r in rijen if not r.is_verwijderd]
    if not te_verwijderen:
        return []
    Dossierstuk.objects.filter(pk__in=te_verwijderen)._grafstenen_zetten(
        door=door, op=timezone.now(), grond=grond, toelichting=toelichting,
    )
    # A letter kept with a removed entry loses its PDF and the data it was made from too
    # (the letter row and its recipients stay, as the record that a letter was sent).
    Brief.objects.filter(dossierstuk_id__in=te_verwijderen).update(pdf=None, gegevens={})
    # So does an uploaded document (a signed report's scan): only its name and size stay.
    Document.objects.filter(dossierstuk_id__in=te_verwijderen).update(inhoud=None)
    return list(Dossierstuk.objects.filter(pk__in=te_verwijderen).order_by("pk"))


def stukken_van_bron(bron: models.Model):
    """Every dossier entry tied to `bron` (a decision, a signal, a letter), tombstones and
    addenda included, oldest first."""
    return Dossierstuk.objects.filter(
        bron_type=ContentType.objects.get_for_model(bron), bron_id=bron.pk,
    ).order_by("datum", "pk")


def stukken_van_besluit(bron: models.Model):
    """The entries of a decision, with its letters': every entry whose source is `bron`, and
    every entry of a letter requested for `bron` (tombstones and addenda included, oldest
    first). The one answer to "the entries of this measure" for marking, cleaning up and
    reading (issue 13)."""
    from .models import Brief

    soort = ContentType.objects.get_for_model(bron)
    brieven = Brief.objects.filter(bron_type=soort, bron_id=bron.pk).values("pk")
    return Dossierstuk.objects.filter(
        Q(bron_type=soort, bron_id=bron.pk)
        | Q(bron_type=ContentType.objects.get_for_model(Brief), bron_id__in=brieven)
        | Q(brief__bron_type=soort, brief__bron_id=bron.pk)
    ).distinct().order_by("datum", "pk")



def besluit_markeren(bron: models.Model, *, door, voor: str, zin: str, reden: str) -> int:
    """Every entry of the decision `bron`, its letters' included (`stukken_van_besluit`): the
    newest version of each, not removed, gets the same addendum: its title after `voor`
    ("[Vervallen]"), its text after `zin`. Returns how many were marked."""
    aantal = 0
    for stuk in stukken_van_besluit(bron):
        if stuk.is_verwijderd or stuk.addenda.exists():
            continue
        stuk_corrigeren(door=door, stuk=stuk, titel=f"{voor} {stuk.titel}"[:200],
                        inhoud=f"{zin}\n\n{stuk.inhoud}", reden=reden, controleer=False)
        aantal += 1
    return aantal
