from django.apps import AppConfig


class KlachtenConfig(AppConfig):
    name = "klachten"
    verbose_name = "Klachten"

    def ready(self):
        from . import brieven, panelen  # noqa: F401  (panels register on import)

        brieven.registreren()
