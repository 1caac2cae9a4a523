"""Checks a serving process makes before it starts."""

from django.core.exceptions import ImproperlyConfigured


def vereis_secret_key() -> None:
    # A flag, not settings.SECRET_KEY: Django's own refusal of an empty key would
    # come first and does not say how to fix it.
    from django.conf import settings

    if getattr(settings, "SECRET_KEY_ONTBREEKT", False):
        raise ImproperlyConfigured(
            "Omgevingsvariabele SECRET_KEY ontbreekt. Zet SECRET_KEY (in productie), of DEBUG=1 "
            "voor ontwikkeling: ./dev up en ./dev test doen dat al."
        )
