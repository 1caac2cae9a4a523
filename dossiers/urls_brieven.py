from django.urls import path

from . import views_brieven as v

urlpatterns = [
    path("post/", v.uitgaande_post, name="uitgaande_post"),
    path("post/bundels/", v.bundel_maken, name="bundel_maken"),
    path("post/bundels/<int:pk>/", v.bundel, name="bundel"),
    path("post/bundels/<int:pk>/pdf/", v.bundel_pdf, name="bundel_pdf"),
    path("post/verzenden/", v.post_verzenden, name="post_verzenden"),
    path("post/<int:pk>/", v.brief_bekijken, name="brief_bekijken"),
    path("post/<int:pk>/pdf/", v.brief_pdf, name="brief_pdf"),
    path("post/<int:pk>/pdf/bekijken/", v.brief_pdf_inline, name="brief_pdf_inline"),
    path("post/<int:pk>/<str:actie>/", v.brief_actie, name="brief_actie"),
    path("leerlingen/<int:pk>/brieven/uitnodiging/", v.brief_uitnodiging,
         name="brief_uitnodiging"),
]
