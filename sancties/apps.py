from django.apps import AppConfig


class SanctiesConfig(AppConfig):
    name = "sancties"
    verbose_name = "Sancties"
