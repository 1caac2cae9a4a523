"""The functioneel beheerder's tool for the people of a school: departments, groups,
pupils, parents and staff with their roles.

Dossier content (Dossierstuk) is not in the admin: it is read in the application, through
`dossiers.toegang`, where every read is logged. Pupils and parents are shown only as far as
toegang lets the user see them (`dossiers.beheerzicht`): the beheerder places pupils in groups
knowing only their name and number, a superuser sees none; every page that shows a pupil
writes the read log. The read log itself is shown read-only to superusers.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from statuut.admin import (
    REGELWACHTER,
    SCHOOL_PADEN,
    AlleenLezenMixin,
    MetDoorInlineMixin,
    SchoolScopeMixin,
    beheerde_scholen,
    keuzefilter,
)
from statuut.services import InvoerFout

from . import audit, beheerzicht, toegang, wijzigingen
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


def _eigen_medewerker(user):
    try:
        return user.medewerker
    except Medewerker.DoesNotExist:
        return None


class EigenLesopdrachtFormSet(BaseInlineFormSet):
    """Nobody gives themselves a teaching assignment in a group (a docent sees its pupils)."""

    door = None

    def clean(self):
        super().clean()
        eigen = _eigen_medewerker(self.door) if self.door is not None else None
        if eigen is None:
            return
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            nieuw = form.instance.pk is None or "docent" in form.changed_data
            if nieuw and form.cleaned_data.get("docent") == eigen:
                raise ValidationError(_("U kunt uzelf geen lesopdracht in een groep geven: dat "
                                        "geeft u zicht op de leerlingen van die groep. Laat een "
                                        "collega of de directie dit doen."))


class LesopdrachtInGroepInline(MetDoorInlineMixin, SchoolScopeMixin, admin.TabularInline):
    model = Lesopdracht
    extra = 0
    autocomplete_fields = ["docent"]
    verbose_name_plural = _("lesopdrachten in deze groep")

    formset = EigenLesopdrachtFormSet


class GroepForm(forms.ModelForm):
    """Nobody makes themselves mentor of a group (issue 11): a mentor sees the group's pupils
    and their dossier, so a beheerder who also teaches would widen their own sight."""

    door = None  # the requesting user, set per request by GroepAdmin.get_form

    def clean_mentoren(self):
        mentoren = self.cleaned_data["mentoren"]
        eigen = _eigen_medewerker(self.door) if self.door is not None else None
        al_mentor = (self.instance.pk is not None and eigen is not None
                     and self.instance.mentoren.filter(pk=eigen.pk).exists())
        if eigen is not None and eigen in mentoren and not al_mentor:
            raise ValidationError(_("U kunt uzelf geen mentor van een groep maken: dat geeft u "
                                    "zicht op de leerlingen van die groep. Laat een collega "
                                    "of de directie dit doen."))
        return mentoren


@admin.register(Groep)
class GroepAdmin(SchoolScopeMixin, admin.ModelAdmin):
    form = GroepForm

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"door": request.user})

    list_display = ["naam", "school", "schooljaar", "afdeling", "mentor_namen", "aantal"]
    list_filter = ["schooljaar", ("school", keuzefilter()), ("afdeling", keuzefilter("school"))]
    search_fields = ["naam"]
    filter_horizontal = ["mentoren"]
    inlines = [LesopdrachtInGroepInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(
            "school", "schooljaar", "afdeling__school"
        ).prefetch_related("mentoren", "plaatsingen")

    @admin.display(description=_("mentoren"))
    def mentor_namen(self, obj):
        return ", ".join(m.naam for m in obj.mentoren.all())

    @admin.display(description=_("leerlingen"))
    def aantal(self, obj):
        return len(obj.plaatsingen.all())


def _is_autocomplete(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "autocomplete"


class _VastleggendePaginator(Paginator):
    """Writes the read log for every page of results it hands out (the autocomplete's
    answers list pupils or parents too)."""

    def __init__(self, *args, vastleggen, **kwargs):
        super().__init__(*args, **kwargs)
        self._vastleggen = vastleggen

    def page(self, number):
        pagina = super().page(number)
        pagina.object_list = list(pagina.object_list)
        self._vastleggen(pagina.object_list)
        return pagina


def _ouders_vastleggen(request, ouders) -> None:
    """Parents' data are category B of their children: one read per child whose B the user
    sees, in one insert."""
    kinderen = beheerzicht.ouderleerlingen(request.user).filter(
        ouderschappen__ouder__in=[o.pk for o in ouders]).distinct()
    audit.inzagen_vastleggen(user=request.user, leerlingen=kinderen,
                             lijst=f"{beheerzicht.BEHEER}: ouders",
                             onderdeel=f"{beheerzicht.BEHEER}: {beheerzicht.OUDERS}")


class _ZichtMixin:
    """The pupil's `beheerzicht.Zicht`, asked once per request and pupil."""

    def zicht(self, request, leerling) -> beheerzicht.Zicht:
        if leerling is None or leerling.pk is None:
            return beheerzicht.zicht_nieuw(request.user)[0]
        cache = request.__dict__.setdefault("_beheerzicht", {})
        if leerling.pk not in cache:
            cache[leerling.pk] = beheerzicht.zicht(request.user, leerling)
        return cache[leerling.pk]


