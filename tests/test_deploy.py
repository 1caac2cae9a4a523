"""docker-compose.yml really runs this project, and production settings pass check --deploy."""

import importlib
import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import yaml
from celery import Celery
from celery.app.utils import find_app
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
SETTINGS_TEXT = (ROOT / "config" / "settings.py").read_text()
PROJECT_SERVICES = {name for name, s in SERVICES.items() if "build" in s}


def commands_of(service: dict) -> list[list[str]]:
    """The program invocations of a compose command, `sh -c "a && b"` split into a and b."""
    command = service.get("command")
    argv = shlex.split(command) if isinstance(command, str) else list(command or [])
    if not argv:
        return []
    if argv[:2] == ["sh", "-c"]:
        parts = re.split(r"&&|;", argv[2])
        argv_list = [shlex.split(p) for p in parts if p.strip()]
    else:
        argv_list = [argv]
    return [a[1:] if a[0] == "exec" else a for a in argv_list]


def test_the_stack_has_web_worker_one_beat_db_and_redis():
    assert {"web", "worker", "beat", "db", "redis"} <= set(SERVICES)
    assert PROJECT_SERVICES == {"migrate", "web", "worker", "beat"}
    beats = [
        name for name, s in SERVICES.items()
        if any(a[:1] == ["celery"] and "beat" in a for a in commands_of(s))
    ]
    assert beats == ["beat"]
    assert SERVICES["beat"].get("deploy", {}).get("replicas", 1) == 1
    assert SERVICES["db"]["image"].startswith("postgres:16")
    assert "healthcheck" in SERVICES["db"]
    assert SERVICES["db"]["volumes"]
    assert SERVICES["redis"]["image"].startswith("redis:7")


def test_migrate_runs_as_the_owner_and_then_limits_the_application_role():
    programs = [" ".join(a[:3]) for a in commands_of(SERVICES["migrate"])]
    assert programs == [
        "python manage.py migrate",
        "python manage.py vakanties_laden",
        "python manage.py databaserechten",
    ]
    assert commands_of(SERVICES["migrate"])[-1][-1] == "leerlingzorg_app"
    assert "leerlingzorg_eigenaar:" in SERVICES["migrate"]["environment"]["DATABASE_URL"]
    for service in ("web", "worker", "beat"):
        # The serving processes connect as the role that owns nothing (see
        # tests/dossiers/test_databaserol.py for what that role cannot do).
        assert "leerlingzorg_app:" in SERVICES[service]["environment"]["DATABASE_URL"]
        assert SERVICES[service]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"}
    init = ROOT / "deploy" / "postgres" / "01-rollen.sh"
    assert "./deploy/postgres:/docker-entrypoint-initdb.d:ro" in SERVICES["db"]["volumes"]
    assert "NOSUPERUSER" in init.read_text()


def test_web_collects_static_before_gunicorn():
    programs = [" ".join(a[:3]) for a in commands_of(SERVICES["web"])]
    assert programs[:1] == ["python manage.py collectstatic"]
    assert commands_of(SERVICES["web"])[-1][0] == "gunicorn"


@pytest.mark.parametrize("service", sorted(PROJECT_SERVICES))
def test_every_command_of_a_project_service_exists_in_the_project(service):
    management_commands = get_commands()
    invocations = commands_of(SERVICES[service])
    assert invocations
    for argv in invocations:
        program = argv[0]
        if program == "python":
            assert argv[1] == "manage.py"
            assert argv[2] in management_commands, f"{argv[2]} is no management command"
        elif program == "gunicorn":
            assert shutil.which("gunicorn", path=str(Path(sys.executable).parent)), program
            target = next(a for a in argv[1:] if not a.startswith("-") and ":" in a)
            module, attribute = target.split(":")
            with warnings.catch_warnings():
                # In the container collectstatic has filled STATIC_ROOT before gunicorn starts.
                warnings.filterwarnings("ignore", "No directory at", UserWarning)
                application = getattr(importlib.import_module(module), attribute)
            assert callable(application)
        elif program == "celery":
            assert shutil.which("celery", path=str(Path(sys.executable).parent)), program
            app_name = argv[argv.index("-A") + 1]
            assert isinstance(find_app(app_name), Celery)
            assert argv[argv.index("-A") + 2] in ("worker", "beat")
        else:
            pytest.fail(f"{service}: unknown program {program!r} in {argv}")
    if service == "worker":
        # WeasyPrint's memory grows over many renders: worker processes are recycled.
        assert any(a.startswith("--max-tasks-per-child") for a in invocations[0])


@pytest.mark.parametrize("service", sorted(PROJECT_SERVICES))
def test_every_environment_variable_compose_passes_is_read_by_the_settings(service):
    environment = SERVICES[service]["environment"]
    assert not SERVICES[service].get("env_file"), "env_file would pass variables unchecked"
    names = environment if isinstance(environment, list) else list(environment)
    names = [n.split("=", 1)[0] for n in names]
    for required in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL",
                     "CELERY_BROKER_URL", "EMAIL_HOST", "DEFAULT_FROM_EMAIL"):
        assert required in names
    unread = [n for n in names if f'"{n}"' not in SETTINGS_TEXT]
    assert unread == []
    assert str(environment["DEBUG"]) == "0"
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")


def test_check_deploy_passes_with_production_values(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "school.example.nl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "System check identified no issues" in output


def _env_without_secret(tmp_path) -> dict:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
    }


def test_makemigrations_check_runs_without_any_secret(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT, env=_env_without_secret(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.parametrize("module", ["config.wsgi", "config.celery"])
def test_serving_processes_refuse_to_start_without_secret_key(tmp_path, module):
    starter = (
        f"import {module} as m\n"
        "from celery.signals import worker_init\n"
        "worker_init.send(sender=None)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", starter],
        cwd=ROOT, env=_env_without_secret(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "Omgevingsvariabele SECRET_KEY ontbreekt" in result.stderr
