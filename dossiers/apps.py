from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "dossiers"
    verbose_name = "Dossiers"

    def ready(self) -> None:
        # The directie's menu link to the change log (issue 11); herinneringen registers the
        # calendar-change notices (statuut.kalenderhaken).
        from django.utils.translation import gettext_lazy as _

        from statuut import acties

        from . import herinneringen, termijnonderwerpen, toegang, views_wijzigingen  # noqa: F401
        from .models import Leerling

        termijnonderwerpen.registreer(Leerling, "pk")
        toegang.geheugen.verbinden()
        # The rights of the pupil and the parents themselves (Echnaton art. 9.3 and 9.6,
        # Noordgouw art. 6.1): the portal will ask these actions.
        acties.registreer("dossier.inzien", _("de leerlingenadministratie en het dossier "
                                              "inzien"), inhoud=True)
        acties.registreer("dossier.correctie_vragen", _("vragen onjuiste gegevens te "
                                                        "verbeteren"))
        acties.registreer(herinneringen.ESCALATIE_ACTIE,
                          _("een verlopen termijn van een ander gemeld krijgen"), voor="rol")
