"""The time-out flow (never past its day, seed 004) is offered only where the statuut's
ladder has a real time-out rung. Echnaton's "ontzegging van lessen voor langere tijd" (seed
002 art. 7.2) lasts longer than a day by its very name: it is no time-out rung."""

from __future__ import annotations

from django.urls import reverse

from sancties.models import TimeOut

from .helpers import Loper

KNOP = "Time-out vastleggen"


def test_echnaton_kent_geen_time_out(client, scholen, django_capture_on_commit_callbacks):
    w = scholen.w
    rung = w.school.statuten.get().maatregelen.get(code="ontzegging-lessen")
    assert (rung.naam, rung.soort, rung.artikel) == (
        "Ontzegging van lessen voor langere tijd", "uitsturen", "7.2")
    loper = Loper(client, django_capture_on_commit_callbacks)
    for wie in (w.teamleider, w.directie):
        loper.als(wie)
        pagina = client.get(reverse("leerling", args=[w.anna.pk])).content.decode()
        assert "Maatregelen (ladder)" in pagina and KNOP not in pagina
        antwoord = client.get(reverse("sancties:time_out_nieuw", args=[w.anna.pk]))
        assert antwoord.status_code == 404
        assert ("Het leerlingenstatuut van de school kent geen time-out."
                in antwoord.content.decode())
        antwoord = loper.post(reverse("sancties:time_out_nieuw", args=[w.anna.pk]),
                              {"incident": "Vechtpartij.", "motivering": "Veiligheid."})
        assert antwoord.status_code == 404
    assert not TimeOut.objects.exists()


def test_noordgouw_en_wijzer_bieden_de_time_out(client, scholen):
    s = scholen
    for wie, leerling in ((s.directie_ng, s.dirk), (s.afdelingsleider_ng, s.dirk),
                          (s.directeur_wz, s.sanne)):
        client.force_login(wie)
        pagina = client.get(reverse("leerling", args=[leerling.pk])).content.decode()
        assert KNOP in pagina, wie
        assert client.get(reverse("sancties:time_out_nieuw",
                                  args=[leerling.pk])).status_code == 200


def test_de_snelle_registratie_leidt_de_time_out_naar_de_pagina_van_de_leerling(client, scholen):
    """Noordgouw art. 22.4d: the afdelingsleider's quick registration offers the time-out
    rung, which is recorded on the pupil's own time-out page; without one pupil the page
    says what to do and changes nothing."""
    s = scholen
    client.force_login(s.afdelingsleider_ng)
    antwoord = client.get(reverse("sancties:time_out_kiezen"), {"leerling": s.dirk.pk})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("sancties:time_out_nieuw", args=[s.dirk.pk])
    antwoord = client.get(reverse("sancties:time_out_kiezen"))
    assert antwoord.status_code == 400
    assert "Een time-out leg je per leerling vast." in antwoord.content.decode()
    assert not TimeOut.objects.exists()
    # The quick registration's second step links the rung here, with the pupil chosen.
    antwoord = client.get(reverse("gedrag:registreren"), {
        "school": s.dirk.school_id, "leerling": [s.dirk.pk]})
    pagina = antwoord.content.decode()
    assert (f'{reverse("sancties:time_out_kiezen")}?maatregelsoort=time-out&amp;leerling='
            f'{s.dirk.pk}') in pagina
