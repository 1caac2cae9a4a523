"""The functioneel beheerder's tool for the people of a school: departments, groups,
pupils, parents and staff with their roles.

Dossier content (Dossierstuk) is not in the admin: it is read in the application, through
`dossiers.toegang`, where every read is logged. The read log itself is shown read-only to
superusers.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from statuut.admin import SCHOOL_PADEN, AlleenLezenMixin, SchoolScopeMixin, beheerde_scholen

from .models import (
    Afdeling,
    Groep,
    Groepsplaatsing,
    Inzage,
    Leerling,
    Lesopdracht,
    Medewerker,
    Ouder,
    Ouderschap,
    Roltoewijzing,
)

SCHOOL_PADEN.update({
    Ouder: ("leerlingen__school", True),
    Medewerker: ("rollen__school", True),
    Groepsplaatsing: ("leerling__school", False),
    Ouderschap: ("leerling__school", False),
    Lesopdracht: ("groep__school", False),
})


@admin.register(Afdeling)
class AfdelingAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["naam", "school"]
    list_filter = ["school"]
    search_fields = ["naam"]


class LesopdrachtInGroepInline(SchoolScopeMixin, admin.TabularInline):
    model = Lesopdracht
    extra = 0
    autocomplete_fields = ["docent"]
    verbose_name_plural = _("lesopdrachten in deze groep")


@admin.register(Groep)
class GroepAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["naam", "school", "schooljaar", "afdeling", "mentor_namen", "aantal"]
    list_filter = ["schooljaar", "school", "afdeling"]
    search_fields = ["naam"]
    filter_horizontal = ["mentoren"]
    inlines = [LesopdrachtInGroepInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(
            "school", "schooljaar", "afdeling"
        ).prefetch_related("mentoren", "plaatsingen")

    @admin.display(description=_("mentoren"))
    def mentor_namen(self, obj):
        return ", ".join(m.naam for m in obj.mentoren.all())

    @admin.display(description=_("leerlingen"))
    def aantal(self, obj):
        return len(obj.plaatsingen.all())


class GroepsplaatsingInline(SchoolScopeMixin, admin.TabularInline):
    model = Groepsplaatsing
    extra = 0


class OuderschapInline(SchoolScopeMixin, admin.TabularInline):
    model = Ouderschap
    extra = 0
    autocomplete_fields = ["ouder"]


@admin.register(Leerling)
class LeerlingAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["leerlingnummer", "achternaam", "tussenvoegsel", "roepnaam",
                    "geboortedatum", "school"]
    list_display_links = ["leerlingnummer", "achternaam"]
    list_filter = ["school", "groepen__schooljaar", "groepen"]
    search_fields = ["roepnaam", "voornamen", "achternaam", "leerlingnummer"]
    inlines = [GroepsplaatsingInline, OuderschapInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("school")


class OuderschapVanOuderInline(SchoolScopeMixin, admin.TabularInline):
    model = Ouderschap
    extra = 0
    autocomplete_fields = ["leerling"]
    verbose_name_plural = _("kinderen")


@admin.register(Ouder)
class OuderAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["achternaam", "tussenvoegsel", "voorletters", "email", "telefoon",
                    "woonplaats"]
    search_fields = ["achternaam", "voorletters", "email", "leerlingen__achternaam",
                     "leerlingen__leerlingnummer"]
    inlines = [OuderschapVanOuderInline]


class RoltoewijzingInline(SchoolScopeMixin, admin.TabularInline):
    model = Roltoewijzing
    extra = 0


class LesopdrachtInline(SchoolScopeMixin, admin.TabularInline):
    model = Lesopdracht
    extra = 0


@admin.register(Medewerker)
class MedewerkerAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["naam", "voorletters", "functie", "user", "rol_namen"]
    list_filter = ["rollen__school", "rollen__rol"]
    search_fields = ["naam", "user__username", "functie"]
    inlines = [RoltoewijzingInline, LesopdrachtInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").prefetch_related(
            "rollen__school"
        )

    @admin.display(description=_("rollen"))
    def rol_namen(self, obj):
        return ", ".join(str(r) for r in obj.rollen.all())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "user" and not request.user.is_superuser:
            # A beheerder links a login only if it is free or already staff of their school.
            field.queryset = get_user_model().objects.filter(
                Q(medewerker__isnull=True)
                | Q(medewerker__rollen__school__in=beheerde_scholen(request.user)),
                is_superuser=False,
            ).distinct()
        return field


@admin.register(Inzage)
class InzageAdmin(AlleenLezenMixin, admin.ModelAdmin):
    """The AVG read log: never edited, only read by the application manager."""

    list_display = ["tijdstip", "user", "leerling", "onderdeel"]
    list_filter = ["onderdeel"]
    date_hierarchy = "tijdstip"

from .brieven import admin as _brieven_admin  # noqa: E402,F401  (letter settings)
