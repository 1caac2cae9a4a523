"""Authority over authority (issue 11): roles, grants and the statuut's rules change only here.

- Nobody widens their own rights: a beheerder changes no role of their own account and no
  rule row that applies to one of their own roles.
- A change that opens more than the one who makes it may see (for a functioneel beheerder,
  who reads no pupil data: anything that opens pupil, care, complaint or dossier content)
  is not applied but waits as a `Wijzigingsverzoek` until a member of the school's directie,
  a second person, confirms it (`wijziging_bevestigen`) or rejects it.
- Every change is written to the append-only change log (`Wijziging`) with the values before
  and after, and the directie is told through a deadline (`statuut.Termijn` for the directie
  role, with the usual reminders), never by a bare e-mail. Deadline texts name no pupil.

"What does this open, and do I see it myself" is asked of `dossiers.toegang` (`rolzicht`,
`regel_opent`). A superuser (the application manager) is outside the beheerder's rules, but
their changes are logged and reported like anyone's. Set-up code (the demo, test personas)
writes roles directly and is not a user acting.
"""

from __future__ import annotations

import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from statuut.hulp import naam_van
from statuut.models import Eenheid, Rol, School, Statuut, Termijn, Termijnstatus
from statuut.services import InvoerFout, termijn_openen, termijn_vervallen, termijn_voldaan

from . import toegang
from .models import (
    Medewerker,
    Roltoewijzing,
    Toekenning,
    Verzoekstatus,
    Wijziging,
    Wijzigingsactie,
    Wijzigingsoort,
    Wijzigingsverzoek,
)

#: DEFAULT (the seeds are silent): the directie looks at a change within five working days,
#: and decides on a pending one within the same term. Working days need no school calendar,
#: so a school whose vacations are not loaded yet is still told.
NAKIJKTERMIJN = 5
BESLISTERMIJN = 5
#: The ground shown on the directie's deadline: who may read pupil data is a security
#: measure the school answers for (AVG art. 32), so its leadership sees every change.
REGEL = gettext_lazy("Toegang tot leerlinggegevens: de directie ziet elke wijziging "
                     "(AVG art. 32)")
REDEN_MAX = 1000

EIGEN_ACCOUNT = gettext_lazy(
    "U kunt de rollen van uw eigen account niet toevoegen, wijzigen of verwijderen: niemand "
    "verruimt zijn eigen rechten. Laat een andere beheerder dit doen; een verruiming "
    "bevestigt de directie.")


def _json(waarden: dict) -> dict:
    return json.loads(json.dumps(waarden, cls=DjangoJSONEncoder))


def _waarden(obj: models.Model, velden: tuple[str, ...]) -> dict:
    """A row's values of `velden`, as JSON (foreign keys by id, under the field's name)."""
    return _json({naam: obj._meta.get_field(naam).value_from_object(obj) for naam in velden})


def _zetten(obj: models.Model, waarden: dict) -> None:
    for naam, waarde in waarden.items():
        setattr(obj, obj._meta.get_field(naam).attname, waarde)


def _mag_beheren(door, school) -> None:
    if door.is_superuser:
        return
    if Rol.FUNCTIONEEL_BEHEERDER not in toegang.rollen_van(door, school):
        raise InvoerFout(_("Alleen een functioneel beheerder van %(s)s wijzigt daar rollen en "
                           "regels.") % {"s": school})


# --- the log and the notification -------------------------------------------------------

def _directie_melden(*, school: School, omschrijving: str, onderwerp: models.Model,
                     aantal: int) -> Termijn:
    return termijn_openen(
        school=school, omschrijving=omschrijving[:300], startdatum=timezone.localdate(),
        aantal=aantal, eenheid=Eenheid.WERKDAGEN, regel=str(REGEL), onderwerp=onderwerp,
        verantwoordelijke_rol=Rol.DIRECTIE,
    )


