"""The people and their file: pupils, parents, groups, staff and their roles, dossier entries."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from statuut.models import Dossiersectie, Gegevenscategorie, Rol, School, Schooljaar


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
    # The pupil as a principal of their own rights (Echnaton art. 9.3 and 9.6, Noordgouw
    # art. 6.1): the account they will log in with on the portal. Not a data category.
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="leerlingaccount",
                                verbose_name=_("account van de leerling"))
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

    # B: a pupil of age decides whether the parents still receive letters (AVG).
    toestemming_ouders_informeren_op = categorie("B", models.DateField(
        _("meerderjarige leerling gaf toestemming ouders te informeren op"), null=True,
        blank=True,
        help_text=_("Leeg: ouders van een meerderjarige leerling krijgen geen brieven."),
    ))

    groepen = models.ManyToManyField(
        Groep, through="Groepsplaatsing", related_name="leerlingen", verbose_name=_("groepen")
    )

    class Meta:
        verbose_name = _("leerling")
        verbose_name_plural = _("leerlingen")
        # Explicit grants on one pupil (django-guardian); `view_leerling` is the limited part.
        permissions = [
            ("inzien_dossier", _("Mag het persoonlijk dossier van deze leerling inzien")),
            ("inzien_zorg", _("Mag het zorgdossier van deze leerling inzien")),
        ]
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
    # A parent as a principal: their rights follow from `Ouderschap.gezag` per pupil.
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="ouderaccount",
                                verbose_name=_("account van de ouder"))
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


class Verwijdergrond(models.TextChoices):
    """The procedures that may take an entry out of a dossier; nothing else can."""

    BEZWAAR_GEGROND = "bezwaar_gegrond", _("bezwaar gegrond verklaard")
    JAARLIJKSE_OPSCHONING = "jaarlijkse_opschoning", _("jaarlijkse opschoning door de mentor")
    BEWAARTERMIJN = "bewaartermijn", _("bewaartermijn verstreken")
    CORRECTIEVERZOEK = "correctieverzoek", _("verzoek om verwijdering van leerling of ouders "
                                             "toegewezen")


class Dossierstuk(models.Model):
    """One entry in a pupil's personal dossier: a note, a letter, a decision, a document.

    Never edited in place: a correction is a new entry that `vervangt` this one (an
    addendum), and removal keeps the row as a tombstone (`verwijderd_*`) with its content
    wiped. `dossiers.dossier` is the only writer.

    Guarded here as well, so a slip elsewhere fails loudly instead of rewriting the record:
    `save()` of an existing row refuses any change, `delete()` refuses always, and the
    queryset's `update()`, `delete()` and `bulk_update()` refuse (also through a pupil's
    `dossierstukken`). On PostgreSQL a trigger (migration 0008) refuses the same in the
    database itself, raw SQL included.
    """

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
    vervangt = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="addenda",
        verbose_name=_("corrigeert"),
    )
    correctiereden = models.TextField(_("reden van de correctie"), blank=True)
    verwijderd_op = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    verwijderd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="verwijderde_dossierstukken",
    )
    verwijdergrond = models.CharField(_("grond voor verwijdering"), max_length=30,
                                      choices=Verwijdergrond.choices, blank=True)
    verwijdertoelichting = models.TextField(_("toelichting bij verwijdering"), blank=True)

    class _Stukken(models.QuerySet):
        """Dossier entries as a queryset: no bulk edits or deletes by accident."""

        def update(self, **kwargs):
            raise ValueError("Dossierstukken worden nooit in bulk gewijzigd: corrigeer met "
                             "dossiers.dossier.stuk_corrigeren, verwijder met "
                             "dossiers.dossier.stukken_verwijderen.")

        def bulk_update(self, objs, fields, batch_size=None):
            # Refused before Django opens its transaction, which would otherwise be broken.
            self.update()

        def delete(self):
            raise ValueError("Dossierstukken worden nooit gewist: verwijder ze met "
                             "dossiers.dossier.stukken_verwijderen; er blijft een grafsteen.")

        def _grafstenen_zetten(self, *, door, op, grond: str, toelichting: str) -> int:
            """Wipe the content and mark the rows removed. Only for
            `dossiers.dossier.stukken_verwijderen`, which checks ground and policy first."""
            return models.QuerySet.update(
                self.filter(verwijderd_op__isnull=True), inhoud="", verwijderd_op=op,
                verwijderd_door=door, verwijdergrond=grond, verwijdertoelichting=toelichting,
            )

    objects = _Stukken.as_manager()

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
            ),
            models.CheckConstraint(
                condition=Q(verwijderd_op__isnull=True, verwijdergrond="")
                | Q(verwijderd_op__isnull=False, verwijderd_door__isnull=False)
                & ~Q(verwijdergrond=""),
                name="dossierstuk_verwijdering_volledig",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def save(self, *args, **kwargs):
        if not self._state.adding and self.pk is not None:
            self._weiger_wijziging(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Een dossierstuk wordt nooit gewist: verwijder het met "
                         "dossiers.dossier.stukken_verwijderen; er blijft een grafsteen.")

    def _weiger_wijziging(self, update_fields=None) -> None:
        """Refuse saving an existing entry with any field changed (never edited in place)."""
        velden = [f for f in self._meta.concrete_fields if not f.primary_key]
        if update_fields is not None:
            namen = set(update_fields)
            velden = [f for f in velden if f.name in namen or f.attname in namen]
        opgeslagen = (type(self)._base_manager.using(self._state.db)
                      .filter(pk=self.pk).values(*[f.attname for f in velden]).first())
        if opgeslagen is None:
            return
        gewijzigd = [f.name for f in velden if getattr(self, f.attname) != opgeslagen[f.attname]]
        if gewijzigd:
            raise ValueError(
                "Een dossierstuk wordt nooit ter plekke gewijzigd (gewijzigd: "
                f"{', '.join(gewijzigd)}). Een correctie is een addendum "
                "(dossiers.dossier.stuk_corrigeren); verwijderen kan alleen met "
                "dossiers.dossier.stukken_verwijderen."
            )

    @property
    def is_verwijderd(self) -> bool:
        return self.verwijderd_op is not None


class Document(models.Model):
    """A file that belongs to a dossier entry (a scan of a report the parents signed).

    Kept in the database, like a letter's PDF, so it is never reachable by a path: it is read
    only through the dossier's download view, which asks `dossiers.toegang` and logs the read.
    `dossiers.documenten` is its only writer. An upload is stored first without an entry
    (pending, found again by its `token`), so a form with an error keeps the file; the flow's
    service ties it to the entry it writes.
    """

    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="documenten")
    dossierstuk = models.OneToOneField(Dossierstuk, on_delete=models.PROTECT, null=True,
                                       blank=True, related_name="document")
    token = models.UUIDField(unique=True, editable=False)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    mimetype = models.CharField(_("soort bestand"), max_length=40)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    inhoud = models.BinaryField(_("inhoud"), null=True, blank=True, editable=False)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="+")
    geupload_op = models.DateTimeField(_("geüpload op"), auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-geupload_op"]

    def __str__(self) -> str:
        return f"{self.bestandsnaam} ({self.grootte} bytes)"


class Inzagesoort(models.TextChoices):
    """What kind of record a read-log row touches, beyond the central administration.

    A row names its part plainly ("zorgdossier (niveau 4)", "klacht", "schorsing"); who may
    see those words in the log follows who may see the subject itself (`toegang.inzagelog_
    soorten`): the others see the row with a neutral part name, so the log page does not
    tell a functioneel beheerder which pupils have care, complaint or measure records.
    """

    DOSSIER = "dossier", _("persoonlijk dossier en maatregelen")
    ZORG = "zorg", _("zorgdossier")
    KLACHT = "klacht", _("klachten, beroep en bezwaar")
    VERTROUWELIJK = "vertrouwelijk", _("vertrouwelijke melding")


class Inzage(models.Model):
    """Who read which part of which pupil's data, and when (AVG). Append-only.

    One row per page view: a page about one pupil names the pupil and the parts shown
    (`onderdeel`); a page listing pupils names the list, its filter, how many pupils it
    showed and their numbers (`lijst`, `filter`, `aantal`, `leerlingnummers`), one row per
    school whose pupils it showed. `soorten` says which kinds of record (`Inzagesoort`)
    the row touches, so the log page can show the part names only to whom may see them.

    The pupil and the reader are kept without a database constraint, and their number and
    username are copied in, so deleting a pupil or an account leaves the log whole; on
    PostgreSQL a trigger refuses every UPDATE and DELETE of a row.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING,
                             db_constraint=False, related_name="inzages")
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    rollen = models.JSONField(_("rollen op dat moment"), default=list, blank=True)
    # Empty on a list row (several pupils: see `leerlingnummers`).
    leerling = models.ForeignKey(Leerling, on_delete=models.DO_NOTHING, db_constraint=False,
                                 null=True, blank=True, related_name="inzages")
    leerlingnummer = models.CharField(_("leerlingnummer"), max_length=20, blank=True)
    school = models.ForeignKey(School, on_delete=models.DO_NOTHING, db_constraint=False,
                               null=True, blank=True, related_name="+")
    onderdeel = models.CharField(_("onderdeel"), max_length=300)
    lijst = models.CharField(_("lijst"), max_length=100, blank=True)
    filter = models.CharField(_("filter"), max_length=300, blank=True)
    aantal = models.PositiveIntegerField(_("aantal leerlingen"), null=True, blank=True)
    # The numbers shown on a list page, separated by single spaces.
    leerlingnummers = models.TextField(_("getoonde leerlingnummers"), blank=True)
    # Inzagesoort values, sorted, comma-separated ("" for the central administration only).
    soorten = models.CharField(_("soorten gegevens"), max_length=100, blank=True)
    object_type = models.ForeignKey(ContentType, on_delete=models.DO_NOTHING,
                                    db_constraint=False, null=True, blank=True, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzagelog")
        ordering = ["-tijdstip"]
        indexes = [models.Index(fields=["leerling", "-tijdstip"], name="inzage_leerling_idx"),
                   models.Index(fields=["user", "-tijdstip"], name="inzage_user_idx"),
                   # The log page: a school's rows newest first, searched by reader (issue 15).
                   models.Index(fields=["school", "-tijdstip"], name="inzage_school_idx"),
                   models.Index(fields=["gebruikersnaam", "-tijdstip"],
                                name="inzage_lezer_idx")]

    def __str__(self) -> str:
        if self.lijst:
            return (f"{self.gebruikersnaam} las {self.lijst} "
                    f"({self.aantal} leerlingen: {self.leerlingnummers})")
        return f"{self.gebruikersnaam} las {self.onderdeel} van leerling {self.leerlingnummer}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Het inzagelog wordt nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Het inzagelog wordt nooit verwijderd.")

    @property
    def is_lijst(self) -> bool:
        return bool(self.lijst)

    @property
    def soortenlijst(self) -> frozenset[str]:
        return frozenset(s for s in self.soorten.split(",") if s)


