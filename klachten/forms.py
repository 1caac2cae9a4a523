"""Forms of the klachten pages. They check shape only; the services check the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers import keuzes
from dossiers.models import Leerling, Medewerker, Ouder
from statuut.models import School

from .models import (
    Adviesuitkomst,
    Benoemdoor,
    Beroepsuitkomst,
    Klachtonderwerp,
    Klagersoort,
    Verschoning,
)

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _tekstveld(label, rows=4, required=True, melding=None, **kw):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(
        attrs={"rows": rows}), error_messages={"required": melding or _("Vul dit veld in.")},
        **kw)


class NietInToekomst:
    def clean_ingediend_op(self):
        datum = self.cleaned_data["ingediend_op"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("De datum van indienen ligt in de toekomst."))
        return datum


class KlachtForm(NietInToekomst, forms.Form):
    leerling = forms.ModelChoiceField(
        label=gettext_lazy("Leerling (klager, of kind van de klagende ouders)"),
        queryset=Leerling.objects.none(),
        error_messages={"required": gettext_lazy("Kies de leerling."),
                        "invalid_choice": gettext_lazy("Kies een leerling uit de lijst.")})
    klager_soort = forms.ChoiceField(label=gettext_lazy("Wie dient de klacht in"),
                                     choices=Klagersoort.choices, widget=forms.RadioSelect,
                                     error_messages={"required": gettext_lazy(
                                         "Kies wie de klacht indient.")})
    ouder = forms.ModelChoiceField(label=gettext_lazy("Ouder/verzorger (als ouders klagen)"),
                                   queryset=Ouder.objects.none(), required=False)
    mede_klagers = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Andere leerlingen (collectieve klacht)"),
        queryset=Leerling.objects.none(), required=False)
    onderwerp_soort = forms.ChoiceField(label=gettext_lazy("De klacht gaat over"),
                                        choices=Klachtonderwerp.choices, widget=forms.RadioSelect,
                                        error_messages={"required": gettext_lazy(
                                            "Kies waarover de klacht gaat.")})
    beklaagde = forms.ModelChoiceField(label=gettext_lazy("Tegen wie"),
                                       queryset=Medewerker.objects.none(), required=False)
    seksuele_intimidatie = forms.BooleanField(
        label=gettext_lazy("Het gaat om seksuele intimidatie (gaat rechtstreeks en "
                           "vertrouwelijk naar de vertrouwenspersoon)"), required=False)
    onderwerp = forms.CharField(label=gettext_lazy("Onderwerp"), max_length=200,
                                error_messages={"required": gettext_lazy(
                                    "Vat de klacht samen in een onderwerp.")})
    omschrijving = _tekstveld(gettext_lazy("Omschrijving"), 6,
                              melding=gettext_lazy("Beschrijf de klacht."))
    eerste_fase_gehad = _tekstveld(
        gettext_lazy("Het gesprek met de docent is al gevoerd of kwam niet tot stand: hoe "
                     "ging het?"), 2, required=False,
        help_text=gettext_lazy("Alleen invullen als de klager de eerste stap al heeft gezet; "
                               "de klacht begint dan bij de volgende fase."))
    ingediend_op = forms.DateField(label=gettext_lazy("Ontvangen op"), widget=DATUM,
                                   error_messages={"required": gettext_lazy("Vul de datum in."),
                                                   "invalid": gettext_lazy(
                                                       "Vul een geldige datum in.")})

    def __init__(self, *args, leerlingen, medewerkers, ouders, scholen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerling"].queryset = leerlingen
        self.fields["mede_klagers"].queryset = leerlingen
        self.fields["beklaagde"].queryset = medewerkers
        # Each with their roles: two colleagues with the same name are told apart.
        self.fields["beklaagde"].label_from_instance = keuzes.medewerker_labeler(
            medewerkers, scholen if scholen is not None else School.objects.none())
        self.fields["ouder"].queryset = ouders


class AfrondenForm(forms.Form):
    wat_gebeurde = _tekstveld(gettext_lazy("Wat is er in deze fase gebeurd?"),
                              melding=gettext_lazy("Beschrijf wat er in deze fase is gebeurd."))
    reactie_klager = _tekstveld(gettext_lazy("Wat vindt de klager van de uitkomst?"), 2,
                                melding=gettext_lazy("Noteer wat de klager van de uitkomst "
                                                     "vindt."))


class DoorzettenForm(forms.Form):
    naar = forms.CharField(widget=forms.HiddenInput)
    klager_wil_verder = forms.BooleanField(
        label=gettext_lazy("De klager is niet tevreden en wil de klacht voortzetten"),
        required=False)


class AfsluitenForm(forms.Form):
    reactie_klager = _tekstveld(gettext_lazy("Wat zei de klager?"), 2, required=False)


class IntrekkenForm(forms.Form):
    reden = forms.CharField(label=gettext_lazy("Waarom trekt de klager de klacht in?"),
                            max_length=500, error_messages={"required": gettext_lazy(
                                "Noteer waarom de klager de klacht intrekt.")})


class VerweerForm(forms.Form):
    tekst = _tekstveld(gettext_lazy("Uw verweer"), 5, melding=gettext_lazy("Schrijf uw verweer."))


class VerschonenForm(forms.Form):
    lid = forms.IntegerField(widget=forms.HiddenInput)
    wijze = forms.ChoiceField(label=gettext_lazy("Verschoning"), choices=[
        (Verschoning.ZELF, Verschoning.ZELF.label), (Verschoning.PARTIJ, Verschoning.PARTIJ.label)])
    reden = forms.CharField(label=gettext_lazy("Reden"), max_length=500,
                            error_messages={"required": gettext_lazy(
                                "Noteer de reden van de verschoning.")})


class ZittingForm(forms.Form):
    zitting_op = forms.DateField(label=gettext_lazy("Datum van de zitting"), widget=DATUM,
                                 error_messages={"required": gettext_lazy("Vul de datum in.")})
    besloten_verzocht_door = forms.CharField(
        label=gettext_lazy("Besloten zitting, op verzoek van (leeg: openbaar)"), max_length=200,
        required=False)
    toelichting_klager = _tekstveld(gettext_lazy("Mondelinge toelichting van de klager"), 3,
                                    melding=gettext_lazy("Noteer de toelichting van de klager."))
    verweer = _tekstveld(gettext_lazy("Verweer van de andere partij"), 3,
                         melding=gettext_lazy("Noteer het verweer."))
    bijstand = forms.CharField(label=gettext_lazy("Bijstand door (personen uit de school)"),
                               max_length=500, required=False)
    getuigen = _tekstveld(gettext_lazy("Getuigen"), 2, required=False)


class AdviesForm(forms.Form):
    advies = forms.ChoiceField(label=gettext_lazy("Advies"), choices=Adviesuitkomst.choices,
                               widget=forms.RadioSelect, error_messages={
                                   "required": gettext_lazy("Kies het advies.")})
    aanbevelingen = _tekstveld(
        gettext_lazy("Aanbevelingen"), 3, required=False,
        help_text=gettext_lazy("Een openbaar advies staat met de aanbevelingen op de lijst van "
                               "adviezen voor het personeel: noem geen namen."))
    niet_openbaar = forms.BooleanField(
        label=gettext_lazy("Advies niet openbaar (de commissie honoreert een bezwaar van een "
                           "partij)"), required=False)


class UitspraakForm(forms.Form):
    uitspraak = _tekstveld(gettext_lazy("Uitspraak"), 4, melding=gettext_lazy(
        "Schrijf de uitspraak."))
    wettelijke_toets = _tekstveld(
        gettext_lazy("Toets: niet in strijd met wettelijke bepalingen en bevoegdheden"), 2,
        melding=gettext_lazy("Leg de toets aan wet en bevoegdheden vast."))


class DelenForm(forms.Form):
    met = forms.IntegerField(widget=forms.Select)


class DelenIntrekkenForm(forms.Form):
    met = forms.IntegerField(widget=forms.HiddenInput)
    reden = forms.CharField(label=gettext_lazy("Waarom trekt u het delen in?"), max_length=500,
                            error_messages={"required": gettext_lazy(
                                "Noteer waarom u het delen intrekt.")})


class BeroepForm(NietInToekomst, forms.Form):
    leerling = forms.ModelChoiceField(label=gettext_lazy("Leerling"),
                                      queryset=Leerling.objects.none(),
                                      error_messages={"required": gettext_lazy(
                                          "Kies de leerling.")})
    regel = forms.ChoiceField(label=gettext_lazy("Beroep of bezwaar"),
                              error_messages={"required": gettext_lazy(
                                  "Kies het soort beroep of bezwaar.")})
    maatregel_stuk = forms.TypedChoiceField(
        label=gettext_lazy("Maatregel (uit het dossier, sectie gedrag)"), coerce=int,
        empty_value=None, required=False, error_messages={"invalid_choice": gettext_lazy(
            "Kies een maatregel uit het dossier van deze leerling.")})
    # A measure of a flow (a schorsing, ...): the beroep points at the measure itself.
    maatregel = forms.ChoiceField(
        label=gettext_lazy("Maatregel (besluit)"), required=False, error_messages={
            "invalid_choice": gettext_lazy("Kies een maatregel van deze leerling.")})
    toelichting = _tekstveld(gettext_lazy("Toelichting"), 4, melding=gettext_lazy(
        "Licht het beroep of bezwaar toe."))
    ingediend_op = forms.DateField(label=gettext_lazy("Ontvangen op"), widget=DATUM)

    def __init__(self, *args, leerlingen, regels, maatregelen=(), objecten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leerling"].queryset = leerlingen
        self.fields["regel"].choices = [("", "---------")] + regels
        self.fields["maatregel_stuk"].choices = [
            ("", _("geen: bezwaar over de toepassing van het statuut"))] + list(maatregelen)
        self.fields["maatregel"].choices = [("", _("geen"))] + list(objecten)
        if not objecten:
            # Only where the pupil has such a measure: the form stays as it was otherwise.
            del self.fields["maatregel"]

    def clean(self):
        cleaned = super().clean()
        cleaned.setdefault("maatregel", "")
        return cleaned


class BeslissenForm(forms.Form):
    uitkomst = forms.ChoiceField(label=gettext_lazy("Uitkomst"),
                                 choices=Beroepsuitkomst.choices, widget=forms.RadioSelect,
                                 error_messages={"required": gettext_lazy("Kies een uitkomst.")})
    beslissing = _tekstveld(gettext_lazy("Motivering"), 4, melding=gettext_lazy(
        "Motiveer de beslissing."))
    gewijzigde_maatregel = forms.CharField(label=gettext_lazy("Gewijzigde maatregel"),
                                           max_length=500, required=False)


class CommissieForm(forms.Form):
    """Five seats, each a member and a deputy and who appointed them; the chair (a seat) and
    the secretary. Every field optional here: the service names what is missing."""

    def __init__(self, *args, zetels, medewerkers, secretarissen, leerlingen=None, ouders=None,
                 school=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Each person with their roles at the school: namesakes are told apart.
        met_rol = keuzes.medewerker_labeler(
            medewerkers, [school] if school is not None else School.objects.none())
        leerlingen = leerlingen if leerlingen is not None else Leerling.objects.none()
        ouders = ouders if ouders is not None else Ouder.objects.none()
        self.zetels = []
        for sleutel, naam, geleding in zetels:
            velden = {
                "naam": forms.CharField(label=gettext_lazy("Lid"), max_length=200,
                                        required=False),
                "plv": forms.CharField(label=gettext_lazy("Plaatsvervanger"), max_length=200,
                                       required=False),
                "benoemd": forms.ChoiceField(label=gettext_lazy("Benoemd door"),
                                             choices=Benoemdoor.choices, error_messages={
                                                 "required": gettext_lazy(
                                                     "Kies wie het lid benoemde."),
                                                 "invalid_choice": gettext_lazy(
                                                     "Kies wie het lid benoemde: de eigen "
                                                     "geleding of de medezeggenschapsraad.")}),
            }
            # Who the member and the deputy are, so that one who is a party to a case never
            # sits in it (bijlage B leden 6 en 7).
            if geleding == "docent":
                for veld, label in (("medewerker", gettext_lazy("Personeelslid")),
                                    ("plvmedewerker", gettext_lazy(
                                        "Personeelslid (plaatsvervanger)"))):
                    velden[veld] = forms.ModelChoiceField(
                        label=label, queryset=medewerkers, required=False,
                        error_messages={"invalid_choice": gettext_lazy(
                            "Kies een personeelslid van deze school.")})
                    velden[veld].label_from_instance = met_rol
            if geleding == "leerling":
                for veld, label in (("leerling", gettext_lazy("Leerling")),
                                    ("plvleerling", gettext_lazy("Leerling (plaatsvervanger)"))):
                    velden[veld] = forms.ModelChoiceField(
                        label=label, queryset=leerlingen, required=False,
                        error_messages={"invalid_choice": gettext_lazy(
                            "Kies een leerling van deze school.")})
            if geleding == "ouder":
                for veld, label in (("ouder", gettext_lazy("Ouder/verzorger")),
                                    ("plvouder", gettext_lazy(
                                        "Ouder/verzorger (plaatsvervanger)"))):
                    velden[veld] = forms.ModelChoiceField(
                        label=label, queryset=ouders, required=False,
                        error_messages={"invalid_choice": gettext_lazy(
                            "Kies een ouder of verzorger van een leerling van deze school.")})
            for veld, definitie in velden.items():
                self.fields[f"{sleutel}-{veld}"] = definitie
            self.zetels.append({"sleutel": sleutel, "naam": naam,
                                "velden": [self[f"{sleutel}-{v}"] for v in velden]})
        self.fields["voorzitter"] = forms.ChoiceField(
            label=gettext_lazy("Voorzitter (uit de leden)"), required=False,
            choices=[("", "---------")] + [(s, n) for s, n, _g in zetels],
            error_messages={"invalid_choice": gettext_lazy(
                "De voorzitter is geen lid van de commissie: kies de voorzitter uit de leden "
                "(bijlage B lid 8).")})
        self.fields["secretaris"] = forms.ModelChoiceField(
            label=gettext_lazy("Ambtelijk secretaris (uit de schoolleiding)"),
            queryset=secretarissen, required=False, error_messages={
                "invalid_choice": gettext_lazy(
                    "De ambtelijk secretaris komt van de schoolleiding (bijlage B lid 8): kies "
                    "iemand van de directie.")})
