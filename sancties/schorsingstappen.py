"""The steps of a schorsing (and an ontzegging van de toegang), written once: the table
`STAPPEN` and the one check behind each, `weigering(user, schorsing, stap)`, which says why
`user` cannot take `stap` now (Dutch, with the article) or None. Every service in
`sancties.services` calls it first; the schorsing page calls it to offer exactly the steps
the services accept and to say why the others of this stand wait (`sancties.stappen`).

When a step is possible: its django-fsm transition's source states (the one description of
the states), then the statuut's conditions. Who may: the statuut's authority rows
(`sancties.toegang`). What depends on the form's input (the chosen length, who was present,
the dates typed) is checked by the service after this. The statuut version is the same for
page and service: before the decision the one in force on the day of the act (the hearing's
day for the hearing, today for the decision, which records it), after it the decision's own.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from dossiers import maatregelen
from dossiers.models import Brief, Briefstatus
from statuut.hulp import artikel_tekst, leeftijd, naam_van
from statuut.services import InvoerFout

from . import regels, stappen, toegang
from .models import SCHORSING_BESLOTEN, VERWIJDERING_GESLOTEN, Schorsing, Schorsingstatus
from .regels import datum_kort
from .stappen import Weigering, kan, niet_nu, overgang_weigering, rol_weigering

#: The steps, in the order the page shows them (with a form each); "kalender" (answer a
#: calendar change under the decision) is a step of its own block on the page.
STAPPEN = ("horen", "besluiten", "plannen", "bekendmaken", "ingaan", "gesprek", "inspectie",
           "afronden", "bezwaar", "bezwaar_horen", "bezwaar_beslissen")
#: Each step's name, and the django-fsm transition it takes (its source states say when).
TITELS = {
    "plannen": gettext_lazy("Hoorgesprek plannen"),
    "horen": gettext_lazy("Hoorgesprek vastleggen"),
    "besluiten": gettext_lazy("Besluiten"),
    "bekendmaken": gettext_lazy("Besluit bekendmaken"),
    "gesprek": gettext_lazy("Ouders uitnodigen voor een gesprek over de maatregel"),
    "ingaan": gettext_lazy("Schorsing laten ingaan"),
    "inspectie": gettext_lazy("Melding aan de inspectie"),
    "afronden": gettext_lazy("Schorsing afronden"),
    "bezwaar": gettext_lazy("Bezwaar inschrijven"),
    "bezwaar_horen": gettext_lazy("Ouders horen over het bezwaar"),
    "bezwaar_beslissen": gettext_lazy("Beslissen op het bezwaar"),
}
OVERGANGEN = {"plannen": "plan_hoorgesprek", "horen": "horen", "besluiten": "besluiten",
              "bekendmaken": "bekendmaken", "ingaan": "ingaan", "afronden": "afronden",
              "bezwaar": "bezwaar_indienen", "bezwaar_horen": "bezwaar_horen",
              "bezwaar_beslissen": "bezwaar_gegrond"}
#: The steps whose check depends on what the form says (the hearing: the statuut version in
#: force on the day typed, `services.hoorgesprek_vastleggen`): the view leaves the check to
#: the service, which refuses with the page and what was typed.
NAAR_HET_FORMULIER = frozenset({"horen"})


def titel(stap: str, schorsing: Schorsing) -> str:
    """A step's name on the page: planning after a hearing was planned or held is planning
    another one (the pupil is heard again, e.g. with the parents present)."""
    if stap == "plannen" and schorsing.status != Schorsingstatus.CONCEPT:
        return str(gettext_lazy("Nog een hoorgesprek plannen"))
    return str(TITELS[stap])


def volgende_stap(status: str, *, veld: str = "status") -> str:
    """The next step of a schorsing in `status` as the start page's panel names it."""
    return stappen.volgende_stap(Schorsing, STAPPEN, OVERGANGEN, TITELS, status, veld=veld)


def besluitbrief(schorsing: Schorsing) -> Brief | None:
    return (Brief.objects.filter(sleutel=f"schorsing:{schorsing.pk}:besluit")
            .defer("pdf").first())


def bekendmaken(schorsing: Schorsing) -> list:
    """Who makes the decision known and carries it out: whoever imposes the rung, and whom
    the statuut names to inform (Echnaton art. 8.4: the leerlingenadministratie)."""
    rung = schorsing.maatregel
    return [*regels.opleggen(rung), (toegang.INFORMEREN, rung.code)] if rung else []


