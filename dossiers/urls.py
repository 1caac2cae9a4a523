from django.urls import path

from . import views, views_kalender

urlpatterns = [
    path("", views.start, name="start"),
    path("leerlingen/<int:pk>/", views.leerling_detail, name="leerling"),
    path("kalender/", views_kalender.kalender_pagina, name="kalender"),
    path("termijnen/<int:pk>/", views_kalender.termijn_detail, name="termijn"),
]
