from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MaatregelForm(forms.Form):
    """The quick registration's second step: which rung (or fraude), the offence, the
    agreement. `keuze` is "m:<rung code>" or "f:<fraude code>"."""

    keuze = forms.ChoiceField(label=_("Maatregel"), widget=forms.RadioSelect,
                              error_messages={"required": _("Kies een maatregel."),
                                              "invalid_choice": _("Kies een maatregel uit de "
                                                                  "lijst.")})
    overtreding = forms.CharField(
        label=_("Overtreding"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Beschrijf de overtreding: het moet duidelijk zijn voor "
                                      "welke overtreding de maatregel is.")},
        help_text=_("Wat deed de leerling? (Het moet duidelijk zijn voor welke overtreding.)"))
    afspraak = forms.CharField(label=_("Afspraak (wat moet er gebeuren)"), required=False,
                               max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    uiterlijk = forms.DateField(label=_("Uiterlijk"), required=False,
                                widget=forms.DateInput(format="%Y-%m-%d",
                                                       attrs={"type": "date"}))
    datum = forms.DateField(label=_("Datum"), initial=timezone.localdate,
                            widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    lesuur = forms.IntegerField(label=_("Lesuur"), required=False, min_value=1, max_value=15)
    vak = forms.CharField(label=_("Vak"), required=False, max_length=60)
    categorie = forms.ChoiceField(label=_("Gaat het om (politie of melding)"), required=False,
                                  error_messages={"invalid_choice": _("Kies een soort "
                                                                      "overtreding uit de "
                                                                      "lijst.")})

    def __init__(self, *args, keuzes, categorieen, **kwargs):
        super().__init__(*args, **kwargs)
        # Every rung of the statuut is a valid value: the service refuses what the user may
        # not impose, with the statuut's reason (a forged choice gets that message too).
        self.fields["keuze"].choices = keuzes
        self.fields["categorie"].choices = [("", _("geen van deze"))] + categorieen
        if not categorieen:
            del self.fields["categorie"]


class StapForm(forms.Form):
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class AangifteForm(forms.Form):
    gedaan = forms.TypedChoiceField(
        label=_("Aangifte"), widget=forms.RadioSelect, coerce=lambda v: v == "ja",
        choices=[("ja", _("aangifte gedaan")), ("nee", _("geen aangifte gedaan"))])
    op = forms.DateField(label=_("Datum van de aangifte"), required=False,
                         widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    door_wie = forms.CharField(label=_("Door wie"), required=False, max_length=200)
    reden = forms.CharField(label=_("Waarom niet"), required=False, max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 2}))
