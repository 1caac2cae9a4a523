from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from dossiers.views import UitloggenView

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True),
         name="login"),
    path("uitloggen/", UitloggenView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("zorg/", include("zorg.urls")),
    path("sancties/", include("sancties.urls")),
    path("klachten/", include("klachten.urls")),
    path("", include("dossiers.urls")),
]

# The 400 page says what was wrong (a NUL byte, a text too long: config/invoer.py).
handler400 = "config.invoer.ongeldig_verzoek"
