from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from statuut.models import School
from statuut.presets import PRESETS, PresetFout, preset_laden


class Command(BaseCommand):
    help = _("Laadt een statuutpreset (%(lijst)s) als statuutversie van een school. "
             "Nog een keer laden werkt dezelfde versie bij.") % {"lijst": ", ".join(PRESETS)}

    def add_arguments(self, parser):
        parser.add_argument("school", help=_("korte naam van de school, bijv. echnaton"))
        parser.add_argument("preset", help=_("een van: %s") % ", ".join(PRESETS))

    def handle(self, *args, school, preset, **options):
        try:
            doel = School.objects.get(korte_naam=school)
        except School.DoesNotExist:
            bestaand = ", ".join(School.objects.values_list("korte_naam", flat=True))
            raise CommandError(
                _("Onbekende school '%(s)s'. Bestaande scholen (korte naam): %(b)s.")
                % {"s": school, "b": bestaand or _("geen; maak eerst een school aan")}
            ) from None
        if preset not in PRESETS:
            raise CommandError(_("Onbekende preset '%(p)s'. Beschikbaar: %(lijst)s.")
                               % {"p": preset, "lijst": ", ".join(PRESETS)})
        try:
            statuut = preset_laden(school=doel, preset=preset)
        except PresetFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            _("%(school)s: '%(titel)s' geladen (preset %(preset)s, ingangsdatum %(in)s): "
              "%(a)d artikelen, %(m)d maatregelen, %(k)d klachtfasen, %(b)d beroepsregels, "
              "%(v)d verzuimdrempels, %(t)d toegangsregels.") % {
                "school": doel, "titel": statuut.titel, "preset": preset,
                "in": f"{statuut.ingangsdatum:%d-%m-%Y}",
                "a": statuut.artikelen.count(), "m": statuut.maatregelen.count(),
                "k": statuut.klachtfasen.count(), "b": statuut.beroepsregels.count(),
                "v": statuut.verzuimdrempels.count(), "t": statuut.toegangsregels.count(),
            }
        ))
        if statuut.is_verlopen(timezone.localdate()):
            self.stdout.write(self.style.WARNING(
                _("Let op: deze versie was geldig tot %(d)s en is verlopen.")
                % {"d": f"{statuut.geldig_tot:%d-%m-%Y}"}
            ))
