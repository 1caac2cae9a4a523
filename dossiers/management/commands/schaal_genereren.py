"""Fill a (throw-away) database with one school at a given size, for tests/bench."""

import importlib
import importlib.util
import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dossiers import schaal
from statuut.models import School
from statuut.services import regiovakanties_laden


class Command(BaseCommand):
    help = ("Vult de database met één school van een gegeven omvang (factor 1: 250 leerlingen "
            "en een tiende van de geschiedenis; factor 10: 2.500 leerlingen, tien schooljaren) "
            "voor de benchmark in tests/bench. Alleen voor een wegwerpdatabase: nooit in "
            "productie, nooit door de demo of de tests.")

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=1, help="1 of 10 (of ertussen)")
        parser.add_argument("--seed", type=int, default=1, help="zelfde seed, zelfde gegevens")
        parser.add_argument("--jaren", type=int, default=10, help="aantal schooljaren")

    def handle(self, *args, factor: int, seed: int, jaren: int, **opts):
        if not 1 <= factor <= 40:
            raise CommandError("Kies een factor van 1 tot en met 40.")
        if not 1 <= jaren <= 15:
            raise CommandError("Kies 1 tot en met 15 schooljaren.")
        if School.objects.filter(korte_naam=schaal.KORTE_NAAM).exists():
            raise CommandError("Deze database heeft de schaalschool al. Gebruik een lege "
                               "database (zie tests/bench/README.md).")
        begin = time.monotonic()
        regiovakanties_laden()
        with transaction.atomic():
            ctx = schaal.school_opbouwen(factor=factor, seed=seed, jaren=jaren)
            schaal.kern_genereren(ctx)
            for config in apps.get_app_configs():
                if config.name != "dossiers" and importlib.util.find_spec(
                        f"{config.name}.schaal") is not None:
                    importlib.import_module(f"{config.name}.schaal").genereren(ctx)
        duur = time.monotonic() - begin
        for wat, n in ctx.tellingen.items():
            self.stdout.write(f"{wat:>20}: {n:>9,}".replace(",", "."))
        self.stdout.write(self.style.SUCCESS(
            f"Schaalschool (factor {factor}, seed {seed}) gemaakt in {duur:.0f} s. Gebruikers "
            f"schaal-<rol>, wachtwoord {schaal.WACHTWOORD}."))
