"""Reminders and escalation for deadlines (statuut.Termijn), swept each school morning.

Exactly once, as far as e-mail allows: every reminder is one `Herinnering` row, unique per
(deadline, kind, recipient). The sweep is set-based (issue 15): one query finds the
(deadline, stage) pairs due without a reminder of that stage, the recipients of all of them
are read in a fixed number of queries, and the missing rows are inserted in bulk (a second
sweep, a redelivered sweep or a second beat inserts nothing new). Each unsent row goes by id,
after commit, to `herinnering_versturen`, which locks the row, sends, and marks it sent in
one transaction.
A worker that dies before the e-mail leaves rolls the claim back and the redelivered task
sends it; only a death in the milliseconds between the SMTP hand-off and the commit can
repeat one. Unsent rows (a lost task) are picked up by the next
sweep, so nothing is lost.

Lives in `dossiers`, not `statuut`, because recipients and "the one above" come from the
staff roles (`Roltoewijzing`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from datetime import date, timedelta

from celery import shared_task
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from statuut import kalender, kalenderhaken
from statuut.models import (
    Eenheid,
    Herinnering,
    Herinneringsoort,
    Rol,
    School,
    Termijn,
    Termijnstatus,
)

from . import relaties, toegang
from .models import Leerling, Roltoewijzing
from .toegang import geheugen

logger = logging.getLogger(__name__)

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

#: Who is above whom when a deadline is missed is statuut data: rows of this action, `voor`
#: the role that missed it, `rol` the one above (in the pupil's relation where the row says
#: so: the pupil's own teamleider). No row: nobody above (the directie).
ESCALATIE_ACTIE = "termijn.escalatie_ontvangen"
#: When someone responsible by name has several roles, the one a deadline is most likely
#: theirs in (first match wins).
ROLVOLGORDE = [Rol.MENTOR, Rol.DOCENT, Rol.ZORGCOORDINATOR, Rol.TEAMLEIDER, Rol.ADMINISTRATIE,
               Rol.DECAAN, Rol.REMEDIAL_TEACHER, Rol.VERTROUWENSPERSOON, Rol.DIRECTIE]


def _met_rol(school_id: int, rol: str, afdeling_id: int | None = None) -> list:
    qs = Roltoewijzing.objects.filter(school_id=school_id, rol=rol,
                                      medewerker__user__is_active=True)
    if afdeling_id is not None:
        qs = qs.filter(afdeling_id=afdeling_id)
    return [t.medewerker.user for t in qs.select_related("medewerker__user")]


def verantwoordelijken(termijn: Termijn) -> list:
    if termijn.verantwoordelijke_id:
        return [termijn.verantwoordelijke]
    if termijn.verantwoordelijke_rol:
        return _met_rol(termijn.school_id, termijn.verantwoordelijke_rol)
    return []


# --- The morning sweep, set-based ----------------------------------------------------------
#
# A deadline passes through at most three stages on school mornings: two school days before
# (`vooraf`), on the day (`vandaag`) and after it (`verlopen`: the responsible person and the
# one above them). One query per run finds the (deadline, stage) pairs that are due and
# have no reminder of that stage yet (NOT EXISTS on Herinnering); only those are looked at,
# with the recipients of all of them worked out in a fixed number of queries per school
# and per recipient, and the rows inserted in bulk (ON CONFLICT DO NOTHING on the
# unique constraint: a second sweep or a second beat inserts nothing). Sending is handed
# to the task queue by ids after commit. Nothing due: a handful of queries in all.

#: The stage of a deadline on a school morning and the reminder kinds it sends.
STADIA: dict[str, tuple[str, ...]] = {
    Herinneringsoort.VOORAF: (Herinneringsoort.VOORAF,),
    Herinneringsoort.VANDAAG: (Herinneringsoort.VANDAAG,),
    Herinneringsoort.VERLOPEN: (Herinneringsoort.VERLOPEN, Herinneringsoort.ESCALATIE),
}
OPEN_STATUSSEN = (Termijnstatus.OPEN, Termijnstatus.VERLOPEN)
#: Reminders per sending task (each reminder still in its own locked transaction).
PER_TAAK = 50


def _voorafvenster(school, op: date) -> tuple[date, date] | None:
    """The due dates two or one school days after `op`: [first school day after `op`, third
    school day after `op`), so a deadline in a weekend or a vacation counts like the old
    `1 <= schooldagen_tussen(op, vervaldatum) <= 2`. Without calendar data that far: the
    part that is known."""
    grenzen = []
    for n in (1, 2, 3):
        try:
            grenzen.append(kalender.plus_schooldagen(school, op, n))
        except kalender.KalenderOnbekend as exc:
            logger.warning("Herinneringen vooraf voor %s beperkt: %s", school, exc)
            break
    if not grenzen:
        return None
    if len(grenzen) == 3:
        return grenzen[0], grenzen[2]
    return grenzen[0], grenzen[-1] + timedelta(days=1)


def _nog_niet(stadium: str) -> Exists:
    return ~Exists(Herinnering.objects.filter(
        termijn=OuterRef("pk"), soort__in=STADIA[stadium], betreft_datum__isnull=True))


def _due_delen(school_id: int, op: date, venster) -> list[QuerySet]:
    """Per stage a queryset of the school's open deadlines in it without its reminders (a
    plain anti-join each; together one UNION ALL query)."""
    open_ = Termijn.objects.filter(school_id=school_id, status__in=OPEN_STATUSSEN).order_by()
    delen = [open_.filter(_nog_niet(Herinneringsoort.VERLOPEN), vervaldatum__lt=op),
             open_.filter(_nog_niet(Herinneringsoort.VANDAAG), vervaldatum=op)]
    if venster is not None:
        delen.append(open_.filter(_nog_niet(Herinneringsoort.VOORAF),
                                  vervaldatum__gte=venster[0], vervaldatum__lt=venster[1]))
    return delen


def _stadium(termijn: Termijn, op: date) -> str:
    if termijn.vervaldatum < op:
        return Herinneringsoort.VERLOPEN
    if termijn.vervaldatum == op:
        return Herinneringsoort.VANDAAG
    return Herinneringsoort.VOORAF


class _Schoolbeeld:
    """What the recipients of one school's due deadlines depend on, read once per sweep:
    who holds which role, the statuut's escalation rows, the pupils' relation holders."""

    def __init__(self, school, op: date):
        from statuut.selectors import statuut_op

        self.school, self.op = school, op
        self.rolhouders: dict[str, list[int]] = {}
        self.rollen: dict[int, set[str]] = {}
        for user_id, rol, actief in Roltoewijzing.objects.filter(school=school).values_list(
                "medewerker__user_id", "rol", "medewerker__user__is_active").order_by("pk"):
            self.rollen.setdefault(user_id, set()).add(rol)
            if actief and user_id not in self.rolhouders.setdefault(rol, []):
                self.rolhouders[rol].append(user_id)
        self.statuut = statuut_op(school, op)
        self.organen = toegang.orgaanrollen(self.statuut)
        self._rijen: dict[str, list] = {}
        self._relatie: dict[tuple[int, str], list[int]] = {}

    def verantwoordelijken(self, termijn: Termijn) -> list[int]:
        if termijn.verantwoordelijke_id:
            return [termijn.verantwoordelijke_id]
        if termijn.verantwoordelijke_rol:
            return list(self.rolhouders.get(termijn.verantwoordelijke_rol, ()))
        return []

    def rol_van(self, termijn: Termijn) -> str:
        if termijn.verantwoordelijke_rol:
            return termijn.verantwoordelijke_rol
        rollen = self.rollen.get(termijn.verantwoordelijke_id, set())
        return next((r for r in ROLVOLGORDE if r in rollen), "")

    def rijen(self, rol: str) -> list:
        if rol not in self._rijen:
            self._rijen[rol] = toegang.rijen(self.statuut, ESCALATIE_ACTIE, voor=rol) \
                if rol else []
        return self._rijen[rol]

    def relaties_laden(self, leerling_ids: set[int], rollen: set[str]) -> None:
        """The active relation holders (mentor, docent, teamleider) of these pupils on the
        sweep's day, one query per role, as `relaties.relatiehouders` gives them one by one."""
        plaatsingen = relaties.plaatsingen_op(self.op).filter(leerling_id__in=leerling_ids)
        paren: dict[str, Iterable[tuple[int, int]]] = {}
        if Rol.MENTOR in rollen:
            paren[Rol.MENTOR] = plaatsingen.filter(
                groep__mentoren__user__is_active=True).values_list(
                "leerling_id", "groep__mentoren__user_id").order_by("groep__mentoren__pk")
        if Rol.DOCENT in rollen:
            paren[Rol.DOCENT] = plaatsingen.filter(
                groep__lesopdrachten__docent__user__is_active=True).values_list(
                "leerling_id", "groep__lesopdrachten__docent__user_id").order_by(
                "groep__lesopdrachten__docent__pk")
        if Rol.TEAMLEIDER in rollen:
            leiders: dict[int, list[int]] = {}
            for afdeling_id, user_id in Roltoewijzing.objects.filter(
                    school=self.school, rol=Rol.TEAMLEIDER, afdeling__isnull=False,
                    medewerker__user__is_active=True).values_list(
                    "afdeling_id", "medewerker__user_id").order_by("medewerker__pk"):
                leiders.setdefault(afdeling_id, []).append(user_id)
            paren[Rol.TEAMLEIDER] = [
                (leerling_id, user_id)
                for leerling_id, afdeling_id in plaatsingen.filter(
                    groep__afdeling__isnull=False).values_list("leerling_id",
                                                               "groep__afdeling_id")
                for user_id in leiders.get(afdeling_id, ())]
        for rol in rollen:
            for leerling_id in leerling_ids:
                self._relatie.setdefault((leerling_id, rol), [])
            for leerling_id, user_id in paren.get(rol, ()):
                houders = self._relatie[(leerling_id, rol)]
                if user_id not in houders:
                    houders.append(user_id)

    def leidinggevenden(self, termijn: Termijn, leerling_id: int | None) -> list[int]:
        """`leidinggevenden` for a deadline, from what this picture has read."""
        from statuut.models import Orgaan

        rijen = self.rijen(self.rol_van(termijn))
        if not rijen:
            return []
        users: list[int] = []
        for rij in rijen:
            for boven in sorted(self.organen.get(rij.rol, {rij.rol})):
                gevonden: list[int] = []
                if rij.eigen_leerlingen and leerling_id is not None:
                    gevonden = self._relatie.get((leerling_id, boven), [])
                users += gevonden or self.rolhouders.get(boven, [])
        if not users:
            for boven in sorted(self.organen.get(Orgaan.SCHOOLLEIDING, ())):
                users += self.rolhouders.get(boven, [])
        al = set(self.verantwoordelijken(termijn))
        return [u for u in dict.fromkeys(users) if u not in al]


