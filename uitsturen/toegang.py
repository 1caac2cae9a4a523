"""Who may do what with an uitstuurmelding: only the statuut's authority rows, asked through
the primitives of `dossiers.toegang` and `dossiers.relaties`; no role is named here.

- sending a pupil out is imposing the rung (`maatregel.opleggen`, `voor` = the rung's code:
  Echnaton bijlage A, Noordgouw art. 1); the teacher who sent the pupil out fills in their
  part of the letter, under the same row (bijlage A: "De leraar vult de reden in");
- receiving the pupil and starting the letter: `uitsturen.melding_ontvangen` for the rung
  (bijlage A: "in de kamer van de (assistent) teamleider"; Noordgouw art. 1: "direct melden
  bij een afdelingsleider"). A rung of soort uitsturen is sent out of class with a melding
  exactly when such a row names someone to report to;
- completing it and sending the letter to the parents: `maatregel.informeren` for the rung;
- following the open meldingen (the list, the panel, the melding page): `uitsturen.volgen`.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from dossiers import toegang
from dossiers.models import Leerling
from dossiers.toegang.basis import _statuut_op
from statuut.models import Bevoegdheid, Maatregelsoort, Statuut

OPLEGGEN = "maatregel.opleggen"
INFORMEREN = "maatregel.informeren"
MELDING_ONTVANGEN = "uitsturen.melding_ontvangen"
VOLGEN = "uitsturen.volgen"


def uitstuurtreden(statuut: Statuut | None) -> QuerySet[Maatregelsoort]:
    """The statuut's rungs sent out of class with a melding (see the module's doc)."""
    if statuut is None:
        return Maatregelsoort.objects.none()
    return statuut.maatregelen.filter(
        soort=Maatregelsoort.Soort.UITSTUREN,
        code__in=Bevoegdheid.objects.filter(statuut=statuut, actie=MELDING_ONTVANGEN)
        .values("voor")).order_by("trede")


def treden_voor(user, *, op: date) -> list[tuple[Maatregelsoort, QuerySet[Leerling]]]:
    """Per rung the user may impose somewhere: the rung and the pupils they may send out
    under it (their own pupils, through `dossiers.relaties`)."""
    uit = []
    for school in toegang.scholen_van(user).order_by("pk"):
        for trede in uitstuurtreden(_statuut_op(school, op)):
            if toegang.scholen_bevoegd(user, OPLEGGEN, voor=trede.code, op=op).filter(
                    pk=school.pk).exists():
                uit.append((trede, toegang.leerlingen_bevoegd(
                    user, OPLEGGEN, school=school, voor=trede.code, op=op)))
    return uit


def mag(user, actie: str, leerling, *, voor: str = "", op: date | None = None) -> bool:
    return toegang.bevoegd(user, actie, leerling, voor=voor, op=op)


def mag_zien(user, melding, *, op: date | None = None) -> bool:
    """The melding page: the teacher who sent the pupil out, whoever follows the meldingen
    of this pupil, and whoever holds one of its steps for this pupil."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    if melding.docent_id == user.pk:
        return True
    ll, code = melding.leerling, melding.maatregel_code
    return (mag(user, VOLGEN, ll, op=op) or mag(user, MELDING_ONTVANGEN, ll, voor=code, op=op)
            or mag(user, INFORMEREN, ll, voor=code, op=op))


def zichtbaar(user, *, op: date | None = None) -> Q:
    """A Q on Uitstuurmelding: the ones `user` follows, and the ones they sent out."""
    return Q(leerling__in=toegang.leerlingen_bevoegd(user, VOLGEN, op=op)) | Q(docent=user)


@toegang.onderwerpbeleid("uitsturen.uitstuurmelding")
def _termijnen(user) -> QuerySet:
    """A melding's deadline is listed only for whoever may see the melding (`zichtbaar`)."""
    from .models import Uitstuurmelding

    return Uitstuurmelding.objects.filter(zichtbaar(user)).values("pk")


def volgt_op(user, school, *, op: date | None = None) -> bool:
    """Does `user` follow sent-out pupils at `school` (no query once the rows are loaded)?"""
    return toegang.bevoegd(user, VOLGEN, school=school, op=op)


def scholen_volgen(user, *, op: date | None = None):
    return toegang.scholen_bevoegd(user, VOLGEN, op=op)


def leerlingen_volgen(user, *, op: date | None = None) -> QuerySet[Leerling]:
    return toegang.leerlingen_bevoegd(user, VOLGEN, op=op)
