from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=20, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text",
                                      "autofocus": True, "size": 12}),
    )


class HerstelForm(PasswordResetForm):
    """Django's reset form (it answers the same whether or not the address is known), but the
    mail goes through a Celery task after commit, never inside the request (DESIGN.md)."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):
        from .tasks import herstelmail_versturen

        user_id, domein, protocol = context["user"].pk, context["domain"], context["protocol"]
        transaction.on_commit(
            lambda: herstelmail_versturen.delay(user_id, domein, protocol), robust=True)
