"""Reads of a school's calendar for display: vacations in force and free days of a year."""

from dataclasses import dataclass
from datetime import date

from . import kalender
from .hulp import schooljaar_grenzen
from .models import RegioVakantie, School, SchoolVakantie, Vakantiesoort, VrijeDag, Zekerheid


@dataclass
class Kalenderregel:
    wat: str
    eerste_dag: date
    laatste_dag: date
    bron: str
    controleren: bool = False


def kalenderoverzicht(school: School, schooljaar: str) -> tuple[list[Kalenderregel], list[str]]:
    """The vacations and free days of a school year as the calendar uses them, and which
    vacations are missing (so the page can say the year is not yet usable)."""
    regels: list[Kalenderregel] = []
    eigen = {v.soort: v for v in SchoolVakantie.objects.filter(school=school,
                                                               schooljaar=schooljaar)}
    regio = {v.soort: v for v in RegioVakantie.objects.filter(regio=school.regio,
                                                             schooljaar=schooljaar)}
    ontbreekt = []
    for soort in Vakantiesoort:
        if soort in eigen:
            v = eigen[soort]
            regels.append(Kalenderregel(soort.label, v.eerste_dag, v.laatste_dag,
                                        "rooster van de school"))
        elif soort in regio:
            v = regio[soort]
            regels.append(Kalenderregel(soort.label, v.eerste_dag, v.laatste_dag,
                                        f"advies regio {school.regio}: {v.bron}",
                                        controleren=v.status != Zekerheid.CONFIRMED))
        else:
            ontbreekt.append(soort.label)
    begin, eind = schooljaar_grenzen(schooljaar)
    for vrij in VrijeDag.objects.filter(school=school, laatste_dag__gte=begin,
                                        eerste_dag__lte=eind):
        regels.append(Kalenderregel(vrij.omschrijving, vrij.eerste_dag, vrij.laatste_dag,
                                    "vrije dag van de school"))
    for jaar in (begin.year, eind.year):
        for dag, naam in kalender.feestdagen_van_school(school, jaar).items():
            if begin <= dag <= eind:
                regels.append(Kalenderregel(naam, dag, dag, "feestdag"))
    regels.sort(key=lambda r: r.eerste_dag)
    return regels, ontbreekt
