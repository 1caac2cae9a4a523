"""The functioneel beheerder's tool: schools, calendars and statuut versions.

A beheerder sees only the schools where they hold the functioneel-beheerder role
(superusers see all). Every calendar edit calls the calendar service in the same
transaction as the edit, so cached school-day tables and open deadlines follow it.
"""

from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import gedeeld, services
from .forms import BevoegdheidForm, ToegangsregelForm
from .models import (
    Artikel,
    Beroepsregel,
    Bestuur,
    Bestuursroltoewijzing,
    Bevoegdheid,
    Briefregel,
    Herinnering,
    Klachtfase,
    Maatregelsoort,
    Orgaanrol,
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
    if "__" not in pad:
        return qs.filter(voorwaarde)
    # A path through a to-many relation would repeat rows: filter on a subquery instead of
    # DISTINCT, which would make every count and date range of a long list scan it whole.
    return qs.filter(pk__in=qs.model._default_manager.filter(voorwaarde).values("pk"))


def keuzefilter(*select_related: str) -> type[admin.RelatedFieldListFilter]:
    """A list filter on a foreign key or many-to-many field offering only the user's own
    schools' rows, read in one query (`Groep.__str__` reads its school year, `Afdeling`'s
    its school: Django's own filter would run one query per choice)."""

    class Keuzefilter(admin.RelatedFieldListFilter):
        def field_choices(self, field, request, model_admin):
            qs = scope(field.related_model._default_manager.all(), request.user)
            ordering = self.field_admin_ordering(field, request, model_admin)
            if ordering:
                qs = qs.order_by(*ordering)
            return [(obj.pk, str(obj)) for obj in qs.select_related(*select_related)]

    return Keuzefilter


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

class GedeeldMixin:
    """Rows several schools share (`statuut.gedeeld`): a school's beheerder sees them read-only;
    only who keeps every school sharing a row may add, change or delete it."""

    def mag_gedeeld_wijzigen(self, request, obj=None) -> bool:
        raise NotImplementedError

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self.mag_gedeeld_wijzigen(request)

    def has_change_permission(self, request, obj=None):
        return (super().has_change_permission(request, obj)
                and self.mag_gedeeld_wijzigen(request, obj))

    def has_delete_permission(self, request, obj=None):
        return (super().has_delete_permission(request, obj)
                and self.mag_gedeeld_wijzigen(request, obj))


class BestuursroltoewijzingInline(admin.TabularInline):
    """Who keeps the board's shared data. Granted by the application manager only: nobody
    makes themselves (or a colleague) bestuursbeheerder."""

    model = Bestuursroltoewijzing
    extra = 0
    raw_id_fields = ["user"]

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Bestuur)
class BestuurAdmin(admin.ModelAdmin):
    list_display = ["naam"]
    search_fields = ["naam"]
    inlines = [BestuursroltoewijzingInline]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return (super().has_change_permission(request)
                    and (request.user.is_superuser or gedeeld.is_bestuursbeheerder(request.user)))
        return (super().has_change_permission(request, obj)
                and gedeeld.mag_bestuur_wijzigen(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


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
        (_("Inloggen"), {"fields": ["tweede_factor"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Moving a school to another board changes who keeps its shared data; switching
        # the second factor off weakens every account of the school. Both only by the
        # application manager (superuser), never the school's own beheerder.
        velden = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            velden += ["bestuur", "tweede_factor"]
        return velden

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


class RegioVakantieForm(forms.ModelForm):
    """Checks that the region the row is moved to (or added for) is one the user keeps."""

    user = None  # set per request by RegioVakantieAdmin.get_form

    def clean_regio(self):
        regio = self.cleaned_data["regio"]
        if not gedeeld.mag_regio_wijzigen(self.user, regio):
            raise forms.ValidationError(
                _("De vakanties van regio %(regio)s gelden ook voor scholen van een ander "
                  "bestuur; alleen de applicatiebeheerder past ze aan."),
                params={"regio": regio},
            )
        return regio


@admin.register(RegioVakantie)
class RegioVakantieAdmin(GedeeldMixin, admin.ModelAdmin):
    """A region's vacations hold for every school in the region: changed only by a
    bestuursbeheerder whose boards hold all those schools (`statuut.gedeeld`)."""

    form = RegioVakantieForm
    list_display = ["soort", "schooljaar", "regio", "eerste_dag", "laatste_dag",
                    "zekerheid", "bron"]
    list_filter = ["schooljaar", "regio", "status", "soort"]
    ordering = ["schooljaar", "regio", "eerste_dag"]

    def mag_gedeeld_wijzigen(self, request, obj=None):
        if obj is not None:
            return gedeeld.mag_regio_wijzigen(request.user, obj.regio)
        return request.user.is_superuser or gedeeld.is_bestuursbeheerder(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

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
class SchooljaarAdmin(GedeeldMixin, admin.ModelAdmin):
    """A school year holds for every school: its end ends every school's placements."""

    list_display = ["naam", "begin", "eind"]

    def mag_gedeeld_wijzigen(self, request, obj=None):
        return gedeeld.mag_schooljaren_wijzigen(request.user)


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


class MetDoorInlineMixin:
    """An inline whose formset checks who is editing: the formset gets `door`, the user of
    this request (nobody widens their own rights, issue 11)."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"door": request.user})


class RegelInlineMixin(MetDoorInlineMixin):
    formset = RegelFormSet


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


class BriefregelInline(admin.TabularInline):
    model = Briefregel
    extra = 0


class VerzuimdrempelInline(RegelInlineMixin, admin.StackedInline):
    model = Verzuimdrempel
    extra = 0


class BevoegdheidInline(RegelInlineMixin, admin.TabularInline):
    """Who may take which action of a flow, with the article (issue 13)."""

    model = Bevoegdheid
    form = BevoegdheidForm
    extra = 0


class OrgaanrolInline(RegelInlineMixin, admin.TabularInline):
    model = Orgaanrol
    extra = 0


class ToegangsregelInline(RegelInlineMixin, admin.TabularInline):
    model = Toegangsregel
    form = ToegangsregelForm
    extra = 0


@admin.register(Statuut)
class StatuutAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["titel", "school", "preset", "versie", "ingangsdatum", "geldig_tot"]
    list_filter = ["school", "preset"]
    search_fields = ["titel"]
    inlines = [ArtikelInline, MaatregelsoortInline, KlachtfaseInline, BeroepsregelInline,
               VerzuimdrempelInline, ToegangsregelInline, BevoegdheidInline, OrgaanrolInline,
               BriefregelInline]

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
                    "vervaldatum", "datum_gekozen", "verantwoordelijke", "status"]
    list_select_related = ["school", "verantwoordelijke"]
    # No date_hierarchy: it runs MIN/MAX and a DISTINCT over every deadline on each page
    # view (issue 15); the date filter costs no query.
    list_filter = ["status", ("school", keuzefilter()), "eenheid", "vervaldatum"]
    search_fields = ["omschrijving", "regel"]
