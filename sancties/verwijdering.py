"""The verwijdering procedure (seed 003 art. 25, seed 004, Echnaton art. 8.3), its steps as
prerequisites, each act one service in one transaction: lock, policy (`dossiers.toegang`),
transition, dossier entry, deadlines, letters.

1. proposal with grounds (by whom the statuut's rows `maatregel.voorstellen` name);
2. the steps: pupil heard (parents under the statuut's age), teachers/team heard, the
   inspectie's view, the onderwijskundig rapport; on didactic grounds also the
   samenwerkingsverband and an ontwikkelingsperspectief (Noordgouw art. 25.5);
3. the written intention with reasons and the bezwaar term (letter to parents and the
   statuut's parties);
4. the search for another school, each school and its answer; for a pupil of compulsory
   school age, the consultation with the inspectie;
5. the definitive decision, only once another school accepted the pupil (or, where the
   statuut allows it, after eight weeks of documented searching);
6. bezwaar within the statuut's term, the parents heard again, a new decision within the
   statuut's term.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers import dossier, maatregelen
from dossiers.brieven.services import brief_aanvragen
from dossiers.models import Brief, Leerling, Verzendwijze
from statuut import kalender
from statuut.hulp import aantal_tekst, artikel_tekst, leeftijd, naam_van, vandaag, vergrendeld
from statuut.models import Dossiersectie, Eenheid, Maatregelsoort, Partij, Termijnstart
from statuut.services import InvoerFout, termijn_openen, termijn_voldaan

from . import brieven, regels, toegang
from .models import VERWIJDERING_GESLOTEN, Schoolcontact, Verwijdering, Verwijderingstatus
from .regels import datum_kort
from .stappen import Weigering, kan, niet_nu, overgang_weigering, rol_weigering, toetsen
from .verwijderingsregels import regels_voor

#: Leerplichtwet: full compulsory education and the qualification duty run to 18; a pupil
#: younger than this is "leerplichtig" for the inspectie consultation (WVO art. 27 lid 2).
LEERPLICHT_TOT = 18
ACHT_WEKEN = 8

#: The preparatory steps: (date field, label, only when). "didactisch": only on didactic
#: grounds; "verslag": only where the rung has parents sign the report (seed 004).
STAPPEN: dict[str, tuple[str, str, str]] = {
    "leerling_gehoord": ("leerling_gehoord_op", gettext_lazy("Leerling (en ouders) gehoord"),
                         ""),
    "team_gehoord": ("team_gehoord_op", gettext_lazy("Leerkracht of team gehoord"), ""),
    "inspectie_mening": ("inspectie_mening_op", gettext_lazy("Mening van de inspectie"), ""),
    "onderwijskundig_rapport": ("rapport_op", gettext_lazy("Onderwijskundig rapport"), ""),
    "samenwerkingsverband": ("swv_overleg_op", gettext_lazy("Overleg met het "
                                                            "samenwerkingsverband"),
                             "didactisch"),
    "ontwikkelingsperspectief": ("opp_op", gettext_lazy("Ontwikkelingsperspectief (OPP)"),
                                 "didactisch"),
    "tlv": ("tlv_aangevraagd_op", gettext_lazy("Toelaatbaarheidsverklaring (TLV) aangevraagd "
                                               "bij het samenwerkingsverband"), "tlv"),
    "verslag_getekend": ("verslag_getekend_op", gettext_lazy("Verslag voor gezien getekend "
                                                             "door de ouders"), "verslag"),
    "middelen_ingezet": ("middelen_getoetst_op", gettext_lazy("Getoetst of alle middelen zijn "
                                                              "ingezet"), "middelen"),
}
_TEKSTVELD = {"leerling_gehoord": "leerling_hoorverslag", "team_gehoord": "team_verslag",
              "inspectie_mening": "inspectie_mening", "onderwijskundig_rapport": "rapport",
              "samenwerkingsverband": "swv_verslag", "ontwikkelingsperspectief": "opp",
              "verslag_getekend": "verslag_getekend", "tlv": "tlv_verslag",
              "middelen_ingezet": "middelen_toets"}
#: A step that needs another step first (Noordgouw art. 25.6: the TLV is requested from the
#: samenwerkingsverband after the consultation of art. 25.5).
VOORAF: dict[str, str] = {"tlv": "samenwerkingsverband"}


def stap_geldt(v: Verwijdering, alleen: str) -> bool:
    """Whether a conditional step belongs to this procedure (from its data, not the school)."""
    if alleen == "didactisch":
        return v.didactisch
    if alleen == "verslag":
        return v.maatregel.gesprek_ouders
    if alleen == "middelen":
        return bool(regels_voor(v.statuut).middelen_artikel)
    if alleen == "tlv":
        return bool(regels_voor(v.statuut).tlv_artikel) and v.didactisch and v.vso
    return True


def _klein(label) -> str:
    """A label inside a sentence: lower-case first letter, abbreviations kept (TLV, OPP)."""
    label = str(label)
    return label[:1].lower() + label[1:]


def vooraf_gedaan(v: Verwijdering, stap: str) -> bool:
    eerder = VOORAF.get(stap)
    return eerder is None or getattr(v, STAPPEN[eerder][0]) is not None


def horen(v: Verwijdering, gezag: toegang.Gezag) -> tuple[list, bool]:
    """Who hears the pupil, and whether together: the statuut's rows (`verwijdering.horen`,
    Noordgouw art. 25.3a: all of them), else (the law) one who decides."""
    eigen = [(toegang.VERWIJDERING_HOREN, "")]
    if gezag.heeft(eigen):
        return eigen, True
    return regels.opleggen(v.maatregel), False


def voorbereiden(rung: Maatregelsoort) -> list:
    """Who prepares a verwijdering (records its steps, searches another school): whoever
    proposes it (Echnaton art. 8.3: the teamleiding) and whoever decides it."""
    return [(toegang.VOORSTELLEN, rung.code), *regels.opleggen(rung)]


def stap_paren(v: Verwijdering, stap: str) -> list:
    """Who records a preparatory step: the decider checks that every means was used
    (Noordgouw art. 25.4: "het betreffende directielid"); the rest, whoever prepares."""
    if stap == "middelen_ingezet":
        return regels.opleggen(v.maatregel)
    return voorbereiden(v.maatregel)


def rung(statuut) -> Maatregelsoort | None:
    return statuut.maatregelen.filter(soort=Maatregelsoort.Soort.VERWIJDERING).first()


def bekendmaken(v: Verwijdering) -> list:
    """Who records that the intention went out: who decides, and whom the rung names to
    inform (Echnaton art. 8.4: the leerlingenadministratie)."""
    return [*regels.opleggen(v.maatregel), (toegang.INFORMEREN, v.maatregel.code)]


def beslis_rollen(v: Verwijdering) -> list[str]:
    """The staff roles that decide (a decision of the bevoegd gezag itself, Wijzer, through
    the roles that act for it): whose function a letter names."""
    return toegang.Gezag(v.statuut).rollen(regels.opleggen(v.maatregel))


def bezwaarrol(statuut) -> str:
    rollen = toegang.Gezag(statuut).rollen([(toegang.VERWIJDERING_BEZWAAR_BESLISSEN, "")])
    return rollen[0] if rollen else ""


#: The steps of a procedure, in the order the page shows them: the preparatory steps
#: (`STAPPEN`), then the intention, the search, the decision and the bezwaar.
VOLGORDE: tuple[str, ...] = ("voornemen", "voornemen_bekendgemaakt", "benaderen", "antwoord",
                             "inspectie_overleg", "besluiten", "bezwaar", "afsluiten",
                             "bezwaar_horen", "heroverwegen")


#: The names of those steps, and the django-fsm transition each takes.
TITELS = {
    "voornemen": gettext_lazy("Voornemen tot verwijdering nemen (brief aanvragen)"),
    "voornemen_bekendgemaakt": gettext_lazy("Voornemen is bekendgemaakt (brief verstuurd)"),
    "benaderen": gettext_lazy("Andere school benaderen"),
    "antwoord": gettext_lazy("Antwoord van een school"),
    "inspectie_overleg": gettext_lazy("Overleg met de inspectie (leerplichtige leerling)"),
    "besluiten": gettext_lazy("Definitief besluit tot verwijdering"),
    "afsluiten": gettext_lazy("Procedure afsluiten (geen bezwaar)"),
    "bezwaar": gettext_lazy("Bezwaar inschrijven"),
    "bezwaar_horen": gettext_lazy("Ouders opnieuw horen"),
    "heroverwegen": gettext_lazy("Nieuw besluit op het bezwaar"),
}
#: What a procedure in each state waits for, as the start page's panel says it (a phase of
#: several steps: the preparation, the search, the bezwaar term).
FASE = {
    Verwijderingstatus.VOORGESTELD: gettext_lazy("voorbereiden en voornemen bekendmaken"),
    Verwijderingstatus.VOORNEMEN: gettext_lazy("andere school zoeken; definitief besluiten"),
    Verwijderingstatus.BESLOTEN: gettext_lazy("bezwaartermijn afwachten"),
    Verwijderingstatus.BEZWAAR: gettext_lazy("ouders opnieuw horen"),
    Verwijderingstatus.BEZWAAR_GEHOORD: gettext_lazy("nieuw besluit nemen"),
}


def voorstel_weigering(user, leerling: Leerling, *, op: date | None = None,
                       gezag: toegang.Gezag | None = None) -> Weigering | None:
    """Why `user` cannot propose a verwijdering of `leerling` today, or None (the pupil
    page's link, the form's page and the service)."""
    op = op or vandaag()
    if gezag is None:
        try:
            statuut = regels.statuut_in_werking(leerling.school, op)
        except InvoerFout as fout:
            return niet_nu(str(fout))
        gezag = toegang.Gezag(statuut, user=user, leerling=leerling, op=op)
    maatregel = rung(gezag.statuut)
    if maatregel is None:
        return niet_nu(_("Het leerlingenstatuut van de school kent geen verwijdering."))
    return rol_weigering(gezag, voorbereiden(maatregel), _("een verwijdering voorstellen"),
                         maatregel.artikel)


def _andere_school(v: Verwijdering, statuut, op: date) -> tuple[str, Weigering | None]:
    """The school that accepted the pupil, or why the decision must wait for one (WVO art.
    27: a secondary school may decide after eight weeks of documented, unsuccessful
    searching, where its statuut allows that; off in all presets)."""
    toegelaten = v.schoolcontacten.filter(antwoord=Schoolcontact.Antwoord.TOEGELATEN).first()
    if toegelaten is not None:
        return toegelaten.school, None
    acht_weken = kalender.plus_weken(v.school, v.voornemen_op, ACHT_WEKEN)
    na_zoeken = (statuut.verwijdering_na_acht_weken_zoeken and op >= acht_weken
                 and v.schoolcontacten.exists())
    if statuut.verwijdering_pas_na_andere_school and not na_zoeken:
        uitzondering = (" " + _("Na acht weken aantoonbaar vergeefs zoeken kan het vanaf "
                                "%(d)s ook zonder.") % {"d": datum_kort(acht_weken)}
                        if statuut.verwijdering_na_acht_weken_zoeken else "")
        return "", Weigering(_(
            "Een definitief besluit tot verwijdering kan pas als een andere school bereid is "
            "gevonden de leerling toe te laten. Nog geen benaderde school heeft de leerling "
            "toegelaten (%(n)d benaderd). Er is niets besloten.")
            % {"n": v.schoolcontacten.count()} + uitzondering)
    return _("geen; acht weken aantoonbaar zonder succes gezocht"), None


def weigering(user, v: Verwijdering, stap: str, *, op: date | None = None,
              gezag: toegang.Gezag | None = None) -> Weigering | None:
    """Why `user` cannot take `stap` on the procedure `v` on `op` (today), or None: the one
    check of each step, asked first by its service and by the page to offer it. The states
    are the transitions' (`Verwijdering.voornemen`, `besluiten`, ...); who may, the rows of
    the procedure's statuut; the statuut's conditions with their article."""
    op = op or vandaag()
    gezag = gezag or toegang.gezag(user, v.leerling, statuut=v.statuut, op=op)
    beslist = regels.opleggen(v.maatregel)

    def beslisser() -> bool:
        # Who decides is told why a step of his waits (asked only then: a step refused for
        # the procedure's state reads no authority rows).
        return gezag.houdt(beslist)

    def rol(paren, wat, artikel=""):
        return rol_weigering(gezag, paren, wat, artikel or v.maatregel.artikel)

    try:
        if stap in STAPPEN:
            veld, label, alleen = STAPPEN[stap]
            if w := overgang_weigering(v, "voornemen", _(
                    "Het voornemen is al bekendgemaakt; de voorbereiding is gesloten.")):
                return w
            if not stap_geldt(v, alleen):
                return niet_nu(_("Deze stap hoort niet bij deze verwijdering (%(s)s).")
                               % {"s": _klein(label)})
            if getattr(v, veld) is not None:
                return niet_nu(_("Deze stap is al vastgelegd op %(d)s (%(s)s).")
                               % {"d": datum_kort(getattr(v, veld)), "s": _klein(label)})
            if stap == "middelen_ingezet":
                w = rol(stap_paren(v, stap), _("toetsen of alle middelen zijn ingezet"),
                        regels_voor(v.statuut).middelen_artikel)
            else:
                w = rol(stap_paren(v, stap), _("de voorbereiding vastleggen"))
            if w is not None:
                return w
            if not vooraf_gedaan(v, stap):
                return Weigering(_(
                    "Eerst het overleg met het samenwerkingsverband vastleggen: de "
                    "toelaatbaarheidsverklaring (TLV) wordt daarna bij het "
                    "samenwerkingsverband aangevraagd (%(g)s). Er is niets vastgelegd.")
                    % {"g": artikel_tekst(v.statuut, [regels_voor(v.statuut).tlv_artikel])},
                    toon=False)
            return None
        if stap == "voornemen":
            if w := overgang_weigering(v, "voornemen", _("Het voornemen is al bekendgemaakt.")):
                return w
            if w := rol(beslist, _("het voornemen tot verwijdering nemen")):
                return w
            if ontbreekt := ontbrekende_stappen(v):
                return Weigering(_("Eerst de voorbereiding afronden. Nog niet vastgelegd: "
                                   "%(o)s.") % {"o": ", ".join(_klein(STAPPEN[s][1])
                                                                for s in ontbreekt)})
            return None
        if stap == "voornemen_bekendgemaakt":
            if v.voornemen_bekendgemaakt_op is not None or not kan(v, "besluiten"):
                return niet_nu(_("Er is geen voornemen dat nog bekendgemaakt moet worden."))
            if w := rol(bekendmaken(v), _("het voornemen bekendmaken")):
                return w
            brief = voornemenbrief(v)
            if brief is None or brief.verzonden_op is None:
                return Weigering(_(
                    "Volgens %(g)s worden de ouders schriftelijk over het voornemen "
                    "geïnformeerd: de brief met het voornemen staat nog in de uitgaande post "
                    "(nog niet gemaakt, of niet verzonden of afgedrukt). Het voornemen is "
                    "bekendgemaakt zodra de brief is verzonden of afgedrukt en verstuurd.")
                    % {"g": _bekendmaking_grond(v)})
            return None
        if stap in ("benaderen", "antwoord", "inspectie_overleg"):
            # Between the intention and the decision: the source of `besluiten`.
            if w := overgang_weigering(v, "besluiten", _(
                    "Een andere school zoeken gebeurt na het voornemen en vóór het "
                    "definitieve besluit.") if stap != "inspectie_overleg" else _(
                    "Het overleg met de inspectie hoort vóór het definitieve besluit, na het "
                    "voornemen.")):
                return w
            if stap == "benaderen":
                return rol(voorbereiden(v.maatregel), _("een andere school benaderen"))
            if stap == "antwoord":
                if not v.schoolcontacten.filter(
                        antwoord=Schoolcontact.Antwoord.AFWACHTEN).exists():
                    return niet_nu(_("Geen benaderde school wacht nog op antwoord."))
                return rol(voorbereiden(v.maatregel),
                           _("het antwoord van een school vastleggen"))
            if v.inspectie_overleg_op is not None:
                return niet_nu(_("Het overleg met de inspectie is al vastgelegd (%(d)s).")
                               % {"d": datum_kort(v.inspectie_overleg_op)})
            if not is_leerplichtig(v.leerling, op):
                return niet_nu(_("De leerling is niet leerplichtig: het overleg met de "
                                 "inspectie vóór het besluit is niet nodig."))
            return rol(beslist, _("het overleg met de inspectie vastleggen"))
        if stap == "besluiten":
            if w := overgang_weigering(v, "besluiten", _(
                    "Een definitief besluit volgt op het bekendgemaakte voornemen; deze "
                    "procedure is %(s)s.") % {"s": v.get_status_display()}):
                return w
            if w := rol(beslist, _("definitief tot verwijdering besluiten")):
                return w
            if v.voornemen_bekendgemaakt_op is None:
                return Weigering(_(
                    "Het voornemen is nog niet bekendgemaakt: volgens %(g)s worden de ouders "
                    "eerst schriftelijk over het voornemen geïnformeerd. Verstuur de brief met "
                    "het voornemen en leg vast dat het voornemen is bekendgemaakt. Er is niets "
                    "besloten.") % {"g": _bekendmaking_grond(v)}, toon=beslisser())
            _naam, w = _andere_school(v, regels.statuut_in_werking(v.school, op), op)
            if w is not None:
                return Weigering(w.tekst, toon=beslisser())
            if is_leerplichtig(v.leerling, op) and v.inspectie_overleg_op is None:
                return Weigering(_("De leerling is leerplichtig: definitieve verwijdering is "
                                   "pas mogelijk na overleg met de inspectie. Leg dat overleg "
                                   "eerst vast."), toon=beslisser())
            return None
        if stap == "afsluiten":
            if w := overgang_weigering(v, "afsluiten", _(
                    "Alleen een definitief besluit zonder bezwaar kan worden afgesloten.")):
                return w
            if w := rol(beslist, _("de procedure afsluiten")):
                return w
            if op <= v.termijn_bezwaar.vervaldatum:
                return Weigering(_("De termijn voor bezwaar loopt nog tot en met %(d)s.")
                                 % {"d": datum_kort(v.termijn_bezwaar.vervaldatum)},
                                 toon=beslisser())
            return None
        if stap == "bezwaar":
            if w := overgang_weigering(v, "bezwaar_indienen", _(
                    "Bezwaar kan alleen tegen een definitief besluit dat nog niet in bezwaar "
                    "is.")):
                return w
            if lopend := maatregelen.lopende_rechtsmiddelen(v):
                return Weigering(_("Tegen deze verwijdering loopt al %(r)s: één rechtsmiddel "
                                   "tegelijk. Het bezwaar is niet ingeschreven.")
                                 % {"r": "; ".join(lopend)})
            return rol([(toegang.VERWIJDERING_BEZWAAR_ONTVANGEN, "")],
                       _("een bezwaar inschrijven"))
        beslissen = [(toegang.VERWIJDERING_BEZWAAR_BESLISSEN, "")]
        if stap == "bezwaar_horen":
            if w := overgang_weigering(v, "bezwaar_horen", _(
                    "Er is geen bezwaar om over te horen.")):
                return w
            return rol(beslissen, _("de ouders opnieuw horen"))
        if stap == "heroverwegen":
            if kan(v, "bezwaar_horen"):
                return niet_nu(_("Eerst de leerling en de ouders opnieuw horen."))
            if w := overgang_weigering(v, "heroverwegen", _(
                    "Er ligt geen bezwaar dat op een nieuw besluit wacht.")):
                return w
            return rol(beslissen, _("opnieuw besluiten"))
    except InvoerFout as fout:  # no statuut in force, a calendar not known
        return Weigering(str(fout))
    return niet_nu(_("Onbekende stap."))


def aanbod(user, v: Verwijdering) -> tuple[list[str], list[tuple[str, str]]]:
    """The steps the services accept from `user` now, and why the others of this stand
    wait: the same check as the services."""
    from .stappen import aanbod as _aanbod

    gezag = toegang.gezag(user, v.leerling, statuut=v.statuut)
    return _aanbod([*STAPPEN, *VOLGORDE], lambda stap: weigering(user, v, stap, gezag=gezag))


#: A removal's row with what its steps read; locked through `hulp.vergrendeld`.
_VERWIJDERINGEN = Verwijdering.objects.select_related("leerling", "school", "statuut",
                                                      "maatregel")


def _stuk(door, v: Verwijdering, titel: str, inhoud: str, datum: date | None = None):
    return dossier.stuk_toevoegen(door=door, leerling=v.leerling, sectie=Dossiersectie.GEDRAG,
                                  titel=titel, inhoud=inhoud, datum=datum or vandaag(),
                                  bron=v, controleer=False)


def _tekst(waarde: str, melding: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise InvoerFout(melding)
    return waarde


def _datum(d: date, na: date | None = None) -> date:
    if d > vandaag():
        raise InvoerFout(_("De datum ligt in de toekomst."))
    if na is not None and d < na:
        raise InvoerFout(_("De datum ligt vóór %(d)s.") % {"d": datum_kort(na)})
    return d


@transaction.atomic
def verwijdering_voorstellen(*, door, leerling: Leerling, gronden: list[str], didactisch: bool,
                             motivering: str, vso: bool = False) -> Verwijdering:
    op = vandaag()
    toetsen(voorstel_weigering(door, leerling, op=op))
    statuut = regels.statuut_in_werking(leerling.school, op)
    maatregel = rung(statuut)
    gronden = [g for g in gronden if g]
    if not gronden or any(g not in statuut.verwijdering_gronden for g in gronden):
        raise InvoerFout(_("Kies een of meer gronden uit het leerlingenstatuut."))
    motivering = _tekst(motivering, _("Onderbouw het voorstel: welke eerdere interventies, "
                                      "welke incidenten."))
    if Verwijdering.objects.filter(leerling=leerling).exclude(
            status__in=VERWIJDERING_GESLOTEN).exists():
        raise InvoerFout(_("Voor deze leerling loopt al een verwijderingsprocedure."))
    tlv_artikel = regels_voor(statuut).tlv_artikel
    if vso and not tlv_artikel:
        vso = False  # the statuut has no VSO step; the choice is not offered there
    if vso and not didactisch:
        raise InvoerFout(_("Een verwijzing naar het voortgezet speciaal onderwijs volgt volgens "
                           "%(g)s op didactische gronden, na overleg met het "
                           "samenwerkingsverband: kies ook ‘didactische gronden’, of haal het "
                           "vinkje bij VSO weg.")
                         % {"g": artikel_tekst(statuut, [tlv_artikel])})
    v = Verwijdering.objects.create(school=leerling.school, leerling=leerling, statuut=statuut,
                                    maatregel=maatregel, gronden=gronden, didactisch=didactisch,
                                    motivering=motivering, voorgesteld_door=door,
                                    voorgesteld_op=op, vso=vso)
    _stuk(door, v, _("Voorstel tot verwijdering"), _("Grond: %(g)s. %(d)sOnderbouwing: %(m)s")
          % {"g": "; ".join(gronden), "m": motivering,
             "d": (_("Didactische gronden. ") if didactisch else "")
             + (_("Verwijzing naar het VSO. ") if vso else "")})
    return v


def ontbrekende_stappen(v: Verwijdering) -> list[str]:
    uit = []
    for sleutel, (veld, _label, alleen) in STAPPEN.items():
        if not stap_geldt(v, alleen):
            continue
        if getattr(v, veld) is None:
            uit.append(sleutel)
    return uit


@transaction.atomic
def stap_vastleggen(*, door, verwijdering: Verwijdering, stap: str, datum: date, verslag: str,
                    ouders_aanwezig: bool = False, gehoord_door=()) -> Verwijdering:
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    if stap not in STAPPEN:
        raise InvoerFout(_("Onbekende stap."))
    toetsen(weigering(door, v, stap))
    veld, label, _alleen = STAPPEN[stap]
    _datum(datum, v.voorgesteld_op)
    verslag = _tekst(verslag, _("Schrijf het verslag van deze stap."))
    hoorders = sorted(gehoord_door or (), key=naam_van)
    if stap == "leerling_gehoord":
        onder = v.statuut.verwijdering_ouders_horen_onder_leeftijd
        if leeftijd(v.leerling.geboortedatum, datum) < onder and not ouders_aanwezig:
            artikel = regels_voor(v.statuut).horen_artikel or v.maatregel.artikel
            raise InvoerFout(_("De leerling is jonger dan %(n)d jaar: volgens %(g)s worden ook "
                               "de ouders gehoord. Hoor de leerling in het bijzijn van de "
                               "ouders. Er is niets vastgelegd.")
                             % {"n": onder, "g": artikel_tekst(v.statuut, [artikel])})
        _hoorders_controleren(v, hoorders, datum)
        v.ouders_bij_horen = ouders_aanwezig
    setattr(v, veld, datum)
    setattr(v, _TEKSTVELD[stap], verslag)
    v.save()
    if stap == "leerling_gehoord":
        v.leerling_gehoord_door.set(hoorders)
        verslag = _("Gehoord door %(w)s; ouders %(o)s. Verslag: %(v)s") % {
            "w": ", ".join(naam_van(h) for h in hoorders),
            "o": _("aanwezig") if ouders_aanwezig else _("niet aanwezig"), "v": verslag}
    _stuk(door, v, str(label), verslag, datum=datum)
    return v


def _hoorders_controleren(v: Verwijdering, hoorders, datum: date) -> None:
    """Noordgouw art. 25.3a: the pupil is heard by the directielid, the afdelingsleider and a
    zorgcoördinator together; without such a list, by one who decides (the law). Checked
    like the schorsing's hearing: the roles the chosen people hold for this pupil."""
    gezag = toegang.Gezag(v.statuut)
    paren, samen = horen(v, gezag)
    rollen = gezag.rollen(paren)
    artikel = regels_voor(v.statuut).horen_artikel or v.maatregel.artikel
    if not hoorders:
        raise InvoerFout(_("Kies wie de leerling hebben gehoord (%(g)s: %(r)s).")
                         % {"g": artikel_tekst(v.statuut, [artikel]),
                            "r": regels.rollen_tekst(rollen)})
    gedekt: set[str] = set()
    for hoorder in hoorders:
        gedekt |= toegang.gezag(hoorder, v.leerling, statuut=v.statuut,
                                op=datum).gehouden(paren)
    ontbreekt = [r for r in rollen if r not in gedekt]
    if (samen and ontbreekt) or not (gedekt & set(rollen)):
        raise InvoerFout(_("Volgens %(g)s wordt de leerling gehoord door: %(r)s. Ontbreekt bij "
                           "de gekozen personen: %(o)s. Er is niets vastgelegd.")
                         % {"g": artikel_tekst(v.statuut, [artikel]),
                            "r": regels.rollen_tekst(rollen),
                            "o": regels.rollen_tekst(ontbreekt or rollen)})


