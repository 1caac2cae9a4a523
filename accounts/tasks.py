"""The password reset mail, sent by a task: it takes the user's id and makes the link itself,
so no reset token travels through the broker."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


@shared_task(name="accounts.herstelmail_versturen", acks_late=True, max_retries=3,
             autoretry_for=(OSError,), retry_backoff=True)
def herstelmail_versturen(user_id: int, domein: str, protocol: str) -> bool:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or not user.has_usable_password():
        return False
    context = {
        "user": user, "domain": domein, "protocol": protocol,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    onderwerp = "".join(render_to_string("registration/password_reset_subject.txt",
                                         context).splitlines())
    tekst = render_to_string("registration/password_reset_email.html", context)
    send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True
