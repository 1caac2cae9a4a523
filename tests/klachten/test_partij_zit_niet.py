"""A member of the geschillencommissie who is a party to the case (the person complained
about, the complainant, a parent or guardian of the pupil concerned) never sits in it: their
deputy does (bijlage B leden 6 en 7). Without a deputy who is no party, the step to the
commission is refused with the reason and nothing changes."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from dossiers.models import Ouder
from klachten.models import Klacht, Zetel

from .conftest import berichten, commissie_instellen, get, post
from .test_geschillencommissie import naar_de_commissie


def _zetel(klacht, naam) -> Zetel:
    return Zetel.objects.select_related("bezet_door").get(zaak__klacht=klacht, lid__naam=naam)


def test_de_docent_over_wie_de_klacht_gaat_zit_niet_zijn_plaatsvervanger_wel(client, kw):
    commissie_instellen(kw)  # D. Docent, the docent complained about, is a member
    klacht, antwoord = naar_de_commissie(client, kw)
    assert berichten(antwoord) == ["De klacht is naar de volgende fase gegaan."]
    zetel = _zetel(klacht, "D. Docent")
    assert (zetel.bezet_door.naam, zetel.verschoning, zetel.verschoning_reden) == (
        "Plv. D. Docent", "is_partij",
        "D. Docent is degene over wie de klacht gaat (bijlage B leden 6 en 7)")
    pagina = get(client, kw.directie, date(2026, 11, 12),
                 reverse("klachten:klacht", args=[klacht.pk])).content.decode()
    assert ("is zelf partij in deze zaak: D. Docent is degene over wie de klacht gaat "
            "(bijlage B leden 6 en 7)") in pagina
    # Nobody can seat him again by a recusal form: his seat is no longer his.
    assert f'name="lid" value="{zetel.lid.pk}"' not in pagina


def test_de_klagende_leerling_en_haar_moeder_zitten_niet(client, kw):
    commissie = commissie_instellen(kw)
    commissie.leden.filter(naam="P. Leerling").update(leerling=kw.anna)
    moeder = Ouder.objects.get(leerlingen=kw.anna)
    commissie.leden.filter(naam="O. Ouder").update(ouder=moeder)
    klacht, _ = naar_de_commissie(client, kw)
    assert _zetel(klacht, "P. Leerling").bezet_door.naam == "Plv. P. Leerling"
    assert _zetel(klacht, "P. Leerling").verschoning_reden == (
        "P. Leerling is zelf klager (bijlage B leden 6 en 7)")
    assert _zetel(klacht, "O. Ouder").bezet_door.naam == "Plv. O. Ouder"
    assert _zetel(klacht, "O. Ouder").verschoning_reden == (
        "O. Ouder is ouder of verzorger van de leerling om wie het gaat (bijlage B leden 6 "
        "en 7)")
    assert _zetel(klacht, "Q. Leerling").bezet_door.naam == "Q. Leerling"


def test_zonder_plaatsvervanger_wordt_de_stap_naar_de_commissie_geweigerd(client, kw):
    commissie = commissie_instellen(kw)
    commissie.leden.filter(naam="Plv. D. Docent").delete()
    klacht, antwoord = naar_de_commissie(client, kw)
    assert berichten(antwoord) == [
        "D. Docent is degene over wie de klacht gaat en zit daarom niet in deze zaak, maar "
        "heeft geen plaatsvervanger: de geschillencommissie kan de klacht niet behandelen "
        "(bijlage B leden 6 en 7). Laat eerst een plaatsvervanger benoemen."]
    klacht = Klacht.objects.get(pk=klacht.pk)
    assert (klacht.fase.code, klacht.status) == ("klacht-schoolleiding", "fase_afgerond")
    assert not Zetel.objects.exists()


def test_een_plaatsvervanger_die_ook_partij_is_zit_evenmin(client, kw):
    commissie = commissie_instellen(kw)
    moeder = Ouder.objects.get(leerlingen=kw.anna)
    commissie.leden.filter(naam__in=["O. Ouder", "Plv. O. Ouder"]).update(ouder=moeder)
    klacht, antwoord = naar_de_commissie(client, kw)
    assert berichten(antwoord) == [
        "O. Ouder is ouder of verzorger van de leerling om wie het gaat, en de "
        "plaatsvervanger is ook partij (Plv. O. Ouder is ouder of verzorger van de leerling "
        "om wie het gaat): geen van beiden zit in deze zaak, dus de geschillencommissie kan "
        "de klacht niet behandelen (bijlage B leden 6 en 7). Laat een andere plaatsvervanger "
        "benoemen."]
    assert Klacht.objects.get(pk=klacht.pk).fase.code == "klacht-schoolleiding"


def test_de_schoolleiding_legt_vast_wie_de_leerling_en_ouderleden_zijn(client, kw):
    """On the composition page the directie links the pupil and parent members (and the
    deputies) to the pupil and parent they are; the commission then knows who is a party."""
    from .test_commissie_samenstellen import DAG as SEPTEMBER
    from .test_commissie_samenstellen import samenstelling, url

    moeder = Ouder.objects.get(leerlingen=kw.anna)
    antwoord = post(client, kw.directie, SEPTEMBER, url(kw), samenstelling(
        kw, **{"leerling-1-leerling": kw.anna.pk, "leerling-1-plvleerling": kw.bram.pk,
               "ouder-1-ouder": moeder.pk}))
    assert berichten(antwoord) == ["De geschillencommissie 2026-2027 is vastgelegd."]
    pagina = get(client, kw.directie, SEPTEMBER, url(kw)).content.decode()
    assert f'<option value="{kw.anna.pk}" selected>' in pagina  # shown again for correcting
    assert f'<option value="{kw.docent.medewerker.pk}" selected>D. Docent (Docent)</option>' in (
        pagina)  # staff with their roles (issue 12 point 17)
    klacht, _ = naar_de_commissie(client, kw)
    assert _zetel(klacht, "P. Peters (5V)").bezet_door.naam == "S. Smit (4H)"
    assert _zetel(klacht, "O. Ouder").bezet_door.naam == "V. Verzorger"
    assert _zetel(klacht, "D. Docent").bezet_door.naam == "E. Anderedocent"
