"""The pages of the second factor and the account page. The password pages are Django's own
(config/urls.py) with Dutch templates in templates/registration/."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from . import sessie, tweede_factor
from .forms import CodeForm

HERSTELCODES_SESSIE = "lz_herstelcodes"


def _volgende(request) -> str:
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(doel, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return doel
    return "/"


def _geverifieerd(request, device) -> None:
    # A new session key once the second factor is given: a key seen before it is worth nothing.
    request.session.cycle_key()
    otp_login(request, device)


@login_required
def invoeren(request):
    """After the password: the code from the app, or one recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(_volgende(request))
    if not tweede_factor.heeft_tweede_factor(user):
        return redirect("tweede_factor_instellen")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = tweede_factor.code_controleren(user, form.cleaned_data["code"])
        if device is not None:
            _geverifieerd(request, device)
            if device.name == tweede_factor.HERSTEL_NAAM:
                messages.warning(request, _(
                    "U hebt een herstelcode gebruikt; die werkt nu niet meer. Er zijn er nog "
                    "%(n)d over. Maak nieuwe aan onder Account.")
                    % {"n": tweede_factor.resterende_herstelcodes(user)})
            return redirect(_volgende(request))
        form.add_error("code", _("Deze code klopt niet of is al gebruikt. Probeer de "
                                 "volgende code uit de app, of een herstelcode."))
    return render(request, "accounts/invoeren.html",
                  {"form": form, "next": _volgende(request)})


@login_required
def instellen(request):
    """Scan the QR code, enter the first code, get the recovery codes (once). Someone who
    already has a second factor must give it first: a password alone never adds a device."""
    user = request.user
    if tweede_factor.heeft_tweede_factor(user) and not user.is_verified():
        return redirect("tweede_factor_invoeren")
    device = tweede_factor.nieuwe_app(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = tweede_factor.app_bevestigen(user, device, form.cleaned_data["code"])
        if codes is not None:
            device.refresh_from_db()
            _geverifieerd(request, device)
            request.session[sessie.TWEEDE_FACTOR_NODIG] = True
            request.session[HERSTELCODES_SESSIE] = codes
            return redirect("herstelcodes")
        form.add_error("code", _("Deze code klopt niet. Controleer of de tijd op uw telefoon "
                                 "goed staat en voer de code in die de app nu toont."))
    return render(request, "accounts/instellen.html", {
        "form": form, "qr": tweede_factor.qr_code(device),
        "sleutel": tweede_factor.geheime_sleutel(device),
        "verplicht": request.session.get(sessie.TWEEDE_FACTOR_NODIG, False),
        "next": _volgende(request),
    })


@login_required
def herstelcodes(request):
    """The recovery codes, shown exactly once (taken out of the session here)."""
    codes = request.session.pop(HERSTELCODES_SESSIE, None)
    if not codes:
        return redirect("account")
    return render(request, "accounts/herstelcodes.html", {"codes": codes})


@login_required
@require_POST
def herstelcodes_vernieuwen(request):
    if not request.user.is_verified():
        return redirect("tweede_factor_invoeren")
    request.session[HERSTELCODES_SESSIE] = tweede_factor.herstelcodes_maken(request.user)
    return redirect("herstelcodes")


@login_required
def account(request):
    user = request.user
    return render(request, "accounts/account.html", {
        "heeft_tweede_factor": tweede_factor.heeft_tweede_factor(user),
        "herstelcodes_over": tweede_factor.resterende_herstelcodes(user),
        "verplicht": request.session.get(sessie.TWEEDE_FACTOR_NODIG, False),
    })


@login_required
@require_POST
def sessie_verlengen(request):
    """The warning's "Ingelogd blijven" button (a request is activity; this one only says how
    long the session now lasts)."""
    sessie.activiteit(request.session)
    if request.headers.get("X-Requested-With") != "fetch":
        return redirect(_volgende(request))
    return JsonResponse({"seconden": sessie.resterend(request.session)})
