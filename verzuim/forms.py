from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Melding, Oordeel


class LeerlingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        groep = getattr(obj, "groepnaam", "") or ""
        return f"{obj.volledige_naam} ({obj.leerlingnummer}{', ' + groep if groep else ''})"


class TeLaatForm(forms.Form):
    leerling = LeerlingKeuze(queryset=None, label=_("Leerling"))
    datum = forms.DateField(label=_("Datum"), initial=timezone.localdate,
                            widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    lesuur = forms.IntegerField(label=_("Lesuur"), min_value=1, max_value=15)
    minuten = forms.IntegerField(label=_("Minuten te laat"), min_value=1, max_value=300)
    oordeel = forms.ChoiceField(label=_("Oordeel"), choices=Oordeel.choices,
                                initial=Oordeel.ONGEOORLOOFD, widget=forms.RadioSelect)
    reden = forms.CharField(label=_("Reden volgens de leerling"), required=False,
                            max_length=500)
    briefje_ouders = forms.CharField(label=_("Briefje van de ouders"), required=False,
                                     max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, leerlingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerling"].queryset = leerlingen


class AbsentieForm(forms.Form):
    leerling = LeerlingKeuze(queryset=None, label=_("Leerling"))
    datum = forms.DateField(label=_("Datum"), initial=timezone.localdate,
                            widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    uren = forms.IntegerField(label=_("Aantal lesuren"), min_value=1, max_value=15)
    lesuren = forms.CharField(label=_("Welke lesuren (bijv. 1,2,3)"), required=False,
                              max_length=60)
    melding = forms.ChoiceField(label=_("Melding"), choices=Melding.choices,
                                widget=forms.RadioSelect)
    oordeel = forms.ChoiceField(label=_("Oordeel"), choices=Oordeel.choices,
                                widget=forms.RadioSelect)
    reden = forms.CharField(label=_("Reden (ziek, arts, ...)"), required=False, max_length=200)
    retourbriefje = forms.CharField(label=_("Terugmelding / absentiebriefje"), required=False,
                                    max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, leerlingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerling"].queryset = leerlingen


class BeoordelenForm(forms.Form):
    oordeel = forms.ChoiceField(label=_("Oordeel"), widget=forms.RadioSelect,
                                choices=[(Oordeel.GEOORLOOFD, Oordeel.GEOORLOOFD.label),
                                         (Oordeel.ONGEOORLOOFD, Oordeel.ONGEOORLOOFD.label)])
    toelichting = forms.CharField(label=_("Waarom"), max_length=1000)
    briefje_ouders = forms.CharField(label=_("Briefje van de ouders"), required=False,
                                     max_length=1000)

    def __init__(self, *args, mogelijk=None, **kwargs):
        super().__init__(*args, **kwargs)
        if mogelijk is not None:
            # Only the judgements the registration can move to (its transitions).
            self.fields["oordeel"].choices = [(o, Oordeel(o).label) for o in mogelijk]


class AfhandelenForm(forms.Form):
    notitie = forms.CharField(label=_("Wat is er gedaan"), max_length=1000)


class UitnodigenForm(forms.Form):
    """Bijlage A: at 6 times the mentor talks with the pupil and the parents: the
    invitation in writing."""

    datum = forms.DateField(label=_("Datum van het gesprek"), widget=forms.DateInput(
        format="%Y-%m-%d", attrs={"type": "date"}))
    tijd = forms.TimeField(label=_("Tijd"), widget=forms.TimeInput(
        format="%H:%M", attrs={"type": "time"}))
    plaats = forms.CharField(label=_("Plaats"), max_length=200)


class ImportForm(forms.Form):
    bestand = forms.FileField(label=_("CSV-bestand uit het leerlingvolgsysteem"))


class KoppelingForm(forms.Form):
    scheidingsteken = forms.ChoiceField(label=_("Scheidingsteken"),
                                        choices=[(";", ";"), (",", ","), ("\t", "tab")])
    leerlingnummer = forms.CharField(label=_("Kolom met het leerlingnummer"), max_length=60)
    datum = forms.CharField(label=_("Kolom met de datum"), max_length=60)
    lesuur = forms.CharField(label=_("Kolom met het lesuur"), max_length=60)
    code = forms.CharField(label=_("Kolom met de code"), max_length=60)
    minuten = forms.CharField(label=_("Kolom met de minuten te laat"), max_length=60)
    opmerking = forms.CharField(label=_("Kolom met de opmerking"), max_length=60,
                                required=False)
    codes = forms.CharField(
        label=_("Codes (één per regel: CODE=soort)"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Soorten: te_laat, te_laat_geoorloofd, te_laat_beoordelen, absent_gemeld, "
                    "absent_ongeoorloofd, absent_beoordelen."))

    def clean_codes(self):
        from .importeren import SOORTEN

        uit = {}
        for i, regel in enumerate(self.cleaned_data["codes"].splitlines(), start=1):
            if not regel.strip():
                continue
            code, _is, soort = regel.partition("=")
            if not _is or soort.strip() not in SOORTEN or not code.strip():
                raise forms.ValidationError(
                    _("Regel %(i)d: schrijf CODE=soort met een van de soorten hieronder.")
                    % {"i": i})
            uit[code.strip().upper()] = soort.strip()
        return uit


class SignalerenForm(forms.Form):
    drempelcode = forms.ChoiceField(label=_("Drempel"))
    toelichting = forms.CharField(label=_("Waarom (welk verzuim, hoe vaak)"), max_length=1000,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, drempels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["drempelcode"].choices = [
            (d.code, f"{d.get_soort_display()}: {d.actie}") for d in drempels]


class VerlofForm(forms.Form):
    leerling = LeerlingKeuze(queryset=None, label=_("Leerling"))
    eerste_dag = forms.DateField(label=_("Eerste dag"), widget=forms.DateInput(
        format="%Y-%m-%d", attrs={"type": "date"}))
    laatste_dag = forms.DateField(label=_("Laatste dag"), widget=forms.DateInput(
        format="%Y-%m-%d", attrs={"type": "date"}))
    aangevraagd_door = forms.CharField(label=_("Aangevraagd door (ouder/verzorger)"),
                                       max_length=200)
    reden = forms.CharField(label=_("Reden"), max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 2}))
    ontvangen_op = forms.DateField(label=_("Schriftelijk ontvangen op"),
                                   initial=timezone.localdate, widget=forms.DateInput(
                                       format="%Y-%m-%d", attrs={"type": "date"}))

    def __init__(self, *args, leerlingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerling"].queryset = leerlingen


class VerlofStapForm(forms.Form):
    motivering = forms.CharField(label=_("Motivering"), max_length=2000,
                                 widget=forms.Textarea(attrs={"rows": 2}))
