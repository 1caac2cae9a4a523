"""The pages: start page per role and the pupil page. Access is decided by `toegang`,
rows come from `selectors`, every pupil shown is logged by `audit`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LogoutView
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from statuut.models import Handeling, Rol

from . import audit, panelen, selectors, toegang
from .models import Inzagesoort

PER_PAGINA = 50


class UitloggenView(LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("U bent uitgelogd."))
        return response


#: How many deadlines the start page lists before "Alle termijnen".
START_TERMIJNEN = 20


def _getal(waarde: str | None) -> int | None:
    """A positive id from the query string, None for anything else."""
    if waarde and waarde.isascii() and waarde.isdigit() and len(waarde) < 10:
        return int(waarde)
    return None


@login_required
def start(request):
    user = request.user
    op = timezone.localdate()
    zoekterm = request.GET.get("q", "").strip()[:100]
    secties = []
    getoond = {}
    soorten: set[str] = set()
    for school in toegang.scholen_van(user).order_by("naam"):
        rollen = toegang.rollen_van(user, school)
        onderdelen = panelen.startonderdelen(rollen)
        sectie = {
            "school": school,
            "rollen": [Rol(r).label for r in sorted(rollen)],
            "onderdelen": onderdelen,
        }
        mentor_ids = []
        if "mentorgroepen" in onderdelen:
            sectie["mentorgroepen"] = list(selectors.mentorgroepen(user, school=school, op=op))
            mentor_ids = [g.pk for g in sectie["mentorgroepen"]]
        if "lesgroepen" in onderdelen:
            sectie["lesgroepen"] = list(
                selectors.lesgroepen(user, school=school, op=op).exclude(pk__in=mentor_ids)
            )
            if not sectie["lesgroepen"] and mentor_ids:
                # A mentor who teaches only their own group needs no empty second list.
                onderdelen = sectie["onderdelen"] = onderdelen - {"lesgroepen"}
        if "afdelingsgroepen" in onderdelen:
            sectie["afdelingsgroepen"] = list(selectors.afdelingsgroepen(
                user, school=school, op=op, uitgeklapt=_getal(request.GET.get("groep"))))
        for sleutel in ("mentorgroepen", "lesgroepen", "afdelingsgroepen"):
            for groep in sectie.get(sleutel, []):
                getoond.update(((p.leerling.school_id, p.leerling.leerlingnummer), p.leerling)
                               for p in groep.zichtbaar)
        if "leerlingen_zoeken" in onderdelen:
            pagina = Paginator(
                selectors.leerlingen_zoeken(user, school=school, zoekterm=zoekterm, op=op),
                PER_PAGINA,
            ).get_page(request.GET.get("pagina"))
            sectie["pagina"] = pagina
            getoond.update(((ll.school_id, ll.leerlingnummer), ll) for ll in pagina.object_list)
        if onderdelen & {"statuut_waarschuwing", "statuut_stand"}:
            sectie["statuut"] = selectors.statuutstand(school, op=op)
        sectie["panelen"] = panelen.startpanelen(user=user, school=school, rollen=rollen, op=op)
        for paneel in sectie["panelen"]:
            # A flow's panel names the pupils it showed and their kind of record.
            leerlingen = list(paneel.context.get("inzage_leerlingen", ()))
            if leerlingen:
                soorten.update(paneel.context.get("inzagesoorten", (Inzagesoort.DOSSIER,)))
            for ll in leerlingen:
                getoond.setdefault((ll.school_id, ll.leerlingnummer), ll)
        secties.append(sectie)

    # The start page shows the first deadlines, overdue first, and links to the whole list:
    # a zorgcoördinator of a large school has thousands (issue 15).
    termijnen, aantal_termijnen = selectors.open_termijnen_en_aantal(user, op=op,
                                                                     limiet=START_TERMIJNEN)
    # "Mijn termijnen" names pupils too (issue 12, point 16): those reads are logged as well.
    for t in termijnen:
        if t.leerling:
            getoond.setdefault((t.leerling.school_id, t.leerling.leerlingnummer), t.leerling)
    # The whole page is one read: one row (per school) with the pupil numbers shown.
    filter_ = ", ".join(f for f in (
        _("zoekterm '%(z)s'") % {"z": zoekterm} if zoekterm else "",
        _("pagina %(p)s") % {"p": request.GET["pagina"][:10]} if request.GET.get("pagina")
        else "") if f)
    audit.inzagen_vastleggen(user=user, leerlingen=getoond.values(), lijst=_("startpagina"),
                             filter=filter_, soorten=soorten)
    return render(request, "dossiers/start.html", {
        "secties": secties,
        "zoekterm": zoekterm,
        "termijnen": termijnen,
        "aantal_termijnen": aantal_termijnen,
        "vandaag": op,
    })


@login_required
def mijn_termijnen(request):
    """All the user's open deadlines, overdue first, 50 a page."""
    user, op = request.user, timezone.localdate()
    pagina = selectors.open_termijnen_pagina(user, request.GET.get("pagina"), op=op)
    audit.inzagen_vastleggen(
        user=user, leerlingen=[t.leerling for t in pagina.object_list if t.leerling],
        lijst=_("mijn termijnen"), filter=_("pagina %(p)s") % {"p": pagina.number})
    return render(request, "dossiers/termijnen.html", {"pagina": pagina, "vandaag": op})


@login_required
def leerling_detail(request, pk):
    # 404, not 403: a pupil the user may not see does not exist for them.
    leerling = get_object_or_404(selectors.zichtbare_leerlingen(request.user), pk=pk)
    return leerling_pagina(request, leerling)


def _url_of_none(naam: str, *args) -> str | None:
    """A link to a page another part provides, or None until that part exists."""
    try:
        return reverse(naam, args=args)
    except NoReverseMatch:
        return None


def leerling_pagina(request, leerling, *, toekenning_form=None):
    """The pupil's page: central data, links to the dossier and letters, extra access.
    (Also rendered again, with its errors, by a grant form that did not validate.)"""
    from .views_dossier import toekenningen_context

    user = request.user
    rechten = toegang.rechten(user, leerling)
    centraal = rechten.categorieen & set(toegang.CENTRALE_CATEGORIEEN)
    if not centraal:
        raise Http404
    getoonde_panelen = panelen.leerlingpanelen(user=user, leerling=leerling, rechten=rechten,
                                               op=timezone.localdate())
    # Every part shown is logged, in one row: the central data and what each flow's panel
    # showed (a panel names its part under "inzage", its kind under "inzagesoorten").
    audit.onderdelen_vastleggen(user=user, leerling=leerling, onderdelen=[
        (f"{audit.CENTRALE_ADMINISTRATIE} {''.join(sorted(centraal))}", ()),
        *((p.context["inzage"], p.context.get("inzagesoorten", (Inzagesoort.DOSSIER,)))
          for p in getoonde_panelen if p.context.get("inzage")),
    ])
    context = {
        "leerling": leerling,
        "naam_zichtbaar": "A" in centraal,
        "categorieen": selectors.centrale_administratie(leerling, rechten.categorieen),
        "verborgen": len(centraal) < len(toegang.CENTRALE_CATEGORIEEN),
        "dossier_url": reverse("dossier", args=[leerling.pk]) if rechten.secties else None,
        "uitnodiging_url": (_url_of_none("brief_uitnodiging", leerling.pk)
                            if Handeling.BRIEF_AANVRAGEN in rechten.handelingen else None),
    }
    context["panelen"] = getoonde_panelen
    context.update(toekenningen_context(user, leerling, rechten, form=toekenning_form))
    return render(request, "dossiers/leerling.html", context)
