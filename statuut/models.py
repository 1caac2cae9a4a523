"""The school, its calendar and its leerlingenstatuut, kept as data.

Everything in which schools differ is a field or a row of a versioned
`Statuut`, never an `if` on the school in code.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Regio(models.TextChoices):
    NOORD = "noord", _("Noord")
    MIDDEN = "midden", _("Midden")
    ZUID = "zuid", _("Zuid")


class Onderwijssoort(models.TextChoices):
    PO = "po", _("Primair onderwijs")
    VO = "vo", _("Voortgezet onderwijs")


class TweedeFactor(models.TextChoices):
    """Who at a school logs in with a second factor (TOTP). Whoever may read care, complaint or
    dossier content always does (decided by `dossiers.toegang.scholen_met_inhoud`), and so does
    every account with access to the admin (OWASP ASVS 4.3.1); the school may ask it of
    everyone. Only a demo or trial school switches it off."""

    INHOUD = "inhoud", _("Verplicht voor wie zorg, klachten of dossiers leest en voor beheer")
    IEDEREEN = "iedereen", _("Verplicht voor iedereen")
    NIET_VERPLICHT = "niet_verplicht", _("Niet verplicht (alleen voor een demo- of proefschool)")


class Rol(models.TextChoices):
    """The roles a staff member can have at a school (and the outside parties a statuut names)."""

    DOCENT = "docent", _("Docent")
    MENTOR = "mentor", _("Mentor")
    TEAMLEIDER = "teamleider", _("Teamleider / afdelingsleider")
    ZORGCOORDINATOR = "zorgcoordinator", _("Zorgcoördinator")
    REMEDIAL_TEACHER = "remedial_teacher", _("Remedial teacher")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Vertrouwenspersoon")
    DECAAN = "decaan", _("Decaan")
    DIRECTIE = "directie", _("Directie / schoolleiding")
    ADMINISTRATIE = "administratie", _("Leerlingenadministratie")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")
    # Noordgouw art. 11.4 and 14.3: late slips, absence reported by the parents and the
    # return note go to the conciërge.
    CONCIERGE = "concierge", _("Conciërge")
    # An outside reader (an inspector, an external counsellor): no row in any access matrix,
    # so the account sees a pupil only through an explicit, dated grant (dossiers.Toekenning).
    EXTERN = "extern", _("Externe (alleen via toekenning), bijv. inspectie")


class Partij(models.TextChoices):
    """Who may have to be informed of a decision besides staff roles."""

    OUDERS = "ouders", _("Ouders/verzorgers")
    LEERLING = "leerling", _("Leerling")
    MENTOR = "mentor", _("Mentor")
    INSPECTIE = "inspectie", _("Onderwijsinspectie")
    BEVOEGD_GEZAG = "bevoegd_gezag", _("Bevoegd gezag")
    LEERPLICHT = "leerplicht", _("Leerplichtambtenaar")
    DIRECTIE = "directie", _("Directie")
    TEAMLEIDER = "teamleider", _("Teamleider")


class Orgaan(models.TextChoices):
    """Bodies outside the staff roles that decide, hear or grant a mandate."""

    BEVOEGD_GEZAG = "bevoegd_gezag", _("Bevoegd gezag / schoolbestuur")
    GESCHILLENCOMMISSIE = "geschillencommissie", _("Geschillencommissie van de school")
    KLACHTENCOMMISSIE = "klachtencommissie", _("Landelijke klachtencommissie")
    SCHOOLLEIDING = "schoolleiding", _("Schoolleiding")


class Principaal(models.TextChoices):
    """Who besides staff can hold a right under the statuut, in their own relation to one
    pupil (Echnaton art. 9.3 and 9.6, Noordgouw art. 6.1): the pupil, and a parent with
    gezag (`dossiers.Ouderschap.gezag`)."""

    LEERLING = "leerling_zelf", _("De leerling zelf")
    OUDER = "ouder_met_gezag", _("Ouder/verzorger met gezag")


class Eenheid(models.TextChoices):
    SCHOOLDAGEN = "schooldagen", _("schooldagen")
    WERKDAGEN = "werkdagen", _("werkdagen")
    KALENDERDAGEN = "kalenderdagen", _("kalenderdagen")
    WEKEN = "weken", _("weken")


class Termijnstart(models.TextChoices):
    """From when a decision term runs."""

    INDIENING = "indiening", _("vanaf ontvangst van het bezwaar of beroep")
    EINDE_TERMIJN = "einde_termijn", _("vanaf het einde van de termijn om bezwaar te maken")


def _lijst_validator(keuzes: type[models.TextChoices], wat: str):
    toegestaan = set(keuzes.values)

    def valideer(waarde):
        if not isinstance(waarde, list) or not all(isinstance(w, str) for w in waarde):
            raise ValidationError(_("Verwacht een lijst van %(wat)s."), params={"wat": wat})
        onbekend = [w for w in waarde if w not in toegestaan]
        if onbekend:
            raise ValidationError(
                _("Onbekend: %(onbekend)s. Kies uit: %(keuzes)s."),
                params={"onbekend": ", ".join(onbekend), "keuzes": ", ".join(sorted(toegestaan))},
            )
    return valideer


def rollen_validator(waarde):
    _lijst_validator(Rol, "rollen")(waarde)


def partijen_validator(waarde):
    _lijst_validator(Partij, "partijen")(waarde)


def categorieen_validator(waarde):
    _lijst_validator(Gegevenscategorie, "gegevenscategorieën")(waarde)


#: A person or body that decides, hears or is appealed to: a staff role or an Orgaan.
INSTANTIES = sorted({*Rol.values, *Orgaan.values})
#: Who an authority row can name: a staff role, a body (through `Orgaanrol`), or the pupil
#: or a parent in their own relation to the pupil.
HOUDERS = sorted({*Rol.values, *Orgaan.values, *Principaal.values})


def houder_validator(waarde):
    if waarde not in HOUDERS:
        raise ValidationError(_("Onbekende rol, orgaan of betrokkene '%(w)s'. Kies uit: "
                                "%(keuzes)s."), params={"w": waarde, "keuzes": ", ".join(HOUDERS)})


def instanties_validator(waarde):
    """A list of staff roles and/or bodies (a board decides some measures itself)."""
    if not isinstance(waarde, list):
        raise ValidationError(_("Verwacht een lijst van rollen of organen."))
    for w in waarde:
        instantie_validator(w)


AANGIFTE_KEUZES = ("altijd", "indien_van_toepassing")


def overtredingen_validator(waarde):
    """The statuut's offences that involve the police or a notification (issue 14)."""
    if not isinstance(waarde, list):
        raise ValidationError(_("Een lijst van overtredingen."))
    codes = set()
    for rij in waarde:
        if not isinstance(rij, dict) or not rij.get("code") or not rij.get("naam"):
            raise ValidationError(_("Elke overtreding heeft een code en een naam."))
        onbekend = set(rij) - {"code", "naam", "aangifte", "ouders_informeren",
                               "schoolleiding_informeren", "artikel"}
        if onbekend:
            raise ValidationError(_("Onbekende sleutel(s) %(s)s bij overtreding %(c)s.")
                                  % {"s": ", ".join(sorted(onbekend)), "c": rij["code"]})
        if rij.get("aangifte", "") not in ("", *AANGIFTE_KEUZES):
            raise ValidationError(_("aangifte is 'altijd', 'indien_van_toepassing' of leeg "
                                    "(overtreding %(c)s).") % {"c": rij["code"]})
        if rij["code"] in codes:
            raise ValidationError(_("Overtreding %(c)s staat er twee keer.") % {"c": rij["code"]})
        codes.add(rij["code"])


