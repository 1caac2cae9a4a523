from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UitsturenConfig(AppConfig):
    name = "uitsturen"
    verbose_name = _("Uit de les sturen")

    def ready(self) -> None:
        from dossiers import maatregelen, termijnonderwerpen
        from statuut import acties

        from . import brieven, panelen, rechtsmiddelen
        from . import toegang as t
        from .models import Uitstuurmelding

        acties.registreer(t.MELDING_ONTVANGEN,
                          _("de melding van een uitgestuurde leerling ontvangen en de "
                            "uitstuurbrief beginnen"), voor="maatregel")
        acties.registreer(t.VOLGEN, _("de uitstuurmeldingen volgen"))
        brieven.registreren()
        rechtsmiddelen.registreren()
        maatregelen.registreer_ladderbron(panelen.ladderbron)
        maatregelen.registreer_invoer("uitsturen", "uitsturen:nieuw")
        # "Mijn termijnen" names the pupil to whoever may see them.
        termijnonderwerpen.registreer(Uitstuurmelding, "leerling_id")
