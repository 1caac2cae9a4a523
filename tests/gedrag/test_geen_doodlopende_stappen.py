"""Offered == accepted (issue 13 point 3) for the daily measures: in each state of a
measure, every demo persona is offered exactly the steps the services accept for them;
the quick registration offers its form to exactly whom the rows let impose the rung."""

from __future__ import annotations

from datetime import date

from gedrag import services
from tests import doodlopend

STAPDATA = {
    "uitgevoerd": {"toelichting": "Ingeleverd."},
    "niet_uitgevoerd": {"toelichting": "Niet ingeleverd."},
    "intrekken": {"toelichting": "Vergissing."},
    "aangifte": {"gedaan": "ja", "op": "2026-11-23", "door_wie": "T. Leider"},
    "opvolgen": {"toelichting": "Gele kaart gegeven."},
    "melding": {"toelichting": "Gezien."},
}


def _stappen(m) -> dict:
    return {f"/gedrag/maatregel/{m.pk}/{stap}/": data for stap, data in STAPDATA.items()}


def test_aangeboden_is_geaccepteerd(client, w, klas):
    wie = doodlopend.personas(w)
    verschillen = []
    # Imposing strafwerk: the second step's form, for Anna (each rung: the test below).
    verschillen += doodlopend.aangeboden_is_geaccepteerd(
        client, wie, f"/gedrag/registreren/?leerling={w.anna.pk}",
        {"/gedrag/registreren/": {"leerling": w.anna.pk, "keuze": "m:strafwerk",
                                  "overtreding": "Storen.", "datum": "2026-11-23"}})
    # A measure in each state: opgelegd (to carry out, aangifte open), then not carried out
    # (the teamleider follows up), then withdrawn.
    (m,) = services.maatregel_opleggen(
        door=w.docent, leerlingen=[w.anna], maatregelsoort="strafwerk", overtreding="Vuurwerk.",
        afspraak="Werkstuk over veiligheid", uiterlijk=date(2026, 11, 25),
        categorie="vuurwerk")
    pagina = f"/gedrag/maatregel/{m.pk}/"
    verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie, pagina, _stappen(m))
    m = services.aangifte_vastleggen(door=w.teamleider, maatregel=m, gedaan=True,
                                     op=date(2026, 11, 23), door_wie="T. Leider")
    m = services.uitvoering_vastleggen(door=w.docent, maatregel=m, uitgevoerd=False)
    verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie, pagina, _stappen(m))
    m = services.intrekken(door=w.docent, maatregel=m, reden="Vergissing.")
    verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie, pagina, _stappen(m))
    # A fraude decision: nothing to carry out.
    (f,) = services.fraude_vastleggen(door=w.docent, leerlingen=[w.anna],
                                      fraudemaatregel="cijfer-1", overtreding="Spiekbriefje.")
    verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie, f"/gedrag/maatregel/"
                                                         f"{f.pk}/", _stappen(f))
    assert verschillen == []


def test_de_registratie_biedt_elke_trede_aan_wie_hem_mag_opleggen(client, w, klas):
    """The rung offered on the page is the rung the service accepts, per persona."""
    wie = doodlopend.personas(w)
    verschillen = []
    for rol, user in wie.items():
        client.force_login(user)
        # One GET per persona serves every rung: each POST below is rolled back.
        antwoord = client.get("/gedrag/registreren/", {"leerling": w.anna.pk})
        pagina = antwoord.content.decode() if antwoord.status_code == 200 else ""
        for keuze in ("m:strafwerk", "m:gele-kaart", "m:rode-kaart", "f:cijfer-1"):
            aangeboden = f'value="{keuze}"' in pagina
            ja, waarom = doodlopend.probeer(client, "/gedrag/registreren/", {
                "leerling": w.anna.pk, "keuze": keuze, "overtreding": "Storen.",
                "datum": "2026-11-23"})
            if aangeboden != ja:
                verschillen.append(f"{rol} {keuze}: aangeboden={aangeboden} geaccepteerd={ja} "
                                   f"{waarom}")
    assert verschillen == []
