"""The stamp of the statuut's rules and the roles (`statuut/stempel.py`): one row whose value
changes, in the writer's own transaction, with every insert, update, delete or truncate of a
school, a statuut version, its access matrix, its authority rows or its bodies, whoever
writes them (the application, a migration, psql); dossiers/0018 adds the role assignments
and grants.
A process may keep those rows between requests for as long as the stamp it reads is the one
it read them under.

PostgreSQL takes each value from a sequence: a rolled-back transaction does not give its
value back, so a stamp that was never committed never comes again. SQLite (for trying the
product out) has no sequences and only row triggers: a random 63-bit value per row.

The table is not a Django model on purpose: the tests' flush empties every model's table,
and a missing stamp would switch the cache off for the rest of the run."""

from django.db import migrations

from statuut.stempel import bewaken, niet_meer_bewaken

TABELLEN = ("statuut_school", "statuut_statuut", "statuut_toegangsregel",
            "statuut_bevoegdheid", "statuut_orgaanrol")

STEMPEL = {
    "postgresql": (
        ["CREATE SEQUENCE statuut_regelstempel_volgnummer",
         """CREATE TABLE statuut_regelstempel (
                id smallint PRIMARY KEY CHECK (id = 1),
                waarde bigint NOT NULL)""",
         """INSERT INTO statuut_regelstempel (id, waarde)
            VALUES (1, nextval('statuut_regelstempel_volgnummer'))""",
         """CREATE FUNCTION statuut_regelstempel_verzetten() RETURNS trigger AS $$
            BEGIN
                UPDATE statuut_regelstempel
                   SET waarde = nextval('statuut_regelstempel_volgnummer') WHERE id = 1;
                RETURN NULL;
            END;
            $$ LANGUAGE plpgsql"""],
        ["DROP FUNCTION IF EXISTS statuut_regelstempel_verzetten()",
         "DROP TABLE IF EXISTS statuut_regelstempel",
         "DROP SEQUENCE IF EXISTS statuut_regelstempel_volgnummer"]),
    "sqlite": (
        ["""CREATE TABLE statuut_regelstempel (
                id integer PRIMARY KEY CHECK (id = 1),
                waarde integer NOT NULL)""",
         "INSERT INTO statuut_regelstempel (id, waarde) VALUES (1, abs(random()))"],
        ["DROP TABLE IF EXISTS statuut_regelstempel"]),
}


def aanzetten(apps, schema_editor):
    for sql in STEMPEL.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(sql, params=None)
    if schema_editor.connection.vendor in STEMPEL:
        bewaken(schema_editor, *TABELLEN)


def uitzetten(apps, schema_editor):
    if schema_editor.connection.vendor in STEMPEL:
        niet_meer_bewaken(schema_editor, *TABELLEN)
    for sql in STEMPEL.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("statuut", "0019_indexen_voor_de_startpaginas")]

    operations = [migrations.RunPython(aanzetten, uitzetten)]
