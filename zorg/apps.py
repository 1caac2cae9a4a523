from django.apps import AppConfig


class ZorgConfig(AppConfig):
    name = "zorg"
    verbose_name = "Zorg"

    def ready(self) -> None:
        from . import panelen  # noqa: F401  (registers the start-page and pupil-page panels)
