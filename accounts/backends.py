"""The login backend: Django's ModelBackend, reading the staff record with the user."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class GebruikerBackend(ModelBackend):
    """Every request of a logged-in user loads the user and then, at the first policy
    question, `user.medewerker` (dossiers/toegang/basis.py): one query with a join instead
    of two. A user without a Medewerker gets the same answer (DoesNotExist) from the join."""

    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = model._default_manager.select_related("medewerker").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
