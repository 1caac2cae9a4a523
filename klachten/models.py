"""Complaints, beroep and bezwaar, and the geschillencommissie (Echnaton art. 12 and bijlage B,
Noordgouw art. 19).

The stages themselves are the statuut's data (`statuut.Klachtfase`, in order per route); a
`Klacht` points at the stage it is in and its state machine says where within the stage it
is: being handled, outcome recorded (the complainant chooses to stop or go on), or finished.
Every stage a complaint went through is a `Klachtstap` row: what happened and what the
complainant said about the outcome.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from dossiers.models import Dossierstuk, Leerling, Medewerker, Ouder
from statuut.models import Beroepsregel, Klachtfase, School, Schooljaar, Statuut, Termijn


class Klagersoort(models.TextChoices):
    LEERLING = "leerling", _("een leerling")
    GROEP = "groep", _("een groep leerlingen (collectief)")
    OUDERS = "ouders", _("ouder(s)/verzorger(s)")


class Klachtonderwerp(models.TextChoices):
    MEDEWERKER = "medewerker", _("een docent of ander personeelslid")
    TOEPASSING_STATUUT = "toepassing_statuut", _("de toepassing van het leerlingenstatuut")


class Klachtstatus(models.TextChoices):
    IN_BEHANDELING = "in_behandeling", _("in behandeling")
    FASE_AFGEROND = "fase_afgerond", _("fase afgerond, klager kiest")
    AFGEHANDELD = "afgehandeld", _("afgehandeld")
    DOORVERWEZEN = "doorverwezen", _("doorverwezen naar de landelijke klachtencommissie")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


OPEN_KLACHTSTATUSSEN = (Klachtstatus.IN_BEHANDELING, Klachtstatus.FASE_AFGEROND)


class Klacht(models.Model):
    """A complaint, filed on a date, handled by the statuut in force on that date."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="klachten")
    statuut = models.ForeignKey(Statuut, on_delete=models.PROTECT, related_name="+")
    route = models.CharField(_("route"), max_length=15, choices=Klachtfase.Route.choices)
    fase = models.ForeignKey(Klachtfase, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("huidige fase"))
    status = FSMField(_("status"), max_length=20, choices=Klachtstatus.choices,
                      default=Klachtstatus.IN_BEHANDELING, protected=True)
    klager_soort = models.CharField(_("wie klaagt"), max_length=10, choices=Klagersoort.choices)
    # The pupil who complains, or whose parents complain (letters go to them).
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="klachten")
    mede_klagers = models.ManyToManyField(Leerling, blank=True, related_name="+",
                                          verbose_name=_("andere leerlingen (collectief)"))
    ouder = models.ForeignKey(Ouder, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    onderwerp_soort = models.CharField(_("klacht over"), max_length=20,
                                       choices=Klachtonderwerp.choices)
    beklaagde = models.ForeignKey(Medewerker, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="klachten_tegen",
                                  verbose_name=_("tegen wie"))
    # Bijlage B lid 19: when the complaint concerns the schoolleiding the board carries out
    # the ruling. Set at filing from the roles of the person complained about.
    betreft_schoolleiding = models.BooleanField(_("betreft de schoolleiding"), default=False)
    seksuele_intimidatie = models.BooleanField(_("seksuele intimidatie"), default=False)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"))
    ingediend_op = models.DateField(_("ingediend op"))
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       related_name="+")
    # Confidential complaints: those the vertrouwenspersoon chose to share it with.
    gedeeld_met = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        ordering = ["-ingediend_op", "-pk"]
        indexes = [models.Index(fields=["school", "status"], name="klacht_open_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(onderwerp_soort="toepassing_statuut") | Q(beklaagde__isnull=False),
                name="klacht_medewerker_heeft_beklaagde"),
        ]

    def __str__(self) -> str:
        return f"K-{self.pk}"

    @property
    def kenmerk(self) -> str:
        return f"K-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_KLACHTSTATUSSEN

    # The transitions change state only; services do the rest (dossier, terms, letters).

    @transition(field=status, source=Klachtstatus.IN_BEHANDELING,
                target=Klachtstatus.FASE_AFGEROND)
    def fase_afronden(self) -> None:
        pass

    @transition(field=status, source=Klachtstatus.FASE_AFGEROND,
                target=Klachtstatus.IN_BEHANDELING)
    def doorzetten(self, *, naar: Klachtfase) -> None:
        self.fase = naar

    @transition(field=status, source=Klachtstatus.IN_BEHANDELING,
                target=Klachtstatus.IN_BEHANDELING)
    def automatisch_doorgaan(self, *, naar: Klachtfase) -> None:
        """The commission's advice moves the complaint to the ruling on it (bijlage B lid
        18): not the complainant's choice."""
        self.fase = naar

    @transition(field=status, source=Klachtstatus.FASE_AFGEROND, target=Klachtstatus.AFGEHANDELD)
    def afsluiten(self, *, op) -> None:
        self.afgesloten_op = op

    @transition(field=status, source=Klachtstatus.FASE_AFGEROND,
                target=Klachtstatus.DOORVERWEZEN)
    def doorverwijzen(self, *, naar: Klachtfase, op) -> None:
        self.fase, self.afgesloten_op = naar, op

    @transition(field=status, source=list(OPEN_KLACHTSTATUSSEN), target=Klachtstatus.INGETROKKEN)
    def intrekken(self, *, op) -> None:
        self.afgesloten_op = op