def fraudemaatregelen_validator(waarde):
    if not isinstance(waarde, list):
        raise ValidationError(_("Een lijst van maatregelen bij fraude."))
    codes = set()
    for rij in waarde:
        if not isinstance(rij, dict) or not rij.get("code") or not rij.get("naam"):
            raise ValidationError(_("Elke maatregel bij fraude heeft een code en een naam."))
        if set(rij) - {"code", "naam", "cijfer", "artikel"}:
            raise ValidationError(_("Een maatregel bij fraude kent alleen code, naam, cijfer "
                                    "en artikel (%(c)s).") % {"c": rij["code"]})
        if rij["code"] in codes:
            raise ValidationError(_("Fraudemaatregel %(c)s staat er twee keer.")
                                  % {"c": rij["code"]})
        codes.add(rij["code"])


def instantie_validator(waarde):
    if waarde and waarde not in INSTANTIES:
        raise ValidationError(_("Onbekende rol of orgaan '%(w)s'. Kies uit: %(keuzes)s."),
                              params={"w": waarde, "keuzes": ", ".join(INSTANTIES)})


def _termijn_paar(obj, *prefixen: str) -> dict:
    """Each term is an amount and a unit: both or neither."""
    fouten = {}
    for prefix in prefixen:
        aantal, eenheid = getattr(obj, f"{prefix}_aantal"), getattr(obj, f"{prefix}_eenheid")
        if (aantal is None) != (not eenheid):
            fouten[f"{prefix}_eenheid" if aantal is not None else f"{prefix}_aantal"] = _(
                "Een termijn heeft een aantal én een eenheid, of geen van beide."
            )
    return fouten


