"""Forms of the care steps: they only parse and check input; the services decide."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from dossiers import keuzes, toekenningen
from dossiers.models import Toekenningsomvang
from statuut.hulp import vandaag

from . import toegang
from .models import Consultatiekeuze, Contactwijze, Signaalbron, Signaalcategorie, Trajectsoort

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIJD = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TEKST = forms.Textarea(attrs={"rows": 3})
JA_NEE = [("", _("(niet beantwoord)")), ("ja", _("ja")), ("nee", _("nee"))]


class SignaalForm(forms.Form):
    bron = forms.ChoiceField(label=_("Wie signaleert"), choices=Signaalbron.choices,
                             widget=forms.RadioSelect, initial=Signaalbron.DOCENT)
    categorieen = forms.MultipleChoiceField(
        label=_("Signaleringskaart: waar maakt u zich zorgen over?"),
        choices=Signaalcategorie.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één categorie van de "
                                      "signaleringskaart.")})
    waarneming = forms.CharField(
        label=_("Wat heeft u waargenomen?"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Beschrijf concreet waarneembaar gedrag: wat, wanneer, hoe vaak."),
        error_messages={"required": _("Beschrijf wat u heeft waargenomen.")})
    datum = forms.DateField(label=_("Datum"), widget=DATUM, initial=vandaag)
    besproken_met_leerling = forms.BooleanField(
        label=_("Ik heb er al met de leerling over gesproken"), required=False)


class GesprekForm(forms.Form):
    datum = forms.DateField(label=_("Datum gesprek"), widget=DATUM, initial=vandaag)
    bevestigd = forms.TypedChoiceField(
        label=_("Bevestigt de leerling het probleem?"), widget=forms.RadioSelect,
        choices=[("ja", _("Ja: notitie maken en verder met de consultatie (stap 2)")),
                 ("nee", _("Nee: leerling blijft in observatie"))],
        coerce=lambda v: v == "ja",
        error_messages={"required": _("Kies of de leerling het probleem bevestigt.")})
    notitie = forms.CharField(label=_("Notitie"), widget=TEKST)
    opnieuw_bekijken_op = forms.DateField(
        label=_("Opnieuw bekijken op (bij nee)"), widget=DATUM, required=False)

    def clean(self):
        data = super().clean()
        if data.get("bevestigd") is False and not data.get("opnieuw_bekijken_op"):
            self.add_error("opnieuw_bekijken_op", _("Kies een datum om de leerling opnieuw te "
                                                    "bekijken."))
        return data


def _remedial_teachers(school):
    """The staff holding the role the care rows give the remedial teacher's step (2.2)."""
    return get_user_model().objects.filter(
        medewerker__rollen__school=school, is_active=True,
        medewerker__rollen__rol__in=toegang.rollen_met(school, toegang.ZORG_REMEDIAL),
    ).order_by("medewerker__naam").distinct()


