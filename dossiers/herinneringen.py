"""Reminders and escalation for deadlines (statuut.Termijn), swept each school morning.

Exactly once, as far as e-mail allows: every reminder is one `Herinnering` row, unique per
(deadline, kind, recipient). The sweep only inserts missing rows (a second sweep, a
redelivered sweep or a second beat inserts nothing new) and hands each unsent row to
`herinnering_versturen`, which locks the row, sends, and marks it sent in one transaction.
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
from datetime import date

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from statuut import kalender, kalenderhaken
from statuut.models import Eenheid, Herinnering, Herinneringsoort, Rol, Termijn, Termijnstatus

from . import relaties, toegang
from .models import Leerling, Roltoewijzing

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


def _rol_van(termijn: Termijn) -> str:
    if termijn.verantwoordelijke_rol:
        return termijn.verantwoordelijke_rol
    rollen = set(Roltoewijzing.objects.filter(
        school_id=termijn.school_id, medewerker__user_id=termijn.verantwoordelijke_id,
    ).values_list("rol", flat=True))
    return next((r for r in ROLVOLGORDE if r in rollen), "")


def _leerling_van_onderwerp(termijn: Termijn) -> Leerling | None:
    onderwerp = None
    if termijn.onderwerp_type_id:
        onderwerp = termijn.onderwerp_type.get_object_for_this_type(pk=termijn.onderwerp_id)
    leerling = onderwerp if isinstance(onderwerp, Leerling) else getattr(onderwerp, "leerling",
                                                                         None)
    return leerling if isinstance(leerling, Leerling) else None


def leidinggevenden(termijn: Termijn, op: date) -> list:
    """The one(s) above the responsible person, by the statuut's escalation rows: in the
    pupil's relation where the row asks it and the deadline is about a pupil (the pupil's
    own teamleider), else everyone holding that role; without anyone, the schoolleiding."""
    from statuut.models import Orgaan
    from statuut.selectors import statuut_op

    rol = _rol_van(termijn)
    statuut = statuut_op(termijn.school, op)
    rijen = toegang.rijen(statuut, ESCALATIE_ACTIE, voor=rol) if rol else []
    if not rijen:
        return []
    organen = toegang.orgaanrollen(statuut)
    leerling = _leerling_van_onderwerp(termijn)
    users: list = []
    for rij in rijen:
        for boven in sorted(organen.get(rij.rol, {rij.rol})):
            gevonden = []
            if rij.eigen_leerlingen and leerling is not None:
                gevonden = [m.user for m in relaties.relatiehouders(leerling, boven, op)
                            if m.user.is_active]
            users += gevonden or _met_rol(termijn.school_id, boven)
    if not users:
        for boven in sorted(organen.get(Orgaan.SCHOOLLEIDING, ())):
            users += _met_rol(termijn.school_id, boven)
    al = {u.pk for u in verantwoordelijken(termijn)}
    uniek = {u.pk: u for u in users if u.pk not in al}
    return list(uniek.values())


def verschuldigd(termijn: Termijn, op: date) -> list[tuple[str, object]]:
    """The (kind, recipient) reminders due for `termijn` on school day `op`."""
    if op > termijn.vervaldatum:
        soorten = [(Herinneringsoort.VERLOPEN, verantwoordelijken(termijn)),
                   (Herinneringsoort.ESCALATIE, leidinggevenden(termijn, op))]
    elif op == termijn.vervaldatum:
        soorten = [(Herinneringsoort.VANDAAG, verantwoordelijken(termijn))]
    elif 1 <= kalender.schooldagen_tussen(termijn.school, op, termijn.vervaldatum) <= 2:
        soorten = [(Herinneringsoort.VOORAF, verantwoordelijken(termijn))]
    else:
        return []
    # A reminder names its deadline: only to whom may see the deadline's subject (a
    # confidential complaint is not escalated to a directie that may not know it exists).
    return [(soort, user) for soort, users in soorten for user in users
            if toegang.mag_termijn_onderwerp_zien(user, termijn)]


def herinneringen_vegen(op: date | None = None) -> int:
    """Insert the reminders due today (at most once each, ever) and start sending the unsent
    ones. Returns how many new reminders were recorded."""
    op = op or timezone.localdate()
    nieuw = 0
    open_ = Termijn.objects.filter(
        status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN]
    ).select_related("school", "verantwoordelijke", "onderwerp_type")
    schooldag: dict[int, bool] = {}
    for termijn in open_:
        if termijn.school_id not in schooldag:
            try:
                schooldag[termijn.school_id] = kalender.is_schooldag(termijn.school, op)
            except kalender.KalenderOnbekend as exc:
                logger.warning("Geen herinneringen voor %s: %s", termijn.school, exc)
                schooldag[termijn.school_id] = False
        if not schooldag[termijn.school_id]:
            continue
        try:
            rijen = [Herinnering(termijn=termijn, soort=soort, ontvanger=user)
                     for soort, user in verschuldigd(termijn, op)]
        except kalender.KalenderOnbekend as exc:
            logger.warning("Termijn %s overgeslagen: %s", termijn.pk, exc)
            continue
        with transaction.atomic():
            if termijn.vervaldatum < op and termijn.status == Termijnstatus.OPEN:
                Termijn.objects.filter(pk=termijn.pk, status=Termijnstatus.OPEN).update(
                    status=Termijnstatus.VERLOPEN)
            voor = Herinnering.objects.filter(termijn=termijn).count()
            Herinnering.objects.bulk_create(rijen, ignore_conflicts=True)
            nieuw += Herinnering.objects.filter(termijn=termijn).count() - voor
    # Every unsent row, also older ones whose task was lost; a row already being sent by
    # another task is skipped under its lock.
    te_versturen = list(Herinnering.objects.filter(verzonden_op__isnull=True)
                        .values_list("pk", flat=True))
    for pk in te_versturen:
        transaction.on_commit(lambda pk=pk: herinnering_versturen_taak.delay(pk))
    return nieuw


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
