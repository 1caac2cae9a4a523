"""The care files in the admin: a record, so read-only. Care data is read in the
application, where `dossiers.toegang` applies (a superuser or functioneel beheerder sees no
care data there). The admin shows only anonymous facts for support (school, phase, dates):
not which pupil, and never the content of signals or analyses."""

from django.contrib import admin

from statuut.admin import SchoolScopeMixin

from .models import Zorgdossier


@admin.register(Zorgdossier)
class ZorgdossierAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ("pk", "school", "fase", "geopend_op", "afgesloten_op")
    list_filter = ("school", "fase")
    fields = ("school", "fase", "geopend_op", "afgesloten_op")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("school")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