def wijziging_vastleggen(*, door, school: School | None, soort: str, actie: str,
                         omschrijving: str, obj: models.Model | None = None,
                         model: type[models.Model] | None = None, object_id: int | None = None,
                         voor: dict | None = None, na: dict | None = None,
                         verzoek: Wijzigingsverzoek | None = None,
                         melding: str | None = None) -> Wijziging:
    """Write one row of the change log. With `melding` (a text that names no pupil), the
    school's directie gets a deadline to look at it."""
    if obj is not None:
        model, object_id = type(obj), obj.pk
    wijziging = Wijziging.objects.create(
        door=door, gebruikersnaam=door.get_username() if door else "", school=school,
        soort=soort, actie=actie, omschrijving=omschrijving[:300],
        object_type=ContentType.objects.get_for_model(model) if model else None,
        object_id=object_id, voor=voor, na=na, verzoek=verzoek,
    )
    if melding and school is not None:
        _directie_melden(school=school, omschrijving=melding, onderwerp=wijziging,
                         aantal=NAKIJKTERMIJN)
    return wijziging


@transaction.atomic
def wijzigingen_gezien(*, door, school: School) -> int:
    """The directie has looked at the school's changes: their deadlines are met."""
    if school.pk not in set(toegang.wijzigingsscholen(door).values_list("pk", flat=True)):
        raise InvoerFout(_("Alleen de directie van %(s)s kijkt deze wijzigingen na.")
                         % {"s": school})
    open_ = Termijn.objects.filter(
        school=school, status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN],
        onderwerp_type=ContentType.objects.get_for_model(Wijziging),
    )
    n = 0
    for termijn in open_:
        termijn_voldaan(termijn)
        n += 1
    return n


def _verzoek(*, door, school: School, soort: str, model: type[models.Model],
             object_id: int | None, voor: dict | None, na: dict, omschrijving: str
             ) -> Wijzigingsverzoek:
    """A widening beyond the requester's own sight: it waits for the directie."""
    type_ = ContentType.objects.get_for_model(model)
    wachtend = Wijzigingsverzoek.objects.filter(school=school, model=type_, object_id=object_id,
                                                status=Verzoekstatus.OPEN)
    if any(v.na == na for v in wachtend):
        raise InvoerFout(_("Deze wijziging wacht al op de directie: %(w)s.")
                         % {"w": omschrijving})
    verzoek = Wijzigingsverzoek.objects.create(
        school=school, soort=soort, model=type_, object_id=object_id,
        omschrijving=omschrijving[:300], voor=voor, na=na, aangevraagd_door=door,
    )
    verzoek.termijn = _directie_melden(
        school=school, onderwerp=verzoek, aantal=BESLISTERMIJN,
        omschrijving=_("Bevestigen of afwijzen: %(w)s (gevraagd door %(d)s)")
        % {"w": omschrijving, "d": naam_van(door)},
    )
    verzoek.save(update_fields=["termijn"])
    wijziging_vastleggen(door=door, school=school, soort=soort,
                         actie=Wijzigingsactie.AANGEVRAAGD, omschrijving=omschrijving,
                         model=model, object_id=object_id, voor=voor, na=na, verzoek=verzoek)
    return verzoek


# --- roles ----------------------------------------------------------------------------

ROLVELDEN = ("medewerker", "school", "rol", "afdeling")


def _rol_omschrijving(waarden: dict) -> str:
    medewerker = Medewerker.objects.select_related("user").filter(
        pk=waarden["medewerker"]).first()
    wie = (f"{medewerker.naam} ({medewerker.user.get_username()})" if medewerker
           else f"#{waarden['medewerker']}")
    rol = Rol(waarden["rol"]).label if waarden["rol"] in Rol.values else waarden["rol"]
    tekst = _("rol %(r)s van %(w)s") % {"r": rol, "w": wie}
    if waarden.get("afdeling"):
        from .models import Afdeling

        afdeling = Afdeling.objects.filter(pk=waarden["afdeling"]).first()
        tekst += _(", afdeling %(a)s") % {"a": afdeling.naam if afdeling else "?"}
    return tekst