def _brief_partijen(statuut) -> tuple[str, ...]:
    return tuple(p for p in statuut.verwijdering_informeren
                 if p not in (Partij.OUDERS, Partij.LEERLING, Partij.DIRECTIE,
                              Partij.TEAMLEIDER))


def _bezwaartekst(statuut) -> str:
    return _("Tegen een definitief besluit tot verwijdering kunt u binnen %(t)s na de "
             "bekendmaking bezwaar maken bij %(bij)s.") % {
        "t": aantal_tekst(statuut.verwijdering_bezwaar_termijn_aantal,
                                  statuut.verwijdering_bezwaar_termijn_eenheid),
        "bij": regels.bij_tekst(regels.bezwaar_bij(statuut,
                                                   toegang.VERWIJDERING_BEZWAAR_BESLISSEN))}


@transaction.atomic
def voornemen_bekendmaken(*, door, verwijdering: Verwijdering) -> Verwijdering:
    """Take the intention: its letter (in writing, with reasons and the bezwaar term, to the
    parents and the statuut's parties) is requested; the school searches for another school.
    It is made known once that letter went out (`voornemen_bekendgemaakt`)."""
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    toetsen(weigering(door, v, "voornemen"))
    op = vandaag()
    v.voornemen(door=door, op=op)
    v.save()
    _stuk(door, v, _("Voornemen tot verwijdering genomen"), _(
        "Het voornemen is op %(d)s genomen; de brief met het voornemen en de redenen gaat via "
        "de uitgaande post naar de ouders. De school zoekt een andere school.")
        % {"d": datum_kort(op)})
    brief_aanvragen(
        door=door, leerling=v.leerling, soort="sanctie_verwijdering_voornemen",
        sleutel=f"verwijdering:{v.pk}:voornemen",
        gegevens={"gronden": "; ".join(v.gronden), "motivering": v.motivering,
                  "grondslag": artikel_tekst(v.statuut, [v.maatregel.artikel]),
                  "bezwaar": _bezwaartekst(v.statuut),
                  "ondertekenaar": brieven.ondertekenaar_van(door, rollen=beslis_rollen(v))},
        datum=op, partijen=_brief_partijen(v.statuut), bron=v, statuut=v.statuut)
    return v


