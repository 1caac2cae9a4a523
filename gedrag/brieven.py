"""The letter of this flow: the parents informed of an offence the statuut says they are
always told of (Noordgouw art. 11.6 "Maatregelen bij overtreding": "altijd gemeld aan de
schoolleiding en ouders")."""

from django.utils.translation import gettext_lazy as _

from dossiers.brieven.soorten import Briefsoort, soort_registreren
from statuut.models import Dossiersectie

SOORTEN = [
    Briefsoort(
        code="gedrag_melding_ouders",
        titel=_("Melding van een overtreding"),
        template="brieven/gedrag_melding_ouders.html",
        sectie=Dossiersectie.GEDRAG,
        vereist=("datum", "maatregel", "overtreding", "soort"),
        onderwerp=_("melding van een overtreding"),
        samenvatting=lambda g: _("Ouders ingelicht over %(s)s op %(d)s: %(m)s.")
        % {"s": g["soort"], "d": g["datum"], "m": g["maatregel"]},
    ),
]


def registreren() -> None:
    for soort in SOORTEN:
        soort_registreren(soort)
