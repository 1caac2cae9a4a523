"""Demo care cases at Echnaton and Noordgouw, called by `seed_demo` after the schools exist.

Each case is walked through the real services by the demo users (so the access policy,
the deadlines and the dossier entries are as a user would leave them), at today's date.
A pupil who already has a care case is skipped, so a second run adds nothing. A case the
policy refuses on this date (e.g. the demo's school year is over) is left out, not forced.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from dossiers.models import Groep, Leerling
from statuut import kalender
from statuut.models import School
from statuut.services import InvoerFout

from . import services
from .models import Zorgdossier


def _gebruiker(deel: str, school: School):
    return get_user_model().objects.filter(username=f"{deel}-{school.korte_naam}").first()


def _schooldag(school: School, na: int):
    """A school day `na` school days from today (evaluation and look-again dates)."""
    return kalender.plus_schooldagen(school, timezone.localdate(), na)


def _leerlingen(school: School) -> list[Leerling]:
    groep = (Groep.objects.filter(school=school, mentoren__user__username=f"mentor-"
                                  f"{school.korte_naam}").order_by("-schooljaar__begin").first())
    if groep is None:
        return []
    return list(Leerling.objects.filter(plaatsingen__groep=groep).order_by("leerlingnummer"))


def _signaal(leerling, door, categorieen, waarneming, *, dagen_geleden=2, bron="docent"):
    return services.signaal_melden(
        door=door, leerling=leerling, bron=bron, categorieen=categorieen,
        waarneming=waarneming, datum=timezone.localdate() - timedelta(days=dagen_geleden))


def _echnaton(school: School, leerlingen: list[Leerling]) -> None:
    docent, mentor = _gebruiker("docent", school), _gebruiker("mentor", school)
    zc = _gebruiker("zorgcoordinator", school)
    vandaag = timezone.localdate()
    gevallen = [
        # A fresh signal: the mentor's start page shows it, the deadline runs.
        lambda ll: _signaal(ll, docent, ["teruggetrokken", "leerproblemen"],
                            "Zit sinds de herfstvakantie stil achterin, levert geen huiswerk "
                            "meer in en zei 'het maakt toch niet uit'."),
        # Not confirmed: under observation with a date to look again.
        lambda ll: services.gesprek_vastleggen(
            door=mentor, zorgdossier=_signaal(ll, docent, ["verzuim"],
                                              "Drie keer te laat in twee weken.").zorgdossier,
            datum=vandaag, bevestigd=False, notitie="Herkent het niet; verslapen, zegt hij.",
            opnieuw_bekijken_op=_schooldag(school, 10)),
        # Referred to the zorgcoördinatoren: on their work list for the analysis.
        lambda ll: services.consultatie_vastleggen(
            door=mentor, zorgdossier=_signaal(
                ll, mentor, ["thuissituatie", "teruggetrokken"],
                "Vertelde na de les dat het thuis heel onrustig is.", bron="leerling",
            ).zorgdossier, datum=vandaag, aard_en_ernst="Ernstig: onveilige thuissituatie "
            "niet uitgesloten.", keuze="zorgcoordinatoren"),
    ]
    for leerling, geval in zip(leerlingen[2:5], gevallen, strict=False):
        if not Zorgdossier.objects.filter(leerling=leerling).exists():
            try:
                geval(leerling)
            except InvoerFout:
                continue
    # A case with a plan van aanpak, monitored by the zorgcoördinator.
    if len(leerlingen) > 5 and not Zorgdossier.objects.filter(leerling=leerlingen[5]).exists():
        try:
            zd = _signaal(leerlingen[5], docent, ["gepest"],
                          "Wordt in de pauze uitgelachen en geduwd.").zorgdossier
            services.gesprek_vastleggen(door=mentor, zorgdossier=zd, datum=vandaag,
                                        bevestigd=True, notitie="Bevestigt het pesten.")
            services.consultatie_vastleggen(door=zc, zorgdossier=zd, datum=vandaag,
                                            aard_en_ernst="Langdurig gepest.",
                                            keuze="zorgcoordinatoren")
            services.probleemanalyse_vastleggen(
                door=zc, zorgdossier=zd, gesprek_leerling_op=vandaag, gesprek_ouders_op=vandaag,
                analyse="Pesten in de klas sinds groep 1; weinig weerbaar.",
                zat_geraadpleegd=True, zat_deelnemers="schoolmaatschappelijk werk, jeugdarts",
                zat_advies="Weerbaarheidstraining via Jeugdformaat.",
                voor_mentor="Let in de pauzes op de groep; meld nieuwe incidenten.")
            services.traject_toevoegen(
                door=zc, zorgdossier=zd, soort="externe_hulp", organisatie="Jeugdformaat",
                doelen="Weerbaarder; voelt zich veilig in de klas.",
                wie_doet_wat="Jeugdformaat traint; mentor houdt de klas in de gaten.",
                evaluatiedata=[_schooldag(school, 15), _schooldag(school, 40)])
            services.plan_vaststellen(door=zc, zorgdossier=zd)
            services.terugkoppeling_vastleggen(
                door=zc, zorgdossier=zd, datum=vandaag, mentor=True, leerling=True,
                ouders=True, voor_mentor="Weerbaarheidstraining bij Jeugdformaat; eerste "
                "evaluatie over drie weken.")
        except InvoerFout:
            pass


def _noordgouw(school: School, leerlingen: list[Leerling]) -> None:
    mentor, docent = _gebruiker("mentor", school), _gebruiker("docent", school)
    vandaag = timezone.localdate()
    if len(leerlingen) < 3 or Zorgdossier.objects.filter(leerling=leerlingen[2]).exists():
        return
    try:
        zd = _signaal(leerlingen[2], docent, ["gedrag_klas"],
                      "Loopt weg uit de les en scheldt medeleerlingen uit.").zorgdossier
        services.gesprek_vastleggen(door=mentor, zorgdossier=zd, datum=vandaag, bevestigd=True,
                                    notitie="Erkent dat hij zich slecht voelt in de klas.")
        services.consultatie_vastleggen(door=mentor, zorgdossier=zd, datum=vandaag,
                                        aard_en_ernst="Licht tot matig.", keuze="mentor")
        services.oudercontact_vastleggen(door=mentor, zorgdossier=zd, datum=vandaag,
                                         wijze="telefoon", verslag="Moeder gebeld; afspraak "
                                         "over dagelijkse check-in bij de mentor.")
    except InvoerFout:
        pass


def demo_laden() -> None:
    for korte_naam, vullen in (("echnaton", _echnaton), ("noordgouw", _noordgouw)):
        school = School.objects.filter(korte_naam=korte_naam).first()
        if school is not None:
            vullen(school, _leerlingen(school))
