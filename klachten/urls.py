"""The klachten pages; included under /klachten/ with the namespace 'klachten'."""

from django.urls import path

from . import views

app_name = "klachten"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("nieuw/", views.indienen, name="indienen"),
    path("<int:pk>/", views.klacht_pagina, name="klacht"),
    path("<int:pk>/afronden/", views.afronden, name="afronden"),
    path("<int:pk>/doorzetten/", views.doorzetten, name="doorzetten"),
    path("<int:pk>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<int:pk>/verweer/", views.verweer, name="verweer"),
    path("<int:pk>/intrekken/", views.intrekken, name="intrekken"),
    path("<int:pk>/verschonen/", views.verschonen, name="verschonen"),
    path("<int:pk>/zitting/", views.zitting, name="zitting"),
    path("<int:pk>/advies/", views.advies, name="advies"),
    path("<int:pk>/uitspraak/", views.uitspraak, name="uitspraak"),
    path("<int:pk>/delen/", views.delen, name="delen"),
    path("<int:pk>/delen/intrekken/", views.delen_intrekken, name="delen_intrekken"),
    path("beroep/nieuw/", views.beroep_instellen, name="beroep_instellen"),
    path("beroep/<int:pk>/", views.beroep_pagina, name="beroep"),
    path("commissie/<int:school_pk>/", views.commissie, name="commissie"),
    path("commissie/<int:school_pk>/samenstellen/", views.commissie_samenstellen,
         name="commissie_samenstellen"),
    path("verslag/<int:school_pk>/", views.verslag, name="verslag"),
    path("adviezen/<int:school_pk>/", views.adviezen, name="adviezen"),
]