class GroepsplaatsingInline(admin.TabularInline):
    """Category D, and the beheerder's work: placing pupils in groups."""

    model = Groepsplaatsing
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "groep":
            scholen = [sid for sid, cats in toegang.schoolcategorieen(request.user).items()
                       if "D" in cats]
            field.queryset = field.queryset.filter(
                Q(school__in=beheerde_scholen(request.user)) | Q(school__in=scholen)
            ).select_related("schooljaar")
        return field


class OuderschapInline(admin.TabularInline):
    """Category B: shown only to whom toegang opens the parents' data of this pupil."""

    model = Ouderschap
    extra = 0
    autocomplete_fields = ["ouder"]


@admin.register(Leerling)
class LeerlingAdmin(_ZichtMixin, admin.ModelAdmin):
    list_display = ["leerlingnummer", "achternaam", "tussenvoegsel", "roepnaam", "school"]
    list_display_links = ["leerlingnummer", "achternaam"]
    list_select_related = ["school"]
    list_filter = [("school", keuzefilter()), "groepen__schooljaar",
                   ("groepen", keuzefilter("schooljaar"))]
    search_fields = ["roepnaam", "achternaam", "leerlingnummer"]

    def get_queryset(self, request):
        if _is_autocomplete(request):
            # The only autocomplete on pupils links a parent to a child: category B.
            return beheerzicht.ouderleerlingen(request.user).select_related("school")
        return beheerzicht.leerlingen(request.user).select_related("school")

    def get_fields(self, request, obj=None):
        return self.zicht(request, obj).velden()

    def get_readonly_fields(self, request, obj=None):
        return self.zicht(request, obj).alleen_lezen() if obj is not None else []

    def get_inlines(self, request, obj):
        zicht = self.zicht(request, obj)
        return [inline for inline, open_ in ((GroepsplaatsingInline, zicht.plaatsingen),
                                              (OuderschapInline, zicht.ouders)) if open_]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "school":
            # A new pupil is registered where the user keeps the personalia of every pupil.
            field.queryset = field.queryset.filter(
                pk__in=beheerzicht.zicht_nieuw(request.user)[1])
        return field

    def has_add_permission(self, request):
        return (super().has_add_permission(request)
                and bool(beheerzicht.zicht_nieuw(request.user)[1]))

    def has_delete_permission(self, request, obj=None):
        # A pupil's record leaves with the retention procedure, not from the admin (whose
        # confirmation page would list the dossier's entries).
        return False

    def get_paginator(self, request, queryset, per_page, orphans=0,
                      allow_empty_first_page=True):
        if not _is_autocomplete(request):
            return super().get_paginator(request, queryset, per_page, orphans,
                                         allow_empty_first_page)
        return _VastleggendePaginator(
            queryset, per_page, orphans, allow_empty_first_page,
            vastleggen=lambda lijst: audit.inzagen_vastleggen(
                user=request.user, leerlingen=lijst, lijst=f"{beheerzicht.BEHEER}: zoeken",
                filter=request.GET.get("term", "")[:100],
                onderdeel=f"{beheerzicht.BEHEER}: {audit.LEERLINGENLIJST}"),
        )

    def changelist_view(self, request, extra_context=None):
        antwoord = super().changelist_view(request, extra_context)
        cl = (getattr(antwoord, "context_data", None) or {}).get("cl")
        if cl is not None:
            # One row for the list view: its filter and the pupil numbers shown.
            cl.result_list = list(cl.result_list)
            audit.inzagen_vastleggen(
                user=request.user, leerlingen=cl.result_list,
                lijst=f"{beheerzicht.BEHEER}: leerlingen",
                filter=request.GET.urlencode()[:200],
                onderdeel=f"{beheerzicht.BEHEER}: {audit.LEERLINGENLIJST}")
        return antwoord

    def change_view(self, request, object_id, form_url="", extra_context=None):
        antwoord = super().change_view(request, object_id, form_url, extra_context)
        leerling = (getattr(antwoord, "context_data", None) or {}).get("original")
        if antwoord.status_code == 200 and isinstance(leerling, Leerling):
            audit.inzage_vastleggen(user=request.user, leerling=leerling,
                                    onderdeel=self.zicht(request, leerling).onderdeel())
        return antwoord

    def history_view(self, request, object_id, extra_context=None):
        # The history names the pupil (and what was changed): a read too.
        antwoord = super().history_view(request, object_id, extra_context)
        leerling = (getattr(antwoord, "context_data", None) or {}).get("object")
        if antwoord.status_code == 200 and isinstance(leerling, Leerling):
            audit.inzage_vastleggen(user=request.user, leerling=leerling,
                                    onderdeel=f"{beheerzicht.BEHEER}: geschiedenis")
        return antwoord


