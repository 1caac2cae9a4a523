"""The pupil's personal dossier in the browser: the page by section, one entry with its
versions, adding a note, correcting by addendum, the yearly clean-up, and giving and
withdrawing explicit grants on the pupil's page.

Access: a pupil the user may not see at all gives 404 (the issue: "a user with no relation
to a pupil gets 404, not 403"; for them the pupil does not exist). A user who does see the
pupil's central data, such as a docent at Echnaton (art. 9.4), already knows the pupil
exists: for them the dossier answers 403 with a page that says they have no access to the
personal dossier, which is the truth and hides nothing they do not know. The same goes for
an action (correct, clean up, grant) the statuut does not give them.

Every page that shows dossier content writes one row in the read log (`audit`). Views only
call the services in `dossiers.dossier` and `dossiers.toekenningen`, which check the policy
again.
"""

from __future__ import annotations

import calendar
from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from statuut.hulp import naam_van
from statuut.models import Dossiersectie, Handeling
from statuut.services import InvoerFout

from . import audit, dossier, selectors, selectors_dossier, toegang, toekenningen
from .models import Document, Dossierstuk, Toekenning, Toekenningsomvang, Verwijdergrond

DATUMWIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# --- helpers -------------------------------------------------------------------------------


def zichtbare_leerling(user, pk: int):
    """The pupil, or 404 when the user may not see any of the pupil's data."""
    return get_object_or_404(selectors.zichtbare_leerlingen(user), pk=pk)


def _geen_toegang(request, leerling, melding: str):
    return render(request, "dossiers/dossier_geen_toegang.html",
                  {"leerling": leerling, "melding": melding}, status=403)


def _geen_dossier(request, leerling):
    return _geen_toegang(request, leerling, _(
        "U heeft geen toegang tot het persoonlijk dossier van deze leerling. Het "
        "leerlingenstatuut van de school geeft u alleen toegang tot een deel van de centrale "
        "leerlingenadministratie."))


def _dossier_url(leerling, sectie: str | None = None) -> str:
    url = reverse("dossier", args=[leerling.pk])
    return f"{url}?sectie={sectie}" if sectie else url


def _onderdeel(secties) -> str:
    return "dossier: " + ", ".join(secties)


# --- the dossier page ----------------------------------------------------------------------


@login_required
def dossier_pagina(request, pk):
    user = request.user
    leerling = zichtbare_leerling(user, pk)
    rechten = toegang.rechten(user, leerling)
    if not rechten.secties:
        return _geen_dossier(request, leerling)
    sectie = request.GET.get("sectie") or None
    context = {
        "leerling": leerling,
        "mag_toevoegen": Handeling.DOSSIER_TOEVOEGEN in rechten.handelingen,
        "mag_corrigeren": Handeling.DOSSIER_CORRIGEREN in rechten.handelingen,
        "mag_opschonen": Handeling.DOSSIER_OPSCHONEN in rechten.handelingen,
    }
    if sectie is not None and sectie not in rechten.secties:
        # An unknown section, or one the statuut closes to this user: say so, show nothing.
        context["fout"] = _("Deze sectie bestaat niet in het dossier of u mag haar niet "
                            "inzien. Kies een van de secties hieronder.")
        context["secties"] = [(s, Dossiersectie(s).label, None)
                              for s in selectors_dossier.SECTIE_VOLGORDE if s in rechten.secties]
        return render(request, "dossiers/dossier.html", context, status=400)
    pagina = selectors_dossier.dossierpagina(user, leerling, sectie=sectie,
                                             pagina=request.GET.get("pagina"),
                                             secties=rechten.secties)
    getoond = pagina.getoonde_secties or ([sectie] if sectie else [])
    audit.inzage_vastleggen(user=user, leerling=leerling,
                            onderdeel=_onderdeel(getoond) if getoond else "dossier: geen stukken")
    context.update({"secties": pagina.secties, "sectie": sectie, "pagina": pagina.pagina,
                    "regels": pagina.regels})
    return render(request, "dossiers/dossier.html", context)


