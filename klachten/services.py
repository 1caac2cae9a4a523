"""The acts of the complaint, beroep and bezwaar procedures. Each locks its row, asks the
step table (`klachten.stappen`, the same check the page offers the step by), calls a
transition, writes the dossier entry, opens and closes `statuut.Termijn`s and requests
letters, in one transaction; a refusal is an `InvoerFout` with a Dutch message and changes
nothing.

Confidential complaints (route vertrouwelijk) leave no trace outside the klachten app: no
dossier entry, no letter (letters are filed in the pupil's dossier and pass the outgoing
post), and a term that names no content.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import dossier, maatregelen, toegang
from dossiers.brieven.services import brief_aanvragen, datum_nl
from dossiers.models import Dossierstuk, Leerling, Medewerker, Ouder, Ouderschap, Roltoewijzing
from statuut.hulp import naam_van, vergrendeld
from statuut.models import Beroepsregel, Dossiersectie, Klachtfase, Orgaan, Rol, School
from statuut.selectors import statuut_op
from statuut.services import InvoerFout, termijn_openen, termijn_vervallen, termijn_voldaan

from . import overdracht, selectors, stappen
from . import toegang as klachten_toegang
from .models import (
    SAMENSTELLING,
    Adviesuitkomst,
    Beroep,
    Beroepsuitkomst,
    Commissielid,
    Commissiezaak,
    Deling,
    Geleding,
    Geschillencommissie,
    Klacht,
    Klachtonderwerp,
    Klachtstap,
    Klagersoort,
    Uitvoerder,
    Verschoning,
    Verweer,
    Zetel,
)
from .stappen import toetsen

ALGEMEEN = Klachtfase.Route.ALGEMEEN
VERTROUWELIJK = Klachtfase.Route.VERTROUWELIJK


def _statuut(school: School, op: date):
    statuut = statuut_op(school, op)
    if statuut is None:
        raise InvoerFout(_("%(s)s heeft op %(d)s geen leerlingenstatuut: laat de functioneel "
                           "beheerder het statuut laden.") % {"s": school, "d": datum_nl(op)})
    return statuut


_art = selectors.artikel

#: A complaint's row with what its steps read; locked through `hulp.vergrendeld`.
_KLACHTEN = Klacht.objects.select_related("school", "statuut", "fase", "leerling",
                                          "beklaagde__user")


def _notitie(door, klacht: Klacht, titel: str, inhoud: str, op: date) -> None:
    """The dossier entry of an act; never for a confidential complaint."""
    if klacht.route == ALGEMEEN:
        dossier.stuk_toevoegen(door=door, leerling=klacht.leerling,
                               sectie=Dossiersectie.CORRESPONDENTIE, titel=titel[:200],
                               inhoud=inhoud, datum=op, bron=klacht, controleer=False)


def _brief(door, klacht: Klacht, soort: str, sleutel: str, gegevens: dict, op: date) -> None:
    if klacht.route == ALGEMEEN:
        brief_aanvragen(door=door, leerling=klacht.leerling, soort=soort,
                        sleutel=f"klacht:{klacht.pk}:{sleutel}", gegevens=gegevens, datum=op,
                        bron=klacht, statuut=klacht.statuut)


def _fase_starten(door, klacht: Klacht, fase: Klachtfase, op: date) -> Klachtstap:
    """Open the stage: its record, its term (in the statuut's unit, on the school's calendar)
    and, for a stage with a term, the receipt with the due date."""
    commissie = None
    if selectors.is_commissiefase(fase):
        commissie = _commissie_voor_zaak(klacht, op)
    # The first of the stage's behandelaars the data names a person for answers for it (never
    # the person complained about: `behandelaars_van`).
    behandelaars = selectors.behandelaars_van(klacht, fase, op)
    eerste = behandelaars[0] if behandelaars else ""
    handler = next((user for behandelaar in behandelaars if (
        user := selectors.behandelaar_user(
            behandelaar=behandelaar, leerling=klacht.leerling, op=op,
            secretaris=commissie.secretaris if commissie else None)) is not None), None)
    termijn = None
    if fase.termijn_aantal:
        omschrijving = (_("Vertrouwelijke melding %(k)s") % {"k": klacht.kenmerk}
                        if klacht.route == VERTROUWELIJK else
                        _("Klacht %(k)s: %(f)s") % {"k": klacht.kenmerk, "f": fase.naam})
        termijn = termijn_openen(
            school=klacht.school, omschrijving=omschrijving[:300], startdatum=op,
            aantal=fase.termijn_aantal, eenheid=fase.termijn_eenheid, regel=_art(fase),
            onderwerp=klacht, verantwoordelijke=handler,
            verantwoordelijke_rol="" if handler else selectors.termijnrol(klacht.statuut,
                                                                          eerste))
    stap = Klachtstap.objects.create(klacht=klacht, fase=fase, gestart_op=op,
                                     behandelaar=handler, termijn=termijn)
    overdracht.fase_melden(door=door, klacht=klacht, stap=stap, handler=handler, op=op)
    if commissie is not None:
        _zaak_openen(klacht, commissie, op)
    if termijn is not None and not selectors.is_uitspraakfase(fase):
        _brief(door, klacht, "ontvangstbevestiging_klacht", f"{fase.code}:ontvangst", {
            "ingediend_op": datum_nl(op), "onderwerp": klacht.onderwerp,
            "behandelaar": (handler.medewerker.naam if handler and hasattr(handler, "medewerker")
                            else selectors.behandelaar_naam(eerste)),
            "uiterlijk": datum_nl(termijn.vervaldatum), "artikel": fase.artikel,
        }, op)
    return stap


def _stap_afronden(door, klacht: Klacht, *, wat_gebeurde: str, reactie_klager: str,
                   op: date) -> Klachtstap:
    stap = Klachtstap.objects.select_for_update().get(klacht=klacht, fase=klacht.fase)
    stap.afgerond_op, stap.afgerond_door = op, door
    stap.wat_gebeurde, stap.reactie_klager = wat_gebeurde, reactie_klager
    if stap.termijn_id:
        stap.termijn_gehaald = op <= stap.termijn.vervaldatum
        termijn_voldaan(stap.termijn)
    stap.save()
    overdracht.fase_afgerond(klacht)
    return stap


def _tekst(waarde: str, melding: str) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise InvoerFout(melding)
    return waarde


# --- filing --------------------------------------------------------------------------------


@transaction.atomic
def klacht_indienen(
    *, door, leerling: Leerling, klager_soort: str, onderwerp_soort: str, onderwerp: str,
    omschrijving: str, op: date, beklaagde: Medewerker | None = None,
    mede_klagers: list[Leerling] = (), ouder: Ouder | None = None,
    seksuele_intimidatie: bool = False, eerste_fase_gehad: str = "",
) -> Klacht:
    """File a complaint on the complainant's behalf, in the first stage of the route of the
    statuut in force on `op`. A complaint about sexual intimidation goes straight to the
    vertrouwenspersoon (Echnaton art. 12 "Seksuele intimidatie" lid 1).

    `eerste_fase_gehad`: the first stage is an informal talk without a term (the talk with
    the teacher); when the complainant says it took place or could not take place, that is
    recorded and the complaint starts in the next stage (art. 12 klachten 2)."""
    if not klachten_toegang.mag_klacht_indienen(
            door, leerling.school, op=op) or not toegang.leerlingen_voor(
            door, op=op).filter(pk=leerling.pk).exists():
        raise InvoerFout(_("U kunt voor deze leerling geen klacht indienen."))
    if klager_soort not in Klagersoort.values:
        raise InvoerFout(_("Kies wie de klacht indient: een leerling, een groep leerlingen of "
                           "ouders."))
    if onderwerp_soort not in Klachtonderwerp.values:
        raise InvoerFout(_("Kies waarover de klacht gaat: een personeelslid of de toepassing "
                           "van het leerlingenstatuut."))
    if onderwerp_soort == Klachtonderwerp.MEDEWERKER and beklaagde is None:
        raise InvoerFout(_("Kies het personeelslid tegen wie de klacht is gericht."))
    if beklaagde is not None and not Roltoewijzing.objects.filter(
            medewerker=beklaagde, school=leerling.school).exists():
        raise InvoerFout(_("%(n)s werkt niet op deze school: kies een personeelslid van %(s)s.")
                         % {"n": beklaagde, "s": leerling.school})
    if klager_soort == Klagersoort.GROEP and not mede_klagers:
        raise InvoerFout(_("Een collectieve klacht noemt ook de andere leerlingen."))
    if klager_soort == Klagersoort.OUDERS and ouder is None:
        raise InvoerFout(_("Kies de ouder of verzorger die klaagt."))
    if ouder is not None and not toegang.mag_zien(door, leerling, "B", op=op):
        raise InvoerFout(_("U mag de gegevens van de ouders van deze leerling niet zien; laat "
                           "de mentor of de administratie de klacht van de ouders indienen."))
    if ouder is not None and not leerling.ouderschappen.filter(ouder=ouder).exists():
        raise InvoerFout(_("%(o)s is geen ouder of verzorger van %(l)s.")
                         % {"o": ouder, "l": leerling.volledige_naam})
    if any(m.school_id != leerling.school_id for m in mede_klagers):
        raise InvoerFout(_("Alle klagers zijn leerlingen van dezelfde school."))
    onderwerp = _tekst(onderwerp, _("Vat de klacht samen in een onderwerp."))[:200]
    omschrijving = _tekst(omschrijving, _("Beschrijf de klacht."))
    statuut = _statuut(leerling.school, op)
    route = VERTROUWELIJK if seksuele_intimidatie else ALGEMEEN
    rij = selectors.fasen(statuut, route)
    if not rij:
        raise InvoerFout(_("Het leerlingenstatuut van %(s)s noemt geen %(r)s.")
                         % {"s": leerling.school, "r": Klachtfase.Route(route).label})
    eerste = rij[0]
    gehad = (eerste_fase_gehad or "").strip()
    if gehad and (eerste.termijn_aantal or eerste.schriftelijk or len(rij) < 2
                  or route == VERTROUWELIJK):
        raise InvoerFout(_("De klacht begint bij '%(f)s' (%(a)s): die fase kan niet bij het "
                           "indienen worden overgeslagen.") % {"f": eerste.naam, "a": _art(eerste)})
    klacht = Klacht.objects.create(
        school=leerling.school, statuut=statuut, route=route, fase=eerste,
        klager_soort=klager_soort, leerling=leerling, ouder=ouder,
        onderwerp_soort=onderwerp_soort, beklaagde=beklaagde,
        # Bijlage B lid 19: the person complained about acts for the schoolleiding.
        betreft_schoolleiding=beklaagde is not None and Roltoewijzing.objects.filter(
            medewerker=beklaagde, school=leerling.school,
            rol__in=klachten_toegang.rollen_van_houder(statuut, Orgaan.SCHOOLLEIDING)).exists(),
        seksuele_intimidatie=seksuele_intimidatie, onderwerp=onderwerp,
        omschrijving=omschrijving, ingediend_op=op, ingediend_door=door,
    )
    klacht.mede_klagers.set(mede_klagers)
    _notitie(door, klacht, _("Klacht %(k)s ingediend: %(o)s") % {"k": klacht.kenmerk,
                                                                  "o": onderwerp},
             _("Ingediend namens %(w)s; eerste fase: %(f)s.") % {
                 "w": Klagersoort(klager_soort).label, "f": eerste.naam}, op)
    stap = _fase_starten(door, klacht, eerste, op)
    if gehad:
        stap.afgerond_op, stap.afgerond_door, stap.wat_gebeurde = op, door, gehad
        stap.reactie_klager = _("De klager wil verder naar de volgende fase.")
        stap.save()
        klacht.fase_afronden()
        klacht.doorzetten(naar=rij[1])
        klacht.save()
        _fase_starten(door, klacht, rij[1], op)
    return klacht


# --- a stage's outcome, and the complainant's choice ---------------------------------------


@transaction.atomic
def fase_afronden(*, door, klacht: Klacht, wat_gebeurde: str, reactie_klager: str,
                  op: date) -> Klacht:
    """The handler records what happened in this stage and what the complainant said."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    toetsen(stappen.weigering(door, klacht, "afronden", op=op))
    wat_gebeurde = _tekst(wat_gebeurde, _("Beschrijf wat er in deze fase is gebeurd."))
    reactie_klager = _tekst(reactie_klager, _("Noteer wat de klager van de uitkomst vindt."))
    _stap_afronden(door, klacht, wat_gebeurde=wat_gebeurde, reactie_klager=reactie_klager,
                   op=op)
    klacht.fase_afronden()
    klacht.save()
    _notitie(door, klacht, _("Klacht %(k)s: %(f)s afgerond") % {"k": klacht.kenmerk,
                                                                 "f": klacht.fase.naam},
             wat_gebeurde, op)
    if klacht.fase.schriftelijk:
        volgende = selectors.volgende_fasen(klacht)
        _brief(door, klacht, "klacht_reactie", f"{klacht.fase.code}:reactie", {
            "kenmerk": klacht.kenmerk, "fase": klacht.fase.naam, "reactie": wat_gebeurde,
            "vervolg": volgende[0].naam if volgende else _("de schoolleiding"),
            "artikel": klacht.fase.artikel,
        }, op)
    return klacht


