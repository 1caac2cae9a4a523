"""Forms for the sancties pages; each only reads input, the services decide."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Ernst

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATUMTIJD = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEKST = forms.Textarea(attrs={"rows": 4})


def _datum(label, **kw):
    return forms.DateField(label=label, widget=DATUM, error_messages={
        "required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in.")}, **kw)


class VoorstelForm(forms.Form):
    gronden = forms.MultipleChoiceField(
        label=_("Grond(en) uit het leerlingenstatuut"), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één grond uit het leerlingenstatuut."),
                        "invalid_choice": _("Kies een grond uit de lijst.")})
    ernst = forms.ChoiceField(label=_("Ernst"), choices=Ernst.choices,
                              error_messages={"required": _("Kies de ernst.")})
    feiten = forms.CharField(label=_("Feiten (wat, wanneer, waar)"), widget=TEKST,
                             error_messages={"required": _("Beschrijf de feiten.")})
    eerste_dag = _datum(_("Eerste dag van de schorsing"))
    schooldagen = forms.IntegerField(label=_("Aantal schooldagen"), min_value=1, max_value=99,
                                     error_messages={"required": _("Vul het aantal "
                                                                   "schooldagen in.")})

    tijdens_verwijdering = forms.BooleanField(
        label=_("Schorsing voor de duur van de lopende verwijderingsprocedure"), required=False)

    def __init__(self, *args, gronden: list[str], verwijdering: bool = False,
                 ontzegging: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gronden"].choices = [(g, g) for g in gronden]
        if not verwijdering:
            del self.fields["tijdens_verwijdering"]
        if ontzegging:
            self.fields["eerste_dag"].label = _("Eerste dag van de ontzegging")
            self.fields["schooldagen"].label = _("Aantal schooldagen (zolang de procedure "
                                                 "naar verwachting duurt)")


class HoorgesprekPlannenForm(forms.Form):
    op = forms.DateTimeField(label=_("Datum en tijd"), widget=DATUMTIJD, error_messages={
        "required": _("Vul datum en tijd in."), "invalid": _("Vul een geldige datum en tijd in.")})
    plaats = forms.CharField(label=_("Plaats"), max_length=200,
                             error_messages={"required": _("Vul de plaats in.")})


class HoorgesprekForm(forms.Form):
    gehoord_op = _datum(_("Gehoord op"))
    gehoord_door = forms.ModelMultipleChoiceField(
        label=_("Gehoord door"), queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies wie de leerling hebben gehoord.")})
    ouders_aanwezig = forms.BooleanField(label=_("Ouders/verzorgers waren aanwezig"),
                                         required=False)
    verslag = forms.CharField(label=_("Verslag (hoor en wederhoor)"), widget=TEKST,
                              error_messages={"required": _("Schrijf het verslag.")})

    def __init__(self, *args, school, ouders_uitleg: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ouders_aanwezig"].help_text = ouders_uitleg
        veld = self.fields["gehoord_door"]
        veld.queryset = (get_user_model().objects.filter(
            is_active=True, medewerker__rollen__school=school).distinct()
            .select_related("medewerker").order_by("medewerker__naam"))
        veld.label_from_instance = lambda u: u.medewerker.naam


class BesluitForm(forms.Form):
    eerste_dag = _datum(_("Eerste dag"))
    schooldagen = forms.IntegerField(label=_("Aantal schooldagen"), min_value=1, max_value=99,
                                     error_messages={"required": _("Vul het aantal "
                                                                   "schooldagen in.")})
    motivering = forms.CharField(label=_("Motivering (opgave van redenen)"), widget=TEKST,
                                 error_messages={"required": _("Vul de motivering in.")})
    opdrachten = forms.CharField(
        label=_("Wat de leerling tijdens de schorsing doet (werk, toetsen die doorgaan)"),
        widget=TEKST, required=False)
    bevoegd_gezag_geinformeerd_op = _datum(_("Bevoegd gezag geïnformeerd op"), required=False)


class GesprekForm(forms.Form):
    op = forms.DateTimeField(label=_("Datum en tijd van het gesprek"), widget=DATUMTIJD,
                             error_messages={"required": _("Vul datum en tijd in."),
                                             "invalid": _("Vul een geldige datum en tijd in.")})
    plaats = forms.CharField(label=_("Plaats van het gesprek"), max_length=200)
    met_wie = forms.CharField(label=_("Aanwezig namens de school"), max_length=300)


class LeegForm(forms.Form):
    pass


class InspectieForm(forms.Form):
    gemeld_op = _datum(_("Gemeld op"))
    kenmerk = forms.CharField(label=_("Kenmerk (van het portaal)"), max_length=100,
                              required=False)


class AfrondenForm(forms.Form):
    gesprek_ouders_verslag = forms.CharField(label=_("Verslag van het gesprek met de ouders"),
                                             widget=TEKST, required=False)


class BezwaarForm(forms.Form):
    ingediend_op = _datum(_("Bezwaar ontvangen op"))
    gronden = forms.CharField(label=_("Gronden van het bezwaar"), widget=TEKST,
                              error_messages={"required": _("Vul de gronden in.")})


class BezwaarHorenForm(forms.Form):
    gehoord_op = _datum(_("Ouders gehoord op"))
    verslag = forms.CharField(label=_("Verslag"), widget=TEKST,
                              error_messages={"required": _("Schrijf het verslag.")})


class BezwaarBeslissenForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Beslissing"), choices=[
        ("gegrond", _("gegrond")), ("ongegrond", _("ongegrond"))],
        widget=forms.RadioSelect, error_messages={"required": _("Kies gegrond of ongegrond.")})
    motivering = forms.CharField(label=_("Motivering"), widget=TEKST,
                                 error_messages={"required": _("Vul de motivering in.")})
