"""Who may do what with the daily measures: only the statuut's authority rows, asked
through the primitives of `dossiers.toegang`; no role is named here.

- imposing a rung is the ladder's action `maatregel.opleggen` with `voor` the rung's code
  (the rows sit under `bevoegdheden: sancties:`, the ladder's group);
- the steps after it are this flow's actions (rows under `bevoegdheden: gedrag:`):
  recording whether it was carried out, withdrawing it, following up a punishment not
  carried out (bijlage A), recording the aangifte, recording fraude, receiving the
  schoolleiding's notice;
- seeing a measure is reading the dossier's behaviour section (Echnaton art. 9.2), as for
  the sancties.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from dossiers import toegang
from statuut.models import Dossiersectie, Maatregelsoort

OPLEGGEN = "maatregel.opleggen"
UITVOERING_VASTLEGGEN = "gedrag.uitvoering_vastleggen"
INTREKKEN = "gedrag.intrekken"
NIET_NAGEKOMEN_OPVOLGEN = "gedrag.niet_nagekomen_opvolgen"
AANGIFTE_VASTLEGGEN = "gedrag.aangifte_vastleggen"
FRAUDE_VASTLEGGEN = "gedrag.fraude_vastleggen"
MELDING_ONTVANGEN = "gedrag.melding_ontvangen"

#: The soorten of the ladder this flow records (the others have their own flow).
SOORTEN = (Maatregelsoort.Soort.WAARSCHUWING, Maatregelsoort.Soort.STRAFWERK,
           Maatregelsoort.Soort.CORVEE, Maatregelsoort.Soort.KAART)


def mag(user, actie: str, leerling, *, voor: str = "", op: date | None = None) -> bool:
    return toegang.bevoegd(user, actie, leerling, voor=voor, op=op)


def leerlingen(user, actie: str, *, voor: str = "", school=None, op: date | None = None):
    return toegang.leerlingen_bevoegd(user, actie, voor=voor, school=school, op=op)


def opgelegd_als(user, leerling, rung, *, op: date) -> str:
    """The role in which the rows let `user` impose `rung` on `leerling` ("" when none):
    the first in the statuut's order (a beroep is against a measure of that role)."""
    rollen = [rol for rol, _rij in toegang.bevoegde_rijen(user, OPLEGGEN, leerling,
                                                          voor=rung.code, op=op)]
    return rollen[0] if rollen else ""


def fraude_als(user, leerling, *, op: date) -> str:
    rollen = [rol for rol, _rij in toegang.bevoegde_rijen(user, FRAUDE_VASTLEGGEN, leerling,
                                                          op=op)]
    return rollen[0] if rollen else ""


def mag_zien(user, leerling, *, op: date | None = None) -> bool:
    """Measures are part of the dossier's behaviour section (Echnaton art. 9.2)."""
    return Dossiersectie.GEDRAG in toegang.zichtbare_secties(user, leerling, op=op)


def zichtbaar(user, *, op: date | None = None) -> Q:
    """A Q on Lesmaatregel: the measures `user` may see. Whoever may read the behaviour
    section, and the one who imposed it (their own act: the docent whose matrix row opens no
    dossier still follows up their own measure) when they see the pupil at all."""
    return Q(leerling__in=toegang.leerlingen_voor(user, op=op, sectie=Dossiersectie.GEDRAG)) | Q(
        opgelegd_door=user, leerling__in=toegang.leerlingen_voor(user, op=op))


@toegang.onderwerpbeleid("gedrag.lesmaatregel")
def _termijnen(user) -> QuerySet:
    """A measure's deadlines (the follow-up of a broken agreement, the schoolleiding's
    notice) are listed only for whoever may see the measure: a role held school-wide (the
    Noordgouw afdelingsleider, art. 22.3) does not open another department's pupils."""
    from .models import Lesmaatregel

    return Lesmaatregel.objects.filter(zichtbaar(user)).values("pk")


verantwoordelijke = toegang.verantwoordelijke
