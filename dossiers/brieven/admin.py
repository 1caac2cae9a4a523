"""Admin for a school's letter settings (imported by dossiers/admin.py): letterhead,
signatory, footer and the addresses of the outside parties. A beheerder sees only the
schools they manage (SchoolScopeMixin). Letters themselves are not here: they are pupil
data, read through the outgoing post where every read is logged."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from statuut.admin import SchoolScopeMixin

from ..models import Briefinstellingen


@admin.register(Briefinstellingen)
class BriefinstellingenAdmin(SchoolScopeMixin, admin.ModelAdmin):
    list_display = ["school", "ondertekenaar_naam", "ondertekenaar_functie", "email"]
    list_select_related = ["school"]
    fieldsets = [
        (None, {"fields": ["school"]}),
        (_("Briefhoofd"), {"fields": ["briefhoofd", "telefoon", "email", "website"],
                           "description": _("Naam en adres komen uit de gegevens van de "
                                            "school; hier staan de extra regels.")}),
        (_("Ondertekening en voettekst"), {"fields": ["ondertekenaar_naam",
                                                       "ondertekenaar_functie", "voettekst"]}),
        (_("Afschriften aan instanties"), {
            "fields": ["inspectie_adres", "inspectie_email", "bevoegd_gezag_adres",
                       "bevoegd_gezag_email", "leerplicht_adres", "leerplicht_email"],
            "description": _("Eerste regel: naam van de instantie; daarna het adres."),
        }),
    ]