def rol_toetsen(*, door, medewerker: Medewerker | None) -> None:
    """The first check of every role change: never on one's own account."""
    if door.is_superuser or medewerker is None:
        return
    if medewerker.user_id == door.pk:
        raise InvoerFout(str(EIGEN_ACCOUNT))


def rol_controleren(toewijzing: Roltoewijzing) -> None:
    """A role row that can exist: a known role, a department of the same school, not twice."""
    if toewijzing.rol not in Rol.values:
        raise InvoerFout(_("Onbekende rol '%(r)s'.") % {"r": toewijzing.rol})
    if toewijzing.afdeling_id and toewijzing.afdeling.school_id != toewijzing.school_id:
        raise InvoerFout(_("De afdeling hoort niet bij deze school."))
    dubbel = Roltoewijzing.objects.filter(
        medewerker_id=toewijzing.medewerker_id, school_id=toewijzing.school_id,
        rol=toewijzing.rol, afdeling_id=toewijzing.afdeling_id,
    ).exclude(pk=toewijzing.pk)
    if dubbel.exists():
        raise InvoerFout(_("Deze medewerker heeft deze rol al."))


@transaction.atomic
def rol_toewijzen(*, door, toewijzing: Roltoewijzing) -> Roltoewijzing | Wijzigingsverzoek:
    """Give a staff member a role at a school, or change a role they have (`toewijzing`, not
    yet saved, carries the new values). A role that opens more than `door` sees waits for the
    directie; the answer is then the request, and nothing is written to the role."""
    opgeslagen = (Roltoewijzing.objects.select_for_update().filter(pk=toewijzing.pk).first()
                  if toewijzing.pk else None)
    rol_toetsen(door=door, medewerker=toewijzing.medewerker)
    if opgeslagen is not None:
        rol_toetsen(door=door, medewerker=opgeslagen.medewerker)
        _mag_beheren(door, opgeslagen.school)
    _mag_beheren(door, toewijzing.school)
    rol_controleren(toewijzing)
    voor = _waarden(opgeslagen, ROLVELDEN) if opgeslagen else None
    na = _waarden(toewijzing, ROLVELDEN)
    if voor == na:
        return opgeslagen
    omschrijving = _rol_omschrijving(na)
    opent = toegang.rolzicht(toewijzing.school, {toewijzing.rol}) - toegang.eigen_zicht(
        door, toewijzing.school)
    if opent and not door.is_superuser:
        if opgeslagen is not None:
            _zetten(toewijzing, voor)
        return _verzoek(door=door, school=toewijzing.school, soort=Wijzigingsoort.ROL,
                        model=Roltoewijzing, object_id=toewijzing.pk, voor=voor, na=na,
                        omschrijving=omschrijving)
    toewijzing.save()
    _rol_gelogd(door, toewijzing.school, voor, na, toewijzing.pk)
    return toewijzing


def _rol_gelogd(door, school, voor, na, pk, verzoek=None, melden=True) -> Wijziging:
    if voor is None:
        actie, wat = Wijzigingsactie.TOEGEVOEGD, _("toegekend")
    elif na is None:
        actie, wat = Wijzigingsactie.VERWIJDERD, _("ingetrokken")
    else:
        actie, wat = Wijzigingsactie.GEWIJZIGD, _("gewijzigd")
    if verzoek is not None:
        actie = Wijzigingsactie.BEVESTIGD
    omschrijving = _rol_omschrijving(na or voor)
    return wijziging_vastleggen(
        door=door, school=school, soort=Wijzigingsoort.ROL, actie=actie,
        omschrijving=omschrijving, model=Roltoewijzing, object_id=pk, voor=voor, na=na,
        verzoek=verzoek,
        melding=(_("Nakijken: %(w)s %(a)s door %(d)s") % {"w": omschrijving, "a": wat,
                                                         "d": naam_van(door)}) if melden else None,
    )


