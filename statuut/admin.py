"""The functioneel beheerder's tool: schools, calendars and statuut versions.

A beheerder sees only the schools where they hold the functioneel-beheerder role
(superusers see all). Every calendar edit calls the calendar service in the same
transaction as the edit, so cached school-day tables and open deadlines follow it.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import services
from .models import (
    Artikel,
    Beroepsregel,
    Bestuur,
    Briefregel,
    Herinnering,
    Klachtfase,
    Maatregelsoort,
    RegioVakantie,
    Rol,
    School,
    Schooljaar,
    SchoolVakantie,
    Statuut,
    Termijn,
    Toegangsregel,
    Verzuimdrempel,
    VrijeDag,
    Zekerheid,
)

admin.site.site_header = _("Leerlingzorg – beheer")
admin.site.site_title = _("Leerlingzorg – beheer")
admin.site.index_title = _("Beheer")


def beheerde_scholen(user) -> models.QuerySet[School]:
    """The schools this admin user manages: all for a superuser, else where they are beheerder."""
    if user.is_superuser:
        return School.objects.all()
    return School.objects.filter(
        roltoewijzingen__medewerker__user=user,
        roltoewijzingen__rol=Rol.FUNCTIONEEL_BEHEERDER,
    ).distinct()


# Model -> (lookup to School, whether rows not yet tied to any school are shown too).
# Apps further down the dependency chain register their models here (dossiers/admin.py).
SCHOOL_PADEN: dict[type[models.Model], tuple[str, bool]] = {School: ("pk", False)}


def scope(qs: models.QuerySet, user) -> models.QuerySet:
    """Only the rows of the user's own schools (superuser: all rows)."""
    if user.is_superuser:
        return qs
    pad_en_los = SCHOOL_PADEN.get(qs.model)
    if pad_en_los is None:
        if not any(f.name == "school" for f in qs.model._meta.fields):
            return qs
        pad_en_los = ("school", False)
    pad, ook_los = pad_en_los
    voorwaarde = Q(**{f"{pad}__in": beheerde_scholen(user)})
    if ook_los:
        # e.g. a parent just entered, before being linked to a pupil
        voorwaarde |= Q(**{f"{pad}__isnull": True})
    return qs.filter(voorwaarde).distinct()


