"""Issue 12 point 3: a time-out "duurt niet langer dan de dag waarop deze in werking is
getreden" (seed 004). Seen the next day, the page, the pupil's ladder and the directeur's
start panel no longer say "in werking"; they say what follow-up is still open."""

from __future__ import annotations

from django.urls import reverse

from sancties.models import TimeOut

from .conftest import moment
from .helpers import Loper

PANEEL = "Lopende en komende schorsingen, time-outs en verwijderingen"


def _stap(loper: Loper, t: TimeOut, stap: str, **data):
    return loper.post(reverse("sancties:time_out_stap", args=[t.pk, stap]), data)


def _goedgekeurd(loper: Loper, s) -> TimeOut:
    loper.als(s.leerkracht_wz).post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]), {
        "incident": "Sanne gooide een stoel naar een klasgenoot.",
        "motivering": "Veiligheid van de groep."})
    t = TimeOut.objects.get()
    loper.als(s.directeur_wz)
    _stap(loper, t, "goedkeuren", besluit="ja")
    return TimeOut.objects.get(pk=t.pk)


def test_de_time_out_van_gisteren_is_afgelopen_en_de_pagina_noemt_het_open_vervolg(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks)
    t = _goedgekeurd(loper, s)
    url = reverse("sancties:time_out", args=[t.pk])
    vandaag = client.get(url).content.decode()
    assert "in werking (rest van de dag)" in vandaag

    klok.move_to(moment(2026, 11, 24, 8, 30))
    client.force_login(s.directeur_wz)
    pagina = client.get(url).content.decode()
    assert "in werking" not in pagina
    assert "afgelopen (de time-out gold op 23 november 2026)" in pagina
    for open_ in ["Ouders informeren (of de redelijke gronden om het niet te doen vastleggen)",
                  "Ouders uitnodigen voor een gesprek",
                  "Verslag van het gesprek, door de ouders getekend, in het dossier"]:
        assert open_ in pagina, open_
    # The follow-up may still be recorded after the day
    assert 'id="stap-informeren"' in pagina and 'id="stap-uitnodigen"' in pagina

    start = client.get(reverse("start")).content.decode()
    assert PANEEL in start and "in werking" not in start
    assert "afgelopen (de time-out gold op 23 november 2026)" in start
    assert ("nog open: ouders informeren (of de redelijke gronden om het niet te doen "
            "vastleggen); ouders uitnodigen voor een gesprek; verslag van het gesprek, door "
            "de ouders getekend, in het dossier") in start
    leerling = client.get(reverse("leerling", args=[s.sanne.pk])).content.decode()
    assert "in werking" not in leerling

    # Informed and invited: the page and the panel say what is left
    _stap(loper, t, "informeren", telefoonnotitie="Moeder gebeld; zij komt graag praten.")
    _stap(loper, t, "uitnodigen", op="2026-11-26T15:00", plaats="directiekamer",
          met_wie="de groepsleerkracht en de directeur")
    pagina = client.get(url).content.decode()
    assert "Gesprek met de ouders op 26 november 2026" in pagina
    assert "Ouders informeren" not in pagina.split('id="nog-open"')[1].split("</section>")[0]
    start = client.get(reverse("start")).content.decode()
    assert ("nog open: gesprek met de ouders op 26 november 2026; verslag van het gesprek, "
            "door de ouders getekend, in het dossier") in start
    assert TimeOut.objects.get(pk=t.pk).status == "goedgekeurd"  # derived, nothing moved


def test_een_time_out_die_op_de_dag_zelf_niet_is_goedgekeurd_is_vervallen(
        client, scholen, klok, django_capture_on_commit_callbacks):
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.leerkracht_wz)
    loper.post(reverse("sancties:time_out_nieuw", args=[s.sanne.pk]),
               {"incident": "Schoppen.", "motivering": "Veiligheid."})
    t = TimeOut.objects.get()
    klok.move_to(moment(2026, 11, 24, 8, 30))
    client.force_login(s.directeur_wz)
    pagina = client.get(reverse("sancties:time_out", args=[t.pk])).content.decode()
    assert "vervallen: niet goedgekeurd op 23 november 2026" in pagina
    # The page no longer offers the approval the service refuses
    assert 'id="stap-goedkeuren"' not in pagina
