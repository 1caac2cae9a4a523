from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "dossiers"
    verbose_name = "Dossiers"

    def ready(self) -> None:
        # herinneringen registers the calendar-change notices (statuut.kalenderhaken).
        from . import herinneringen, termijnonderwerpen  # noqa: F401
        from .models import Leerling

        termijnonderwerpen.registreer(Leerling, "pk")
