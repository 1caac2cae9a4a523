"""The verzuim letter kinds (registered from `VerzuimConfig.ready()`) and the one place that
asks for a letter when a threshold's step is one.

Which step is a letter is the threshold's `actie_code` (statuut data): "ouders informeren"
(Noordgouw art. 14.7: "worden deze hierover zo snel mogelijk geïnformeerd") is told in
writing. The addressees follow the statuut's `Briefregel` for the kind, else the parents (or
the pupil of age), as every letter (`dossiers.brieven`)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from dossiers.brieven.services import brief_aanvragen
from dossiers.brieven.soorten import Briefsoort, soort_registreren
from statuut.models import Dossiersectie, Verzuimdrempel
from statuut.selectors import statuut_op

OUDERS_INFORMEREN = Briefsoort(
    code="verzuim_ouders_informeren",
    titel=_l("Verzuim van uw kind"),
    template="verzuim/brief_ouders_informeren.html",
    sectie=Dossiersectie.VERZUIM,
    vereist=("aanleiding", "van", "tot", "actie"),
    onderwerp=_l("verzuim van uw kind"),
    samenvatting=lambda g: _("Ouders schriftelijk geïnformeerd over verzuim (%(a)s), "
                             "%(v)s tot en met %(t)s.")
    % {"a": g["aanleiding"], "v": g["van"], "t": g["tot"]},
)

VERLOF_BESLUIT = Briefsoort(
    code="verzuim_verlof_besluit",
    besluit=True,
    titel=_l("Besluit op uw verlofaanvraag"),
    template="verzuim/brief_verlof_besluit.html",
    sectie=Dossiersectie.VERZUIM,
    vereist=("uitkomst", "van", "tot", "schooldagen", "reden", "motivering", "ontvangen_op"),
    onderwerp=_l("besluit op uw verlofaanvraag"),
    samenvatting=lambda g: _("Verlof van %(v)s tot en met %(t)s (%(n)s schooldagen) %(u)s.")
    % {"v": g["van"], "t": g["tot"], "n": g["schooldagen"], "u": g["uitkomst"]},
)

SOORTEN = (OUDERS_INFORMEREN, VERLOF_BESLUIT)

#: The threshold steps that are a letter, and its kind.
BRIEF_VAN_CODE = {Verzuimdrempel.Actie.OUDERS_INFORMEREN: OUDERS_INFORMEREN.code}


def registreren() -> None:
    for soort in SOORTEN:
        soort_registreren(soort)


def brief_bij_actie(*, door, actie, drempel: Verzuimdrempel, op: date):
    """Request the letter of a threshold's step in the opening's transaction (made after
    commit). Once per opening: a reopened step writes again, a repeated call does not."""
    soort = BRIEF_VAN_CODE.get(drempel.actie_code)
    if soort is None:
        return None
    keer = f":{actie.heropend_op:%Y%m%d}" if actie.heropend_op else ""
    aanleiding = (_("%(n)d keer %(s)s") % {"n": actie.aantal, "s": drempel.get_soort_display()}
                  if actie.aantal else drempel.get_soort_display())
    statuut = statuut_op(actie.leerling.school, op)
    return brief_aanvragen(
        door=door, leerling=actie.leerling, soort=soort,
        sleutel=f"verzuim:drempelactie:{actie.pk}{keer}:{soort}", datum=op, bron=actie,
        statuut=statuut,
        gegevens={"aanleiding": aanleiding, "van": f"{actie.van:%d-%m-%Y}",
                  "tot": f"{actie.tot:%d-%m-%Y}", "actie": drempel.actie,
                  "toelichting": actie.notitie if actie.gesignaleerd_door_id else "",
                  "artikel": drempel.artikel})


def verlofbesluit(*, door, aanvraag, op: date):
    """The school's decision on leave, in writing to the parents (Leerplichtwet art. 14: a
    decision of the head of the school, open to bezwaar under the Awb, art. 6:7: six weeks).
    A decision of the leerplichtambtenaar is their own letter: none from the school."""
    from statuut.hulp import naam_van

    statuut = statuut_op(aanvraag.leerling.school, op)
    return brief_aanvragen(
        door=door, leerling=aanvraag.leerling, soort=VERLOF_BESLUIT.code,
        sleutel=f"verzuim:verlof:{aanvraag.pk}:{VERLOF_BESLUIT.code}", datum=op,
        bron=aanvraag, statuut=statuut,
        gegevens={"uitkomst": aanvraag.get_status_display(),
                  "toegekend": aanvraag.status == "toegekend",
                  "van": f"{aanvraag.eerste_dag:%d-%m-%Y}",
                  "tot": f"{aanvraag.laatste_dag:%d-%m-%Y}",
                  "schooldagen": str(aanvraag.schooldagen), "reden": aanvraag.reden,
                  "motivering": aanvraag.motivering,
                  "ontvangen_op": f"{aanvraag.ontvangen_op:%d-%m-%Y}",
                  "rechtsmiddel": {"soort": _("bezwaar"), "termijn": _("zes weken"),
                                   "bij": _("de directeur van de school")},
                  "ondertekenaar": {"naam": naam_van(door)}})
