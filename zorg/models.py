"""The care escalation of seed 001 (stappen 1a-5) as data.

One `Zorgdossier` per pupil gathers every signal about that pupil while it is open (a
partial unique constraint), so several teachers' worries never become parallel cases. Its
`fase` is a django-fsm state machine; the transitions carry no side effects: the services
in `zorg.services` lock, check `dossiers.toegang`, transition, write the timeline
(`Zorgstap`) and the dossier entry, and open/close Termijnen in one transaction.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from dossiers.models import Leerling
from statuut.models import School, Termijn


class Signaalcategorie(models.TextChoices):
    """The categories of a signaleringskaart leerlingen (seed 001 stap 1a)."""

    GEDRAG_IN_DE_KLAS = "gedrag_klas", _("gedrag in de klas")
    TERUGGETROKKEN = "teruggetrokken", _("teruggetrokken of somber")
    VERZUIM = "verzuim", _("verzuim of te laat komen")
    LEERPROBLEMEN = "leerproblemen", _("leerproblemen")
    PESTEN_SLACHTOFFER = "gepest", _("pesten (slachtoffer)")
    PESTEN_DADER = "pester", _("pesten (pester)")
    THUISSITUATIE = "thuissituatie", _("thuissituatie")
    MIDDELEN = "middelen", _("middelengebruik")
    LICHAMELIJK = "lichamelijk", _("lichamelijke klachten")
    OVERIG = "overig", _("overig")


class Signaalbron(models.TextChoices):
    DOCENT = "docent", _("een docent maakt zich zorgen")
    MENTOR = "mentor", _("de mentor maakt zich zorgen")
    LEERLING = "leerling", _("de leerling of een medeleerling kaart het zelf aan")


class Zorgfase(models.TextChoices):
    GEMELD = "gemeld", _("gesignaleerd, gesprek mentor volgt")  # stap 1a
    OBSERVATIE = "observatie", _("niet bevestigd, observeren")  # stap 1b nee
    CONSULTATIE = "consultatie", _("consultatie zorg")  # stap 2
    MENTORTRAJECT = "mentortraject", _("traject van de mentor met ouders")  # stap 2.1
    REMEDIAL_TEACHER = "remedial_teacher", _("aangemeld bij de remedial teacher")  # stap 2.2
    ANALYSE = "analyse", _("probleemanalyse door de zorgcoördinatoren")  # stap 2.3 / 3
    PLAN = "plan", _("plan van aanpak")  # stap 4
    TERUGKOPPELING = "terugkoppeling", _("terugkoppeling")  # stap 5
    MONITORING = "monitoring", _("bewaken van het proces")  # stap 5
    AFGESLOTEN = "afgesloten", _("afgesloten")


OPEN_FASEN = [f for f in Zorgfase.values if f != Zorgfase.AFGESLOTEN]


class Consultatiekeuze(models.TextChoices):
    """Seed 001 stap 2: the three possibilities."""

    MENTOR = "mentor", _("1. de mentor pakt het zelf op met de ouders")
    REMEDIAL_TEACHER = "remedial_teacher", _("2. aanmelding bij de remedial teacher")
    ZORGCOORDINATOREN = "zorgcoordinatoren", _("3. aanmelding bij de zorgcoördinatoren")


class Zichtbaarheid(models.IntegerChoices):
    """Who sees a timeline entry; levels of `dossiers.toegang` (zorgniveau)."""

    GEDEELD = 2, _("mentor en wie het gedeelde deel ziet")
    ZORG = 3, _("zorgdossier")
    MELDCODE = 4, _("alleen zorgcoördinatoren en directie (meldcode)")


class Zorgdossier(models.Model):
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="zorgdossiers")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT,
                                 related_name="zorgdossiers")
    fase = FSMField(_("fase"), max_length=20, choices=Zorgfase.choices,
                    default=Zorgfase.GEMELD, protected=True)
    geopend_op = models.DateField(_("geopend op"))
    geopend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    remedial_teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="zorgdossiers_remedial", verbose_name=_("remedial teacher"))
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    conclusie = models.TextField(_("conclusie"), blank=True)
    bijgewerkt_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zorgdossier")
        verbose_name_plural = _("zorgdossiers")
        ordering = ["-geopend_op", "-pk"]
        constraints = [
            # Seed 001 / issue: signals about one pupil come together in one case.
            models.UniqueConstraint(fields=["leerling"], condition=~Q(fase="afgesloten"),
                                    name="een_open_zorgdossier_per_leerling"),
        ]

    def __str__(self) -> str:
        return f"Zorgdossier {self.pk} ({self.get_fase_display()})"

    def get_absolute_url(self) -> str:
        return reverse("zorg:dossier", args=[self.pk])

    @property
    def kenmerk(self) -> str:
        """A reference without the pupil's name, for deadlines and reminder e-mails."""
        return f"Z-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.fase != Zorgfase.AFGESLOTEN

    # --- transitions (no side effects: see zorg.services) ----------------------------------

    @transition(field=fase, source=[Zorgfase.GEMELD, Zorgfase.OBSERVATIE],
                target=Zorgfase.CONSULTATIE)
    def bevestigen(self) -> None:
        """Stap 1b ja, or a pupil raised it (stap 1a, derde punt): on to stap 2."""

    @transition(field=fase, source=[Zorgfase.GEMELD, Zorgfase.OBSERVATIE],
                target=Zorgfase.OBSERVATIE)
    def observeren(self) -> None:
        """Stap 1b nee: keep observing."""

    @transition(field=fase, source=[Zorgfase.CONSULTATIE, Zorgfase.OBSERVATIE],
                target=Zorgfase.MENTORTRAJECT)
    def naar_mentortraject(self) -> None:
        """Stap 2.1."""

    @transition(field=fase, source=[Zorgfase.CONSULTATIE, Zorgfase.OBSERVATIE,
                                    Zorgfase.MENTORTRAJECT], target=Zorgfase.REMEDIAL_TEACHER)
    def naar_remedial_teacher(self, *, remedial_teacher) -> None:
        """Stap 2.2 (also when a mentor trajectory does not help)."""
        self.remedial_teacher = remedial_teacher

    @transition(field=fase, source=[Zorgfase.CONSULTATIE, Zorgfase.OBSERVATIE,
                                    Zorgfase.MENTORTRAJECT, Zorgfase.REMEDIAL_TEACHER],
                target=Zorgfase.ANALYSE)
    def naar_zorgcoordinatoren(self) -> None:
        """Stap 2.3: official referral to the zorgcoördinatoren, on to stap 3."""

    @transition(field=fase, source=Zorgfase.ANALYSE, target=Zorgfase.PLAN)
    def analyse_afronden(self) -> None:
        """Stap 3 done."""

    @transition(field=fase, source=Zorgfase.PLAN, target=Zorgfase.TERUGKOPPELING)
    def plan_vaststellen(self) -> None:
        """Stap 4 done."""

    @transition(field=fase, source=Zorgfase.TERUGKOPPELING, target=Zorgfase.MONITORING)
    def terugkoppelen(self) -> None:
        """Stap 5: fed back; the zorgcoördinatoren now monitor."""

    @transition(field=fase, source=[Zorgfase.OBSERVATIE, Zorgfase.MENTORTRAJECT,
                                    Zorgfase.REMEDIAL_TEACHER, Zorgfase.MONITORING],
                target=Zorgfase.AFGESLOTEN)
    def afsluiten(self, *, op, conclusie: str) -> None:
        self.afgesloten_op, self.conclusie = op, conclusie


