"""Read-only admin for the measures: they change only through the services (the states are
protected django-fsm fields), and their content (facts, reports) is dossier content, read in
the application where the access matrix applies. The admin lists the procedures' metadata."""

from django.contrib import admin

from statuut.admin import SCHOOL_PADEN, SchoolScopeMixin

from .models import Schoolcontact, Schorsing, TimeOut, Verwijdering

SCHOOL_PADEN[Schoolcontact] = ("verwijdering__school", False)


class AlleenLezen(SchoolScopeMixin, admin.ModelAdmin):
    """A beheerder sees only the rows of their own schools."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Schorsing)
class SchorsingAdmin(AlleenLezen):
    list_display = ("pk", "school", "eerste_dag", "schooldagen", "status", "bezwaarstatus")
    list_filter = ("school", "status", "bezwaarstatus")
    fields = ("school", "status", "bezwaarstatus", "eerste_dag", "laatste_dag", "schooldagen",
              "voorgesteld_op", "besloten_op", "bekendgemaakt_op", "afgerond_op",
              "inspectie_melden", "inspectie_gemeld_op")
    list_select_related = ("school",)


@admin.register(TimeOut)
class TimeOutAdmin(AlleenLezen):
    list_display = ("pk", "school", "datum", "status")
    list_filter = ("school", "status")
    fields = ("school", "status", "datum", "goedgekeurd_op")
    list_select_related = ("school",)


@admin.register(Verwijdering)
class VerwijderingAdmin(AlleenLezen):
    list_display = ("pk", "school", "voorgesteld_op", "status")
    list_filter = ("school", "status")
    fields = ("school", "status", "voorgesteld_op", "voornemen_op", "besloten_op",
              "afgerond_op")
    list_select_related = ("school",)


@admin.register(Schoolcontact)
class SchoolcontactAdmin(AlleenLezen):
    list_display = ("school", "benaderd_op", "antwoord", "antwoord_op")
    fields = ("school", "benaderd_op", "antwoord", "antwoord_op")