class _Blik:
    """What the checks of one page or one service call share: the user, the statuut version
    in force on a day and the authority rows under a version (each read once)."""

    def __init__(self, user, schorsing: Schorsing, op: date):
        self.user, self.schorsing, self.op = user, schorsing, op
        self._in_werking = {}
        self._gezag: dict[int | None, toegang.Gezag] = {}

    def in_werking(self, op: date | None = None):
        op = op or self.op
        if op not in self._in_werking:
            self._in_werking[op] = regels.statuut_in_werking(self.schorsing.school, op)
        return self._in_werking[op]

    def gezag(self, statuut, op: date | None = None) -> toegang.Gezag:
        sleutel = (getattr(statuut, "pk", None), op or self.op)
        if sleutel not in self._gezag:
            self._gezag[sleutel] = toegang.Gezag(statuut, user=self.user,
                                                 leerling=self.schorsing.leerling,
                                                 op=op or self.op)
        return self._gezag[sleutel]


def ouders_horen_weigering(schorsing: Schorsing, statuut, *, gehoord_op: date,
                           ouders_aanwezig: bool) -> Weigering | None:
    """A pupil under the statuut's age is heard with the parents present (Noordgouw art.
    24.2, under 21; elsewhere the law, under 18): a hearing without them is refused at the
    hearing itself, not only at the decision."""
    leerling = schorsing.leerling
    onder = statuut.ouders_horen_onder_leeftijd
    if ouders_aanwezig or leeftijd(leerling.geboortedatum, gehoord_op) >= onder:
        return None
    artikel = statuut.ouders_horen_artikel
    return Weigering(_(
        "%(naam)s is jonger dan %(n)d jaar: volgens %(g)s wordt de leerling gehoord in het "
        "bijzijn van de ouders. Een hoorgesprek zonder de ouders kan niet worden vastgelegd; "
        "plan een hoorgesprek met de ouders erbij.")
        % {"naam": leerling.roepnaam, "n": onder,
           "g": artikel_tekst(statuut, [artikel] if artikel else [])})


def ouders_horen_uitleg(schorsing: Schorsing, *, op: date) -> str:
    """The same rule said beforehand, beside the hearing's form ("" when it does not apply)."""
    try:
        statuut = regels.statuut_in_werking(schorsing.school, op)
    except InvoerFout:
        return ""
    if ouders_horen_weigering(schorsing, statuut, gehoord_op=op,
                              ouders_aanwezig=False) is None:
        return ""
    artikel = statuut.ouders_horen_artikel
    return _("Verplicht: %(naam)s is jonger dan %(n)d jaar en wordt volgens %(g)s gehoord in "
             "het bijzijn van de ouders.") % {
        "naam": schorsing.leerling.roepnaam, "n": statuut.ouders_horen_onder_leeftijd,
        "g": artikel_tekst(statuut, [artikel] if artikel else [])}


def _bekendmaking_weigering(schorsing: Schorsing) -> Weigering | None:
    """Echnaton art. 8.4: the pupil, the parents and the mentor are told "schriftelijk en
    vooraf"; Noordgouw art. 24.3 and seed 004: in writing. The decision is made known by its
    letter: only once the letter went out (e-mailed or printed and posted) is it known."""
    statuut = schorsing.statuut
    brief = besluitbrief(schorsing)
    if brief is None or brief.status not in (Briefstatus.GEMAAKT, Briefstatus.VERZONDEN):
        return Weigering(_("Geen bekendmaking zonder brief: de brief met het besluit is nog "
                           "niet gemaakt. Wacht tot hij klaar is (zie de uitgaande post) en "
                           "probeer het dan opnieuw."))
    artikel = statuut.schorsing_bekendmaking_artikel

    def grond():  # read only for a refusal that names it
        return artikel_tekst(statuut, [artikel] if artikel else [])

    if brief.verzonden_op is None:
        return Weigering(_(
            "Volgens %(g)s wordt het besluit schriftelijk%(v)s bekendgemaakt: de brief met het "
            "besluit staat nog in de uitgaande post (gemaakt, niet verzonden of afgedrukt). "
            "Het besluit is bekendgemaakt zodra de leerlingenadministratie de brief heeft "
            "verzonden of afgedrukt en verstuurd.")
            % {"g": grond(), "v": " " + _("en vooraf") if statuut.schorsing_bekendmaking_vooraf
               else ""})
    verzonden = timezone.localdate(brief.verzonden_op)
    if statuut.schorsing_bekendmaking_vooraf and verzonden >= schorsing.eerste_dag:
        return Weigering(_(
            "Volgens %(g)s wordt de %(w)s vooraf bekendgemaakt, maar de brief ging pas op "
            "%(b)s uit en de %(w)s begint op %(d)s. Neem een nieuw besluit met een latere "
            "eerste dag.") % {"g": grond(), "w": schorsing.naamwoord, "b": datum_kort(verzonden),
                              "d": datum_kort(schorsing.eerste_dag)})
    return None


