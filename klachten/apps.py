from django.apps import AppConfig


class KlachtenConfig(AppConfig):
    name = "klachten"
    verbose_name = "Klachten"
