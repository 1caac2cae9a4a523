"""The zorg pages; included under /zorg/ with the namespace 'zorg'."""

from django.urls import path

from . import views

app_name = "zorg"

urlpatterns = [
    path("leerlingen/<int:leerling_pk>/signaal/", views.signaal_melden, name="signaal"),
    path("start/<int:school_pk>/", views.start, name="start"),
    path("werklijst/<int:school_pk>/", views.werklijst, name="werklijst"),
    path("<int:pk>/", views.zorgdossier_pagina, name="dossier"),
    path("<int:pk>/gesprek/", views.gesprek, name="gesprek"),
    path("<int:pk>/consultatie/", views.consultatie, name="consultatie"),
    path("<int:pk>/oudercontact/", views.oudercontact, name="oudercontact"),
    path("<int:pk>/doorverwijzen/", views.doorverwijzen, name="doorverwijzen"),
    path("<int:pk>/analyse/", views.analyse, name="analyse"),
    path("<int:pk>/traject/", views.traject, name="traject"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/terugkoppeling/", views.terugkoppeling, name="terugkoppeling"),
    path("<int:pk>/evaluaties/<int:evaluatie_pk>/", views.evaluatie, name="evaluatie"),
    path("<int:pk>/delen/", views.delen, name="delen"),
    path("<int:pk>/afsluiten/", views.afsluiten, name="afsluiten"),
    path("<int:pk>/toegang/", views.toegang_geven, name="toegang"),
]