class SchoolScopeMixin:
    """Limit rows and foreign-key choices to the schools the user manages."""

    def get_queryset(self, request):
        return scope(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = scope(field.queryset, request.user)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = scope(field.queryset, request.user)
        return field


# --- Bestuur, school and its calendar ---------------------------------------------------

@admin.register(Bestuur)
class BestuurAdmin(admin.ModelAdmin):
    list_display = ["naam"]
    search_fields = ["naam"]


class SchoolVakantieInline(admin.TabularInline):
    model = SchoolVakantie
    extra = 0
    fields = ["schooljaar", "soort", "eerste_dag", "laatste_dag"]


class VrijeDagInline(admin.TabularInline):
    model = VrijeDag
    extra = 0
    fields = ["eerste_dag", "laatste_dag", "omschrijving"]


KALENDER_VELDEN = {"regio", "goede_vrijdag_vrij", "bevrijdingsdag_elk_jaar_vrij",
                   "vrijdag_na_hemelvaart_vrij"}


@admin.register(School)
class SchoolAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["naam", "korte_naam", "brin", "regio", "onderwijssoort", "bestuur"]
    list_filter = ["regio", "onderwijssoort", "bestuur"]
    search_fields = ["naam", "korte_naam", "brin"]
    inlines = [SchoolVakantieInline, VrijeDagInline]
    fieldsets = [
        (None, {"fields": ["bestuur", "naam", "korte_naam", "brin", "onderwijssoort",
                           "adres", "postcode_plaats"]}),
        (_("Kalender"), {
            "fields": ["regio", "goede_vrijdag_vrij", "bevrijdingsdag_elk_jaar_vrij",
                       "vrijdag_na_hemelvaart_vrij"],
            "description": _("Na opslaan worden de schooldagen en alle open termijnen van "
                             "de school opnieuw berekend."),
        }),
    ]

    # Creating or removing a school is for the application manager (superuser): a new
    # school needs a statuut and roles before a beheerder can work with it.
    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_related(self, request, form, formsets, change):
        # Inlines are saved here, after the school itself; the admin view runs all of this
        # in one transaction, so the recomputation commits (or rolls back) with the edit.
        super().save_related(request, form, formsets, change)
        kalender_aangepast = (
            not change
            or KALENDER_VELDEN.intersection(form.changed_data)
            or any(fs.model in (SchoolVakantie, VrijeDag) and fs.has_changed()
                   for fs in formsets)
        )
        if kalender_aangepast:
            services.kalender_gewijzigd(school=form.instance)


@admin.register(RegioVakantie)
class RegioVakantieAdmin(admin.ModelAdmin):
    list_display = ["soort", "schooljaar", "regio", "eerste_dag", "laatste_dag",
                    "zekerheid", "bron"]
    list_filter = ["schooljaar", "regio", "status", "soort"]
    ordering = ["schooljaar", "regio", "eerste_dag"]

    @admin.display(description=_("zekerheid"), ordering="status")
    def zekerheid(self, obj):
        if obj.status == Zekerheid.CONFIRMED:
            return obj.get_status_display()
        # Rows from a single dataset must stand out: the school checks them before relying.
        return format_html(
            '<strong style="color:#b00020">&#9888; {}</strong>', obj.get_status_display()
        )

    def save_model(self, request, obj, form, change):
        oude_regio = form.initial.get("regio") if change else None
        super().save_model(request, obj, form, change)
        regio_gewijzigd(obj.regio)
        if oude_regio and oude_regio != obj.regio:
            regio_gewijzigd(oude_regio)

    def delete_model(self, request, obj):
        regio = obj.regio
        super().delete_model(request, obj)
        regio_gewijzigd(regio)

    def delete_queryset(self, request, queryset):
        regios = set(queryset.values_list("regio", flat=True))
        super().delete_queryset(request, queryset)
        for regio in sorted(regios):
            regio_gewijzigd(regio)


def regio_gewijzigd(regio: str) -> None:
    services.regiovakanties_gewijzigd(regio=regio)


@admin.register(Schooljaar)
class SchooljaarAdmin(admin.ModelAdmin):
    list_display = ["naam", "begin", "eind"]


# --- Statuut versions ---------------------------------------------------------------------
# Inlines use all fields (Django's default): the statuut models still gain fields.

class ArtikelInline(admin.StackedInline):
    model = Artikel
    extra = 0


class MaatregelsoortInline(admin.StackedInline):
    model = Maatregelsoort
    extra = 0


class KlachtfaseInline(admin.StackedInline):
    model = Klachtfase
    extra = 0


class BeroepsregelInline(admin.StackedInline):
    model = Beroepsregel
    extra = 0


class BriefregelInline(admin.TabularInline):
    model = Briefregel
    extra = 0


class VerzuimdrempelInline(admin.StackedInline):
    model = Verzuimdrempel
    extra = 0


class ToegangsregelInline(admin.TabularInline):
    model = Toegangsregel
    extra = 0


@admin.register(Statuut)
class StatuutAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["titel", "school", "preset", "versie", "ingangsdatum", "geldig_tot"]
    list_filter = ["school", "preset"]
    search_fields = ["titel"]
    inlines = [ArtikelInline, MaatregelsoortInline, KlachtfaseInline, BeroepsregelInline,
               VerzuimdrempelInline, ToegangsregelInline, BriefregelInline]


class AlleenLezenMixin:
    """For records that are written only by the application (deadlines, the read log)."""

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HerinneringInline(AlleenLezenMixin, admin.TabularInline):
    """Which reminders went to whom, and when: to answer "did I get a reminder?"."""

    model = Herinnering
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Termijn)
class TermijnAdmin(AlleenLezenMixin, SchoolScopeMixin, admin.ModelAdmin):
    """Deadlines are opened and closed by the flows' services; here they are only listed."""

    inlines = [HerinneringInline]

    list_display = ["omschrijving", "school", "startdatum", "aantal", "eenheid",
                    "vervaldatum", "verantwoordelijke", "status"]
    list_filter = ["status", "school", "eenheid"]
    search_fields = ["omschrijving", "regel"]
    date_hierarchy = "vervaldatum"