def _leerlingen_van_onderwerpen(termijnen: list[Termijn]) -> dict[int, int | None]:
    """termijn pk -> the pupil (id) its subject is, or belongs to; one query per kind of
    subject (`_leerling_van_onderwerp` for many)."""
    uit: dict[int, int | None] = {t.pk: None for t in termijnen}
    per_soort: dict[int, list[Termijn]] = {}
    for t in termijnen:
        if t.onderwerp_type_id and t.onderwerp_id:
            per_soort.setdefault(t.onderwerp_type_id, []).append(t)
    for ct_id, groep in per_soort.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        ids = {t.onderwerp_id for t in groep}
        if model is None:
            continue
        if model is Leerling:
            bestaand = set(Leerling.objects.filter(pk__in=ids).values_list("pk", flat=True))
            for t in groep:
                uit[t.pk] = t.onderwerp_id if t.onderwerp_id in bestaand else None
            continue
        try:
            veld = model._meta.get_field("leerling")
        except FieldDoesNotExist:
            continue
        if not (veld.is_relation and veld.related_model is Leerling):
            continue
        van = dict(model._default_manager.filter(pk__in=ids).values_list("pk", "leerling_id"))
        for t in groep:
            uit[t.pk] = van.get(t.onderwerp_id)
    return uit


