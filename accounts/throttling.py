"""Throttling of password guessing, on top of django-axes (its database handler records every
failure per username, address and browser; this handler decides when to refuse).

Three limits, each over the last `AXES_COOLOFF_TIME` (one hour):

1. the pair username + address: `AXES_FAILURE_LIMIT` (10) failures lock that pair only, so a
   stranger elsewhere cannot lock out a user who logs in from their own address;
2. one address across accounts (password spraying): `AXES_ADRES_LIMIT` failures lock the
   address for every account that does not know it;
3. one account across addresses: after `AXES_ACCOUNT_LIMIT` failures the account refuses every
   address it does not know.

An address an account "knows" is one of its last `BEKENDE_ADRESSEN` addresses with a
successful login in the last `BEKEND_DAGEN` days (axes' AccessLog). Limits 2 and 3 never apply
there: only the pair limit does. So at most ACCOUNT_LIMIT + BEKENDE_ADRESSEN x FAILURE_LIMIT
(70 + 3 x 10 = 100) passwords per hour are ever tried on one account: OWASP ASVS 2.2.1.
"""

from __future__ import annotations

from datetime import timedelta

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt, AccessLog
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

BEKENDE_ADRESSEN = 3
BEKEND_DAGEN = 30


def bekende_adressen(username: str | None) -> list[str]:
    """The account's last few addresses with a successful login."""
    if not username:
        return []
    sinds = timezone.now() - timedelta(days=BEKEND_DAGEN)
    adressen: list[str] = []
    for adres in (AccessLog.objects.filter(username=username, attempt_time__gte=sinds)
                  .order_by("-attempt_time").values_list("ip_address", flat=True)[:200]):
        if adres and adres not in adressen:
            adressen.append(adres)
            if len(adressen) == BEKENDE_ADRESSEN:
                break
    return adressen


def _mislukt(request, **filter_) -> int:
    pogingen = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request),
                                            **filter_)
    return pogingen.aggregate(n=Sum("failures_since_start"))["n"] or 0


class AanmeldHandler(AxesDatabaseHandler):
    """axes' database handler with the three limits above. axes itself counts the pair
    (AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]), so its reset after a successful
    login clears only that pair, never the account's count from other addresses."""

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        if super().is_locked(request, credentials):
            return True
        username = get_client_username(request, credentials)
        adres = request.axes_ip_address
        if adres in bekende_adressen(username):
            return False
        if _mislukt(request, ip_address=adres) >= settings.AXES_ADRES_LIMIT:
            return True
        return bool(username) and (
            _mislukt(request, username=username) >= settings.AXES_ACCOUNT_LIMIT)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        # axes flags the lockout by the pair count only; the next attempt would be refused by
        # `is_locked` anyway, but say so on this failure's page already.
        if request is not None and not getattr(request, "axes_locked_out", False) \
                and self.is_locked(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send("axes", request=request,
                                 username=get_client_username(request, credentials),
                                 ip_address=request.axes_ip_address)


def vergrendeld_antwoord(request, original_response=None, credentials=None):
    """The lockout page, in Dutch, with status 429 and no hint which limit applied."""
    from django.shortcuts import render

    return render(request, "registration/geblokkeerd.html",
                  {"wachttijd_minuten": int(settings.AXES_COOLOFF_TIME * 60),
                   "limiet": get_failure_limit(request, credentials)},
                  status=429)


def client_adres(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind `PROXY_AANTAL` reverse proxies the address
    the nearest trusted proxy put in X-Forwarded-For (entries further left are the client's
    own word and can be forged)."""
    aantal = settings.PROXY_AANTAL
    if aantal:
        doorgestuurd = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                        if a.strip()]
        if len(doorgestuurd) >= aantal:
            return doorgestuurd[-aantal]
    return request.META.get("REMOTE_ADDR")
