"""The commission's composition, read-only and per school: the schoolleiding sets it up in
the application (`klachten:commissie_samenstellen`). Nobody becomes a reader of complaints
through the admin, and complaints themselves are not in it."""

from django.contrib import admin

from statuut.admin import SCHOOL_PADEN, AlleenLezenMixin, SchoolScopeMixin

from .models import Commissielid, Geschillencommissie

SCHOOL_PADEN[Commissielid] = ("commissie__school", False)


class CommissielidInline(AlleenLezenMixin, SchoolScopeMixin, admin.TabularInline):
    model = Commissielid
    fk_name = "commissie"
    extra = 0
    fields = ("geleding", "naam", "medewerker", "benoemd_door", "plaatsvervanger_van")
    raw_id_fields = ("medewerker", "plaatsvervanger_van")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Geschillencommissie)
class GeschillencommissieAdmin(AlleenLezenMixin, SchoolScopeMixin, admin.ModelAdmin):
    list_display = ("school", "schooljaar", "secretaris", "voorzitter")
    list_filter = ("school", "schooljaar")
    raw_id_fields = ("secretaris", "voorzitter")
    inlines = [CommissielidInline]
