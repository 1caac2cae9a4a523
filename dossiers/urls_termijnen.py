from django.urls import path

from . import views_termijnen as v

urlpatterns = [
    path("agenda/", v.agenda, name="agenda"),
    path("agenda/nieuw/", v.agenda_link_maken, name="agenda_link_maken"),
    path("agenda/intrekken/", v.agenda_link_intrekken, name="agenda_link_intrekken"),
    path("agenda/<str:sleutel>.ics", v.agenda_feed, name="agenda_feed"),
]