@login_required
def dossierstuk_pagina(request, pk, stuk_pk):
    user = request.user
    leerling = zichtbare_leerling(user, pk)
    rechten = toegang.rechten(user, leerling)
    if not rechten.secties:
        return _geen_dossier(request, leerling)
    regel = selectors_dossier.dossierregel(user, leerling, stuk_pk)
    if regel is None:
        raise Http404
    gevraagd = next(v for v in regel.versies if v.pk == stuk_pk)
    audit.inzage_vastleggen(user=user, leerling=leerling, onderdeel=_onderdeel([regel.sectie]),
                            object=gevraagd)
    return render(request, "dossiers/dossier_stuk.html", {
        "leerling": leerling, "regel": regel, "gevraagd": gevraagd,
        "mag_corrigeren": Handeling.DOSSIER_CORRIGEREN in rechten.handelingen,
    })


@login_required
def dossierstuk_document(request, pk, stuk_pk):
    """The file kept with an entry (a signed report's scan), for whoever may read the entry;
    404 for anyone else, as for an entry that does not exist. The read is logged."""
    user = request.user
    leerling = zichtbare_leerling(user, pk)
    stuk = (toegang.dossierstukken_voor(user, leerling)
            .filter(pk=stuk_pk, verwijderd_op__isnull=True).first())
    document = (Document.objects.filter(dossierstuk=stuk, inhoud__isnull=False).first()
                if stuk is not None else None)
    if document is None:
        raise Http404
    audit.inzage_vastleggen(user=user, leerling=leerling,
                            onderdeel=_onderdeel([stuk.sectie]) + " (document)", object=stuk)
    response = HttpResponse(bytes(document.inhoud), content_type=document.mimetype)
    naam = document.bestandsnaam.replace('"', "")
    response["Content-Disposition"] = f'inline; filename="{naam}"'
    response["Cache-Control"] = "no-store"  # pupil data: not in any cache
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- adding a note -------------------------------------------------------------------------


class NotitieForm(forms.Form):
    sectie = forms.ChoiceField(label=gettext_lazy("Sectie"), error_messages={
        "required": gettext_lazy("Kies een sectie."),
        "invalid_choice": gettext_lazy("Kies een sectie uit de lijst; '%(value)s' bestaat "
                                       "niet of is niet voor u open."),
    })
    titel = forms.CharField(label=gettext_lazy("Titel"), max_length=200, error_messages={
        "required": gettext_lazy("Geef de notitie een titel."),
    })
    datum = forms.DateField(label=gettext_lazy("Datum"), widget=DATUMWIDGET, error_messages={
        "required": gettext_lazy("Vul de datum in."),
        "invalid": gettext_lazy("Vul een geldige datum in."),
    })
    inhoud = forms.CharField(label=gettext_lazy("Notitie"), widget=forms.Textarea(
        attrs={"rows": 8}), error_messages={"required": gettext_lazy("Schrijf de notitie.")})

    def __init__(self, *args, secties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectie"].choices = [("", "---------")] + [
            (s, Dossiersectie(s).label) for s in selectors_dossier.SECTIE_VOLGORDE
            if s in secties
        ]

    def clean_datum(self) -> date:
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return datum


@login_required
def notitie_toevoegen(request, pk):
    user = request.user
    leerling = zichtbare_leerling(user, pk)
    rechten = toegang.rechten(user, leerling)
    if not rechten.secties:
        return _geen_dossier(request, leerling)
    if Handeling.DOSSIER_TOEVOEGEN not in rechten.handelingen:
        return _geen_toegang(request, leerling, _(
            "U mag volgens het leerlingenstatuut geen stukken aan dit dossier toevoegen."))
    if request.method == "POST":
        form = NotitieForm(request.POST, secties=rechten.secties)
        if form.is_valid():
            try:
                stuk = dossier.stuk_toevoegen(
                    door=user, leerling=leerling, sectie=form.cleaned_data["sectie"],
                    titel=form.cleaned_data["titel"], inhoud=form.cleaned_data["inhoud"],
                    datum=form.cleaned_data["datum"],
                )
            except InvoerFout as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, _("De notitie '%(t)s' staat in het dossier.")
                                 % {"t": stuk.titel})
                return redirect(_dossier_url(leerling, stuk.sectie))
    else:
        gevraagd = request.GET.get("sectie")
        form = NotitieForm(secties=rechten.secties, initial={
            "datum": timezone.localdate(),
            "sectie": gevraagd if gevraagd in rechten.secties else "",
        })
    return render(request, "dossiers/dossier_notitie.html", {"leerling": leerling, "form": form})


# --- correcting by addendum ----------------------------------------------------------------


