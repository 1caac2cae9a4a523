"""The outgoing post costs a fixed number of queries, whatever the number of letters and
pupils in it (issue 15: it grew with every pupil, through the check of who may read each
letter)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from dossiers.models import Brief, BriefOntvanger, Briefstatus, Verzendwijze
from tests.personas import maak_leerling
from tests.queries import warm


def _brieven(w, van: int, tot: int) -> None:
    """A letter made and one sent for each of new pupils `van`..`tot` (in 1A and 4H: the
    mentor's own group and another)."""
    nu = timezone.now()
    for i in range(van, tot):
        groep = w.groep_1a if i % 2 else w.groep_4h
        leerling = maak_leerling(w.school, f"8{i:03d}", f"Post{i}", "Leerling", groep)
        for status in (Briefstatus.GEMAAKT, Briefstatus.VERZONDEN):
            brief = Brief.objects.create(
                school=w.school, leerling=leerling, soort="uitnodiging_gesprek",
                sleutel=f"post-{i}-{status}", status=status, datum=nu.date(),
                verzendwijze=Verzendwijze.EMAIL, aangevraagd_door=w.mentor,
                verzonden_op=nu if status == Briefstatus.VERZONDEN else None,
                verzonden_door=w.administratie if status == Briefstatus.VERZONDEN else None)
            BriefOntvanger.objects.create(brief=brief, partij="ouder", naam=f"Ouder {i}",
                                          email=f"ouder{i}@example.org")


def test_de_uitgaande_post_kost_een_vast_aantal_queries(client, school_met_brieven):
    w = school_met_brieven
    client.force_login(w.administratie)
    _brieven(w, 0, 5)
    vijf, pagina = warm(lambda: client.get(reverse("uitgaande_post")))
    assert len(pagina.context["email"]) == 5 and len(pagina.context["verzonden"]) == 5
    _brieven(w, 5, 50)
    vijftig, pagina = warm(lambda: client.get(reverse("uitgaande_post")))
    assert len(pagina.context["email"]) == 50 and len(pagina.context["verzonden"]) == 50
    assert "Post49 Leerling" in pagina.content.decode()
    assert len(vijftig) == len(vijf)