def voornemenbrief(v: Verwijdering) -> Brief | None:
    return Brief.objects.filter(sleutel=f"verwijdering:{v.pk}:voornemen").defer("pdf").first()


def _bekendmaking_grond(v: Verwijdering) -> str:
    return artikel_tekst(v.statuut, [v.statuut.verwijdering_bekendmaking_artikel
                                            or v.maatregel.artikel])


def voornemen_weigering(user, v: Verwijdering) -> Weigering | None:
    """The one check of the step "voornemen bekendgemaakt", for its service and the page."""
    return weigering(user, v, "voornemen_bekendgemaakt")


@transaction.atomic
def voornemen_bekendgemaakt(*, door, verwijdering: Verwijdering) -> Verwijdering:
    """Record that the intention is made known: on the day its letter went out."""
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    toetsen(voornemen_weigering(door, v))
    brief = voornemenbrief(v)
    v.voornemen_bekendgemaakt_op = timezone.localdate(brief.verzonden_op)
    v.save(update_fields=["voornemen_bekendgemaakt_op"])
    _stuk(door, v, _("Voornemen tot verwijdering bekendgemaakt"), _(
        "Het voornemen is op %(d)s schriftelijk en met redenen bekendgemaakt aan %(a)s: de "
        "brief is op %(d)s %(w)s.") % {
        "d": datum_kort(v.voornemen_bekendgemaakt_op),
        "a": ", ".join(o.naam for o in brief.ontvangers.all()),
        "w": _("per e-mail verzonden") if brief.verzendwijze == Verzendwijze.EMAIL
        else _("afgedrukt en per post verstuurd")}, datum=v.voornemen_bekendgemaakt_op)
    return v


