"""Staff pickers: each person with their roles at the school ("Dennis Yilmaz (Teamleider /
afdelingsleider)"), so that two colleagues with the same first name can be told apart. Who is
offered is decided by the caller through `dossiers.toegang`; this module only labels."""

from __future__ import annotations

from django.db.models import QuerySet

from statuut.models import Rol

from .models import Roltoewijzing


def rollen_per_user(users: QuerySet, school) -> dict[int, list[str]]:
    """The role labels of each of `users` at `school`, in the order of `Rol` (one query)."""
    volgorde = {rol: i for i, rol in enumerate(Rol.values)}
    rollen: dict[int, set[str]] = {}
    for user_id, rol in Roltoewijzing.objects.filter(
            medewerker__user__in=users, school=school).values_list("medewerker__user_id", "rol"):
        rollen.setdefault(user_id, set()).add(rol)
    return {user_id: [str(Rol(r).label) for r in sorted(eigen, key=volgorde.get)]
            for user_id, eigen in rollen.items()}


def label(user, rollen: list[str]) -> str:
    medewerker = getattr(user, "medewerker", None)
    naam = medewerker.naam if medewerker else user.get_username()
    return f"{naam} ({', '.join(rollen)})" if rollen else naam


def met_rollen(users: QuerySet, school) -> list[tuple[int, str]]:
    """(pk, "name (roles)") for each of `users`, ordered by name."""
    users = users.select_related("medewerker").order_by("medewerker__naam", "username")
    rollen = rollen_per_user(users, school)
    return [(u.pk, label(u, rollen.get(u.pk, []))) for u in users]


def labeler(users: QuerySet, school):
    """A `label_from_instance` for a ModelChoiceField over `users`."""
    rollen = rollen_per_user(users, school)
    return lambda user: label(user, rollen.get(user.pk, []))


def medewerker_labeler(medewerkers: QuerySet, scholen):
    """A `label_from_instance` for a ModelChoiceField over `Medewerker` rows: the name and the
    roles at `scholen` (one query)."""
    volgorde = {rol: i for i, rol in enumerate(Rol.values)}
    rollen: dict[int, set[str]] = {}
    for pk, rol in Roltoewijzing.objects.filter(
            medewerker__in=medewerkers, school__in=scholen).values_list("medewerker_id", "rol"):
        rollen.setdefault(pk, set()).add(rol)

    def labelen(medewerker) -> str:
        eigen = [str(Rol(r).label) for r in sorted(rollen.get(medewerker.pk, ()),
                                                   key=volgorde.get)]
        return f"{medewerker.naam} ({', '.join(eigen)})" if eigen else medewerker.naam
    return labelen