class Bestuur(models.Model):
    naam = models.CharField(_("naam"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("bestuur")
        verbose_name_plural = _("besturen")

    def __str__(self) -> str:
        return self.naam


class Bestuursrol(models.TextChoices):
    """Roles held for a whole board rather than for one school (`Rol` is per school)."""

    BEHEERDER = "bestuursbeheerder", _("Bestuursbeheerder")


class Bestuursroltoewijzing(models.Model):
    """A board-level role of one user. The bestuursbeheerder keeps what the board's schools
    share (school years, the regional vacations, the board's name), which a school's own
    functioneel beheerder may not change for the others (see `statuut.gedeeld`)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="bestuursrollen", verbose_name=_("gebruiker"))
    bestuur = models.ForeignKey(Bestuur, on_delete=models.CASCADE,
                                related_name="roltoewijzingen", verbose_name=_("bestuur"))
    rol = models.CharField(_("rol"), max_length=40, choices=Bestuursrol.choices,
                           default=Bestuursrol.BEHEERDER)

    class Meta:
        verbose_name = _("rol bij het bestuur")
        verbose_name_plural = _("rollen bij het bestuur")
        constraints = [models.UniqueConstraint(fields=["user", "bestuur", "rol"],
                                               name="bestuursrol_uniek")]

    def __str__(self) -> str:
        return f"{self.get_rol_display()} ({self.bestuur})"


brin_validator = RegexValidator(
    r"^[0-9]{2}[A-Z]{2}$", _("Een BRIN-nummer is twee cijfers en twee hoofdletters, bijv. 12AB.")
)


class School(models.Model):
    bestuur = models.ForeignKey(
        Bestuur, on_delete=models.PROTECT, related_name="scholen", verbose_name=_("bestuur")
    )
    naam = models.CharField(_("naam"), max_length=200)
    korte_naam = models.SlugField(
        _("korte naam"), max_length=40, unique=True,
        help_text=_("Gebruikt in commando's en gebruikersnamen, bijv. 'echnaton'."),
    )
    brin = models.CharField(_("BRIN"), max_length=4, unique=True, validators=[brin_validator])
    regio = models.CharField(_("vakantieregio"), max_length=10, choices=Regio.choices)
    onderwijssoort = models.CharField(
        _("onderwijssoort"), max_length=2, choices=Onderwijssoort.choices
    )
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    postcode_plaats = models.CharField(_("postcode en plaats"), max_length=200, blank=True)
    # Days on which libraries and schools disagree; the default is the common choice.
    goede_vrijdag_vrij = models.BooleanField(_("Goede Vrijdag vrij"), default=True)
    bevrijdingsdag_elk_jaar_vrij = models.BooleanField(
        _("Bevrijdingsdag elk jaar vrij"), default=True,
        help_text=_("Uit: alleen in lustrumjaren (2025, 2030, ...) vrij."),
    )
    vrijdag_na_hemelvaart_vrij = models.BooleanField(
        _("vrijdag na Hemelvaart vrij"), default=True
    )
    tweede_factor = models.CharField(
        _("tweede factor bij inloggen"), max_length=16, choices=TweedeFactor.choices,
        default=TweedeFactor.INHOUD,
    )
    # Bumped whenever the calendar changes, so cached school-day tables are rebuilt.
    kalender_versie = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Schooljaar(models.Model):
    """A school year, 1 August up to and including 31 July."""

    naam = models.CharField(
        _("naam"), max_length=9, unique=True,
        validators=[RegexValidator(r"^\d{4}-\d{4}$", _("Schrijf een schooljaar als 2026-2027."))],
    )
    begin = models.DateField(_("eerste dag"))
    eind = models.DateField(_("laatste dag"))

    class Meta:
        verbose_name = _("schooljaar")
        verbose_name_plural = _("schooljaren")
        ordering = ["begin"]
        constraints = [models.CheckConstraint(condition=Q(eind__gt=models.F("begin")),
                                              name="schooljaar_eind_na_begin")]

    def __str__(self) -> str:
        return self.naam

    @staticmethod
    def naam_voor(datum: date) -> str:
        start = datum.year if datum.month >= 8 else datum.year - 1
        return f"{start}-{start + 1}"

    @classmethod
    def voor_datum(cls, datum: date) -> "Schooljaar":
        naam = cls.naam_voor(datum)
        start = int(naam[:4])
        jaar, _created = cls.objects.get_or_create(
            naam=naam, defaults={"begin": date(start, 8, 1), "eind": date(start + 1, 7, 31)}
        )
        return jaar


class Vakantiesoort(models.TextChoices):
    HERFST = "herfstvakantie", _("herfstvakantie")
    KERST = "kerstvakantie", _("kerstvakantie")
    VOORJAAR = "voorjaarsvakantie", _("voorjaarsvakantie")
    MEI = "meivakantie", _("meivakantie")
    ZOMER = "zomervakantie", _("zomervakantie")


class Zekerheid(models.TextChoices):
    CONFIRMED = "confirmed", _("bevestigd")
    PARTLY = "partly confirmed", _("deels bevestigd, controleren")


class RegioVakantie(models.Model):
    """The advised vacation of a region, shipped as an editable default."""

    schooljaar = models.CharField(_("schooljaar"), max_length=9)
    soort = models.CharField(_("vakantie"), max_length=20, choices=Vakantiesoort.choices)
    regio = models.CharField(_("regio"), max_length=10, choices=Regio.choices)
    eerste_dag = models.DateField(_("eerste dag"))
    laatste_dag = models.DateField(_("laatste dag"))
    status = models.CharField(_("zekerheid"), max_length=20, choices=Zekerheid.choices)
    bron = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("vakantie per regio")
        verbose_name_plural = _("vakanties per regio")
        ordering = ["eerste_dag", "regio"]
        constraints = [
            models.UniqueConstraint(fields=["schooljaar", "soort", "regio"],
                                    name="een_regiovakantie_per_soort"),
            models.CheckConstraint(condition=Q(laatste_dag__gte=models.F("eerste_dag")),
                                   name="regiovakantie_volgorde"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.schooljaar} regio {self.regio}"


class SchoolVakantie(models.Model):
    """A school's own vacation. It replaces the region's vacation of the same kind that year."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="vakanties")
    schooljaar = models.CharField(_("schooljaar"), max_length=9)
    soort = models.CharField(_("vakantie"), max_length=20, choices=Vakantiesoort.choices)
    eerste_dag = models.DateField(_("eerste dag"))
    laatste_dag = models.DateField(_("laatste dag"))

    class Meta:
        verbose_name = _("vakantie van de school")
        verbose_name_plural = _("vakanties van de school")
        ordering = ["eerste_dag"]
        constraints = [
            models.UniqueConstraint(fields=["school", "schooljaar", "soort"],
                                    name="een_schoolvakantie_per_soort"),
            models.CheckConstraint(condition=Q(laatste_dag__gte=models.F("eerste_dag")),
                                   name="schoolvakantie_volgorde"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.schooljaar}"


class VrijeDag(models.Model):
    """A school-specific free day (studiedag, extra vrije dag) or range of days."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="vrije_dagen")
    eerste_dag = models.DateField(_("eerste dag"))
    laatste_dag = models.DateField(_("laatste dag"))
    omschrijving = models.CharField(_("omschrijving"), max_length=200, default="studiedag")

    class Meta:
        verbose_name = _("vrije dag / studiedag")
        verbose_name_plural = _("vrije dagen / studiedagen")
        ordering = ["eerste_dag"]
        constraints = [models.CheckConstraint(condition=Q(laatste_dag__gte=models.F("eerste_dag")),
                                              name="vrijedag_volgorde")]

    def __str__(self) -> str:
        return f"{self.omschrijving} {self.eerste_dag:%d-%m-%Y}"


class Statuut(models.Model):
    """One version of a school's leerlingenstatuut (or protocol), with its rules as fields."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="statuten")
    preset = models.CharField(_("preset"), max_length=40, blank=True)
    titel = models.CharField(_("titel"), max_length=200)
    versie = models.CharField(_("versie"), max_length=40, blank=True)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    vastgesteld_door = models.CharField(_("vastgesteld door"), max_length=200, blank=True)
    ingangsdatum = models.DateField(_("ingangsdatum"))
    geldig_tot = models.DateField(_("geldig tot"), null=True, blank=True)
    medezeggenschap = models.TextField(
        _("advies of instemming medezeggenschapsraad"), blank=True
    )
    # Hearing and parents
    ouders_horen_onder_leeftijd = models.PositiveSmallIntegerField(
        _("ouders aanwezig bij horen onder leeftijd"), default=18
    )
    ouders_besluit_onder_leeftijd = models.PositiveSmallIntegerField(
        _("besluit ook aan ouders onder leeftijd"), default=18
    )
    # Schorsing
    schorsing_max_schooldagen = models.PositiveSmallIntegerField(
        _("schorsing ten hoogste (schooldagen)"), default=5
    )
    schorsing_max_schooldagen_bij_verwijdering = models.PositiveSmallIntegerField(
        _("schorsing ten hoogste tijdens verwijderingsprocedure (schooldagen)"), null=True,
        blank=True, help_text=_("Leeg: zie 'schorsing tijdens verwijderingsprocedure'."),
    )
    schorsing_tijdens_verwijdering = models.BooleanField(
        _("schorsing tijdens de hele verwijderingsprocedure mogelijk"), default=False
    )
    schorsing_inspectie_boven_schooldagen = models.PositiveSmallIntegerField(
        _("inspectie melden bij schorsing langer dan (schooldagen)"), default=1,
        help_text=_("0: elke schorsing wordt aan de inspectie gemeld."),
    )
    schorsing_bekendmaking_vooraf = models.BooleanField(
        _("schorsing vooraf schriftelijk bekendmaken"), default=True
    )
    # The articles behind two conditions a step is refused on (issue 12, points 5 and 6):
    # a minor heard with the parents present, and the decision made known in writing.
    ouders_horen_artikel = models.CharField(
        _("artikel: de leerling wordt gehoord in het bijzijn van de ouders"), max_length=40,
        blank=True, help_text=_("Leeg: het statuut zelf wordt genoemd."))
    schorsing_bekendmaking_artikel = models.CharField(
        _("artikel: het schorsingsbesluit wordt schriftelijk bekendgemaakt"), max_length=40,
        blank=True, help_text=_("Leeg: het statuut zelf wordt genoemd."))
    verwijdering_bekendmaking_artikel = models.CharField(
        _("artikel: het voornemen tot verwijdering wordt schriftelijk meegedeeld"),
        max_length=40, blank=True, help_text=_("Leeg: het artikel van de verwijdering."))
    schorsing_informeren = models.JSONField(
        _("bij schorsing informeren"), default=list, blank=True, validators=[partijen_validator]
    )
    schorsing_gronden = models.JSONField(_("gronden voor schorsing"), default=list, blank=True)
    verwijdering_gronden = models.JSONField(
        _("gronden voor verwijdering"), default=list, blank=True
    )
    verwijdering_informeren = models.JSONField(
        _("bij verwijdering informeren"), default=list, blank=True,
        validators=[partijen_validator],
    )
    verwijdering_ouders_horen_onder_leeftijd = models.PositiveSmallIntegerField(
        _("ouders gehoord bij verwijdering onder leeftijd"), default=18
    )
    verwijdering_pas_na_andere_school = models.BooleanField(
        _("definitieve verwijdering pas als een andere school de leerling toelaat"), default=True
    )
    # Bezwaar tegen schorsing
    bezwaar_schorsing_mogelijk = models.BooleanField(_("bezwaar tegen schorsing mogelijk"))
    bezwaar_termijn_aantal = models.PositiveSmallIntegerField(null=True, blank=True)
    bezwaar_termijn_eenheid = models.CharField(max_length=15, choices=Eenheid.choices, blank=True)
    bezwaar_beslistermijn_aantal = models.PositiveSmallIntegerField(null=True, blank=True)
    bezwaar_beslistermijn_eenheid = models.CharField(
        max_length=15, choices=Eenheid.choices, blank=True
    )
    bezwaar_beslistermijn_vanaf = models.CharField(
        _("beslistermijn bezwaar loopt"), max_length=15, choices=Termijnstart.choices, blank=True
    )
    bezwaar_gegrond_dossier_opschonen = models.BooleanField(
        _("bij gegrond bezwaar schorsingsstukken uit dossier"), default=False
    )
    # Bezwaar tegen verwijdering
    verwijdering_bezwaar_termijn_aantal = models.PositiveSmallIntegerField(default=6)
    verwijdering_bezwaar_termijn_eenheid = models.CharField(
        max_length=15, choices=Eenheid.choices, default=Eenheid.WEKEN
    )
    verwijdering_beslistermijn_aantal = models.PositiveSmallIntegerField(null=True, blank=True)
    verwijdering_beslistermijn_eenheid = models.CharField(
        max_length=15, choices=Eenheid.choices, blank=True
    )
    verwijdering_beslistermijn_vanaf = models.CharField(
        _("beslistermijn bezwaar verwijdering loopt"), max_length=15,
        choices=Termijnstart.choices, blank=True,
    )
    # --- Sancties (issue 4): rules the schorsing and verwijdering flows need as data ---
    schorsing_inspectie_termijn_aantal = models.PositiveSmallIntegerField(
        _("melding schorsing aan de inspectie binnen (aantal)"), default=2
    )
    schorsing_inspectie_termijn_eenheid = models.CharField(
        _("melding schorsing aan de inspectie binnen (eenheid)"), max_length=15,
        choices=Eenheid.choices, default=Eenheid.WERKDAGEN,
    )
    verwijdering_na_acht_weken_zoeken = models.BooleanField(
        _("definitieve verwijdering ook na acht weken aantoonbaar vergeefs zoeken"),
        default=False,
        help_text=_("Alleen voortgezet onderwijs (WVO art. 27): het bevoegd gezag mag "
                    "verwijderen als het acht weken aantoonbaar zonder succes een andere "
                    "school zocht. Uit: pas als een andere school de leerling toelaat."),
    )
    verwijdering_horen_artikel = models.CharField(
        _("artikel over het horen bij verwijdering"), max_length=40, blank=True)
    verwijdering_middelen_artikel = models.CharField(
        _("artikel: de beslisser toetst of alle middelen zijn ingezet"), max_length=40,
        blank=True, help_text=_("Leeg: geen aparte stap."))
    verwijdering_tlv_artikel = models.CharField(
        _("artikel: eerst een toelaatbaarheidsverklaring bij verwijzing naar het VSO"),
        max_length=40, blank=True, help_text=_("Leeg: geen aparte stap."))
    # --- end Sancties ---
    # --- Gedrag (issue 14: the daily measures; gedrag/) ---
    overtredingen = models.JSONField(
        _("overtredingen met politie of melding"), default=list, blank=True,
        validators=[overtredingen_validator],
        help_text=_("Per soort overtreding (drugs, wapens, vuurwerk, ...): code, naam, "
                    "aangifte ('altijd' of 'indien_van_toepassing'), ouders_informeren, "
                    "schoolleiding_informeren (true/false) en artikel. Bijv. Echnaton art. "
                    "7.5, Noordgouw art. 11.2.10 en 11.6."))
    fraudemaatregelen = models.JSONField(
        _("maatregelen bij fraude"), default=list, blank=True,
        validators=[fraudemaatregelen_validator],
        help_text=_("Wat de docent bij fraude tijdens een toets kan doen: code, naam, cijfer "
                    "(tekst, of leeg) en artikel. Bijv. Echnaton art. 4.13 (cijfer 1.0), "
                    "Noordgouw art. 23 (a-d)."))
    niet_nagekomen_termijn_aantal = models.PositiveSmallIntegerField(
        _("strafafspraak niet nagekomen: opvolgen binnen (aantal)"), null=True, blank=True)
    niet_nagekomen_termijn_eenheid = models.CharField(
        _("strafafspraak niet nagekomen: opvolgen binnen (eenheid)"), max_length=15,
        choices=Eenheid.choices, blank=True)
    niet_nagekomen_artikel = models.CharField(
        _("artikel: niet nagekomen strafafspraken"), max_length=40, blank=True)
    melding_termijn_aantal = models.PositiveSmallIntegerField(
        _("melding aan de schoolleiding binnen (aantal)"), null=True, blank=True)
    melding_termijn_eenheid = models.CharField(
        _("melding aan de schoolleiding binnen (eenheid)"), max_length=15,
        choices=Eenheid.choices, blank=True)
    # --- end Gedrag ---
    # Everything else a preset says that is not (yet) a column: kept whole, for reference.
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("statuutversie")
        verbose_name_plural = _("statuutversies")
        ordering = ["school", "-ingangsdatum"]
        constraints = [
            models.UniqueConstraint(fields=["school", "ingangsdatum"],
                                    name="een_statuut_per_ingangsdatum"),
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=models.F("ingangsdatum")),
                name="statuut_geldig_tot_na_ingang",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({self.ingangsdatum:%d-%m-%Y})"

    def is_verlopen(self, op: date) -> bool:
        return self.geldig_tot is not None and self.geldig_tot <= op

    def clean(self):
        fouten = _termijn_paar(self, "bezwaar_termijn", "bezwaar_beslistermijn",
                               "verwijdering_beslistermijn", "niet_nagekomen_termijn",
                               "melding_termijn")
        # Who decides a bezwaar is an authority row (`schorsing.bezwaar_beslissen`).
        if self.bezwaar_schorsing_mogelijk and not self.bezwaar_termijn_aantal:
            fouten["bezwaar_termijn_aantal"] = _(
                "Bezwaar tegen schorsing is mogelijk: geef aan binnen welke termijn."
            )
        if not self.bezwaar_schorsing_mogelijk and self.bezwaar_termijn_aantal:
            fouten["bezwaar_schorsing_mogelijk"] = _(
                "Bezwaar tegen schorsing is niet mogelijk: laat de termijn leeg."
            )
        if (isinstance(self.geldig_tot, date) and isinstance(self.ingangsdatum, date)
                and self.geldig_tot <= self.ingangsdatum):
            fouten["geldig_tot"] = _("'Geldig tot' moet na de ingangsdatum liggen.")
        if fouten:
            raise ValidationError(fouten)


class Artikel(models.Model):
    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="artikelen")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    nummer = models.CharField(_("nummer"), max_length=40)
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        ordering = ["statuut", "volgorde", "id"]
        constraints = [models.UniqueConstraint(fields=["statuut", "nummer"],
                                               name="artikelnummer_uniek")]

    def __str__(self) -> str:
        return f"art. {self.nummer} {self.titel}"


class Maatregelsoort(models.Model):
    """One rung of the statuut's measure ladder."""

    class Soort(models.TextChoices):
        WAARSCHUWING = "waarschuwing", _("waarschuwing")
        STRAFWERK = "strafwerk", _("strafwerk")
        UITSTUREN = "uitsturen", _("uit de les sturen")
        CORVEE = "corvee", _("corvee")
        KAART = "kaart", _("gele of rode kaart")
        TIME_OUT = "time_out", _("time-out / ontzegging van lessen")
        SCHORSING = "schorsing", _("schorsing")
        ONTZEGGING_TOEGANG = "ontzegging_toegang", _("ontzegging van de toegang")
        VERWIJDERING = "verwijdering", _("verwijdering")

    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="maatregelen")
    code = models.SlugField(_("code"), max_length=40)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    trede = models.PositiveSmallIntegerField(_("trede op de ladder"))
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)
    # Who imposes, proposes, approves or informs is an authority row (`statuut.Bevoegdheid`,
    # `maatregel.*`, `voor` = this rung's code). Where the power came from stays here: the
    # letter says "in mandaat namens", and the mandating one keeps it (a row of its own).
    mandaat_van = models.CharField(
        _("bevoegdheid gemandateerd door"), max_length=40, blank=True,
        validators=[instantie_validator],
    )
    max_duur_aantal = models.PositiveSmallIntegerField(null=True, blank=True)
    max_duur_eenheid = models.CharField(max_length=15, choices=Eenheid.choices, blank=True)
    informeren = models.JSONField(_("informeren"), default=list, blank=True,
                                  validators=[partijen_validator])
    informeren_vooraf = models.JSONField(
        _("vooraf of onmiddellijk informeren"), default=list, blank=True,
        validators=[partijen_validator],
    )
    schriftelijk = models.BooleanField(_("schriftelijk besluit met redenen"), default=False)
    gesprek_ouders = models.BooleanField(
        _("gesprek met ouders, verslag voor gezien getekend in het dossier"), default=False
    )
    beroep_termijn_aantal = models.PositiveSmallIntegerField(null=True, blank=True)
    beroep_termijn_eenheid = models.CharField(max_length=15, choices=Eenheid.choices, blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("maatregelsoort")
        verbose_name_plural = _("maatregelsoorten")
        ordering = ["statuut", "trede"]
        constraints = [
            models.UniqueConstraint(fields=["statuut", "code"], name="maatregelcode_uniek"),
            models.UniqueConstraint(fields=["statuut", "trede"], name="maatregeltrede_uniek"),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def max_duur_tekst(self) -> str:
        """"1 schooldag", "5 schooldagen": the maximum in correct Dutch (never "1
        schooldagen")."""
        from .kalender import aantal_tekst  # kalender imports these models

        if not self.max_duur_aantal or not self.max_duur_eenheid:
            return ""
        return aantal_tekst(self.max_duur_aantal, self.max_duur_eenheid)

    def clean(self):
        fouten = _termijn_paar(self, "max_duur", "beroep_termijn")
        if fouten:
            raise ValidationError(fouten)


class Klachtfase(models.Model):
    """One stage of the statuut's complaint route, in order."""

    class Route(models.TextChoices):
        ALGEMEEN = "algemeen", _("klachtenprocedure")
        VERTROUWELIJK = "vertrouwelijk", _("vertrouwelijk, alleen voor de behandelaar")

    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="klachtfasen")
    route = models.CharField(_("route"), max_length=15, choices=Route.choices,
                             default=Route.ALGEMEEN)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    code = models.SlugField(_("code"), max_length=40)
    naam = models.CharField(_("naam"), max_length=200)
    # Who handles the stage is an authority row of the statuut (`Bevoegdheid`, the klachten
    # flow's action for a stage, `voor` = this stage's code), not a field here (issue 13).
    termijn_aantal = models.PositiveSmallIntegerField(null=True, blank=True)
    termijn_eenheid = models.CharField(max_length=15, choices=Eenheid.choices, blank=True)
    schriftelijk = models.BooleanField(_("schriftelijk"), default=False)
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("klachtfase")
        verbose_name_plural = _("klachtfasen")
        ordering = ["statuut", "route", "volgorde"]
        constraints = [models.UniqueConstraint(fields=["statuut", "code"],
                                               name="klachtfase_uniek")]

    def __str__(self) -> str:
        return self.naam

    def clean(self):
        if fouten := _termijn_paar(self, "termijn"):
            raise ValidationError(fouten)


class Beroepsregel(models.Model):
    """Beroep (or bezwaar) against a decision by a role, and its terms."""

    class Soort(models.TextChoices):
        BEROEP = "beroep", _("beroep")
        BEZWAAR = "bezwaar", _("bezwaar")

    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="beroepsregels")
    code = models.SlugField(_("code"), max_length=40)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    tegen = models.CharField(
        _("tegen besluit van (rol) of onderwerp"), max_length=40,
        help_text=_("Een rol, 'toepassing_statuut' of 'toelating'."),
    )
    # Who decides is an authority row of the statuut (`Bevoegdheid`, the klachten flow's
    # action for a beroepsregel, `voor` = this rule's code), not a field here (issue 13).
    schriftelijk = models.BooleanField(_("schriftelijk"), default=False)
    indientermijn_aantal = models.PositiveSmallIntegerField(null=True, blank=True)
    indientermijn_eenheid = models.CharField(max_length=15, choices=Eenheid.choices, blank=True)
    # The term within which the beroep is settled ("afgehandeld binnen").
    termijn_aantal = models.PositiveSmallIntegerField(null=True, blank=True)
    termijn_eenheid = models.CharField(max_length=15, choices=Eenheid.choices, blank=True)
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)

    ONDERWERPEN = ("toepassing_statuut", "toelating")

    class Meta:
        verbose_name = _("beroeps- of bezwaarregel")
        verbose_name_plural = _("beroeps- en bezwaarregels")
        constraints = [models.UniqueConstraint(fields=["statuut", "code"],
                                               name="beroepsregel_uniek")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} tegen {self.tegen}"

    def clean(self):
        fouten = _termijn_paar(self, "indientermijn", "termijn")
        if self.tegen not in {*Rol.values, *self.ONDERWERPEN}:
            fouten["tegen"] = _("Kies een rol of een onderwerp: %(keuzes)s.") % {
                "keuzes": ", ".join([*Rol.values, *self.ONDERWERPEN])
            }
        if fouten:
            raise ValidationError(fouten)


