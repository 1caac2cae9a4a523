"""Issue 12, point 16: "Mijn termijnen" names the pupil a deadline is about to whoever may
see that pupil; the text's own reference stays alone for whoever may not. The names come
from one query, however many deadlines there are."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType

from statuut.models import Eenheid, Termijn
from tests.personas import maak_leerling
from tests.queries import warm
from tests.zorg.conftest import tekst
from zorg.models import Zorgdossier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def klok():
    with time_machine.travel(date(2026, 11, 24), tick=False):
        yield


def _termijn(w, onderwerp, omschrijving: str, **wie) -> Termijn:
    return Termijn.objects.create(
        school=w.school, omschrijving=omschrijving, startdatum=date(2026, 11, 24), aantal=5,
        eenheid=Eenheid.SCHOOLDAGEN, vervaldatum=date(2026, 12, 1),
        onderwerp_type=ContentType.objects.get_for_model(onderwerp), onderwerp_id=onderwerp.pk,
        **wie)


def _zorgdossier(w, leerling) -> Zorgdossier:
    return Zorgdossier.objects.create(school=w.school, leerling=leerling,
                                      geopend_op=date(2026, 11, 24), geopend_door=w.docent)


def test_de_mentor_ziet_bij_twee_gelijke_termijnen_welke_leerling_het_is(client, wereld):
    w = wereld
    for leerling in (w.anna, maak_leerling(w.school, "1004", "Eva", "Smit", w.groep_1a)):
        _termijn(w, _zorgdossier(w, leerling), "Gesprek mentor met leerling na zorgsignaal",
                 verantwoordelijke=w.mentor)
    client.force_login(w.mentor)
    pagina = tekst(client.get("/"))
    assert "Gesprek mentor met leerling na zorgsignaal – Anna de Vries" in pagina
    assert "Gesprek mentor met leerling na zorgsignaal – Eva Smit" in pagina


def test_een_leerling_in_mijn_termijnen_staat_in_de_inzagelog(client, wereld):
    from dossiers.models import Inzage

    w = wereld
    # A guard: a pupil the page names is logged once (in the list read), not twice.
    _termijn(w, _zorgdossier(w, w.chris), "Gesprek mentor met leerling na zorgsignaal",
             verantwoordelijke=w.teamleider_bovenbouw)
    client.force_login(w.teamleider_bovenbouw)
    assert "– Chris Bakker" in tekst(client.get("/"))
    # The start page is one read (one row per page view) naming Chris among the pupils shown.
    rijen = list(Inzage.objects.filter(user=w.teamleider_bovenbouw))
    assert [(r.lijst, r.onderdeel) for r in rijen] == [("startpagina", "leerlingenlijst")]
    assert rijen[0].leerlingnummers.split().count(w.chris.leerlingnummer) == 1


def test_wie_de_leerling_niet_mag_zien_ziet_ook_haar_termijn_niet(client, wereld):
    w = wereld
    # A deadline about Anna's care case (Onderbouw) for the teamleider of the Bovenbouw, who
    # may not see her (Echnaton art. 9.3: the teamleider sees the pupils of their own
    # department). Issue 12 kept the reference and dropped the name; the privacy rule "a
    # deadline is visible exactly to those who may see its subject" drops the whole line
    # (zorg/toegang.py `_zorgtermijnen`): not even the case's reference is shown.
    zd = _zorgdossier(w, w.anna)
    _termijn(w, zd, f"Zorgtraject Z-{zd.pk}: kijk mee", verantwoordelijke=w.teamleider_bovenbouw)
    client.force_login(w.teamleider_bovenbouw)
    pagina = tekst(client.get("/"))
    assert f"Z-{zd.pk}" not in pagina
    assert "Anna" not in pagina and "Vries" not in pagina


def test_de_namen_kosten_een_vast_aantal_queries(client, wereld):
    w = wereld
    client.force_login(w.mentor)

    def termijnen(van: int, tot: int) -> None:
        for i in range(van, tot):
            leerling = maak_leerling(w.school, f"8{i:03d}", f"Naam{i}", "Leerling", w.groep_1a)
            _termijn(w, _zorgdossier(w, leerling), "Gesprek mentor met leerling na zorgsignaal",
                     verantwoordelijke=w.mentor)

    termijnen(0, 5)
    vijf, antwoord = warm(lambda: client.get("/"))
    assert "– Naam4 Leerling" in tekst(antwoord)
    termijnen(5, 30)
    dertig, antwoord = warm(lambda: client.get("/"))
    # The first twenty, named (the rest behind "Alle termijnen").
    assert "– Naam19 Leerling" in tekst(antwoord)
    assert len(dertig) == len(vijf)
