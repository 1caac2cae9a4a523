from django.apps import AppConfig


class SanctiesConfig(AppConfig):
    name = "sancties"
    verbose_name = "Sancties"

    def ready(self) -> None:
        from dossiers import termijnonderwerpen

        from . import brieven, kalenderconflicten, panelen  # noqa: F401  (register on import)
        from .models import Schorsing, TimeOut, Verwijdering

        brieven.registreren()
        for model in (Schorsing, TimeOut, Verwijdering):
            termijnonderwerpen.registreer(model, "leerling_id")