def _zichtbaar(paren: list[tuple[Termijn, str, int]]) -> list[tuple[Termijn, str, int]]:
    """Keep the (deadline, kind, recipient) a recipient may see the subject of: only deadlines
    about a subject whose flow registered a policy are asked, one query per recipient."""
    beleid_cts = {ContentType.objects.get_by_natural_key(*label.split(".")).pk
                  for label in toegang._ONDERWERPBELEID}
    te_vragen: dict[int, set[int]] = {}
    for termijn, _soort, user_id in paren:
        if termijn.onderwerp_type_id in beleid_cts:
            te_vragen.setdefault(user_id, set()).add(termijn.pk)
    if not te_vragen:
        return paren
    users = User.objects.in_bulk(te_vragen)
    zichtbaar: dict[int, set[int]] = {}
    for user_id, pks in te_vragen.items():
        user = users.get(user_id)
        zichtbaar[user_id] = set() if user is None else set(
            Termijn.objects.filter(toegang.termijnen_zichtbaar_filter(user), pk__in=pks)
            .values_list("pk", flat=True))
    return [(t, s, u) for t, s, u in paren
            if t.onderwerp_type_id not in beleid_cts or t.pk in zichtbaar[u]]


def _schooldag(school, op: date) -> bool:
    try:
        return kalender.is_schooldag(school, op)
    except kalender.KalenderOnbekend as exc:
        logger.warning("Geen herinneringen voor %s: %s", school, exc)
        return False


