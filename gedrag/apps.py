from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GedragConfig(AppConfig):
    name = "gedrag"
    verbose_name = _("Pedagogische maatregelen")

    def ready(self) -> None:
        from dossiers import termijnonderwerpen
        from statuut import acties

        from . import brieven, maatregelen, panelen  # noqa: F401  (registers the panels)
        from . import toegang as t
        from .models import Lesmaatregel

        for naam, label in [
            (t.UITVOERING_VASTLEGGEN, _("vastleggen of een straf is uitgevoerd")),
            (t.INTREKKEN, _("een opgelegde maatregel intrekken")),
            (t.NIET_NAGEKOMEN_OPVOLGEN, _("een niet nagekomen strafafspraak opvolgen")),
            (t.AANGIFTE_VASTLEGGEN, _("de aangifte bij de politie vastleggen")),
            (t.FRAUDE_VASTLEGGEN, _("fraude bij een toets vastleggen")),
            (t.MELDING_ONTVANGEN, _("de melding van een overtreding ontvangen")),
        ]:
            acties.registreer(naam, label)
        brieven.registreren()
        maatregelen.registreren()
        # "Mijn termijnen" names the pupil to whoever may see them.
        termijnonderwerpen.registreer(Lesmaatregel, "leerling_id")
