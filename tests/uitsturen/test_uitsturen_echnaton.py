"""Echnaton bijlage A "Je bent uit de les gestuurd", through the pages: the teacher sends the
pupil out; the pupil reports to the (assistent) teamleider, who starts the uitstuurbrief with
the pupil's account; the teacher fills in the reason and the conversation, then the
punishment, and hands the letter in; the teamleider completes it and the letter goes to the
parents (PDF, dossier section gedrag). Each step only by whom the statuut's rows name."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from dossiers.models import Brief, Dossierstuk
from statuut.models import Maatregelsoort, Termijn
from uitsturen.models import Stand, Uitstuurmelding

pytestmark = pytest.mark.django_db


def _meldingen(antwoord) -> list[str]:
    return [str(m) for m in antwoord.context["messages"]] if antwoord.context else []


def _pdf_tekst(brief: Brief) -> str:
    brief = Brief.objects.get(pk=brief.pk)
    reader = PdfReader(BytesIO(bytes(brief.pdf)))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


class Loper:
    def __init__(self, client, capture):
        self.client, self.capture = client, capture

    def post(self, user, url: str, data: dict):
        self.client.force_login(user)
        with self.capture(execute=True):
            return self.client.post(url, data, follow=True)

    def stap(self, user, m, stap: str, **data):
        return self.post(user, reverse("uitsturen:stap", args=[m.pk, stap]), data)


def _vers(m) -> Uitstuurmelding:
    return Uitstuurmelding.objects.get(pk=m.pk)


def _uitsturen(loper, w, **extra):
    trede = Maatregelsoort.objects.get(statuut__school=w.school, code="eruit-sturen")
    data = {"leerling": w.anna.pk, "maatregelsoort": trede.pk, "vak": "wiskunde",
            "lesuur": 3, "reden": "Bleef storen na twee waarschuwingen.", **extra}
    antwoord = loper.post(w.docent, reverse("uitsturen:nieuw"), data)
    return antwoord, Uitstuurmelding.objects.filter(leerling=w.anna).order_by("-pk").first()


def test_de_hele_route_van_bijlage_a_met_wie_elke_stap_zet(
        client, uitstuurwereld, django_capture_on_commit_callbacks):
    w = uitstuurwereld.w
    loper = Loper(client, django_capture_on_commit_callbacks)

    # The teacher: the form offers the pupils of their own groups and the rung.
    client.force_login(w.docent)
    pagina = client.get(reverse("uitsturen:nieuw")).content.decode()
    assert "Anna de Vries (1001, 1A)" in pagina
    assert "Bram" not in pagina  # 1B: not a group of this teacher
    antwoord, m = _uitsturen(loper, w)
    assert ("Anna de Vries is uit de les gestuurd en meldt zich direct bij de teamleider of "
            "afdelingsleider.") in \
        _meldingen(antwoord)
    assert m.stand == Stand.UITGESTUURD and m.docent == w.docent
    assert m.schriftelijk is True
    stuk = Dossierstuk.objects.get(bron_id=m.pk, titel__startswith="Uit de les gestuurd")
    assert stuk.sectie == "gedrag" and stuk.auteur == w.docent

    # Who may not start the letter: the teacher and the mentor (no row), the teamleider of
    # the other department (not their pupil) gets 404.
    stukken = Dossierstuk.objects.filter(leerling=w.anna).count()
    for wie in (w.docent, w.mentor):
        antwoord = loper.stap(wie, m, "melden", verhaal="Ik deed niks.")
        assert _vers(m).stand == Stand.UITGESTUURD
        assert _vers(m).verhaal_leerling == ""
    assert Dossierstuk.objects.filter(leerling=w.anna).count() == stukken
    assert _meldingen(antwoord) == [
        "Dit mag u niet: de melding van de uitgestuurde leerling ontvangen is volgens het "
        "onderdeel ‘Je bent uit de les gestuurd’ van het Leerlingenstatuut OSG Echnaton "
        "2009-2011 voorbehouden aan Teamleider / afdelingsleider."]
    client.force_login(w.teamleider_bovenbouw)
    assert client.post(reverse("uitsturen:stap", args=[m.pk, "melden"]),
                       {"verhaal": "x"}).status_code == 404
    assert client.get(reverse("uitsturen:melding", args=[m.pk])).status_code == 404

    # The teamleider: an empty account is refused, nothing written.
    antwoord = loper.stap(w.teamleider, m, "melden", verhaal="  ")
    assert _meldingen(antwoord) == ["Vul in: wat volgens de leerling de reden is."]
    assert _vers(m).stand == Stand.UITGESTUURD
    loper.stap(w.teamleider, m, "melden", verhaal="Ik lachte om een grap van Bram.")
    m = _vers(m)
    assert (m.stand, m.gemeld_bij) == (Stand.GEMELD, w.teamleider)

    # The teacher's part: only the teacher who sent the pupil out.
    antwoord = loper.stap(w.teamleider, m, "toelichten", reden="x", gesprek="y")
    assert _meldingen(antwoord) == [
        "Dit deel van de uitstuurbrief vult de leraar in die de leerling uit de les stuurde "
        "(bijlage A): D. Docent."]
    antwoord = loper.stap(w.docent, m, "toelichten", reden="Storen na twee waarschuwingen.")
    assert _meldingen(antwoord) == ["Schrijf op wat u met de leerling besprak, of de datum "
                                    "van de afspraak voor het gesprek."]
    assert _vers(m).stand == Stand.GEMELD
    loper.stap(w.docent, m, "toelichten", reden="Storen na twee waarschuwingen.",
               gesprek="Besproken na de les; Anna ziet in dat het zo niet kan.")
    antwoord = loper.stap(w.teamleider, m, "afronden")
    assert _meldingen(antwoord) == ["Eerst levert de leraar de brief in bij de teamleider."]
    loper.stap(w.docent, m, "inleveren", straf="Een uur nablijven op maandag.")
    m = _vers(m)
    assert m.stand == Stand.INGELEVERD

    # Completing: the teamleider (maatregel.informeren), not the teacher.
    antwoord = loper.stap(w.docent, m, "afronden")
    assert _meldingen(antwoord) == [
        "Dit mag u niet: de uitstuurmelding afronden is volgens het onderdeel ‘Je bent uit de "
        "les gestuurd’ van het Leerlingenstatuut OSG Echnaton 2009-2011 voorbehouden aan "
        "Teamleider / afdelingsleider."]
    assert not Brief.objects.filter(leerling=w.anna, soort="uitstuurbrief").exists()
    antwoord = loper.stap(w.teamleider, m, "afronden")
    assert "De uitstuurmelding is afgerond. De uitstuurbrief gaat naar de ouders." in \
        _meldingen(antwoord)
    m = _vers(m)
    assert (m.stand, m.afgerond_door) == (Stand.AFGEROND, w.teamleider)

    # The letter: PDF, in section gedrag, with its three parts.
    brief = Brief.objects.get(pk=m.brief_id)
    assert brief.soort == "uitstuurbrief"
    assert Dossierstuk.objects.filter(sectie="gedrag", titel__icontains="Uitstuurbrief",
                                      leerling=w.anna).exists()
    tekst = _pdf_tekst(brief)
    assert "Op 20-11-2026 is Anna door D. Docent uit de les gestuurd (wiskunde, 3e uur)." in tekst
    assert "1. De reden volgens de leerling Ik lachte om een grap van Bram." in tekst
    assert ("2. De reden volgens de leraar en het gesprek Storen na twee waarschuwingen. "
            "Gesprek: Besproken na de les; Anna ziet in dat het zo niet kan.") in tekst
    assert "3. De straf Een uur nablijven op maandag." in tekst
    assert "bijlage A eruit" in tekst
    # Echnaton art. 12 Beroep 1: against a teacher's measure, to the teamleiding, settled
    # within ten school days (the one appeal mechanism's remedy for this melding).
    assert ("Beroep binnen de school. Dit is een maatregel van de docent. Daartegen kunt u in "
            "beroep gaan bij de teamleider van Echnaton Testcollege") in tekst
    assert "Het beroep wordt binnen 10 schooldagen afgehandeld." in tekst
    assert "artikel 12 beroep 1" in tekst.lower()


def test_uitstuurmelding_op_vrijdag_is_uiterlijk_die_vrijdag_af_voor_de_leraar(
        client, uitstuurwereld, django_capture_on_commit_callbacks):
    w = uitstuurwereld.w
    loper = Loper(client, django_capture_on_commit_callbacks)
    _antwoord, m = _uitsturen(loper, w)
    termijn = Termijn.objects.get(pk=m.termijn_id)
    assert termijn.vervaldatum == date(2026, 11, 20)  # Friday: that Friday, not Monday
    assert termijn.verantwoordelijke == w.docent
    assert termijn.status == "open"
    client.force_login(w.docent)
    assert "20-11-2026" in client.get(reverse("uitsturen:melding", args=[m.pk])).content.decode()
    # The teacher's "Mijn termijnen" on the start page lists it (naming the pupil to them).
    start = client.get(reverse("start")).content.decode()
    assert "Uitstuurmelding afronden (uitstuurbrief)" in start
    assert "Anna de Vries" in start
    loper.stap(w.teamleider, m, "melden", verhaal="Ik deed niks.")
    loper.stap(w.docent, m, "toelichten", reden="Storen.", afspraak_op="2026-11-23")
    assert Termijn.objects.get(pk=termijn.pk).status == "open"
    loper.stap(w.docent, m, "inleveren", straf="", gesprek="Maandag gesproken.")
    assert Termijn.objects.get(pk=termijn.pk).status == "voldaan"


def test_wie_de_leerling_niet_lesgeeft_kan_hem_niet_uitsturen(client, uitstuurwereld):
    w = uitstuurwereld.w
    trede = Maatregelsoort.objects.get(statuut__school=w.school, code="eruit-sturen")
    client.force_login(w.docent)
    antwoord = client.post(reverse("uitsturen:nieuw"), {
        "leerling": w.chris.pk, "maatregelsoort": trede.pk, "vak": "wiskunde",
        "reden": "storen"})
    assert antwoord.status_code == 400
    assert "Kies een leerling uit uw eigen groepen." in antwoord.content.decode()
    # The teamleider holds no maatregel.opleggen for this rung: no form at all.
    client.force_login(w.administratie)
    assert client.get(reverse("uitsturen:nieuw")).status_code == 404
    assert not Uitstuurmelding.objects.exists()
