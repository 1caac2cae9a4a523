"""Demo cases for the klachten flow, called by `python manage.py seed_demo` after the demo
board exists. Idempotent: each case is found again by its school and subject (a beroep by
its pupil and rule, the commission by school and year) and never made twice.

Every case goes through the services with the dates of the case, so the terms, letters and
dossier entries are exactly what the product would have made. Log in as mentor-echnaton,
teamleider-echnaton, directeur-echnaton, vertrouwenspersoon-echnaton or docent-echnaton (the
docent complained about) to see them; directeur-noordgouw has the conrector's case.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from dossiers import dossier
from dossiers.demo import BEHEERDERS_GROEP
from dossiers.models import Leerling, Medewerker
from statuut.models import Dossiersectie, School, Schooljaar

from . import services
from .models import (
    Beroep,
    Commissielid,
    Geleding,
    Geschillencommissie,
    Klacht,
)


def _user(naam: str):
    return get_user_model().objects.get(username=naam)


def _leerlingen(school: School, groep: str) -> list[Leerling]:
    return list(Leerling.objects.filter(school=school, groepen__naam=groep).order_by(
        "leerlingnummer"))


def _commissie(school: School) -> Geschillencommissie:
    jaar = Schooljaar.voor_datum(date(2026, 10, 1))
    directeur = Medewerker.objects.get(user__username=f"directeur-{school.korte_naam}")
    commissie, _ = Geschillencommissie.objects.get_or_create(
        school=school, schooljaar=jaar, defaults={"secretaris": directeur})
    docent = Medewerker.objects.get(user__username=f"docent-{school.korte_naam}")
    leerlingen = _leerlingen(school, "6V")
    leden = [
        (Geleding.DOCENT, docent.naam, docent),
        (Geleding.DOCENT, "H. Hendriks", None),
        (Geleding.LEERLING, leerlingen[0].volledige_naam, None),
        (Geleding.LEERLING, leerlingen[1].volledige_naam, None),
        (Geleding.OUDER, "M. de Graaf (oudergeleding MR)", None),
    ]
    for geleding, naam, medewerker in leden:
        lid, _ = Commissielid.objects.get_or_create(
            commissie=commissie, naam=naam, plaatsvervanger_van=None,
            defaults={"geleding": geleding, "medewerker": medewerker})
        Commissielid.objects.get_or_create(
            commissie=commissie, plaatsvervanger_van=lid,
            defaults={"geleding": geleding, "naam": f"plaatsvervanger van {naam}"})
        if naam == "H. Hendriks" and commissie.voorzitter_id is None:
            commissie.voorzitter = lid
            commissie.save(update_fields=["voorzitter"])
    return commissie


def _klacht(school, onderwerp, **kwargs) -> Klacht | None:
    if Klacht.objects.filter(school=school, onderwerp=onderwerp).exists():
        return None
    return services.klacht_indienen(onderwerp=onderwerp, **kwargs)


def _afronden(door, klacht, op, wat, reactie="De klager is niet tevreden."):
    return services.fase_afronden(door=door, klacht=klacht, wat_gebeurde=wat,
                                  reactie_klager=reactie, op=op)


def _door(door, klacht, code, op):
    naar = klacht.statuut.klachtfasen.get(code=code)
    return services.doorzetten(door=door, klacht=klacht, naar=naar, op=op,
                               klager_wil_verder=True)


def _beheerders_mogen_de_commissie_vastleggen() -> None:
    """The demo's functioneel beheerders see the commission's composition in the admin,
    read-only (the schoolleiding sets it up in the application; complaints are not there)."""
    groep = Group.objects.filter(name=BEHEERDERS_GROEP).first()
    if groep is None:
        return
    groep.permissions.add(*Permission.objects.filter(
        content_type__app_label="klachten",
        content_type__model__in=["geschillencommissie", "commissielid"],
        codename__startswith="view_"))


@transaction.atomic
def demo_laden() -> None:
    _beheerders_mogen_de_commissie_vastleggen()
    echnaton = School.objects.filter(korte_naam="echnaton").first()
    if echnaton is None:
        return
    mentor, teamleider = _user("mentor-echnaton"), _user("teamleider-echnaton")
    directeur = _user("directeur-echnaton")
    docent = Medewerker.objects.get(user__username="docent-echnaton")
    eerste = _leerlingen(echnaton, "1A")
    _commissie(echnaton)

    # At the mentor: due after the mentor's ten school days.
    _klacht(echnaton, "Cijfer werkstuk geschiedenis niet uitgelegd", door=mentor,
            leerling=eerste[0], klager_soort="leerling", onderwerp_soort="medewerker",
            beklaagde=docent, omschrijving="De docent legt het cijfer niet uit en verwijst "
            "naar volgend jaar.", op=date(2026, 11, 16),
            eerste_fase_gehad="Gesprek na de les; de docent had geen tijd.")

    # Confidential: only vertrouwenspersoon-echnaton sees it.
    _klacht(echnaton, "Opmerkingen in de kleedkamer", door=mentor, leerling=eerste[1],
            klager_soort="leerling", onderwerp_soort="medewerker", beklaagde=docent,
            seksuele_intimidatie=True, omschrijving="De leerling vertelde het de mentor in "
            "vertrouwen.", op=date(2026, 11, 18))

    # At the schoolleiding, overdue (the herfstvakantie did not count).
    klacht = _klacht(echnaton, "Huiswerkbelasting in week 41", door=mentor,
                     leerling=eerste[2], klager_soort="ouders", onderwerp_soort="medewerker",
                     beklaagde=docent, ouder=eerste[2].ouders.first(),
                     omschrijving="Drie toetsen en twee werkstukken in één week.",
                     op=date(2026, 10, 5), eerste_fase_gehad="Ouders mailden de docent.")
    if klacht is not None:
        _afronden(mentor, klacht, date(2026, 10, 12), "Gesprek met docent en ouders.")
        _door(mentor, klacht, "bemiddeling-teamleiding", date(2026, 10, 12))
        _afronden(teamleider, klacht, date(2026, 10, 14), "Planning met de sectie besproken.")
        _door(teamleider, klacht, "klacht-schoolleiding", date(2026, 10, 14))

    # Before the geschillencommissie; the docent on the commission recuses himself.
    klacht = _klacht(echnaton, "Uitsluiting van de excursie", door=mentor,
                     leerling=eerste[3], klager_soort="groep", mede_klagers=eerste[4:6],
                     onderwerp_soort="toepassing_statuut",
                     omschrijving="Drie leerlingen mochten niet mee zonder opgaaf van reden.",
                     op=date(2026, 10, 26),
                     eerste_fase_gehad="Met de begeleidende docent besproken; geen uitleg.")
    if klacht is not None:
        _afronden(mentor, klacht, date(2026, 11, 2), "Bemiddeld; geen oplossing.")
        _door(mentor, klacht, "bemiddeling-teamleiding", date(2026, 11, 2))
        _afronden(teamleider, klacht, date(2026, 11, 4), "Besluit gehandhaafd.")
        _door(mentor, klacht, "klacht-schoolleiding", date(2026, 11, 4))
        _afronden(directeur, klacht, date(2026, 11, 12), "Schriftelijk gereageerd: de "
                  "excursie was vol; de volgorde van aanmelden gold.")
        _door(mentor, klacht, "geschillencommissie", date(2026, 11, 17))
        lid = klacht.zaak.zetels.get(lid__medewerker=docent).lid
        services.verschonen(door=directeur, klacht=klacht, lid=lid, wijze="zelf",
                            reden="Begeleidde de excursie.", op=date(2026, 11, 17))

    # Beroep against the docent's measure, at the teamleider.
    leerling = eerste[6]
    if not Beroep.objects.filter(leerling=leerling).exists():
        stuk = dossier.stuk_toevoegen(
            door=docent.user, leerling=leerling, sectie=Dossiersectie.GEDRAG,
            titel="Strafwerk: 50 regels", inhoud="Telefoon in de les.",
            datum=date(2026, 11, 17), controleer=False)
        services.beroep_instellen(
            door=mentor, leerling=leerling, op=date(2026, 11, 19), maatregel_stuk=stuk,
            regel=klacht_regel(echnaton, "beroep-docent"),
            toelichting="De telefoon lag uit in de tas; de docent zag een andere leerling.")

    noordgouw = School.objects.filter(korte_naam="noordgouw").first()
    if noordgouw is not None:
        leerling = _leerlingen(noordgouw, "1A")[0]
        klacht = _klacht(noordgouw, "Lessen vallen vaak uit",
                         door=_user("mentor-noordgouw"), leerling=leerling,
                         klager_soort="leerling", onderwerp_soort="medewerker",
                         beklaagde=Medewerker.objects.get(user__username="docent-noordgouw"),
                         omschrijving="Sinds september viel een derde van de lessen uit.",
                         op=date(2026, 11, 9), eerste_fase_gehad="Met de docent besproken.")
        if klacht is not None:
            door = _user("mentor-noordgouw")  # art. 19.2: the mentor mediates
            _afronden(door, klacht, date(2026, 11, 13), "Bemiddeld; geen verbetering.")
            _door(door, klacht, "reactie-conrector", date(2026, 11, 13))
        # Art. 19.2: "de mentor of de afdelingsleider" mediates; here the afdelingsleider did.
        leerlingen = _leerlingen(noordgouw, "1A")
        klacht = _klacht(noordgouw, "Toetsstof niet behandeld",
                         door=_user("mentor-noordgouw"), leerling=leerlingen[-1],
                         klager_soort="leerling", onderwerp_soort="medewerker",
                         beklaagde=Medewerker.objects.get(user__username="docent-noordgouw"),
                         omschrijving="De toets ging over hoofdstukken die niet behandeld zijn.",
                         op=date(2026, 11, 16), eerste_fase_gehad="Met de docent besproken.")
        if klacht is not None:
            _afronden(_user("teamleider-noordgouw"), klacht, date(2026, 11, 18),
                      "De afdelingsleider sprak met docent en leerling; de toets wordt "
                      "opnieuw afgenomen.", reactie="De leerling is tevreden.")


def klacht_regel(school, code):
    from statuut.selectors import statuut_op

    return statuut_op(school, date(2026, 10, 1)).beroepsregels.get(code=code)
