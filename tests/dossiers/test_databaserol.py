"""In production the application connects as a role that owns no table (docker-compose:
`leerlingzorg_app`); migrations run as the owner. Shown here on PostgreSQL with `SET ROLE`:
as the application role, nobody can switch the append-only triggers off, truncate the read
log, or update or delete a row of it; a dossier entry can only become a proper tombstone."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from dossiers import audit, dossier
from dossiers.models import Dossierstuk, Inzage, Verwijdergrond
from statuut.models import Dossiersectie

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Databaserollen en triggers bestaan alleen in PostgreSQL; SQLite is om te proberen.")


@pytest.fixture
def als_app(wereld):
    """Run SQL as a fresh application role holding exactly `databaserechten`'s rights. The
    role and its grants live inside the test's transaction and vanish with its rollback."""
    rol = f"lz_app_{connection.settings_dict['NAME']}"[:63]
    with connection.cursor() as cur:
        cur.execute(f'CREATE ROLE "{rol}" NOLOGIN')
    call_command("databaserechten", rol, stdout=StringIO())

    def uitvoeren(sql, params=None):
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(f'SET LOCAL ROLE "{rol}"')
            cur.execute(sql, params)
            return cur.rowcount

    return uitvoeren


def _stuk(wereld, inhoud="Echt gebeurd") -> Dossierstuk:
    return dossier.stuk_toevoegen(
        door=wereld.mentor, leerling=wereld.anna, sectie=Dossiersectie.GEDRAG,
        titel="Gesprek", inhoud=inhoud, datum=date(2026, 10, 1), controleer=False)


@pytest.mark.parametrize(("sql", "melding"), [
    ("SET session_replication_role = replica", "permission denied"),
    ("ALTER TABLE dossiers_inzage DISABLE TRIGGER ALL", "must be owner"),
    ("ALTER TABLE dossiers_dossierstuk DISABLE TRIGGER ALL", "must be owner"),
    ("TRUNCATE dossiers_inzage", "permission denied"),
    ("TRUNCATE dossiers_dossierstuk CASCADE", "permission denied"),
    ("UPDATE dossiers_inzage SET onderdeel = 'niets'", "permission denied"),
    ("DELETE FROM dossiers_inzage", "permission denied"),
    ("DELETE FROM dossiers_dossierstuk", "permission denied"),
    ("DROP TABLE dossiers_inzage", "must be owner"),
    ("UPDATE dossiers_wijziging SET gebruikersnaam = 'niemand'", "permission denied"),
    ("DELETE FROM dossiers_wijziging", "permission denied"),
    ("TRUNCATE dossiers_wijziging", "permission denied"),
])
def test_de_applicatierol_kan_de_logboeken_niet_omzeilen(wereld, als_app, sql, melding):
    audit.inzage_vastleggen(user=wereld.mentor, leerling=wereld.anna, onderdeel="test")
    _stuk(wereld)
    voor = (list(Inzage.objects.values()), list(Dossierstuk.objects.values()))
    with pytest.raises(DatabaseError, match=melding):
        als_app(sql)
    assert (list(Inzage.objects.values()), list(Dossierstuk.objects.values())) == voor


def test_de_applicatierol_leest_en_vult_aan(wereld, als_app):
    assert als_app("SELECT 1 FROM dossiers_inzage") is not None
    audit.inzage_vastleggen(user=wereld.mentor, leerling=wereld.anna, onderdeel="test")
    assert als_app(
        "INSERT INTO dossiers_inzage (user_id, gebruikersnaam, rollen, leerling_id, "
        "leerlingnummer, school_id, onderdeel, lijst, filter, leerlingnummers, soorten, "
        "tijdstip) SELECT user_id, gebruikersnaam, rollen, leerling_id, leerlingnummer, "
        "school_id, onderdeel, lijst, filter, leerlingnummers, soorten, tijdstip "
        "FROM dossiers_inzage LIMIT 1") == 1
    assert Inzage.objects.count() == 2


def test_de_grafsteen_houdt_zijn_id_en_een_toelichting(wereld, als_app):
    stuk = _stuk(wereld)
    grafsteen = ("UPDATE dossiers_dossierstuk SET inhoud = '', verwijderd_op = now(), "
                 "verwijderd_door_id = %s, verwijdergrond = %s, verwijdertoelichting = %s")
    for extra, toelichting in [(", id = id + 1000", "Einde schooljaar"), ("", ""),
                               ("", "   ")]:
        with pytest.raises(DatabaseError, match="nooit gewijzigd"):
            als_app(grafsteen + extra + " WHERE id = %s",
                    [wereld.mentor.pk, Verwijdergrond.JAARLIJKSE_OPSCHONING, toelichting,
                     stuk.pk])
    assert Dossierstuk.objects.get(pk=stuk.pk).inhoud == "Echt gebeurd"
    # The real tombstone, as the application role, passes.
    assert als_app(grafsteen + " WHERE id = %s",
                   [wereld.mentor.pk, Verwijdergrond.JAARLIJKSE_OPSCHONING,
                    "Einde schooljaar", stuk.pk]) == 1
    assert Dossierstuk.objects.get(pk=stuk.pk).inhoud == ""


def test_het_commando_weigert_een_onbekende_rol(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("databaserechten", "bestaat_niet_xyz")
