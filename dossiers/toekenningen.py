"""Explicit grants on one pupil: given, withdrawn and lapsed only here.

The right is a django-guardian object permission (in the direct foreign-key table of
Leerling); the `Toekenning` row records who gave it to whom, why, and for which days.
`dossiers.toegang` honours the permission only on days a live Toekenning covers.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from statuut.models import Rol
from statuut.services import InvoerFout

from . import toegang, wijzigingen
from .models import (
    TOEKENNING_PERMISSIE,
    Leerling,
    Roltoewijzing,
    Toekenning,
    Toekenningsomvang,
    Wijzigingsactie,
)


def _permissie(omvang: str) -> str:
    return f"dossiers.{TOEKENNING_PERMISSIE[omvang]}"


#: The longest a grant runs; a longer need is a new, reconsidered grant.
MAXIMALE_DUUR = timedelta(days=366)


@transaction.atomic
def toekenning_verlenen(
    *, door, aan, leerling: Leerling, omvang: str, reden: str,
    geldig_vanaf: date, geldig_tot: date, controleer: bool = True,
) -> Toekenning:
    """Give `aan` access of scope `omvang` to `leerling` for the days `geldig_vanaf` through
    `geldig_tot`. With `controleer` (always, except in set-up code such as the demo), `door`
    must hold the right to grant and may not grant more than they see themselves."""
    if omvang not in Toekenningsomvang.values:
        raise InvoerFout(_("Onbekende omvang '%(o)s'. Kies uit: %(k)s.")
                         % {"o": omvang, "k": ", ".join(Toekenningsomvang.values)})
    if not (reden or "").strip():
        raise InvoerFout(_("Geef een reden op: waarom heeft deze persoon toegang nodig?"))
    if geldig_tot < geldig_vanaf:
        raise InvoerFout(_("De einddatum ligt vóór de begindatum; kies een einddatum op of na "
                           "%(d)s.") % {"d": geldig_vanaf.strftime("%d-%m-%Y")})
    if aan == door:
        raise InvoerFout(_("U kunt uzelf geen toegang geven."))
    if not aan.is_active:
        raise InvoerFout(_("Dit account is niet actief; kies een actieve medewerker."))
    if geldig_tot > geldig_vanaf + MAXIMALE_DUUR:
        raise InvoerFout(_("Toegang wordt voor ten hoogste een jaar gegeven; kies een "
                           "einddatum op of vóór %(d)s en verleng daarna zo nodig.")
                         % {"d": (geldig_vanaf + MAXIMALE_DUUR).strftime("%d-%m-%Y")})
    # Setting up the school is no reason to read about a child (also not by a grant).
    rollen = set(Roltoewijzing.objects.filter(medewerker__user=aan, school_id=leerling.school_id)
                 .values_list("rol", flat=True))
    if aan.is_superuser or (rollen and rollen <= {Rol.FUNCTIONEEL_BEHEERDER}):
        raise InvoerFout(_("Een beheeraccount krijgt geen toegang tot leerlinggegevens; geef "
                           "de toegang aan het gewone account van deze persoon."))
    if controleer:
        if omvang not in toegang.toe_te_kennen(door, leerling, omvang=omvang):
            raise InvoerFout(_("U mag deze toegang tot deze leerling niet verlenen: alleen wie "
                               "volgens het leerlingenstatuut toegang mag geven, en nooit meer "
                               "dan hij of zij zelf ziet."))
        if al := toegang.al_gezien(aan, leerling, omvang):
            raise InvoerFout(al)
        if not mogelijke_ontvangers(leerling, omvang=omvang).filter(pk=aan.pk).exists():
            raise InvoerFout(_("Toegang kan alleen worden gegeven aan een medewerker met een "
                               "rol op de school van de leerling."))
        if geldig_vanaf < timezone.localdate():
            raise InvoerFout(_("De begindatum ligt in het verleden; toegang gaat op zijn "
                               "vroegst vandaag in."))
    # Grants on one pupil are given one at a time (a row lock), so two forms posted at once
    # cannot both pass the check below; the database's exclusion constraint (migration
    # dossiers/0010) backs it up.
    Leerling.objects.select_for_update().filter(pk=leerling.pk).first()
    al_gegeven = InvoerFout(_("Deze medewerker heeft in die periode al deze toegang tot deze "
                              "leerling."))
    if Toekenning.objects.filter(
        leerling=leerling, user=aan, omvang=omvang, ingetrokken_op__isnull=True,
        geldig_vanaf__lte=geldig_tot, geldig_tot__gte=geldig_vanaf,
    ).exists():
        raise al_gegeven
    try:
        with transaction.atomic():
            toekenning = Toekenning.objects.create(
                leerling=leerling, user=aan, omvang=omvang, reden=reden.strip(),
                verleend_door=door, geldig_vanaf=geldig_vanaf, geldig_tot=geldig_tot,
            )
    except IntegrityError:
        raise al_gegeven from None
    assign_perm(_permissie(omvang), aan, leerling)
    # Every grant is in the change log, and the directie is told (issue 11).
    wijzigingen.toekenning_vastleggen(door=door, toekenning=toekenning,
                                      actie=Wijzigingsactie.TOEGEVOEGD)
    return toekenning


@transaction.atomic
def toekenning_intrekken(*, door, toekenning: Toekenning) -> Toekenning:
    """Withdraw a grant before its end: who gave it, or who may grant that scope now."""
    toekenning = Toekenning.objects.select_for_update().get(pk=toekenning.pk)
    if toekenning.ingetrokken_op is not None:
        raise InvoerFout(_("Deze toegang is al ingetrokken."))
    if not mag_intrekken(door, toekenning):
        raise InvoerFout(_("U mag deze toegang niet intrekken."))
    toekenning.ingetrokken_op = timezone.now()
    toekenning.ingetrokken_door = door
    toekenning.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    _permissie_opruimen(toekenning.user, toekenning.leerling, toekenning.omvang)
    wijzigingen.toekenning_vastleggen(door=door, toekenning=toekenning,
                                      actie=Wijzigingsactie.VERWIJDERD)
    return toekenning


def mag_intrekken(door, toekenning: Toekenning, *, te_geven: list[str] | None = None) -> bool:
    """Who gave a grant may withdraw it, and so may anyone who may give that scope now.
    (`te_geven`: `toegang.toe_te_kennen(door, leerling)` when the caller has it already.)"""
    if toekenning.verleend_door_id == door.pk:
        return True
    if te_geven is None:
        te_geven = toegang.toe_te_kennen(door, toekenning.leerling)
    return toekenning.omvang in te_geven


def _permissie_opruimen(user, leerling: Leerling, omvang: str, op: date | None = None) -> None:
    """Remove the guardian permission unless another live grant still needs it."""
    op = op or timezone.localdate()
    nog_nodig = Toekenning.objects.filter(
        user=user, leerling=leerling, omvang=omvang, ingetrokken_op__isnull=True,
        geldig_tot__gte=op,
    ).exists()
    if not nog_nodig:
        remove_perm(_permissie(omvang), user, leerling)


def verlopen_toekenningen_opruimen(*, op: date | None = None) -> int:
    """Housekeeping for the nightly beat: drop guardian rows of grants past their end.
    (Access already stops on the day after `geldig_tot`: toegang checks the dates.)"""
    op = op or timezone.localdate()
    verlopen = Toekenning.objects.filter(ingetrokken_op__isnull=True, geldig_tot__lt=op)
    n = 0
    for t in verlopen.select_related("user", "leerling"):
        with transaction.atomic():
            _permissie_opruimen(t.user, t.leerling, t.omvang, op)
        n += 1
    return n


def actieve_toekenningen(leerling: Leerling, *, op: date | None = None):
    """Who holds a live grant on the pupil (for the pupil's page)."""
    op = op or timezone.localdate()
    return (
        Toekenning.objects.filter(leerling=leerling, ingetrokken_op__isnull=True,
                                  geldig_vanaf__lte=op, geldig_tot__gte=op)
        .select_related("user__medewerker", "verleend_door__medewerker")
        .order_by("geldig_tot")
    )


def lopende_toekenningen(leerling: Leerling, *, op: date | None = None):
    """Grants on the pupil not withdrawn and not yet ended: those in force and those that
    start later (for the pupil's page, so they can be seen and withdrawn in time)."""
    op = op or timezone.localdate()
    return (
        Toekenning.objects.filter(leerling=leerling, ingetrokken_op__isnull=True,
                                  geldig_tot__gte=op)
        .select_related("user__medewerker", "verleend_door__medewerker")
        .order_by("geldig_vanaf", "geldig_tot", "pk")
    )


def mogelijke_ontvangers(leerling: Leerling, *, omvang: str | None = None):
    """Who may receive a grant on the pupil: active accounts of staff with a role at the
    pupil's school (an inspector gets such an account from the beheerder), never an account
    that only sets the school up nor a superuser (the grant refuses them); for a scope a flow
    governs (`omvang`), not who sees what it opens already (`toegang.zien_al`)."""
    from django.contrib.auth import get_user_model

    rollen = Roltoewijzing.objects.filter(school_id=leerling.school_id)
    ontvangers = get_user_model().objects.filter(
        is_active=True, is_superuser=False,
        pk__in=rollen.exclude(rol=Rol.FUNCTIONEEL_BEHEERDER).values("medewerker__user_id"))
    if omvang is not None and (al := toegang.zien_al(leerling, omvang)):
        ontvangers = ontvangers.exclude(
            pk__in=rollen.filter(rol__in=al).values("medewerker__user_id"))
    return ontvangers.select_related("medewerker").order_by("medewerker__naam", "username")
