"""The steps of a schorsing and the one check behind each: `weigering(user, schorsing, stap)`
says why `user` cannot take `stap` now (Dutch, with the article) or None. Every service in
`sancties.services` calls it first; the schorsing page calls it to offer exactly the steps
the services accept and to say why the others of this stand wait (`sancties.stappen`).

What depends on the form's input (the chosen length, who was present, the dates typed) is
checked by the service after this; the statuut version is the one the service uses: in
force on the day of the act before the decision, the decision's own after it.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dossiers import toegang
from dossiers.models import Brief, Briefstatus
from statuut.hulp import artikel_tekst, leeftijd, naam_van
from statuut.services import InvoerFout

from . import regels
from .models import Bezwaarstatus, Schorsing, Schorsingstatus
from .regels import datum_kort
from .stappen import Weigering, niet_nu, rol_weigering

#: The steps, in the order the page shows them.
STAPPEN = ("horen", "besluiten", "plannen", "bekendmaken", "ingaan", "gesprek", "inspectie",
           "afronden", "bezwaar", "bezwaar_horen", "bezwaar_beslissen")

_VOOR_HET_BESLUIT = (Schorsingstatus.CONCEPT, Schorsingstatus.HOORGESPREK_GEPLAND,
                     Schorsingstatus.GEHOORD)
_BESLOTEN = (Schorsingstatus.BESLOTEN, Schorsingstatus.BEKENDGEMAAKT, Schorsingstatus.LOPEND,
             Schorsingstatus.AFGEROND)


def besluitbrief(schorsing: Schorsing) -> Brief | None:
    return (Brief.objects.filter(sleutel=f"schorsing:{schorsing.pk}:besluit")
            .defer("pdf").first())


def bekendmaken_rollen(schorsing: Schorsing) -> list[str]:
    maatregel = schorsing.maatregel
    rollen = regels.beslis_rollen(maatregel) if maatregel else []
    if maatregel and maatregel.informeren_door:
        rollen.append(maatregel.informeren_door)
    return rollen


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
    grond = artikel_tekst(statuut, [artikel] if artikel else [])
    if brief.verzonden_op is None:
        return Weigering(_(
            "Volgens %(g)s wordt het besluit schriftelijk%(v)s bekendgemaakt: de brief met het "
            "besluit staat nog in de uitgaande post (gemaakt, niet verzonden of afgedrukt). "
            "Het besluit is bekendgemaakt zodra de leerlingenadministratie de brief heeft "
            "verzonden of afgedrukt en verstuurd.")
            % {"g": grond, "v": " " + _("en vooraf") if statuut.schorsing_bekendmaking_vooraf
               else ""})
    verzonden = timezone.localdate(brief.verzonden_op)
    if statuut.schorsing_bekendmaking_vooraf and verzonden >= schorsing.eerste_dag:
        return Weigering(_(
            "Volgens %(g)s wordt de %(w)s vooraf bekendgemaakt, maar de brief ging pas op "
            "%(b)s uit en de %(w)s begint op %(d)s. Neem een nieuw besluit met een latere "
            "eerste dag.") % {"g": grond, "w": schorsing.naamwoord, "b": datum_kort(verzonden),
                              "d": datum_kort(schorsing.eerste_dag)})
    return None


def weigering(user, schorsing: Schorsing, stap: str, *, op: date | None = None,
              gehouden=None) -> Weigering | None:
    """Why `user` cannot take `stap` on `schorsing` on `op` (today), or None.

    `gehouden`: the user's roles for this pupil (`toegang.sanctierollen`), when the caller
    asks for several steps at once."""
    op = op or timezone.localdate()
    leerling, s = schorsing.leerling, schorsing.status

    def rol(rollen, wat, statuut, artikel="", toon=False):
        rollen = [r for r in rollen if r]
        if gehouden is not None and set(gehouden) & set(rollen):
            return None
        return rol_weigering(user, leerling, rollen, wat, statuut, artikel, toon=toon)

    def in_werking():
        return regels.statuut_in_werking(schorsing.school, op)

    try:
        if stap == "plannen":
            if s not in _VOOR_HET_BESLUIT:
                return niet_nu(_("Over deze schorsing is al besloten; een nieuw hoorgesprek "
                                 "plannen kan niet meer."))
            statuut = in_werking()
            return rol(regels.horen_rollen(statuut), _("het horen van de leerling plannen"),
                       statuut)
        if stap == "horen":
            if s != Schorsingstatus.HOORGESPREK_GEPLAND:
                return niet_nu(_("Plan eerst het hoorgesprek; deze schorsing is %(s)s.")
                               % {"s": schorsing.get_status_display()})
            statuut = in_werking()
            return rol(regels.horen_rollen(statuut), _("het hoorgesprek vastleggen"), statuut)
        if stap == "besluiten":
            return _besluiten(schorsing, op, rol)
        if stap in ("bekendmaken", "ingaan", "gesprek", "inspectie", "afronden"):
            return _na_het_besluit(schorsing, stap, op, rol)
        if stap in ("bezwaar", "bezwaar_horen", "bezwaar_beslissen"):
            return _bezwaar(schorsing, stap, rol)
    except InvoerFout as fout:  # no statuut in force, a length the ladder does not know
        return Weigering(str(fout))
    return niet_nu(_("Onbekende stap."))


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


def _besluiten(schorsing: Schorsing, op: date, rol) -> Weigering | None:
    s = schorsing.status
    if s in (Schorsingstatus.CONCEPT, Schorsingstatus.HOORGESPREK_GEPLAND):
        return niet_nu(_("Eerst horen: een schorsingsbesluit kan pas nadat de leerling is "
                         "gehoord (hoor en wederhoor). Leg eerst het hoorgesprek vast."))
    if s != Schorsingstatus.GEHOORD:
        return niet_nu(_("Over deze schorsing is al besloten door %(w)s op %(d)s.")
                       % {"w": naam_van(schorsing.besloten_door),
                          "d": datum_kort(schorsing.besloten_op)})
    statuut = regels.statuut_in_werking(schorsing.school, op)
    if schorsing.ontzegging:
        from .models import Verwijderingstatus

        if schorsing.verwijdering.status == Verwijderingstatus.AFGEROND:
            return Weigering(_("De verwijderingsprocedure is afgerond: een ontzegging van de "
                               "toegang hangende die procedure kan niet meer worden besloten. "
                               "Er is niets besloten."))
        maatregel = regels.ontzegging_maatregel(statuut, schorsing.schooldagen)
    else:
        maatregel = regels.schorsing_maatregel(
            statuut, schorsing.schooldagen,
            tijdens_verwijdering=schorsing.verwijdering_id is not None)
    # Who decides follows the rung of the proposed length (Echnaton art. 8.2: one day the
    # teamleiding, three days and a week the schoolleiding).
    # Whoever heard the pupil is told who decides instead.
    n = schorsing.schooldagen
    betrokken = rol(regels.horen_rollen(statuut), "", statuut) is None
    weigering_rol = rol(regels.beslis_rollen(maatregel), opleggen_tekst(maatregel, n),
                        statuut, maatregel.artikel, toon=betrokken)
    if weigering_rol is not None:
        return weigering_rol
    # A hearing recorded before the hearing itself refused this (older records).
    return ouders_horen_weigering(schorsing, statuut, gehoord_op=schorsing.gehoord_op,
                                  ouders_aanwezig=schorsing.ouders_aanwezig)


def _na_het_besluit(schorsing: Schorsing, stap: str, op: date, rol) -> Weigering | None:
    s, statuut, maatregel = schorsing.status, schorsing.statuut, schorsing.maatregel
    artikel = maatregel.artikel if maatregel else ""
    bekend = bekendmaken_rollen(schorsing)
    if stap == "bekendmaken":
        if s != Schorsingstatus.BESLOTEN:
            return niet_nu(_("Alleen een besloten schorsing kan worden bekendgemaakt; deze is "
                             "%(s)s.") % {"s": schorsing.get_status_display()})
        return (rol(bekend, _("het besluit bekendmaken"), statuut, artikel)
                or _bekendmaking_weigering(schorsing))
    if stap == "ingaan":
        if s != Schorsingstatus.BEKENDGEMAAKT:
            return niet_nu(_("Eerst het besluit bekendmaken; deze schorsing is %(s)s.")
                           % {"s": schorsing.get_status_display()})
        if (w := rol(bekend, _("de schorsing laten ingaan"), statuut)) is not None:
            return w
        if op < schorsing.eerste_dag:
            return Weigering(_("De schorsing gaat pas in op %(d)s.")
                             % {"d": datum_kort(schorsing.eerste_dag)})
        return None
    if stap == "gesprek":
        if maatregel is None or not maatregel.gesprek_ouders:
            return niet_nu(_("Het leerlingenstatuut vraagt bij deze schorsing geen gesprek "
                             "met de ouders."))
        if s not in (Schorsingstatus.BESLOTEN, Schorsingstatus.BEKENDGEMAAKT,
                     Schorsingstatus.LOPEND):
            return niet_nu(_("Een gesprek over de maatregel volgt op het besluit."))
        if schorsing.gesprek_ouders_op is not None:
            lokaal = timezone.localtime(schorsing.gesprek_ouders_op)
            return niet_nu(_("De ouders zijn al uitgenodigd voor %(d)s om %(t)s.")
                           % {"d": datum_kort(lokaal.date()), "t": f"{lokaal:%H:%M}"})
        return rol(bekend, _("de ouders uitnodigen"), statuut)
    if stap == "inspectie":
        if not schorsing.inspectie_melden:
            return niet_nu(_("Deze schorsing hoeft volgens het leerlingenstatuut niet aan de "
                             "inspectie te worden gemeld."))
        if schorsing.inspectie_gemeld_op:
            return niet_nu(_("De melding aan de inspectie is al vastgelegd (%(d)s).")
                           % {"d": datum_kort(schorsing.inspectie_gemeld_op)})
        return rol(bekend, _("de melding aan de inspectie vastleggen"), statuut)
    # afronden
    if s != Schorsingstatus.LOPEND:
        return niet_nu(_("Alleen een lopende schorsing kan worden afgerond; deze is %(s)s.")
                       % {"s": schorsing.get_status_display()})
    if (w := rol(bekend, _("de schorsing afronden"), statuut)) is not None:
        return w
    if op < schorsing.laatste_dag:
        return Weigering(_("De schorsing loopt tot en met %(d)s; rond haar daarna af.")
                         % {"d": datum_kort(schorsing.laatste_dag)})
    if schorsing.inspectie_melden and not schorsing.inspectie_gemeld_op:
        return Weigering(_("De schorsing moet nog aan de inspectie worden gemeld (uiterlijk "
                           "%(d)s). Leg de melding eerst vast.")
                         % {"d": datum_kort(schorsing.termijn_inspectie.vervaldatum)})
    return None


def _bezwaar(schorsing: Schorsing, stap: str, rol) -> Weigering | None:
    statuut, b = schorsing.statuut, schorsing.bezwaarstatus
    if stap == "bezwaar":
        if statuut is None or schorsing.status not in _BESLOTEN:
            return niet_nu(_("Er is nog geen besluit om bezwaar tegen te maken."))
        if not statuut.bezwaar_schorsing_mogelijk:
            return niet_nu(_("Tegen een schorsing kan volgens het leerlingenstatuut van de "
                             "school geen bezwaar worden gemaakt. Het bezwaar is niet "
                             "ingeschreven."))
        if b != Bezwaarstatus.GEEN:
            return niet_nu(_("Tegen deze schorsing is al bezwaar ingediend op %(d)s.")
                           % {"d": datum_kort(schorsing.bezwaar_ingediend_op)})
        w = rol(regels.BEZWAAR_ONTVANGEN_ROLLEN, _("een bezwaar inschrijven"), statuut)
        if w is not None:
            return w
        if schorsing.termijn_bezwaar is None:
            return Weigering(_("Het leerlingenstatuut noemt geen termijn voor bezwaar; vul die "
                               "eerst aan in het statuut (beheer)."))
        return None
    if stap == "bezwaar_horen":
        if b != Bezwaarstatus.INGEDIEND:
            return niet_nu(_("Er is geen ingediend bezwaar om over te horen."))
        return rol(regels.BEVOEGD_GEZAG_ROLLEN, _("de ouders horen over het bezwaar"), statuut)
    if b == Bezwaarstatus.INGEDIEND:
        return niet_nu(_("Eerst de ouders horen: het bevoegd gezag hoort de ouders over het "
                         "bezwaar voordat het beslist."))
    if b != Bezwaarstatus.GEHOORD:
        return niet_nu(_("Er ligt geen bezwaar dat op een beslissing wacht."))
    return rol(regels.BEVOEGD_GEZAG_ROLLEN, _("op het bezwaar beslissen"), statuut)


def aanbod(user, schorsing: Schorsing, *, op: date | None = None):
    """(steps offered, [(step, reason)] for the steps of this stand that wait) for the page."""
    from .stappen import aanbod as _aanbod

    gehouden = toegang.sanctierollen(user, schorsing.leerling)
    return _aanbod(STAPPEN, lambda stap: weigering(user, schorsing, stap, op=op,
                                                   gehouden=gehouden))
