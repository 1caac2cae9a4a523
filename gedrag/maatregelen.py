"""The daily measure in the shared mechanisms (`dossiers.maatregelen`), registered from
`GedragConfig.ready()`:

- its remedies: the statuut's internal beroep (`Beroepsregel`) against a measure of the
  role in which it was imposed (Echnaton art. 12 Beroep 1: against a docent's measure at
  the teamleiding, decided within ten school days; Beroep 2: against the teamleiding's,
  in writing at the schoolleiding; Noordgouw art. 22.3: to the afdelingsleider), decided by
  whom its `beroep.beslissen` row names; filed in the klachten flow;
- how the outcome is applied (`services.toepassen`);
- its place on the ladder (`registreer_ladderbron`), filtered by this flow's policy;
- the page that records its soorten (`registreer_invoer`).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from dossiers import maatregelen
from dossiers import toegang as dossiertoegang
from dossiers.maatregelen import Ladderregel, Rechtsmiddel
from statuut.models import Beroepsregel

from . import services, toegang
from .models import Lesmaatregel, Stand


def rechtsmiddelen(m: Lesmaatregel) -> list[Rechtsmiddel]:
    if m.stand == Stand.INGETROKKEN or not m.opgelegd_als:
        return []
    uit = []
    for regel in Beroepsregel.objects.filter(statuut=m.statuut, soort=Beroepsregel.Soort.BEROEP,
                                             tegen=m.opgelegd_als).order_by("pk"):
        rijen = dossiertoegang.rijen(m.statuut, "beroep.beslissen", voor=regel.code)
        termijn = ((regel.indientermijn_aantal, regel.indientermijn_eenheid)
                   if regel.indientermijn_aantal and regel.indientermijn_eenheid else None)
        uit.append(Rechtsmiddel("beroep", rijen[0].rol if rijen else "", regel.artikel, regel,
                                termijn))
    return uit


def omschrijving(m: Lesmaatregel) -> str:
    return _("%(n)s van %(d)s") % {"n": m.naam.lower() if m.is_fraude else m.naam,
                                   "d": f"{m.datum:%d-%m-%Y}"}


def ladderbron(leerling, gebruiker) -> list[Ladderregel]:
    """The pupil's daily measures, for whoever may read the behaviour section; the ones
    `gebruiker` imposed, for them (gedrag/toegang.py `zichtbaar`)."""
    qs = Lesmaatregel.objects.filter(leerling=leerling)
    if not toegang.mag_zien(gebruiker, leerling):
        qs = qs.filter(opgelegd_door_id=gebruiker.pk)
    uit = []
    for m in (qs
              .select_related("maatregelsoort").order_by("-datum", "-pk")):
        weg = m.stand == Stand.INGETROKKEN
        uit.append(Ladderregel(
            datum=m.datum, trede=None if weg or m.is_fraude else m.maatregelsoort.trede,
            naam=m.naam, omschrijving=m.overtreding[:200], stand=m.get_stand_display(),
            url=reverse("gedrag:maatregel", args=[m.pk])))
    return uit


def registreren() -> None:
    maatregelen.registreer_maatregel(Lesmaatregel, rechtsmiddelen=rechtsmiddelen,
                                     toepassen=services.toepassen, omschrijving=omschrijving)
    maatregelen.registreer_ladderbron(ladderbron)
    for soort in toegang.SOORTEN:
        maatregelen.registreer_invoer(soort, "gedrag:registreren")
