from django.urls import path

from . import views

app_name = "gedrag"

urlpatterns = [
    path("registreren/", views.registreren, name="registreren"),
    path("maatregel/<int:pk>/", views.maatregel, name="maatregel"),
    path("maatregel/<int:pk>/<slug:stap>/", views.stap, name="stap"),
]
