"""The decision-maker answers a calendar change under a decided schorsing (issue 12,
point 8): the page shows the conflict; this records what stays."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from statuut.services import InvoerFout

from . import kalenderconflicten
from .views import _zichtbaar


@login_required
@require_POST
def kalenderconflict_afhandelen(request, pk):
    schorsing = _zichtbaar(request, pk)
    try:
        kalenderconflicten.kalenderconflict_afhandelen(
            door=request.user, schorsing=schorsing,
            toelichting=request.POST.get("toelichting", "")[:2000])
    except InvoerFout as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, _("Vastgelegd; de melding over de schoolkalender is "
                                    "afgehandeld."))
    return redirect("sancties:schorsing", schorsing.pk)
