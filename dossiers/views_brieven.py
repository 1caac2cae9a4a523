"""The outgoing post of the administratie: letters to e-mail or print, failed ones with their
reason, and each PDF to download. Only schools where the statuut gives brief.verzenden."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from statuut.services import InvoerFout

from . import audit, toegang
from .brieven.services import brief_opnieuw, brief_verzenden
from .brieven.soorten import SOORTEN
from .models import Briefstatus, Verzendwijze


def _brieven(user):
    return toegang.brieven_voor(user).select_related("leerling", "school").prefetch_related(
        "ontvangers").defer("pdf")


@login_required
def uitgaande_post(request):
    if not toegang.scholen_waar(request.user, "brief.verzenden").exists():
        raise Http404
    brieven = list(_brieven(request.user).exclude(status=Briefstatus.VERZONDEN))
    for b in brieven:
        b.titel = SOORTEN[b.soort].titel if b.soort in SOORTEN else b.soort
    return render(request, "brieven/uitgaande_post.html", {
        "email": [b for b in brieven if b.status == Briefstatus.GEMAAKT
                  and b.verzendwijze == Verzendwijze.EMAIL],
        "print": [b for b in brieven if b.status == Briefstatus.GEMAAKT
                  and b.verzendwijze == Verzendwijze.PRINT],
        "mislukt": [b for b in brieven if b.status == Briefstatus.MISLUKT],
        "bezig": [b for b in brieven if b.status == Briefstatus.AANGEVRAAGD],
    })


@login_required
def brief_pdf(request, pk):
    brief = get_object_or_404(toegang.brieven_voor(request.user).select_related("leerling"),
                              pk=pk, pdf__isnull=False)
    audit.inzage_vastleggen(user=request.user, leerling=brief.leerling,
                            onderdeel=f"brief {brief.soort}", object=brief)
    response = HttpResponse(bytes(brief.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="brief-{brief.pk}.pdf"'
    return response


@login_required
@require_POST
def brief_actie(request, pk, actie):
    brief = get_object_or_404(toegang.brieven_voor(request.user), pk=pk)
    try:
        if actie == "verzenden":
            brief_verzenden(brief=brief, door=request.user)
            messages.success(request, _("De brief is verzonden of als verstuurd vastgelegd."))
        elif actie == "opnieuw":
            brief_opnieuw(brief=brief)
            messages.success(request, _("De brief wordt opnieuw gemaakt."))
        else:
            raise Http404
    except InvoerFout as fout:
        messages.error(request, str(fout))
    return redirect("uitgaande_post")
