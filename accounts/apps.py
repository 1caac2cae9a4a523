from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Inloggen"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import sessie

        # Stamps the session at every login, including the tests' force_login, so the
        # middleware never has to compute anything on an ordinary request.
        user_logged_in.connect(sessie.bij_inloggen, dispatch_uid="accounts.sessie")