@transaction.atomic
def doorzetten(*, door, klacht: Klacht, naar: Klachtfase, op: date,
               klager_wil_verder: bool) -> Klacht:
    """The complainant is not satisfied and takes the complaint to the next stage. A stage
    the statuut does not put next is refused with the reason. The Landelijke
    Klachtencommissie ends the school's route (the contact person refers, art. 12 "Bij
    geen gehoor")."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    toetsen(stappen.weigering(door, klacht, "doorzetten", op=op, naar=naar))
    if not klager_wil_verder:
        raise InvoerFout(_("Verder gaan is de keuze van de klager: bevestig dat de klager de "
                           "klacht wil voortzetten."))
    toegestaan = selectors.volgende_fasen(klacht)
    if naar.pk not in {f.pk for f in toegestaan}:
        if not toegestaan:
            raise InvoerFout(_("Na '%(f)s' kent het leerlingenstatuut geen volgende fase.")
                             % {"f": klacht.fase.naam})
        raise InvoerFout(_("'%(n)s' kan nu niet: volgens het leerlingenstatuut (%(a)s) komt "
                           "na '%(f)s' eerst '%(v)s'. Een fase overslaan kan niet.") % {
            "n": naar.naam, "a": _art(toegestaan[0]) or toegestaan[0].statuut.titel,
            "f": klacht.fase.naam, "v": toegestaan[0].naam})
    if selectors.is_klachtencommissie(naar):
        # Who may refer (the school's contact person) is part of the step's check.
        klacht.doorverwijzen(naar=naar, op=op)
        klacht.save()
        Klachtstap.objects.create(klacht=klacht, fase=naar, gestart_op=op,
                                  behandelaar=None)
        _notitie(door, klacht, _("Klacht %(k)s doorverwezen naar de landelijke "
                                 "klachtencommissie") % {"k": klacht.kenmerk}, "", op)
        return klacht
    klacht.doorzetten(naar=naar)
    klacht.save()
    _notitie(door, klacht, _("Klacht %(k)s: door naar %(f)s") % {"k": klacht.kenmerk,
                                                                  "f": naar.naam}, "", op)
    _fase_starten(door, klacht, naar, op)
    return klacht


@transaction.atomic
def klacht_afsluiten(*, door, klacht: Klacht, reactie_klager: str, op: date) -> Klacht:
    """The complainant is satisfied with the outcome of the stage: the complaint is settled."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    toetsen(stappen.weigering(door, klacht, "afsluiten", op=op))
    stap = Klachtstap.objects.select_for_update().get(klacht=klacht, fase=klacht.fase)
    if reactie_klager.strip():
        stap.reactie_klager = "\n".join(p for p in (stap.reactie_klager, reactie_klager.strip())
                                        if p)
        stap.save()
    klacht.afsluiten(op=op)
    klacht.save()
    _notitie(door, klacht, _("Klacht %(k)s afgehandeld") % {"k": klacht.kenmerk},
             _("Afgehandeld in de fase: %(f)s.") % {"f": klacht.fase.naam}, op)
    return klacht