def herinneringen_vegen(op: date | None = None) -> int:
    """Insert the reminders due today (at most once each, ever) and start sending the unsent
    ones. Returns how many new reminders were recorded."""
    op = op or timezone.localdate()
    with geheugen.per_verzoek():
        scholen = [s for s in School.objects.filter(
            pk__in=Termijn.objects.filter(status__in=OPEN_STATUSSEN).values("school_id"))
            if _schooldag(s, op)]
        if not scholen:
            return 0
        delen = [deel for school in scholen
                 for deel in _due_delen(school.pk, op, _voorafvenster(school, op))]
        # Past their date and still open: verlopen (one statement; idempotent).
        Termijn.objects.filter(school__in=scholen, status=Termijnstatus.OPEN,
                               vervaldatum__lt=op).update(status=Termijnstatus.VERLOPEN)
        due = sorted(delen[0].union(*delen[1:], all=True), key=lambda t: t.pk)
        rijen = _rijen_bepalen(due, {s.pk: s for s in scholen}, op)
        nieuw = 0
        if rijen:
            with transaction.atomic():
                voor = Herinnering.objects.count()
                Herinnering.objects.bulk_create(rijen, ignore_conflicts=True, batch_size=2000)
                nieuw = Herinnering.objects.count() - voor
                _alles_versturen_na_commit()
        else:
            _alles_versturen_na_commit()
    return nieuw


def _rijen_bepalen(due: list[Termijn], scholen: dict, op: date) -> list[Herinnering]:
    if not due:
        return []
    beelden = {pk: _Schoolbeeld(school, op) for pk, school in scholen.items()
               if any(t.school_id == pk for t in due)}
    verlopen = [t for t in due if _stadium(t, op) == Herinneringsoort.VERLOPEN]
    leerlingen = _leerlingen_van_onderwerpen(verlopen) if verlopen else {}
    for school_id, beeld in beelden.items():
        rollen = {boven for t in verlopen if t.school_id == school_id
                  for rij in beeld.rijen(beeld.rol_van(t)) if rij.eigen_leerlingen
                  for boven in beeld.organen.get(rij.rol, {rij.rol})} & relaties.RELATIEROLLEN
        ids = {leerlingen[t.pk] for t in verlopen
               if t.school_id == school_id and leerlingen.get(t.pk) is not None}
        if rollen and ids:
            beeld.relaties_laden(ids, rollen)
    paren: list[tuple[Termijn, str, int]] = []
    for t in due:
        beeld = beelden[t.school_id]
        stadium = _stadium(t, op)
        for user_id in beeld.verantwoordelijken(t):
            paren.append((t, stadium, user_id))
        if stadium == Herinneringsoort.VERLOPEN:
            for user_id in beeld.leidinggevenden(t, leerlingen.get(t.pk)):
                paren.append((t, Herinneringsoort.ESCALATIE, user_id))
    return [Herinnering(termijn=t, soort=s, ontvanger_id=u)
            for t, s, u in sorted(_zichtbaar(paren), key=lambda p: (p[0].pk, p[1], p[2]))]


