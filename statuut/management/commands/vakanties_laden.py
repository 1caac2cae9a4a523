from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statuut.services import InvoerFout, regiovakanties_laden


class Command(BaseCommand):
    help = (
        "Laadt de meegeleverde schoolvakanties per regio (statuut/data/schoolvakanties.csv). "
        "Bestaande, eventueel aangepaste rijen blijven staan, tenzij --overschrijven."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bestand", type=Path,
                            help="Een ander CSV-bestand met dezelfde kolommen.")
        parser.add_argument("--overschrijven", action="store_true",
                            help="Bestaande rijen bijwerken naar het bestand.")

    def handle(self, *args, bestand=None, overschrijven=False, **options):
        try:
            r = regiovakanties_laden(pad=bestand, overschrijven=overschrijven)
        except InvoerFout as exc:
            raise CommandError(f"{exc} Er is niets geladen.") from exc
        self.stdout.write(self.style.SUCCESS(
            f"Schoolvakanties: {r.nieuw} nieuw, {r.bijgewerkt} bijgewerkt, "
            f"{r.ongewijzigd} ongewijzigd."
        ))
