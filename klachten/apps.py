from django.apps import AppConfig


class KlachtenConfig(AppConfig):
    name = "klachten"
    verbose_name = "Klachten"

    def ready(self):
        from django.db.models import Q

        from dossiers import termijnonderwerpen

        from . import brieven, panelen  # noqa: F401  (panels register on import)
        from .models import Beroep, Klacht

        brieven.registreren()
        # A confidential report names nobody, not even in the responsible person's list.
        termijnonderwerpen.registreer(Klacht, "leerling_id", filter=Q(route="algemeen"))
        termijnonderwerpen.registreer(Beroep, "leerling_id")
