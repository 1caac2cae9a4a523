from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Eenheid


class TermijnBerekenenForm(forms.Form):
    startdatum = forms.DateField(
        label=_("Startdatum (deze dag telt niet mee)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2026-11-23.")},
    )
    aantal = forms.IntegerField(label=_("Aantal"), min_value=1, max_value=400, initial=10)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=Eenheid.choices,
                                initial=Eenheid.SCHOOLDAGEN)