class CorrectieForm(forms.Form):
    titel = forms.CharField(label=gettext_lazy("Titel"), max_length=200, error_messages={
        "required": gettext_lazy("Het stuk moet een titel houden."),
    })
    inhoud = forms.CharField(label=gettext_lazy("Gecorrigeerde tekst"), required=False,
                             widget=forms.Textarea(attrs={"rows": 10}))
    reden = forms.CharField(
        label=gettext_lazy("Reden van de correctie"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Wat was er onjuist, en op wiens verzoek is het gecorrigeerd? "
                               "De reden blijft bij het stuk zichtbaar."),
        error_messages={"required": gettext_lazy("Geef de reden van de correctie op.")},
    )

    def clean_reden(self) -> str:
        reden = self.cleaned_data["reden"].strip()
        if not reden:
            raise forms.ValidationError(_("Geef de reden van de correctie op."))
        return reden


def _waarom_niet_te_corrigeren(stuk: Dossierstuk) -> str | None:
    if stuk.is_verwijderd:
        return _("Dit stuk is uit het dossier verwijderd en kan niet meer worden gecorrigeerd.")
    if stuk.addenda.exists():
        return _("Dit stuk is al gecorrigeerd. Corrigeer de nieuwste versie.")
    return None


@login_required
def stuk_corrigeren(request, pk, stuk_pk):
    user = request.user
    leerling = zichtbare_leerling(user, pk)
    rechten = toegang.rechten(user, leerling)
    if not rechten.secties:
        return _geen_dossier(request, leerling)
    stuk = get_object_or_404(
        toegang.dossierstukken_voor(user, leerling).select_related("auteur__medewerker"),
        pk=stuk_pk,
    )
    if Handeling.DOSSIER_CORRIGEREN not in rechten.handelingen:
        return _geen_toegang(request, leerling, _(
            "U mag volgens het leerlingenstatuut geen stukken in dit dossier corrigeren."))
    context = {"leerling": leerling, "stuk": stuk}
    if (reden := _waarom_niet_te_corrigeren(stuk)) is not None:
        context["fout"] = reden
        return render(request, "dossiers/dossier_corrigeren.html", context,
                      status=400 if request.method == "POST" else 200)
    if request.method == "POST":
        form = CorrectieForm(request.POST)
        if form.is_valid():
            try:
                dossier.stuk_corrigeren(door=user, stuk=stuk, titel=form.cleaned_data["titel"],
                                        inhoud=form.cleaned_data["inhoud"],
                                        reden=form.cleaned_data["reden"])
            except InvoerFout as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, _("De correctie is vastgelegd als addendum; het "
                                            "oorspronkelijke stuk blijft zichtbaar."))
                return redirect(f"{_dossier_url(leerling, stuk.sectie)}#stuk-"
                                f"{_origineel_pk(stuk)}")
    else:
        form = CorrectieForm(initial={"titel": stuk.titel, "inhoud": stuk.inhoud})
        audit.inzage_vastleggen(user=user, leerling=leerling,
                                onderdeel=_onderdeel([stuk.sectie]), object=stuk)
    context["form"] = form
    return render(request, "dossiers/dossier_corrigeren.html", context)


def _origineel_pk(stuk: Dossierstuk) -> int:
    while stuk.vervangt_id is not None:
        stuk = stuk.vervangt
    return stuk.pk


# --- the yearly clean-up -------------------------------------------------------------------


class OpschoningForm(forms.Form):
    stukken = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Te verwijderen stukken"), coerce=int,
        widget=forms.CheckboxSelectMultiple, error_messages={
            "required": gettext_lazy("Kies ten minste één stuk om te verwijderen."),
            "invalid_choice": gettext_lazy("Een gekozen stuk staat niet (meer) in het "
                                           "dossier. Kies opnieuw."),
        },
    )
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Waarom gaan deze stukken uit het dossier? De toelichting "
                               "blijft bij elk verwijderd stuk staan."),
        error_messages={"required": gettext_lazy("Licht toe waarom deze stukken uit het "
                                                 "dossier gaan.")},
    )

    def __init__(self, *args, regels, **kwargs):
        super().__init__(*args, **kwargs)
        self.regels = {r.origineel.pk: r for r in regels}
        self.fields["stukken"].choices = [(pk, r.huidig.titel) for pk, r in self.regels.items()]

    def clean_toelichting(self) -> str:
        tekst = self.cleaned_data["toelichting"].strip()
        if not tekst:
            raise forms.ValidationError(_("Licht toe waarom deze stukken uit het dossier "
                                          "gaan."))
        return tekst

    def gekozen(self) -> list:
        return [self.regels[pk] for pk in self.cleaned_data["stukken"]]


