"""A care case's deadline is listed and opened only for whoever sees the case (the privacy
rule "a deadline is visible exactly to those who may see its subject"): holding the role
the deadline went to opens nothing without the relation to the pupil."""

from __future__ import annotations

from django.urls import reverse

from dossiers import selectors
from statuut.models import Termijn
from zorg import services

from .conftest import VANDAAG


def test_het_gesprek_voor_een_leerling_zonder_mentor_ziet_geen_andere_mentor(client, zw):
    # Bram's group 1B has no mentor: the mentor's conversation (seed 001 stap 1a) goes to
    # the role that holds it, the mentor, whose row is for their own pupils.
    services.signaal_melden(door=zw.zorgcoordinator, leerling=zw.bram, bron="docent",
                            categorieen=["verzuim"], waarneming="Vaak afwezig.", datum=VANDAAG)
    termijn = Termijn.objects.get(omschrijving="Gesprek mentor met leerling na zorgsignaal")
    assert (termijn.verantwoordelijke, termijn.verantwoordelijke_rol) == (None, "mentor")
    # Anna's mentor (1A) holds the role, not Bram: not listed, not even without his name,
    # and the page is a 404.
    assert termijn not in selectors.open_termijnen(zw.mentor)
    client.force_login(zw.mentor)
    assert client.get(reverse("termijn", args=[termijn.pk])).status_code == 404
    assert "Gesprek mentor" not in client.get("/termijnen/").content.decode()
    # Once 1B has a mentor, the deadline is theirs to see.
    zw.groep_1b.mentoren.add(zw.mentor.medewerker)
    assert termijn in selectors.open_termijnen(zw.mentor)
    assert client.get(reverse("termijn", args=[termijn.pk])).status_code == 200
