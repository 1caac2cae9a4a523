"""The functioneel beheerder records the commission's composition in the admin (the groups
appoint the members, bijlage B lid 5). Complaints themselves are not in the admin: whoever
sets the school up sees no complaint content."""

from django.contrib import admin

from .models import Commissielid, Geschillencommissie


class CommissielidInline(admin.TabularInline):
    model = Commissielid
    fk_name = "commissie"
    extra = 0
    fields = ("geleding", "naam", "medewerker", "benoemd_door", "plaatsvervanger_van")
    raw_id_fields = ("medewerker", "plaatsvervanger_van")


@admin.register(Geschillencommissie)
class GeschillencommissieAdmin(admin.ModelAdmin):
    list_display = ("school", "schooljaar", "secretaris", "voorzitter")
    list_filter = ("school", "schooljaar")
    raw_id_fields = ("secretaris", "voorzitter")
    inlines = [CommissielidInline]