@login_required
def dossier_opschonen(request, pk):
    user = request.user
    leerling = zichtbare_leerling(user, pk)
    rechten = toegang.rechten(user, leerling)
    if not rechten.secties:
        return _geen_dossier(request, leerling)
    if Handeling.DOSSIER_OPSCHONEN not in rechten.handelingen:
        return _geen_toegang(request, leerling, _(
            "Het dossier wordt aan het eind van het schooljaar opgeschoond door de mentor van "
            "de leerling; u mag dat volgens het leerlingenstatuut niet."))
    regels = selectors_dossier.op_te_schonen(user, leerling)
    context = {"leerling": leerling, "regels": regels}
    if request.method == "POST":
        form = OpschoningForm(request.POST, regels=regels)
        if form.is_valid() and request.POST.get("bevestigd") == "1":
            gekozen = form.gekozen()
            try:
                dossier.stukken_verwijderen(
                    door=user, stukken=[r.origineel for r in gekozen],
                    grond=Verwijdergrond.JAARLIJKSE_OPSCHONING,
                    toelichting=form.cleaned_data["toelichting"],
                )
            except InvoerFout as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(request, _(
                    "%(n)d stuk(ken) uit het dossier verwijderd. Per stuk blijft vermeld wat "
                    "er is verwijderd, wanneer, door wie en waarom.") % {"n": len(gekozen)})
                return redirect(_dossier_url(leerling))
        elif form.is_valid():
            # Step two: show exactly what will go, and ask once more.
            context.update({"form": form, "gekozen": form.gekozen()})
            return render(request, "dossiers/dossier_opschonen_bevestigen.html", context)
    else:
        form = OpschoningForm(regels=regels)
        if regels:
            audit.inzage_vastleggen(
                user=user, leerling=leerling,
                onderdeel="dossier opschonen: " + ", ".join(
                    s for s in selectors_dossier.SECTIE_VOLGORDE
                    if any(r.sectie == s for r in regels)),
            )
    context["form"] = form
    return render(request, "dossiers/dossier_opschonen.html", context)


# --- explicit grants (on the pupil's page) ------------------------------------------------


def _plus_maanden(d: date, n: int) -> date:
    """The same day `n` months later (the last day of that month if it is shorter)."""
    jaar, maand = divmod(d.month - 1 + n, 12)
    jaar, maand = d.year + jaar, maand + 1
    return date(jaar, maand, min(d.day, calendar.monthrange(jaar, maand)[1]))


class OntvangerVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        naam = naam_van(obj)
        functie = getattr(getattr(obj, "medewerker", None), "functie", "")
        return f"{naam} ({functie})" if functie else naam


