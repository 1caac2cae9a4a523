from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "dossiers"
    verbose_name = "Dossiers"

    def ready(self) -> None:
        # The directie's menu link to the change log (issue 11); herinneringen registers the
        # calendar-change notices (statuut.kalenderhaken).
        from . import herinneringen, termijnonderwerpen, views_wijzigingen  # noqa: F401
        from .models import Leerling

        termijnonderwerpen.registreer(Leerling, "pk")
