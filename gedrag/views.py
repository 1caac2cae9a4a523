"""The gedrag pages: the docent's quick registration (tablet, no JavaScript needed) and a
measure's page with its steps. Views only call services and selectors; a refused act shows
the service's Dutch message and changes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dossiers import audit, maatregelen
from dossiers.models import Inzagesoort
from dossiers.stappen import geweigerd
from statuut.models import Maatregelsoort
from statuut.services import InvoerFout

from . import forms, selectors, services, stappen, toegang
from .models import Stand

PER_PAGINA = 60


def _getallen(waarden) -> list[int]:
    uit = []
    for w in waarden:
        if isinstance(w, str) and w.isascii() and w.isdigit() and len(w) < 12:
            uit.append(int(w))
    return list(dict.fromkeys(uit))


@login_required
def registreren(request):
    vandaag = timezone.localdate()
    bron = request.POST if request.method == "POST" else request.GET
    school = _getallen([bron.get("school", "")])
    k = selectors.keuzes(request.user, op=vandaag, school=school[0] if school else None)
    if k is None:
        raise Http404
    lijst = selectors.groepslijst(request.user, k, op=vandaag)
    gekozen_ids = _getallen(bron.getlist("leerling"))
    if not gekozen_ids:
        return _groepslijst(request, k, lijst)
    gekozen = list(lijst.filter(pk__in=gekozen_ids))
    status = 200
    keuzes = ([(f"m:{r.code}", r.naam) for r in k.alle]
              + [(f"f:{f['code']}", f["naam"]) for f in k.fraude])
    form = forms.MaatregelForm(request.POST or None, keuzes=keuzes,
                               categorieen=k.categorieen)
    if len(gekozen) != len(gekozen_ids):
        form.add_error(None, _("Een gekozen leerling staat niet in uw lijst."))
        status = 400
    elif request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            soort, _dp, code = d["keuze"].partition(":")
            try:
                if soort == "f":
                    gedaan = services.fraude_vastleggen(
                        door=request.user, leerlingen=gekozen, fraudemaatregel=code,
                        overtreding=d["overtreding"], datum=d["datum"], lesuur=d["lesuur"],
                        vak=d["vak"])
                else:
                    gedaan = services.maatregel_opleggen(
                        door=request.user, leerlingen=gekozen, maatregelsoort=code,
                        overtreding=d["overtreding"], datum=d["datum"],
                        afspraak=d["afspraak"], uiterlijk=d["uiterlijk"], lesuur=d["lesuur"],
                        vak=d["vak"], categorie=d.get("categorie") or "")
            except InvoerFout as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                messages.success(request, _("Vastgelegd: %(m)s voor %(n)s.") % {
                    "m": gedaan[0].naam,
                    "n": ", ".join(m.leerling.volledige_naam for m in gedaan)})
                return redirect("gedrag:registreren")
        else:
            status = 400
    ladders = [(ll, maatregelen.ladder_van(ll, request.user)) for ll in gekozen]
    audit.inzagen_vastleggen(user=request.user, leerlingen=gekozen, lijst="gedrag registreren",
                             onderdeel=_("maatregelen (ladder)"),
                             soorten=[Inzagesoort.DOSSIER])
    keuze = form["keuze"].value() or ""
    return render(request, "gedrag/registreren.html", {
        "k": k, "form": form, "gekozen": gekozen, "ladders": ladders, "keuze": keuze,
        "elders": [(r, url, gekozen[0].pk if len(gekozen) == 1 else "")
                   for r, url in k.elders]}, status=status)


def _groepslijst(request, k, lijst):
    groep = request.GET.get("groep", "")[:50]
    groepen = sorted({g for g in lijst.values_list("groepnaam", flat=True) if g})
    if groep:
        lijst = lijst.filter(groepnaam=groep)
    pagina = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("pagina"))
    leerlingen = list(pagina.object_list)
    audit.inzagen_vastleggen(user=request.user, leerlingen=leerlingen,
                             lijst="gedrag groepslijst", filter=groep)
    return render(request, "gedrag/groepslijst.html", {
        "k": k, "leerlingen": leerlingen, "pagina": pagina, "groep": groep,
        "groepen": groepen})


def _schorsing_na(user, m):
    """The next rung up the ladder when it is a schorsing the user may propose or impose
    (Echnaton bijlage A: "De rode kaart is een nog zwaardere straf, waarna overgegaan kan
    worden tot een schorsing")."""
    if m.is_fraude:
        return None
    volgende = (Maatregelsoort.objects.filter(statuut=m.statuut, trede__gt=m.maatregelsoort.trede)
                .order_by("trede").first())
    if volgende is None or volgende.soort != Maatregelsoort.Soort.SCHORSING:
        return None
    if not any(toegang.mag(user, actie, m.leerling, voor=volgende.code)
               for actie in (toegang.OPLEGGEN, "maatregel.voorstellen")):
        return None
    return volgende


@login_required
def maatregel(request, pk: int):
    m = selectors.zichtbare_maatregel(request.user, pk)
    if m is None:
        raise Http404
    audit.inzage_vastleggen(user=request.user, leerling=m.leerling,
                            onderdeel=_("maatregel"), object=m)
    aanbod = stappen.aanbod(request.user, m)
    beroep = ""
    if (maatregelen.type_van(m).rechtsmiddelen(m) and not maatregelen.lopende_rechtsmiddelen(m)):
        beroep = f"{ContentType.objects.get_for_model(m).pk}-{m.pk}"
    return render(request, "gedrag/maatregel.html", {
        "m": m, "aanbod": aanbod, "stapform": forms.StapForm(),
        "aangifteform": forms.AangifteForm(), "beroep": beroep,
        "schorsing": _schorsing_na(request.user, m), "Stand": Stand,
        "groepsgenoten": m.__class__.objects.filter(groep_id=m.groep_id).exclude(pk=m.pk)
        .count()})


@login_required
@require_POST
def stap(request, pk: int, stap: str):
    m = selectors.zichtbare_maatregel(request.user, pk)
    if m is None or stap not in stappen.STAPPEN:
        raise Http404
    # The step table first (the service asks it again under its lock): a refusal goes back
    # to the measure's page with the reason, the form unread.
    if (weigering := stappen.weigering(request.user, stap, m)) is not None:
        return geweigerd(request, weigering, reverse("gedrag:maatregel", args=[m.pk]))
    try:
        if stap in ("uitgevoerd", "niet_uitgevoerd"):
            services.uitvoering_vastleggen(door=request.user, maatregel=m,
                                           uitgevoerd=stap == "uitgevoerd",
                                           toelichting=request.POST.get("toelichting", ""))
        elif stap == "intrekken":
            services.intrekken(door=request.user, maatregel=m,
                               reden=request.POST.get("toelichting", ""))
        elif stap == "aangifte":
            form = forms.AangifteForm(request.POST)
            if not form.is_valid():
                raise InvoerFout(_("Kies of er aangifte is gedaan en vul de datum in."))
            d = form.cleaned_data
            services.aangifte_vastleggen(door=request.user, maatregel=m, gedaan=d["gedaan"],
                                         op=d["op"], door_wie=d["door_wie"], reden=d["reden"])
        else:
            services.termijn_afhandelen(door=request.user, maatregel=m, stap=stap,
                                        notitie=request.POST.get("toelichting", ""))
    except InvoerFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Vastgelegd."))
    return redirect("gedrag:maatregel", pk=m.pk)
