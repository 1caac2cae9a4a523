from django.core.management.base import BaseCommand

from dossiers.demo import BESTUUR, WACHTWOORD, demo_laden
from statuut.models import Bestuursrol, Rol


class Command(BaseCommand):
    help = (
        "Laadt de demo: een bestuur met drie scholen (Echnaton, Noordgouw, Wijzer), hun "
        "kalender, statuut, groepen, leerlingen, ouders en één gebruiker per rol. "
        "Kan vaker draaien zonder dubbele gegevens."
    )

    def handle(self, *args, **options):
        gebruikers = demo_laden()
        rollen = {**dict(Rol.choices), **dict(Bestuursrol.choices)}
        breedte = max(len(g.username) for g in gebruikers)
        self.stdout.write(self.style.SUCCESS(f"Demo geladen: {BESTUUR}, {len(gebruikers)} "
                                             "demogebruikers."))
        self.stdout.write("")
        self.stdout.write(f"{'gebruikersnaam':<{breedte}}  {'rol':<32}  school")
        self.stdout.write(f"{'-' * breedte}  {'-' * 32}  {'-' * 10}")
        for g in gebruikers:
            self.stdout.write(f"{g.username:<{breedte}}  {str(rollen[g.rol]):<32}  "
                              f"{g.school or BESTUUR}")
        self.stdout.write("")
        self.stdout.write(f"Wachtwoord voor alle demogebruikers: {WACHTWOORD}")
