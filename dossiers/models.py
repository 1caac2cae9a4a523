"""The people and their file: pupils, parents, groups, staff and their roles, dossier entries."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from statuut.models import Gegevenscategorie, Rol, School, Schooljaar


def categorie(cat: str, field: models.Field) -> models.Field:
    """Mark a field with the central-administration category (Echnaton art. 9.1) it belongs to."""
    field.categorie = cat
    return field


class Afdeling(models.Model):
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="afdelingen")
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")
        ordering = ["school", "naam"]
        constraints = [models.UniqueConstraint(fields=["school", "naam"],
                                               name="afdeling_uniek")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.school.korte_naam})"


class Medewerker(models.Model):
    """The staff member behind a Django user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="medewerker"
    )
    voorletters = models.CharField(_("voorletters"), max_length=20, blank=True)
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Roltoewijzing(models.Model):
    """A role of a staff member at one school, optionally for one department."""

    medewerker = models.ForeignKey(Medewerker, on_delete=models.CASCADE, related_name="rollen")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="roltoewijzingen")
    rol = models.CharField(_("rol"), max_length=40, choices=Rol.choices)
    afdeling = models.ForeignKey(
        Afdeling, on_delete=models.CASCADE, null=True, blank=True,
        help_text=_("Voor een teamleider: de afdeling die hij of zij leidt."),
    )

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            # Two partial constraints instead of nulls_distinct=False, which SQLite lacks.
            models.UniqueConstraint(fields=["medewerker", "school", "rol", "afdeling"],
                                    condition=Q(afdeling__isnull=False),
                                    name="roltoewijzing_uniek_per_afdeling"),
            models.UniqueConstraint(fields=["medewerker", "school", "rol"],
                                    condition=Q(afdeling__isnull=True),
                                    name="roltoewijzing_uniek_zonder_afdeling"),
        ]

    def __str__(self) -> str:
        return f"{self.get_rol_display()} ({self.school.korte_naam})"


class Groep(models.Model):
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="groepen")
    schooljaar = models.ForeignKey(Schooljaar, on_delete=models.PROTECT, related_name="groepen")
    afdeling = models.ForeignKey(
        Afdeling, on_delete=models.PROTECT, null=True, blank=True, related_name="groepen"
    )
    naam = models.CharField(_("naam"), max_length=50)
    mentoren = models.ManyToManyField(
        Medewerker, blank=True, related_name="mentorgroepen", verbose_name=_("mentoren")
    )

    class Meta:
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")
        ordering = ["school", "schooljaar", "naam"]
        constraints = [models.UniqueConstraint(fields=["school", "schooljaar", "naam"],
                                               name="groep_uniek")]

    def __str__(self) -> str:
        return f"{self.naam} {self.schooljaar}"


class Lesopdracht(models.Model):
    """Which teacher teaches which group (and subject)."""

    docent = models.ForeignKey(Medewerker, on_delete=models.CASCADE, related_name="lesopdrachten")
    groep = models.ForeignKey(Groep, on_delete=models.CASCADE, related_name="lesopdrachten")
    vak = models.CharField(_("vak"), max_length=100)

    class Meta:
        verbose_name = _("lesopdracht")
        verbose_name_plural = _("lesopdrachten")
        constraints = [models.UniqueConstraint(fields=["docent", "groep", "vak"],
                                               name="lesopdracht_uniek")]

    def __str__(self) -> str:
        return f"{self.docent} – {self.vak} {self.groep}"