class Briefregel(models.Model):
    """To whom a letter of one kind is addressed, as the statuut's article names them and in
    the order it names them (e.g. Echnaton art. 8.4: "de ouders, de leerling en de mentor";
    Noordgouw art. 24.3: "aan de leerling en, indien de leerling nog geen 21 jaar is, ook aan
    de ouders"), and who receives a copy. The parents of a pupil of age are addressed only
    while the pupil is younger than `Statuut.ouders_besluit_onder_leeftijd` (decisions) or
    with the pupil's consent; a pupil of age is always addressed (privacy law)."""

    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="briefregels")
    soort = models.SlugField(
        _("soort brief"), max_length=60,
        help_text=_("De code van de briefsoort, bijv. 'sanctie_schorsing_besluit'."),
    )
    aan = models.JSONField(_("gericht aan (in volgorde van het artikel)"), default=list,
                           validators=[partijen_validator])
    afschrift = models.JSONField(_("afschrift aan"), default=list, blank=True,
                                 validators=[partijen_validator])
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("briefregel")
        verbose_name_plural = _("briefregels (wie een brief krijgt)")
        constraints = [models.UniqueConstraint(fields=["statuut", "soort"],
                                               name="briefregel_uniek")]

    def __str__(self) -> str:
        return self.soort

    def clean(self):
        fouten = {}
        if not self.aan:
            fouten["aan"] = _("Een brief is aan ten minste één partij gericht.")
        dubbel = set(self.aan or []) & set(self.afschrift or [])
        if dubbel:
            fouten["afschrift"] = _("%(p)s staat zowel bij 'aan' als bij 'afschrift'.") % {
                "p": ", ".join(sorted(dubbel))}
        if fouten:
            raise ValidationError(fouten)


