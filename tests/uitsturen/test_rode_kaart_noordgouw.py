"""Noordgouw art. 1: the rode kaart: the teacher removes the pupil from the class as an order
measure, and the pupil reports at once to an afdelingsleider. The same route as Echnaton's;
the statuut's rung (not schriftelijk) says no letter goes to the parents."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dossiers.models import Brief, Dossierstuk
from statuut.models import Maatregelsoort, Termijn
from uitsturen.models import Stand, Uitstuurmelding

pytestmark = pytest.mark.django_db


def _meldingen(antwoord) -> list[str]:
    return [str(m) for m in antwoord.context["messages"]] if antwoord.context else []


def test_rode_kaart_direct_naar_de_afdelingsleider_zonder_brief(client, uitstuurwereld):
    s = uitstuurwereld
    trede = Maatregelsoort.objects.get(statuut__school=s.dirk.school, code="rode-kaart")
    assert trede.schriftelijk is False
    client.force_login(s.docent_ng)
    pagina = client.get(reverse("uitsturen:nieuw") + f"?leerling={s.dirk.pk}"
                        f"&maatregelsoort=rode-kaart").content.decode()
    assert "Rode kaart (uit de klas; direct melden bij de afdelingsleider)" in pagina
    antwoord = client.post(reverse("uitsturen:nieuw"), {
        "leerling": s.dirk.pk, "maatregelsoort": trede.pk, "vak": "biologie",
        "reden": "Gooide met een schrift."}, follow=True)
    assert _meldingen(antwoord) == ["Dirk Visser is uit de les gestuurd en meldt zich direct "
                                    "bij de teamleider of afdelingsleider."]
    m = Uitstuurmelding.objects.get(leerling=s.dirk)
    assert (m.maatregel_code, m.stand, m.schriftelijk) == ("rode-kaart", Stand.UITGESTUURD,
                                                          False)

    def stap(wie, naam, **data):
        client.force_login(wie)
        return client.post(reverse("uitsturen:stap", args=[m.pk, naam]), data, follow=True)

    # The directie (buitenstaander: directie and mentor at Noordgouw) may not receive it.
    antwoord = stap(s.w.buitenstaander, "melden", verhaal="x")
    assert _meldingen(antwoord) == [
        "Dit mag u niet: de melding van de uitgestuurde leerling ontvangen is volgens "
        "artikel 1 van het Leerlingenstatuut Christelijk College de Noordgouw voorbehouden aan "
        "Teamleider / afdelingsleider."]
    stap(s.afdelingsleider_ng, "melden", verhaal="Het schrift was van mij.")
    stap(s.docent_ng, "toelichten", reden="Gooide met een schrift.", gesprek="Na de les.")
    stap(s.docent_ng, "inleveren", straf="")
    antwoord = stap(s.afdelingsleider_ng, "afronden")
    assert _meldingen(antwoord) == ["De uitstuurmelding is afgerond."]
    m = Uitstuurmelding.objects.get(pk=m.pk)
    assert m.stand == Stand.AFGEROND and m.brief_id is None
    assert not Brief.objects.filter(leerling=s.dirk).exists()
    assert Termijn.objects.get(pk=m.termijn_id).status == "voldaan"
    stuk = Dossierstuk.objects.get(bron_id=m.pk, titel__startswith="Uitstuurmelding afgerond")
    assert "Geen brief aan de ouders volgens het leerlingenstatuut." in stuk.inhoud
    assert "Straf: Geen straf." in stuk.inhoud