def voorstel_weigering(user, leerling, *, ontzegging: bool = False, op: date | None = None,
                       gezag: toegang.Gezag | None = None) -> Weigering | None:
    """Why `user` cannot propose a schorsing (or, `ontzegging`, an ontzegging van de toegang,
    Echnaton art. 8.3) for `leerling` today, or None: the pupil page's link, the proposal's
    page and the service ask this one check. Whether a verwijdering runs is the service's."""
    op = op or timezone.localdate()
    if gezag is None:
        try:
            statuut = regels.statuut_in_werking(leerling.school, op)
        except InvoerFout as fout:
            return niet_nu(str(fout))
        gezag = toegang.Gezag(statuut, user=user, leerling=leerling, op=op)
    statuut = gezag.statuut
    if ontzegging:
        rung = regels.ontzegging_rung(statuut)
        if rung is None or not statuut.schorsing_tijdens_verwijdering:
            return niet_nu(_("Het leerlingenstatuut van de school kent geen ontzegging van "
                             "de toegang tijdens een verwijderingsprocedure."))
        return rol_weigering(gezag, regels.ontzegging_voorstel(rung),
                             _("een ontzegging van de toegang voorstellen"), rung.artikel)
    return rol_weigering(gezag, regels.schorsing_voorstel(statuut),
                         _("een schorsing voorstellen"))


def weigering(user, schorsing: Schorsing, stap: str, *, op: date | None = None,
              blik: _Blik | None = None) -> Weigering | None:
    """Why `user` cannot take `stap` on `schorsing` on `op` (today), or None.

    `blik`: what the checks share, when the caller asks for several steps at once."""
    op = op or timezone.localdate()
    blik = blik or _Blik(user, schorsing, op)
    try:
        if stap == "plannen":
            if w := overgang_weigering(schorsing, "plan_hoorgesprek", _(
                    "Over deze schorsing is al besloten; een nieuw hoorgesprek plannen kan niet "
                    "meer.")):
                return w
            return _horen(blik, _("het horen van de leerling plannen"), op)
        if stap == "horen":
            if w := overgang_weigering(schorsing, "horen", _(
                    "Plan eerst het hoorgesprek; deze schorsing is %(s)s.")
                    % {"s": schorsing.get_status_display()}):
                return w
            return _horen(blik, _("het hoorgesprek vastleggen"), op)
        if stap == "besluiten":
            return _besluiten(schorsing, op, blik)
        if stap in ("bekendmaken", "ingaan", "gesprek", "inspectie", "afronden"):
            return _na_het_besluit(schorsing, stap, op, blik)
        if stap in ("bezwaar", "bezwaar_horen", "bezwaar_beslissen"):
            return _bezwaar(schorsing, stap, blik)
        if stap == "kalender":
            return _kalender(schorsing, blik)
    except InvoerFout as fout:  # no statuut in force, a length the ladder does not know
        return Weigering(str(fout))
    return niet_nu(_("Onbekende stap."))


def _horen(blik: _Blik, wat: str, op: date) -> Weigering | None:
    statuut = blik.in_werking(op)
    gezag = blik.gezag(statuut, op)
    paren, _samen = regels.horen(statuut, gezag)
    # Without the statuut's own rows the law applies: no article to cite.
    return rol_weigering(gezag, paren, wat)


def opleggen_tekst(maatregel, schooldagen: int) -> str:
    """'een schorsing van 2 schooldagen opleggen': the measure named as its length says
    (issue 12), for refusals on the page and in the service alike."""
    from .brieven import maatregel_in_brief

    naam = maatregel_in_brief(maatregel, schooldagen)
    if naam != maatregel.naam:
        return _("een %(m)s opleggen") % {"m": naam.lower()}
    return ngettext("een %(m)s (%(n)d schooldag) opleggen",
                    "een %(m)s (%(n)d schooldagen) opleggen", schooldagen) % {
        "m": naam.lower(), "n": schooldagen}