class OuderschapVanOuderInline(admin.TabularInline):
    model = Ouderschap
    extra = 0
    autocomplete_fields = ["leerling"]
    verbose_name_plural = _("kinderen")

    def get_queryset(self, request):
        # Only the children whose parents' data the user sees.
        return super().get_queryset(request).filter(
            leerling__in=beheerzicht.ouderleerlingen(request.user)).select_related("leerling")


@admin.register(Ouder)
class OuderAdmin(admin.ModelAdmin):
    """Parents are category B of their children: listed only to whom toegang opens it."""

    list_display = ["achternaam", "tussenvoegsel", "voorletters", "email", "telefoon",
                    "woonplaats"]
    # Not by a child's name: a parent may also have a child whose data the user may not see.
    search_fields = ["achternaam", "voorletters", "email"]
    inlines = [OuderschapVanOuderInline]

    def get_queryset(self, request):
        return beheerzicht.ouders(request.user)

    def get_paginator(self, request, queryset, per_page, orphans=0,
                      allow_empty_first_page=True):
        if not _is_autocomplete(request):
            return super().get_paginator(request, queryset, per_page, orphans,
                                         allow_empty_first_page)
        return _VastleggendePaginator(queryset, per_page, orphans, allow_empty_first_page,
                                      vastleggen=lambda lijst: _ouders_vastleggen(request, lijst))

    def changelist_view(self, request, extra_context=None):
        antwoord = super().changelist_view(request, extra_context)
        cl = (getattr(antwoord, "context_data", None) or {}).get("cl")
        if cl is not None:
            cl.result_list = list(cl.result_list)
            _ouders_vastleggen(request, cl.result_list)
        return antwoord

    def change_view(self, request, object_id, form_url="", extra_context=None):
        antwoord = super().change_view(request, object_id, form_url, extra_context)
        ouder = (getattr(antwoord, "context_data", None) or {}).get("original")
        if antwoord.status_code == 200 and isinstance(ouder, Ouder):
            _ouders_vastleggen(request, [ouder])
        return antwoord


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


class BeheerdInlineMixin(MetDoorInlineMixin):
    formset = EigenAccountFormSet


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

    # The pupil by number only: the log's reader reads no pupil's name (issue 11).
    list_display = ["tijdstip", "gebruikersnaam", "leerlingnummer", "onderdeel"]
    fields = ["tijdstip", "gebruikersnaam", "rollen", "leerlingnummer", "school", "onderdeel",
              "object_type", "object_id"]
    list_filter = ["onderdeel"]
    date_hierarchy = "tijdstip"

from .brieven import admin as _brieven_admin  # noqa: E402,F401  (letter settings)
