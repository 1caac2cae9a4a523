from django.urls import path  # noqa: F401
from django.views.generic import TemplateView

# Placeholder so the menu resolves; replaced by the agenda page.
urlpatterns: list = [path("agenda/", TemplateView.as_view(template_name="base.html"),
                          name="agenda")]