class Klachtstap(models.Model):
    """One stage a complaint went through: when, what happened, what the complainant said."""

    klacht = models.ForeignKey(Klacht, on_delete=models.CASCADE, related_name="stappen")
    fase = models.ForeignKey(Klachtfase, on_delete=models.PROTECT, related_name="+")
    gestart_op = models.DateField(_("gestart op"))
    behandelaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+")
    termijn = models.OneToOneField(Termijn, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    afgerond_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      null=True, blank=True, related_name="+")
    wat_gebeurde = models.TextField(_("wat er gebeurde"), blank=True)
    reactie_klager = models.TextField(_("wat de klager van de uitkomst vond"), blank=True)
    termijn_gehaald = models.BooleanField(_("termijn gehaald"), null=True)

    class Meta:
        verbose_name = _("klachtfase van een klacht")
        verbose_name_plural = _("klachtfasen van klachten")
        ordering = ["klacht", "gestart_op", "pk"]
        constraints = [models.UniqueConstraint(fields=["klacht", "fase"],
                                               name="klachtstap_een_per_fase")]

    def __str__(self) -> str:
        return f"{self.klacht} {self.fase}"


class Deling(models.Model):
    """The vertrouwenspersoon shared a confidential complaint with a colleague, and perhaps
    withdrew it later: who, when and why. `Klacht.gedeeld_met` holds the shares in force
    (access asks only that); these rows are the record."""

    klacht = models.ForeignKey(Klacht, on_delete=models.CASCADE, related_name="delingen")
    met = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                            related_name="+", verbose_name=_("gedeeld met"))
    # Empty only for shares made before this record existed (migration 0002).
    gedeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    gedeeld_op = models.DateTimeField(_("gedeeld op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         null=True, blank=True, related_name="+")
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    reden_intrekking = models.TextField(_("reden van intrekken"), blank=True)

    class Meta:
        verbose_name = _("deling van een vertrouwelijke melding")
        verbose_name_plural = _("delingen van vertrouwelijke meldingen")
        ordering = ["klacht", "gedeeld_op", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["klacht", "met"], condition=Q(ingetrokken_op__isnull=True),
            name="een_lopende_deling_per_collega")]

    def __str__(self) -> str:
        return f"{self.klacht} gedeeld met {self.met}"


class Verweer(models.Model):
    """The response of the person complained about (bijlage B lid 11)."""

    klacht = models.ForeignKey(Klacht, on_delete=models.CASCADE, related_name="verweren")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    tekst = models.TextField(_("verweer"))
    op = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("verweer")
        verbose_name_plural = _("verweren")
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"verweer op {self.klacht}"


# --- the geschillencommissie ---------------------------------------------------------------


class Geleding(models.TextChoices):
    DOCENT = "docent", _("docent")
    LEERLING = "leerling", _("leerling")
    OUDER = "ouder", _("ouder")


#: Echnaton art. 12.5 / bijlage B lid 5: two teachers, two pupils and one parent.
SAMENSTELLING = {Geleding.DOCENT: 2, Geleding.LEERLING: 2, Geleding.OUDER: 1}


class Geschillencommissie(models.Model):
    """The commission of one school year (bijlage B leden 5-8)."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    schooljaar = models.ForeignKey(Schooljaar, on_delete=models.PROTECT, related_name="+")
    secretaris = models.ForeignKey(Medewerker, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("ambtelijk secretaris"))
    voorzitter = models.ForeignKey("Commissielid", on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")

    class Meta:
        verbose_name = _("geschillencommissie")
        verbose_name_plural = _("geschillencommissies")
        constraints = [models.UniqueConstraint(fields=["school", "schooljaar"],
                                               name="een_commissie_per_schooljaar")]

    def __str__(self) -> str:
        return f"Geschillencommissie {self.schooljaar}"

    def clean(self):
        # Bijlage B lid 8: the chair is chosen from the commission's own (regular) members.
        if self.voorzitter_id and (self.voorzitter.commissie_id != self.pk
                                   or self.voorzitter.plaatsvervanger_van_id is not None):
            raise ValidationError({"voorzitter": _(
                "De voorzitter is een vast lid van deze commissie (bijlage B lid 8).")})


class Benoemdoor(models.TextChoices):
    GELEDING = "geleding", _("de eigen geleding")
    MR = "mr", _("de medezeggenschapsraad (de geleding benoemde niemand)")


class Commissielid(models.Model):
    """A member, or the deputy of a member (`plaatsvervanger_van`)."""

    commissie = models.ForeignKey(Geschillencommissie, on_delete=models.CASCADE,
                                  related_name="leden")
    geleding = models.CharField(_("geleding"), max_length=10, choices=Geleding.choices)
    naam = models.CharField(_("naam"), max_length=200)
    medewerker = models.ForeignKey(Medewerker, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    # Who the pupil or parent member is, so that a member who is a party to a case (the
    # complainant, a parent of the pupil concerned) is known and never sits (bijlage B 6, 7).
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+")
    ouder = models.ForeignKey(Ouder, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    benoemd_door = models.CharField(_("benoemd door"), max_length=10, choices=Benoemdoor.choices,
                                    default=Benoemdoor.GELEDING)
    plaatsvervanger_van = models.OneToOneField("self", on_delete=models.CASCADE, null=True,
                                               blank=True, related_name="plaatsvervanger")

    class Meta:
        verbose_name = _("lid van de geschillencommissie")
        verbose_name_plural = _("leden van de geschillencommissie")
        ordering = ["geleding", "pk"]

    def __str__(self) -> str:
        return self.naam

    def clean(self):
        vast = self.plaatsvervanger_van
        if vast is not None and (vast.commissie_id != self.commissie_id
                                 or vast.geleding != self.geleding
                                 or vast.plaatsvervanger_van_id is not None):
            raise ValidationError({"plaatsvervanger_van": _(
                "Een plaatsvervanger vervangt een vast lid van dezelfde commissie en geleding "
                "(bijlage B lid 6).")})


class Adviesuitkomst(models.TextChoices):
    GEGROND = "gegrond", _("gegrond")
    ONGEGROND = "ongegrond", _("ongegrond")
    GEDEELTELIJK = "gedeeltelijk_gegrond", _("gedeeltelijk gegrond")


class Uitvoerder(models.TextChoices):
    SCHOOLLEIDING = "schoolleiding", _("de schoolleiding")
    BESTUUR = "bestuur", _("het schoolbestuur (de klacht betreft de schoolleiding)")


class Zaakstatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("aangemeld bij de secretaris")
    ADVIES = "advies", _("advies uitgebracht")
    UITSPRAAK = "uitspraak", _("uitspraak gedaan")


class Commissiezaak(models.Model):
    """One complaint before the commission: seats, hearing, advice and the ruling on it."""

    klacht = models.OneToOneField(Klacht, on_delete=models.CASCADE, related_name="zaak")
    commissie = models.ForeignKey(Geschillencommissie, on_delete=models.PROTECT,
                                  related_name="zaken")
    status = FSMField(_("status"), max_length=15, choices=Zaakstatus.choices,
                      default=Zaakstatus.AANGEMELD, protected=True)
    ingediend_op = models.DateField(_("ingediend bij de secretaris op"))
    zitting_op = models.DateField(_("zitting op"), null=True, blank=True)
    besloten = models.BooleanField(_("besloten zitting"), default=False)
    besloten_verzocht_door = models.CharField(_("besloten op verzoek van"), max_length=200,
                                              blank=True)
    toelichting_klager = models.TextField(_("mondelinge toelichting van de klager"), blank=True)
    verweer = models.TextField(_("verweer"), blank=True)
    bijstand = models.TextField(_("bijstand door een persoon uit de school"), blank=True)
    getuigen = models.TextField(_("getuigen"), blank=True)
    advies = models.CharField(_("advies"), max_length=25, choices=Adviesuitkomst.choices,
                              blank=True)
    aanbevelingen = models.TextField(_("aanbevelingen"), blank=True)
    advies_openbaar = models.BooleanField(_("advies openbaar"), default=True)
    advies_op = models.DateField(_("advies uitgebracht op"), null=True, blank=True)
    uitspraak = models.TextField(_("uitspraak"), blank=True)
    wettelijke_toets = models.TextField(_("toets aan wet en bevoegdheden"), blank=True)
    uitvoering_door = models.CharField(_("uitvoering door"), max_length=15,
                                       choices=Uitvoerder.choices, blank=True)
    uitspraak_op = models.DateField(_("uitspraak op"), null=True, blank=True)

    class Meta:
        verbose_name = _("zaak bij de geschillencommissie")
        verbose_name_plural = _("zaken bij de geschillencommissie")

    def __str__(self) -> str:
        return f"zaak {self.klacht}"

    @transition(field=status, source=Zaakstatus.AANGEMELD, target=Zaakstatus.ADVIES)
    def advies_uitbrengen(self, *, advies: str, aanbevelingen: str, openbaar: bool, op) -> None:
        self.advies, self.aanbevelingen = advies, aanbevelingen
        self.advies_openbaar, self.advies_op = openbaar, op

    @transition(field=status, source=Zaakstatus.ADVIES, target=Zaakstatus.UITSPRAAK)
    def uitspraak_doen(self, *, uitspraak: str, toets: str, uitvoering_door: str, op) -> None:
        self.uitspraak, self.wettelijke_toets = uitspraak, toets
        self.uitvoering_door, self.uitspraak_op = uitvoering_door, op


class Verschoning(models.TextChoices):
    ZELF = "zelf", _("op eigen verzoek")
    PARTIJ = "partij", _("op verzoek van een partij")
    # Not a choice anyone makes: a member who is a party never sits (bijlage B leden 6, 7).
    IS_PARTIJ = "is_partij", _("is zelf partij in deze zaak")


class Zetel(models.Model):
    """Who sits for a member in one case: the member, or their deputy after a recusal."""

    zaak = models.ForeignKey(Commissiezaak, on_delete=models.CASCADE, related_name="zetels")
    lid = models.ForeignKey(Commissielid, on_delete=models.PROTECT, related_name="+")
    bezet_door = models.ForeignKey(Commissielid, on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+")
    verschoning = models.CharField(_("verschoning"), max_length=10, choices=Verschoning.choices,
                                   blank=True)
    verschoning_reden = models.TextField(_("reden van verschoning"), blank=True)

    class Meta:
        ordering = ["lid__geleding", "lid__pk"]
        constraints = [models.UniqueConstraint(fields=["zaak", "lid"], name="zetel_uniek")]

    def __str__(self) -> str:
        return f"zetel van {self.lid} in {self.zaak}"


# --- beroep and bezwaar --------------------------------------------------------------------


class Beroepstatus(models.TextChoices):
    INGEDIEND = "ingediend", _("ingediend")
    BESLIST = "beslist", _("beslist")


class Beroepsuitkomst(models.TextChoices):
    BEVESTIGD = "bevestigd", _("maatregel bevestigd")
    GEWIJZIGD = "gewijzigd", _("maatregel gewijzigd")
    VERNIETIGD = "vernietigd", _("maatregel vernietigd")
    GEGROND = "gegrond", _("bezwaar gegrond: toepassing in overeenstemming gebracht")
    ONGEGROND = "ongegrond", _("bezwaar ongegrond")


class Beroep(models.Model):
    """Beroep against a measure, or bezwaar about the application of the statuut (art. 12).

    The beroep points at the measure itself (issue 13): an object of a flow registered in
    `dossiers.maatregelen` (a schorsing, ...), whose own flow applies the outcome. A measure
    that exists only as a dossier entry (the daily measures, until they are objects of their
    own) is pointed at by that entry (`maatregel_stuk`)."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    statuut = models.ForeignKey(Statuut, on_delete=models.PROTECT, related_name="+")
    regel = models.ForeignKey(Beroepsregel, on_delete=models.PROTECT, related_name="+")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="beroepen")
    # The measure appealed against: a registered measure object, or else its dossier entry.
    maatregel_soort = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True,
                                        blank=True, related_name="+",
                                        verbose_name=_("soort maatregel"))
    maatregel_id = models.PositiveBigIntegerField(_("maatregel"), null=True, blank=True)
    maatregel = GenericForeignKey("maatregel_soort", "maatregel_id")
    maatregel_stuk = models.ForeignKey(Dossierstuk, on_delete=models.PROTECT, null=True,
                                       blank=True, related_name="+",
                                       verbose_name=_("maatregel (dossierstuk)"))
    status = FSMField(_("status"), max_length=15, choices=Beroepstatus.choices,
                      default=Beroepstatus.INGEDIEND, protected=True)
    toelichting = models.TextField(_("toelichting"))
    ingediend_op = models.DateField(_("ingediend op"))
    ingediend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       related_name="+")
    termijn = models.OneToOneField(Termijn, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    uitkomst = models.CharField(_("uitkomst"), max_length=15, choices=Beroepsuitkomst.choices,
                                blank=True)
    beslissing = models.TextField(_("beslissing"), blank=True)
    beslist_op = models.DateField(_("beslist op"), null=True, blank=True)
    beslist_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("beroep of bezwaar")
        verbose_name_plural = _("beroepen en bezwaren")
        ordering = ["-ingediend_op", "-pk"]
        indexes = [models.Index(fields=["maatregel_soort", "maatregel_id", "status"],
                                name="beroep_op_maatregel_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(maatregel_soort__isnull=True, maatregel_id__isnull=True)
                | Q(maatregel_soort__isnull=False, maatregel_id__isnull=False),
                name="beroep_maatregel_soort_en_id"),
            models.CheckConstraint(
                condition=Q(maatregel_id__isnull=True) | Q(maatregel_stuk__isnull=True),
                name="beroep_een_maatregel"),
        ]

    def __str__(self) -> str:
        return f"{self.regel.get_soort_display()} B-{self.pk}"

    @property
    def kenmerk(self) -> str:
        return f"B-{self.pk}"

    @transition(field=status, source=Beroepstatus.INGEDIEND, target=Beroepstatus.BESLIST)
    def beslissen(self, *, uitkomst: str, beslissing: str, door, op) -> None:
        self.uitkomst, self.beslissing, self.beslist_door, self.beslist_op = (
            uitkomst, beslissing, door, op)
