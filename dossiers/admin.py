"""The functioneel beheerder's tool for the people of a school: departments, groups,
pupils, parents and staff with their roles.

Dossier content (Dossierstuk) is not in the admin: it is read in the application, through
`dossiers.toegang`, where every read is logged. The read log itself is shown read-only to
superusers.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from statuut.admin import (
    REGELWACHTER,
    SCHOOL_PADEN,
    AlleenLezenMixin,
    SchoolScopeMixin,
    beheerde_scholen,
)
from statuut.services import InvoerFout

from . import wijzigingen
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
    Wijzigingsverzoek,
)

# Rule rows of the statuut change through the governance service (issue 11).
REGELWACHTER.update(
    toetsen=wijzigingen.regel_toetsen,
    wijzigen=wijzigingen.regel_wijzigen,
    verwijderen=wijzigingen.regel_verwijderen,
    statuut_toegevoegd=wijzigingen.statuut_toegevoegd,
    statuut_verwijderen=wijzigingen.statuut_verwijderen,
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


class EigenAccountFormSet(BaseInlineFormSet):
    """Roles and lesopdrachten of a staff member. Nobody changes their own (issue 11): a
    change on one's own record is refused as a Dutch message on the form, nothing saved;
    each role row is checked by the same service that later writes it."""

    door = None  # the acting user, set per request in `BeheerdInlineMixin.get_formset`

    def clean(self):
        super().clean()
        if self.door is None:
            return
        fouten = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.errors:
                continue
            verwijderen = self.can_delete and self._should_delete_form(form)
            if verwijderen and form.instance.pk is None:
                continue
            if not verwijderen and not form.has_changed():
                continue
            try:
                wijzigingen.rol_toetsen(door=self.door, medewerker=self.instance
                                        if self.instance.pk else None)
                if self.model is Roltoewijzing and not verwijderen:
                    wijzigingen.rol_controleren(form.instance)
            except InvoerFout as exc:
                fouten.append(str(exc))
        if fouten:
            raise ValidationError(sorted(set(fouten)))


class BeheerdInlineMixin:
    formset = EigenAccountFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"door": request.user})


class RoltoewijzingInline(BeheerdInlineMixin, SchoolScopeMixin, admin.TabularInline):
    model = Roltoewijzing
    extra = 0


class LesopdrachtInline(BeheerdInlineMixin, SchoolScopeMixin, admin.TabularInline):
    model = Lesopdracht
    extra = 0


class MedewerkerForm(forms.ModelForm):
    door = None  # set per request in `MedewerkerAdmin.get_form`

    def clean(self):
        gegevens = super().clean()
        if self.door is not None and self.instance.pk and "user" in self.changed_data:
            nieuw = gegevens.get("user")
            try:
                wijzigingen.account_toetsen(door=self.door, medewerker=self.instance,
                                            oud_user_id=self.initial.get("user"),
                                            nieuw_user_id=nieuw.pk if nieuw else None)
            except InvoerFout as exc:
                raise ValidationError(str(exc)) from exc
        return gegevens


@admin.register(Medewerker)
class MedewerkerAdmin(SchoolScopeMixin, admin.ModelAdmin):
    """Staff and their roles. Every role change goes through `dossiers.wijzigingen`: never
    one's own, a widening waits for the directie, everything is logged (issue 11)."""

    form = MedewerkerForm
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

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"door": request.user})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "user" in form.changed_data:
            wijzigingen.account_koppelen(door=request.user, medewerker=obj,
                                         oud_user_id=form.initial.get("user"))

    def save_formset(self, request, form, formset, change):
        if formset.model is not Roltoewijzing:
            return super().save_formset(request, form, formset, change)
        rijen = formset.save(commit=False)
        for toewijzing in formset.deleted_objects:
            wijzigingen.rol_intrekken(door=request.user, toewijzing=toewijzing)
        wachtend = []
        for toewijzing in rijen:
            uitkomst = wijzigingen.rol_toewijzen(door=request.user, toewijzing=toewijzing)
            if isinstance(uitkomst, Wijzigingsverzoek):
                wachtend.append(toewijzing)
                messages.warning(request, _(
                    "Niet doorgevoerd maar ter bevestiging aan de directie voorgelegd (deze "
                    "rol opent leerlinggegevens die u zelf niet ziet): %(w)s")
                    % {"w": uitkomst})
        # Django's history note names only what was written.
        formset.new_objects = [r for r in formset.new_objects if r not in wachtend]
        formset.changed_objects = [(r, v) for r, v in formset.changed_objects
                                   if r not in wachtend]

    def get_deleted_objects(self, objs, request):
        verwijderd, aantallen, rechten, beschermd = super().get_deleted_objects(objs, request)
        # One's own record is not one's own to remove (its roles go with it): shown as
        # protected, so the confirmation page refuses with the reason.
        if any(m.user_id == request.user.pk for m in objs) and not request.user.is_superuser:
            beschermd = [*beschermd, wijzigingen.EIGEN_ACCOUNT]
        return verwijderd, aantallen, rechten, beschermd

    def delete_model(self, request, obj):
        wijzigingen.medewerker_verwijderen(door=request.user, medewerker=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            wijzigingen.medewerker_verwijderen(door=request.user, medewerker=obj)


@admin.register(Wijzigingsverzoek)
class WijzigingsverzoekAdmin(AlleenLezenMixin, SchoolScopeMixin, admin.ModelAdmin):
    """What waits for the directie, and what they decided: the beheerder sees the fate of
    their requests here; the directie decides in the application (/wijzigingen/)."""

    list_display = ["omschrijving", "school", "aangevraagd_door", "aangevraagd_op", "status",
                    "beslist_door", "reden"]
    list_filter = ["status", "school"]


@admin.register(Inzage)
class InzageAdmin(AlleenLezenMixin, admin.ModelAdmin):
    """The AVG read log: never edited, only read by the application manager."""

    list_display = ["tijdstip", "user", "leerling", "onderdeel"]
    list_filter = ["onderdeel"]
    date_hierarchy = "tijdstip"

from .brieven import admin as _brieven_admin  # noqa: E402,F401  (letter settings)