def _besluiten(schorsing: Schorsing, op: date, blik: _Blik) -> Weigering | None:
    if schorsing.besloten_op is None and (w := overgang_weigering(schorsing, "besluiten", _(
            "Eerst horen: een schorsingsbesluit kan pas nadat de leerling is gehoord (hoor en "
            "wederhoor). Leg eerst het hoorgesprek vast."))):
        return w
    if w := overgang_weigering(schorsing, "besluiten", _(
            "Over deze schorsing is al besloten door %(w)s op %(d)s.")
            % {"w": naam_van(schorsing.besloten_door),
               "d": datum_kort(schorsing.besloten_op) if schorsing.besloten_op else ""}):
        return w
    statuut = blik.in_werking(op)
    if schorsing.ontzegging:
        if schorsing.verwijdering.status in VERWIJDERING_GESLOTEN:
            return Weigering(_("De verwijderingsprocedure is afgerond: een ontzegging van de "
                               "toegang hangende die procedure kan niet meer worden besloten. "
                               "Er is niets besloten."))
        maatregel = regels.ontzegging_maatregel(statuut, schorsing.schooldagen)
    else:
        maatregel = regels.schorsing_maatregel(
            statuut, schorsing.schooldagen,
            tijdens_verwijdering=schorsing.verwijdering_id is not None)
    # Who decides follows the rung of the proposed length (Echnaton art. 8.2: one day the
    # teamleiding, three days and a week the schoolleiding). Whoever heard the pupil is told
    # who decides instead.
    n = schorsing.schooldagen
    gezag = blik.gezag(statuut)
    betrokken = gezag.houdt(regels.horen(statuut, gezag)[0])
    weigering_rol = rol_weigering(gezag, regels.opleggen(maatregel),
                                  opleggen_tekst(maatregel, n), maatregel.artikel,
                                  toon=betrokken, niveau=regels.niveau(maatregel, n))
    if weigering_rol is not None:
        return weigering_rol
    # A hearing recorded before the hearing itself refused this (older records).
    return ouders_horen_weigering(schorsing, statuut, gehoord_op=schorsing.gehoord_op,
                                  ouders_aanwezig=schorsing.ouders_aanwezig)


def _na_het_besluit(schorsing: Schorsing, stap: str, op: date, blik: _Blik
                    ) -> Weigering | None:
    statuut, maatregel = schorsing.statuut, schorsing.maatregel
    artikel = maatregel.artikel if maatregel else ""
    status = schorsing.get_status_display()

    def rol(wat, artikel=""):
        return rol_weigering(blik.gezag(statuut), bekendmaken(schorsing), wat, artikel)

    if stap == "bekendmaken":
        if w := overgang_weigering(schorsing, "bekendmaken", _(
                "Alleen een besloten schorsing kan worden bekendgemaakt; deze is %(s)s.")
                % {"s": status}):
            return w
        return rol(_("het besluit bekendmaken"), artikel) or _bekendmaking_weigering(schorsing)
    if stap == "ingaan":
        if w := overgang_weigering(schorsing, "ingaan", _(
                "Eerst het besluit bekendmaken; deze schorsing is %(s)s.") % {"s": status}):
            return w
        if (w := rol(_("de schorsing laten ingaan"))) is not None:
            return w
        if op < schorsing.eerste_dag:
            return Weigering(_("De schorsing gaat pas in op %(d)s.")
                             % {"d": datum_kort(schorsing.eerste_dag)})
        return None
    if stap == "gesprek":
        if maatregel is None or not maatregel.gesprek_ouders:
            return niet_nu(_("Het leerlingenstatuut vraagt bij deze schorsing geen gesprek "
                             "met de ouders."))
        # The decision stands and has not run its course: a step of the decision follows.
        if not any(kan(schorsing, o) for o in ("bekendmaken", "ingaan", "afronden")):
            return niet_nu(_("Een gesprek over de maatregel volgt op het besluit."))
        if schorsing.gesprek_ouders_op is not None:
            lokaal = timezone.localtime(schorsing.gesprek_ouders_op)
            return niet_nu(_("De ouders zijn al uitgenodigd voor %(d)s om %(t)s.")
                           % {"d": datum_kort(lokaal.date()), "t": f"{lokaal:%H:%M}"})
        return rol(_("de ouders uitnodigen"))
    if stap == "inspectie":
        if not schorsing.inspectie_melden:
            return niet_nu(_("Deze schorsing hoeft volgens het leerlingenstatuut niet aan de "
                             "inspectie te worden gemeld."))
        if schorsing.inspectie_gemeld_op:
            return niet_nu(_("De melding aan de inspectie is al vastgelegd (%(d)s).")
                           % {"d": datum_kort(schorsing.inspectie_gemeld_op)})
        if schorsing.status not in SCHORSING_BESLOTEN:
            return niet_nu(_("Deze schorsing is %(s)s: er is niets te melden.")
                           % {"s": status})
        return rol(_("de melding aan de inspectie vastleggen"))
    # afronden
    if w := overgang_weigering(schorsing, "afronden", _(
            "Alleen een lopende schorsing kan worden afgerond; deze is %(s)s.")
            % {"s": status}):
        return w
    if (w := rol(_("de schorsing afronden"))) is not None:
        return w
    if op < schorsing.laatste_dag:
        return Weigering(_("De schorsing loopt tot en met %(d)s; rond haar daarna af.")
                         % {"d": datum_kort(schorsing.laatste_dag)})
    if schorsing.inspectie_melden and not schorsing.inspectie_gemeld_op:
        return Weigering(_("De schorsing moet nog aan de inspectie worden gemeld (uiterlijk "
                           "%(d)s). Leg de melding eerst vast.")
                         % {"d": datum_kort(schorsing.termijn_inspectie.vervaldatum)})
    return None