class Signaal(models.Model):
    """Stap 1a: a worry, in concrete observable behaviour."""

    zorgdossier = models.ForeignKey(Zorgdossier, on_delete=models.PROTECT,
                                    related_name="signalen")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="signalen")
    bron = models.CharField(_("bron"), max_length=10, choices=Signaalbron.choices)
    categorieen = models.JSONField(_("categorieën"), default=list)
    waarneming = models.TextField(_("waargenomen gedrag"))
    datum = models.DateField(_("datum"))
    besproken_met_leerling = models.BooleanField(_("al met de leerling besproken"),
                                                 default=False)
    gemeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="zorgsignalen")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"Signaal {self.pk} over leerling {self.leerling_id}"

    def get_absolute_url(self) -> str:
        return reverse("zorg:dossier", args=[self.zorgdossier_id])

    def categorie_labels(self) -> list[str]:
        return [str(Signaalcategorie(c).label) for c in self.categorieen
                if c in Signaalcategorie.values]


class Zorgstap(models.Model):
    """One line of the case's timeline: who did what when, and what was decided."""

    zorgdossier = models.ForeignKey(Zorgdossier, on_delete=models.PROTECT,
                                    related_name="stappen")
    stap = models.CharField(_("stap"), max_length=40)
    titel = models.CharField(_("titel"), max_length=200)
    besluit = models.TextField(_("besluit of notitie"), blank=True)
    zichtbaarheid = models.PositiveSmallIntegerField(choices=Zichtbaarheid.choices,
                                                     default=Zichtbaarheid.GEDEELD)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    datum = models.DateField(_("datum"))
    tijdstip = models.DateTimeField(auto_now_add=True)
    fase_na = models.CharField(max_length=20, choices=Zorgfase.choices)

    class Meta:
        verbose_name = _("stap in het zorgtraject")
        verbose_name_plural = _("stappen in het zorgtraject")
        ordering = ["tijdstip", "pk"]

    def __str__(self) -> str:
        return self.titel