class Leerling(models.Model):
    """The central administration data of a pupil, each field marked with its category."""

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="leerlingen")
    leerlingnummer = categorie("A", models.CharField(_("leerlingnummer"), max_length=20))
    # A: personalia
    roepnaam = categorie("A", models.CharField(_("roepnaam"), max_length=100))
    voornamen = categorie("A", models.CharField(_("voornamen"), max_length=200, blank=True))
    tussenvoegsel = categorie("A", models.CharField(_("tussenvoegsel"), max_length=20,
                                                    blank=True))
    achternaam = categorie("A", models.CharField(_("achternaam"), max_length=100))
    geboortedatum = categorie("A", models.DateField(_("geboortedatum")))
    geboorteplaats = categorie("A", models.CharField(_("geboorteplaats"), max_length=100,
                                                     blank=True))
    adres = categorie("A", models.CharField(_("adres"), max_length=200, blank=True))
    postcode = categorie("A", models.CharField(_("postcode"), max_length=10, blank=True))
    woonplaats = categorie("A", models.CharField(_("woonplaats"), max_length=100, blank=True))
    telefoon = categorie("A", models.CharField(_("telefoon"), max_length=30, blank=True))
    nationaliteit = categorie("A", models.CharField(_("nationaliteit"), max_length=100,
                                                    blank=True))
    land_van_herkomst = categorie("A", models.CharField(_("land van herkomst"), max_length=100,
                                                        blank=True))
    school_van_herkomst = categorie("A", models.CharField(_("school van herkomst"),
                                                          max_length=200, blank=True))
    advies_basisschool = categorie("A", models.CharField(_("advies basisschool"), max_length=100,
                                                         blank=True))
    # C: data needed for facilities
    faciliteitengegevens = categorie("C", models.TextField(
        _("gegevens voor faciliteiten (opleiding en beroep ouders)"), blank=True))
    # E: pupil tracking
    leerlingvolgsysteem = categorie("E", models.TextField(
        _("leerlingvolgsysteem (rapportgegevens)"), blank=True))
    # F, G, H: leaving school
    datum_vertrek = categorie("F", models.DateField(_("datum schoolverlaten"), null=True,
                                                    blank=True))
    reden_vertrek = categorie("F", models.CharField(_("reden schoolverlaten"), max_length=200,
                                                    blank=True))
    adres_na_vertrek = categorie("G", models.CharField(_("adres na vertrek"), max_length=200,
                                                       blank=True))
    telefoon_na_vertrek = categorie("G", models.CharField(_("telefoon na vertrek"),
                                                          max_length=30, blank=True))
    vervolgopleiding = categorie("H", models.CharField(
        _("vervolgopleiding (naam, adres, telefoon)"), max_length=300, blank=True))

    groepen = models.ManyToManyField(
        Groep, through="Groepsplaatsing", related_name="leerlingen", verbose_name=_("groepen")
    )

    class Meta:
        verbose_name = _("leerling")
        verbose_name_plural = _("leerlingen")
        ordering = ["achternaam", "roepnaam"]
        constraints = [models.UniqueConstraint(fields=["school", "leerlingnummer"],
                                               name="leerlingnummer_uniek")]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.roepnaam, self.tussenvoegsel, self.achternaam) if p)

    @classmethod
    def velden_van_categorie(cls, cat: str) -> list[models.Field]:
        return [f for f in cls._meta.fields if getattr(f, "categorie", None) == cat]


class Groepsplaatsing(models.Model):
    """Category D: the groups a pupil was placed in during the school career."""

    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="plaatsingen")
    groep = models.ForeignKey(Groep, on_delete=models.PROTECT, related_name="plaatsingen")

    class Meta:
        verbose_name = _("groepsplaatsing")
        verbose_name_plural = _("groepsplaatsingen")
        constraints = [models.UniqueConstraint(fields=["leerling", "groep"],
                                               name="groepsplaatsing_uniek")]

    def __str__(self) -> str:
        return f"{self.leerling_id} in {self.groep_id}"


class Ouder(models.Model):
    """A parent or carer (category B)."""

    voorletters = models.CharField(_("voorletters"), max_length=20, blank=True)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=100)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    geboorteplaats = models.CharField(_("geboorteplaats"), max_length=100, blank=True)
    leerlingen = models.ManyToManyField(Leerling, through="Ouderschap", related_name="ouders")

    class Meta:
        verbose_name = _("ouder/verzorger")
        verbose_name_plural = _("ouders/verzorgers")
        ordering = ["achternaam"]

    def __str__(self) -> str:
        return " ".join(p for p in (self.voorletters, self.tussenvoegsel, self.achternaam) if p)