@transaction.atomic
def rol_intrekken(*, door, toewijzing: Roltoewijzing) -> None:
    """Take a role away (narrows; applied at once, logged and reported)."""
    toewijzing = Roltoewijzing.objects.select_for_update().select_related(
        "medewerker", "school").get(pk=toewijzing.pk)
    rol_toetsen(door=door, medewerker=toewijzing.medewerker)
    _mag_beheren(door, toewijzing.school)
    voor = _waarden(toewijzing, ROLVELDEN)
    pk = toewijzing.pk
    toewijzing.delete()
    _rol_gelogd(door, toewijzing.school, voor, None, pk)


@transaction.atomic
def medewerker_verwijderen(*, door, medewerker: Medewerker) -> None:
    """Remove a staff member: each role goes through `rol_intrekken` first, so the log names
    every role that went."""
    rol_toetsen(door=door, medewerker=medewerker)
    for toewijzing in list(medewerker.rollen.all()):
        rol_intrekken(door=door, toewijzing=toewijzing)
    medewerker.delete()


def account_toetsen(*, door, medewerker: Medewerker, oud_user_id: int | None,
                    nieuw_user_id: int | None) -> None:
    """A staff member's login is about to change. With roles attached, that hands those roles
    to another account without anyone confirming: only the application manager (superuser)
    does that; and nobody moves their own roles to another account."""
    if door.is_superuser or nieuw_user_id == oud_user_id:
        return
    if door.pk in (oud_user_id, nieuw_user_id):
        raise InvoerFout(str(EIGEN_ACCOUNT))
    if Roltoewijzing.objects.filter(medewerker=medewerker).exists():
        raise InvoerFout(_("Deze medewerker heeft rollen; koppel er geen ander account aan, "
                           "want dan gaan die rollen zonder bevestiging over. Maak een nieuwe "
                           "medewerker voor het andere account."))


@transaction.atomic
def account_koppelen(*, door, medewerker: Medewerker, oud_user_id: int | None) -> None:
    """Record that a staff member's login changed (after `account_toetsen`)."""
    if medewerker.user_id == oud_user_id:
        return
    account_toetsen(door=door, medewerker=medewerker, oud_user_id=oud_user_id,
                    nieuw_user_id=medewerker.user_id)
    scholen = list(School.objects.filter(roltoewijzingen__medewerker=medewerker).distinct())
    for school in scholen or [None]:
        wijziging_vastleggen(
            door=door, school=school, soort=Wijzigingsoort.ACCOUNT,
            actie=Wijzigingsactie.GEWIJZIGD, obj=medewerker,
            omschrijving=_("account van %(n)s") % {"n": medewerker.naam},
            voor={"user": oud_user_id}, na={"user": medewerker.user_id},
            melding=_("Nakijken: ander account gekoppeld aan %(n)s door %(d)s")
            % {"n": medewerker.naam, "d": naam_van(door)},
        )


# --- rules of the statuut ---------------------------------------------------------------

def regelvelden(model: type[models.Model]) -> tuple[str, ...]:
    """The fields of a rule row that a change is about: of a statuut version only the fields
    naming roles (the rest is not a right), of the other rule rows every editable field."""
    if model is Statuut:
        # Its dates decide which version, and so which rows, are in force.
        return (*toegang.rolvelden(Statuut), "ingangsdatum", "geldig_tot")
    return tuple(f.name for f in model._meta.concrete_fields
                 if f.editable and not f.primary_key)


def _school_van(regel: models.Model) -> School:
    return regel.school if isinstance(regel, Statuut) else regel.statuut.school


def _regel_omschrijving(regel: models.Model, waarden: dict) -> str:
    soort = regel._meta.verbose_name
    if isinstance(regel, Statuut):
        return _("%(s)s: rollen en geldigheid van %(t)s") % {"s": soort, "t": regel}
    statuut = Statuut.objects.filter(pk=waarden.get("statuut")).first()
    if "rol" in waarden:
        rol = Rol(waarden["rol"]).label if waarden["rol"] in Rol.values else waarden["rol"]
        wat = _("%(s)s voor de rol %(r)s") % {"s": soort, "r": rol}
    else:
        wat = f"{soort} {waarden.get('code') or waarden.get('naam') or ''}".strip()
    return f"{wat} ({statuut})" if statuut else wat


