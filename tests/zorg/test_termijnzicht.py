"""A care case's deadline is listed and opened only for whoever sees the case (the privacy
rule "a deadline is visible exactly to those who may see its subject"): holding the role a
deadline went to opens nothing without the relation to the pupil. A pupil without a mentor:
the conversation after a signal goes to whom sees the case (seed 001 stap 1a, stap 3-5)."""

from __future__ import annotations

from django.urls import reverse

from dossiers import selectors
from statuut.models import Eenheid, Termijn
from statuut.services import termijn_openen
from zorg import services
from zorg.models import Zorgdossier

from .conftest import VANDAAG


def test_zonder_mentor_gaat_het_gesprek_naar_de_zorgcoordinatoren(client, zw):
    # Bram's group 1B has no mentor, and Echnaton's rows give the mentor's steps only to the
    # mentor for their own pupils: the zorgcoördinatoren, who coordinate care, are told.
    services.signaal_melden(door=zw.zorgcoordinator, leerling=zw.bram, bron="docent",
                            categorieen=["verzuim"], waarneming="Vaak afwezig.", datum=VANDAAG)
    termijn = Termijn.objects.get(omschrijving="Gesprek mentor met leerling na zorgsignaal")
    assert (termijn.verantwoordelijke, termijn.verantwoordelijke_rol) == (None,
                                                                          "zorgcoordinator")
    assert termijn in selectors.open_termijnen(zw.zorgcoordinator)
    client.force_login(zw.zorgcoordinator)
    assert client.get(reverse("termijn", args=[termijn.pk])).status_code == 200


def test_een_termijn_voor_de_mentorrol_ziet_alleen_de_mentor_van_de_leerling(client, zw):
    services.signaal_melden(door=zw.zorgcoordinator, leerling=zw.bram, bron="docent",
                            categorieen=["verzuim"], waarneming="Vaak afwezig.", datum=VANDAAG)
    zaak = Zorgdossier.objects.get(leerling=zw.bram)
    # A deadline for "the mentor" about Bram's case (rows that name the role): Anna's mentor
    # (1A) holds the role, not Bram: not listed, not even without his name, and a 404.
    termijn = termijn_openen(
        school=zw.school, omschrijving=f"Zorgtraject {zaak.kenmerk}: wacht op de mentor",
        startdatum=VANDAAG, aantal=2, eenheid=Eenheid.SCHOOLDAGEN, onderwerp=zaak,
        verantwoordelijke_rol="mentor")
    assert termijn not in selectors.open_termijnen(zw.mentor)
    client.force_login(zw.mentor)
    assert client.get(reverse("termijn", args=[termijn.pk])).status_code == 404
    assert zaak.kenmerk not in client.get("/termijnen/").content.decode()
    # Once 1B is also theirs, the deadline is theirs to see.
    zw.groep_1b.mentoren.add(zw.mentor.medewerker)
    assert termijn in selectors.open_termijnen(zw.mentor)
    assert client.get(reverse("termijn", args=[termijn.pk])).status_code == 200
