"""The personas at a school that requires the second factor (a real school's default), and
helpers to log in through the login form from a given address."""

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from statuut.models import TweedeFactor
from tests.personas import WACHTWOORD


@pytest.fixture
def school2f(wereld):
    """The personas' Echnaton school with its default: a second factor for whoever reads care,
    complaint or dossier content (set before anyone logs in: the session decides at login)."""
    wereld.school.tweede_factor = TweedeFactor.INHOUD
    wereld.school.save(update_fields=["tweede_factor"])
    return wereld


def inloggen(client, username: str, wachtwoord: str = WACHTWOORD, adres: str = "10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": wachtwoord},
                       REMOTE_ADDR=adres)


def code(device, stappen_verder: int = 0) -> str:
    """The app's code now (or a step later: a code is accepted once, and one step of clock
    drift either way), computed with django-otp's own TOTP."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + stappen_verder * device.step
    return f"{totp.token():0{device.digits}d}"
