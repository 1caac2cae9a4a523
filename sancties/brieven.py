"""The sancties letter kinds (registered from `SanctiesConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from dossiers.brieven.soorten import Briefsoort, soort_registreren
from statuut.kalender import aantal_tekst
from statuut.models import Dossiersectie, Eenheid

SCHORSING_BESLUIT = Briefsoort(
    code="sanctie_schorsing_besluit",
    besluit=True,
    titel=_("Besluit tot schorsing"),
    template="brieven/sanctie_schorsing_besluit.html",
    sectie=Dossiersectie.GEDRAG,
    vereist=("maatregel", "eerste_dag", "laatste_dag", "schooldagen", "gronden", "motivering",
             "grondslag"),
    onderwerp=_("besluit tot schorsing"),
    samenvatting=lambda g: _("Schorsing (%(m)s) van %(v)s tot en met %(t)s, %(n)s.")
    % {"m": g["maatregel"], "v": g["eerste_dag"], "t": g["laatste_dag"],
       "n": aantal_tekst(int(g["schooldagen"]), Eenheid.SCHOOLDAGEN)},
)

ONTZEGGING_BESLUIT = Briefsoort(
    code="sanctie_ontzegging_besluit",
    titel=_("Besluit tot ontzegging van de toegang"),
    template="brieven/sanctie_ontzegging_besluit.html",
    sectie=Dossiersectie.GEDRAG,
    vereist=("maatregel", "eerste_dag", "laatste_dag", "schooldagen", "gronden", "motivering",
             "grondslag", "verwijdering_sinds"),
    onderwerp=_("besluit tot ontzegging van de toegang"),
    samenvatting=lambda g: _("Ontzegging van de toegang tot de school van %(v)s tot en met "
                             "%(t)s, %(n)s, hangende de verwijderingsprocedure.")
    % {"v": g["eerste_dag"], "t": g["laatste_dag"],
       "n": aantal_tekst(int(g["schooldagen"]), Eenheid.SCHOOLDAGEN)},
)

BEZWAAR_SCHORSING = Briefsoort(
    code="sanctie_bezwaar_schorsing",
    titel=_("Beslissing op uw bezwaar tegen de schorsing"),
    template="brieven/sanctie_bezwaar_schorsing.html",
    sectie=Dossiersectie.CORRESPONDENTIE,
    vereist=("uitkomst", "ingediend_op", "besluit_van", "motivering", "bij"),
    onderwerp=_("beslissing op uw bezwaar"),
    samenvatting=lambda g: _("Het bezwaar van %(d)s is %(u)s verklaard.")
    % {"d": g["ingediend_op"], "u": g["uitkomst"]},
)

TIME_OUT = Briefsoort(
    code="sanctie_time_out",
    titel=_("Time-out"),
    template="brieven/sanctie_time_out.html",
    sectie=Dossiersectie.GEDRAG,
    vereist=("datum", "incident", "motivering", "grondslag"),
    onderwerp=_("time-out"),
    samenvatting=lambda g: _("Time-out op %(d)s.") % {"d": g["datum"]},
)

VERWIJDERING_VOORNEMEN = Briefsoort(
    code="sanctie_verwijdering_voornemen",
    besluit=True,
    titel=_("Voornemen tot verwijdering"),
    template="brieven/sanctie_verwijdering_voornemen.html",
    sectie=Dossiersectie.GEDRAG,
    vereist=("gronden", "motivering", "grondslag"),
    onderwerp=_("voornemen tot verwijdering"),
    samenvatting=lambda g: _("Voornemen tot verwijdering: %(g)s.") % {"g": g["gronden"]},
)

VERWIJDERING_BESLUIT = Briefsoort(
    code="sanctie_verwijdering_besluit",
    besluit=True,
    titel=_("Besluit tot verwijdering"),
    template="brieven/sanctie_verwijdering_besluit.html",
    sectie=Dossiersectie.GEDRAG,
    vereist=("gronden", "motivering", "grondslag", "andere_school"),
    onderwerp=_("besluit tot verwijdering"),
    samenvatting=lambda g: _("Definitief besluit tot verwijdering; de leerling kan naar "
                             "%(s)s.") % {"s": g["andere_school"]},
)

VERWIJDERING_HEROVERWEGING = Briefsoort(
    code="sanctie_verwijdering_heroverweging",
    besluit=True,
    titel=_("Beslissing op uw bezwaar tegen de verwijdering"),
    template="brieven/sanctie_verwijdering_heroverweging.html",
    sectie=Dossiersectie.GEDRAG,
    vereist=("uitkomst", "ingediend_op", "besluit_van", "motivering", "grondslag"),
    onderwerp=_("beslissing op uw bezwaar"),
    samenvatting=lambda g: _("Het besluit tot verwijdering is %(u)s.") % {"u": g["uitkomst"]},
)

SOORTEN = (SCHORSING_BESLUIT, ONTZEGGING_BESLUIT, BEZWAAR_SCHORSING, TIME_OUT,
           VERWIJDERING_VOORNEMEN, VERWIJDERING_BESLUIT, VERWIJDERING_HEROVERWEGING)


def registreren() -> None:
    for soort in SOORTEN:
        soort_registreren(soort)
