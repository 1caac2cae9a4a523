"""The sancties letter kinds (registered from `SanctiesConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from dossiers import toegang
from dossiers.brieven.soorten import Briefsoort, soort_registreren
from statuut.hulp import aantal_tekst, beroep_in_brief
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


# --- The content every sancties decision letter shares (issue 12, points 11-13) -----------


def maatregel_in_brief(maatregel, schooldagen: int) -> str:
    """The measure's name as its length says: the rung's own name only when the schorsing
    lasts exactly the rung's length (a "Driedaagse schorsing" of two days is a "Schorsing
    van 2 schooldagen"); a rung named after its maximum ("ten hoogste een week") likewise."""
    if maatregel.soort != "schorsing":  # an ontzegging of the toegang has no fixed length
        return maatregel.naam
    if (maatregel.max_duur_eenheid == Eenheid.SCHOOLDAGEN
            and maatregel.max_duur_aantal == schooldagen
            and "ten hoogste" not in maatregel.naam.lower()):
        return maatregel.naam
    return _("Schorsing van %(n)s") % {"n": aantal_tekst(schooldagen, Eenheid.SCHOOLDAGEN)}


def ondertekenaar_van(user, *, rollen=(), mandaat_van: str = "") -> dict:
    """The decision-maker signs: their function (else the role they decided in) and, for a
    decision in mandate, for whom."""
    from dossiers.brieven.services import ondertekenaar

    from . import regels

    # "Teamleider / afdelingsleider" -> "teamleider": the role's first name as a function.
    functie = regels.rollen_tekst(list(rollen)[:1]).split(" / ")[0].lower() if rollen else ""
    return ondertekenaar(user, functie=functie,
                         mandaat_van=regels.bij_tekst(mandaat_van) if mandaat_van else "")


def genomen_door(teken: dict) -> str:
    """"Dit besluit is genomen door D. Yilmaz, teamleider, in mandaat namens de directie."""
    wie = ", ".join(d for d in (teken["naam"], teken["functie"]) if d)
    if teken.get("mandaat_van"):
        return _("Dit besluit is genomen door %(wie)s, in mandaat namens %(van)s.") % {
            "wie": wie, "van": teken["mandaat_van"]}
    return _("Dit besluit is genomen door %(wie)s.") % {"wie": wie}


def bezwaar(*, bij: str, aantal: int, eenheid: str, vervaldatum, artikel: str = "") -> dict:
    """The bezwaar paragraph's data: where (`bij`, an instantie; the letter adds its name
    and address from the school's settings), how (the letter says: in writing, with
    reasons, signed) and by when (the Termijn's date)."""
    from dossiers.brieven.services import datum_nl

    from . import regels

    return {"soort": str(_("bezwaar")), "bij_code": bij, "bij": regels.bij_tekst(bij),
            "termijn": aantal_tekst(aantal, eenheid), "uiterlijk": datum_nl(vervaldatum),
            "artikel": artikel}


def intern_beroep(statuut, maatregel) -> dict | None:
    """An internal beroep the statuut grants against a measure of the role that imposes it
    (Echnaton art. 12 Beroep 2: against a measure of the teamleiding, in writing to the
    schoolleiding, settled within ten school days); None where it grants none."""
    from .rechtsmiddelen import beroepsregel_tegen

    regel = beroepsregel_tegen(statuut, maatregel)
    if regel is None:
        return None
    # Who decides the beroep is the rule's authority row (`beroep.beslissen` for its code).
    return beroep_in_brief(statuut, regel,
                           toegang.rijen(statuut, "beroep.beslissen", voor=regel.code))