class _MetRemedialTeacher(forms.Form):
    remedial_teacher = forms.ModelChoiceField(
        label=_("Remedial teacher (bij keuze 2)"), queryset=get_user_model().objects.none(),
        required=False)

    def __init__(self, *args, zorgdossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        if zorgdossier is not None:
            veld = self.fields["remedial_teacher"]
            veld.queryset = _remedial_teachers(zorgdossier.school)
            veld.label_from_instance = keuzes.labeler(veld.queryset, zorgdossier.school)


class ConsultatieForm(_MetRemedialTeacher):
    datum = forms.DateField(label=_("Datum consultatie"), widget=DATUM, initial=vandaag)
    aard_en_ernst = forms.CharField(label=_("Aard en ernst van de problematiek"), widget=TEKST)
    keuze = forms.ChoiceField(label=_("Wie pakt het traject op?"),
                              choices=Consultatiekeuze.choices, widget=forms.RadioSelect)
    field_order = ["datum", "aard_en_ernst", "keuze", "remedial_teacher"]


class DoorverwijzenForm(_MetRemedialTeacher):
    keuze = forms.ChoiceField(
        label=_("Aanmelden bij"), widget=forms.RadioSelect,
        choices=[(Consultatiekeuze.REMEDIAL_TEACHER, _("de remedial teacher")),
                 (Consultatiekeuze.ZORGCOORDINATOREN, _("de zorgcoördinatoren"))])
    toelichting = forms.CharField(label=_("Toelichting: wat houdt aan of verergert?"),
                                  widget=TEKST)
    field_order = ["keuze", "remedial_teacher", "toelichting"]

    def __init__(self, *args, zorgdossier=None, **kwargs):
        super().__init__(*args, zorgdossier=zorgdossier, **kwargs)
        if zorgdossier is not None and not self.is_bound:
            # Offered: only the referrals the case's phase allows (its transitions,
            # `zorg.stappen`): from the remedial teacher (2.2) only on to the
            # zorgcoördinatoren. A posted choice is the service's to refuse, with its reason.
            from .stappen import verwijzingen

            mogelijk = verwijzingen(zorgdossier)
            veld = self.fields["keuze"]
            veld.choices = [c for c in veld.choices if c[0] in mogelijk]
            if len(veld.choices) == 1:
                self.initial.setdefault("keuze", veld.choices[0][0])
            if Consultatiekeuze.REMEDIAL_TEACHER not in mogelijk:
                del self.fields["remedial_teacher"]


class OudercontactForm(forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DATUM, initial=vandaag)
    wijze = forms.ChoiceField(label=_("Wijze"), choices=Contactwijze.choices)
    verslag = forms.CharField(label=_("Verslag en afspraken"), widget=TEKST)


class AnalyseForm(forms.Form):
    gesprek_leerling_op = forms.DateField(label=_("Gesprek met de leerling op"), widget=DATUM)
    gesprek_ouders_op = forms.DateField(label=_("Gesprek met de ouders op"), widget=DATUM)
    analyse = forms.CharField(label=_("Probleemanalyse"), widget=forms.Textarea(
        attrs={"rows": 5}))
    intern_overleg = forms.CharField(label=_("Intern overleg"), widget=TEKST, required=False)
    zat_geraadpleegd = forms.BooleanField(label=_("Zorg Advies Team geraadpleegd"),
                                          required=False)
    zat_deelnemers = forms.CharField(label=_("Deelnemers ZAT"), widget=TEKST, required=False)
    zat_advies = forms.CharField(label=_("Advies ZAT"), widget=TEKST, required=False)
    voor_mentor = forms.CharField(
        label=_("Te delen met de mentor"), widget=TEKST, required=False,
        help_text=_("Alleen deze tekst ziet de mentor, en hij komt in het dossier."))


def _ja_nee(label):
    return forms.TypedChoiceField(label=label, choices=JA_NEE, required=False,
                                  coerce=lambda v: v == "ja", empty_value=None)


class TrajectForm(forms.Form):
    soort = forms.ChoiceField(label=_("Traject"), choices=Trajectsoort.choices)
    organisatie = forms.CharField(
        label=_("Organisatie"), required=False,
        help_text=_("Bij externe hulp bijv. BJZ, Jeugdformaat, Jutters; bij het "
                    "samenwerkingsverband bijv. Rebound, Knooppunt, Compact."))
    doelen = forms.CharField(label=_("Doelen"), widget=TEKST)
    wie_doet_wat = forms.CharField(label=_("Wie doet wat"), widget=TEKST)
    evaluatie_1 = forms.DateField(label=_("Evaluatiedatum"), widget=DATUM)
    evaluatie_2 = forms.DateField(label=_("Tweede evaluatiedatum"), widget=DATUM,
                                  required=False)
    evaluatie_3 = forms.DateField(label=_("Derde evaluatiedatum"), widget=DATUM,
                                  required=False)
    # Meldcode (only for a Veilig Thuis trajectory)
    stap1_in_kaart = forms.CharField(label=_("Meldcode stap 1: signalen in kaart brengen"),
                                     widget=TEKST, required=False)
    stap2_consultatie = forms.CharField(
        label=_("Stap 2: collegiale consultatie en advies van Veilig Thuis"), widget=TEKST,
        required=False)
    stap3_gesprek = forms.CharField(label=_("Stap 3: gesprek met leerling en/of ouders"),
                                    widget=TEKST, required=False)
    stap4_wegen = forms.CharField(label=_("Stap 4: wegen"), widget=TEKST, required=False)
    stap5_beslissen = forms.CharField(label=_("Stap 5: beslissen"), widget=TEKST,
                                      required=False)
    vraag1_vermoeden = _ja_nee(_("Afwegingskader 1: Is er een vermoeden van huiselijk geweld "
                                 "of kindermishandeling?"))
    vraag2_onveilig = _ja_nee(_("2: Is er sprake van acute of structurele onveiligheid?"))
    vraag3_hulp_mogelijk = _ja_nee(_("3: Kunnen wij effectieve hulp bieden of organiseren?"))
    vraag4_hulp_aanvaard = _ja_nee(_("4: Aanvaarden de betrokkenen de hulp?"))
    vraag5_resultaat = _ja_nee(_("5: Leidt de hulp binnen de gewenste termijn tot de "
                                 "noodzakelijke resultaten?"))

    MELDCODEVELDEN = ("stap1_in_kaart", "stap2_consultatie", "stap3_gesprek", "stap4_wegen",
                      "stap5_beslissen", "vraag1_vermoeden", "vraag2_onveilig",
                      "vraag3_hulp_mogelijk", "vraag4_hulp_aanvaard", "vraag5_resultaat")

    def basisvelden(self):
        return [self[n] for n in self.fields if n not in self.MELDCODEVELDEN]

    def meldcodevelden(self):
        return [self[n] for n in self.fields if n in self.MELDCODEVELDEN]

    def __init__(self, *args, meldcode: bool = True, **kwargs):
        kwargs.pop("zorgdossier", None)
        super().__init__(*args, **kwargs)
        if not meldcode:
            # Who may not see the meldcode is not offered it either.
            for veld in self.MELDCODEVELDEN:
                del self.fields[veld]
            self.fields["soort"].choices = [c for c in Trajectsoort.choices
                                            if c[0] != Trajectsoort.VEILIG_THUIS]


class TerugkoppelingForm(forms.Form):
    datum = forms.DateField(label=_("Datum terugkoppeling"), widget=DATUM, initial=vandaag)
    mentor = forms.BooleanField(label=_("Teruggekoppeld aan de mentor"), required=False)
    leerling = forms.BooleanField(label=_("Teruggekoppeld aan de leerling"), required=False)
    ouders = forms.BooleanField(label=_("Teruggekoppeld aan de ouders"), required=False)
    voor_mentor = forms.CharField(
        label=_("Relevante informatie voor de mentor"), widget=TEKST,
        help_text=_("Deze tekst ziet de mentor en komt in het dossier."))
    uitnodigen = forms.BooleanField(label=_("Ouders per brief uitnodigen voor een gesprek"),
                                    required=False)
    gesprek_datum = forms.DateField(label=_("Datum gesprek"), widget=DATUM, required=False)
    gesprek_tijd = forms.TimeField(label=_("Tijd"), widget=TIJD, required=False)
    plaats = forms.CharField(label=_("Plaats"), required=False)


class EvaluatieForm(forms.Form):
    datum = forms.DateField(label=_("Geëvalueerd op"), widget=DATUM, initial=vandaag)
    verslag = forms.CharField(label=_("Verslag van de evaluatie"), widget=TEKST)


class DelenForm(forms.Form):
    tekst = forms.CharField(label=_("Informatie voor de mentor"), widget=TEKST,
                            help_text=_("De mentor ziet dit; het komt ook in het dossier."))


class AfsluitenForm(forms.Form):
    conclusie = forms.CharField(label=_("Conclusie"), widget=TEKST,
                                help_text=_("Bijv. verbetering opgetreden, geen zorgen meer."))


class ToegangForm(forms.Form):
    aan = forms.ModelChoiceField(
        label=_("Medewerker"), queryset=get_user_model().objects.none(),
        error_messages={"invalid_choice": _(
            "Kies een medewerker uit de lijst: alleen wie dit zorgdossier nog niet ziet en het "
            "mag krijgen (niet de functioneel beheerder).")})
    tot = forms.DateField(label=_("Tot en met"), widget=DATUM)
    reden = forms.CharField(label=_("Reden"), widget=TEKST)

    def __init__(self, *args, zorgdossier=None, door=None, **kwargs):
        super().__init__(*args, **kwargs)
        if zorgdossier is not None:
            # Only whom the care file may be opened to (the one grant policy), each with
            # their roles: two colleagues called Dennis are told apart.
            veld = self.fields["aan"]
            veld.queryset = toekenningen.mogelijke_ontvangers(
                zorgdossier.leerling, omvang=Toekenningsomvang.ZORG).exclude(
                pk=getattr(door, "pk", None))
            veld.label_from_instance = keuzes.labeler(veld.queryset, zorgdossier.school)
