"""The functioneel beheerder's tool: schools, calendars and statuut versions.

A beheerder sees only the schools where they hold the functioneel-beheerder role
(superusers see all). Every calendar edit calls the calendar service in the same
transaction as the edit, so cached school-day tables and open deadlines follow it.
"""

from collections.abc import Callable

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import services
from .models import (
    Artikel,
    Beroepsregel,
    Bestuur,
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
from .services import InvoerFout

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
#
# Who may see or do what is in the rule rows (the access matrix, the roles of the measures,
# the complaint stages' handlers, ...): a change of them goes through the governance service
# of `dossiers` (issue 11: nobody widens their own rights, a widening waits for the directie,
# every change is logged). `dossiers.admin` plugs it in here, because `statuut` may not import
# `dossiers`: "toetsen" (check, raises InvoerFout), "wijzigen" (write or turn into a pending
# request), "verwijderen" (a row), "statuut_toegevoegd" (log a new version) and
# "statuut_verwijderen" (a version with its rows).
REGELWACHTER: dict[str, Callable] = {}


class RegelFormSet(BaseInlineFormSet):
    """A rule inline: each changed or deleted row is checked by the governance service, so a
    refusal is a Dutch message on the form and nothing is saved."""

    door = None  # the acting user, set per request in `RegelInlineMixin.get_formset`

    def clean(self):
        super().clean()
        toetsen = REGELWACHTER.get("toetsen")
        if toetsen is None or self.door is None or self.instance.school_id is None:
            return  # (without a school the statuut's own form shows the error)
        fouten = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.errors:
                continue
            verwijderen = self.can_delete and self._should_delete_form(form)
            if verwijderen and form.instance.pk is None:
                continue
            if not verwijderen and not form.has_changed():
                continue
            if form.instance.statuut_id is None:  # a row of a new statuut version
                form.instance.statuut = self.instance
            try:
                toetsen(door=self.door, regel=form.instance, verwijderen=verwijderen)
            except InvoerFout as exc:
                fouten.append(str(exc))
        if fouten:
            raise ValidationError(sorted(set(fouten)))


class RegelInlineMixin:
    formset = RegelFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"door": request.user})


class ArtikelInline(admin.StackedInline):
    model = Artikel
    extra = 0


class MaatregelsoortInline(RegelInlineMixin, admin.StackedInline):
    model = Maatregelsoort
    extra = 0


class KlachtfaseInline(RegelInlineMixin, admin.StackedInline):
    model = Klachtfase
    extra = 0


class BeroepsregelInline(RegelInlineMixin, admin.StackedInline):
    model = Beroepsregel
    extra = 0


class VerzuimdrempelInline(RegelInlineMixin, admin.StackedInline):
    model = Verzuimdrempel
    extra = 0


class ToegangsregelInline(RegelInlineMixin, admin.TabularInline):
    model = Toegangsregel
    extra = 0


@admin.register(Statuut)
class StatuutAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["titel", "school", "preset", "versie", "ingangsdatum", "geldig_tot"]
    list_filter = ["school", "preset"]
    search_fields = ["titel"]
    inlines = [ArtikelInline, MaatregelsoortInline, KlachtfaseInline, BeroepsregelInline,
               VerzuimdrempelInline, ToegangsregelInline]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        def clean(formulier):
            gegevens = super(type(formulier), formulier).clean()
            toetsen = REGELWACHTER.get("toetsen")
            if toetsen is not None and formulier.instance.pk is not None:
                try:
                    toetsen(door=request.user, regel=formulier.instance)
                except InvoerFout as exc:
                    raise ValidationError(str(exc)) from exc
            return gegevens

        return type(form.__name__, (form,), {"clean": clean})

    def save_model(self, request, obj, form, change):
        wijzigen = REGELWACHTER.get("wijzigen")
        if change and wijzigen is not None:
            # The roles named on the version itself (who hears, where bezwaar goes) and the
            # dates that decide which version is in force: a widening is set back on `obj`
            # and waits; the other fields are saved as usual.
            self._wachtend(request, obj, wijzigen(door=request.user, regel=obj))
        super().save_model(request, obj, form, change)
        if not change and (toegevoegd := REGELWACHTER.get("statuut_toegevoegd")):
            toegevoegd(door=request.user, statuut=obj)

    def save_formset(self, request, form, formset, change):
        wijzigen, verwijderen = REGELWACHTER.get("wijzigen"), REGELWACHTER.get("verwijderen")
        if not issubclass(formset.__class__, RegelFormSet) or wijzigen is None:
            return super().save_formset(request, form, formset, change)
        rijen = formset.save(commit=False)
        for regel in formset.deleted_objects:
            verwijderen(door=request.user, regel=regel)
        wachtend = []
        for regel in rijen:
            if self._wachtend(request, regel, wijzigen(door=request.user, regel=regel)):
                wachtend.append(regel)
        # Django's history note names only what was written.
        formset.new_objects = [r for r in formset.new_objects if r not in wachtend]
        formset.changed_objects = [(r, v) for r, v in formset.changed_objects
                                   if r not in wachtend]
        formset.save_m2m()

    def _wachtend(self, request, regel, uitkomst) -> bool:
        if uitkomst is None or isinstance(uitkomst, type(regel)):
            return False
        messages.warning(request, _("Niet doorgevoerd maar ter bevestiging aan de directie "
                                    "voorgelegd (dit verruimt de toegang): %(w)s")
                         % {"w": uitkomst})
        return True

    def get_deleted_objects(self, objs, request):
        verwijderd, aantallen, rechten, beschermd = super().get_deleted_objects(objs, request)
        # A version whose rows apply to the user's own role is not theirs to remove: shown
        # as protected, so the confirmation page refuses with the reason.
        toetsen = REGELWACHTER.get("toetsen")
        if toetsen is not None:
            fouten = set()
            for statuut in objs:
                for inline in self.inlines:
                    if not issubclass(inline, RegelInlineMixin):
                        continue
                    for regel in inline.model.objects.filter(statuut=statuut):
                        try:
                            toetsen(door=request.user, regel=regel, verwijderen=True)
                        except InvoerFout as exc:
                            fouten.add(str(exc))
            beschermd = [*beschermd, *sorted(fouten)]
        return verwijderd, aantallen, rechten, beschermd

    def delete_model(self, request, obj):
        statuut_verwijderen = REGELWACHTER.get("statuut_verwijderen")
        if statuut_verwijderen is None:
            return super().delete_model(request, obj)
        statuut_verwijderen(door=request.user, statuut=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


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
