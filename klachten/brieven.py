"""The klachten letter kinds (registered from `KlachtenConfig.ready()`). The receipt of a
complaint is the shared kind `ontvangstbevestiging_klacht`."""

from django.utils.translation import gettext_lazy as _

from dossiers.brieven.soorten import Briefsoort, soort_registreren
from statuut.models import Dossiersectie

SOORTEN = [
    Briefsoort(
        code="klacht_reactie",
        titel=_("Reactie op uw klacht"),
        template="brieven/klacht_reactie.html",
        sectie=Dossiersectie.CORRESPONDENTIE,
        vereist=("kenmerk", "fase", "reactie", "vervolg"),
        onderwerp=_("reactie op uw klacht"),
        samenvatting=lambda g: _("Schriftelijke reactie op klacht %(k)s (%(f)s).")
        % {"k": g["kenmerk"], "f": g["fase"]},
    ),
    Briefsoort(
        code="klacht_advies",
        titel=_("Advies van de geschillencommissie"),
        template="brieven/klacht_advies.html",
        sectie=Dossiersectie.CORRESPONDENTIE,
        vereist=("kenmerk", "advies", "uiterlijk"),
        onderwerp=_("advies van de geschillencommissie"),
        samenvatting=lambda g: _("Advies van de geschillencommissie over klacht %(k)s: %(a)s.")
        % {"k": g["kenmerk"], "a": g["advies"]},
    ),
    Briefsoort(
        code="klacht_uitspraak",
        titel=_("Uitspraak op uw klacht"),
        template="brieven/klacht_uitspraak.html",
        sectie=Dossiersectie.CORRESPONDENTIE,
        vereist=("kenmerk", "advies", "uitspraak", "uitvoering_door"),
        onderwerp=_("uitspraak op uw klacht"),
        samenvatting=lambda g: _("Uitspraak op klacht %(k)s na advies %(a)s.")
        % {"k": g["kenmerk"], "a": g["advies"]},
    ),
    Briefsoort(
        code="klacht_beroep_ontvangst",
        titel=_("Ontvangstbevestiging van uw beroep of bezwaar"),
        template="brieven/klacht_beroep_ontvangst.html",
        sectie=Dossiersectie.CORRESPONDENTIE,
        vereist=("kenmerk", "soort", "ingediend_op", "tegen", "behandelaar", "uiterlijk"),
        onderwerp=_("ontvangstbevestiging van uw beroep of bezwaar"),
        samenvatting=lambda g: _("Ontvangst bevestigd van %(s)s %(k)s van %(d)s; beslissing "
                                 "uiterlijk %(u)s.")
        % {"s": g["soort"], "k": g["kenmerk"], "d": g["ingediend_op"], "u": g["uiterlijk"]},
    ),
    Briefsoort(
        code="klacht_beroep_beslissing",
        titel=_("Beslissing op uw beroep of bezwaar"),
        template="brieven/klacht_beroep_beslissing.html",
        sectie=Dossiersectie.CORRESPONDENTIE,
        vereist=("kenmerk", "soort", "uitkomst", "beslissing"),
        onderwerp=_("beslissing op uw beroep of bezwaar"),
        samenvatting=lambda g: _("Beslissing op %(s)s %(k)s: %(u)s.")
        % {"s": g["soort"], "k": g["kenmerk"], "u": g["uitkomst"]},
    ),
]


def registreren() -> None:
    for soort in SOORTEN:
        soort_registreren(soort)
