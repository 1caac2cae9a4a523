from django.apps import AppConfig


class SanctiesConfig(AppConfig):
    name = "sancties"
    verbose_name = "Sancties"

    def ready(self) -> None:
        from . import brieven, panelen  # noqa: F401  (panels register on import)

        brieven.registreren()
