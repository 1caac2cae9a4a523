"""The uitstuurbrief (Echnaton bijlage A: "Hier krijg je de brief die naar je ouders gestuurd
zal worden"), registered from `UitsturenConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from dossiers.brieven.soorten import Briefsoort, soort_registreren
from statuut.models import Dossiersectie

UITSTUURBRIEF = Briefsoort(
    code="uitstuurbrief",
    titel=_("Uitstuurbrief: uit de les gestuurd"),
    template="brieven/uitstuurbrief.html",
    sectie=Dossiersectie.GEDRAG,
    vereist=("datum", "les", "docent", "verhaal_leerling", "reden_docent", "gesprek", "straf"),
    onderwerp=_("uit de les gestuurd"),
    samenvatting=lambda g: _("Uit de les gestuurd op %(d)s (%(l)s); straf: %(s)s")
    % {"d": g["datum"], "l": g["les"], "s": g["straf"]},
)


def registreren() -> None:
    soort_registreren(UITSTUURBRIEF)
