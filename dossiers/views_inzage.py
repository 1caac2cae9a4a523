"""The read log page: the directie and the functioneel beheerder search who read what.

Only for users whom the statuut gives `inzagelog.zien` at a school (`dossiers.toegang`), and
only rows of those schools. The rows carry their own copies of reader and pupil number, so
the page needs no join and still answers for a deleted pupil or account.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from statuut.models import Handeling

from . import toegang
from .models import Inzage

PER_PAGINA = 50


class InzageZoekForm(forms.Form):
    leerling = forms.CharField(label=_("Leerlingnummer"), required=False, max_length=20)
    lezer = forms.CharField(label=_("Gebruikersnaam van de lezer"), required=False,
                            max_length=150)
    onderdeel = forms.CharField(label=_("Onderdeel bevat"), required=False, max_length=100)
    van = forms.DateField(
        label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2026-11-23.")},
    )
    tot = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2026-11-23.")},
    )

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot < van:
            raise forms.ValidationError(_("De einddatum ligt vóór de begindatum."))
        return gegevens


def inzagen_zoeken(scholen, gegevens: dict):
    """The log rows of `scholen` matching the search, newest first."""
    qs = Inzage.objects.filter(school__in=scholen).select_related("object_type")
    if gegevens.get("leerling"):
        qs = qs.filter(leerlingnummer__iexact=gegevens["leerling"].strip())
    if gegevens.get("lezer"):
        qs = qs.filter(gebruikersnaam__iexact=gegevens["lezer"].strip())
    if gegevens.get("onderdeel"):
        qs = qs.filter(onderdeel__icontains=gegevens["onderdeel"].strip())
    if gegevens.get("van"):
        qs = qs.filter(tijdstip__date__gte=gegevens["van"])
    if gegevens.get("tot"):
        qs = qs.filter(tijdstip__date__lte=gegevens["tot"])
    return qs.order_by("-tijdstip", "-pk")


@login_required
def inzagelog(request):
    scholen = toegang.scholen_waar(request.user, Handeling.INZAGELOG_ZIEN)
    if not scholen.exists():
        raise Http404
    form = InzageZoekForm(request.GET or None)
    gegevens = form.cleaned_data if form.is_bound and form.is_valid() else {}
    pagina = None
    if not form.is_bound or form.is_valid():
        pagina = Paginator(inzagen_zoeken(scholen, gegevens), PER_PAGINA).get_page(
            request.GET.get("pagina"))
    zoekparameters = request.GET.copy()
    zoekparameters.pop("pagina", None)
    return render(request, "dossiers/inzagelog.html", {
        "form": form, "pagina": pagina, "scholen": list(scholen.order_by("naam")),
        "zoekparameters": zoekparameters.urlencode(),
    })
