"""Complaints at a given size for the benchmark (see dossiers/schaal.py): 200 per 250 pupils
over ten years, on the statuut's first stage of the general route, most handled."""

from __future__ import annotations

from dossiers.models import Medewerker
from dossiers.schaal import Schaalcontext, _bulk
from statuut.models import Klachtfase

from .models import Klacht, Klachtonderwerp, Klachtstatus, Klagersoort


def genereren(ctx: Schaalcontext) -> None:
    rng = ctx.rng
    eerste_fase = (Klachtfase.objects.filter(statuut=ctx.statuut, route=Klachtfase.Route.ALGEMEEN)
                   .order_by("volgorde").first())
    if eerste_fase is None:
        return
    beklaagden = list(Medewerker.objects.filter(rollen__school=ctx.school).distinct()[:20])
    klachten = []
    for i in range(ctx.aantal(200)):
        leerling, jaar = ctx.leerling_met_jaar()
        ingediend = ctx.datum_in(jaar)
        open_ = jaar == ctx.jaren[-1] and rng.random() < 0.3
        klachten.append(Klacht(
            school=ctx.school, statuut=ctx.statuut, route=Klachtfase.Route.ALGEMEEN,
            fase=eerste_fase,
            status=Klachtstatus.IN_BEHANDELING if open_ else Klachtstatus.AFGEHANDELD,
            klager_soort=Klagersoort.OUDERS, leerling=leerling,
            onderwerp_soort=Klachtonderwerp.MEDEWERKER, beklaagde=rng.choice(beklaagden),
            onderwerp=f"Klacht {i}", omschrijving="Ouders zijn het niet eens met de aanpak.",
            ingediend_op=ingediend, ingediend_door=ctx.gebruikers["mentor"],
            afgesloten_op=None if open_ else ingediend))
    _bulk(Klacht, klachten)
    ctx.tellingen["klachten"] = len(klachten)
