"""The uitstuurmelding as a measure a remedy points at (`dossiers.maatregelen`).

Echnaton art. 12 Beroep 1 ("tegen maatregelen die door docenten genomen zijn in beroep ...
bij de teamleiding") and Noordgouw art. 22.3 ("ten onrechte door een docent een straf
opgelegd ... aan de afdelingsleider ter beoordeling voorleggen") are the statuut's
`Beroepsregel` rows against a measure of a role the teacher who sent the pupil out holds.
A beroep upheld ("vernietigd") withdraws the melding; otherwise it stands."""

from __future__ import annotations

from django.utils.translation import gettext as _

from dossiers import maatregelen
from dossiers.maatregelen import Rechtsmiddel
from dossiers.models import Roltoewijzing
from statuut.models import Beroepsregel

from . import services
from .models import Stand, Uitstuurmelding


def _termijn(aantal, eenheid):
    return (aantal, eenheid) if aantal and eenheid else None


def rechtsmiddelen(m: Uitstuurmelding) -> list[Rechtsmiddel]:
    if m.stand == Stand.INGETROKKEN or not m.maatregelsoort_id:
        return []
    rollen = set(Roltoewijzing.objects.filter(medewerker__user_id=m.docent_id,
                                              school_id=m.school_id).values_list("rol",
                                                                                 flat=True))
    return [Rechtsmiddel(regel.soort, "", regel.artikel, regel,
                         _termijn(regel.indientermijn_aantal, regel.indientermijn_eenheid))
            for regel in Beroepsregel.objects.filter(
                statuut_id=m.maatregelsoort.statuut_id, soort=Beroepsregel.Soort.BEROEP,
                tegen__in=rollen).order_by("pk")]


def toepassen(m: Uitstuurmelding, *, uitkomst: str, door, op, toelichting: str) -> None:
    if uitkomst == "vernietigd":
        services.intrekken(door=door, melding=m, op=op, toelichting=toelichting)


def omschrijving(m: Uitstuurmelding) -> str:
    return _("%(n)s van %(d)s (%(v)s)") % {"n": m.maatregel_naam, "d": f"{m.datum:%d-%m-%Y}",
                                          "v": m.vak}


def registreren() -> None:
    maatregelen.registreer_maatregel(Uitstuurmelding, rechtsmiddelen=rechtsmiddelen,
                                     toepassen=toepassen, omschrijving=omschrijving)