@transaction.atomic
def school_benaderen(*, door, verwijdering: Verwijdering, school: str, benaderd_op: date
                     ) -> Schoolcontact:
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    toetsen(weigering(door, v, "benaderen"))
    school = _tekst(school, _("Vul de naam van de school in."))
    _datum(benaderd_op, v.voornemen_op)
    contact = Schoolcontact.objects.create(verwijdering=v, school=school,
                                           benaderd_op=benaderd_op)
    _stuk(door, v, _("Andere school benaderd"), _("%(s)s benaderd op %(d)s.")
          % {"s": school, "d": datum_kort(benaderd_op)}, datum=benaderd_op)
    return contact


@transaction.atomic
def schoolantwoord_vastleggen(*, door, contact: Schoolcontact, antwoord: str,
                              antwoord_op: date, toelichting: str = "") -> Schoolcontact:
    contact = Schoolcontact.objects.select_for_update().get(pk=contact.pk)
    v = vergrendeld(_VERWIJDERINGEN, contact.verwijdering)
    toetsen(weigering(door, v, "antwoord"))
    if antwoord not in (Schoolcontact.Antwoord.TOEGELATEN, Schoolcontact.Antwoord.GEWEIGERD):
        raise InvoerFout(_("Kies: bereid de leerling toe te laten, of geweigerd."))
    if contact.antwoord != Schoolcontact.Antwoord.AFWACHTEN:
        raise InvoerFout(_("Het antwoord van deze school is al vastgelegd."))
    _datum(antwoord_op, contact.benaderd_op)
    contact.antwoord, contact.antwoord_op = antwoord, antwoord_op
    contact.toelichting = (toelichting or "").strip()
    contact.save()
    _stuk(door, v, _("Antwoord van een andere school"), _("%(s)s: %(a)s (%(d)s). %(t)s")
          % {"s": contact.school, "a": contact.get_antwoord_display(),
             "d": datum_kort(antwoord_op), "t": contact.toelichting}, datum=antwoord_op)
    return contact


