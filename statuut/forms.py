from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import acties
from .models import Bevoegdheid, Eenheid, Toegangsregel


class TermijnBerekenenForm(forms.Form):
    startdatum = forms.DateField(
        label=_("Startdatum (deze dag telt niet mee)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2026-11-23.")},
    )
    aantal = forms.IntegerField(label=_("Aantal"), min_value=1, max_value=400, initial=10)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=Eenheid.choices,
                                initial=Eenheid.SCHOOLDAGEN)


class ToegangsregelForm(forms.ModelForm):
    """A row of the access matrix in the admin. Its list fields are JSON, so anything typed
    parses (`123`, `"A"`); each is checked here with its model validator, before the value
    reaches the row, so a wrong entry gives the validator's Dutch message on the field and
    nothing is saved (and the page, which shows the row, can still be drawn)."""

    LIJSTVELDEN = ("categorieen", "dossiersecties", "handelingen")

    def clean(self):
        cleaned = super().clean()
        for naam in self.LIJSTVELDEN:
            if naam not in cleaned:
                continue
            try:
                for validator in Toegangsregel._meta.get_field(naam).validators:
                    validator(cleaned[naam])
            except ValidationError as fout:
                self.add_error(naam, fout)  # also takes the value out of cleaned_data
        return cleaned


class BevoegdheidForm(forms.ModelForm):
    """An authority row in the admin: the action is chosen from the flows' registry (so it
    cannot be misspelt), the role from the staff roles, bodies and principals."""

    class Meta:
        model = Bevoegdheid
        fields = ["actie", "voor", "rol", "omvang", "niveau", "artikel", "toelichting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import HOUDERS, Orgaan, Principaal, Rol

        self.fields["actie"] = forms.ChoiceField(label=_("actie"), choices=acties.keuzes())
        labels = {**dict(Rol.choices), **dict(Orgaan.choices), **dict(Principaal.choices)}
        self.fields["rol"] = forms.ChoiceField(
            label=_("rol, orgaan of betrokkene"),
            choices=[(h, labels.get(h, h)) for h in HOUDERS])