@transaction.atomic
def klacht_intrekken(*, door, klacht: Klacht, reden: str, op: date) -> Klacht:
    klacht = vergrendeld(_KLACHTEN, klacht)
    toetsen(stappen.weigering(door, klacht, "intrekken", op=op))
    reden = _tekst(reden, _("Noteer waarom de klager de klacht intrekt."))
    for stap in Klachtstap.objects.filter(klacht=klacht, afgerond_op__isnull=True,
                                          termijn__isnull=False).select_related("termijn"):
        termijn_vervallen(stap.termijn)
    overdracht.klacht_gesloten(klacht)
    klacht.intrekken(op=op)
    klacht.save()
    _notitie(door, klacht, _("Klacht %(k)s ingetrokken") % {"k": klacht.kenmerk}, reden, op)
    return klacht


@transaction.atomic
def verweer_voeren(*, door, klacht: Klacht, tekst: str, op: date) -> Verweer:
    """The person complained about responds (bijlage B lid 11)."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    toetsen(stappen.weigering(door, klacht, "verweer", op=op))
    return Verweer.objects.create(klacht=klacht, door=door, op=op,
                                  tekst=_tekst(tekst, _("Schrijf uw verweer.")))


@transaction.atomic
def klacht_delen(*, door, klacht: Klacht, met) -> Klacht:
    """The vertrouwenspersoon shares a confidential complaint with one colleague."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    toetsen(stappen.weigering(door, klacht, "delen"))
    if not Roltoewijzing.objects.filter(medewerker__user=met, school=klacht.school).exists():
        raise InvoerFout(_("Deel alleen met een collega van deze school."))
    if not klachten_toegang.klacht_deelbaar_met(klacht).filter(pk=met.pk).exists():
        if klacht.beklaagde_id is not None and klacht.beklaagde.user_id == met.pk:
            raise InvoerFout(_("Een melding wordt nooit gedeeld met degene over wie zij gaat."))
        if not met.is_active:
            raise InvoerFout(_("Het account van %(n)s is niet actief: deel alleen met een "
                               "actieve collega.") % {"n": naam_van(met)})
        raise InvoerFout(_("%(n)s leest geen klachten (functioneel beheer of extern): deel "
                           "alleen met een collega wiens rol klachten mag lezen.")
                         % {"n": naam_van(met)})
    if klacht.gedeeld_met.filter(pk=met.pk).exists():
        raise InvoerFout(_("De melding is al gedeeld met %(n)s.") % {"n": naam_van(met)})
    klacht.gedeeld_met.add(met)
    Deling.objects.create(klacht=klacht, met=met, gedeeld_door=door, gedeeld_op=timezone.now())
    return klacht


