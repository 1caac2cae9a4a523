"""Uit de les sturen (issue 14; Echnaton art. 7.1 and bijlage A "Je bent uit de les
gestuurd"; Noordgouw art. 1 "rode kaart", 11.4, 22).

One `Uitstuurmelding` per pupil sent out of one lesson. Its django-fsm state follows bijlage
A: the teacher sends the pupil out (`uitgestuurd`); the pupil reports at once to the
(assistent) teamleider / afdelingsleider, who starts the uitstuurbrief and writes down with
the pupil why, in the pupil's words (`gemeld`); at the end of the lesson the teacher fills in
the reason and the conversation held or its appointment (`toegelicht`) and the last part,
any punishment, and hands the letter in (`ingeleverd`); the teamleider completes it
(`afgerond`), and where the rung is `schriftelijk` the letter goes to the parents. A remedy
(Echnaton art. 12 Beroep 1) may withdraw it (`ingetrokken`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from dossiers.models import Brief, Dossierstuk, Leerling
from statuut.models import Maatregelsoort, School, Termijn


class Stand(models.TextChoices):
    UITGESTUURD = "uitgestuurd", _("uit de les gestuurd, nog niet gemeld")
    GEMELD = "gemeld", _("gemeld, uitstuurbrief begonnen")
    TOEGELICHT = "toegelicht", _("reden en gesprek ingevuld door de leraar")
    INGELEVERD = "ingeleverd", _("ingeleverd bij de teamleider")
    AFGEROND = "afgerond", _("afgerond")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


#: The states in which the melding is still open (the teamleider's list, the panel).
OPEN = (Stand.UITGESTUURD, Stand.GEMELD, Stand.TOEGELICHT, Stand.INGELEVERD)


class Uitstuurmelding(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    #: The rung of the statuut in force that day; its code, name and place are kept, since a
    #: statuut reload may replace the row.
    maatregelsoort = models.ForeignKey(Maatregelsoort, on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="+")
    maatregel_code = models.SlugField(_("maatregel"), max_length=40)
    maatregel_naam = models.CharField(_("naam van de maatregel"), max_length=200)
    trede = models.PositiveSmallIntegerField(_("trede op de ladder"), null=True, blank=True)
    #: Bijlage A: "een brief ... naar je ouder(s)/verzorger(s)" where the rung says so.
    schriftelijk = models.BooleanField(_("uitstuurbrief aan de ouders"), default=False)

    docent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("leraar"))
    tijdstip = models.DateTimeField(_("tijdstip"))
    datum = models.DateField(_("datum"), db_index=True)
    vak = models.CharField(_("les / vak"), max_length=80)
    lesuur = models.PositiveSmallIntegerField(_("lesuur"), null=True, blank=True)
    reden_kort = models.CharField(_("reden in het kort"), max_length=300)

    stand = FSMField(_("stand"), max_length=15, choices=Stand.choices,
                     default=Stand.UITGESTUURD, protected=True)
    # Part 1: the pupil's own account, written down with the teamleider.
    gemeld_bij = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+")
    gemeld_op = models.DateTimeField(_("gemeld op"), null=True, blank=True)
    verhaal_leerling = models.TextField(_("reden volgens de leerling"), blank=True)
    # Part 2: the teacher's reason and the conversation (or its appointment).
    reden_docent = models.TextField(_("reden volgens de leraar"), blank=True)
    gesprek = models.TextField(_("gesprek tussen leraar en leerling"), blank=True)
    afspraak_op = models.DateField(_("afspraak voor het gesprek op"), null=True, blank=True)
    toegelicht_op = models.DateTimeField(null=True, blank=True)
    # Part 3: the punishment, if any; then the teacher hands the letter in.
    straf = models.TextField(_("straf"), blank=True)
    ingeleverd_op = models.DateTimeField(null=True, blank=True)
    afgerond_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      null=True, blank=True, related_name="+")
    afgerond_op = models.DateTimeField(null=True, blank=True)
    brief = models.ForeignKey(Brief, on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+")
    ingetrokken_op = models.DateField(null=True, blank=True)
    toelichting_intrekking = models.TextField(blank=True)

    #: The teacher's deadline: completed by the end of the school day (bijlage A).
    termijn = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+")
    dossierstuk = models.ForeignKey(Dossierstuk, on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uitstuurmelding")
        verbose_name_plural = _("uitstuurmeldingen")
        ordering = ["-tijdstip", "-pk"]
        indexes = [models.Index(fields=["school", "stand", "tijdstip"],
                                name="uitstuur_open_idx")]

    def __str__(self) -> str:
        return f"uitstuurmelding {self.pk} ({self.leerling_id}, {self.datum})"

    # Transitions have no side effects: the services record entries, deadlines and letters.
    @transition(field=stand, source=Stand.UITGESTUURD, target=Stand.GEMELD)
    def melden(self, *, door, op, verhaal: str) -> None:
        self.gemeld_bij, self.gemeld_op, self.verhaal_leerling = door, op, verhaal

    @transition(field=stand, source=Stand.GEMELD, target=Stand.TOEGELICHT)
    def toelichten(self, *, op, reden: str, gesprek: str, afspraak_op) -> None:
        self.reden_docent, self.gesprek, self.afspraak_op = reden, gesprek, afspraak_op
        self.toegelicht_op = op

    @transition(field=stand, source=Stand.TOEGELICHT, target=Stand.INGELEVERD)
    def inleveren(self, *, op, straf: str, gesprek: str) -> None:
        self.straf, self.ingeleverd_op = straf, op
        if gesprek:
            self.gesprek = gesprek

    @transition(field=stand, source=Stand.INGELEVERD, target=Stand.AFGEROND)
    def afronden(self, *, door, op) -> None:
        self.afgerond_door, self.afgerond_op = door, op

    @transition(field=stand, source=[*OPEN, Stand.AFGEROND], target=Stand.INGETROKKEN)
    def intrekken(self, *, op, toelichting: str) -> None:
        self.ingetrokken_op, self.toelichting_intrekking = op, toelichting

    @property
    def is_open(self) -> bool:
        return self.stand in OPEN
