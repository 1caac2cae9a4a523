"""The personal dossier (page, one entry, note, addendum, yearly clean-up) and the explicit
grants given on the pupil's page."""

from django.urls import path

from . import views_dossier as v

urlpatterns = [
    path("leerlingen/<int:pk>/dossier/", v.dossier_pagina, name="dossier"),
    path("leerlingen/<int:pk>/dossier/notitie/", v.notitie_toevoegen, name="dossier_notitie"),
    path("leerlingen/<int:pk>/dossier/opschonen/", v.dossier_opschonen,
         name="dossier_opschonen"),
    path("leerlingen/<int:pk>/dossier/<int:stuk_pk>/", v.dossierstuk_pagina,
         name="dossierstuk"),
    path("leerlingen/<int:pk>/dossier/<int:stuk_pk>/document/", v.dossierstuk_document,
         name="dossierstuk_document"),
    path("leerlingen/<int:pk>/dossier/<int:stuk_pk>/corrigeren/", v.stuk_corrigeren,
         name="dossierstuk_corrigeren"),
    path("leerlingen/<int:pk>/toegang/", v.toekenning_verlenen, name="toekenning_verlenen"),
    path("leerlingen/<int:pk>/toegang/<int:toekenning_pk>/intrekken/", v.toekenning_intrekken,
         name="toekenning_intrekken"),
]
