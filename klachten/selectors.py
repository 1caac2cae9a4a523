"""Reads for the klachten pages: querysets filtered by the complaints' policy
(`klachten.toegang`) and `dossiers.toegang`, already joined."""

from __future__ import annotations

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from dossiers import dossier, maatregelen, relaties, toegang
from dossiers.brieven.services import datum_nl
from dossiers.models import Leerling
from statuut.hulp import artikelverwijzing, vandaag
from statuut.models import Bevoegdheid, Klachtfase, Orgaan, Rol, Schooljaar, Statuut, Termijn

from . import toegang as klachten_toegang
from .models import (
    OPEN_KLACHTSTATUSSEN,
    Beroep,
    Beroepstatus,
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


fase_houders = klachten_toegang.fase_houders


def is_commissiefase(fase: Klachtfase) -> bool:
    """The stage the statuut gives to the geschillencommissie (its rows name that body)."""
    return klachten_toegang.COMMISSIE in fase_houders(fase)


def is_klachtencommissie(fase: Klachtfase) -> bool:
    """The referral to the Landelijke Klachtencommissie (its rows name that body)."""
    return Orgaan.KLACHTENCOMMISSIE in fase_houders(fase)


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
    codes = Bevoegdheid.objects.filter(statuut=statuut, actie=klachten_toegang.FASE_AFHANDELEN,
                                       rol=Orgaan.KLACHTENCOMMISSIE).values("voor")
    return statuut.klachtfasen.filter(code__in=codes).order_by("volgorde", "pk").first()


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


def behandelaar_user(*, behandelaar: str, leerling: Leerling, op: date, secretaris=None):
    """The person who answers for a stage or a beroep, when the data names one: for a role
    held in a relation to the pupil (mentor, the teamleider of the pupil's afdeling) the
    first in it; the commission's secretary. None: the role at the school answers."""
    if behandelaar == klachten_toegang.COMMISSIE:
        return secretaris.user if secretaris is not None else None
    return klachten_toegang.persoon_in_relatie(behandelaar, leerling, op)


def _is_beklaagde(klacht: Klacht, user) -> bool:
    return (user is not None and klacht.beklaagde_id is not None
            and klacht.beklaagde.user_id == user.pk)


def _handelend(klacht: Klacht, fase: Klachtfase, op: date) -> tuple[Klachtfase, list[str]]:
    """The stage whose handlers act for `fase` of this complaint, and those handlers (see
    `behandelaars_van`)."""
    eigen = fase_houders(fase)
    if klacht.beklaagde_id is not None:
        eigen = [houder for houder in eigen if not _is_beklaagde(klacht, behandelaar_user(
            behandelaar=houder, leerling=klacht.leerling, op=op))]
    if eigen or fase.route != Klachtfase.Route.ALGEMEEN:
        return fase, eigen or list(fase_houders(fase))
    volgende = fase_na(fase)
    if volgende is None or is_commissiefase(volgende) or is_klachtencommissie(volgende):
        return fase, list(fase_houders(fase))
    return _handelend(klacht, volgende, op)


def behandelaars_van(klacht: Klacht, fase: Klachtfase, op: date | None = None) -> list[str]:
    """The roles or bodies that act for `fase` of this complaint (the statuut's rows,
    `klacht.fase_afhandelen`).

    The person complained about is a party and never handles their own complaint. A stage
    without a handler of its own (the talk with the docent: the statuut names only whom the
    complainant talks with, `klacht.gesprek_voeren`), or whose handler would be the person
    complained about, is the complainant's own talk with that person (Echnaton art. 12
    klachten 1, Noordgouw art. 19.2): how it went, or that it did not come about, the pupil
    tells the handler of the next stage ("stelt de leerling zijn mentor op de hoogte", art.
    12 klachten 2), who records it and takes the complaint on."""
    return _handelend(klacht, fase, vandaag(op))[1]


def is_eigen_gesprek(fase: Klachtfase) -> bool:
    """The route's first stage without a term or a written complaint: the complainant's own
    talk with the teacher (Echnaton art. 12 klachten 1, Noordgouw art. 19.2, Wijzer)."""
    return (fase_voor(fase) is None and not fase.termijn_aantal and not fase.schriftelijk
            and fase.route == Klachtfase.Route.ALGEMEEN)


def is_gesprek_met_beklaagde(klacht: Klacht, fase: Klachtfase, op: date | None = None) -> bool:
    """Is this stage the complainant's own talk, recorded by the next stage's handler?"""
    return is_eigen_gesprek(fase) and behandelaars_van(klacht, fase, op) != fase_houders(fase)


def mag_fase_behandelen(user, klacht: Klacht, fase: Klachtfase, op: date | None = None) -> bool:
    """May `user` act for this stage of this complaint: as one of its behandelaars
    (`behandelaars_van`), under the statuut the complaint runs under, a role held "for own
    pupils" only in its relation to the pupil on `op` (Noordgouw art. 19.2: the pupil's
    mentor or the afdelingsleider of the pupil's afdeling); the commission through this
    case's secretary? Never the person complained about."""
    if _is_beklaagde(klacht, user):
        return False
    op = vandaag(op)
    bron, houders = _handelend(klacht, fase, op)
    zaak = (Commissiezaak.objects.filter(klacht=klacht).select_related("commissie").first()
            if klachten_toegang.COMMISSIE in houders else None)
    return any(klachten_toegang.mag_als(
        user, houder, actie=klachten_toegang.FASE_AFHANDELEN, voor=bron.code,
        leerling=klacht.leerling, statuut=klacht.statuut,
        commissie=zaak.commissie if zaak else None, op=op) for houder in houders)


def termijnrol(statuut: Statuut, behandelaar: str) -> str:
    """The Rol that answers for a term when no person does (a body: the first role the
    statuut names for it)."""
    return next(iter(klachten_toegang.rollen_van_houder(statuut, behandelaar)), "")


def behandelaar_naam(behandelaar: str) -> str:
    """A role's or body's Dutch name ("" for none: a statuut that names no handler)."""
    if behandelaar in Rol.values:
        return str(Rol(behandelaar).label)
    return str(Orgaan(behandelaar).label) if behandelaar in Orgaan.values else behandelaar


def beroep_bij_naam(regel) -> str:
    """Who decides on a beroep or bezwaar of `regel`, as the statuut's rows name them."""
    return _(" of ").join(behandelaar_naam(b) for b in klachten_toegang.beroep_houders(regel))


def behandelaars_naam(fase: Klachtfase, klacht: Klacht | None = None) -> str:
    """'Mentor of Teamleider / afdelingsleider' for a stage with more than one handler (of
    this complaint, when given: see `behandelaars_van`)."""
    rollen = behandelaars_van(klacht, fase) if klacht is not None else fase_houders(fase)
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
    if behandelaars_van(klacht, fase, op) != fase_houders(fase):
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


def overzicht_scholen(user, *, op: date | None = None, rechten=None):
    return klachten_toegang.klachtenoverzicht_scholen(
        user, secretaris_scholen=secretaris_scholen(user, op=op), op=op, rechten=rechten)


def zichtbare_klachten(user, *, op: date | None = None, rechten=None) -> QuerySet[Klacht]:
    return (klachten_toegang.klachten_voor(user, Klacht.objects.all(), op=op, rechten=rechten)
            .select_related("school", "fase", "leerling", "beklaagde"))


def open_klachten(user, *, school, op: date | None = None, rechten=None) -> list[Klacht]:
    """Open complaints of the school, overdue first, then by due date (no due date last)."""
    op = vandaag(op)
    klachten = list(zichtbare_klachten(user, op=op, rechten=rechten).filter(
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


def zichtbare_klacht(user, pk: int) -> QuerySet[Klacht]:
    """The one complaint `pk` if `user` has business with it: the sight filter asked of that
    row only (the same answer as `zichtbare_klachten(user).filter(pk=pk)`, without matching
    every complaint first). Its statuut version is not joined: `met_statuut`."""
    return (klachten_toegang.klachten_voor(user, Klacht.objects.filter(pk=pk))
            .select_related("school", "fase", "leerling", "beklaagde"))


def met_statuut(klacht: Klacht | None) -> Klacht | None:
    """The complaint with its statuut version from the policy's kept rules (one of some 190
    columns that a join would read and build again on every step)."""
    if klacht is not None and klacht.statuut_id is not None:
        klacht.statuut = toegang.statuut_met_pk(klacht.statuut_id)
    return klacht


def klacht_voor_stap(user, pk: int) -> Klacht | None:
    """`zichtbare_klacht` for a step: the complaint itself, without the page's timeline."""
    return met_statuut(zichtbare_klacht(user, pk).first())


def klacht_detail(user, pk: int) -> Klacht | None:
    return met_statuut(
        zichtbare_klacht(user, pk).select_related("ingediend_door__medewerker")
        .prefetch_related(
            Prefetch("stappen", queryset=Klachtstap.objects.select_related(
                "fase", "termijn", "behandelaar__medewerker", "afgerond_door__medewerker")),
            "verweren__door__medewerker", "mede_klagers")
        .first())


def zetels(zaak) -> list[Zetel]:
    return list(zaak.zetels.select_related("lid", "bezet_door", "lid__plaatsvervanger"))


def open_termijn(klacht: Klacht) -> Termijn | None:
    stap = klacht.stappen.filter(fase=klacht.fase, afgerond_op__isnull=True).first()
    return stap.termijn if stap else None


def zichtbare_beroepen(user, *, op: date | None = None, rechten=None) -> QuerySet[Beroep]:
    return (klachten_toegang.beroepen_voor(user, Beroep.objects.all(), op=op, rechten=rechten)
            .select_related("school", "regel", "leerling", "termijn", "maatregel_stuk",
                            "maatregel_soort"))


def _maatregelsoorten() -> list[ContentType]:
    return list(ContentType.objects.get_for_models(*maatregelen.maatregelmodellen()).values())


def maatregelen_van(user, leerling: Leerling) -> list[tuple[int, str]]:
    """The pupil's measures that exist only as a dossier entry (section gedrag, the newest
    version of each, the daily measures until they are objects of their own) the user may
    see. An entry of a registered measure is offered as that measure (`maatregelobjecten`)."""
    from statuut.models import Dossiersectie

    stukken = (toegang.dossierstukken_voor(user, leerling)
               .filter(sectie=Dossiersectie.GEDRAG, verwijderd_op__isnull=True,
                       addenda__isnull=True).order_by("-datum", "-pk"))
    if soorten := _maatregelsoorten():
        stukken = stukken.exclude(bron_type__in=soorten)
    return [(s.pk, f"{s.datum:%d-%m-%Y} {s.titel}") for s in stukken]


def maatregel_sleutel(maatregel) -> str:
    """How a form names a measure object: '<content type>-<pk>'."""
    return f"{ContentType.objects.get_for_model(maatregel).pk}-{maatregel.pk}"


def maatregel_uit_sleutel(sleutel: str):
    """The registered measure a form's value names, or None."""
    soort_id, _streep, pk = (sleutel or "").partition("-")
    if not (soort_id.isascii() and soort_id.isdigit() and pk.isascii() and pk.isdigit()
            and len(soort_id) < 10 and len(pk) < 19):
        return None
    soort = ContentType.objects.filter(pk=int(soort_id)).first()
    model = soort.model_class() if soort is not None else None
    if model is None or model not in maatregelen.maatregelmodellen():
        return None
    return model._default_manager.filter(pk=int(pk)).first()


def maatregel_zichtbaar(user, maatregel, leerling: Leerling, *, op: date | None = None) -> bool:
    """The user may read at least one entry of the measure's decision (its dossier entries
    and its letters')."""
    return toegang.dossierstukken_voor(user, leerling, op=op).filter(
        pk__in=dossier.stukken_van_besluit(maatregel).values("pk")).exists()


def omschrijving(maatregel) -> str:
    soort = maatregelen.type_van(maatregel)
    return soort.omschrijving(maatregel) if soort is not None else str(maatregel)


def maatregelobjecten(user, leerling: Leerling) -> list[tuple[str, str]]:
    """The pupil's registered measures (a schorsing, a time-out, ...) the user may see and
    the statuut gives a beroep against, for the form: ('<type>-<pk>', description)."""
    uit = []
    for model in maatregelen.maatregelmodellen():
        for maatregel in model._default_manager.filter(leerling=leerling):
            soort = maatregelen.type_van(maatregel)
            if (any(r.soort == "beroep" for r in soort.rechtsmiddelen(maatregel))
                    and maatregel_zichtbaar(user, maatregel, leerling)):
                uit.append((maatregel_sleutel(maatregel), omschrijving(maatregel)))
    return uit


def lopende_beroepen(maatregel) -> list[str]:
    """The beroepen running on `maatregel` (registered as a remedy kind: one remedy at a
    time, `dossiers.maatregelen.lopende_rechtsmiddelen`)."""
    soort = ContentType.objects.get_for_model(maatregel)
    return [_("beroep %(k)s (ingesteld op %(d)s)") % {"k": b.kenmerk,
                                                      "d": datum_nl(b.ingediend_op)}
            for b in Beroep.objects.filter(maatregel_soort=soort, maatregel_id=maatregel.pk,
                                           status=Beroepstatus.INGEDIEND).order_by("pk")]


def openbare_adviezen(user, *, school, schooljaar: Schooljaar) -> list[Commissiezaak] | None:
    """The year's public advices of the school's commission, newest first (bijlage B lid
    15); what the page shows of them carries no names. None: `user` may not read them."""
    zaken = Commissiezaak.objects.filter(commissie__schooljaar=schooljaar)
    zichtbaar = klachten_toegang.openbare_adviezen(user, zaken, school)
    if zichtbaar is None:
        return None
    return list(zichtbaar.select_related("klacht", "commissie__schooljaar")
                .order_by("-advies_op", "-pk"))


def delingen(klacht: Klacht) -> list:
    """Who the vertrouwenspersoon shared the report with, and the withdrawn shares."""
    return list(klacht.delingen.select_related(
        "met__medewerker", "gedeeld_door__medewerker", "ingetrokken_door__medewerker"))
