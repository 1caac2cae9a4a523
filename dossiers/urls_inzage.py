from django.urls import path

from . import views_inzage

urlpatterns = [path("inzagelog/", views_inzage.inzagelog, name="inzagelog")]
