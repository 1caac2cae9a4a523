"""The sancties pages; included under /sancties/ with the namespace 'sancties'."""

from django.urls import path

from . import views, views_kalender, views_timeout, views_verwijdering

app_name = "sancties"

urlpatterns = [
    path("leerling/<int:pk>/schorsing/", views.schorsing_nieuw, name="schorsing_nieuw"),
    path("leerling/<int:pk>/ontzegging/", views.ontzegging_nieuw, name="ontzegging_nieuw"),
    path("schorsing/<int:pk>/", views.schorsing_pagina, name="schorsing"),
    path("schorsing/<int:pk>/kalender/", views_kalender.kalenderconflict_afhandelen,
         name="schorsing_kalender"),
    path("schorsing/<int:pk>/<slug:stap>/", views.schorsing_stap, name="schorsing_stap"),
    path("leerling/<int:pk>/time-out/", views_timeout.time_out_nieuw, name="time_out_nieuw"),
    path("time-out/nieuw/", views_timeout.time_out_kiezen, name="time_out_kiezen"),
    path("time-out/<int:pk>/", views_timeout.time_out_pagina, name="time_out"),
    path("time-out/<int:pk>/<slug:stap>/", views_timeout.time_out_stap, name="time_out_stap"),
    path("leerling/<int:pk>/verwijdering/", views_verwijdering.verwijdering_nieuw,
         name="verwijdering_nieuw"),
    path("verwijdering/<int:pk>/", views_verwijdering.verwijdering_pagina, name="verwijdering"),
    path("verwijdering/<int:pk>/<slug:stap>/", views_verwijdering.verwijdering_stap,
         name="verwijdering_stap"),
]