def regel_toetsen(*, door, regel: models.Model, verwijderen: bool = False) -> None:
    """The first check of every rule change: never a row that applies to one's own role
    (before or after the change)."""
    if door.is_superuser:
        return
    school = _school_van(regel)
    _mag_beheren(door, school)
    model = type(regel)
    velden = regelvelden(model)
    opgeslagen = model.objects.filter(pk=regel.pk).first() if regel.pk else None
    genoemd = toegang.genoemde_rollen(model, _waarden(opgeslagen, velden) if opgeslagen
                                      else None)
    if not verwijderen:
        genoemd |= toegang.genoemde_rollen(model, _waarden(regel, velden))
    eigen = genoemd & toegang.rollen_van(door, school)
    if eigen:
        raise InvoerFout(
            _("Deze regel geldt voor uw eigen rol (%(r)s): niemand wijzigt zijn eigen rechten. "
              "Laat de directie of de applicatiebeheerder dit doen.")
            % {"r": ", ".join(sorted(str(Rol(r).label) for r in eigen))})


@transaction.atomic
def regel_wijzigen(*, door, regel: models.Model) -> models.Model | Wijzigingsverzoek | None:
    """Write a new or changed rule row of the statuut (`regel` carries the new values): the
    access matrix (`Toegangsregel`), a complaint stage's handlers, a measure's roles, ... or
    the roles named on the statuut version itself. Applied and logged when it opens nothing
    beyond `door`'s own sight; else a request for the directie, and `regel` is given back its
    stored values (the caller must not save a new row then). None: nothing changed."""
    regel_toetsen(door=door, regel=regel)
    model = type(regel)
    velden = regelvelden(model)
    school = _school_van(regel)
    opgeslagen = (model.objects.select_for_update().filter(pk=regel.pk).first()
                  if regel.pk else None)
    voor = _waarden(opgeslagen, velden) if opgeslagen else None
    na = _waarden(regel, velden)
    if voor == na:
        return None
    omschrijving = _regel_omschrijving(regel, na)
    opent = toegang.regel_opent(model, voor, na) - toegang.eigen_zicht(door, school)
    if opent and not door.is_superuser:
        if voor is not None:
            _zetten(regel, voor)
        return _verzoek(door=door, school=school, soort=Wijzigingsoort.REGEL, model=model,
                        object_id=regel.pk, voor=voor, na=na, omschrijving=omschrijving)
    regel.save()
    _regel_gelogd(door, school, regel, voor, na)
    return regel


def _regel_gelogd(door, school, regel, voor, na, verzoek=None, melden=True) -> Wijziging:
    omschrijving = _regel_omschrijving(regel, na or voor)
    if voor is None:
        actie, wat = Wijzigingsactie.TOEGEVOEGD, _("toegevoegd")
    elif na is None:
        actie, wat = Wijzigingsactie.VERWIJDERD, _("verwijderd")
    else:
        actie, wat = Wijzigingsactie.GEWIJZIGD, _("gewijzigd")
    return wijziging_vastleggen(
        door=door, school=school, soort=Wijzigingsoort.REGEL,
        actie=Wijzigingsactie.BEVESTIGD if verzoek else actie, omschrijving=omschrijving,
        model=type(regel), object_id=regel.pk, voor=voor, na=na, verzoek=verzoek,
        melding=(_("Nakijken: %(w)s %(a)s door %(d)s") % {"w": omschrijving, "a": wat,
                                                         "d": naam_van(door)}) if melden else None,
    )


@transaction.atomic
def regel_verwijderen(*, door, regel: models.Model) -> None:
    """Remove a rule row (narrows; applied at once, logged and reported)."""
    regel_toetsen(door=door, regel=regel, verwijderen=True)
    model = type(regel)
    opgeslagen = model.objects.select_for_update().get(pk=regel.pk)
    voor = _waarden(opgeslagen, regelvelden(model))
    school = _school_van(opgeslagen)
    opgeslagen.delete()
    opgeslagen.pk = regel.pk
    _regel_gelogd(door, school, opgeslagen, voor, None)


