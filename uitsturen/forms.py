from django import forms
from django.utils.translation import gettext_lazy as _


class LeerlingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        groep = getattr(obj, "groepnaam", "") or ""
        return f"{obj.volledige_naam} ({obj.leerlingnummer}{', ' + groep if groep else ''})"


class TredeKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.naam


def _tekstvak(label, *, verplicht=False, rijen=3, **kwargs):
    return forms.CharField(label=label, required=verplicht, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": rijen}), **kwargs)


class UitsturenForm(forms.Form):
    """The teacher's form in class: pupil, rung, lesson and the offence, in a few taps."""

    leerling = LeerlingKeuze(queryset=None, label=_("Leerling"),
                             error_messages={"required": _("Kies de leerling."),
                                             "invalid_choice": _("Kies een leerling uit uw "
                                                                 "eigen groepen.")})
    maatregelsoort = TredeKeuze(queryset=None, label=_("Maatregel"), empty_label=None,
                                widget=forms.RadioSelect,
                                error_messages={"required": _("Kies de maatregel."),
                                                "invalid_choice": _("Kies een maatregel van "
                                                                    "het leerlingenstatuut.")})
    vak = forms.CharField(label=_("Les / vak"), max_length=80, required=False)
    lesuur = forms.IntegerField(label=_("Lesuur"), required=False, min_value=1, max_value=15,
                                error_messages={"invalid": _("Het lesuur is een getal."),
                                                "min_value": _("Het lesuur is een getal van 1 "
                                                               "tot en met 15."),
                                                "max_value": _("Het lesuur is een getal van 1 "
                                                               "tot en met 15.")})
    reden = forms.CharField(label=_("Waarom (voor welke overtreding)"), max_length=300,
                            required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, leerlingen, treden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerling"].queryset = leerlingen
        self.fields["maatregelsoort"].queryset = treden
        eerste = [t.pk for t in treden[:2]]
        if len(eerste) == 1 and not self.initial.get("maatregelsoort"):
            self.initial["maatregelsoort"] = eerste[0]


class MeldenForm(forms.Form):
    verhaal = _tekstvak(_("Wat is volgens de leerling de reden dat hij of zij is "
                          "uitgestuurd? (in de woorden van de leerling)"))


class ToelichtenForm(forms.Form):
    reden = _tekstvak(_("Reden waarom de leerling is uitgestuurd"))
    gesprek = _tekstvak(_("Het gesprek met de leerling over het voorval"))
    afspraak_op = forms.DateField(
        label=_("Of: afspraak voor het gesprek op"), required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"invalid": _("De datum van de afspraak is geen geldige datum.")})


class InleverenForm(forms.Form):
    straf = _tekstvak(_("Straf (leeg: geen straf)"), rijen=2)
    gesprek = _tekstvak(_("Het gesprek (als het na de afspraak is gevoerd)"), rijen=2)


class AfrondenForm(forms.Form):
    pass


FORMULIEREN = {"melden": MeldenForm, "toelichten": ToelichtenForm,
               "inleveren": InleverenForm, "afronden": AfrondenForm}
