#!/bin/sh
# Runs once, when the PostgreSQL volume is first created (docker-entrypoint-initdb.d).
# Two roles besides the cluster's superuser, which the application never uses:
# - leerlingzorg_eigenaar owns the database and its tables; only the `migrate` service
#   connects as it (migrations, then `manage.py databaserechten`);
# - leerlingzorg_app is what web, worker and beat connect as: it owns nothing, so it cannot
#   switch triggers off, and has no UPDATE/DELETE/TRUNCATE on the logs.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v eigenaar_ww="$POSTGRES_EIGENAAR_PASSWORD" -v app_ww="$POSTGRES_APP_PASSWORD" <<'SQL'
CREATE ROLE leerlingzorg_eigenaar LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
    PASSWORD :'eigenaar_ww';
CREATE ROLE leerlingzorg_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT
    PASSWORD :'app_ww';
CREATE DATABASE leerlingzorg OWNER leerlingzorg_eigenaar;
\connect leerlingzorg
ALTER SCHEMA public OWNER TO leerlingzorg_eigenaar;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO leerlingzorg_app;
SQL