@transaction.atomic
def delen_intrekken(*, door, klacht: Klacht, met, reden: str) -> Deling:
    """The vertrouwenspersoon withdraws a share: the colleague no longer sees the report;
    who withdrew it, when and why stays on record."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    toetsen(stappen.weigering(door, klacht, "delen_intrekken"))
    deling = (Deling.objects.select_for_update()
              .filter(klacht=klacht, met=met, ingetrokken_op__isnull=True).first())
    if deling is None:
        raise InvoerFout(_("De melding is niet gedeeld met %(n)s: er is niets in te trekken.")
                         % {"n": naam_van(met)})
    deling.reden_intrekking = _tekst(reden, _("Noteer waarom u het delen intrekt."))
    deling.ingetrokken_door, deling.ingetrokken_op = door, timezone.now()
    deling.save()
    klacht.gedeeld_met.remove(met)
    return deling


# --- the geschillencommissie ---------------------------------------------------------------


def samenstelling_fouten(commissie: Geschillencommissie | None) -> list[str]:
    """What the commission lacks to hear a case (Echnaton art. 12.5, bijlage B leden 5-8)."""
    if commissie is None:
        return [_("Er is voor dit schooljaar geen geschillencommissie benoemd.")]
    fouten = []
    leden = list(commissie.leden.filter(plaatsvervanger_van__isnull=True)
                 .select_related("plaatsvervanger"))
    for geleding, aantal in SAMENSTELLING.items():
        eigen = [lid for lid in leden if lid.geleding == geleding]
        if len(eigen) < aantal:
            fouten.append(_("De commissie heeft %(n)d %(g)s-lid/leden, het statuut vraagt er "
                            "%(a)d.") % {"n": len(eigen), "g": Geleding(geleding).label,
                                         "a": aantal})
        for lid in eigen:
            if not hasattr(lid, "plaatsvervanger"):
                fouten.append(_("%(n)s heeft geen plaatsvervanger (bijlage B lid 6).")
                              % {"n": lid.naam})
    if commissie.voorzitter_id is not None and commissie.voorzitter_id not in {
            lid.pk for lid in leden}:
        fouten.append(_("De voorzitter is geen vast lid van deze commissie (lid 8)."))
    if commissie.voorzitter_id is None:
        fouten.append(_("De commissie heeft nog geen voorzitter uit haar midden (lid 8)."))
    if commissie.secretaris_id is None:
        fouten.append(_("De schoolleiding heeft nog geen ambtelijk secretaris aangewezen "
                        "(lid 8)."))
    return fouten


_geen_ouder = stappen.geen_ouder


def _commissie_voor_zaak(klacht: Klacht, op: date) -> Geschillencommissie:
    commissie = selectors.commissie_van(klacht.school, op)
    if commissie is None:
        raise InvoerFout(_("Er is voor dit schooljaar geen geschillencommissie benoemd: de "
                           "klacht kan daar nog niet worden ingediend."))
    if not commissie.leden.filter(geleding=Geleding.OUDER,
                                  plaatsvervanger_van__isnull=True).exists():
        raise InvoerFout(_geen_ouder(commissie))
    if commissie.secretaris_id is None:
        raise InvoerFout(_("De geschillencommissie heeft geen ambtelijk secretaris: een "
                           "klacht wordt bij de secretaris ingediend (bijlage B lid 9)."))
    return commissie


def partij_reden(klacht: Klacht, lid: Commissielid) -> str:
    """Why `lid` is a party to this complaint (and so never sits in it), or "": the person
    complained about, a complainant, or a parent or guardian of a pupil concerned (bijlage B
    leden 6 en 7)."""
    if lid.medewerker_id is not None and lid.medewerker_id == klacht.beklaagde_id:
        return _("%(n)s is degene over wie de klacht gaat") % {"n": lid.naam}
    klagers = {klacht.leerling_id, *klacht.mede_klagers.values_list("pk", flat=True)}
    if lid.leerling_id is not None and lid.leerling_id in klagers:
        return _("%(n)s is zelf klager") % {"n": lid.naam}
    if lid.ouder_id is not None:
        if lid.ouder_id == klacht.ouder_id:
            return _("%(n)s is zelf klager") % {"n": lid.naam}
        if Ouderschap.objects.filter(ouder_id=lid.ouder_id, leerling_id__in=klagers).exists():
            return _("%(n)s is ouder of verzorger van de leerling om wie het gaat") % {
                "n": lid.naam}
    return ""


def _zaak_openen(klacht: Klacht, commissie: Geschillencommissie, op: date) -> Commissiezaak:
    """Seat the members; a member who is a party never sits: their deputy does, and without a
    deputy who is no party the case cannot be heard (bijlage B leden 6 en 7)."""
    zaak = Commissiezaak.objects.create(klacht=klacht, commissie=commissie, ingediend_op=op)
    zetels = []
    for lid in (commissie.leden.filter(plaatsvervanger_van__isnull=True)
                .select_related("plaatsvervanger")):
        reden = partij_reden(klacht, lid)
        if not reden:
            zetels.append(Zetel(zaak=zaak, lid=lid, bezet_door=lid))
            continue
        plv = getattr(lid, "plaatsvervanger", None)
        if plv is None:
            raise InvoerFout(_("%(r)s en zit daarom niet in deze zaak, maar heeft geen "
                               "plaatsvervanger: de geschillencommissie kan de klacht niet "
                               "behandelen (bijlage B leden 6 en 7). Laat eerst een "
                               "plaatsvervanger benoemen.") % {"r": reden})
        if reden_plv := partij_reden(klacht, plv):
            raise InvoerFout(_("%(r)s, en de plaatsvervanger is ook partij (%(p)s): geen van "
                               "beiden zit in deze zaak, dus de geschillencommissie kan de "
                               "klacht niet behandelen (bijlage B leden 6 en 7). Laat een "
                               "andere plaatsvervanger benoemen.") % {"r": reden, "p": reden_plv})
        zetels.append(Zetel(zaak=zaak, lid=lid, bezet_door=plv,
                            verschoning=Verschoning.IS_PARTIJ,
                            verschoning_reden=_("%(r)s (bijlage B leden 6 en 7)") % {"r": reden}))
    Zetel.objects.bulk_create(zetels)
    return zaak


def _zaak_slot(klacht: Klacht) -> Commissiezaak | None:
    """The commission's case, locked (None: the complaint is not before the commission; the
    step's check says so)."""
    return (Commissiezaak.objects.select_for_update(of=("self",)).select_related("commissie")
            .filter(klacht=klacht).first())