class Verzuimdrempel(models.Model):
    """From how many times te laat / absent in which window the statuut takes which step.

    `groep` names the pupils it holds for by the name of the afdeling of their group
    ("onderbouw", "bovenbouw"; blank: every pupil). `periode_weken` counts school weeks
    from the first school week of the school year (verzuim/perioden.py): a vacation does
    not eat a period. Counted in `lesuren` the window is rolling (four consecutive school
    weeks, Leerplichtwet art. 21a); counted in `keer` it is the fixed period."""

    class Soort(models.TextChoices):
        TE_LAAT = "te_laat", _("ongeoorloofd te laat")
        ABSENT = "ongeoorloofd_absent", _("ongeoorloofd absent (spijbelen)")

    class Telt(models.TextChoices):
        KEER = "keer", _("keer")
        LESUREN = "lesuren", _("lesuren")

    class Actie(models.TextChoices):
        MELDEN_AFDELING = "melden_afdeling", _("melden op de afdeling")
        LES_VERZUIMD = "les_verzuimd", _("les geldt als verzuimd en wordt ingehaald")
        INHALEN = "inhalen", _("uren inhalen")
        OUDERS_INFORMEREN = "ouders_informeren", _("ouders informeren")
        GESPREK_OUDERS = "gesprek_ouders", _("gesprek met leerling en ouders")
        MELDING_LEERPLICHT = "melding_leerplicht", _("melding bij de leerplichtambtenaar")
        SCHORSING_MOGELIJK = "schorsing_mogelijk", _("schorsing mogelijk")

    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="verzuimdrempels")
    code = models.SlugField(_("code"), max_length=40)
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    groep = models.CharField(_("voor leerlingen"), max_length=40, blank=True)  # onderbouw, ...
    aantal = models.PositiveSmallIntegerField(
        _("vanaf aantal"), null=True, blank=True,
        help_text=_("Leeg: het statuut noemt geen aantal ('herhaaldelijk'); de school oordeelt."),
    )
    telt = models.CharField(_("telt"), max_length=10, choices=Telt.choices, default=Telt.KEER)
    na_minuten = models.PositiveSmallIntegerField(
        _("te laat: na zoveel minuten"), null=True, blank=True
    )
    periode_weken = models.PositiveSmallIntegerField(
        _("binnen een periode van (weken)"), null=True, blank=True,
        help_text=_("Leeg: per keer of zonder vaste periode."),
    )
    opeenvolgende_perioden = models.PositiveSmallIntegerField(
        _("in zoveel opeenvolgende perioden"), default=1
    )
    actie_code = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    actie = models.TextField(_("actie (tekst)"))
    # Who takes the step is not a field here but authority rows (`statuut.Bevoegdheid`) of
    # the action that belongs to `actie_code` (verzuim/drempels.py): one mechanism for "who".
    termijn_aantal = models.PositiveSmallIntegerField(
        _("termijn voor de actie"), default=5,
        help_text=_("Binnen hoeveel dagen de actie na het overschrijden gedaan moet zijn "
                    "(DEFAULT 5 schooldagen; de Leerplichtwet art. 21a zegt 'onverwijld')."))
    termijn_eenheid = models.CharField(_("eenheid van de termijn"), max_length=15,
                                       choices=Eenheid.choices, default=Eenheid.SCHOOLDAGEN)
    inhaal_uren = models.PositiveSmallIntegerField(_("uren inhalen"), null=True, blank=True)
    inhaal_factor = models.PositiveSmallIntegerField(
        _("gemiste lessen zoveel keer inhalen"), null=True, blank=True
    )
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("verzuimdrempel")
        verbose_name_plural = _("verzuimdrempels")
        ordering = ["statuut", "soort", "groep", "aantal", "opeenvolgende_perioden", "id"]
        constraints = [models.UniqueConstraint(fields=["statuut", "code"],
                                               name="verzuimdrempel_uniek")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.groep}: {self.actie}".strip()


