"""The directie's view on authority (issue 11): the change log of roles, grants and rules of
their school, and the changes waiting for their confirmation.

Only for the directie of the school (`toegang.wijzigingsscholen`); anyone else gets 404.
Confirming and rejecting happen here, in the application, not in the admin, and only
through `dossiers.wijzigingen`.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from statuut.models import Rol, School, Statuut
from statuut.services import InvoerFout

from . import toegang, wijzigingen
from .models import Afdeling, Medewerker, Verzoekstatus, Wijziging, Wijzigingsverzoek
from .panelen import menu_item

PER_PAGINA = 50


@menu_item(sleutel="wijzigingen", label=gettext_lazy("Wijzigingen in toegang"),
           url_naam="wijzigingen", volgorde=90)
def _menu(user) -> bool:
    return toegang.heeft_directierol(user)


class AfwijzenForm(forms.Form):
    reden = forms.CharField(label=gettext_lazy("Reden van de afwijzing"),
                            max_length=wijzigingen.REDEN_MAX,
                            widget=forms.Textarea(attrs={"rows": 3}))


def _school(request, school_pk: int):
    school = toegang.wijzigingsscholen(request.user).filter(pk=school_pk).first()
    if school is None:
        raise Http404
    return school


@login_required
def index(request):
    scholen = list(toegang.wijzigingsscholen(request.user).order_by("naam"))
    if not scholen:
        raise Http404
    if len(scholen) == 1:
        return redirect("wijzigingen_school", school_pk=scholen[0].pk)
    return render(request, "dossiers/wijzigingen_index.html", {"scholen": scholen})


#: Values that are ids of a row: shown by that row's name (the log keeps the id).
_NAMEN = {"medewerker": Medewerker, "school": School, "afdeling": Afdeling,
          "statuut": Statuut}


def _rijen(waarden: dict | None, namen: dict) -> list[tuple[str, str]]:
    """Before/after values for the page: field and value, lists joined, roles by their label,
    rows by their name."""
    if not waarden:
        return []
    uit = []
    for veld, waarde in waarden.items():
        if veld in _NAMEN and waarde is not None:
            waarde = namen.get((veld, waarde), waarde)
        elif isinstance(waarde, bool):
            waarde = _("ja") if waarde else _("nee")
        elif isinstance(waarde, list):
            waarde = ", ".join(str(w) for w in waarde) or "—"
        elif waarde in Rol.values:
            waarde = Rol(waarde).label
        if waarde is None or waarde == "":
            waarde = "—"
        uit.append((veld, str(waarde)))
    return uit


def _namen(rijen) -> dict:
    """One query per kind of row named on the page: (field, id) -> name."""
    ids: dict[str, set] = {}
    for rij in rijen:
        for waarden in (rij.voor, rij.na):
            for veld in _NAMEN:
                if waarden and isinstance(waarden.get(veld), int):
                    ids.setdefault(veld, set()).add(waarden[veld])
    return {(veld, obj.pk): str(obj) for veld, pks in ids.items()
            for obj in _NAMEN[veld].objects.filter(pk__in=pks)}


@login_required
def logboek(request, school_pk: int):
    school = _school(request, school_pk)
    wachtend = list(
        Wijzigingsverzoek.objects.filter(school=school, status=Verzoekstatus.OPEN)
        .select_related("aangevraagd_door__medewerker").order_by("aangevraagd_op", "pk")
    )
    pagina = Paginator(Wijziging.objects.filter(school=school).order_by("-tijdstip", "-pk"),
                       PER_PAGINA).get_page(request.GET.get("pagina"))
    namen = _namen([*wachtend, *pagina.object_list])
    for verzoek in wachtend:
        verzoek.rijen_voor = _rijen(verzoek.voor, namen)
        verzoek.rijen_na = _rijen(verzoek.na, namen)
        verzoek.mag_beslissen = verzoek.aangevraagd_door_id != request.user.pk
    for rij in pagina.object_list:
        rij.rijen_voor, rij.rijen_na = _rijen(rij.voor, namen), _rijen(rij.na, namen)
    return render(request, "dossiers/wijzigingen.html", {
        "school": school, "wachtend": wachtend, "pagina": pagina, "afwijzen": AfwijzenForm(),
    })


@login_required
@require_POST
def gezien(request, school_pk: int):
    school = _school(request, school_pk)
    try:
        n = wijzigingen.wijzigingen_gezien(door=request.user, school=school)
    except InvoerFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Nagekeken: %(n)d termijn(en) afgesloten.") % {"n": n})
    return redirect("wijzigingen_school", school_pk=school.pk)


def _verzoek(request, pk: int) -> Wijzigingsverzoek:
    verzoek = get_object_or_404(Wijzigingsverzoek.objects.select_related("school"), pk=pk)
    _school(request, verzoek.school_id)
    return verzoek


@login_required
@require_POST
def bevestigen(request, pk: int):
    verzoek = _verzoek(request, pk)
    try:
        verzoek = wijzigingen.wijziging_bevestigen(door=request.user, verzoek=verzoek)
    except InvoerFout as exc:
        messages.error(request, str(exc))
    else:
        if verzoek.status == Verzoekstatus.BEVESTIGD:
            messages.success(request, _("Bevestigd en doorgevoerd: %(w)s") % {"w": verzoek})
        else:
            messages.error(request, _("Niet doorgevoerd, het verzoek is vervallen: %(r)s")
                           % {"r": verzoek.reden})
    return redirect("wijzigingen_school", school_pk=verzoek.school_id)


@login_required
@require_POST
def afwijzen(request, pk: int):
    verzoek = _verzoek(request, pk)
    form = AfwijzenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef een reden voor de afwijzing (ten hoogste %(n)d tekens).")
                       % {"n": wijzigingen.REDEN_MAX})
        return redirect("wijzigingen_school", school_pk=verzoek.school_id)
    try:
        wijzigingen.wijziging_afwijzen(door=request.user, verzoek=verzoek,
                                       reden=form.cleaned_data["reden"])
    except InvoerFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Afgewezen: %(w)s") % {"w": verzoek})
    return redirect("wijzigingen_school", school_pk=verzoek.school_id)
