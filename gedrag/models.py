"""The daily pedagogical measures (issue 14): the statuut's ladder rungs that the sancties
flow does not handle (soort waarschuwing, strafwerk, corvee, kaart), and fraude during a
test (Echnaton art. 4.13, Noordgouw art. 23).

One `Lesmaatregel` is one measure for one pupil; a measure given to several pupils at once
is several rows with one `groep_id`. The offence is always stated (Echnaton art. 7.4,
Noordgouw art. 22.2: "duidelijk voor welke overtreding"). Its state is a django-fsm field
changed only by `gedrag.services`: opgelegd, then uitgevoerd or niet uitgevoerd (bijlage A:
"Je houdt je niet aan de gemaakte strafafspraken": the teamleider gets a deadline), or
ingetrokken (corrected by the one who imposed it, or annulled after beroep). Where the
offence is one the statuut names for the police (`Statuut.overtredingen`), the aangifte has
its own small machine: open, then gedaan (date, by whom) or niet gedaan (why not).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from dossiers.models import Dossierstuk, Leerling
from statuut.models import Maatregelsoort, Statuut, Termijn


class Stand(models.TextChoices):
    OPGELEGD = "opgelegd", _("opgelegd")
    UITGEVOERD = "uitgevoerd", _("uitgevoerd")
    NIET_UITGEVOERD = "niet_uitgevoerd", _("niet uitgevoerd")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


class Aangifte(models.TextChoices):
    NVT = "nvt", _("niet van toepassing")
    OPEN = "open", _("nog vast te leggen")
    GEDAAN = "gedaan", _("aangifte gedaan")
    NIET_GEDAAN = "niet_gedaan", _("geen aangifte gedaan")


def _heeft_afspraak(m: Lesmaatregel) -> bool:
    """Only a measure with something to carry out (strafwerk inleveren, corvee) can be
    carried out or not; a warning or a fraud decision cannot."""
    return bool(m.afspraak)


class Lesmaatregel(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="+")
    statuut = models.ForeignKey(Statuut, on_delete=models.PROTECT, related_name="+")
    #: The rung of the statuut in force on `datum`; empty for fraude.
    maatregelsoort = models.ForeignKey(Maatregelsoort, on_delete=models.PROTECT, null=True,
                                       blank=True, related_name="+")
    #: Fraude: the statuut's measure (`Statuut.fraudemaatregelen`), kept as it was then.
    fraude_code = models.SlugField(_("fraudemaatregel"), max_length=40, blank=True)
    fraude_naam = models.CharField(_("maatregel bij fraude"), max_length=200, blank=True)
    cijfer = models.CharField(_("cijfer"), max_length=10, blank=True)
    artikel = models.CharField(_("artikel"), max_length=40, blank=True)
    #: The pupils who got this measure together share it.
    groep_id = models.UUIDField(_("groep"), default=uuid.uuid4, db_index=True)
    opgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="+")
    #: The role in which the rows gave it (a beroep is against a measure of that role).
    opgelegd_als = models.CharField(_("opgelegd als"), max_length=40)
    datum = models.DateField(_("datum"), db_index=True)
    lesuur = models.PositiveSmallIntegerField(_("lesuur"), null=True, blank=True)
    vak = models.CharField(_("vak"), max_length=60, blank=True)
    overtreding = models.TextField(_("overtreding"))
    afspraak = models.TextField(_("afspraak (wat, en wanneer)"), blank=True)
    uiterlijk = models.DateField(_("uit te voeren uiterlijk"), null=True, blank=True)
    stand = FSMField(_("stand"), max_length=20, choices=Stand.choices,
                     default=Stand.OPGELEGD, protected=True)
    toelichting = models.TextField(_("toelichting bij de laatste stap"), blank=True)
    afgehandeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         null=True, blank=True, related_name="+")
    afgehandeld_op = models.DateField(_("afgehandeld op"), null=True, blank=True)
    # The police (Echnaton art. 7.5, Noordgouw art. 11.2.10 and 11.6).
    categorie = models.SlugField(_("soort overtreding"), max_length=40, blank=True)
    categorie_naam = models.CharField(_("soort overtreding (tekst)"), max_length=200,
                                      blank=True)
    aangifte = FSMField(_("aangifte"), max_length=15, choices=Aangifte.choices,
                        default=Aangifte.NVT, protected=True)
    aangifte_op = models.DateField(_("aangifte gedaan op"), null=True, blank=True)
    aangifte_door = models.CharField(_("aangifte gedaan door"), max_length=200, blank=True)
    aangifte_reden = models.TextField(_("waarom geen aangifte"), blank=True)
    #: The teamleider's deadline when it was not carried out (bijlage A).
    termijn_opvolging = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True,
                                          blank=True, related_name="+")
    #: The schoolleiding's notice (Noordgouw art. 11.6).
    termijn_melding = models.ForeignKey(Termijn, on_delete=models.PROTECT, null=True,
                                        blank=True, related_name="+")
    dossierstuk = models.ForeignKey(Dossierstuk, on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lesmaatregel")
        verbose_name_plural = _("lesmaatregelen")
        ordering = ["-datum", "-pk"]
        constraints = [
            # A rung of the ladder, or a measure for fraude: exactly one.
            models.CheckConstraint(
                condition=(Q(maatregelsoort__isnull=False, fraude_code="")
                           | Q(maatregelsoort__isnull=True) & ~Q(fraude_code="")),
                name="lesmaatregel_trede_of_fraude"),
            models.CheckConstraint(condition=~Q(overtreding=""),
                                   name="lesmaatregel_overtreding_verplicht"),
        ]
        indexes = [models.Index(fields=["leerling", "datum"], name="lesmaatregel_ladder_idx")]

    def __str__(self) -> str:
        return f"{self.naam} {self.leerling_id} {self.datum}"

    @property
    def naam(self) -> str:
        if self.maatregelsoort_id:
            return self.maatregelsoort.naam
        return _("Fraude: %(m)s") % {"m": self.fraude_naam}

    @property
    def is_fraude(self) -> bool:
        return not self.maatregelsoort_id

    # Transitions have no side effects: the service records the entry and the deadlines.
    @transition(field=stand, source=Stand.OPGELEGD, target=Stand.UITGEVOERD,
                conditions=[_heeft_afspraak])
    def uitvoeren(self, *, door, op, toelichting: str) -> None:
        self.afgehandeld_door, self.afgehandeld_op, self.toelichting = door, op, toelichting

    @transition(field=stand, source=Stand.OPGELEGD, target=Stand.NIET_UITGEVOERD,
                conditions=[_heeft_afspraak])
    def niet_uitvoeren(self, *, door, op, toelichting: str) -> None:
        self.afgehandeld_door, self.afgehandeld_op, self.toelichting = door, op, toelichting

    @transition(field=stand, source=[Stand.OPGELEGD, Stand.UITGEVOERD, Stand.NIET_UITGEVOERD],
                target=Stand.INGETROKKEN)
    def intrekken(self, *, door, op, toelichting: str) -> None:
        self.afgehandeld_door, self.afgehandeld_op, self.toelichting = door, op, toelichting

    @transition(field=aangifte, source=Aangifte.OPEN, target=Aangifte.GEDAAN)
    def aangifte_gedaan(self, *, op, door_wie: str) -> None:
        self.aangifte_op, self.aangifte_door = op, door_wie

    @transition(field=aangifte, source=Aangifte.OPEN, target=Aangifte.NIET_GEDAAN)
    def aangifte_niet_gedaan(self, *, reden: str) -> None:
        self.aangifte_reden = reden
