from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts.forms import HerstelForm
from dossiers.views import UitloggenView

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True),
         name="login"),
    path("uitloggen/", UitloggenView.as_view(), name="logout"),
    # Password change and reset: Django's views, Dutch templates in templates/registration/.
    path("account/wachtwoord/", auth_views.PasswordChangeView.as_view(),
         name="password_change"),
    path("account/wachtwoord/gewijzigd/", auth_views.PasswordChangeDoneView.as_view(),
         name="password_change_done"),
    path("wachtwoord-vergeten/",
         auth_views.PasswordResetView.as_view(form_class=HerstelForm), name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("wachtwoord-vergeten/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("wachtwoord-vergeten/klaar/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("", include("accounts.urls")),
    path("beheer/", admin.site.urls),
    path("zorg/", include("zorg.urls")),
    path("sancties/", include("sancties.urls")),
    path("klachten/", include("klachten.urls")),
    path("verzuim/", include("verzuim.urls")),
    path("uitsturen/", include("uitsturen.urls")),
    path("gedrag/", include("gedrag.urls")),
    path("", include("dossiers.urls")),
]

# The 400 page says what was wrong (a NUL byte, a text too long: config/invoer.py).
handler400 = "config.invoer.ongeldig_verzoek"