def _alles_versturen_na_commit() -> None:
    """Every unsent row, also older ones whose task was lost, goes to the queue by ids after
    commit, in tasks of `PER_TAAK`; a row already being sent by another task is skipped
    under its lock, one already sent is skipped when its lock is had."""
    pks = list(Herinnering.objects.filter(verzonden_op__isnull=True).order_by("pk")
               .values_list("pk", flat=True))
    for i in range(0, len(pks), PER_TAAK):
        deel = pks[i:i + PER_TAAK]
        transaction.on_commit(lambda deel=deel: herinneringen_versturen_taak.delay(deel),
                              robust=True)


def _versturen_na_commit(rijen: list[Herinnering]) -> None:
    """Queue the sending of rows just inserted (by id, after commit); a row whose task is lost
    is picked up by the next morning sweep."""
    pks = list(Herinnering.objects.filter(
        termijn__in={h.termijn_id for h in rijen}, verzonden_op__isnull=True,
        soort__in={h.soort for h in rijen}).values_list("pk", flat=True))
    for pk in pks:
        transaction.on_commit(lambda pk=pk: herinnering_versturen_taak.delay(pk), robust=True)


def _vastleggen(rijen: list[Herinnering]) -> int:
    if not rijen:
        return 0
    Herinnering.objects.bulk_create(rijen, ignore_conflicts=True)
    _versturen_na_commit(rijen)
    return len(rijen)


def termijn_melden(termijn: Termijn, *, behalve=None) -> int:
    """Tell the responsible person(s) at once that a step now waits for them (a case handed
    on: a referral, a proposal awaiting a decision, a complaint reaching the next stage). One
    reminder row each, sent by the reminder task after commit, never by the request.
    `behalve`: the one handing on, who needs no notice of their own act."""
    rijen = [Herinnering(termijn=termijn, soort=Herinneringsoort.NIEUW, ontvanger=user)
             for user in verantwoordelijken(termijn)
             if behalve is None or user.pk != behalve.pk]
    return _vastleggen(rijen)


@kalenderhaken.na_kalenderwijziging("dossiers.herinneringen")
def kalendermeldingen(wijziging: kalenderhaken.Kalenderwijziging) -> None:
    """Issue 12, point 7: whoever is responsible hears that a computed term moved, or that a
    date they chose is now a free day (one notice per date, also after a second change)."""
    rijen = []
    for soort, termijnen in ((Herinneringsoort.VERSCHOVEN, wijziging.verschoven),
                             (Herinneringsoort.VRIJE_DAG, wijziging.op_vrije_dag)):
        for termijn in termijnen:
            rijen += [Herinnering(termijn=termijn, soort=soort, ontvanger=user,
                                  betreft_datum=termijn.vervaldatum)
                      for user in verantwoordelijken(termijn)]
    _vastleggen(rijen)


def _datum(d: date) -> str:
    return formats.date_format(d, "l j F Y")


