from django.urls import path
from django.views.generic import TemplateView

# Placeholder so the menu resolves; replaced by the read log.
urlpatterns: list = [path("inzagelog/", TemplateView.as_view(template_name="base.html"),
                          name="inzagelog")]
