"""Reads for the klachten pages: querysets filtered by `dossiers.toegang`, already joined."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers import toegang
from dossiers.models import Groepsplaatsing, Leerling, Roltoewijzing
from statuut.models import Klachtfase, Orgaan, Rol, Schooljaar, Statuut, Termijn

from .models import (
    OPEN_KLACHTSTATUSSEN,
    Beroep,
    Commissiezaak,
    Geschillencommissie,
    Klacht,
    Klachtstap,
    Zetel,
)


def _vandaag(op: date | None) -> date:
    return op if op is not None else timezone.localdate()


# --- the statuut's stages ------------------------------------------------------------------


def fasen(statuut: Statuut, route: str) -> list[Klachtfase]:
    return list(statuut.klachtfasen.filter(route=route).order_by("volgorde", "pk"))


def is_commissiefase(fase: Klachtfase) -> bool:
    return Orgaan.GESCHILLENCOMMISSIE in fase.behandelaars


def is_klachtencommissie(fase: Klachtfase) -> bool:
    return Orgaan.KLACHTENCOMMISSIE in fase.behandelaars


def fase_na(fase: Klachtfase) -> Klachtfase | None:
    rij = fasen(fase.statuut, fase.route)
    i = [f.pk for f in rij].index(fase.pk)
    return rij[i + 1] if i + 1 < len(rij) else None


def fase_voor(fase: Klachtfase) -> Klachtfase | None:
    rij = fasen(fase.statuut, fase.route)
    i = [f.pk for f in rij].index(fase.pk)
    return rij[i - 1] if i > 0 else None


def is_uitspraakfase(fase: Klachtfase) -> bool:
    """The stage right after the commission: the ruling on its advice (bijlage B lid 18)."""
    vorige = fase_voor(fase)
    return vorige is not None and is_commissiefase(vorige)


def klachtencommissiefase(statuut: Statuut) -> Klachtfase | None:
    # In Python: a JSON list lookup is not portable to SQLite, and a statuut has few stages.
    return next((f for f in statuut.klachtfasen.all() if is_klachtencommissie(f)), None)


def volgende_fasen(klacht: Klacht) -> list[Klachtfase]:
    """Where the complainant may take the complaint after this stage: the next stage of the
    route; when the school's route is finished, the Landelijke Klachtencommissie (if the
    statuut names it)."""
    if is_klachtencommissie(klacht.fase):
        return []
    volgende = fase_na(klacht.fase)
    if volgende is not None:
        return [volgende]
    lkc = klachtencommissiefase(klacht.statuut)
    return [lkc] if lkc is not None and lkc.pk != klacht.fase_id else []


# --- who handles ---------------------------------------------------------------------------


def huidige_groep(leerling: Leerling, op: date):
    plaatsing = (Groepsplaatsing.objects.filter(
        leerling=leerling, groep__schooljaar__begin__lte=op, groep__schooljaar__eind__gte=op)
        .select_related("groep").first())
    return plaatsing.groep if plaatsing else None


def commissie_van(school, op: date) -> Geschillencommissie | None:
    jaar = Schooljaar.objects.filter(begin__lte=op, eind__gte=op).first()
    if jaar is None:
        return None
    return (Geschillencommissie.objects.filter(school=school, schooljaar=jaar)
            .select_related("secretaris__user", "schooljaar", "voorzitter").first())


def commissie_in(school, schooljaar: str) -> Geschillencommissie | None:
    """The commission of a school year by its name ('2026-2027')."""
    return (Geschillencommissie.objects.filter(school=school, schooljaar__naam=schooljaar)
            .select_related("secretaris__user", "schooljaar", "voorzitter").first())


def behandelaar_user(*, behandelaar: str, school, leerling: Leerling, beklaagde=None,
                     op: date, secretaris=None):
    """The person who answers for a stage or a beroep, when the data names one: the pupil's
    mentor, the teamleider of the pupil's afdeling, the person complained about, the
    commission's secretary. None: the role at the school answers (directie, ...)."""
    if behandelaar == Rol.MENTOR:
        groep = huidige_groep(leerling, op)
        mentor = groep.mentoren.select_related("user").first() if groep else None
        return mentor.user if mentor else None
    if behandelaar == Rol.TEAMLEIDER:
        groep = huidige_groep(leerling, op)
        if groep is None or groep.afdeling_id is None:
            return None
        rt = (Roltoewijzing.objects.filter(school=school, rol=Rol.TEAMLEIDER,
                                           afdeling_id=groep.afdeling_id)
              .select_related("medewerker__user").first())
        return rt.medewerker.user if rt else None
    if behandelaar == Rol.DOCENT and beklaagde is not None:
        return beklaagde.user
    if behandelaar == Orgaan.GESCHILLENCOMMISSIE and secretaris is not None:
        return secretaris.user
    return None