def statuut_toegevoegd(*, door, statuut: Statuut) -> Wijziging:
    """A new statuut version (its rule rows follow one by one through `regel_wijzigen`)."""
    return _regel_gelogd(door, statuut.school, statuut, None,
                         _waarden(statuut, regelvelden(Statuut)))


@transaction.atomic
def statuut_verwijderen(*, door, statuut: Statuut) -> None:
    """Remove a statuut version with its rule rows, each logged (and refused for a row that
    applies to `door`'s own role)."""
    for model in toegang.regelmodellen():
        for regel in model.objects.filter(statuut=statuut):
            regel_verwijderen(door=door, regel=regel)
    regel_toetsen(door=door, regel=statuut, verwijderen=True)
    voor = _waarden(statuut, regelvelden(Statuut))
    school, pk = statuut.school, statuut.pk
    statuut.delete()
    statuut.pk = pk
    _regel_gelogd(door, school, statuut, voor, None)


# --- the directie decides ---------------------------------------------------------------

def _verzoek_geldt_voor(verzoek: Wijzigingsverzoek, user) -> bool:
    """Whether confirming would widen `user`'s own rights: a role of their own account, or a
    rule that applies to one of their roles."""
    model = verzoek.model.model_class()
    if model is Roltoewijzing:
        return Medewerker.objects.filter(pk=verzoek.na.get("medewerker"), user=user).exists()
    genoemd = toegang.genoemde_rollen(model, verzoek.na) | toegang.genoemde_rollen(
        model, verzoek.voor)
    return bool(genoemd & toegang.rollen_van(user, verzoek.school))


class _Verouderd(Exception):
    pass


def _toepassen(verzoek: Wijzigingsverzoek) -> models.Model:
    model = verzoek.model.model_class()
    if verzoek.object_id is None:
        obj = model()
    else:
        obj = model.objects.select_for_update().filter(pk=verzoek.object_id).first()
        if obj is None:
            raise _Verouderd(_("de rij bestaat niet meer"))
        velden = tuple(verzoek.voor or {})
        if _waarden(obj, velden) != (verzoek.voor or {}):
            raise _Verouderd(_("de rij is intussen gewijzigd"))
    _zetten(obj, verzoek.na)
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise _Verouderd("; ".join(exc.messages)) from exc
    obj.save()
    return obj


@transaction.atomic
def wijziging_bevestigen(*, door, verzoek: Wijzigingsverzoek) -> Wijzigingsverzoek:
    """A member of the school's directie (not the one who asked) confirms: the change is
    applied now and logged. When the row changed in the meantime the request lapses instead
    (status `vervallen`, with the reason) and nothing is applied."""
    verzoek = Wijzigingsverzoek.objects.select_for_update().select_related("school").get(
        pk=verzoek.pk)
    _beslisser_controleren(door, verzoek)
    if _verzoek_geldt_voor(verzoek, door):
        raise InvoerFout(_("Dit verzoek verruimt uw eigen rechten; een ander lid van de "
                           "directie of de applicatiebeheerder beslist erover."))
    nu = timezone.now()
    try:
        obj = _toepassen(verzoek)
    except _Verouderd as exc:
        verzoek.vervallen(door=door, op=nu, reden=str(exc))
        verzoek.save()
        _termijn_sluiten(verzoek, termijn_vervallen)
        wijziging_vastleggen(door=door, school=verzoek.school, soort=verzoek.soort,
                             actie=Wijzigingsactie.VERVALLEN, omschrijving=verzoek.omschrijving,
                             model=verzoek.model.model_class(), object_id=verzoek.object_id,
                             voor=verzoek.voor, na=verzoek.na, verzoek=verzoek)
        return verzoek
    verzoek.bevestigen(door=door, op=nu)
    verzoek.save()
    _termijn_sluiten(verzoek, termijn_voldaan)
    wijziging_vastleggen(door=door, school=verzoek.school, soort=verzoek.soort,
                         actie=Wijzigingsactie.BEVESTIGD, omschrijving=verzoek.omschrijving,
                         obj=obj, voor=verzoek.voor, na=verzoek.na, verzoek=verzoek)
    return verzoek


