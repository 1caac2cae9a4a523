from django.urls import path

from . import views

app_name = "verzuim"

urlpatterns = [
    path("te-laat/", views.te_laat, name="te_laat"),
    path("absentie/", views.absentie, name="absentie"),
    path("overzicht/", views.overzicht, name="overzicht"),
    path("leerplicht/", views.leerplicht, name="leerplicht"),
    path("leerling/<int:pk>/", views.leerling, name="leerling"),
    path("leerling/<int:pk>/signaleren/", views.signaleren, name="signaleren"),
    path("afdeling/", views.afdeling, name="afdeling"),
    path("grafiek/", views.grafiek, name="grafiek"),
    path("verlof/", views.verlof, name="verlof"),
    path("verlof/<int:pk>/", views.verlofaanvraag, name="verlofaanvraag"),
    path("verlof/<int:pk>/<slug:stap>/", views.verlofstap, name="verlofstap"),
    path("actie/<int:pk>/", views.melding, name="melding"),
    path("actie/<int:pk>/afhandelen/", views.afhandelen, name="afhandelen"),
    path("actie/<int:pk>/uitnodigen/", views.uitnodigen, name="uitnodigen"),
    path("<str:soort>/<int:pk>/beoordelen/", views.beoordelen, name="beoordelen"),
    path("import/", views.importeren_pagina, name="importeren"),
    path("import/koppeling/", views.koppeling, name="koppeling"),
]