class Ouderschap(models.Model):
    leerling = models.ForeignKey(Leerling, on_delete=models.CASCADE, related_name="ouderschappen")
    ouder = models.ForeignKey(Ouder, on_delete=models.CASCADE, related_name="ouderschappen")
    relatie = models.CharField(_("relatie"), max_length=50, default="ouder")
    gezag = models.BooleanField(_("heeft ouderlijk gezag"), default=True)

    class Meta:
        verbose_name = _("ouder van leerling")
        verbose_name_plural = _("ouders van leerling")
        constraints = [models.UniqueConstraint(fields=["leerling", "ouder"],
                                               name="ouderschap_uniek")]

    def __str__(self) -> str:
        return f"{self.relatie} van leerling {self.leerling_id}"


class Dossiersectie(models.TextChoices):
    """The parts of the personal dossier (Echnaton art. 9.2)."""

    TOELEVERENDE_SCHOOL = "toeleverende_school", _("Gegevens toeleverende school")
    RAPPORTEN_INSTANTIES = "rapporten_instanties", _("Rapporten van instanties")
    WELZIJN_LEERMOEILIJKHEDEN = "welzijn", _("Welzijn en leermoeilijkheden")
    CORRESPONDENTIE = "correspondentie", _("Correspondentie")
    VERZUIM = "verzuim", _("Verzuim")
    PERSOONLIJKE_OMSTANDIGHEDEN = "omstandigheden", _("Persoonlijke omstandigheden")
    GEDRAG = "gedrag", _("Gedrag (uitstuurbrieven, schorsingsbrieven)")


class Dossierstuk(models.Model):
    """One entry in a pupil's personal dossier: a note, a letter, a decision, a document."""

    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="dossierstukken")
    sectie = models.CharField(_("sectie"), max_length=30, choices=Dossiersectie.choices)
    titel = models.CharField(_("titel"), max_length=200)
    inhoud = models.TextField(_("inhoud"), blank=True)
    datum = models.DateField(_("datum"))
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="dossierstukken"
    )
    bron_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    bron_id = models.PositiveBigIntegerField(null=True, blank=True)
    bron = GenericForeignKey("bron_type", "bron_id")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dossierstuk")
        verbose_name_plural = _("dossierstukken")
        ordering = ["-datum", "-aangemaakt_op"]
        indexes = [models.Index(fields=["leerling", "sectie", "-datum"],
                                name="dossierstuk_sectie_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(bron_type__isnull=True, bron_id__isnull=True)
                | Q(bron_type__isnull=False, bron_id__isnull=False),
                name="dossierstuk_bron_volledig",
            )
        ]

    def __str__(self) -> str:
        return self.titel


class Inzage(models.Model):
    """Who read which part of which pupil's data, and when (AVG)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="inzages")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="inzages")
    onderdeel = models.CharField(_("onderdeel"), max_length=40)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagelog")
        ordering = ["-tijdstip"]

    def __str__(self) -> str:
        return f"{self.user_id} las {self.onderdeel} van leerling {self.leerling_id}"


__all__ = ["Gegevenscategorie"]


class LeerlingUserObjectPermission(UserObjectPermissionBase):
    """An explicit grant on one pupil to one user (django-guardian), with a real foreign key
    instead of guardian's generic table, so it cannot outlive or miss its pupil."""

    content_object = models.ForeignKey(Leerling, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("toekenning aan gebruiker")
        verbose_name_plural = _("toekenningen aan gebruikers")


class LeerlingGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Leerling, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        verbose_name = _("toekenning aan groep")
        verbose_name_plural = _("toekenningen aan groepen")