class Gegevenscategorie(models.TextChoices):
    """Central administration categories (Echnaton art. 9.1) and the personal dossier."""

    A = "A", _("A: personalia leerling")
    B = "B", _("B: gegevens ouders/verzorgers")
    C = "C", _("C: gegevens voor faciliteiten")
    D = "D", _("D: klassen en groepen")
    E = "E", _("E: leerlingvolgsysteem")
    F = "F", _("F: schoolverlaten")
    G = "G", _("G: adres bij vertrek")
    H = "H", _("H: vervolgopleiding")
    DOSSIER = "dossier", _("persoonlijk dossier")


class Handeling(models.TextChoices):
    """What a role may do with a pupil's dossier besides reading it (the flows add theirs).

    The seeds name who reads what; who writes, sends and grants is mostly a DEFAULT in the
    presets, editable per statuut like every other rule.
    """

    DOSSIER_TOEVOEGEN = "dossier.toevoegen", _("stukken aan het dossier toevoegen")
    DOSSIER_CORRIGEREN = "dossier.corrigeren", _("een stuk corrigeren met een addendum")
    DOSSIER_OPSCHONEN = "dossier.opschonen", _(
        "het dossier aan het eind van het schooljaar opschonen")
    BRIEF_AANVRAGEN = "brief.aanvragen", _("brieven aanvragen")
    BRIEF_VERZENDEN = "brief.verzenden", _(
        "brieven verzenden, afdrukken en downloaden (uitgaande post)")
    TOEKENNING_VERLENEN = "toekenning.verlenen", _("anderen toegang tot één leerling geven")
    INZAGELOG_ZIEN = "inzagelog.zien", _("het inzagelog doorzoeken")


