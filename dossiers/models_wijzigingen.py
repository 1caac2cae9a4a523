"""Authority over authority (issue 11): the change log of roles, grants and statuut rules, and
the changes that wait for the directie.

`dossiers.wijzigingen` is the only writer of both. The log is append-only like the read log
(`Inzage`): its own copies of the actor's name and of what changed, no database constraints
that a deletion elsewhere could trip, refusals in `save()`, `delete()` and the queryset, and
on PostgreSQL a trigger (migration 0009) that refuses every UPDATE and DELETE of a row.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from statuut.models import School


class Wijzigingsoort(models.TextChoices):
    ROL = "rol", _("rol van een medewerker")
    REGEL = "regel", _("regel van het leerlingenstatuut")
    TOEKENNING = "toekenning", _("toegang tot één leerling")
    ACCOUNT = "account", _("account van een medewerker")


class Wijzigingsactie(models.TextChoices):
    TOEGEVOEGD = "toegevoegd", _("toegevoegd")
    GEWIJZIGD = "gewijzigd", _("gewijzigd")
    VERWIJDERD = "verwijderd", _("verwijderd")
    AANGEVRAAGD = "aangevraagd", _("aangevraagd, wacht op de directie")
    BEVESTIGD = "bevestigd", _("bevestigd door de directie en doorgevoerd")
    AFGEWEZEN = "afgewezen", _("afgewezen door de directie")
    VERVALLEN = "vervallen", _("vervallen")


class Wijziging(models.Model):
    """One change of a role, a grant or a statuut rule: who, when, which school, what, and the
    values before and after. Append-only; it outlives the rows and accounts it names."""

    class _Rijen(models.QuerySet):
        def update(self, **kwargs):
            raise ValueError("Het wijzigingslog wordt nooit gewijzigd.")

        def bulk_update(self, objs, fields, batch_size=None):
            self.update()

        def delete(self):
            raise ValueError("Het wijzigingslog wordt nooit gewist.")

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING,
                             db_constraint=False, null=True, blank=True, related_name="+")
    gebruikersnaam = models.CharField(_("door"), max_length=150, blank=True)
    school = models.ForeignKey(School, on_delete=models.DO_NOTHING, db_constraint=False,
                               null=True, blank=True, related_name="+")
    soort = models.CharField(_("soort"), max_length=12, choices=Wijzigingsoort.choices)
    actie = models.CharField(_("actie"), max_length=12, choices=Wijzigingsactie.choices)
    object_type = models.ForeignKey(ContentType, on_delete=models.DO_NOTHING,
                                    db_constraint=False, null=True, blank=True, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    omschrijving = models.CharField(_("wat"), max_length=300)
    voor = models.JSONField(_("voor"), null=True, blank=True)
    na = models.JSONField(_("na"), null=True, blank=True)
    verzoek = models.ForeignKey("Wijzigingsverzoek", on_delete=models.DO_NOTHING,
                                db_constraint=False, null=True, blank=True, related_name="+")

    objects = _Rijen.as_manager()

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingslog")
        ordering = ["-tijdstip", "-pk"]
        indexes = [models.Index(fields=["school", "-tijdstip"], name="wijziging_school_idx")]

    def __str__(self) -> str:
        return f"{self.gebruikersnaam}: {self.omschrijving} ({self.get_actie_display()})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Het wijzigingslog wordt nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Het wijzigingslog wordt nooit gewist.")


class Verzoekstatus(models.TextChoices):
    OPEN = "open", _("wacht op de directie")
    BEVESTIGD = "bevestigd", _("bevestigd en doorgevoerd")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    VERVALLEN = "vervallen", _("vervallen")


class Wijzigingsverzoek(models.Model):
    """A change that would open pupil, care, complaint or dossier content beyond what the one
    who asked may see: it waits until a member of the school's directie (never the one who
    asked) confirms it, and is only then applied; or the directie rejects it.

    `object_type`/`object_id` name the row the change is about (a rule row or a role), or
    nothing for a new row; `voor` and `na` are its values, `na` is what confirming writes.
    """

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(_("soort"), max_length=12, choices=Wijzigingsoort.choices)
    model = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    omschrijving = models.CharField(_("wat"), max_length=300)
    voor = models.JSONField(_("voor"), null=True, blank=True)
    na = models.JSONField(_("na"))
    status = FSMField(_("status"), max_length=10, choices=Verzoekstatus.choices,
                      default=Verzoekstatus.OPEN, protected=True)
    aangevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         related_name="+")
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    beslist_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")
    beslist_op = models.DateTimeField(_("beslist op"), null=True, blank=True)
    reden = models.TextField(_("reden"), blank=True)
    termijn = models.ForeignKey("statuut.Termijn", on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+")

    class Meta:
        verbose_name = _("wijzigingsverzoek")
        verbose_name_plural = _("wijzigingsverzoeken")
        ordering = ["-aangevraagd_op", "-pk"]
        indexes = [models.Index(fields=["school", "status"], name="wijzigingsverzoek_open_idx")]

    def __str__(self) -> str:
        return self.omschrijving

    @transition(field=status, source=Verzoekstatus.OPEN, target=Verzoekstatus.BEVESTIGD)
    def bevestigen(self, *, door, op) -> None:
        self.beslist_door, self.beslist_op = door, op

    @transition(field=status, source=Verzoekstatus.OPEN, target=Verzoekstatus.AFGEWEZEN)
    def afwijzen(self, *, door, op, reden: str) -> None:
        self.beslist_door, self.beslist_op, self.reden = door, op, reden

    @transition(field=status, source=Verzoekstatus.OPEN, target=Verzoekstatus.VERVALLEN)
    def vervallen(self, *, door, op, reden: str) -> None:
        self.beslist_door, self.beslist_op, self.reden = door, op, reden
