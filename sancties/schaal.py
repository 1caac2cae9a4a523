"""Schorsingen at a given size for the benchmark (see dossiers/schaal.py): 5,000 per 250
pupils over ten years (the measured ratio), nearly all afgerond, a few still in the states
the machine allows before that."""

from __future__ import annotations

from datetime import timedelta

from dossiers.schaal import Schaalcontext, _bulk

from .models import Ernst, Schorsing, Schorsingstatus

VOOR_AFGEROND = [Schorsingstatus.CONCEPT, Schorsingstatus.GEHOORD, Schorsingstatus.BESLOTEN,
                 Schorsingstatus.BEKENDGEMAAKT]


def genereren(ctx: Schaalcontext) -> None:
    rng = ctx.rng
    teamleider, directeur = ctx.gebruikers["teamleider"], ctx.gebruikers["directeur"]
    schorsingen = []
    for _i in range(ctx.aantal(5_000)):
        leerling, jaar = ctx.leerling_met_jaar()
        voorgesteld = ctx.datum_in(jaar)
        recent = ctx.vandaag - voorgesteld < timedelta(days=10)
        status = rng.choice(VOOR_AFGEROND) if recent else Schorsingstatus.AFGEROND
        besloten = status not in (Schorsingstatus.CONCEPT, Schorsingstatus.GEHOORD)
        dagen = rng.choice([1, 1, 1, 2, 3, 5])
        eerste = voorgesteld + timedelta(days=3)
        schorsingen.append(Schorsing(
            school=ctx.school, leerling=leerling, status=status, ernst=rng.choice(Ernst.values),
            gronden=["7.2"], feiten="Herhaald ernstig wangedrag in de les.",
            eerste_dag=eerste, schooldagen=dagen, laatste_dag=eerste + timedelta(days=dagen - 1),
            voorgesteld_door=teamleider, voorgesteld_op=voorgesteld, statuut=ctx.statuut,
            gehoord_op=voorgesteld + timedelta(days=1) if status != "concept" else None,
            ouders_aanwezig=status != "concept",
            besloten_door=directeur if besloten else None,
            besloten_op=voorgesteld + timedelta(days=2) if besloten else None,
            motivering="Gezien de ernst en de herhaling." if besloten else "",
            bekendgemaakt_op=voorgesteld + timedelta(days=2)
            if status in (Schorsingstatus.BEKENDGEMAAKT, Schorsingstatus.AFGEROND) else None,
            inspectie_melden=dagen > 1,
            # A schorsing is afgerond only once the inspectie was told (art. 8.5).
            inspectie_gemeld_op=voorgesteld + timedelta(days=3)
            if dagen > 1 and status == Schorsingstatus.AFGEROND else None,
            afgerond_op=eerste + timedelta(days=dagen + 2)
            if status == Schorsingstatus.AFGEROND else None))
    _bulk(Schorsing, schorsingen)
    ctx.tellingen["schorsingen"] = len(schorsingen)
