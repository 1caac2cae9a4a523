"""The one request form in the browser: an invitation to a talk with the parents."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UitnodigingForm(forms.Form):
    datum = forms.DateField(label=_("Datum van het gesprek"),
                            widget=forms.DateInput(attrs={"type": "date"}))
    tijd = forms.TimeField(label=_("Tijd"), widget=forms.TimeInput(attrs={"type": "time"}))
    plaats = forms.CharField(label=_("Plaats"), max_length=200,
                             help_text=_("Bijvoorbeeld: kamer 1.12 van de school."))
    met_wie = forms.CharField(label=_("Gesprek met"), max_length=200)
    aanleiding = forms.CharField(label=_("Aanleiding"), max_length=500,
                                 widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text=_("Komt letterlijk in de brief aan de ouders."))
    artikel = forms.ChoiceField(label=_("Artikel van het leerlingenstatuut"), required=False)

    def __init__(self, *args, artikelen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["artikel"].choices = [("", _("— geen artikel noemen —"))] + [
            (a.nummer, f"{a.nummer} {a.titel}") for a in artikelen]

    def clean_aanleiding(self):
        # The letter writes "Aanleiding: ....": a closing full stop typed here would double it.
        return self.cleaned_data["aanleiding"].strip().rstrip(".").rstrip()

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum < timezone.localdate():
            raise forms.ValidationError(_("Kies een datum vandaag of later."))
        return datum