def _bezwaar(schorsing: Schorsing, stap: str, blik: _Blik) -> Weigering | None:
    statuut = schorsing.statuut
    if stap == "bezwaar":
        if statuut is None or schorsing.status not in SCHORSING_BESLOTEN:
            return niet_nu(_("Er is nog geen besluit om bezwaar tegen te maken."))
        if not statuut.bezwaar_schorsing_mogelijk:
            return niet_nu(_("Tegen een schorsing kan volgens het leerlingenstatuut van de "
                             "school geen bezwaar worden gemaakt. Het bezwaar is niet "
                             "ingeschreven."))
        if not kan(schorsing, "bezwaar_indienen"):
            return niet_nu(_("Tegen deze schorsing is al bezwaar ingediend op %(d)s.")
                           % {"d": datum_kort(schorsing.bezwaar_ingediend_op)})
        if lopend := maatregelen.lopende_rechtsmiddelen(schorsing):
            return Weigering(_("Tegen deze schorsing loopt al %(r)s: één rechtsmiddel "
                               "tegelijk. Het bezwaar is niet ingeschreven.")
                             % {"r": "; ".join(lopend)})
        w = rol_weigering(blik.gezag(statuut), [(toegang.SCHORSING_BEZWAAR_ONTVANGEN, "")],
                          _("een bezwaar inschrijven"))
        if w is not None:
            return w
        if schorsing.termijn_bezwaar is None:
            return Weigering(_("Het leerlingenstatuut noemt geen termijn voor bezwaar; vul die "
                               "eerst aan in het statuut (beheer)."))
        return None
    beslissen = [(toegang.SCHORSING_BEZWAAR_BESLISSEN, "")]
    if stap == "bezwaar_horen":
        if w := overgang_weigering(schorsing, "bezwaar_horen", _(
                "Er is geen ingediend bezwaar om over te horen.")):
            return w
        return rol_weigering(blik.gezag(statuut), beslissen,
                             _("de ouders horen over het bezwaar"))
    if kan(schorsing, "bezwaar_horen"):
        return niet_nu(_("Eerst de ouders horen: het bevoegd gezag hoort de ouders over het "
                         "bezwaar voordat het beslist."))
    if w := overgang_weigering(schorsing, "bezwaar_gegrond", _(
            "Er ligt geen bezwaar dat op een beslissing wacht.")):
        return w
    return rol_weigering(blik.gezag(statuut), beslissen, _("op het bezwaar beslissen"))


def _kalender(schorsing: Schorsing, blik: _Blik) -> Weigering | None:
    """The decision-maker answers a calendar change under the decision (issue 12 point 8)."""
    from .kalenderconflicten import kalenderconflict

    if schorsing.maatregel is None or kalenderconflict(schorsing) is None:
        return niet_nu(_("Er is geen openstaande kalenderwijziging bij deze %(w)s.")
                       % {"w": schorsing.naamwoord})
    if not blik.gezag(schorsing.statuut).houdt(regels.opleggen(schorsing.maatregel)):
        return niet_nu(_("Dit beslist wie de %(w)s heeft opgelegd.")
                       % {"w": schorsing.naamwoord})
    return None


def aanbod(user, schorsing: Schorsing, *, op: date | None = None):
    """(steps offered, [(step, reason)] for the steps of this stand that wait) for the page."""
    from .stappen import aanbod as _aanbod

    blik = _Blik(user, schorsing, op or timezone.localdate())
    return _aanbod(STAPPEN, lambda stap: weigering(user, schorsing, stap, op=op, blik=blik))
