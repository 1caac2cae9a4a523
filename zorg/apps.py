from django.apps import AppConfig


class ZorgConfig(AppConfig):
    name = "zorg"
    verbose_name = "Zorg"

    def ready(self) -> None:
        from dossiers import termijnonderwerpen

        # Registers the start-page and pupil-page panels, the care actions and their policy.
        from . import panelen, toegang  # noqa: F401
        from .models import Evaluatie, Zorgdossier

        # "Mijn termijnen" names the pupil to whoever may see them (issue 12, point 16).
        termijnonderwerpen.registreer(Zorgdossier, "leerling_id")
        termijnonderwerpen.registreer(Evaluatie, "traject__zorgdossier__leerling_id")