def is_leerplichtig(leerling: Leerling, op: date) -> bool:
    return leeftijd(leerling.geboortedatum, op) < LEERPLICHT_TOT


@transaction.atomic
def inspectie_overleg_vastleggen(*, door, verwijdering: Verwijdering, datum: date,
                                 verslag: str) -> Verwijdering:
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    toetsen(weigering(door, v, "inspectie_overleg"))
    _datum(datum, v.voornemen_op)
    v.inspectie_overleg_op = datum
    v.inspectie_overleg = _tekst(verslag, _("Schrijf het verslag van het overleg."))
    v.save(update_fields=["inspectie_overleg_op", "inspectie_overleg"])
    _stuk(door, v, _("Overleg met de inspectie over de verwijdering"), v.inspectie_overleg,
          datum=datum)
    return v


@transaction.atomic
def verwijdering_besluiten(*, door, verwijdering: Verwijdering, motivering: str
                           ) -> Verwijdering:
    """The definitive decision: only once another school accepted the pupil (or after eight
    weeks of documented searching where the statuut allows it), and for a pupil of compulsory
    school age only after consulting the inspectie."""
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    op = vandaag()
    toetsen(weigering(door, v, "besluiten", op=op))
    statuut = regels.statuut_in_werking(v.school, op)
    andere_school, _w = _andere_school(v, statuut, op)
    toegelaten = v.schoolcontacten.filter(antwoord=Schoolcontact.Antwoord.TOEGELATEN).first()
    motivering = _tekst(motivering, _("Vul de motivering van het besluit in."))
    v.besluiten(door=door, op=op, motivering=motivering, andere_school=andere_school)
    v.termijn_bezwaar = termijn_openen(
        school=v.school, omschrijving=_("Termijn voor bezwaar tegen verwijdering %(k)s")
        % {"k": v.kenmerk}, startdatum=op,
        aantal=statuut.verwijdering_bezwaar_termijn_aantal,
        eenheid=statuut.verwijdering_bezwaar_termijn_eenheid or Eenheid.WEKEN,
        regel=_("bezwaar tegen verwijdering"), onderwerp=v,
        verantwoordelijke_rol=bezwaarrol(statuut))
    v.save()
    _stuk(door, v, _("Definitief besluit tot verwijdering"), _(
        "Besloten op %(d)s; andere school: %(s)s. Motivering: %(m)s")
        % {"d": datum_kort(op), "s": andere_school, "m": motivering})
    brief_aanvragen(
        door=door, leerling=v.leerling, soort="sanctie_verwijdering_besluit",
        sleutel=f"verwijdering:{v.pk}:besluit",
        gegevens={"gronden": "; ".join(v.gronden), "motivering": motivering,
                  "andere_school": andere_school, "toegelaten": toegelaten is not None,
                  "grondslag": artikel_tekst(statuut, [v.maatregel.artikel]),
                  "ondertekenaar": brieven.ondertekenaar_van(
                      door, rollen=beslis_rollen(v)),
                  "rechtsmiddel": brieven.bezwaar(
                      bij=regels.bezwaar_bij(statuut, toegang.VERWIJDERING_BEZWAAR_BESLISSEN),
                      aantal=statuut.verwijdering_bezwaar_termijn_aantal,
                      eenheid=statuut.verwijdering_bezwaar_termijn_eenheid or Eenheid.WEKEN,
                      vervaldatum=v.termijn_bezwaar.vervaldatum)},
        datum=op, partijen=_brief_partijen(statuut), bron=v, statuut=statuut)
    return v


