"""A complaint's dossier entries and letters follow the complaint's own policy: the person
complained about and other readers of the correspondence section do not read them."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from klachten import services as ks
from tests.sancties.conftest import klok, scholen  # noqa: F401, F811  (Mon 23 Nov 2026)

OP = date(2026, 11, 23)


def _tekst(response) -> str:
    return " ".join(response.content.decode().split())


def test_de_beklaagde_en_de_administratie_lezen_het_verslag_niet_in_het_dossier(
        client, scholen, django_capture_on_commit_callbacks):  # noqa: F811
    w = scholen.w
    with django_capture_on_commit_callbacks(execute=True):
        k = ks.klacht_indienen(door=w.mentor, leerling=w.anna, klager_soort="leerling",
                               onderwerp_soort="medewerker", beklaagde=w.teamleider.medewerker,
                               onderwerp="Teamleider schreeuwt",
                               omschrijving="GEHEIM-OMSCHRIJVING", op=OP,
                               eerste_fase_gehad="Gesprek gehad.")
        ks.fase_afronden(door=w.mentor, klacht=k, op=OP,
                         wat_gebeurde="GEHEIM-VERSLAG: uitgescholden waar de klas bij was.",
                         reactie_klager="Anna wil verder.")
    # The person complained about reads the dossier (teamleider of Anna's afdeling), but not
    # the complaint's entries or its letters.
    client.force_login(w.teamleider)
    dossier = _tekst(client.get(reverse("dossier", args=[w.anna.pk])))
    assert "GEHEIM-VERSLAG" not in dossier and "Teamleider schreeuwt" not in dossier
    assert "Ontvangstbevestiging" not in dossier
    # The administratie reads the whole dossier at Echnaton, but has no business with it.
    client.force_login(w.administratie)
    dossier = _tekst(client.get(reverse("dossier", args=[w.anna.pk])))
    assert "GEHEIM-VERSLAG" not in dossier and "Ontvangstbevestiging" not in dossier
    # The mentor who handles it reads it.
    client.force_login(w.mentor)
    dossier = _tekst(client.get(reverse("dossier", args=[w.anna.pk])))
    assert "GEHEIM-VERSLAG" in dossier and "Ontvangstbevestiging" in dossier
