from django.apps import AppConfig


class ZorgConfig(AppConfig):
    name = "zorg"
    verbose_name = "Zorg"
