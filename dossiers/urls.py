from django.urls import path

from . import views

urlpatterns = [
    path("", views.start, name="start"),
    path("leerlingen/<int:pk>/", views.leerling_detail, name="leerling"),
]
