"""The klachten demo cases: loaded by seed_demo, twice without doubles, visible to the right
demo users only."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from klachten.models import Beroep, Commissielid, Klacht

from .conftest import get


@pytest.mark.django_db
def test_de_demo_laadt_twee_keer_zonder_dubbelen_en_toont_elke_zaak_aan_de_juiste_rol(client):
    call_command("seed_demo", stdout=StringIO())
    aantallen = (Klacht.objects.count(), Beroep.objects.count(), Commissielid.objects.count())
    from klachten import demo

    demo.demo_laden()
    assert (Klacht.objects.count(), Beroep.objects.count(),
            Commissielid.objects.count()) == aantallen == (6, 1, 10)
    fasen = dict(Klacht.objects.values_list("onderwerp", "fase__code"))
    assert fasen == {
        "Cijfer werkstuk geschiedenis niet uitgelegd": "bemiddeling-mentor",
        "Opmerkingen in de kleedkamer": "seksuele-intimidatie",
        "Huiswerkbelasting in week 41": "klacht-schoolleiding",
        "Uitsluiting van de excursie": "geschillencommissie",
        "Lessen vallen vaak uit": "reactie-conrector",
        "Toetsstof niet behandeld": "bemiddeling",
    }
    # Noordgouw art. 19.2: the afdelingsleider recorded the mediation.
    stap = Klacht.objects.get(onderwerp="Toetsstof niet behandeld").stappen.get(
        fase__code="bemiddeling")
    assert stap.afgerond_door == _u("teamleider-noordgouw")
    dag = date(2026, 11, 23)
    overzicht = get(client, _u("directeur-echnaton"), dag, reverse("klachten:overzicht"))
    tekst = overzicht.content.decode()
    assert "Huiswerkbelasting in week 41" in tekst and "Opmerkingen in de kleedkamer" not in tekst
    assert "Opmerkingen in de kleedkamer" in get(client, _u("vertrouwenspersoon-echnaton"), dag,
                                                 reverse("klachten:overzicht")).content.decode()


def _u(naam):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=naam)