@transaction.atomic
def wijziging_afwijzen(*, door, verzoek: Wijzigingsverzoek, reden: str) -> Wijzigingsverzoek:
    """The directie rejects a pending change, with a reason; nothing is applied."""
    verzoek = Wijzigingsverzoek.objects.select_for_update().select_related("school").get(
        pk=verzoek.pk)
    _beslisser_controleren(door, verzoek)
    reden = (reden or "").strip()
    if not reden:
        raise InvoerFout(_("Geef een reden voor de afwijzing; de aanvrager ziet die."))
    if len(reden) > REDEN_MAX:
        raise InvoerFout(_("De reden is te lang: ten hoogste %(n)d tekens.") % {"n": REDEN_MAX})
    verzoek.afwijzen(door=door, op=timezone.now(), reden=reden)
    verzoek.save()
    _termijn_sluiten(verzoek, termijn_vervallen)
    wijziging_vastleggen(door=door, school=verzoek.school, soort=verzoek.soort,
                         actie=Wijzigingsactie.AFGEWEZEN, omschrijving=verzoek.omschrijving,
                         model=verzoek.model.model_class(), object_id=verzoek.object_id,
                         voor=verzoek.voor, na=verzoek.na, verzoek=verzoek)
    return verzoek


def _beslisser_controleren(door, verzoek: Wijzigingsverzoek) -> None:
    if verzoek.status != Verzoekstatus.OPEN:
        raise InvoerFout(_("Over dit verzoek is al beslist (%(s)s).")
                         % {"s": verzoek.get_status_display()})
    if verzoek.aangevraagd_door_id == door.pk:
        raise InvoerFout(_("U kunt uw eigen verzoek niet bevestigen of afwijzen; een ander lid "
                           "van de directie beslist."))
    if not toegang.mag_wijziging_beslissen(door, verzoek):
        raise InvoerFout(_("Alleen de directie van %(s)s beslist over dit verzoek.")
                         % {"s": verzoek.school})


def _termijn_sluiten(verzoek: Wijzigingsverzoek, sluiten) -> None:
    if verzoek.termijn_id and verzoek.termijn.status in (Termijnstatus.OPEN,
                                                          Termijnstatus.VERLOPEN):
        sluiten(verzoek.termijn)


# --- grants on one pupil ----------------------------------------------------------------

def toekenning_vastleggen(*, door, toekenning: Toekenning, actie: str) -> Wijziging:
    """A grant was given or withdrawn (`dossiers.toekenningen`). The log row names the pupil
    by number for the directie; the deadline text names no pupil."""
    waarden = {
        "leerling": toekenning.leerling_id,
        "leerlingnummer": toekenning.leerling.leerlingnummer,
        "aan": toekenning.user.get_username(),
        "omvang": toekenning.omvang,
        "geldig_vanaf": toekenning.geldig_vanaf,
        "geldig_tot": toekenning.geldig_tot,
        "reden": toekenning.reden,
        "verleend_door": toekenning.verleend_door.get_username(),
    }
    waarden = _json(waarden)
    ingetrokken = actie == Wijzigingsactie.VERWIJDERD
    omvang = toekenning.get_omvang_display()
    omschrijving = (_("toegang (%(o)s) tot leerling %(n)s voor %(a)s")
                    % {"o": omvang, "n": toekenning.leerling.leerlingnummer,
                       "a": naam_van(toekenning.user)})
    melding = (_("Nakijken: toegang (%(o)s) tot een leerling %(w)s %(a)s door %(d)s")
               % {"o": omvang, "a": naam_van(toekenning.user), "d": naam_van(door),
                  "w": _("ingetrokken voor") if ingetrokken else _("gegeven aan")})
    return wijziging_vastleggen(
        door=door, school=toekenning.leerling.school, soort=Wijzigingsoort.TOEKENNING,
        actie=actie, omschrijving=omschrijving, obj=toekenning,
        voor=waarden if ingetrokken else None,
        na=None if ingetrokken else waarden, melding=melding,
    )
