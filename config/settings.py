"""One settings module, read from the environment.

Typed helpers fail loudly on a value they cannot read, so a typo in production
configuration stops the start instead of silently falling back.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(
            f"Omgevingsvariabele {name} ontbreekt. Zet {name} (in productie), of DEBUG=1 "
            "voor ontwikkeling: ./dev up en ./dev test doen dat al."
        )
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on", "ja"):
        return True
    if raw.lower() in ("0", "false", "no", "off", "nee"):
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is geen ja/nee-waarde (gebruik 1 of 0).")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is geen geheel getal.") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "ontwikkeling-alleen-niet-in-productie-gebruiken")
else:
    # Left empty rather than refused here, so that commands which never sign
    # anything (makemigrations --check in a hook, collectstatic in a build) run
    # without secrets; the web and worker processes refuse to start without it
    # (config.opstart.vereis_secret_key), and Django refuses any use of an empty key.
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
SECRET_KEY_ONTBREEKT = not SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "guardian",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts",
    "statuut",
    "dossiers",
    "zorg",
    "sancties",
    "klachten",
    "verzuim",
    "uitsturen",
    "gedrag",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # NUL bytes, direction controls, ids beyond a database integer: see config/invoer.py.
    "config.invoer.InvoerMiddleware",
    # The access policy's answers, computed once per request (dossiers/toegang/geheugen.py).
    "dossiers.toegang.geheugen.ToegangGeheugenMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Login (issue 11): idle and absolute session end, the second factor, no-store.
    "accounts.middleware.GeenOpslagMiddleware",
    "accounts.middleware.SessieMiddleware",
    "accounts.middleware.TweedeFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dossiers.context_processors.menu",
                "accounts.context_processors.sessie_stand",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Without persistent connections a PostgreSQL page is about three times slower.
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    _pg_opties = []
    if not env_bool("DATABASE_JIT", False):
        # PostgreSQL's JIT compiles a page's larger queries (the access policy's subqueries
        # make their cost estimates high) and spent 0.5 s of a 0.66 s start-page query on it
        # at 10x (issue 15): for short page queries it costs, never pays. DATABASE_JIT=1
        # turns it on.
        _pg_opties.append("-c jit=off")
    # A measure's page reads it with its pupil, school, statuut, ladder rung, people and
    # deadlines joined (10 tables): with PostgreSQL's default (8) the planner tries every
    # join order and spent 18-23 ms planning a query that runs in 1 ms. At 6 it keeps the
    # order of the joins beyond six as written (Django writes them from the base table
    # outwards) and plans that query in 3.7 ms; queries of up to six tables are planned as
    # before.
    _samenvoegen = env_int("DATABASE_JOIN_COLLAPSE_LIMIT", 6)
    _pg_opties += [f"-c join_collapse_limit={_samenvoegen}",
                   f"-c from_collapse_limit={_samenvoegen}"]
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(_pg_opties)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend that reads the user's staff record in the same query.
    "accounts.backends.GebruikerBackend",
    "guardian.backends.ObjectPermissionBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# In development and tests STATIC_ROOT is not collected: WhiteNoise looks the files up per
# request instead of warning that the directory is missing.
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# E-mail
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", "")  # for the file backend (worker tests)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "leerlingzorg@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without a broker, tasks run eagerly in-process (first run, SQLite).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_RESULT_BACKEND = None
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
# The longest wait between two tries of a letter (2, 4, 8 seconds, at most this). The worker
# tests lower it to 1 s, so a letter that cannot be made does not wait 14 s to be mislukt.
BRIEVEN_HERPOGING_MAX_SECONDEN = env_int("BRIEVEN_HERPOGING_MAX_SECONDEN", 60)
# Run exactly one beat (docker-compose has one). A second one by mistake sends nothing twice:
# every reminder is one row with a unique constraint (statuut.Herinnering).
CELERY_BEAT_SCHEDULE = {
    # Each school morning; the sweep itself skips schools that have no school day today.
    "termijnen-vegen": {
        "task": "dossiers.termijnen_vegen",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon-fri"),
    },
    # Letters whose render task was never queued or was lost (issue 15, fault runs).
    "brieven-vastgelopen-opnieuw": {
        "task": "dossiers.brieven_vastgelopen_opnieuw",
        "schedule": crontab(minute="*/5"),
    },
    "toekenningen-opruimen": {
        "task": "dossiers.toekenningen_opruimen",
        "schedule": crontab(hour=0, minute=15),
    },
}


# Security: strict by default outside DEBUG, so `check --deploy` passes.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# A statuut version's admin page posts all its rule rows at once: its authority rows (issue
# 13, every flow's "who may") pass Django's default of 1,000 fields. The body size limit
# (DATA_UPLOAD_MAX_MEMORY_SIZE) still bounds a request.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
X_FRAME_OPTIONS = "DENY"
# The statuut's admin page posts every rule row of a version in one form, and the authority
# rows (`statuut.Bevoegdheid`) grow with every flow: Django's default of 1000 fields refused
# that page with a 400. Still a bound; only staff reach forms that large.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int("DATA_UPLOAD_MAX_NUMBER_FIELDS", 5000)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Throttling of password guessing (issue 11; accounts/throttling.py explains the three limits).
# axes records every failure and counts the pair username + address (AXES_FAILURE_LIMIT); the
# handler adds one address across accounts (password spraying) and one account across
# addresses, neither of which applies at an address where the account logged in before, so a
# stranger cannot lock a user out of their own address. At most 70 + 3 x 10 = 100 failures
# per account per hour (OWASP ASVS 2.2.1).
AXES_HANDLER = "accounts.throttling.AanmeldHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)  # per username + address
AXES_ADRES_LIMIT = env_int("AXES_ADRES_LIMIT", 30)  # per address, across accounts
AXES_ACCOUNT_LIMIT = env_int("AXES_ACCOUNT_LIMIT", 70)  # per account, from unknown addresses
AXES_COOLOFF_TIME = 1  # hours
# A refused attempt checks no password: it does not count, and does not extend the lock.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True  # clears the pair only (the lockout parameters)
AXES_LOCKOUT_CALLABLE = "accounts.throttling.vergrendeld_antwoord"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_adres"
# Behind a reverse proxy (docker-compose: one, TLS-terminating) every request would come from
# the proxy's address: set to the number of proxies that append to X-Forwarded-For.
PROXY_AANTAL = env_int("PROXY_AANTAL", 0)

# Sessions (OWASP ASVS 3.3.2): 30 minutes without activity, 12 hours at most
# (accounts/sessie.py); the layout shows the end and warns shortly before it.
SESSIE_INACTIEF_MINUTEN = env_int("SESSIE_INACTIEF_MINUTEN", 30)
SESSIE_MAXIMAAL_UREN = env_int("SESSIE_MAXIMAAL_UREN", 12)
SESSIE_WAARSCHUWING_MINUTEN = 5
SESSION_COOKIE_AGE = SESSIE_MAXIMAAL_UREN * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Second factor (django-otp): the name in the authenticator app.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Leerlingzorg")
PASSWORD_RESET_TIMEOUT = 2 * 3600  # a reset link works two hours

# Guardian: no anonymous user object; we never hand out global view rights on pupil data.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = True

# Where the shipped default data lives (vacations per region).
STATUUT_DATA_DIR = BASE_DIR / "statuut" / "data"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO; only its warnings are worth reading.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}
