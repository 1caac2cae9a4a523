from django.urls import include, path

from . import views, views_kalender

# Each part of issue 3 keeps its own URL module: termijnen (reminders, agenda feed),
# brieven (letters, outbox), dossier (dossier page, addenda, grants), inzage (read log).
urlpatterns = [
    path("", views.start, name="start"),
    path("leerlingen/<int:pk>/", views.leerling_detail, name="leerling"),
    path("kalender/", views_kalender.kalender_pagina, name="kalender"),
    path("termijnen/", views.mijn_termijnen, name="mijn_termijnen"),
    path("termijnen/<int:pk>/", views_kalender.termijn_detail, name="termijn"),
    path("", include("dossiers.urls_termijnen")),
    path("", include("dossiers.urls_brieven")),
    path("", include("dossiers.urls_dossier")),
    path("", include("dossiers.urls_inzage")),
    path("", include("dossiers.urls_wijzigingen")),
]
