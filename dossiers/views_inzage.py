"""The read log page: the directie and the functioneel beheerder search who read what.

Only for users whom the statuut gives `inzagelog.zien` at a school (`dossiers.toegang`), and
only rows of those schools. The rows carry their own copies of reader and pupil numbers, so
the page needs no join and still answers for a deleted pupil or account.

A row about a care, complaint or measure record shows its part name, list and filter only
to whom may see that kind of record at the school (`toegang.inzagelog_soorten`); the others
(the functioneel beheerder) see "leerlinggegevens" or "leerlingenlijst" instead, and search
in those words only, so neither the page nor its search tells them which pupils have such
a record (issue 11).
"""

from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from statuut.models import School

from . import toegang
from .audit import NEUTRAAL_LEERLING, NEUTRAAL_LIJST
from .models import Inzage, Inzagesoort
from .paginering import BegrensdePaginator

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


def _leerling_filter(nummer: str) -> Q:
    """One pupil's rows: the page about them, and every list that showed their number."""
    return (Q(leerlingnummer__iexact=nummer) | Q(leerlingnummers__iexact=nummer)
            | Q(leerlingnummers__istartswith=f"{nummer} ")
            | Q(leerlingnummers__iendswith=f" {nummer}")
            | Q(leerlingnummers__icontains=f" {nummer} "))


def _leesbaar(soorten_per_school: dict[int, frozenset[str]]) -> Q:
    """The rows whose part names the reader of the log may see."""
    uit = Q(pk__in=[])
    for school_id, soorten in soorten_per_school.items():
        verborgen = Q(pk__in=[])
        for soort in Inzagesoort.values:
            if soort not in soorten:
                verborgen |= Q(soorten__contains=soort)
        uit |= Q(school_id=school_id) & ~verborgen
    return uit


def _onderdeel_filter(term: str, leesbaar: Q) -> Q:
    uit = leesbaar & (Q(onderdeel__icontains=term) | Q(lijst__icontains=term)
                      | Q(filter__icontains=term))
    if term.lower() in NEUTRAAL_LIJST:
        uit |= ~leesbaar & ~Q(lijst="")
    if term.lower() in NEUTRAAL_LEERLING:
        uit |= ~leesbaar & Q(lijst="")
    return uit


def _begin_van(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time.min))


def inzagen_zoeken(soorten_per_school: dict[int, frozenset[str]], gegevens: dict):
    """The log rows of the schools in `soorten_per_school` matching the search, newest first;
    a search on the part looks only at what the reader of the log may see of each row."""
    qs = Inzage.objects.filter(school__in=list(soorten_per_school)).select_related(
        "object_type")
    if gegevens.get("leerling"):
        qs = qs.filter(_leerling_filter(gegevens["leerling"].strip()))
    if gegevens.get("lezer"):
        # Exact (as typed, or in lower case as usernames are here), so the index on the
        # reader serves a log of millions of rows (issue 15); `iexact` scanned them all.
        lezer = gegevens["lezer"].strip()
        qs = qs.filter(gebruikersnaam__in={lezer, lezer.lower()})
    if gegevens.get("onderdeel"):
        qs = qs.filter(_onderdeel_filter(gegevens["onderdeel"].strip(),
                                         _leesbaar(soorten_per_school)))
    # Whole days in the school's time zone, as bounds on the indexed timestamp (a filter on
    # `tijdstip__date` cannot use the index).
    if gegevens.get("van"):
        qs = qs.filter(tijdstip__gte=_begin_van(gegevens["van"]))
    if gegevens.get("tot"):
        qs = qs.filter(tijdstip__lt=_begin_van(gegevens["tot"] + timedelta(days=1)))
    return qs.order_by("-tijdstip", "-pk")


def _tonen(rijen, soorten_per_school: dict[int, frozenset[str]]) -> None:
    """Mark each row: its part names shown, or the neutral word (see the module's doc)."""
    for rij in rijen:
        rij.leesbaar = rij.soortenlijst <= soorten_per_school.get(rij.school_id, frozenset())
        if not rij.leesbaar:
            rij.neutraal = NEUTRAAL_LIJST if rij.is_lijst else NEUTRAAL_LEERLING


@login_required
def inzagelog(request):
    soorten_per_school = toegang.inzagelog_soorten(request.user)
    if not soorten_per_school:
        raise Http404
    scholen = School.objects.filter(pk__in=list(soorten_per_school))
    form = InzageZoekForm(request.GET or None)
    gegevens = form.cleaned_data if form.is_bound and form.is_valid() else {}
    pagina = None
    if not form.is_bound or form.is_valid():
        pagina = BegrensdePaginator(inzagen_zoeken(soorten_per_school, gegevens),
                                    PER_PAGINA).get_page(request.GET.get("pagina"))
        _tonen(pagina.object_list, soorten_per_school)
    zoekparameters = request.GET.copy()
    zoekparameters.pop("pagina", None)
    return render(request, "dossiers/inzagelog.html", {
        "form": form, "pagina": pagina, "scholen": list(scholen.order_by("naam")),
        "zoekparameters": zoekparameters.urlencode(),
    })
