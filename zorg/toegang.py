"""The care file's policy (seed 001): who sees which level of a pupil's care file and who
takes which step of the care route.

Who may do what is statuut data: the authority rows (`statuut.Bevoegdheid`) of the presets'
`bevoegdheden: zorg:` group, for the actions this module registers. This module knows only
the care flow's own relations besides them (who signalled; the remedial teacher a case was
referred to) and never names a role.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from statuut import acties

#: Levels of the care file (`Bevoegdheid.niveau` of `zorg.inzien`), each including the ones
#: below it.
ZORG_GEEN = 0
ZORG_MELDER = 1  # "my signal was received and is being handled", nothing more
ZORG_GEDEELD = 2  # the signals, the mentor's steps and what the zorgcoördinator shares
ZORG_VOLLEDIG = 3  # the whole case: analysis, plan, evaluations; not the meldcode
ZORG_MELDCODE = 4  # also a Veilig Thuis trajectory under the meldcode

#: Reading the care file, up to a level.
ZORG_INZIEN = "zorg.inzien"
#: The steps of the care escalation (seed 001), as actions.
ZORG_SIGNALEREN = "zorg.signaleren"  # stap 1a: a signal about a pupil
ZORG_MENTORSTAPPEN = "zorg.mentor"  # stap 1a/1b/2.1: conversation, pupil raised it, parents
ZORG_CONSULTEREN = "zorg.consulteren"  # stap 2: the consultation and its choice
ZORG_COORDINEREN = "zorg.coordineren"  # stap 3-5: analysis, plan, feedback, monitoring
ZORG_REMEDIAL = "zorg.remedial"  # stap 2.2: the remedial teacher reports back
STAPACTIES = (ZORG_SIGNALEREN, ZORG_MENTORSTAPPEN, ZORG_CONSULTEREN, ZORG_COORDINEREN,
              ZORG_REMEDIAL)
ZORGACTIES = (ZORG_INZIEN, *STAPACTIES)

acties.registreer(
    ZORG_INZIEN, _("het zorgdossier inzien"), inhoud=True,
    niveau=_("niveau van het zorgdossier: 2 wat de mentor ziet, 3 het hele zorgdossier, "
             "4 ook de meldcode"))
acties.registreer(ZORG_SIGNALEREN, _("een zorgsignaal melden (zorgroute stap 1a)"))
acties.registreer(ZORG_MENTORSTAPPEN, _("de stappen van de mentor: gesprek met de leerling "
                                        "en contact met de ouders (zorgroute stap 1 en 2.1)"))
acties.registreer(ZORG_CONSULTEREN, _("de consultatie zorg (zorgroute stap 2)"))
acties.registreer(ZORG_COORDINEREN, _("probleemanalyse, plan van aanpak, terugkoppeling en "
                                      "bewaken (zorgroute stap 3-5)"))
acties.registreer(ZORG_REMEDIAL, _("het traject van de remedial teacher (zorgroute stap 2.2)"))