class ToekenningForm(forms.Form):
    aan = OntvangerVeld(label=gettext_lazy("Aan"), queryset=None, error_messages={
        "required": gettext_lazy("Kies aan wie u toegang geeft."),
        "invalid_choice": gettext_lazy("Kies een medewerker van deze school uit de lijst."),
    })
    omvang = forms.ChoiceField(label=gettext_lazy("Toegang tot"), error_messages={
        "required": gettext_lazy("Kies waartoe u toegang geeft."),
        "invalid_choice": gettext_lazy("U mag deze toegang niet verlenen."),
    })
    reden = forms.CharField(label=gettext_lazy("Reden"), widget=forms.Textarea(attrs={"rows": 2}),
                            error_messages={"required": gettext_lazy(
                                "Geef een reden op: waarom heeft deze persoon toegang nodig?")})
    geldig_vanaf = forms.DateField(label=gettext_lazy("Vanaf"), widget=DATUMWIDGET,
                                   error_messages={
                                       "required": gettext_lazy("Vul de begindatum in."),
                                       "invalid": gettext_lazy("Vul een geldige begindatum in."),
                                   })
    geldig_tot = forms.DateField(label=gettext_lazy("Tot en met"), widget=DATUMWIDGET,
                                 error_messages={
                                     "required": gettext_lazy("Vul de einddatum in: toegang "
                                                              "geldt altijd voor een periode."),
                                     "invalid": gettext_lazy("Vul een geldige einddatum in."),
                                 })

    def __init__(self, *args, leerling, door, te_geven: list[str], **kwargs):
        kwargs.setdefault("prefix", "toekenning")
        super().__init__(*args, **kwargs)
        self.fields["aan"].queryset = toekenningen.mogelijke_ontvangers(leerling).exclude(
            pk=door.pk)
        self.fields["omvang"].choices = [(o, Toekenningsomvang(o).label) for o in te_geven]
        if not self.is_bound:
            vandaag = timezone.localdate()
            self.initial.setdefault("geldig_vanaf", vandaag)
            self.initial.setdefault("geldig_tot", _plus_maanden(vandaag, 3))

    def clean_reden(self) -> str:
        reden = self.cleaned_data["reden"].strip()
        if not reden:
            raise forms.ValidationError(_("Geef een reden op: waarom heeft deze persoon "
                                          "toegang nodig?"))
        return reden

    def clean(self):
        data = super().clean()
        vanaf, tot = data.get("geldig_vanaf"), data.get("geldig_tot")
        if vanaf and vanaf < timezone.localdate():
            self.add_error("geldig_vanaf", _("De begindatum ligt in het verleden; toegang gaat "
                                             "op zijn vroegst vandaag in."))
        if vanaf and tot and tot < vanaf:
            self.add_error("geldig_tot", _("De einddatum ligt vóór de begindatum."))
        return data


def toekenningen_context(user, leerling, rechten, *, form: ToekenningForm | None = None
                         ) -> dict:
    """The "Extra toegang" block of the pupil's page: for who may read the dossier or may
    grant. Each grant says whether this user may withdraw it."""
    te_geven = toegang.toe_te_kennen(user, leerling)
    if not (rechten.secties or te_geven):
        return {"toekenningen_tonen": False}
    lijst = list(toekenningen.lopende_toekenningen(leerling))
    for t in lijst:
        t.intrekbaar = toekenningen.mag_intrekken(user, t, te_geven=te_geven)
    if te_geven and form is None:
        form = ToekenningForm(leerling=leerling, door=user, te_geven=te_geven)
    return {"toekenningen_tonen": True, "toekenningen": lijst, "toekenning_form": form,
            "vandaag": timezone.localdate()}


@login_required
@require_POST
def toekenning_verlenen(request, pk):
    from .views import leerling_pagina

    user = request.user
    leerling = zichtbare_leerling(user, pk)
    te_geven = toegang.toe_te_kennen(user, leerling)
    if not te_geven:
        return _geen_toegang(request, leerling, _(
            "U mag volgens het leerlingenstatuut geen toegang tot deze leerling verlenen."))
    form = ToekenningForm(request.POST, leerling=leerling, door=user, te_geven=te_geven)
    if form.is_valid():
        d = form.cleaned_data
        try:
            t = toekenningen.toekenning_verlenen(
                door=user, aan=d["aan"], leerling=leerling, omvang=d["omvang"],
                reden=d["reden"], geldig_vanaf=d["geldig_vanaf"], geldig_tot=d["geldig_tot"],
            )
        except InvoerFout as fout:
            form.add_error(None, str(fout))
        else:
            messages.success(request, _(
                "%(naam)s heeft toegang (%(omvang)s) van %(van)s tot en met %(tot)s.") % {
                "naam": naam_van(t.user), "omvang": t.get_omvang_display(),
                "van": t.geldig_vanaf.strftime("%d-%m-%Y"),
                "tot": t.geldig_tot.strftime("%d-%m-%Y")})
            return redirect(reverse("leerling", args=[leerling.pk]) + "#extra-toegang")
    return leerling_pagina(request, leerling, toekenning_form=form)


@login_required
@require_POST
def toekenning_intrekken(request, pk, toekenning_pk):
    user = request.user
    leerling = zichtbare_leerling(user, pk)
    toekenning = get_object_or_404(Toekenning, pk=toekenning_pk, leerling=leerling)
    try:
        toekenningen.toekenning_intrekken(door=user, toekenning=toekenning)
    except InvoerFout as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, _("De toegang van %(naam)s is ingetrokken.")
                         % {"naam": naam_van(toekenning.user)})
    return redirect(reverse("leerling", args=[leerling.pk]) + "#extra-toegang")