@transaction.atomic
def verschonen(*, door, klacht: Klacht, lid: Commissielid, wijze: str, reden: str,
               op: date | None = None) -> Zetel:
    """A member recuses themselves or at a party's request; the deputy takes the seat
    (bijlage B leden 6 en 7)."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    zaak = _zaak_slot(klacht)
    toetsen(stappen.weigering(door, klacht, "verschonen", op=op, zaak=zaak))
    if wijze not in (Verschoning.ZELF, Verschoning.PARTIJ):
        raise InvoerFout(_("Kies of het lid zich op eigen verzoek of op verzoek van een partij "
                           "verschoont."))
    zetel = Zetel.objects.select_for_update().filter(zaak=zaak, lid=lid).first()
    if zetel is None:
        raise InvoerFout(_("%(n)s is geen vast lid van deze commissie.") % {"n": lid.naam})
    if zetel.verschoning:
        raise InvoerFout(_("%(n)s heeft zich al verschoond.") % {"n": lid.naam})
    zetel.verschoning = wijze
    zetel.verschoning_reden = _tekst(reden, _("Noteer de reden van de verschoning."))
    zetel.bezet_door = getattr(lid, "plaatsvervanger", None)
    zetel.save()
    return zetel


@transaction.atomic
def zitting_vastleggen(*, door, klacht: Klacht, zitting_op: date, besloten_verzocht_door: str,
                       toelichting_klager: str, verweer: str, bijstand: str = "",
                       getuigen: str = "") -> Commissiezaak:
    """The hearing: the complainant explains, the other party responds, each may bring a
    person from the school, witnesses may be called; public unless a party asks otherwise
    (bijlage B leden 11-14). Every seat must be taken, and a parent must sit."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    zaak = _zaak_slot(klacht)
    toetsen(stappen.weigering(door, klacht, "zitting", op=zitting_op, zaak=zaak))
    zaak.zitting_op = zitting_op
    zaak.besloten_verzocht_door = (besloten_verzocht_door or "").strip()
    zaak.besloten = bool(zaak.besloten_verzocht_door)
    zaak.toelichting_klager = _tekst(toelichting_klager,
                                     _("Noteer de mondelinge toelichting van de klager."))
    zaak.verweer = _tekst(verweer, _("Noteer het verweer van de andere partij."))
    zaak.bijstand, zaak.getuigen = bijstand.strip(), getuigen.strip()
    zaak.save()
    return zaak