def handelingen_validator(waarde):
    _lijst_validator(Handeling, "handelingen")(waarde)


class Dossiersectie(models.TextChoices):
    """The parts of the personal dossier (Echnaton art. 9.2; Noordgouw art. 6)."""

    TOELEVERENDE_SCHOOL = "toeleverende_school", _("Gegevens toeleverende school")
    RAPPORTEN_INSTANTIES = "rapporten_instanties", _("Rapporten van instanties")
    WELZIJN_LEERMOEILIJKHEDEN = "welzijn", _("Welzijn en leermoeilijkheden")
    CORRESPONDENTIE = "correspondentie", _("Correspondentie")
    VERZUIM = "verzuim", _("Verzuim")
    PERSOONLIJKE_OMSTANDIGHEDEN = "omstandigheden", _("Persoonlijke omstandigheden")
    GEDRAG = "gedrag", _("Gedrag (uitstuurbrieven, schorsingsbrieven)")


def dossiersecties_validator(waarde):
    _lijst_validator(Dossiersectie, "dossiersecties")(waarde)


class Toegangsregel(models.Model):
    """One row of the statuut's access matrix: which role (in which relation) sees which part,
    and may do what."""

    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="toegangsregels")
    rol = models.CharField(_("rol"), max_length=40, choices=Rol.choices)
    categorieen = models.JSONField(_("categorieën"), default=list, blank=True,
                                   validators=[categorieen_validator])
    dossiersecties = models.JSONField(
        _("dossiersecties"), default=list, blank=True, validators=[dossiersecties_validator],
        help_text=_("Welke delen van het persoonlijk dossier; leeg is alle delen (als "
                    "'dossier' bij de categorieën staat)."),
    )
    handelingen = models.JSONField(_("handelingen"), default=list, blank=True,
                                   validators=[handelingen_validator])
    alleen_eigen_leerlingen = models.BooleanField(
        _("alleen eigen leerlingen"), default=True,
        help_text=_("Mentor: eigen groep; docent: eigen lesgroepen; teamleider: eigen afdeling."),
    )
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("toegangsregel")
        verbose_name_plural = _("toegangsregels")
        constraints = [models.UniqueConstraint(fields=["statuut", "rol"],
                                               name="een_toegangsregel_per_rol")]

    def __str__(self) -> str:
        return f"{self.get_rol_display()}: {', '.join(self.categorieen)}"


class Omvang(models.TextChoices):
    SCHOOL = "school", _("alle leerlingen van de school")
    EIGEN_LEERLINGEN = "eigen_leerlingen", _("alleen eigen leerlingen")


def _actie_validator(waarde):
    from .acties import actie_validator

    actie_validator(waarde)


class Bevoegdheid(models.Model):
    """One authority the statuut gives: `rol` may take `actie` (a flow's action from the
    registry `statuut.acties`), for every pupil of the school or only for pupils in the
    role's relation (mentor: own group, docent: own teaching groups, teamleider: own
    department; the pupil and a parent: that pupil), optionally only for one ladder rung or
    complaint stage (`voor`) and up to a level (`niveau`: a care file level, the longest
    schorsing in school days). Every "who may" of every flow is a row of this model; the
    article it comes from is kept with it."""

    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="bevoegdheden")
    actie = models.CharField(_("actie"), max_length=60, validators=[_actie_validator])
    voor = models.SlugField(
        _("alleen voor"), max_length=40, blank=True,
        help_text=_("De code van één maatregel of klachtfase; leeg: de hele actie."))
    rol = models.CharField(_("rol, orgaan of betrokkene"), max_length=40,
                           validators=[houder_validator])
    omvang = models.CharField(_("voor welke leerlingen"), max_length=20,
                              choices=Omvang.choices, default=Omvang.SCHOOL)
    niveau = models.PositiveSmallIntegerField(
        _("niveau of grens"), null=True, blank=True,
        help_text=_("Bijv. het niveau van het zorgdossier, of het hoogste aantal "
                    "schooldagen; leeg: geen grens."))
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("bevoegdheid")
        verbose_name_plural = _("bevoegdheden")
        ordering = ["actie", "voor", "rol"]
        constraints = [models.UniqueConstraint(fields=["statuut", "actie", "voor", "rol"],
                                               name="een_bevoegdheid_per_rol")]

    def __str__(self) -> str:
        voor = f" ({self.voor})" if self.voor else ""
        return f"{self.actie}{voor}: {self.rol}"

    @property
    def sleutel(self) -> str:
        """Identifies the row within one statuut version (the preset loader's key)."""
        return f"{self.actie}|{self.voor}|{self.rol}"

    @property
    def eigen_leerlingen(self) -> bool:
        return self.omvang == Omvang.EIGEN_LEERLINGEN


