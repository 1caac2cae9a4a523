from django.apps import AppConfig


class KlachtenConfig(AppConfig):
    name = "klachten"
    verbose_name = "Klachten"

    def ready(self):
        from django.db.models import Q

        from dossiers import maatregelen, termijnonderwerpen

        from . import brieven, panelen, selectors, toegang  # noqa: F401  (panels, hooks)
        from .models import Beroep, Klacht

        # Who may do what in the complaint procedures: the statuut's rows of these actions;
        # the policy's hooks for the shared modules register on import of `toegang`.
        toegang.registreren()
        brieven.registreren()
        # A confidential report names nobody, not even in the responsible person's list.
        termijnonderwerpen.registreer(Klacht, "leerling_id", filter=Q(route="algemeen"))
        termijnonderwerpen.registreer(Beroep, "leerling_id")
        # A beroep against a measure is one of its remedies: one runs at a time (issue 13).
        maatregelen.registreer_rechtsmiddel(selectors.lopende_beroepen)
