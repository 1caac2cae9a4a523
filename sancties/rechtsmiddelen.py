"""The one appeal mechanism, the measures' side (issue 13 point 5; `dossiers.maatregelen`).

A schorsing, a time-out and a verwijdering are measures a remedy points at. This module
tells the mechanism, from the statuut's rows:

- which remedies the statuut gives against one decided measure (`rechtsmiddelen`): the
  schorsing's bezwaar where the statuut allows it (Echnaton: the law, Wijzer: its
  protocol; Noordgouw art. 24.4: none), the verwijdering's bezwaar (WVO, Noordgouw art.
  25.10), and an internal beroep where a rung's rows name who decides one
  (`maatregel.beroep_beslissen`); the klachten flow adds the statuut's `Beroepsregel`s;
- which bezwaar runs on a measure now (`lopend`), so that only one remedy runs at a time,
  whichever flow files it;
- how a decided remedy's outcome is applied here (`toepassen`): "vernietigd" annuls the
  measure (its django-fsm transition to `vernietigd`), ends its open deadlines and marks
  every entry of the decision, its letters' included, with the same "[Vervallen]"
  addendum; "gewijzigd" marks them "[Gewijzigd]" with the new measure; "bevestigd" leaves
  the measure as it stands (the remedy's own decision is the remedy flow's entry).

The schorsing's own bezwaar keeps its procedure (`sancties.services`: heard by the bevoegd
gezag, upheld at Wijzer with the entries removed, seed 004).
"""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from dossiers import dossier, maatregelen
from dossiers import toegang as dossiertoegang
from dossiers.maatregelen import Rechtsmiddel
from statuut.hulp import aantal_tekst, naam_van, vergrendeld
from statuut.models import Eenheid, Termijn, Termijnstatus
from statuut.services import InvoerFout, termijn_vervallen

from . import toegang
from .models import (
    SCHORSING_BESLOTEN,
    Bezwaarstatus,
    Schorsing,
    TimeOut,
    TimeOutstatus,
    Verwijdering,
    Verwijderingstatus,
)
from .regels import datum_kort

VERNIETIGD, GEWIJZIGD, BEVESTIGD = "vernietigd", "gewijzigd", "bevestigd"


# --- what the statuut gives --------------------------------------------------------------


def _termijn(aantal, eenheid) -> tuple[int, str] | None:
    return (aantal, eenheid) if aantal and eenheid else None


def _beroep(statuut, rung) -> list[Rechtsmiddel]:
    """An internal beroep where the rung's rows name who decides one."""
    if statuut is None or rung is None:
        return []
    return [Rechtsmiddel("beroep", rij.rol, rij.artikel or rung.artikel, None,
                         _termijn(rung.beroep_termijn_aantal, rung.beroep_termijn_eenheid))
            for rij in toegang.Gezag(statuut).rijen(toegang.BEROEP_BESLISSEN, rung.code)]


def beroepsregel_tegen(statuut, rung):
    """The statuut's internal beroep (a `Beroepsregel`) against a measure of the role(s) that
    impose `rung` (Echnaton art. 12 Beroep 2: against a measure of the teamleiding, to the
    schoolleiding), only when it covers every role that may impose it; else None."""
    from statuut.models import Beroepsregel

    from . import regels

    if statuut is None or rung is None:
        return None
    rollen = regels.gemandateerd(rung)
    if not rollen:
        return None
    gevonden = list(Beroepsregel.objects.filter(
        statuut=statuut, soort=Beroepsregel.Soort.BEROEP, tegen__in=rollen).order_by("pk"))
    if {r.tegen for r in gevonden} != set(rollen):
        return None
    return gevonden[0]


def _beroepsregel(statuut, rung) -> list[Rechtsmiddel]:
    """The internal beroep of the statuut's beroep rules (decided by whom its
    `beroep.beslissen` row names), as a remedy the klachten flow files."""
    regel = beroepsregel_tegen(statuut, rung)
    if regel is None:
        return []
    rijen = [r for r in dossiertoegang.rijen(statuut, "beroep.beslissen", voor=regel.code)
             if r.voor == regel.code] or dossiertoegang.rijen(statuut, "beroep.beslissen",
                                                              voor=regel.code)
    return [Rechtsmiddel("beroep", rijen[0].rol if rijen else "", regel.artikel, regel,
                         _termijn(regel.indientermijn_aantal, regel.indientermijn_eenheid))]


def _bezwaar(statuut, actie: str, termijn) -> list[Rechtsmiddel]:
    rijen = toegang.Gezag(statuut).rijen(actie)
    if not rijen:
        return []
    return [Rechtsmiddel("bezwaar", rijen[0].rol, rijen[0].artikel, None, termijn)]


def schorsing_rechtsmiddelen(schorsing: Schorsing) -> list[Rechtsmiddel]:
    statuut = schorsing.statuut
    if statuut is None or schorsing.status not in SCHORSING_BESLOTEN:
        return []
    uit = []
    if statuut.bezwaar_schorsing_mogelijk:
        uit += _bezwaar(statuut, toegang.SCHORSING_BEZWAAR_BESLISSEN,
                        _termijn(statuut.bezwaar_termijn_aantal, statuut.bezwaar_termijn_eenheid))
    return uit + _beroep(statuut, schorsing.maatregel) + _beroepsregel(statuut,
                                                                       schorsing.maatregel)


def time_out_rechtsmiddelen(time_out: TimeOut) -> list[Rechtsmiddel]:
    if time_out.status not in (TimeOutstatus.GOEDGEKEURD, TimeOutstatus.AFGEROND):
        return []
    return _beroep(time_out.statuut, time_out.maatregel)


