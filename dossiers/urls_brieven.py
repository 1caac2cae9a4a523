from django.urls import path
from django.views.generic import TemplateView

# Placeholder so the menu resolves; replaced by the outbox.
urlpatterns: list = [path("post/", TemplateView.as_view(template_name="base.html"),
                          name="uitgaande_post")]
