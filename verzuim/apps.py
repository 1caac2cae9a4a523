from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerzuimConfig(AppConfig):
    name = "verzuim"
    verbose_name = _("Te laat en verzuim")

    def ready(self) -> None:
        from dossiers import termijnonderwerpen
        from statuut import acties

        from . import brieven, panelen  # noqa: F401  (panels, letter kinds)
        from . import toegang as t
        from .models import Drempelactie, Verlofaanvraag

        for naam, label in [
            (t.TE_LAAT_REGISTREREN, _("te laat registreren")),
            (t.ABSENTIE_REGISTREREN, _("absentie registreren")),
            (t.BEOORDELEN, _("te laat of absentie als geoorloofd of ongeoorloofd beoordelen")),
            (t.OVERZICHT_ZIEN, _("het verzuimoverzicht zien")),
            (t.INHALEN_REGELEN, _("het inhalen regelen")),
            (t.GESPREK_VOEREN, _("het gesprek met leerling en ouders voeren")),
            (t.OUDERS_INFORMEREN, _("de ouders informeren over verzuim")),
            (t.LEERPLICHT_MELDEN, _("verzuim melden bij de leerplichtambtenaar")),
            (t.SCHORSING_VOORSTELLEN, _("een schorsing voorstellen wegens te laat komen")),
            (t.IMPORTEREN, _("verzuim importeren uit het leerlingvolgsysteem")),
            (t.DREMPEL_SIGNALEREN, _("een verzuimdrempel zonder aantal signaleren "
                                     "('herhaaldelijk', 'veelvuldig')")),
            (t.VERLOF_REGISTREREN, _("een verlofaanvraag van de ouders registreren")),
            (t.VERLOF_BESLISSEN, _("over een verlofaanvraag beslissen (tot het niveau in "
                                   "schooldagen)")),
            (t.VERLOF_DOORSTUREN, _("een verlofaanvraag doorsturen naar de "
                                    "leerplichtambtenaar en diens beslissing vastleggen")),
        ]:
            acties.registreer(naam, label)
        # "Mijn termijnen" names the pupil to whoever may see them.
        termijnonderwerpen.registreer(Drempelactie, "leerling_id")
        termijnonderwerpen.registreer(Verlofaanvraag, "leerling_id")
        brieven.registreren()
