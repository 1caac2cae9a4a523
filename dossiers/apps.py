from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "dossiers"
    verbose_name = "Dossiers"

    def ready(self):
        # The directie's menu link to the change log (issue 11).
        from . import views_wijzigingen  # noqa: F401
