from django.apps import AppConfig


class StatuutConfig(AppConfig):
    name = "statuut"
    verbose_name = "Statuut en kalender"