def verwijdering_rechtsmiddelen(v: Verwijdering) -> list[Rechtsmiddel]:
    if v.status != Verwijderingstatus.BESLOTEN:
        return _beroep(v.statuut, v.maatregel) if v.status == Verwijderingstatus.AFGEROND else []
    statuut = v.statuut
    return [*_bezwaar(statuut, toegang.VERWIJDERING_BEZWAAR_BESLISSEN,
                      _termijn(statuut.verwijdering_bezwaar_termijn_aantal,
                               statuut.verwijdering_bezwaar_termijn_eenheid or Eenheid.WEKEN)),
            *_beroep(statuut, v.maatregel)]


def lopend(maatregel) -> list[str]:
    """The bezwaar running on a measure now, in Dutch (the remedy kind of this flow)."""
    if isinstance(maatregel, Schorsing) and maatregel.bezwaarstatus in (
            Bezwaarstatus.INGEDIEND, Bezwaarstatus.GEHOORD):
        return [_("een bezwaar, ingediend op %(d)s") % {
            "d": datum_kort(maatregel.bezwaar_ingediend_op)}]
    if isinstance(maatregel, Verwijdering) and maatregel.status in (
            Verwijderingstatus.BEZWAAR, Verwijderingstatus.BEZWAAR_GEHOORD):
        return [_("een bezwaar, ingediend op %(d)s") % {
            "d": datum_kort(maatregel.bezwaar_ingediend_op)}]
    return []


def omschrijving(maatregel) -> str:
    """A short Dutch name: "de schorsing van 1 schooldag van 25-11-2026"."""
    if isinstance(maatregel, Schorsing):
        return _("de %(w)s van %(n)s van %(d)s") % {
            "w": maatregel.naamwoord, "d": f"{maatregel.eerste_dag:%d-%m-%Y}",
            "n": aantal_tekst(maatregel.schooldagen, Eenheid.SCHOOLDAGEN)}
    if isinstance(maatregel, TimeOut):
        return _("de time-out van %(d)s") % {"d": f"{maatregel.datum:%d-%m-%Y}"}
    return _("het besluit tot verwijdering van %(d)s") % {
        "d": f"{(maatregel.besloten_op or maatregel.voorgesteld_op):%d-%m-%Y}"}


# --- applying a decided remedy -----------------------------------------------------------


def _termijnen_beeindigen(maatregel) -> None:
    """The measure's open deadlines no longer apply (statuut.services)."""
    for termijn in Termijn.objects.filter(
            onderwerp_type=ContentType.objects.get_for_model(type(maatregel)),
            onderwerp_id=maatregel.pk,
            status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN]):
        termijn_vervallen(termijn)



_MODELLEN = (Schorsing, TimeOut, Verwijdering)


@transaction.atomic
def toepassen(maatregel, *, uitkomst: str, door, op: date, toelichting: str = "") -> None:
    """Apply a decided remedy's outcome to the measure (called by the remedy's flow in its
    decision's transaction). "vernietigd": annulled; "gewijzigd": changed as `toelichting`
    says; "bevestigd": it stands."""
    model = type(maatregel)
    if model not in _MODELLEN:
        raise InvoerFout(_("Dit is geen maatregel van de sancties."))
    maatregel = vergrendeld(model.objects.select_related("leerling", "statuut"), maatregel)
    toelichting = (toelichting or "").strip()
    naam = omschrijving(maatregel)
    reden = _("%(u)s na beroep of bezwaar (%(door)s, %(d)s)") % {
        "u": uitkomst, "door": naam_van(door), "d": datum_kort(op)}
    if uitkomst == VERNIETIGD:
        try:
            maatregel.vernietigen(op=op)
        except TransitionNotAllowed as exc:
            raise InvoerFout(_("%(m)s is %(s)s en kan niet (meer) worden vernietigd.")
                             % {"m": naam.capitalize(), "s": maatregel.get_status_display()}
                             ) from exc
        maatregel.save()
        _termijnen_beeindigen(maatregel)
        dossier.besluit_markeren(
            maatregel, door=door, voor=_("[Vervallen]"),
            zin=_("Deze maatregel is op %(d)s na beroep of bezwaar vernietigd.%(x)s") % {
                "d": datum_kort(op), "x": f" {toelichting}" if toelichting else ""},
            reden=reden)
    elif uitkomst == GEWIJZIGD:
        if not toelichting:
            raise InvoerFout(_("Beschrijf de gewijzigde maatregel."))
        dossier.besluit_markeren(
            maatregel, door=door, voor=_("[Gewijzigd]"),
            zin=_("Na beroep of bezwaar gewijzigd op %(d)s in: %(n)s")
            % {"d": datum_kort(op), "n": toelichting}, reden=reden)
    elif uitkomst != BEVESTIGD:
        raise InvoerFout(_("Onbekende uitkomst '%(u)s': vernietigd, gewijzigd of bevestigd.")
                         % {"u": uitkomst})


def registreren() -> None:
    """From `SanctiesConfig.ready()`: the measures and this flow's remedy kind."""
    maatregelen.registreer_maatregel(Schorsing, rechtsmiddelen=schorsing_rechtsmiddelen,
                                     toepassen=toepassen, omschrijving=omschrijving)
    maatregelen.registreer_maatregel(TimeOut, rechtsmiddelen=time_out_rechtsmiddelen,
                                     toepassen=toepassen, omschrijving=omschrijving)
    maatregelen.registreer_maatregel(Verwijdering, rechtsmiddelen=verwijdering_rechtsmiddelen,
                                     toepassen=toepassen, omschrijving=omschrijving)
    maatregelen.registreer_rechtsmiddel(lopend)
