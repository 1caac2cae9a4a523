"""Walking a schorsing through the pages as a user would."""

from __future__ import annotations

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from dossiers.models import Brief
from sancties.models import Schorsing
from tests.personas import ingelogd


def pdf_tekst(brief: Brief) -> str:
    brief = Brief.objects.get(pk=brief.pk)
    reader = PdfReader(BytesIO(bytes(brief.pdf)))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def meldingen(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


class Loper:
    """Posts the forms of the schorsing pages as `user`, committing like a real request."""

    def __init__(self, client, capture):
        self.client, self.capture = client, capture

    def als(self, user) -> Loper:
        self.user = user
        ingelogd(self.client, user)
        return self

    def post(self, url: str, data: dict):
        # Logged in again when the clock moved on by days: that ends the session.
        ingelogd(self.client, self.user)
        with self.capture(execute=True):
            return self.client.post(url, data, follow=True)

    def voorstellen(self, leerling, **data) -> Schorsing | None:
        data = {"ernst": "ernstig", "feiten": "Vechtpartij op het schoolplein om 10.15 uur.",
                **data}
        self.antwoord = self.post(reverse("sancties:schorsing_nieuw", args=[leerling.pk]), data)
        return Schorsing.objects.filter(leerling=leerling).order_by("-pk").first()

    def stap(self, schorsing: Schorsing, stap: str, **data):
        self.antwoord = self.post(reverse("sancties:schorsing_stap", args=[schorsing.pk, stap]),
                                  data)
        return self.antwoord

    def brief_versturen(self, brief: Brief, verzender, actie: str = "afgedrukt"):
        """`verzender` (who handles the school's post) prints and posts, or e-mails, the
        letter from the outgoing post; then the walk goes on as the same user as before."""
        vorige = self.user
        # Sending asks for confirmation on the letter's page (issue 12, point 14).
        self.als(verzender).post(reverse("brief_actie", args=[brief.pk, actie]),
                                 {"bevestigd": "1"})
        self.als(vorige)

    def bekendmaken(self, schorsing: Schorsing, verzender, actie: str = "afgedrukt"):
        """Art. 8.4 "schriftelijk en vooraf": the decision letter goes out first, then the
        bekendmaking is recorded and confirmed on the page."""
        brief = Brief.objects.get(sleutel=f"schorsing:{schorsing.pk}:besluit")
        self.brief_versturen(brief, verzender, actie)
        return self.stap(schorsing, "bekendmaken", bevestigd="ja")


def vers(schorsing: Schorsing) -> Schorsing:
    """A protected FSM field cannot refresh_from_db: fetch again."""
    return Schorsing.objects.get(pk=schorsing.pk)
