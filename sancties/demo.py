"""Demo cases for the sancties flow, added by `seed_demo` (idempotent: a pupil that already
has a measure gets nothing new). Made through the services, on today's date, so the demo
shows the flow as a user would have left it:

- Echnaton: `teamleider-echnaton` has heard a pupil about a one-day schorsing and can decide;
  and has proposed another pupil's verwijdering with an ontzegging van de toegang (art. 8.3)
  that the schoolleiding (`directeur-echnaton`) hears and decides;
- Noordgouw: a two-day schorsing decided and made known, to be reported to the inspectie;
  and a verwijdering being prepared;
- Wijzer: a time-out approved by `directeur-wijzer`, parents phoned, the talk to plan.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from dossiers.models import Leerling
from statuut import kalender
from statuut.models import School
from statuut.services import InvoerFout

from . import services, timeout, verwijdering
from .models import Schorsing, TimeOut, Verwijdering

logger = logging.getLogger(__name__)


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _leerling(school: School, nummer: str) -> Leerling | None:
    return Leerling.objects.filter(school=school, leerlingnummer=nummer).first()


def _heeft_maatregel(leerling: Leerling) -> bool:
    return (Schorsing.objects.filter(leerling=leerling).exists()
            or TimeOut.objects.filter(leerling=leerling).exists()
            or Verwijdering.objects.filter(leerling=leerling).exists())


def _schorsing_tot_gehoord(door, leerling, grond: str, dagen: int, hoorders) -> Schorsing:
    vandaag = timezone.localdate()
    eerste = kalender.plus_schooldagen(leerling.school, vandaag, 2)
    s = services.schorsing_voorstellen(
        door=door, leerling=leerling, gronden=[grond], ernst="ernstig",
        feiten="Vechtpartij op het schoolplein in de grote pauze; een medeleerling raakte "
               "gewond.", eerste_dag=eerste, schooldagen=dagen)
    services.hoorgesprek_plannen(door=door, schorsing=s, op=timezone.now(),
                                 plaats="kamer van de teamleider")
    return services.hoorgesprek_vastleggen(
        door=door, schorsing=s, gehoord_op=vandaag, gehoord_door=hoorders,
        ouders_aanwezig=True, verslag="De leerling erkent de vechtpartij; de ouders waren "
                                      "aanwezig en begrijpen de maatregel.")


def _echnaton() -> None:
    school = School.objects.filter(korte_naam="echnaton").first()
    teamleider = _user("teamleider-echnaton")
    leerling = school and _leerling(school, "260001")
    if not (leerling and teamleider) or _heeft_maatregel(leerling):
        return
    _schorsing_tot_gehoord(teamleider, leerling, "Agressief gedrag of vechten", 1, [teamleider])


def _echnaton_ontzegging() -> None:
    school = School.objects.filter(korte_naam="echnaton").first()
    teamleider = _user("teamleider-echnaton")
    leerling = school and _leerling(school, "260002")
    if not (leerling and teamleider) or _heeft_maatregel(leerling):
        return
    verwijdering.verwijdering_voorstellen(
        door=teamleider, leerling=leerling, gronden=["Drugshandel"], didactisch=False,
        motivering="Betrapt op de verkoop van drugs in de aula, na eerdere waarschuwingen en "
                   "een weekschorsing.")
    services.schorsing_voorstellen(
        door=teamleider, leerling=leerling, gronden=["Drugshandel"], ernst="zeer_ernstig",
        feiten="Verkocht op 20 november in de aula drugs aan medeleerlingen.",
        eerste_dag=kalender.plus_schooldagen(school, timezone.localdate(), 2), schooldagen=10,
        ontzegging=True)


def _noordgouw() -> None:
    school = School.objects.filter(korte_naam="noordgouw").first()
    directeur, teamleider = _user("directeur-noordgouw"), _user("teamleider-noordgouw")
    leerling = school and _leerling(school, "260002")
    if leerling and directeur and teamleider and not _heeft_maatregel(leerling):
        grond = school.statuten.order_by("-ingangsdatum").first().schorsing_gronden[0]
        s = _schorsing_tot_gehoord(teamleider, leerling, grond, 2, [teamleider, directeur])
        s = services.schorsing_besluiten(
            door=directeur, schorsing=s, eerste_dag=s.eerste_dag, schooldagen=2,
            motivering="Filmen en verspreiden van beelden van een medeleerling zonder "
                       "toestemming (art. 11.5 lid 6).",
            opdrachten="Werk uit de studiewijzer; de toets geschiedenis haalt hij in.")
        # The letter is made after commit; the directeur makes it known from the page.
    tweede = school and _leerling(school, "260003")
    if tweede and directeur and teamleider and not _heeft_maatregel(tweede):
        statuut = school.statuten.order_by("-ingangsdatum").first()
        v = verwijdering.verwijdering_voorstellen(
            door=directeur, leerling=tweede, gronden=[statuut.verwijdering_gronden[1]],
            didactisch=False, motivering="Herhaalde ernstige incidenten ondanks time-outs, "
                                         "twee schorsingen en begeleiding door de "
                                         "zorgcoördinator.")
        # Art. 25.3a: directielid, afdelingsleider and a zorgcoördinator hear the pupil.
        hoorders = [u for u in (directeur, teamleider, _user("zorgcoordinator-noordgouw")) if u]
        verwijdering.stap_vastleggen(door=directeur, verwijdering=v, stap="leerling_gehoord",
                                     datum=timezone.localdate(), ouders_aanwezig=True,
                                     gehoord_door=hoorders,
                                     verslag="Leerling en ouders gehoord door directielid, "
                                             "afdelingsleider en zorgcoördinator.")


def _wijzer() -> None:
    school = School.objects.filter(korte_naam="wijzer").first()
    mentor, directeur = _user("mentor-wijzer"), _user("directeur-wijzer")
    leerling = school and _leerling(school, "260001")
    if not (leerling and mentor and directeur) or _heeft_maatregel(leerling):
        return
    t = timeout.time_out_voorstellen(door=mentor, leerling=leerling,
                                     incident="Gooide in de klas een stoel naar een "
                                              "klasgenoot.",
                                     motivering="De veiligheid van de groep vraagt dat de "
                                                "leerling de rest van de dag naar huis gaat.")
    timeout.time_out_goedkeuren(door=directeur, time_out=t, goedgekeurd=True)
    timeout.ouders_informeren(door=directeur, time_out=t,
                              telefoonnotitie="Moeder gebeld; zij haalt haar kind om 11 uur "
                                              "op en komt graag praten.")


def demo_laden() -> None:
    for geval in (_echnaton, _echnaton_ontzegging, _noordgouw, _wijzer):
        try:
            with transaction.atomic():
                geval()
        except (InvoerFout, kalender.KalenderOnbekend) as fout:
            # e.g. the demo loaded on a day outside the calendar: leave the case out.
            logger.warning("Sancties-demo %s overgeslagen: %s", geval.__name__, fout)