class Orgaanrol(models.Model):
    """Who acts for a body the statuut names (`Orgaan`): "the bevoegd gezag acts through the
    directie" is a row per statuut, not code (at Noordgouw the rector-bestuurder is both,
    art. 1)."""

    statuut = models.ForeignKey(Statuut, on_delete=models.CASCADE, related_name="orgaanrollen")
    orgaan = models.CharField(_("orgaan"), max_length=40, choices=Orgaan.choices)
    rollen = models.JSONField(_("handelt via de rollen"), default=list,
                              validators=[rollen_validator])
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("orgaan en wie ervoor handelt")
        verbose_name_plural = _("organen en wie ervoor handelen")
        constraints = [models.UniqueConstraint(fields=["statuut", "orgaan"],
                                               name="een_orgaanrol_per_orgaan")]

    def __str__(self) -> str:
        return f"{self.get_orgaan_display()}: {', '.join(self.rollen)}"


class Termijnstatus(models.TextChoices):
    OPEN = "open", _("open")
    VOLDAAN = "voldaan", _("voldaan")
    VERLOPEN = "verlopen", _("verlopen")
    VERVALLEN = "vervallen", _("vervallen")


class Termijn(models.Model):
    """Every deadline of every flow: one row, due date computed once and stored."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="termijnen")
    onderwerp_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, null=True, blank=True
    )
    onderwerp_id = models.PositiveBigIntegerField(null=True, blank=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    regel = models.CharField(_("regel of artikel"), max_length=200, blank=True)
    startdatum = models.DateField(_("start"))
    aantal = models.PositiveSmallIntegerField(_("aantal"))
    eenheid = models.CharField(_("eenheid"), max_length=15, choices=Eenheid.choices)
    vervaldatum = models.DateField(_("uiterste datum"), db_index=True)
    verantwoordelijke = models.ForeignKey(
        "auth.User", on_delete=models.PROTECT, null=True, blank=True, related_name="termijnen"
    )
    verantwoordelijke_rol = models.CharField(max_length=40, choices=Rol.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Termijnstatus.choices, default=Termijnstatus.OPEN
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # A date a person chose (an evaluation on 12 January) is kept as chosen: a calendar
    # change never moves it (DESIGN: "a date a person chose never moves by itself").
    datum_gekozen = models.BooleanField(
        _("datum gekozen door een persoon"), default=False,
        help_text=_("Een gekozen datum wordt niet herberekend als de schoolkalender wijzigt."))
    # What the last calendar change did to this deadline, for the notice on every page:
    # a computed term moved (from `vorige_vervaldatum`), or a chosen date became a free day.
    kalender_gewijzigd_op = models.DateField(_("kalender gewijzigd op"), null=True, blank=True)
    vorige_vervaldatum = models.DateField(_("uiterste datum vóór de kalenderwijziging"),
                                          null=True, blank=True)
    vrije_dag = models.CharField(_("gekozen datum valt op een vrije dag"), max_length=200,
                                 blank=True)

    class Meta:
        verbose_name = _("termijn")
        verbose_name_plural = _("termijnen")
        ordering = ["vervaldatum"]
        indexes = [models.Index(fields=["status", "vervaldatum"], name="termijn_open_idx"),
                   # "Mijn termijnen" of one person (issue 15, found at 10x).
                   models.Index(fields=["verantwoordelijke", "status", "vervaldatum"],
                                name="termijn_persoon_idx")]

    def __str__(self) -> str:
        return f"{self.omschrijving} (uiterlijk {self.vervaldatum:%d-%m-%Y})"

    @property
    def verschoven(self) -> bool:
        """Moved by a calendar change (a computed term) and not moved back since."""
        return (self.vorige_vervaldatum is not None
                and self.vorige_vervaldatum != self.vervaldatum)


class Herinneringsoort(models.TextChoices):
    VOORAF = "vooraf", _("herinnering twee schooldagen vooraf")
    VANDAAG = "vandaag", _("herinnering op de uiterste dag")
    VERLOPEN = "verlopen", _("melding: termijn verstreken")
    ESCALATIE = "escalatie", _("melding aan de leidinggevende: termijn verstreken")
    # Sent at once, not on a school morning:
    NIEUW = "nieuw", _("melding: er wacht een stap op u")
    VERSCHOVEN = "verschoven", _("melding: uiterste datum verschoven door de schoolkalender")
    VRIJE_DAG = "vrije_dag", _("melding: gekozen datum is geen schooldag meer")

    @classmethod
    def per_datum(cls) -> list[str]:
        """Kinds about one due date: a second calendar change sends a new notice."""
        return [cls.VERSCHOVEN, cls.VRIJE_DAG]


class Herinnering(models.Model):
    """A reminder of one kind about one deadline to one person: at most one row, ever.

    The unique constraint is what makes a second sweep, a redelivered task or a second beat
    process harmless: whoever inserts the row first sends it; `verzonden_op` is set in the same
    transaction as the sending, under a row lock.
    """

    termijn = models.ForeignKey(Termijn, on_delete=models.CASCADE, related_name="herinneringen")
    soort = models.CharField(_("soort"), max_length=12, choices=Herinneringsoort.choices)
    ontvanger = models.ForeignKey("auth.User", on_delete=models.PROTECT,
                                  related_name="herinneringen")
    # For the kinds about one due date (`Herinneringsoort.per_datum`): that date.
    betreft_datum = models.DateField(_("betreft de datum"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["termijn", "soort", "ontvanger"],
                                    condition=Q(betreft_datum__isnull=True),
                                    name="herinnering_eenmalig"),
            models.UniqueConstraint(fields=["termijn", "soort", "ontvanger", "betreft_datum"],
                                    condition=Q(betreft_datum__isnull=False),
                                    name="herinnering_eenmalig_per_datum"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} aan {self.ontvanger_id} over termijn {self.termijn_id}"
