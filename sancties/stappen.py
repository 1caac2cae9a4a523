"""The measures' steps on the shared step mechanism (`dossiers.stappen`)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from dossiers import toegang
from dossiers.stappen import Weigering, aanbod, niet_nu, toetsen  # noqa: F401
from statuut.hulp import artikel_tekst

from . import regels


def rol_weigering(user, leerling, rollen, wat: str, statuut, artikel: str = "",
                  op=None, toon: bool = False) -> Weigering | None:
    """Refused for want of a role. `toon`: the page names the step with this reason (for
    someone who takes part in the procedure, so he sees who must act); otherwise the step
    is simply not his."""
    rollen = [r for r in rollen if r]
    if toegang.mag_maatregel(user, leerling, rollen, op=op):
        return None
    grond = (artikel_tekst(statuut, [artikel]) if artikel
             else _("het leerlingenstatuut"))
    return Weigering(_("Dit mag u niet: %(wat)s is volgens %(grond)s voorbehouden aan "
                       "%(rollen)s.") % {"wat": wat, "grond": grond,
                                         "rollen": regels.rollen_tekst(rollen)}, toon=toon)
