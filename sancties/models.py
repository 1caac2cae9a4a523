"""The heavy measures as legal procedures: time-out, schorsing and verwijdering.

Each procedure records the statuut version in force on the date of its decision and the rung
of the ladder (`statuut.Maatregelsoort`) it applies; every difference between schools comes
from those rows. States are django-fsm fields (protected); only the services in
`sancties.services` call the transitions, which have no side effects.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from dossiers.models import Leerling
from statuut.models import Maatregelsoort, School, Statuut, Termijn


class Ernst(models.TextChoices):
    """Echnaton art. 8.1: the degree of the behaviour and its consequences."""

    ONACCEPTABEL = "onacceptabel", _("onacceptabele aangelegenheid")
    ERNSTIG = "ernstig", _("ernstige aangelegenheid")
    ZEER_ERNSTIG = "zeer_ernstig", _("zeer ernstige aangelegenheid")


class Schorsingstatus(models.TextChoices):
    CONCEPT = "concept", _("concept (voorgesteld)")
    HOORGESPREK_GEPLAND = "hoorgesprek_gepland", _("hoorgesprek gepland")
    GEHOORD = "gehoord", _("gehoord")
    BESLOTEN = "besloten", _("besloten")
    BEKENDGEMAAKT = "bekendgemaakt", _("bekendgemaakt")
    LOPEND = "lopend", _("lopend")
    AFGEROND = "afgerond", _("afgerond")
    # Issue 13: a remedy against the decision (a beroep, klachten) annulled it.
    VERNIETIGD = "vernietigd", _("vernietigd (na beroep of bezwaar)")


#: The states in which a decision stands (and can be annulled).
SCHORSING_BESLOTEN = (Schorsingstatus.BESLOTEN, Schorsingstatus.BEKENDGEMAAKT,
                      Schorsingstatus.LOPEND, Schorsingstatus.AFGEROND)


class Bezwaarstatus(models.TextChoices):
    GEEN = "geen", _("geen bezwaar")
    INGEDIEND = "ingediend", _("bezwaar ingediend")
    GEHOORD = "gehoord", _("ouders gehoord over het bezwaar")
    GEGROND = "gegrond", _("bezwaar gegrond")
    ONGEGROND = "ongegrond", _("bezwaar ongegrond")


#: The states in which a schorsing is still running (the start panel lists these).
LOPEND = (Schorsingstatus.CONCEPT, Schorsingstatus.HOORGESPREK_GEPLAND, Schorsingstatus.GEHOORD,
          Schorsingstatus.BESLOTEN, Schorsingstatus.BEKENDGEMAAKT, Schorsingstatus.LOPEND)
#: A schorsing someone still has to act on: running, its bezwaar pending, or the inspectie
#: not yet told. A few hundred of 50,000 at a large school; the start panels ask only
#: these, through a partial index of the same condition.
NOG_OPEN = (models.Q(status__in=LOPEND)
            | models.Q(bezwaarstatus__in=(Bezwaarstatus.INGEDIEND, Bezwaarstatus.GEHOORD))
            | models.Q(inspectie_melden=True, inspectie_gemeld_op__isnull=True))


class Schorsing(models.Model):
    """One schorsing of one pupil, from proposal to closing, with its bezwaar branch."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="schorsingen")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="schorsingen")
    status = FSMField(_("status"), max_length=25, choices=Schorsingstatus.choices,
                      default=Schorsingstatus.CONCEPT, protected=True)
    bezwaarstatus = FSMField(_("bezwaar"), max_length=15, choices=Bezwaarstatus.choices,
                             default=Bezwaarstatus.GEEN, protected=True)
    # The proposal
    gronden = models.JSONField(_("gronden"), default=list)
    ernst = models.CharField(_("ernst"), max_length=15, choices=Ernst.choices)
    feiten = models.TextField(_("feiten"))
    eerste_dag = models.DateField(_("eerste dag"))
    schooldagen = models.PositiveSmallIntegerField(_("aantal schooldagen"))
    laatste_dag = models.DateField(_("laatste dag"))
    voorgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         related_name="+")
    voorgesteld_op = models.DateField(_("voorgesteld op"))
    # The hearing
    hoorgesprek_op = models.DateTimeField(_("hoorgesprek op"), null=True, blank=True)
    hoorgesprek_plaats = models.CharField(_("plaats"), max_length=200, blank=True)
    gehoord_op = models.DateField(_("gehoord op"), null=True, blank=True)
    gehoord_door = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="+", verbose_name=_("gehoord door"))
    ouders_aanwezig = models.BooleanField(_("ouders aanwezig bij het horen"), default=False)
    hoorverslag = models.TextField(_("verslag van het horen"), blank=True)
    # The decision
    statuut = models.ForeignKey(Statuut, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("statuut bij het besluit"))
    maatregel = models.ForeignKey(Maatregelsoort, on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="+")
    besloten_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      null=True, blank=True, related_name="+")
    besloten_op = models.DateField(_("besloten op"), null=True, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    opdrachten = models.TextField(_("wat de leerling tijdens de schorsing doet"), blank=True)
    bevoegd_gezag_geinformeerd_op = models.DateField(
        _("bevoegd gezag geïnformeerd op"), null=True, blank=True)
    bekendgemaakt_op = models.DateField(_("bekendgemaakt op"), null=True, blank=True)
    ingegaan_op = models.DateField(_("ingegaan op"), null=True, blank=True)
    # The report to the inspectie
    inspectie_melden = models.BooleanField(_("melden aan de inspectie"), default=False)
    inspectie_gemeld_op = models.DateField(_("gemeld aan de inspectie op"), null=True,
                                           blank=True)
    inspectie_kenmerk = models.CharField(_("kenmerk van de melding"), max_length=100,
                                         blank=True)
    # A schorsing for the duration of a verwijdering procedure (Noordgouw art. 25.2)
    verwijdering = models.ForeignKey("Verwijdering", on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="schorsingen")
    # Echnaton art. 8.3: the "ontzegging van de toegang" is, in law, the schorsing pending a
    # verwijdering; it follows the statuut's ontzegging rung instead of the schorsing rungs.
    ontzegging = models.BooleanField(_("ontzegging van de toegang (hangende de verwijdering)"),
                                     default=False)
    # The deadlines this schorsing opened (statuut.Termijn), to close them again
    termijn_inspectie = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True,
                                          blank=True, related_name="+")
    termijn_bezwaar = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True,
                                        blank=True, related_name="+")
    termijn_bezwaarbeslissing = models.ForeignKey(Termijn, on_delete=models.PROTECT,
                                                  null=True, blank=True, related_name="+")
    # The talk with the parents about the measure (where the rung asks it, seed 004)
    gesprek_ouders_op = models.DateTimeField(_("gesprek met de ouders op"), null=True,
                                             blank=True)
    # Closing
    gesprek_ouders_verslag = models.TextField(_("verslag van het gesprek met de ouders"),
                                              blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    # Bezwaar
    bezwaar_ingediend_op = models.DateField(_("bezwaar ingediend op"), null=True, blank=True)
    bezwaar_gronden = models.TextField(_("gronden van het bezwaar"), blank=True)
    bezwaar_gehoord_op = models.DateField(_("ouders gehoord op"), null=True, blank=True)
    bezwaar_hoorverslag = models.TextField(_("verslag van het horen over het bezwaar"),
                                           blank=True)
    bezwaar_beslist_op = models.DateField(_("op het bezwaar beslist op"), null=True,
                                          blank=True)
    bezwaar_motivering = models.TextField(_("motivering van de beslissing op bezwaar"),
                                          blank=True)
    vernietigd_op = models.DateField(_("vernietigd op"), null=True, blank=True)
    # Seed 004: upheld, the schorsing's notes leave the dossier; its content goes with them.
    inhoud_verwijderd_op = models.DateField(_("inhoud verwijderd na gegrond bezwaar op"),
                                            null=True, blank=True)

    #: The fields that hold what happened and why (free text and the grounds); an upheld
    #: bezwaar wipes them. Dates, stand, who acted and the bezwaar's outcome stay.
    INHOUDVELDEN = ("feiten", "hoorgesprek_plaats", "hoorverslag", "motivering", "opdrachten",
                    "inspectie_kenmerk", "gesprek_ouders_verslag", "bezwaar_gronden",
                    "bezwaar_hoorverslag", "bezwaar_motivering")

    class Meta:
        verbose_name = _("schorsing")
        verbose_name_plural = _("schorsingen")
        ordering = ["-eerste_dag", "-pk"]
        indexes = [models.Index(fields=["school", "status"], name="schorsing_school_idx"),
                   models.Index(fields=["leerling"], condition=NOG_OPEN,
                                name="schorsing_nog_open_idx")]

    def __str__(self) -> str:
        soort = "Ontzegging van de toegang" if self.ontzegging else "Schorsing"
        return f"{soort} {self.leerling} {self.eerste_dag:%d-%m-%Y} ({self.schooldagen} d.)"

    @property
    def naamwoord(self) -> str:
        """"schorsing" or "ontzegging van de toegang", for titles and messages."""
        return str(_("ontzegging van de toegang") if self.ontzegging else _("schorsing"))

    @property
    def kenmerk(self) -> str:
        """A reference without the pupil's name, for texts that leave the pupil's pages
        (deadlines reach reminder e-mails, calendar feeds and the admin's list)."""
        return f"S-{self.pk}"

    # --- transitions (no side effects; the services do the rest) ---------------------------

    @transition(field=status, source=[Schorsingstatus.CONCEPT, Schorsingstatus.HOORGESPREK_GEPLAND,
                                      Schorsingstatus.GEHOORD],
                target=Schorsingstatus.HOORGESPREK_GEPLAND)
    def plan_hoorgesprek(self, *, op, plaats: str) -> None:
        self.hoorgesprek_op, self.hoorgesprek_plaats = op, plaats

    @transition(field=status, source=Schorsingstatus.HOORGESPREK_GEPLAND,
                target=Schorsingstatus.GEHOORD)
    def horen(self, *, op, ouders_aanwezig: bool, verslag: str) -> None:
        self.gehoord_op, self.ouders_aanwezig, self.hoorverslag = op, ouders_aanwezig, verslag

    @transition(field=status, source=Schorsingstatus.GEHOORD, target=Schorsingstatus.BESLOTEN)
    def besluiten(self, *, door, op, statuut, maatregel, motivering: str, opdrachten: str,
                  inspectie_melden: bool, bevoegd_gezag_geinformeerd_op) -> None:
        self.besloten_door, self.besloten_op = door, op
        self.statuut, self.maatregel = statuut, maatregel
        self.motivering, self.opdrachten = motivering, opdrachten
        self.inspectie_melden = inspectie_melden
        self.bevoegd_gezag_geinformeerd_op = bevoegd_gezag_geinformeerd_op

    @transition(field=status, source=Schorsingstatus.BESLOTEN,
                target=Schorsingstatus.BEKENDGEMAAKT)
    def bekendmaken(self, *, op) -> None:
        self.bekendgemaakt_op = op

    @transition(field=status, source=Schorsingstatus.BEKENDGEMAAKT,
                target=Schorsingstatus.LOPEND)
    def ingaan(self, *, op) -> None:
        self.ingegaan_op = op

    @transition(field=status, source=Schorsingstatus.LOPEND, target=Schorsingstatus.AFGEROND)
    def afronden(self, *, op, gesprek_ouders_verslag: str) -> None:
        self.afgerond_op, self.gesprek_ouders_verslag = op, gesprek_ouders_verslag

    @transition(field=bezwaarstatus, source=Bezwaarstatus.GEEN, target=Bezwaarstatus.INGEDIEND)
    def bezwaar_indienen(self, *, op, gronden: str) -> None:
        self.bezwaar_ingediend_op, self.bezwaar_gronden = op, gronden

    @transition(field=bezwaarstatus, source=Bezwaarstatus.INGEDIEND,
                target=Bezwaarstatus.GEHOORD)
    def bezwaar_horen(self, *, op, verslag: str) -> None:
        self.bezwaar_gehoord_op, self.bezwaar_hoorverslag = op, verslag

    @transition(field=bezwaarstatus, source=Bezwaarstatus.GEHOORD,
                target=Bezwaarstatus.GEGROND)
    def bezwaar_gegrond(self, *, op, motivering: str) -> None:
        self.bezwaar_beslist_op, self.bezwaar_motivering = op, motivering

    @transition(field=bezwaarstatus, source=Bezwaarstatus.GEHOORD,
                target=Bezwaarstatus.ONGEGROND)
    def bezwaar_ongegrond(self, *, op, motivering: str) -> None:
        self.bezwaar_beslist_op, self.bezwaar_motivering = op, motivering

    @transition(field=status, source=SCHORSING_BESLOTEN, target=Schorsingstatus.VERNIETIGD)
    def vernietigen(self, *, op) -> None:
        """A decided remedy annulled the decision (`sancties.rechtsmiddelen`)."""
        self.vernietigd_op = op

    def inhoud_wissen(self, *, op) -> None:
        """Not a transition: the stand stays what it was; only the content goes."""
        for veld in self.INHOUDVELDEN:
            setattr(self, veld, "")
        self.gronden = []
        self.inhoud_verwijderd_op = op


class TimeOutstatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("voorgesteld, wacht op goedkeuring")
    GOEDGEKEURD = "goedgekeurd", _("in werking (rest van de dag)")
    AFGEWEZEN = "afgewezen", _("niet goedgekeurd")
    AFGEROND = "afgerond", _("afgerond (verslag getekend)")
    VERNIETIGD = "vernietigd", _("vernietigd (na beroep)")


class TimeOut(models.Model):
    """A time-out for the rest of the day (seed 004; Noordgouw art. 22.4 d)."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="time_outs")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="time_outs")
    statuut = models.ForeignKey(Statuut, on_delete=models.PROTECT, related_name="+")
    maatregel = models.ForeignKey(Maatregelsoort, on_delete=models.PROTECT, related_name="+")
    status = FSMField(_("status"), max_length=15, choices=TimeOutstatus.choices,
                      default=TimeOutstatus.VOORGESTELD, protected=True)
    datum = models.DateField(_("datum"))
    incident = models.TextField(_("het incident"))
    motivering = models.TextField(_("motivering"))
    voorgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         related_name="+")
    goedgekeurd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         null=True, blank=True, related_name="+")
    goedgekeurd_op = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    # Parents informed at once, unless reasonable grounds oppose it (recorded)
    ouders_gebeld_op = models.DateTimeField(_("ouders gebeld op"), null=True, blank=True)
    telefoonnotitie = models.TextField(_("telefoonnotitie"), blank=True)
    niet_informeren_gronden = models.TextField(
        _("redelijke gronden om de ouders niet te informeren"), blank=True)
    # The talk and its signed report
    gesprek_op = models.DateTimeField(_("gesprek met de ouders op"), null=True, blank=True)
    gesprek_verslag = models.TextField(_("verslag van het gesprek"), blank=True)
    # The scan of the signed report: a dossier document, read through the dossier's access
    # policy (never a public file path).
    verslag_document = models.ForeignKey("dossiers.Document", on_delete=models.PROTECT,
                                         null=True, blank=True, related_name="+",
                                         verbose_name=_("getekend verslag (scan)"))
    verslag_getekend_op = models.DateField(_("verslag door de ouders getekend op"), null=True,
                                           blank=True)
    vernietigd_op = models.DateField(_("vernietigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("time-out")
        verbose_name_plural = _("time-outs")
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"Time-out {self.leerling} {self.datum:%d-%m-%Y}"

    @property
    def kenmerk(self) -> str:
        """A reference without the pupil's name (see `Schorsing.kenmerk`)."""
        return f"T-{self.pk}"

    @transition(field=status, source=TimeOutstatus.VOORGESTELD,
                target=TimeOutstatus.GOEDGEKEURD)
    def goedkeuren(self, *, door, op) -> None:
        self.goedgekeurd_door, self.goedgekeurd_op = door, op

    @transition(field=status, source=TimeOutstatus.VOORGESTELD, target=TimeOutstatus.AFGEWEZEN)
    def afwijzen(self, *, door, op) -> None:
        self.goedgekeurd_door, self.goedgekeurd_op = door, op

    @transition(field=status, source=TimeOutstatus.GOEDGEKEURD, target=TimeOutstatus.AFGEROND)
    def afronden(self, *, verslag: str, getekend_op, document) -> None:
        self.gesprek_verslag, self.verslag_getekend_op = verslag, getekend_op
        self.verslag_document = document

    @transition(field=status, source=[TimeOutstatus.GOEDGEKEURD, TimeOutstatus.AFGEROND],
                target=TimeOutstatus.VERNIETIGD)
    def vernietigen(self, *, op) -> None:
        """A decided remedy annulled the time-out (`sancties.rechtsmiddelen`)."""
        self.vernietigd_op = op


class Verwijderingstatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", _("voorgesteld (voorbereiding)")
    VOORNEMEN = "voornemen", _("voornemen bekendgemaakt; andere school zoeken")
    BESLOTEN = "besloten", _("definitief besloten")
    BEZWAAR = "bezwaar", _("bezwaar ingediend")
    BEZWAAR_GEHOORD = "bezwaar_gehoord", _("ouders opnieuw gehoord")
    AFGEROND = "afgerond", _("afgerond")
    VERNIETIGD = "vernietigd", _("vernietigd (na beroep of bezwaar)")


#: A procedure that no longer runs.
VERWIJDERING_GESLOTEN = (Verwijderingstatus.AFGEROND, Verwijderingstatus.VERNIETIGD)


class Verwijdering(models.Model):
    """The procedure of seed 003 art. 25 and seed 004, its steps as prerequisites: each step
    is a dated record (and a dossier entry); the states move only when they are complete."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="verwijderingen")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT,
                                 related_name="verwijderingen")
    status = FSMField(_("status"), max_length=20, choices=Verwijderingstatus.choices,
                      default=Verwijderingstatus.VOORGESTELD, protected=True)
    statuut = models.ForeignKey(Statuut, on_delete=models.PROTECT, related_name="+")
    maatregel = models.ForeignKey(Maatregelsoort, on_delete=models.PROTECT, related_name="+")
    gronden = models.JSONField(_("gronden"), default=list)
    didactisch = models.BooleanField(
        _("didactische gronden (het onderwijs past niet bij de leerling)"), default=False)
    motivering = models.TextField(_("motivering"))
    voorgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         related_name="+")
    voorgesteld_op = models.DateField(_("voorgesteld op"))
    # The steps before the intention (each: date and report)
    leerling_gehoord_op = models.DateField(null=True, blank=True)
    ouders_bij_horen = models.BooleanField(default=False)
    leerling_hoorverslag = models.TextField(blank=True)
    leerling_gehoord_door = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+",
        verbose_name=_("leerling gehoord door"))
    team_gehoord_op = models.DateField(null=True, blank=True)
    team_verslag = models.TextField(blank=True)
    inspectie_mening_op = models.DateField(null=True, blank=True)
    inspectie_mening = models.TextField(blank=True)
    rapport_op = models.DateField(_("onderwijskundig rapport opgemaakt op"), null=True,
                                  blank=True)
    rapport = models.TextField(blank=True)
    swv_overleg_op = models.DateField(_("overleg samenwerkingsverband op"), null=True,
                                      blank=True)
    swv_verslag = models.TextField(blank=True)
    opp_op = models.DateField(_("ontwikkelingsperspectief opgesteld op"), null=True, blank=True)
    opp = models.TextField(blank=True)
    verslag_getekend_op = models.DateField(
        _("verslag door de ouders voor gezien getekend op"), null=True, blank=True)
    verslag_getekend = models.TextField(blank=True)
    # Noordgouw art. 25.4: the directielid checks that every means was used
    middelen_getoetst_op = models.DateField(_("getoetst of alle middelen zijn ingezet op"),
                                            null=True, blank=True)
    middelen_toets = models.TextField(blank=True)
    # Noordgouw art. 25.6: a referral to the VSO needs a toelaatbaarheidsverklaring first
    vso = models.BooleanField(_("verwijzing naar het voortgezet speciaal onderwijs (VSO)"),
                              default=False)
    tlv_aangevraagd_op = models.DateField(_("toelaatbaarheidsverklaring aangevraagd op"),
                                          null=True, blank=True)
    tlv_verslag = models.TextField(blank=True)
    # The intention and the search
    voornemen_op = models.DateField(null=True, blank=True)
    voornemen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       null=True, blank=True, related_name="+")
    # The day the intention's letter went out (Brief.verzonden_op): only then is the intention
    # made known "schriftelijk" (Echnaton art. 8.4, seed 004, Noordgouw art. 25.3 b).
    voornemen_bekendgemaakt_op = models.DateField(_("voornemen bekendgemaakt op"), null=True,
                                                  blank=True)
    inspectie_overleg_op = models.DateField(_("overleg met de inspectie op"), null=True,
                                            blank=True)
    inspectie_overleg = models.TextField(blank=True)
    # The definitive decision
    besloten_op = models.DateField(null=True, blank=True)
    besloten_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      null=True, blank=True, related_name="+")
    besluit_motivering = models.TextField(blank=True)
    andere_school = models.CharField(_("andere school"), max_length=200, blank=True)
    termijn_bezwaar = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True,
                                        blank=True, related_name="+")
    # Bezwaar and the new decision
    bezwaar_ingediend_op = models.DateField(null=True, blank=True)
    bezwaar_gronden = models.TextField(blank=True)
    termijn_heroverweging = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True,
                                              blank=True, related_name="+")
    bezwaar_gehoord_op = models.DateField(null=True, blank=True)
    bezwaar_hoorverslag = models.TextField(blank=True)
    heroverwogen_op = models.DateField(null=True, blank=True)
    besluit_gehandhaafd = models.BooleanField(null=True, blank=True)
    heroverweging = models.TextField(blank=True)
    afgerond_op = models.DateField(null=True, blank=True)
    vernietigd_op = models.DateField(_("vernietigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("verwijdering")
        verbose_name_plural = _("verwijderingen")
        ordering = ["-voorgesteld_op", "-pk"]

    def __str__(self) -> str:
        return f"Verwijdering {self.leerling} ({self.voorgesteld_op:%d-%m-%Y})"

    @property
    def kenmerk(self) -> str:
        """A reference without the pupil's name (see `Schorsing.kenmerk`)."""
        return f"V-{self.pk}"

    @transition(field=status, source=Verwijderingstatus.VOORGESTELD,
                target=Verwijderingstatus.VOORNEMEN)
    def voornemen(self, *, door, op) -> None:
        self.voornemen_door, self.voornemen_op = door, op

    @transition(field=status, source=Verwijderingstatus.VOORNEMEN,
                target=Verwijderingstatus.BESLOTEN)
    def besluiten(self, *, door, op, motivering: str, andere_school: str) -> None:
        self.besloten_door, self.besloten_op = door, op
        self.besluit_motivering, self.andere_school = motivering, andere_school

    @transition(field=status, source=Verwijderingstatus.BESLOTEN,
                target=Verwijderingstatus.BEZWAAR)
    def bezwaar_indienen(self, *, op, gronden: str) -> None:
        self.bezwaar_ingediend_op, self.bezwaar_gronden = op, gronden

    @transition(field=status, source=Verwijderingstatus.BEZWAAR,
                target=Verwijderingstatus.BEZWAAR_GEHOORD)
    def bezwaar_horen(self, *, op, verslag: str) -> None:
        self.bezwaar_gehoord_op, self.bezwaar_hoorverslag = op, verslag

    @transition(field=status, source=Verwijderingstatus.BESLOTEN,
                target=Verwijderingstatus.AFGEROND)
    def afsluiten(self, *, op) -> None:
        self.afgerond_op = op

    @transition(field=status, source=Verwijderingstatus.BEZWAAR_GEHOORD,
                target=Verwijderingstatus.AFGEROND)
    def heroverwegen(self, *, op, gehandhaafd: bool, motivering: str) -> None:
        self.heroverwogen_op, self.besluit_gehandhaafd = op, gehandhaafd
        self.heroverweging, self.afgerond_op = motivering, op

    @transition(field=status, source=[Verwijderingstatus.BESLOTEN, Verwijderingstatus.BEZWAAR,
                                      Verwijderingstatus.BEZWAAR_GEHOORD,
                                      Verwijderingstatus.AFGEROND],
                target=Verwijderingstatus.VERNIETIGD)
    def vernietigen(self, *, op) -> None:
        """A decided remedy annulled the definitive decision (`sancties.rechtsmiddelen`)."""
        self.vernietigd_op = op


class Schoolcontact(models.Model):
    """One school asked to admit the pupil during a verwijdering, and its answer."""

    class Antwoord(models.TextChoices):
        AFWACHTEN = "afwachten", _("nog geen antwoord")
        TOEGELATEN = "toegelaten", _("bereid de leerling toe te laten")
        GEWEIGERD = "geweigerd", _("geweigerd")

    verwijdering = models.ForeignKey(Verwijdering, on_delete=models.PROTECT,
                                     related_name="schoolcontacten")
    school = models.CharField(_("school"), max_length=200)
    benaderd_op = models.DateField(_("benaderd op"))
    antwoord = models.CharField(_("antwoord"), max_length=12, choices=Antwoord.choices,
                                default=Antwoord.AFWACHTEN)
    antwoord_op = models.DateField(_("antwoord op"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("benaderde school")
        verbose_name_plural = _("benaderde scholen")
        ordering = ["benaderd_op", "pk"]

    def __str__(self) -> str:
        return f"{self.school} ({self.get_antwoord_display()})"
