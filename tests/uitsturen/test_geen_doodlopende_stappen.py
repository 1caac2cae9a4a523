"""Offered == accepted (issue 13 point 3) for sending out of class: in each state of the
uitstuurmelding, every demo persona is offered exactly the steps the services accept."""

from __future__ import annotations

from statuut.models import Maatregelsoort
from tests import doodlopend
from uitsturen import services
from uitsturen.models import Uitstuurmelding

STAPDATA = {
    "melden": {"verhaal": "Ik praatte."},
    "toelichten": {"reden": "Storen.", "gesprek": "Besproken."},
    "inleveren": {"straf": "Nablijven."},
    "afronden": {},
}


def test_aangeboden_is_geaccepteerd(client, uitstuurwereld):
    w = uitstuurwereld.w
    wie = doodlopend.personas(w)
    trede = Maatregelsoort.objects.get(statuut__school=w.school, code="eruit-sturen")
    verschillen = doodlopend.aangeboden_is_geaccepteerd(client, wie, "/uitsturen/nieuw/", {
        "/uitsturen/nieuw/": {"leerling": w.anna.pk, "maatregelsoort": trede.pk,
                              "vak": "wiskunde", "reden": "Storen."}})
    m = services.uitsturen(door=w.docent, leerling=w.anna, maatregelsoort=trede,
                           vak="wiskunde", reden="Storen.")
    pagina = f"/uitsturen/{m.pk}/"
    stappen = {f"/uitsturen/{m.pk}/{stap}/": data for stap, data in STAPDATA.items()}
    for stap, wie_zet in [("melden", w.teamleider), ("toelichten", w.docent),
                          ("inleveren", w.docent), ("afronden", w.teamleider), (None, None)]:
        verschillen += doodlopend.aangeboden_is_geaccepteerd(client, wie, pagina, stappen)
        if stap is not None:
            m = Uitstuurmelding.objects.get(pk=m.pk)
            getattr(services, stap)(door=wie_zet, melding=m, **STAPDATA[stap])
    assert verschillen == []
