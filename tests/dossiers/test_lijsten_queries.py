"""List pages that had no query-count pin (issue 15): 5 rows and 50 rows cost the same."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dossiers import audit
from tests.personas import maak_leerling
from tests.queries import warm


def _gelezen(wereld, van: int, tot: int) -> None:
    """The mentor reads the pupil page of new pupils `van`..`tot` (in 1A): a row each."""
    for i in range(van, tot):
        leerling = maak_leerling(wereld.school, f"7{i:03d}", f"Log{i}", "Leerling",
                                 wereld.groep_1a)
        audit.inzage_vastleggen(user=wereld.mentor, leerling=leerling,
                                onderdeel="centrale administratie ABCDEFGH")


def test_het_inzagelog_kost_een_vast_aantal_queries(client, wereld):
    client.force_login(wereld.directie)
    url = reverse("inzagelog")
    _gelezen(wereld, 0, 5)
    vijf, pagina = warm(lambda: client.get(url, {"lezer": "mentor"}))
    assert len(pagina.context["pagina"].object_list) == 5
    _gelezen(wereld, 5, 50)
    vijftig, pagina = warm(lambda: client.get(url, {"lezer": "mentor"}))
    assert len(pagina.context["pagina"].object_list) == 50
    assert len(vijftig) == len(vijf)


def test_een_grote_afdeling_toont_per_groep_het_aantal_en_op_verzoek_de_leerlingen(
        client, wereld):
    """Above `AFDELING_ALLE_LEERLINGEN` pupils a department's groups show their number;
    one group lists its pupils when asked, for the same number of queries."""
    from dossiers.models import Groepsplaatsing, Leerling
    from dossiers.selectors import AFDELING_ALLE_LEERLINGEN

    Leerling.objects.bulk_create([Leerling(
        school=wereld.school, leerlingnummer=f"6{i:04d}", roepnaam=f"Groot{i}",
        achternaam="Leerling", geboortedatum=wereld.anna.geboortedatum)
        for i in range(AFDELING_ALLE_LEERLINGEN)])
    Groepsplaatsing.objects.bulk_create([
        Groepsplaatsing(leerling=ll, groep=wereld.groep_1a)
        for ll in Leerling.objects.filter(roepnaam__startswith="Groot")])
    maak_leerling(wereld.school, "59999", "Klein", "Leerling", wereld.groep_1b)
    client.force_login(wereld.teamleider)
    client.get(reverse("start"))  # warm caches
    with CaptureQueriesContext(connection) as ingeklapt:
        inhoud = client.get(reverse("start")).content.decode()
    aantal_1a = Groepsplaatsing.objects.filter(groep=wereld.groep_1a).count()
    afdeling = inhoud.split("Groepen van mijn afdeling")[1].split("<h3>")[0]
    assert f"{aantal_1a} leerlingen tonen" in afdeling
    assert f'href="?groep={wereld.groep_1a.pk}#groep-{wereld.groep_1a.pk}"' in afdeling
    assert "Groot0 Leerling" not in afdeling and "Anna de Vries" not in afdeling
    assert "Klein Leerling" not in afdeling
    # Opening the small group or the large one costs the same (the pupils shown are read,
    # so both write their read-log row; the folded page showed nobody and wrote none).
    with CaptureQueriesContext(connection) as klein:
        inhoud = client.get(reverse("start"), {"groep": wereld.groep_1b.pk}).content.decode()
    assert "Klein Leerling" in inhoud and "Groot0 Leerling" not in inhoud
    with CaptureQueriesContext(connection) as groot:
        inhoud = client.get(reverse("start"), {"groep": wereld.groep_1a.pk}).content.decode()
    afdeling = inhoud.split("Groepen van mijn afdeling")[1].split("<h3>")[0]
    assert "Groot199 Leerling" in afdeling and "Anna de Vries" in afdeling
    assert "Klein Leerling" not in afdeling
    assert len(groot) == len(klein)
    assert len(ingeklapt) <= len(groot)
