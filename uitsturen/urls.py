from django.urls import path

from . import views

app_name = "uitsturen"

urlpatterns = [
    path("nieuw/", views.nieuw, name="nieuw"),
    path("open/", views.overzicht, name="overzicht"),
    path("<int:pk>/", views.melding, name="melding"),
    path("<int:pk>/<str:stap>/", views.stap, name="stap"),
]
