"""The daily measures at a given size for the benchmark (see dossiers/schaal.py): per 250
pupils over ten years about 3,000 measures from the statuut's ladder (strafwerk and, for the
teamleider, the gele and rode kaart), most carried out, a few not; the current school year
holds its share, so the quick registration's "earlier measures" and the ladder panel have
rows. Written in bulk, without the dossier entries the services write (the pages that read
measures read the measures)."""

from __future__ import annotations

from dossiers.schaal import Schaalcontext, _bulk

from . import toegang
from .models import Lesmaatregel, Stand

OVERTREDINGEN = ["Praten tijdens de uitleg.", "Huiswerk niet gemaakt.", "Telefoon in de les.",
                 "Te laat in de les en brutaal.", "Spullen van een medeleerling afgepakt."]
#: Most measures are carried out; some are open, a few were not kept or withdrawn.
STANDEN = [Stand.UITGEVOERD] * 6 + [Stand.OPGELEGD] * 2 + [Stand.NIET_UITGEVOERD,
                                                            Stand.INGETROKKEN]


def genereren(ctx: Schaalcontext) -> None:
    rng = ctx.rng
    treden = list(ctx.statuut.maatregelen.filter(soort__in=toegang.SOORTEN).order_by("trede"))
    if not treden:
        return
    docent, teamleider = ctx.gebruikers["docent"], ctx.gebruikers["teamleider"]
    huidig = ctx.jaren[-1]
    maatregelen = []
    for _i in range(ctx.aantal(3000)):
        leerling, jaar = ctx.leerling_met_jaar(0.3)
        trede = rng.choice(treden)
        kaart = trede.soort == "kaart"
        door, als = (teamleider, "teamleider") if kaart else (docent, "docent")
        stand = rng.choice(STANDEN) if jaar == huidig else Stand.UITGEVOERD
        dag = ctx.datum_in(jaar)
        afspraak = "" if trede.soort == "waarschuwing" else "Inleveren bij de docent."
        if not afspraak and stand in (Stand.UITGEVOERD, Stand.NIET_UITGEVOERD):
            stand = Stand.OPGELEGD  # a warning is never carried out or not
        maatregelen.append(Lesmaatregel(
            leerling=leerling, statuut=ctx.statuut, maatregelsoort=trede,
            artikel=trede.artikel, opgelegd_door=door, opgelegd_als=als, datum=dag,
            lesuur=rng.randint(1, 8), vak="wiskunde", overtreding=rng.choice(OVERTREDINGEN),
            afspraak=afspraak, uiterlijk=dag if afspraak else None, stand=stand,
            afgehandeld_door=door if stand != Stand.OPGELEGD else None,
            afgehandeld_op=dag if stand != Stand.OPGELEGD else None))
    _bulk(Lesmaatregel, maatregelen)
    ctx.tellingen["lesmaatregelen"] = len(maatregelen)
