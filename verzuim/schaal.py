"""Te laat and verzuim at a given size for the benchmark (see dossiers/schaal.py): per 250
pupils over ten years about 8,000 late arrivals and 4,000 absences (most judged), 150
threshold steps and 100 leave requests; the current school year holds its share, so the
overviews, the charts and the leerplicht list have rows to count. Written in bulk, without
the dossier entries the services write (the overviews do not read them)."""

from __future__ import annotations

from datetime import timedelta

from dossiers.schaal import Schaalcontext, _bulk
from statuut.hulp import schooljaar_naam

from .models import (
    Absentie,
    Actiestatus,
    Drempelactie,
    Melding,
    Oordeel,
    TeLaat,
    Verlofaanvraag,
    Verlofstatus,
)

#: Most registrations are judged; a few still wait for the mentor.
OORDELEN = [Oordeel.ONGEOORLOOFD] * 6 + [Oordeel.GEOORLOOFD] * 3 + [Oordeel.NOG_TE_BEOORDELEN]


def _werkdag(ctx: Schaalcontext, jaar):
    dag = ctx.datum_in(jaar)
    while dag.weekday() >= 5:
        dag -= timedelta(days=1)
    return dag


def genereren(ctx: Schaalcontext) -> None:
    rng = ctx.rng
    docent, mentor = ctx.gebruikers["docent"], ctx.gebruikers["mentor"]
    administratie = ctx.gebruikers["administratie"]
    directeur = ctx.gebruikers["directeur"]
    huidig = ctx.jaren[-1]

    def leerling_en_jaar():
        return ctx.leerling_met_jaar(0.35)  # a third in the current year

    gezien, te_laat = set(), []
    for _i in range(ctx.aantal(8000)):
        leerling, jaar = leerling_en_jaar()
        dag, uur = _werkdag(ctx, jaar), rng.randint(1, 8)
        if (leerling.pk, dag, uur) in gezien:
            continue
        gezien.add((leerling.pk, dag, uur))
        oordeel = rng.choice(OORDELEN)
        te_laat.append(TeLaat(
            leerling=leerling, datum=dag, lesuur=uur, minuten=rng.randint(1, 30),
            oordeel=oordeel, geregistreerd_door=docent,
            beoordeeld_door=mentor if oordeel != Oordeel.NOG_TE_BEOORDELEN else None))
    _bulk(TeLaat, te_laat)
    absenties = []
    for _i in range(ctx.aantal(4000)):
        leerling, jaar = leerling_en_jaar()
        oordeel = rng.choice(OORDELEN)
        absenties.append(Absentie(
            leerling=leerling, datum=_werkdag(ctx, jaar), uren=rng.randint(1, 8),
            melding=rng.choice(Melding.values), oordeel=oordeel,
            reden=rng.choice(["ziek", "tandarts", "", "familie"]),
            geregistreerd_door=administratie,
            beoordeeld_door=mentor if oordeel != Oordeel.NOG_TE_BEOORDELEN else None))
    _bulk(Absentie, absenties)
    drempels = [d for d in ctx.statuut.verzuimdrempels.all() if d.aantal and d.periode_weken]
    acties, sleutels = [], set()
    for _i in range(ctx.aantal(150)):
        leerling, jaar = leerling_en_jaar()
        drempel = rng.choice(drempels)
        dag = _werkdag(ctx, jaar)
        periode = rng.randint(1, 6)
        sleutel = (leerling.pk, drempel.code, schooljaar_naam(dag), periode)
        if sleutel in sleutels:
            continue
        sleutels.add(sleutel)
        status = (rng.choice([Actiestatus.OPEN, Actiestatus.GEDAAN, Actiestatus.VERVALLEN])
                  if jaar == huidig else Actiestatus.GEDAAN)
        acties.append(Drempelactie(
            leerling=leerling, school=ctx.school, drempel=drempel, drempelcode=drempel.code,
            actie_code=drempel.actie_code, omschrijving=drempel.actie, artikel=drempel.artikel,
            schooljaar=sleutel[2], periode=periode, van=dag - timedelta(days=27), tot=dag,
            aantal=drempel.aantal, overschreden_op=dag, status=status,
            afgesloten_op=dag if status != Actiestatus.OPEN else None,
            afgesloten_door=mentor if status == Actiestatus.GEDAAN else None,
            notitie="Gedaan." if status == Actiestatus.GEDAAN else ""))
    _bulk(Drempelactie, acties)
    verlof = []
    for _i in range(ctx.aantal(100)):
        leerling, jaar = leerling_en_jaar()
        van = _werkdag(ctx, jaar)
        dagen = rng.choice([1, 2, 3, 5, 10, 12])
        status = (rng.choice(Verlofstatus.values) if jaar == huidig
                  else rng.choice([Verlofstatus.TOEGEKEND, Verlofstatus.AFGEWEZEN]))
        beslist = status in (Verlofstatus.TOEGEKEND, Verlofstatus.AFGEWEZEN)
        verlof.append(Verlofaanvraag(
            leerling=leerling, school=ctx.school, eerste_dag=van,
            laatste_dag=van + timedelta(days=dagen + 2 * (dagen // 5)), schooldagen=dagen,
            reden="Familieomstandigheden.", aangevraagd_door="ouder",
            ontvangen_op=van - timedelta(days=14), geregistreerd_door=administratie,
            status=status, beslist_door=directeur if beslist else None,
            beslist_op=van - timedelta(days=7) if beslist else None,
            motivering="Besloten." if beslist else ""))
    _bulk(Verlofaanvraag, verlof)
    ctx.tellingen.update({"te laat": len(te_laat), "absenties": len(absenties),
                          "drempelacties": len(acties), "verlofaanvragen": len(verlof)})