@transaction.atomic
def verwijdering_bezwaar_indienen(*, door, verwijdering: Verwijdering, ingediend_op: date,
                                  gronden: str) -> Verwijdering:
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    toetsen(weigering(door, v, "bezwaar"))
    _datum(ingediend_op, v.besloten_op)
    termijn = v.termijn_bezwaar
    if ingediend_op > termijn.vervaldatum:
        raise InvoerFout(_("Het bezwaar is te laat ingediend: de termijn liep tot en met %(d)s. "
                           "Het bezwaar is niet ingeschreven.")
                         % {"d": datum_kort(termijn.vervaldatum)})
    gronden = _tekst(gronden, _("Vul de gronden van het bezwaar in."))
    statuut = v.statuut
    v.bezwaar_indienen(op=ingediend_op, gronden=gronden)
    termijn_voldaan(termijn)
    start = (termijn.vervaldatum if statuut.verwijdering_beslistermijn_vanaf
             == Termijnstart.EINDE_TERMIJN else ingediend_op)
    if statuut.verwijdering_beslistermijn_aantal:
        v.termijn_heroverweging = termijn_openen(
            school=v.school, omschrijving=_("Nieuw besluit op het bezwaar tegen verwijdering "
                                            "%(k)s") % {"k": v.kenmerk},
            startdatum=start, aantal=statuut.verwijdering_beslistermijn_aantal,
            eenheid=statuut.verwijdering_beslistermijn_eenheid,
            regel=_("beslistermijn bezwaar verwijdering"), onderwerp=v,
            verantwoordelijke_rol=bezwaarrol(statuut))
    v.save()
    _stuk(door, v, _("Bezwaar tegen verwijdering ingediend"), gronden, datum=ingediend_op)
    return v


