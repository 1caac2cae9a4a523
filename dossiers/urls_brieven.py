from django.urls import path

from . import views_brieven as v

urlpatterns = [
    path("post/", v.uitgaande_post, name="uitgaande_post"),
    path("post/<int:pk>/pdf/", v.brief_pdf, name="brief_pdf"),
    path("post/<int:pk>/<str:actie>/", v.brief_actie, name="brief_actie"),
]