@transaction.atomic
def advies_uitbrengen(*, door, klacht: Klacht, advies: str, aanbevelingen: str,
                      openbaar: bool, op: date) -> Commissiezaak:
    """The commission's advice; the complaint moves on to the ruling on it, whose term runs
    from the advice (bijlage B leden 15-18)."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    zaak = _zaak_slot(klacht)
    toetsen(stappen.weigering(door, klacht, "advies", op=op, zaak=zaak))
    if advies not in Adviesuitkomst.values:
        raise InvoerFout(_("Kies het advies: gegrond, ongegrond of gedeeltelijk gegrond."))
    zaak.advies_uitbrengen(advies=advies, aanbevelingen=aanbevelingen.strip(),
                           openbaar=openbaar, op=op)
    zaak.save()
    commissiefase = klacht.fase
    _stap_afronden(door, klacht, wat_gebeurde=_("Advies: %(a)s. %(r)s") % {
        "a": Adviesuitkomst(advies).label, "r": aanbevelingen.strip()}, reactie_klager="",
        op=op)
    _notitie(door, klacht, _("Klacht %(k)s: advies van de geschillencommissie")
             % {"k": klacht.kenmerk}, str(Adviesuitkomst(advies).label), op)
    uitspraakfase = selectors.fase_na(commissiefase)
    if uitspraakfase is None or not selectors.is_uitspraakfase(uitspraakfase):
        klacht.fase_afronden()
        klacht.save()
        return zaak
    klacht.automatisch_doorgaan(naar=uitspraakfase)
    klacht.save()
    stap = _fase_starten(door, klacht, uitspraakfase, op)
    _brief(door, klacht, "klacht_advies", "advies", {
        "kenmerk": klacht.kenmerk, "advies": str(Adviesuitkomst(advies).label),
        "aanbevelingen": aanbevelingen.strip(),
        "uiterlijk": datum_nl(stap.termijn.vervaldatum) if stap.termijn else "—",
        "artikel": commissiefase.artikel,
    }, op)
    return zaak


@transaction.atomic
def uitspraak_doen(*, door, klacht: Klacht, uitspraak: str, wettelijke_toets: str,
                   op: date) -> Commissiezaak:
    """The schoolleiding's ruling on the advice, checked against the law (bijlage B leden
    18-20); the board carries it out when the complaint concerns the schoolleiding."""
    klacht = vergrendeld(_KLACHTEN, klacht)
    zaak = _zaak_slot(klacht)
    toetsen(stappen.weigering(door, klacht, "uitspraak", op=op, zaak=zaak))
    uitspraak = _tekst(uitspraak, _("Schrijf de uitspraak."))
    toets = _tekst(wettelijke_toets, _("Leg vast dat de uitspraak niet in strijd is met "
                                       "wettelijke bepalingen en bevoegdheden (bijlage B lid "
                                       "20)."))
    uitvoerder = Uitvoerder.BESTUUR if klacht.betreft_schoolleiding else Uitvoerder.SCHOOLLEIDING
    zaak.uitspraak_doen(uitspraak=uitspraak, toets=toets, uitvoering_door=uitvoerder, op=op)
    zaak.save()
    _stap_afronden(door, klacht, wat_gebeurde=uitspraak, reactie_klager="", op=op)
    klacht.fase_afronden()
    klacht.save()
    _notitie(door, klacht, _("Klacht %(k)s: uitspraak van de schoolleiding")
             % {"k": klacht.kenmerk}, uitspraak, op)
    volgende = selectors.volgende_fasen(klacht)
    _brief(door, klacht, "klacht_uitspraak", "uitspraak", {
        "kenmerk": klacht.kenmerk, "advies": str(Adviesuitkomst(zaak.advies).label),
        "uitspraak": uitspraak, "uitvoering_door": str(Uitvoerder(uitvoerder).label),
        "vervolg": volgende[0].naam if volgende else "", "artikel": klacht.fase.artikel,
    }, op)
    return zaak


# --- beroep and bezwaar --------------------------------------------------------------------


def _nieuwste(stuk: Dossierstuk) -> Dossierstuk:
    """Follow the addenda to the version in force (corrected after the beroep was filed)."""
    while (volgende := stuk.addenda.order_by("-pk").first()) is not None:
        stuk = volgende
    return stuk


def _maatregel_toetsen(door, leerling: Leerling, regel: Beroepsregel, maatregel, op: date):
    """A beroep against a registered measure: the pupil's, one the user may read, one the
    statuut gives this beroep against (its flow says which remedies it has: a Beroepsregel
    against the role of who imposed it), and no other remedy running on it (one at a time).
    Returns the measure, locked until the beroep is filed."""
    maatregel = vergrendeld(type(maatregel), maatregel)
    if getattr(maatregel, "leerling_id", None) != leerling.pk or not selectors.maatregel_zichtbaar(
            door, maatregel, leerling, op=op):
        raise InvoerFout(_("Kies een maatregel uit het dossier van deze leerling."))
    soort = maatregelen.type_van(maatregel)
    middelen = soort.rechtsmiddelen(maatregel) if soort is not None else []
    beroepen = [r for r in middelen
                if r.soort == Beroepsregel.Soort.BEROEP and r.regel is not None]
    if not any(r.regel.pk == regel.pk for r in beroepen):
        if beroepen:
            raise InvoerFout(_("Tegen %(m)s staat beroep open volgens %(a)s, niet deze "
                               "beroepsmogelijkheid: kies de beroepsmogelijkheid tegen de "
                               "maatregel van wie hem nam.") % {
                "m": selectors.omschrijving(maatregel),
                "a": _art(beroepen[0].regel) or beroepen[0].regel.code})
        raise InvoerFout(_("Tegen %(m)s geeft het leerlingenstatuut geen beroep binnen de "
                           "school.") % {"m": selectors.omschrijving(maatregel)})
    if lopend := maatregelen.lopende_rechtsmiddelen(maatregel):
        raise InvoerFout(_("Tegen %(m)s loopt al %(l)s: er loopt één bezwaar of beroep "
                           "tegelijk. Wacht de beslissing daarop af.") % {
            "m": selectors.omschrijving(maatregel), "l": _(" en ").join(lopend)})
    return maatregel


def _stuk_toetsen(door, leerling: Leerling, regel: Beroepsregel, stuk: Dossierstuk,
                  op: date) -> None:
    """A beroep against a measure that is only a dossier entry: the entry's author imposed
    it, in the role the beroep is against."""
    if not toegang.dossierstukken_voor(door, leerling, op=op).filter(pk=stuk.pk).exists():
        raise InvoerFout(_("Kies een maatregel uit het dossier van deze leerling."))
    if not Roltoewijzing.objects.filter(medewerker__user_id=stuk.auteur_id,
                                        school=leerling.school, rol=regel.tegen).exists():
        raise InvoerFout(_("Deze maatregel is niet genomen door een %(r)s: kies de "
                           "beroepsmogelijkheid tegen de maatregel van wie hem nam.")
                         % {"r": Rol(regel.tegen).label.lower()})


@transaction.atomic
def beroep_instellen(*, door, leerling: Leerling, regel: Beroepsregel, toelichting: str,
                     op: date, maatregel=None, maatregel_stuk: Dossierstuk | None = None
                     ) -> Beroep:
    """Beroep against a measure (art. 12 Beroep) or bezwaar about the application of the
    statuut (art. 12 Bezwaar), filed on the pupil's or parents' behalf. The beroep points at
    the measure itself (`maatregel`, an object of a flow registered in
    `dossiers.maatregelen`), or at the dossier entry that is the measure (`maatregel_stuk`)."""
    if not klachten_toegang.mag_beroep_instellen(
            door, leerling.school, op=op) or not toegang.leerlingen_voor(
            door, op=op).filter(pk=leerling.pk).exists():
        raise InvoerFout(_("U kunt voor deze leerling geen beroep of bezwaar indienen."))
    statuut = _statuut(leerling.school, op)
    if regel.statuut_id != statuut.pk:
        raise InvoerFout(_("Deze beroepsmogelijkheid hoort niet bij het leerlingenstatuut dat "
                           "op %(d)s geldt.") % {"d": datum_nl(op)})
    if regel.tegen not in Rol.values and regel.tegen != "toepassing_statuut":
        raise InvoerFout(_("'%(r)s' is geen beroep of bezwaar in deze procedure (%(a)s).")
                         % {"r": regel, "a": _art(regel)})
    if maatregel is not None and maatregel_stuk is not None:
        raise InvoerFout(_("Kies één maatregel."))
    if regel.tegen in Rol.values:
        if maatregel is None and maatregel_stuk is None:
            raise InvoerFout(_("Kies de maatregel waartegen het beroep is gericht."))
        if maatregel is not None:
            maatregel = _maatregel_toetsen(door, leerling, regel, maatregel, op)
        else:
            _stuk_toetsen(door, leerling, regel, maatregel_stuk, op)
    elif maatregel is not None:
        raise InvoerFout(_("Bezwaar over de toepassing van het leerlingenstatuut gaat niet "
                           "over één maatregel: kies het beroep tegen de maatregel."))
    toelichting = _tekst(toelichting, _("Licht het beroep of bezwaar toe."))
    beroep = Beroep.objects.create(
        school=leerling.school, statuut=statuut, regel=regel, leerling=leerling,
        maatregel=maatregel, maatregel_stuk=maatregel_stuk, toelichting=toelichting,
        ingediend_op=op, ingediend_door=door)
    houders = klachten_toegang.beroep_houders(regel)
    bij = houders[0] if houders else ""
    handler = selectors.behandelaar_user(behandelaar=bij, leerling=leerling, op=op)
    soort = regel.get_soort_display()
    if regel.termijn_aantal:
        beroep.termijn = termijn_openen(
            school=leerling.school, omschrijving=_("%(s)s %(k)s: beslissing") % {
                "s": soort.capitalize(), "k": beroep.kenmerk},
            startdatum=op, aantal=regel.termijn_aantal, eenheid=regel.termijn_eenheid,
            regel=_art(regel), onderwerp=beroep, verantwoordelijke=handler,
            verantwoordelijke_rol="" if handler else selectors.termijnrol(statuut, bij))
        beroep.save(update_fields=["termijn"])
    if maatregel is not None:
        tegen = selectors.omschrijving(maatregel)
    elif maatregel_stuk is not None:
        tegen = maatregel_stuk.titel
    else:
        tegen = _("de toepassing van het leerlingenstatuut")
    dossier.stuk_toevoegen(door=door, leerling=leerling, sectie=Dossiersectie.CORRESPONDENTIE,
                           titel=(_("%(s)s %(k)s ingesteld") % {"s": soort.capitalize(),
                                                                "k": beroep.kenmerk})[:200],
                           inhoud=_("Tegen: %(t)s. %(x)s") % {"t": tegen, "x": toelichting},
                           datum=op, bron=beroep, controleer=False)
    if beroep.termijn is not None:
        brief_aanvragen(door=door, leerling=leerling, soort="klacht_beroep_ontvangst",
                        sleutel=f"beroep:{beroep.pk}:ontvangst", datum=op, bron=beroep,
                        statuut=statuut, gegevens={
                            "kenmerk": beroep.kenmerk, "soort": soort,
                            "ingediend_op": datum_nl(op), "tegen": tegen,
                            "behandelaar": (handler.medewerker.naam if handler
                                            else selectors.beroep_bij_naam(regel)),
                            "uiterlijk": datum_nl(beroep.termijn.vervaldatum),
                            "artikel": regel.artikel})
    return beroep


UITKOMSTEN = {
    Beroepsregel.Soort.BEROEP: (Beroepsuitkomst.BEVESTIGD, Beroepsuitkomst.GEWIJZIGD,
                                Beroepsuitkomst.VERNIETIGD),
    Beroepsregel.Soort.BEZWAAR: (Beroepsuitkomst.GEGROND, Beroepsuitkomst.ONGEGROND),
}


def _stuk_markeren(door, beroep: Beroep, uitkomst: str, gewijzigde_maatregel: str,
                   op: date) -> None:
    """A measure that is only a dossier entry is changed or cancelled by an addendum on the
    entry (its newest version; the original stays as it was); an entry of a decision is
    marked with every entry of that decision and of its letters (`stukken_van_besluit`)."""
    stuk = beroep.maatregel_stuk
    bron = stuk.bron if stuk.bron_id else None
    if bron is not None:
        stukken = [s for s in dossier.stukken_van_besluit(bron)
                   if not s.is_verwijderd and not s.addenda.exists()]
    else:
        nieuwste = _nieuwste(stuk)
        stukken = [] if nieuwste.is_verwijderd else [nieuwste]
    for stuk in stukken:
        if uitkomst == Beroepsuitkomst.VERNIETIGD:
            titel = _("[Vervallen] %(t)s") % {"t": stuk.titel}
            inhoud = _("Deze maatregel is op %(d)s na beroep %(k)s vernietigd.\n\n%(i)s") % {
                "d": datum_nl(op), "k": beroep.kenmerk, "i": stuk.inhoud}
        else:
            titel = _("[Gewijzigd] %(t)s") % {"t": stuk.titel}
            inhoud = _("Na beroep %(k)s gewijzigd op %(d)s in: %(n)s\n\n%(i)s") % {
                "k": beroep.kenmerk, "d": datum_nl(op), "n": gewijzigde_maatregel,
                "i": stuk.inhoud}
        dossier.stuk_corrigeren(door=door, stuk=stuk, titel=titel[:200], inhoud=inhoud,
                                reden=_("Beroep %(k)s: %(u)s") % {
                                    "k": beroep.kenmerk, "u": Beroepsuitkomst(uitkomst).label},
                                controleer=False)


@transaction.atomic
def beroep_beslissen(*, door, beroep: Beroep, uitkomst: str, beslissing: str, op: date,
                     gewijzigde_maatregel: str = "") -> Beroep:
    """Decide: confirm, change or cancel the measure (bezwaar: gegrond or ongegrond). The
    measure's own flow applies the outcome, in this transaction (a cancelled schorsing is
    cancelled in sancties, its deadlines end and every entry of its decision and letters is
    marked: `dossiers.maatregelen`). A measure that is only a dossier entry gets an addendum
    saying so; the original stays as it was."""
    beroep = vergrendeld(Beroep.objects.select_related(
        "regel", "leerling", "school", "statuut", "termijn", "maatregel_stuk",
        "maatregel_soort"), beroep)
    toetsen(stappen.beroep_weigering(door, beroep, op=op))
    if uitkomst not in UITKOMSTEN[beroep.regel.soort]:
        raise InvoerFout(_("Kies een uitkomst: %(k)s.") % {"k": ", ".join(
            str(Beroepsuitkomst(u).label) for u in UITKOMSTEN[beroep.regel.soort])})
    beslissing = _tekst(beslissing, _("Motiveer de beslissing."))
    gewijzigde_maatregel = (gewijzigde_maatregel or "").strip()
    if uitkomst == Beroepsuitkomst.GEWIJZIGD and not gewijzigde_maatregel:
        raise InvoerFout(_("Beschrijf de gewijzigde maatregel."))
    beroep.beslissen(uitkomst=uitkomst, beslissing=beslissing, door=door, op=op)
    beroep.save()
    if beroep.termijn_id:
        termijn_voldaan(beroep.termijn)
    if beroep.maatregel_id is not None:
        maatregel = beroep.maatregel
        soort = maatregelen.type_van(maatregel) if maatregel is not None else None
        if soort is None:
            raise InvoerFout(_("De maatregel van %(k)s kan niet worden aangepast: hij bestaat "
                               "niet meer of zijn stroom past geen beslissing op beroep toe.")
                             % {"k": beroep.kenmerk})
        toelichting = (_("Gewijzigd in: %(n)s. %(b)s") % {"n": gewijzigde_maatregel,
                                                          "b": beslissing}
                       if uitkomst == Beroepsuitkomst.GEWIJZIGD else beslissing)
        soort.toepassen(maatregel, uitkomst=uitkomst, door=door, op=op,
                        toelichting=_("Beroep %(k)s: %(t)s") % {"k": beroep.kenmerk,
                                                                "t": toelichting})
    elif beroep.maatregel_stuk_id and uitkomst in (Beroepsuitkomst.GEWIJZIGD,
                                                   Beroepsuitkomst.VERNIETIGD):
        _stuk_markeren(door, beroep, uitkomst, gewijzigde_maatregel, op)
    soort = beroep.regel.get_soort_display()
    dossier.stuk_toevoegen(door=door, leerling=beroep.leerling,
                           sectie=Dossiersectie.CORRESPONDENTIE,
                           titel=(_("Beslissing op %(s)s %(k)s") % {"s": soort,
                                                                    "k": beroep.kenmerk})[:200],
                           inhoud=f"{Beroepsuitkomst(uitkomst).label}. {beslissing}", datum=op,
                           bron=beroep, controleer=False)
    brief_aanvragen(door=door, leerling=beroep.leerling, soort="klacht_beroep_beslissing",
                    sleutel=f"beroep:{beroep.pk}:beslissing", datum=op, bron=beroep,
                    statuut=beroep.statuut, gegevens={
                        "kenmerk": beroep.kenmerk, "soort": soort,
                        "uitkomst": str(Beroepsuitkomst(uitkomst).label),
                        "beslissing": beslissing, "artikel": beroep.regel.artikel})
    return beroep
