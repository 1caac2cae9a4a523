"""Care cases at a given size for the benchmark (see dossiers/schaal.py): about 500 cases and
880 signals per 250 pupils over ten years, most closed, the open ones spread over the phases
the machine allows (one open case per pupil, as the database requires)."""

from __future__ import annotations

from datetime import timedelta

from dossiers.schaal import Schaalcontext, _bulk

from .models import OPEN_FASEN, Signaal, Signaalbron, Signaalcategorie, Zorgdossier, Zorgfase


def genereren(ctx: Schaalcontext) -> None:
    rng = ctx.rng
    melders = [ctx.gebruikers["mentor"], ctx.gebruikers["zorgcoordinator"]]
    dossiers, open_leerlingen = [], set()
    for _i in range(ctx.aantal(500)):
        leerling, jaar = ctx.leerling_met_jaar()
        geopend = ctx.datum_in(jaar)
        huidig = jaar == ctx.jaren[-1] and leerling.pk not in open_leerlingen
        if huidig and rng.random() < 0.6:
            open_leerlingen.add(leerling.pk)
            fase, afgesloten = rng.choice(OPEN_FASEN), None
        else:
            fase = Zorgfase.AFGESLOTEN
            afgesloten = min(ctx.vandaag, geopend + timedelta(days=rng.randrange(20, 200)))
        dossiers.append(Zorgdossier(
            school=ctx.school, leerling=leerling, fase=fase, geopend_op=geopend,
            geopend_door=rng.choice(melders), afgesloten_op=afgesloten,
            conclusie="Afgesloten na evaluatie." if afgesloten else ""))
    dossiers = _bulk(Zorgdossier, dossiers)
    signalen = []
    for _i in range(ctx.aantal(880)):
        zd = rng.choice(dossiers)
        signalen.append(Signaal(
            zorgdossier=zd, leerling_id=zd.leerling_id, bron=rng.choice(Signaalbron.values),
            categorieen=[rng.choice(Signaalcategorie.values)],
            waarneming="Leerling is stil en haalt lagere cijfers.",
            datum=zd.geopend_op, gemeld_door=rng.choice(melders)))
    _bulk(Signaal, signalen)
    ctx.tellingen.update(zorgdossiers=len(dossiers), signalen=len(signalen))
