"""Read-only admin for the measures: they change only through the services (the states are
protected django-fsm fields), so the admin is for looking things up."""

from django.contrib import admin

from .models import Schorsing, TimeOut


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Schorsing)
class SchorsingAdmin(AlleenLezen):
    list_display = ("leerling", "school", "eerste_dag", "schooldagen", "status", "bezwaarstatus")
    list_filter = ("school", "status", "bezwaarstatus")
    search_fields = ("leerling__leerlingnummer", "leerling__achternaam")
    list_select_related = ("leerling", "school")


@admin.register(TimeOut)
class TimeOutAdmin(AlleenLezen):
    list_display = ("leerling", "school", "datum", "status")
    list_filter = ("school", "status")
    search_fields = ("leerling__leerlingnummer", "leerling__achternaam")
    list_select_related = ("leerling", "school")
