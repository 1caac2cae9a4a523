"""Sending out of class at a given size for the benchmark (see dossiers/schaal.py): per 250
pupils over ten years about 1,000 uitstuurmeldingen, all completed except in the current
school year, where some are still open at each step, so the teamleider's list of open
meldingen and the start panel have rows to count. Written in bulk, without the dossier
entries, letters and deadlines the services write (the list reads the meldingen)."""

from __future__ import annotations

from datetime import timedelta

from dossiers.schaal import Schaalcontext, _bulk

from .models import Stand, Uitstuurmelding
from .toegang import uitstuurtreden

REDENEN = ["Bleef storen na twee waarschuwingen.", "Weigerde aan het werk te gaan.",
           "Schold een medeleerling uit."]
OPEN_STANDEN = [Stand.UITGESTUURD, Stand.GEMELD, Stand.TOEGELICHT, Stand.INGELEVERD]


def genereren(ctx: Schaalcontext) -> None:
    rng = ctx.rng
    treden = list(uitstuurtreden(ctx.statuut))
    if not treden:
        return
    docent, teamleider = ctx.gebruikers["docent"], ctx.gebruikers["teamleider"]
    huidig = ctx.jaren[-1]
    meldingen = []
    for _i in range(ctx.aantal(1000)):
        leerling, jaar = ctx.leerling_met_jaar(0.3)
        trede = rng.choice(treden)
        dag = ctx.datum_in(jaar)
        tijdstip = ctx.tijdstip(dag)
        stand = (rng.choice(OPEN_STANDEN + [Stand.AFGEROND] * 4) if jaar == huidig
                 else Stand.AFGEROND)
        na = {s: i for i, s in enumerate([*OPEN_STANDEN, Stand.AFGEROND])}[stand]
        meldingen.append(Uitstuurmelding(
            leerling=leerling, school=ctx.school, maatregelsoort=trede,
            maatregel_code=trede.code, maatregel_naam=trede.naam, trede=trede.trede,
            schriftelijk=trede.schriftelijk, docent=docent, tijdstip=tijdstip, datum=dag,
            vak="wiskunde", lesuur=rng.randint(1, 8), reden_kort=rng.choice(REDENEN),
            stand=stand,
            gemeld_bij=teamleider if na >= 1 else None,
            gemeld_op=tijdstip + timedelta(minutes=5) if na >= 1 else None,
            verhaal_leerling="Ik zat alleen te praten." if na >= 1 else "",
            reden_docent=rng.choice(REDENEN) if na >= 2 else "",
            gesprek="Na de les besproken." if na >= 2 else "",
            toegelicht_op=tijdstip + timedelta(hours=1) if na >= 2 else None,
            straf="Een uur nablijven." if na >= 3 else "",
            ingeleverd_op=tijdstip + timedelta(hours=2) if na >= 3 else None,
            afgerond_door=teamleider if na >= 4 else None,
            afgerond_op=tijdstip + timedelta(hours=3) if na >= 4 else None))
    _bulk(Uitstuurmelding, meldingen)
    ctx.tellingen["uitstuurmeldingen"] = len(meldingen)
