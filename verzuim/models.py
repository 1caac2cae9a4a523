"""Te laat en verzuim (issue 14; Echnaton bijlage A, Noordgouw art. 11.4 and 14; the
Leerplichtwet 1969 art. 21a).

A registration (`TeLaat`, `Absentie`) is a fact with a judgement: geoorloofd, ongeoorloofd
or still to be judged (bijlage A: "Je mentor bepaalt ... of het te laat geoorloofd of
ongeoorloofd is"). The judgement is a django-fsm state changed only by
`verzuim.services.beoordelen`; every registration and every judgement is a dossier entry in
section "verzuim" (a judgement as an addendum of the registration's entry, never an edit).

A threshold crossed (`statuut.Verzuimdrempel`) opens its step once per period: a
`Drempelactie`, unique per pupil, threshold and period, with its deadline (`statuut.Termijn`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from dossiers.models import Dossierstuk, Leerling
from statuut.models import School, Termijn, Verzuimdrempel


class Oordeel(models.TextChoices):
    NOG_TE_BEOORDELEN = "nog_te_beoordelen", _("nog te beoordelen")
    GEOORLOOFD = "geoorloofd", _("geoorloofd")
    ONGEOORLOOFD = "ongeoorloofd", _("ongeoorloofd")


class Bron(models.TextChoices):
    HANDMATIG = "handmatig", _("geregistreerd in deze applicatie")
    IMPORT = "import", _("geïmporteerd uit het leerlingvolgsysteem")


class Melding(models.TextChoices):
    """Echnaton bijlage A: the parents report before 9.00; Noordgouw art. 11.4.2: before the
    school day. Absent without notice counts as spijbelen (bijlage A)."""

    VOORAF_GEMELD = "vooraf_gemeld", _("door de ouders gemeld voor de schooldag")
    NIET_GEMELD = "niet_gemeld", _("afwezig zonder melding")


class Registratie(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="+")
    datum = models.DateField(_("datum"), db_index=True)
    oordeel = FSMField(_("oordeel"), max_length=20, choices=Oordeel.choices,
                       default=Oordeel.NOG_TE_BEOORDELEN, protected=True)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                           related_name="+")
    bron = models.CharField(_("bron"), max_length=10, choices=Bron.choices,
                            default=Bron.HANDMATIG)
    #: The LVS's natural key of an imported row ("" when registered here): a re-import of
    #: the same file finds it and changes nothing.
    lvs_sleutel = models.CharField(_("sleutel in het LVS"), max_length=120, blank=True)
    beoordeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                        null=True, blank=True, related_name="+")
    #: The registration's newest dossier entry (an addendum replaces it here).
    dossierstuk = models.ForeignKey(Dossierstuk, on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    # Transitions have no side effects: the service records the entry and the thresholds.
    @transition(field=oordeel, source="*", target=Oordeel.GEOORLOOFD,
                conditions=[lambda r: r.oordeel != Oordeel.GEOORLOOFD])
    def geoorloofd_verklaren(self, *, door) -> None:
        self.beoordeeld_door = door

    @transition(field=oordeel, source="*", target=Oordeel.ONGEOORLOOFD,
                conditions=[lambda r: r.oordeel != Oordeel.ONGEOORLOOFD])
    def ongeoorloofd_verklaren(self, *, door) -> None:
        self.beoordeeld_door = door


class TeLaat(Registratie):
    lesuur = models.PositiveSmallIntegerField(_("lesuur"))
    minuten = models.PositiveSmallIntegerField(_("minuten te laat"))
    briefje_ouders = models.TextField(_("briefje van de ouders"), blank=True)
    reden = models.TextField(_("reden volgens de leerling"), blank=True)

    class Meta:
        verbose_name = _("te laat")
        verbose_name_plural = _("te laat")
        ordering = ["datum", "lesuur", "pk"]
        constraints = [
            # One pupil is late once per lesson.
            models.UniqueConstraint(fields=["leerling", "datum", "lesuur"],
                                    name="te_laat_een_per_les"),
        ]
        indexes = [models.Index(fields=["leerling", "oordeel", "datum"],
                                name="te_laat_telling_idx")]

    def __str__(self) -> str:
        return f"{self.leerling_id} te laat {self.datum} uur {self.lesuur}"


class Absentie(Registratie):
    #: The lesson hours missed ("3,4,5"), or empty with `uren` for a whole day.
    lesuren = models.CharField(_("lesuren"), max_length=60, blank=True)
    uren = models.PositiveSmallIntegerField(_("aantal lesuren"))
    melding = models.CharField(_("melding"), max_length=15, choices=Melding.choices)
    reden = models.CharField(_("reden (ziek, arts, ...)"), max_length=200, blank=True)
    retourbriefje = models.TextField(_("terugmelding / absentiebriefje"), blank=True)
    retour_op = models.DateField(_("terugmelding op"), null=True, blank=True)

    class Meta:
        verbose_name = _("absentie")
        verbose_name_plural = _("absenties")
        ordering = ["datum", "lesuren", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["leerling", "lvs_sleutel"],
                                    condition=~Q(lvs_sleutel=""),
                                    name="absentie_lvs_eenmaal"),
        ]
        indexes = [models.Index(fields=["leerling", "oordeel", "datum"],
                                name="absentie_telling_idx")]

    def __str__(self) -> str:
        return f"{self.leerling_id} absent {self.datum} ({self.uren} uur)"


class Actiestatus(models.TextChoices):
    OPEN = "open", _("open")
    GEDAAN = "gedaan", _("gedaan")
    VERVALLEN = "vervallen", _("vervallen (niet meer boven de drempel)")


class Drempelactie(models.Model):
    """The statuut's step for one pupil, one threshold and one period: opened once, when the
    count first reaches the threshold; closed as vervallen when a correction brings the
    count below it again (with a note), or gedaan when the step was taken."""

    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    drempel = models.ForeignKey(Verzuimdrempel, on_delete=models.SET_NULL, null=True,
                                related_name="+")
    #: The threshold's code and action, kept: a statuut reload may replace the row.
    drempelcode = models.SlugField(_("drempel"), max_length=40)
    actie_code = models.CharField(_("actie"), max_length=20,
                                  choices=Verzuimdrempel.Actie.choices)
    omschrijving = models.TextField(_("actie (tekst)"))
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)
    schooljaar = models.CharField(_("schooljaar"), max_length=9)
    #: A fixed period: its number in the school year (1, 2, ...). A rolling window (the
    #: leerplicht's four school weeks): the number of the school week it was crossed in.
    periode = models.PositiveSmallIntegerField(_("periode"))
    van = models.DateField(_("venster van"))
    tot = models.DateField(_("venster tot en met"))
    aantal = models.PositiveSmallIntegerField(_("aantal bij overschrijden"))
    overschreden_op = models.DateField(_("drempel overschreden op"))
    status = FSMField(_("status"), max_length=10, choices=Actiestatus.choices,
                      default=Actiestatus.OPEN, protected=True)
    termijn = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    notitie = models.TextField(_("notitie"), blank=True)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    afgesloten_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                        null=True, blank=True, related_name="+")
    #: Crossed again after a correction closed it: the same action opened once more.
    heropend_op = models.DateField(_("heropend op"), null=True, blank=True)
    #: A threshold without a number ("herhaaldelijk", Noordgouw art. 14.7/14.8): opened by
    #: hand (`services.drempel_signaleren`), with who did and why.
    gesignaleerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                          null=True, blank=True, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("drempelactie")
        verbose_name_plural = _("drempelacties")
        ordering = ["overschreden_op", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["leerling", "drempelcode", "schooljaar", "periode"],
                                    name="drempelactie_eenmaal_per_periode"),
        ]

    def __str__(self) -> str:
        return f"{self.drempelcode} {self.schooljaar} periode {self.periode}"

    @transition(field=status, source=Actiestatus.OPEN, target=Actiestatus.VERVALLEN)
    def vervallen(self, *, op, notitie: str) -> None:
        self.afgesloten_op, self.notitie = op, notitie

    @transition(field=status, source=Actiestatus.VERVALLEN, target=Actiestatus.OPEN)
    def heropenen(self, *, op, aantal: int, notitie: str) -> None:
        self.heropend_op, self.aantal, self.afgesloten_op = op, aantal, None
        self.notitie = f"{self.notitie}\n{notitie}".strip()

    @transition(field=status, source=Actiestatus.OPEN, target=Actiestatus.GEDAAN)
    def afhandelen(self, *, door, op, notitie: str) -> None:
        self.afgesloten_door, self.afgesloten_op, self.notitie = door, op, notitie


class Importkoppeling(models.Model):
    """The column mapping a school saves once for its LVS export (verzuim/IMPORT.md)."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="+")
    #: Our field -> the column header in the school's file.
    kolommen = models.JSONField(_("kolommen"), default=dict)
    #: The LVS's code -> our kind ("te_laat", "absent_gemeld", "absent_niet_gemeld",
    #: "absent_geoorloofd").
    codes = models.JSONField(_("codes"), default=dict)
    scheidingsteken = models.CharField(_("scheidingsteken"), max_length=1, default=";")
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       null=True, blank=True, related_name="+")
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("importkoppeling")
        verbose_name_plural = _("importkoppelingen")

    def __str__(self) -> str:
        return f"importkoppeling {self.school_id}"


class Verlofstatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("aangevraagd")
    DOORGESTUURD = "doorgestuurd", _("doorgestuurd naar de leerplichtambtenaar")
    TOEGEKEND = "toegekend", _("toegekend")
    AFGEWEZEN = "afgewezen", _("afgewezen")


class Verlofaanvraag(models.Model):
    """Leave asked by the parents of the schoolleiding (Echnaton bijlage A: "moeten je
    ouders daarvoor verlof aanvragen bij de schoolleiding ... schriftelijk, ruim van te
    voren"; Noordgouw art. 10.5: only the parents can ask, Leerplichtwet art. 14). Recorded
    by whom the rows of `verzuim.verlof_registreren` name; decided by whom the rows of
    `verzuim.verlof_beslissen` name up to their `niveau` in school days (Leerplichtwet
    art. 14 lid 1 and 3: up to ten school days the head of the school); beyond every row's
    limit it goes to the leerplichtambtenaar (art. 14 lid 3) and the school records the
    answer."""

    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    eerste_dag = models.DateField(_("eerste dag"))
    laatste_dag = models.DateField(_("laatste dag"))
    schooldagen = models.PositiveSmallIntegerField(_("schooldagen"))
    reden = models.TextField(_("reden (volgens de ouders)"))
    aangevraagd_door = models.CharField(_("aangevraagd door (ouder)"), max_length=200)
    ontvangen_op = models.DateField(_("schriftelijk ontvangen op"))
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                           related_name="+")
    status = FSMField(_("status"), max_length=15, choices=Verlofstatus.choices,
                      default=Verlofstatus.AANGEVRAAGD, protected=True)
    beslist_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    beslist_op = models.DateField(_("beslist op"), null=True, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    termijn = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    dossierstuk = models.ForeignKey(Dossierstuk, on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("verlofaanvraag")
        verbose_name_plural = _("verlofaanvragen")
        ordering = ["-ontvangen_op", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(laatste_dag__gte=F("eerste_dag")),
                                              name="verlof_van_voor_tot")]

    def __str__(self) -> str:
        return f"verlof {self.leerling_id} {self.eerste_dag}-{self.laatste_dag}"

    # No side effects: the services write the entry, the deadline and the letter.
    @transition(field=status, source=Verlofstatus.AANGEVRAAGD, target=Verlofstatus.DOORGESTUURD)
    def doorsturen(self) -> None:
        pass

    @transition(field=status, source=[Verlofstatus.AANGEVRAAGD, Verlofstatus.DOORGESTUURD],
                target=Verlofstatus.TOEGEKEND)
    def toekennen(self, *, door, op, motivering: str) -> None:
        self.beslist_door, self.beslist_op, self.motivering = door, op, motivering

    @transition(field=status, source=[Verlofstatus.AANGEVRAAGD, Verlofstatus.DOORGESTUURD],
                target=Verlofstatus.AFGEWEZEN)
    def afwijzen(self, *, door, op, motivering: str) -> None:
        self.beslist_door, self.beslist_op, self.motivering = door, op, motivering