@transaction.atomic
def verwijdering_bezwaar_horen(*, door, verwijdering: Verwijdering, gehoord_op: date,
                               verslag: str) -> Verwijdering:
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    toetsen(weigering(door, v, "bezwaar_horen"))
    _datum(gehoord_op, v.bezwaar_ingediend_op)
    v.bezwaar_horen(op=gehoord_op, verslag=_tekst(verslag, _("Schrijf het verslag.")))
    v.save()
    _stuk(door, v, _("Ouders opnieuw gehoord over de verwijdering"), v.bezwaar_hoorverslag,
          datum=gehoord_op)
    return v


@transaction.atomic
def verwijdering_heroverwegen(*, door, verwijdering: Verwijdering, gehandhaafd: bool,
                              motivering: str) -> Verwijdering:
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    toetsen(weigering(door, v, "heroverwegen"))
    op = vandaag()
    v.heroverwegen(op=op, gehandhaafd=gehandhaafd,
                   motivering=_tekst(motivering, _("Vul de motivering in.")))
    v.save()
    if v.termijn_heroverweging is not None:
        termijn_voldaan(v.termijn_heroverweging)
    brief_aanvragen(
        door=door, leerling=v.leerling, soort="sanctie_verwijdering_heroverweging",
        sleutel=f"verwijdering:{v.pk}:heroverweging",
        gegevens={"uitkomst": _("gehandhaafd") if gehandhaafd else _("herroepen"),
                  "ingediend_op": datum_kort(v.bezwaar_ingediend_op),
                  "besluit_van": datum_kort(v.besloten_op), "motivering": v.heroverweging,
                  "grondslag": artikel_tekst(v.statuut, [v.maatregel.artikel]),
                  "ondertekenaar": brieven.ondertekenaar_van(
                      door, rollen=beslis_rollen(v))},
        datum=op, partijen=_brief_partijen(v.statuut), bron=v, statuut=v.statuut)
    _stuk(door, v, _("Nieuw besluit op het bezwaar tegen de verwijdering"), _(
        "Het besluit tot verwijdering is %(u)s op %(d)s. %(m)s") % {
        "u": _("gehandhaafd") if gehandhaafd else _("herroepen"), "d": datum_kort(op),
        "m": v.heroverweging})
    return v


@transaction.atomic
def verwijdering_afsluiten(*, door, verwijdering: Verwijdering) -> Verwijdering:
    """No bezwaar within the term: the decision stands and the procedure closes."""
    v = vergrendeld(_VERWIJDERINGEN, verwijdering)
    op = vandaag()
    toetsen(weigering(door, v, "afsluiten", op=op))
    v.afsluiten(op=op)
    v.save()
    _stuk(door, v, _("Verwijdering afgerond"), _("Geen bezwaar binnen de termijn; de "
                                                 "verwijdering is onherroepelijk (%(d)s).")
          % {"d": datum_kort(op)})
    return v