def _bericht(h: Herinnering) -> tuple[str, str]:
    t = h.termijn
    onderwerp = {
        Herinneringsoort.VOORAF: _("Herinnering: termijn loopt af op %(d)s"),
        Herinneringsoort.VANDAAG: _("Vandaag loopt een termijn af (%(d)s)"),
        Herinneringsoort.VERLOPEN: _("Termijn verstreken op %(d)s"),
        Herinneringsoort.ESCALATIE: _("Termijn van een medewerker verstreken op %(d)s"),
        Herinneringsoort.NIEUW: _("Er wacht een stap op u, uiterlijk %(d)s"),
        Herinneringsoort.VERSCHOVEN: _("Uiterste datum verschoven naar %(d)s"),
        Herinneringsoort.VRIJE_DAG: _("Gekozen datum %(d)s is geen schooldag meer"),
    }[h.soort] % {"d": _datum(h.betreft_datum or t.vervaldatum)}
    regels = [
        _("Termijn: %(o)s") % {"o": t.omschrijving},
        _("Uiterste datum: %(d)s") % {"d": _datum(h.betreft_datum or t.vervaldatum)},
    ]
    if h.soort == Herinneringsoort.NIEUW:
        if t.datum_gekozen or t.eenheid not in (Eenheid.SCHOOLDAGEN, Eenheid.WERKDAGEN):
            regels.append(_("Deze stap ligt nu bij u, uiterlijk %(d)s.")
                          % {"d": _datum(t.vervaldatum)})
        else:
            regels.append(_("Deze stap ligt nu bij u: binnen %(t)s, uiterlijk %(d)s.")
                          % {"t": kalender.aantal_tekst(t.aantal, t.eenheid),
                             "d": _datum(t.vervaldatum)})
    if h.soort == Herinneringsoort.VERSCHOVEN and t.vorige_vervaldatum:
        regels.append(_("De schoolkalender is gewijzigd: deze termijn telt in %(e)s en "
                        "eindigt daardoor niet meer op %(v)s maar op %(d)s.")
                      % {"e": t.get_eenheid_display(), "v": _datum(t.vorige_vervaldatum),
                         "d": _datum(h.betreft_datum or t.vervaldatum)})
    if h.soort == Herinneringsoort.VRIJE_DAG:
        regels.append(_("De schoolkalender is gewijzigd: %(d)s is nu een vrije dag (%(r)s). "
                        "De datum blijft staan zoals gekozen; kies zo nodig een andere dag.")
                      % {"d": _datum(h.betreft_datum or t.vervaldatum),
                         "r": t.vrije_dag or _("geen schooldag")})
    if t.regel:
        regels.append(_("Grond: %(r)s") % {"r": t.regel})
    if h.soort == Herinneringsoort.ESCALATIE:
        wie = t.verantwoordelijke.get_full_name() or t.verantwoordelijke.get_username() \
            if t.verantwoordelijke_id else t.get_verantwoordelijke_rol_display()
        regels.append(_("Verantwoordelijk: %(w)s. U ontvangt dit bericht als leidinggevende.")
                      % {"w": wie})
    regels.append(_("Bekijk de termijn: %(u)s") % {"u": f"{SITE_URL}/termijnen/{t.pk}/"})
    return f"[{t.school.naam}] {onderwerp}", "\n".join(regels) + "\n"


def herinnering_versturen(pk: int) -> bool:
    """Send one reminder unless it was sent already; True when this call sent it."""
    with transaction.atomic():
        h = (Herinnering.objects.select_for_update(of=("self",))
             .select_related("termijn__school", "termijn__verantwoordelijke", "ontvanger")
             .filter(pk=pk).first())
        if h is None or h.verzonden_op is not None:
            return False
        if h.ontvanger.email:
            onderwerp, tekst = _bericht(h)
            send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [h.ontvanger.email])
        # Without an address the reminder is only in "Mijn termijnen"; marked so it is
        # not tried again every morning.
        h.verzonden_op = timezone.now()
        h.save(update_fields=["verzonden_op"])
        return True


@shared_task(name="dossiers.termijnen_vegen")
def termijnen_vegen(op: str | None = None) -> int:
    """Beat: each school morning. `op` (ISO date) is for tests and manual runs."""
    return herinneringen_vegen(date.fromisoformat(op) if op else None)


@shared_task(name="dossiers.herinnering_versturen")
def herinnering_versturen_taak(herinnering_id: int) -> bool:
    return herinnering_versturen(herinnering_id)


@shared_task(name="dossiers.herinneringen_versturen")
def herinneringen_versturen_taak(herinnering_ids: list[int]) -> int:
    """A batch from the sweep: each reminder in its own locked transaction, so a worker
    killed halfway leaves the sent ones marked and the redelivered task sends the rest."""
    return sum(herinnering_versturen(pk) for pk in herinnering_ids)
