"""Reads for the klachten pages: querysets filtered by `dossiers.toegang`, already joined."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from dossiers import relaties, toegang
from dossiers.models import Leerling
from statuut.hulp import artikelverwijzing, vandaag
from statuut.models import Klachtfase, Orgaan, Rol, Schooljaar, Statuut, Termijn

from .models import (
    OPEN_KLACHTSTATUSSEN,
    Beroep,
    Commissiezaak,
    Geschillencommissie,
    Klacht,
    Klachtstap,
    Klachtstatus,
    Zetel,
)

# --- the statuut's stages ------------------------------------------------------------------


def artikel(fase_of_regel) -> str:
    """'art. 12 klachten 2'; a bijlage is cited as it is ('bijlage B 16')."""
    return artikelverwijzing(fase_of_regel.artikel, kort=True)


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
    if behandelaar in (Rol.MENTOR, Rol.TEAMLEIDER):
        van = relaties.mentoren_van if behandelaar == Rol.MENTOR else relaties.teamleiders_van
        medewerker = van(leerling, op).first()
        return medewerker.user if medewerker else None
    if behandelaar == Rol.DOCENT and beklaagde is not None:
        return beklaagde.user
    if behandelaar == Orgaan.GESCHILLENCOMMISSIE and secretaris is not None:
        return secretaris.user
    return None


def _is_beklaagde(klacht: Klacht, user) -> bool:
    return (user is not None and klacht.beklaagde_id is not None
            and klacht.beklaagde.user_id == user.pk)


def behandelaars_van(klacht: Klacht, fase: Klachtfase, op: date | None = None) -> list[str]:
    """The roles or bodies that act for `fase` of this complaint.

    The person complained about is a party and never handles their own complaint. A stage the
    statuut gives only to the docent, or whose handler would be the person complained about,
    is the complainant's own talk with that person (Echnaton art. 12 klachten 1, Noordgouw art.
    19.2): how it went, or that it did not come about, the pupil tells the handler of the next
    stage ("stelt de leerling zijn mentor op de hoogte", art. 12 klachten 2), who records it
    and takes the complaint on."""
    op = vandaag(op)
    eigen = []
    for behandelaar in fase.behandelaars:
        if behandelaar == Rol.DOCENT:
            continue
        if behandelaar in (Rol.MENTOR, Rol.TEAMLEIDER) and _is_beklaagde(
                klacht, behandelaar_user(behandelaar=behandelaar, school=klacht.school,
                                         leerling=klacht.leerling, op=op)):
            continue
        eigen.append(behandelaar)
    if eigen or fase.route != Klachtfase.Route.ALGEMEEN:
        return eigen or list(fase.behandelaars)
    volgende = fase_na(fase)
    if volgende is None or is_commissiefase(volgende) or is_klachtencommissie(volgende):
        return list(fase.behandelaars)
    return behandelaars_van(klacht, volgende, op)


def is_eigen_gesprek(fase: Klachtfase) -> bool:
    """The route's first stage without a term or a written complaint: the complainant's own
    talk with the teacher (Echnaton art. 12 klachten 1, Noordgouw art. 19.2, Wijzer)."""
    return (fase_voor(fase) is None and not fase.termijn_aantal and not fase.schriftelijk
            and fase.route == Klachtfase.Route.ALGEMEEN)


def is_gesprek_met_beklaagde(klacht: Klacht, fase: Klachtfase, op: date | None = None) -> bool:
    """Is this stage the complainant's own talk, recorded by the next stage's handler?"""
    return is_eigen_gesprek(fase) and behandelaars_van(klacht, fase, op) != list(
        fase.behandelaars)


def mag_fase_behandelen(user, klacht: Klacht, fase: Klachtfase, op: date | None = None) -> bool:
    """May `user` act for this stage of this complaint: as one of its behandelaars
    (`behandelaars_van`), in relation to the pupil (Noordgouw art. 19.2: the pupil's mentor or
    the afdelingsleider of the pupil's afdeling); the commission through this case's
    secretary? Never the person complained about."""
    if _is_beklaagde(klacht, user):
        return False
    zaak = Commissiezaak.objects.filter(klacht=klacht).select_related("commissie").first()
    return any(toegang.mag_behandelen(
        user, behandelaar=behandelaar, school=klacht.school, leerling=klacht.leerling,
        beklaagde_id=klacht.beklaagde_id,
        secretaris_id=zaak.commissie.secretaris_id if zaak else None, op=op)
        for behandelaar in behandelaars_van(klacht, fase, op))


def termijnrol(behandelaar: str) -> str:
    """The Rol that answers for a term when no person does (a body acts through directie)."""
    return behandelaar if behandelaar in Rol.values else Rol.DIRECTIE


def behandelaar_naam(behandelaar: str) -> str:
    if behandelaar in Rol.values:
        return str(Rol(behandelaar).label)
    return str(Orgaan(behandelaar).label)


def behandelaars_naam(fase: Klachtfase, klacht: Klacht | None = None) -> str:
    """'Mentor of Teamleider / afdelingsleider' for a stage with more than one handler (of
    this complaint, when given: see `behandelaars_van`)."""
    rollen = behandelaars_van(klacht, fase) if klacht is not None else fase.behandelaars
    return _(" of ").join(behandelaar_naam(b) for b in rollen)


def aan_zet(klacht: Klacht, op: date | None = None) -> str:
    """Who must act now on this open complaint, and on what: one Dutch sentence that every
    page of the complaint shows, so that nobody is left wondering why they have no form."""
    if not klacht.is_open:
        return ""
    fase = klacht.fase
    if klacht.status == Klachtstatus.FASE_AFGEROND:
        volgende = volgende_fasen(klacht)
        if klacht.route == Klachtfase.Route.VERTROUWELIJK:
            wie = _("de vertrouwenspersoon")
        else:
            wie = _("wie de klacht voor de klager behandelt (de mentor of teamleider van de "
                    "leerling, of de schoolleiding)")
        if not volgende:
            return _("De fase '%(f)s' is afgerond. De klager kiest nu of de klacht is "
                     "afgehandeld; %(w)s legt dat vast.") % {"f": fase.naam, "w": wie}
        return _("De fase '%(f)s' is afgerond. De klager kiest nu: de klacht afsluiten of "
                 "verder naar '%(v)s'; %(w)s legt die keuze vast.") % {
            "f": fase.naam, "v": volgende[0].naam, "w": wie}
    stap = next((s for s in klacht.stappen.all()
                 if s.fase_id == fase.pk and s.afgerond_op is None), None)
    persoon = stap.behandelaar if stap is not None else None
    rol = wie = behandelaars_naam(fase, klacht).lower()
    if persoon is not None:
        medewerker = getattr(persoon, "medewerker", None)
        wie = f"{wie} ({medewerker.naam if medewerker else persoon.get_username()})"
    if is_commissiefase(fase):
        zaak = getattr(klacht, "zaak", None) if hasattr(klacht, "zaak") else None
        wat = (_("de zitting (beide partijen gehoord)") if zaak is None or zaak.zitting_op is None
               else _("het advies van de commissie"))
        return _("Aan zet: de ambtelijk secretaris van de geschillencommissie%(n)s legt %(w)s "
                 "vast (bijlage B leden 9-17).") % {
            "n": f" ({persoon.medewerker.naam})" if persoon is not None
            and hasattr(persoon, "medewerker") else "", "w": wat}
    if is_gesprek_met_beklaagde(klacht, fase, op):
        volgende = fase_na(fase)
        return _("'%(f)s' is het eigen gesprek van de klager; degene over wie de klacht gaat "
                 "legt hier niets vast. Aan zet: %(w)s. De klager meldt hoe het gesprek ging, "
                 "of dat het niet tot stand kwam; de %(r)s legt dat vast en brengt de klacht "
                 "verder naar '%(v)s' (%(a)s).") % {
            "f": fase.naam, "w": wie, "r": rol, "v": volgende.naam if volgende else "",
            "a": artikel(volgende if volgende else fase)}
    art = artikel(fase)
    if behandelaars_van(klacht, fase, op) != list(fase.behandelaars):
        return _("Degene over wie de klacht gaat behandelt haar niet. Aan zet: %(w)s legt de "
                 "uitkomst van '%(f)s' vast%(a)s.") % {
            "w": wie, "f": fase.naam, "a": f" ({art})" if art else ""}
    return _("Aan zet: %(w)s legt de uitkomst van '%(f)s' vast%(a)s.") % {
        "w": wie, "f": fase.naam, "a": f" ({art})" if art else ""}


# --- pages ---------------------------------------------------------------------------------


def secretaris_scholen(user, *, op: date | None = None) -> list[int]:
    op = vandaag(op)
    return list(Geschillencommissie.objects.filter(
        relaties.huidig_schooljaar(op), secretaris__user=user,
    ).values_list("school_id", flat=True))


def overzicht_scholen(user, *, op: date | None = None):
    return toegang.klachtenoverzicht_scholen(user, secretaris_scholen=secretaris_scholen(
        user, op=op))


def zichtbare_klachten(user, *, op: date | None = None) -> QuerySet[Klacht]:
    return (toegang.klachten_voor(user, Klacht.objects.all(), op=op)
            .select_related("school", "fase", "leerling", "beklaagde"))


def open_klachten(user, *, school, op: date | None = None) -> list[Klacht]:
    """Open complaints of the school, overdue first, then by due date (no due date last)."""
    op = vandaag(op)
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
