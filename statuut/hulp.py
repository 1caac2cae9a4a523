"""The small helpers every app needs, in one place (issue 13, point 7): a person's name,
today, an age, a school year's bounds, an article citation, an amount in Dutch and a row
lock. `statuut` is the bottom layer, so any app may import this module.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

# --- people and days -----------------------------------------------------------------------


def vandaag(op: date | None = None) -> date:
    """`op` when given (a caller passes "today" in for a fixed date), else today's date in the
    school's time zone."""
    return op if op is not None else timezone.localdate()


def naam_van(user) -> str:
    """How a person is named on a page, in the dossier and in a letter: the staff member's
    name, else the account's full name, else its user name; nobody: ""."""
    if user is None:
        return ""
    medewerker = getattr(user, "medewerker", None)
    return (medewerker.naam if medewerker else "") or user.get_full_name() or user.get_username()


def leeftijd(geboortedatum: date, op: date) -> int:
    """Age in whole years on `op`: a pupil turns 18 on the birthday itself."""
    return relativedelta(op, geboortedatum).years


# --- the school year: 1 August to 31 July --------------------------------------------------


def schooljaar_naam(datum: date) -> str:
    """'2026-2027' for any date from 1 August 2026 up to and including 31 July 2027."""
    start = datum.year if datum.month >= 8 else datum.year - 1
    return f"{start}-{start + 1}"


def schooljaar_grenzen(jaar: date | str) -> tuple[date, date]:
    """(1 August, 31 July) of the school year containing a date, or named '2026-2027'."""
    naam = schooljaar_naam(jaar) if isinstance(jaar, date) else jaar
    start = int(naam[:4])
    return date(start, 8, 1), date(start + 1, 7, 31)


# --- texts ---------------------------------------------------------------------------------


def en_lijst(delen) -> str:
    """'a', 'a en b', 'a, b en c'."""
    delen = list(delen)
    if len(delen) <= 1:
        return "".join(delen)
    return f"{', '.join(delen[:-1])} {_('en')} {delen[-1]}"


def artikelverwijzing(nummer: str, *, kort: bool = False) -> str:
    """One article, cited: '8.2' -> 'artikel 8.2' ('art. 8.2' with `kort`, as a complaint's
    stages are listed). A bijlage, a heading or an already cited article stays as it is."""
    nummer = (nummer or "").strip()
    if not nummer[:1].isdigit():
        return nummer
    return (_("art. %(a)s") if kort else _("artikel %(a)s")) % {"a": nummer}


def artikel_tekst(statuut, nummers) -> str:
    """"artikel 8.1 en 8.2 van het Leerlingenstatuut ..." or, for a protocol with headings
    instead of numbers, "het onderdeel 'Schorsing' van het Protocol ..."."""
    from .models import Artikel  # the models import this module's neighbours

    nummers = [n for n in dict.fromkeys(nummers) if n]
    artikelen = {a.nummer: a for a in Artikel.objects.filter(statuut=statuut, nummer__in=nummers)}
    genummerd = [n for n in nummers if n[:1].isdigit()]
    koppen = [artikelen[n].titel if n in artikelen else n for n in nummers if not n[:1].isdigit()]
    delen = []
    if genummerd:
        woord = _("artikel") if len(genummerd) == 1 else _("artikelen")
        delen.append(f"{woord} {en_lijst(genummerd)}")
    if koppen:
        woord = _("het onderdeel") if len(koppen) == 1 else _("de onderdelen")
        delen.append(f"{woord} {en_lijst([f'‘{k}’' for k in koppen])}")
    if not delen:
        return _("het %(titel)s") % {"titel": statuut.titel}
    return _("%(delen)s van het %(titel)s") % {"delen": en_lijst(delen), "titel": statuut.titel}


def aantal_tekst(aantal: int | None, eenheid: str) -> str:
    """'1 schooldag', '3 schooldagen', '6 weken': an amount in a unit (`statuut.Eenheid`), in
    correct Dutch; no amount: ""."""
    if not aantal:
        return ""
    vormen = {
        "schooldagen": ngettext("%(n)d schooldag", "%(n)d schooldagen", aantal),
        "werkdagen": ngettext("%(n)d werkdag", "%(n)d werkdagen", aantal),
        "kalenderdagen": ngettext("%(n)d dag", "%(n)d dagen", aantal),
        "weken": ngettext("%(n)d week", "%(n)d weken", aantal),
    }
    return vormen[eenheid] % {"n": aantal}


# --- rows ----------------------------------------------------------------------------------


def vergrendeld(model_of_queryset, pk):
    """The row, locked until the transaction ends: two users acting at once queue here and the
    second sees the state the first left. Only the row itself is locked (`of=self`), not the
    rows its select_related joins read."""
    if isinstance(model_of_queryset, type) and issubclass(model_of_queryset, models.Model):
        model_of_queryset = model_of_queryset.objects.all()
    if isinstance(pk, models.Model):
        pk = pk.pk
    return model_of_queryset.select_for_update(of=("self",)).get(pk=pk)


def rollen_tekst(rollen) -> str:
    """Roles, bodies and principals by their Dutch names: "Directie / schoolleiding,
    Teamleider / afdelingsleider"; "(niemand)" for none."""
    from statuut.models import Orgaan, Principaal, Rol

    labels = {**dict(Rol.choices), **dict(Orgaan.choices), **dict(Principaal.choices)}
    return ", ".join(str(labels.get(r, r)) for r in rollen) or str(_("(niemand)"))


def bij_tekst(instantie: str) -> str:
    """"bij het bevoegd gezag (het schoolbestuur)": where a remedy goes, in a sentence."""
    from statuut.models import Orgaan, Rol

    namen = {Orgaan.BEVOEGD_GEZAG: gettext_lazy("het bevoegd gezag (het schoolbestuur)"),
             Rol.DIRECTIE: gettext_lazy("de directie")}
    if instantie in namen:
        return str(namen[instantie])
    # "de teamleider": the role's first name ("Teamleider / afdelingsleider"), as a letter
    # says it.
    return _("de %(r)s") % {"r": rollen_tekst([instantie]).split(" / ")[0].lower()}


def beroep_in_brief(statuut, regel, acties_rijen) -> dict:
    """A letter's paragraph on the internal beroep a statuut rule (`Beroepsregel`) gives
    against a measure (templates/brieven/basis.html `beroep`): where it goes (the first row of
    `beroep.beslissen` for the rule's code, `acties_rijen`), against whom, its term and
    article (Echnaton art. 12 Beroep 1 and 2)."""
    bij = next(iter(sorted(acties_rijen, key=lambda r: (r.voor == "", r.pk))), None)
    bij = bij.rol if bij is not None else ""
    return {"bij_code": bij, "bij": bij_tekst(bij),
            "tegen": _("de %(r)s") % {"r": rollen_tekst([regel.tegen]).split(" / ")[0].lower()},
            "termijn": aantal_tekst(regel.termijn_aantal, regel.termijn_eenheid)
            if regel.termijn_aantal else "",
            "artikel": artikel_tekst(statuut, [regel.artikel]) if regel.artikel else "",
            "schriftelijk": regel.schriftelijk}