class Toekenningsomvang(models.TextChoices):
    BEPERKT = "beperkt", _("beperkte gegevens (A, D, E en G)")
    DOSSIER = "dossier", _("leerlinggegevens en persoonlijk dossier")
    ZORG = "zorg", _("zorgdossier")


#: The guardian permission (on Leerling) behind each scope.
TOEKENNING_PERMISSIE = {
    Toekenningsomvang.BEPERKT: "view_leerling",
    Toekenningsomvang.DOSSIER: "inzien_dossier",
    Toekenningsomvang.ZORG: "inzien_zorg",
}


class Toekenning(models.Model):
    """An explicit grant on one pupil to one person: who gave it, why, from when until when.

    The right itself is a django-guardian object permission; `dossiers.toegang` honours it
    only while a Toekenning covers it on that day, so it lapses by itself at `geldig_tot`.
    """

    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="toekenningen")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="toekenningen", verbose_name=_("aan"))
    omvang = models.CharField(_("omvang"), max_length=10, choices=Toekenningsomvang.choices)
    reden = models.TextField(_("reden"))
    verleend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="verleende_toekenningen")
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    geldig_tot = models.DateField(_("geldig tot en met"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="ingetrokken_toekenningen",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("toekenning")
        verbose_name_plural = _("toekenningen")
        ordering = ["-geldig_vanaf", "-aangemaakt_op"]
        constraints = [models.CheckConstraint(condition=Q(geldig_tot__gte=models.F("geldig_vanaf")),
                                              name="toekenning_periode")]

    def __str__(self) -> str:
        return f"{self.get_omvang_display()} voor {self.user_id} op leerling {self.leerling_id}"


class Agendalink(models.Model):
    """The secret address of a user's deadline feed (iCalendar). Only its hash is stored;
    a new link replaces the old one, and revoking deletes it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="agendalink")
    sleutel_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agendalink")
        verbose_name_plural = _("agendalinks")

    def __str__(self) -> str:
        return f"agendalink van {self.user_id}"


class Briefstatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("aangevraagd")
    GEMAAKT = "gemaakt", _("gemaakt")
    VERZONDEN = "verzonden", _("verzonden")
    MISLUKT = "mislukt", _("mislukt")


class Verzendwijze(models.TextChoices):
    EMAIL = "email", _("per e-mail")
    PRINT = "print", _("afdrukken en per post")


class Brief(models.Model):
    """A letter about a pupil: requested with the decision that needs it, rendered to PDF by a
    Celery task after commit, kept as a dossier entry, then e-mailed or printed.

    `sleutel` names the request (e.g. the decision and the letter kind); a second request with
    the same key returns the same letter, so rendering the same request twice gives one letter.
    """

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="brieven")
    leerling = models.ForeignKey(Leerling, on_delete=models.PROTECT, related_name="brieven")
    soort = models.CharField(_("soort brief"), max_length=60)
    sleutel = models.CharField(max_length=200, unique=True)
    status = FSMField(_("status"), max_length=15, choices=Briefstatus.choices,
                      default=Briefstatus.AANGEVRAAGD, protected=True)
    datum = models.DateField(_("datum van de brief"))
    gegevens = models.JSONField(_("gegevens waaruit de brief is gemaakt"), default=dict)
    statuut = models.ForeignKey("statuut.Statuut", on_delete=models.PROTECT, null=True,
                                blank=True, related_name="+")
    pdf = models.BinaryField(_("pdf"), null=True, blank=True, editable=False)
    paginas = models.PositiveSmallIntegerField(_("pagina's"), null=True, blank=True)
    verzendwijze = models.CharField(_("verzendwijze"), max_length=10,
                                    choices=Verzendwijze.choices, blank=True)
    printreden = models.CharField(_("waarom afdrukken"), max_length=300, blank=True)
    fout = models.TextField(_("reden van mislukken"), blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    bron_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")
    bron_id = models.PositiveBigIntegerField(null=True, blank=True)
    bron = GenericForeignKey("bron_type", "bron_id")
    dossierstuk = models.OneToOneField(Dossierstuk, on_delete=models.PROTECT, null=True,
                                       blank=True, related_name="brief")
    aangevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         related_name="aangevraagde_brieven")
    aangevraagd_op = models.DateTimeField(auto_now_add=True)
    gemaakt_op = models.DateTimeField(null=True, blank=True)
    verzonden_op = models.DateTimeField(null=True, blank=True)
    verzonden_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                       null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        ordering = ["-aangevraagd_op"]
        indexes = [models.Index(fields=["school", "status"], name="brief_uitgaand_idx")]

    def __str__(self) -> str:
        return f"{self.soort} voor leerling {self.leerling_id} ({self.datum:%d-%m-%Y})"

    @transition(field=status, source=Briefstatus.AANGEVRAAGD, target=Briefstatus.GEMAAKT)
    def maken(self, *, pdf: bytes, paginas: int, dossierstuk) -> None:
        self.pdf, self.paginas, self.dossierstuk = pdf, paginas, dossierstuk
        self.fout = ""

    @transition(field=status, source=Briefstatus.AANGEVRAAGD, target=Briefstatus.MISLUKT)
    def mislukken(self, *, reden: str) -> None:
        self.fout = reden

    @transition(field=status, source=Briefstatus.MISLUKT, target=Briefstatus.AANGEVRAAGD)
    def opnieuw(self) -> None:
        self.fout = ""

    @transition(field=status, source=Briefstatus.GEMAAKT, target=Briefstatus.VERZONDEN)
    def verzenden(self, *, door, wijze: str) -> None:
        """Sent by e-mail, or printed and posted; `wijze` records how it actually went."""
        self.verzonden_door, self.verzendwijze = door, wijze


class BriefOntvanger(models.Model):
    """Who a letter goes to, as known when it was requested (a snapshot)."""

    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="ontvangers")
    partij = models.CharField(_("partij"), max_length=20)  # statuut.Partij values
    afschrift = models.BooleanField(_("afschrift"), default=False)
    ouder = models.ForeignKey(Ouder, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    naam = models.CharField(_("naam"), max_length=200)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    postcode_plaats = models.CharField(_("postcode en plaats"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Each recipient's own channel: who had an e-mail message, who was sent the printed
    # letter. A recipient without an e-mail address (the inspectie, the board, a pupil
    # without one) is never counted as sent by e-mail: they wait here for post.
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    verzonden_via = models.CharField(_("verzonden via"), max_length=10,
                                     choices=Verzendwijze.choices, blank=True)

    class Meta:
        verbose_name = _("ontvanger")
        verbose_name_plural = _("ontvangers")
        ordering = ["afschrift", "pk"]

    def __str__(self) -> str:
        return self.naam


class Briefinstellingen(models.Model):
    """A school's letterhead, signatory and the addresses of the outside parties."""

    school = models.OneToOneField(School, on_delete=models.CASCADE,
                                  related_name="briefinstellingen")
    briefhoofd = models.TextField(_("briefhoofd (regels onder de schoolnaam)"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    ondertekenaar_naam = models.CharField(_("ondertekenaar"), max_length=200, blank=True)
    ondertekenaar_functie = models.CharField(_("functie ondertekenaar"), max_length=200,
                                             blank=True)
    voettekst = models.CharField(_("voettekst"), max_length=300, blank=True)
    inspectie_adres = models.TextField(
        _("adres inspectie"), blank=True,
        default="Inspectie van het Onderwijs\nPostbus 2730\n3500 GS Utrecht",
    )
    inspectie_email = models.EmailField(_("e-mail inspectie"), blank=True)
    bevoegd_gezag_adres = models.TextField(
        _("adres bevoegd gezag"), blank=True,
        help_text=_("Alleen het adres (bijv. 't.a.v. het College van Bestuur', postbus, "
                    "postcode en plaats): de naam komt van het bestuur van de school."))
    bevoegd_gezag_email = models.EmailField(_("e-mail bevoegd gezag"), blank=True)
    leerplicht_adres = models.TextField(_("adres leerplichtambtenaar"), blank=True)
    leerplicht_email = models.EmailField(_("e-mail leerplichtambtenaar"), blank=True)

    class Meta:
        verbose_name = _("briefinstellingen")
        verbose_name_plural = _("briefinstellingen")

    def __str__(self) -> str:
        return str(self.school)


class Bundelstatus(models.TextChoices):
    BEZIG = "bezig", _("wordt gemaakt")
    KLAAR = "klaar", _("klaar")
    MISLUKT = "mislukt", _("mislukt")


class Briefbundel(models.Model):
    """Several letters joined into one PDF to print, made by a Celery task with progress."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="briefbundels")
    aangevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                         related_name="+")
    brieven = models.ManyToManyField(Brief, related_name="bundels")
    totaal = models.PositiveIntegerField(default=0)
    klaar = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Bundelstatus.choices,
                              default=Bundelstatus.BEZIG)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    fout = models.TextField(blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("briefbundel")
        verbose_name_plural = _("briefbundels")
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"bundel van {self.totaal} brieven ({self.get_status_display()})"


__all__ = ["Dossiersectie", "Gegevenscategorie"]


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


# The change log and the changes waiting for the directie (issue 11), in their own module.
from .models_wijzigingen import (  # noqa: E402,F401
    Verzoekstatus,
    Wijziging,
    Wijzigingsactie,
    Wijzigingsoort,
    Wijzigingsverzoek,
)
