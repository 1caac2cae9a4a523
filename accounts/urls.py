from django.urls import path

from . import views

urlpatterns = [
    path("inloggen/code/", views.invoeren, name="tweede_factor_invoeren"),
    path("account/", views.account, name="account"),
    path("account/tweede-factor/", views.instellen, name="tweede_factor_instellen"),
    path("account/herstelcodes/", views.herstelcodes, name="herstelcodes"),
    path("account/herstelcodes/vernieuwen/", views.herstelcodes_vernieuwen,
         name="herstelcodes_vernieuwen"),
    path("sessie/verlengen/", views.sessie_verlengen, name="sessie_verlengen"),
]
