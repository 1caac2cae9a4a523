"""The second factor: who needs it, setting it up, and checking a code.

TOTP (RFC 6238, an authenticator app) and one-time recovery codes, both from django-otp
(`otp_totp`, `otp_static`), which also throttles repeated wrong codes per device.
"""

from __future__ import annotations

import segno
from django.db import transaction
from django_otp import devices_for_user, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from dossiers import toegang
from statuut.models import TweedeFactor

AANTAL_HERSTELCODES = 10
APP_NAAM = "Authenticator-app"
HERSTEL_NAAM = "Herstelcodes"


def heeft_tweede_factor(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def _instellingen(user) -> tuple[dict[int, str], bool]:
    """The user's schools with their setting, and whether they are all demo schools. A
    bestuursbeheerder's schools are those of their boards."""
    from statuut.models import School

    instellingen = dict(toegang.scholen_van(user).values_list("pk", "tweede_factor"))
    instellingen.update(School.objects.filter(bestuur__roltoewijzingen__user=user)
                        .values_list("pk", "tweede_factor"))
    alleen_demo = bool(instellingen) and all(
        waarde == TweedeFactor.NIET_VERPLICHT for waarde in instellingen.values())
    return instellingen, alleen_demo


def nodig(user) -> bool:
    """Whether `user` must give a second factor before using the application.

    - whoever set one up uses it;
    - a school marked `niet_verplicht` (the demo) asks it of nobody who works only there;
    - whoever may read care, complaint or dossier content at a school that requires it
      (`toegang.scholen_met_inhoud`, from the statuut's matrix and the flows' rules);
    - everyone at a school that asks it of everyone.

    The admin asks it of its users on its own pages (`nodig_voor_beheer`).
    """
    if not user.is_authenticated:
        return False
    if heeft_tweede_factor(user):
        return True
    instellingen, alleen_demo = _instellingen(user)
    if alleen_demo:
        return False
    if any(waarde == TweedeFactor.IEDEREEN for waarde in instellingen.values()):
        return True
    # A grant may open a pupil at a school where the user holds no role: that school's
    # setting applies (a school without a setting of the user's own: required).
    return any(instellingen.get(pk) != TweedeFactor.NIET_VERPLICHT
               for pk in toegang.scholen_met_inhoud(user))


def nodig_voor_beheer(user) -> bool:
    """The admin (`/beheer/`) asks a second factor of every staff account and superuser
    (OWASP ASVS 4.3.1), except a beheerder who works only at demo schools."""
    if not user.is_authenticated or not (user.is_staff or user.is_superuser):
        return False
    return user.is_superuser or not _instellingen(user)[1]


def nieuwe_app(user) -> TOTPDevice:
    """The unconfirmed authenticator device being set up (one at a time)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAAM, confirmed=False)
    return device


def qr_code(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG data URI for an <img> (the CSP allows data: images)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def geheime_sleutel(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into the app by hand."""
    from base64 import b32encode

    sleutel = b32encode(device.bin_key).decode()
    return " ".join(sleutel[i:i + 4] for i in range(0, len(sleutel), 4))


@transaction.atomic
def app_bevestigen(user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with its first code: it replaces any earlier app, and a fresh set of
    recovery codes replaces the old ones. Returns the recovery codes (shown once), or None
    when the code is wrong."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return herstelcodes_maken(user)


@transaction.atomic
def herstelcodes_maken(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=HERSTEL_NAAM, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def code_controleren(user, code: str):
    """The device that accepts `code` (six digits from the app, or a recovery code, which is
    then used up), or None. Each device is asked on its own, so django-otp's throttling
    applies, and only the kind the code looks like, so a recovery code does not count as a
    wrong app code."""
    code = "".join(code.split()).lower()
    if not code or len(code) > 16:
        return None
    soort = TOTPDevice if code.isdigit() else StaticDevice
    for device in soort.objects.filter(user=user, confirmed=True):
        if verify_token(user, device.persistent_id, code):
            return device
    return None


def resterende_herstelcodes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
