from django.apps import AppConfig


class SanctiesConfig(AppConfig):
    name = "sancties"
    verbose_name = "Sancties"

    def ready(self) -> None:
        from dossiers import maatregelen, termijnonderwerpen

        from . import brieven, kalenderconflicten, ladder, panelen, rechtsmiddelen, toegang  # noqa: F401
        from .models import Schorsing, TimeOut, Verwijdering

        toegang.registreren()  # the actions the statuut's authority rows give (issue 13)
        rechtsmiddelen.registreren()  # the measures a remedy points at, and the bezwaar
        brieven.registreren()
        ladder.registreren()  # its rungs in the pupil's one ladder chronology (issue 14)
        # The quick registration links a time-out rung here (Noordgouw art. 22.4d).
        maatregelen.registreer_invoer("time_out", "sancties:time_out_kiezen")
        for model in (Schorsing, TimeOut, Verwijdering):
            termijnonderwerpen.registreer(model, "leerling_id")