def mag_fase_behandelen(user, klacht: Klacht, fase: Klachtfase, op: date | None = None) -> bool:
    """May `user` act for this stage of this complaint: as one of its behandelaars, in
    relation to the pupil (Noordgouw art. 19.2: the pupil's mentor or the afdelingsleider of
    the pupil's afdeling); the commission through this case's secretary?"""
    zaak = Commissiezaak.objects.filter(klacht=klacht).select_related("commissie").first()
    return any(toegang.mag_behandelen(
        user, behandelaar=behandelaar, school=klacht.school, leerling=klacht.leerling,
        beklaagde_id=klacht.beklaagde_id,
        secretaris_id=zaak.commissie.secretaris_id if zaak else None, op=op)
        for behandelaar in fase.behandelaars)


def termijnrol(behandelaar: str) -> str:
    """The Rol that answers for a term when no person does (a body acts through directie)."""
    return behandelaar if behandelaar in Rol.values else Rol.DIRECTIE


def behandelaar_naam(behandelaar: str) -> str:
    if behandelaar in Rol.values:
        return str(Rol(behandelaar).label)
    return str(Orgaan(behandelaar).label)


def behandelaars_naam(fase: Klachtfase) -> str:
    """'Mentor of Teamleider / afdelingsleider' for a stage with more than one handler."""
    return _(" of ").join(behandelaar_naam(b) for b in fase.behandelaars)


# --- pages ---------------------------------------------------------------------------------


def secretaris_scholen(user, *, op: date | None = None) -> list[int]:
    op = _vandaag(op)
    return list(Geschillencommissie.objects.filter(
        secretaris__user=user, schooljaar__begin__lte=op, schooljaar__eind__gte=op,
    ).values_list("school_id", flat=True))


def overzicht_scholen(user, *, op: date | None = None):
    return toegang.klachtenoverzicht_scholen(user, secretaris_scholen=secretaris_scholen(
        user, op=op))


def zichtbare_klachten(user, *, op: date | None = None) -> QuerySet[Klacht]:
    return (toegang.klachten_voor(user, Klacht.objects.all(), op=op)
            .select_related("school", "fase", "leerling", "beklaagde"))


def open_klachten(user, *, school, op: date | None = None) -> list[Klacht]:
    """Open complaints of the school, overdue first, then by due date (no due date last)."""
    op = _vandaag(op)
    klachten = list(zichtbare_klachten(user, op=op).filter(
        school=school, status__in=OPEN_KLACHTSTATUSSEN).prefetch_related(
        Prefetch("stappen", queryset=Klachtstap.objects.select_related("termijn"),
                 to_attr="alle_stappen")))
    for k in klachten:
        stap = next((s for s in reversed(k.alle_stappen) if s.fase_id == k.fase_id), None)
        k.lopende_termijn = stap.termijn if stap and stap.afgerond_op is None else None
        k.vervaldatum = k.lopende_termijn.vervaldatum if k.lopende_termijn else None
        k.te_laat = k.vervaldatum is not None and k.vervaldatum < op
    klachten.sort(key=lambda k: (not k.te_laat, k.vervaldatum or date.max, k.pk))
    return klachten


def klacht_detail(user, pk: int) -> Klacht | None:
    return (zichtbare_klachten(user).select_related("statuut", "ingediend_door__medewerker")
            .prefetch_related(
                Prefetch("stappen", queryset=Klachtstap.objects.select_related(
                    "fase", "termijn", "behandelaar__medewerker", "afgerond_door__medewerker")),
                "verweren__door__medewerker", "mede_klagers")
            .filter(pk=pk).first())


def zetels(zaak) -> list[Zetel]:
    return list(zaak.zetels.select_related("lid", "bezet_door", "lid__plaatsvervanger"))


def open_termijn(klacht: Klacht) -> Termijn | None:
    stap = klacht.stappen.filter(fase=klacht.fase, afgerond_op__isnull=True).first()
    return stap.termijn if stap else None


def zichtbare_beroepen(user, *, op: date | None = None) -> QuerySet[Beroep]:
    return (toegang.beroepen_voor(user, Beroep.objects.all(), op=op)
            .select_related("school", "regel", "leerling", "termijn", "maatregel_stuk"))


def maatregelen_van(user, leerling: Leerling) -> list[tuple[int, str]]:
    """The pupil's measures the user may see: for now the newest version of each entry in
    section gedrag (a sancties Maatregel later)."""
    from statuut.models import Dossiersectie

    stukken = (toegang.dossierstukken_voor(user, leerling)
               .filter(sectie=Dossiersectie.GEDRAG, verwijderd_op__isnull=True,
                       addenda__isnull=True).order_by("-datum", "-pk"))
    return [(s.pk, f"{s.datum:%d-%m-%Y} {s.titel}") for s in stukken]


def openbare_adviezen(user, *, school, schooljaar: Schooljaar) -> list[Commissiezaak]:
    """The year's public advices of the school's commission, newest first (bijlage B lid
    15); what the page shows of them carries no names."""
    zaken = Commissiezaak.objects.filter(commissie__schooljaar=schooljaar)
    return list(toegang.openbare_adviezen(user, zaken, school)
                .select_related("klacht", "commissie__schooljaar")
                .order_by("-advies_op", "-pk"))


def delingen(klacht: Klacht) -> list:
    """Who the vertrouwenspersoon shared the report with, and the withdrawn shares."""
    return list(klacht.delingen.select_related(
        "met__medewerker", "gedeeld_door__medewerker", "ingetrokken_door__medewerker"))