class Gesprek(models.Model):
    """Stap 1b: the mentor's conversation with the pupil."""

    zorgdossier = models.ForeignKey(Zorgdossier, on_delete=models.PROTECT,
                                    related_name="gesprekken")
    datum = models.DateField(_("datum gesprek"))
    bevestigd = models.BooleanField(_("probleem bevestigd"))
    notitie = models.TextField(_("notitie"))
    opnieuw_bekijken_op = models.DateField(_("opnieuw bekijken op"), null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")

    class Meta:
        verbose_name = _("gesprek met de leerling")
        verbose_name_plural = _("gesprekken met de leerling")

    def __str__(self) -> str:
        return f"Gesprek met de leerling {self.datum:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("zorg:dossier", args=[self.zorgdossier_id])


class Consultatie(models.Model):
    """Stap 2: mentor and zorgcoördinatoren weigh nature and severity and choose."""

    zorgdossier = models.ForeignKey(Zorgdossier, on_delete=models.PROTECT,
                                    related_name="consultaties")
    datum = models.DateField(_("datum"))
    aard_en_ernst = models.TextField(_("aard en ernst"))
    keuze = models.CharField(_("wie pakt het op"), max_length=20,
                             choices=Consultatiekeuze.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")

    class Meta:
        verbose_name = _("consultatie")
        verbose_name_plural = _("consultaties")

    def __str__(self) -> str:
        return f"Consultatie {self.datum:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("zorg:dossier", args=[self.zorgdossier_id])


class Contactwijze(models.TextChoices):
    GESPREK = "gesprek", _("gesprek op school")
    TELEFOON = "telefoon", _("telefoon")
    EMAIL = "email", _("e-mail")


class Oudercontact(models.Model):
    """Stap 2.1: the mentor keeps in touch with the parents."""

    zorgdossier = models.ForeignKey(Zorgdossier, on_delete=models.PROTECT,
                                    related_name="oudercontacten")
    datum = models.DateField(_("datum"))
    wijze = models.CharField(_("wijze"), max_length=10, choices=Contactwijze.choices)
    verslag = models.TextField(_("verslag en afspraken"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")

    class Meta:
        verbose_name = _("contact met ouders")
        verbose_name_plural = _("contacten met ouders")
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"Contact met ouders {self.datum:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("zorg:dossier", args=[self.zorgdossier_id])


class Probleemanalyse(models.Model):
    """Stap 3."""

    zorgdossier = models.OneToOneField(Zorgdossier, on_delete=models.PROTECT,
                                       related_name="probleemanalyse")
    gesprek_leerling_op = models.DateField(_("gesprek met de leerling op"))
    gesprek_ouders_op = models.DateField(_("gesprek met de ouders op"))
    analyse = models.TextField(_("probleemanalyse"))
    intern_overleg = models.TextField(_("intern overleg"), blank=True)
    zat_geraadpleegd = models.BooleanField(_("Zorg Advies Team geraadpleegd"), default=False)
    zat_deelnemers = models.TextField(_("deelnemers ZAT"), blank=True)
    zat_advies = models.TextField(_("advies ZAT"), blank=True)
    voor_mentor = models.TextField(_("gedeeld met de mentor"), blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    datum = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("probleemanalyse")
        verbose_name_plural = _("probleemanalyses")

    def __str__(self) -> str:
        return f"Probleemanalyse {self.datum:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("zorg:dossier", args=[self.zorgdossier_id])


class Trajectsoort(models.TextChoices):
    """Seed 001 stap 4, the four trajectories."""

    EIGEN_BEGELEIDING = "eigen_begeleiding", _("begeleiding door de zorgcoördinatoren")
    EXTERNE_HULP = "externe_hulp", _("aanmelding bij externe hulpverlening")
    SAMENWERKINGSVERBAND = "samenwerkingsverband", _(
        "aanmelding bij het instroomloket van het samenwerkingsverband")
    VEILIG_THUIS = "veilig_thuis", _("meldcode huiselijk geweld en kindermishandeling")


class Traject(models.Model):
    zorgdossier = models.ForeignKey(Zorgdossier, on_delete=models.PROTECT,
                                    related_name="trajecten")
    soort = models.CharField(_("soort traject"), max_length=25, choices=Trajectsoort.choices)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    doelen = models.TextField(_("doelen"))
    wie_doet_wat = models.TextField(_("wie doet wat"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    datum = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.get_soort_display()

    @property
    def is_meldcode(self) -> bool:
        return self.soort == Trajectsoort.VEILIG_THUIS


class Evaluatie(models.Model):
    """An evaluation date of a trajectory; its Termijn reminds the zorgcoördinator."""

    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="evaluaties")
    gepland_op = models.DateField(_("evaluatie gepland op"))
    termijn = models.OneToOneField(Termijn, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    uitgevoerd_op = models.DateField(_("geëvalueerd op"), null=True, blank=True)
    verslag = models.TextField(_("verslag"), blank=True)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["gepland_op", "pk"]

    def __str__(self) -> str:
        return f"Evaluatie {self.gepland_op:%d-%m-%Y}"

    @property
    def datum(self):
        """The date every page shows: the deadline's, so the pages never disagree."""
        return self.termijn.vervaldatum if self.termijn_id else self.gepland_op


class Meldcodebesluit(models.TextChoices):
    GEEN_VERMOEDEN = "geen_vermoeden", _("geen vermoeden: geen melding, vastleggen")
    MELDEN = "melden", _("melden bij Veilig Thuis")
    HULP = "hulp", _("hulp bieden of organiseren en de effecten volgen")


class Meldcode(models.Model):
    """The meldcode's five steps and the afwegingskader's five questions (since 2019) for a
    Veilig Thuis trajectory. Visible only at the meldcode level of `dossiers.toegang`."""

    traject = models.OneToOneField(Traject, on_delete=models.PROTECT, related_name="meldcode")
    stap1_in_kaart = models.TextField(_("1. signalen in kaart brengen"))
    stap2_consultatie = models.TextField(
        _("2. collegiale consultatie en advies van Veilig Thuis"))
    stap3_gesprek = models.TextField(_("3. gesprek met de leerling en/of ouders"))
    stap4_wegen = models.TextField(_("4. wegen aan de hand van het afwegingskader"))
    stap5_beslissen = models.TextField(_("5. beslissen: hulp organiseren en/of melden"))
    vraag1_vermoeden = models.BooleanField(_("1. Is er een vermoeden?"))
    vraag2_onveilig = models.BooleanField(
        _("2. Is er acute of structurele onveiligheid?"), null=True, blank=True)
    vraag3_hulp_mogelijk = models.BooleanField(
        _("3. Kunnen wij effectieve hulp bieden of organiseren?"), null=True, blank=True)
    vraag4_hulp_aanvaard = models.BooleanField(
        _("4. Aanvaarden de betrokkenen de hulp?"), null=True, blank=True)
    vraag5_resultaat = models.BooleanField(
        _("5. Leidt de hulp binnen de gewenste termijn tot het nodige resultaat?"),
        null=True, blank=True)
    besluit = models.CharField(_("besluit"), max_length=20, choices=Meldcodebesluit.choices)

    class Meta:
        verbose_name = _("meldcode")
        verbose_name_plural = _("meldcodes")

    def __str__(self) -> str:
        return f"Meldcode {self.traject_id}"
