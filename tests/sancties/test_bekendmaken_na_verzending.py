"""Issue 12 point 5: Echnaton art. 8.4, the pupil, the parents and the mentor are told
"schriftelijk en vooraf". A decision is made known by its letter: "Besluit is bekendgemaakt"
is refused, with the article, while the letter waits in the outgoing post; once it went out
(the date is on the letter) the bekendmaking is confirmed on the page first."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers.models import Brief, Dossierstuk
from sancties.models import Schorsing, Verwijdering

from .conftest import moment
from .helpers import Loper, meldingen, vers
from .test_verwijdering import _stap, _voorbereid

WEIGERING = (
    "Volgens artikel 8.4 van het Leerlingenstatuut OSG Echnaton 2009-2011 wordt het besluit "
    "schriftelijk en vooraf bekendgemaakt: de brief met het besluit staat nog in de uitgaande "
    "post (gemaakt, niet verzonden of afgedrukt). Het besluit is bekendgemaakt zodra de "
    "leerlingenadministratie de brief heeft verzonden of afgedrukt en verstuurd.")


def _besloten(loper: Loper, w, eerste_dag="2026-11-25") -> Schorsing:
    schorsing = loper.als(w.teamleider).voorstellen(
        w.anna, gronden=["Wangedrag of vernieling"], eerste_dag=eerste_dag, schooldagen="1")
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer teamleider")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Anna erkent dat zij de ruit heeft ingegooid.")
    loper.stap(schorsing, "besluiten", eerste_dag=eerste_dag, schooldagen="1",
               motivering="Opzettelijke vernieling van schooleigendom.")
    return vers(schorsing)


def test_geen_bekendmaking_zolang_de_brief_in_de_uitgaande_post_staat(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _besloten(loper, w)
    brief = Brief.objects.get(soort="sanctie_schorsing_besluit")
    assert brief.status == "gemaakt" and brief.verzonden_op is None

    # The page offers no bekendmaking, and says why
    loper.als(w.administratie)
    url = reverse("sancties:schorsing", args=[schorsing.pk])
    pagina = client.get(url).content.decode()
    assert "Besluit is bekendgemaakt" not in pagina
    assert WEIGERING in pagina
    assert "gemaakt; staat nog in de uitgaande post (niet verzonden of afgedrukt)" in pagina
    # Posted anyway, even confirmed: refused with the article, nothing written
    stukken = Dossierstuk.objects.count()
    for data in ({}, {"bevestigd": "ja"}):
        antwoord = loper.stap(schorsing, "bekendmaken", **data)
        assert meldingen(antwoord) == [WEIGERING]
        assert "Bevestig: het besluit is bekendgemaakt" not in antwoord.content.decode()
    assert vers(schorsing).status == "besloten" and Dossierstuk.objects.count() == stukken

    # The administratie prints and posts the letter from the outgoing post
    klok.move_to(moment(2026, 11, 23, 14, 30))
    loper.brief_versturen(brief, w.administratie)
    assert Brief.objects.get(pk=brief.pk).verzonden_op == moment(2026, 11, 23, 14, 30)
    pagina = client.get(url).content.decode()
    assert "verzonden op 23 november 2026 om 14:30 (afdrukken en per post)" in pagina
    assert "Besluit is bekendgemaakt" in pagina

    # One click asks for confirmation first, and changes nothing yet
    antwoord = loper.stap(schorsing, "bekendmaken")
    pagina = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Bevestig: het besluit is bekendgemaakt" in pagina
    assert "De brief met het besluit is op 23 november 2026 verstuurd" in pagina
    assert 'name="bevestigd" value="ja"' in pagina
    assert vers(schorsing).status == "besloten"
    # Confirmed: made known on the day the letter went out
    loper.stap(schorsing, "bekendmaken", bevestigd="ja")
    schorsing = vers(schorsing)
    assert (schorsing.status, schorsing.bekendgemaakt_op) == ("bekendgemaakt",
                                                              date(2026, 11, 23))
    stuk = Dossierstuk.objects.filter(titel="Besluit tot schorsing bekendgemaakt").get()
    assert "de brief is op 23 november 2026 afgedrukt en per post verstuurd" in stuk.inhoud


def test_een_brief_die_pas_op_de_eerste_dag_uitgaat_is_niet_vooraf(
        client, scholen, klok, django_capture_on_commit_callbacks):
    w = scholen.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    schorsing = _besloten(loper, w, eerste_dag="2026-11-24")
    brief = Brief.objects.get(soort="sanctie_schorsing_besluit")
    klok.move_to(moment(2026, 11, 24, 8))
    loper.als(w.administratie).brief_versturen(brief, w.administratie, actie="email")
    antwoord = loper.stap(schorsing, "bekendmaken", bevestigd="ja")
    assert meldingen(antwoord) == [
        "Volgens artikel 8.4 van het Leerlingenstatuut OSG Echnaton 2009-2011 wordt de "
        "schorsing vooraf bekendgemaakt, maar de brief ging pas op 24 november 2026 uit en de "
        "schorsing begint op 24 november 2026. Neem een nieuw besluit met een latere eerste "
        "dag."]
    assert vers(schorsing).status == "besloten"


def test_het_voornemen_tot_verwijdering_is_pas_bekend_als_de_brief_is_verstuurd(
        client, scholen, klok, django_capture_on_commit_callbacks):
    """Noordgouw art. 25.3 b: the intention is told to pupil and parents in writing, with
    reasons; no definitive decision before that."""
    s = scholen
    loper = Loper(client, django_capture_on_commit_callbacks).als(s.directie_ng)
    v = _voorbereid(loper, s.dirk, "Handelingsverlegenheid op pedagogische gronden (het gedrag "
                    "veroorzaakt problemen of brengt de veiligheid in gevaar)", didactisch=False,
                    scholen=scholen)
    _stap(loper, v, "voornemen")
    _stap(loper, v, "benaderen", school="Het Nieuwe Lyceum", benaderd_op="2026-11-23")
    _stap(loper, v, "antwoord", contact=v.schoolcontacten.get().pk, antwoord="toegelaten",
          antwoord_op="2026-11-23")
    _stap(loper, v, "inspectie_overleg", datum="2026-11-23", verslag="Overleg gevoerd.")
    weigering = (
        "Volgens artikel 25.3 van het Leerlingenstatuut Christelijk College de Noordgouw "
        "worden de ouders schriftelijk over het voornemen geïnformeerd: de brief met het "
        "voornemen staat nog in de uitgaande post (nog niet gemaakt, of niet verzonden of "
        "afgedrukt). Het voornemen is bekendgemaakt zodra de brief is verzonden of afgedrukt "
        "en verstuurd.")
    url = reverse("sancties:verwijdering", args=[v.pk])
    pagina = client.get(url).content.decode()
    assert weigering in pagina and 'id="stap-besluiten"' not in pagina
    assert "nog niet: de brief staat in de uitgaande post" in pagina
    antwoord = _stap(loper, v, "voornemen_bekendgemaakt", bevestigd="ja")
    assert meldingen(antwoord) == [weigering]
    antwoord = _stap(loper, v, "besluiten", motivering="Gedrag.")
    assert meldingen(antwoord) == [
        "Het voornemen is nog niet bekendgemaakt: volgens artikel 25.3 van het "
        "Leerlingenstatuut Christelijk College de Noordgouw worden de ouders eerst "
        "schriftelijk over het voornemen geïnformeerd. Verstuur de brief met het voornemen en "
        "leg vast dat het voornemen is bekendgemaakt. Er is niets besloten."]
    assert Verwijdering.objects.get(pk=v.pk).status == "voornemen"

    klok.move_to(moment(2026, 11, 24, 9))
    brief = Brief.objects.get(sleutel=f"verwijdering:{v.pk}:voornemen")
    loper.brief_versturen(brief, s.directie_ng)
    antwoord = _stap(loper, v, "voornemen_bekendgemaakt")  # first: the confirmation
    assert "Bevestig: het voornemen is bekendgemaakt" in antwoord.content.decode()
    assert Verwijdering.objects.get(pk=v.pk).voornemen_bekendgemaakt_op is None
    _stap(loper, v, "voornemen_bekendgemaakt", bevestigd="ja")
    assert Verwijdering.objects.get(pk=v.pk).voornemen_bekendgemaakt_op == date(2026, 11, 24)
    assert 'id="stap-besluiten"' in client.get(url).content.decode()
    _stap(loper, v, "besluiten", motivering="Gedrag.")
    assert Verwijdering.objects.get(pk=v.pk).status == "besloten"
