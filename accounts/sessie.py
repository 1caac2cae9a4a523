"""How long a session lasts: 30 minutes without activity and 12 hours at most (OWASP ASVS
3.3.2 for an application holding special categories of personal data).

The session keeps the login time, the last activity and whether this user needs a second
factor. The last activity is written at most once a minute (`BIJWERKEN_NA`), so ordinary page
views cost no session write; the idle limit is therefore met up to a minute early, never late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import timezone

INGELOGD_OP = "lz_ingelogd_op"
LAATST_ACTIEF = "lz_laatst_actief"
TWEEDE_FACTOR_NODIG = "lz_tweede_factor_nodig"
TWEEDE_FACTOR_BEHEER = "lz_tweede_factor_beheer"
BIJWERKEN_NA = timedelta(seconds=60)


def inactief_max() -> timedelta:
    return timedelta(minutes=settings.SESSIE_INACTIEF_MINUTEN)


def sessie_max() -> timedelta:
    return timedelta(hours=settings.SESSIE_MAXIMAAL_UREN)


def _tijd(waarde) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(waarde), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def bij_inloggen(sender, request, user, **kwargs) -> None:
    """At every login: the clock starts, and whether the user needs a second factor is
    decided once (again every minute of activity, see `bijwerken`)."""
    nu = timezone.now().timestamp()
    request.session[INGELOGD_OP] = nu
    request.session[LAATST_ACTIEF] = nu
    beslissen(request.session, user)


def beslissen(session, user) -> None:
    """Whether this user needs the second factor, in the app and in the admin."""
    from . import tweede_factor

    session[TWEEDE_FACTOR_NODIG] = tweede_factor.nodig(user)
    session[TWEEDE_FACTOR_BEHEER] = tweede_factor.nodig_voor_beheer(user)


@dataclass(frozen=True)
class Stand:
    einde: datetime  # when the session ends if nothing happens
    verlopen: bool
    bijwerken: bool  # the last activity is older than BIJWERKEN_NA: write it now


def stand(session, nu: datetime | None = None) -> Stand | None:
    """Where a logged-in session stands; None when it was never stamped (a session from
    before this mechanism: the middleware stamps it now)."""
    nu = nu or timezone.now()
    begin, actief = _tijd(session.get(INGELOGD_OP)), _tijd(session.get(LAATST_ACTIEF))
    if begin is None or actief is None:
        return None
    einde = min(actief + inactief_max(), begin + sessie_max())
    return Stand(einde=einde, verlopen=nu >= einde, bijwerken=nu - actief >= BIJWERKEN_NA)


def activiteit(session, nu: datetime | None = None) -> None:
    session[LAATST_ACTIEF] = (nu or timezone.now()).timestamp()


def resterend(session, nu: datetime | None = None) -> int:
    """Seconds until the session ends if nothing happens (0 when it is over or unstamped)."""
    nu = nu or timezone.now()
    huidig = stand(session, nu)
    return max(0, int((huidig.einde - nu).total_seconds())) if huidig else 0
