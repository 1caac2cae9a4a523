"""Three small middlewares around the login, after django-otp's OTPMiddleware:

- `SessieMiddleware`: a session ends after 30 minutes idle and 12 hours at most;
- `TweedeFactorMiddleware`: who needs a second factor and has not given it reaches only the
  pages to give or set it up (also after the tests' force_login);
- `GeenOpslagMiddleware`: nothing a logged-in user sees is stored by a browser or proxy.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from . import sessie, tweede_factor


class SessieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            stand = sessie.stand(request.session)
            if stand is None:
                sessie.bij_inloggen(None, request, request.user)
            elif stand.verlopen:
                logout(request)
                messages.info(request, _("Uw sessie is verlopen. Log opnieuw in."))
                return redirect_to_login(request.get_full_path())
            elif stand.bijwerken:
                sessie.activiteit(request.session)
                # Roles or a grant may have changed since the login.
                sessie.beslissen(request.session, request.user)
        return self.get_response(request)


#: URL names an unverified user may still reach: giving or setting up the second factor,
#: logging out, and the session's own ping.
VRIJ = ("tweede_factor_invoeren", "tweede_factor_instellen", "herstelcodes", "logout")


class TweedeFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._vrij = None
        self._beheer = None

    def _nodig(self, request) -> bool:
        if request.session.get(sessie.TWEEDE_FACTOR_NODIG):
            return True
        if self._beheer is None:
            self._beheer = reverse("admin:index")
        return (request.path.startswith(self._beheer)
                and request.session.get(sessie.TWEEDE_FACTOR_BEHEER, False))

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and self._nodig(request) and not user.is_verified():
            if self._vrij is None:
                self._vrij = {reverse(naam) for naam in VRIJ}
            if request.path not in self._vrij:
                if tweede_factor.heeft_tweede_factor(user):
                    doel = "tweede_factor_invoeren"
                else:
                    doel = "tweede_factor_instellen"
                if request.method != "GET":
                    return redirect(doel)
                volgende = urlencode({"next": request.get_full_path()}, safe="/")
                return redirect(f"{reverse(doel)}?{volgende}")
        return self.get_response(request)


class GeenOpslagMiddleware:
    """Cache-Control: no-store (with private, no-cache, max-age=0) on every response to a
    logged-in user: pages with pupil data must not stay in a shared computer's cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (getattr(request, "user", None) is not None and request.user.is_authenticated
                and "no-store" not in response.get("Cache-Control", "")):
            add_never_cache_headers(response)
        return response
