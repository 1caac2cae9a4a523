"""The klachten blocks on the shared pages: a menu item and a start-page panel."""

from django.utils.translation import gettext_lazy as _

from dossiers import toegang
from dossiers.models import Inzagesoort
from dossiers.panelen import leerlingpaneel, menu_item, startpaneel
from statuut.models import Omvang

from . import selectors
from . import toegang as klachten_toegang


@menu_item(sleutel="klachten", label=_("Klachten"), url_naam="klachten:overzicht", volgorde=50)
def _menu(user) -> bool:
    # Every staff member: no extra query on every page (the header loads the Medewerker
    # anyway). The overview shows each user only what they have business with.
    return klachten_toegang.heeft_klachtenmenu(user)


#: Who gets the start-page panel: those who oversee the complaints of the whole school (the
#: overview, the confidential reports). A handler (mentor, teamleider) already finds their
#: stage's deadline under "Mijn termijnen".
PANEELACTIES = (klachten_toegang.OVERZICHT_ZIEN, klachten_toegang.VERTROUWELIJK_INZIEN)


@startpaneel(sleutel="klachten", template="klachten/_startpaneel.html", volgorde=50)
def _start(*, user, school, rollen, op):
    """Open complaints the user has business with at this school, overdue first."""
    rechten = klachten_toegang.klachtrechten(user, op)
    if not any(rechten.houdt(actie, school, omvang=Omvang.SCHOOL) for actie in PANEELACTIES):
        return None
    klachten = selectors.open_klachten(user, school=school, op=op, rechten=rechten)
    if not klachten:
        return None
    return {"klachten": klachten[:5], "aantal": len(klachten),
            "te_laat": sum(1 for k in klachten if k.te_laat)}


@leerlingpaneel(sleutel="klachten", template="klachten/_leerlingpaneel.html", volgorde=50)
def _leerling(*, user, leerling, rechten, op):
    """The pupil's complaints, beroep and bezwaar the user has business with, and the links
    to file one on the pupil's behalf."""
    rechten = klachten_toegang.klachtrechten(user, op)
    klachten = list(selectors.zichtbare_klachten(user, op=op, rechten=rechten)
                    .filter(leerling=leerling))
    beroepen = list(selectors.zichtbare_beroepen(user, op=op, rechten=rechten)
                    .filter(leerling=leerling))
    mag_indienen = rechten.houdt(klachten_toegang.KLACHT_INDIENEN, leerling.school_id)
    mag_beroep = rechten.houdt(klachten_toegang.BEROEP_INSTELLEN, leerling.school_id)
    if not (klachten or beroepen or mag_indienen or mag_beroep):
        return None
    vertrouwelijk = any(k.route == "vertrouwelijk" for k in klachten)
    return {"leerling": leerling, "klachten": klachten, "beroepen": beroepen,
            "mag_indienen": mag_indienen, "mag_beroep": mag_beroep,
            "inzage": "klachten, beroep en bezwaar" if klachten or beroepen else "",
            "inzagesoorten": (Inzagesoort.KLACHT, Inzagesoort.VERTROUWELIJK) if vertrouwelijk
            else (Inzagesoort.KLACHT,)}


@toegang.bronbeleid("klachten", inzagesoort=Inzagesoort.KLACHT)
def _klachtstukken(user, leerling, op):
    """A complaint's dossier entries and letters (correspondentie) are read by whoever has
    full sight of the complaint, never by the person complained about (who sees only that it
    exists) nor by other readers of the section; a beroep's by whoever has business with it."""
    from .models import Beroep, Klacht

    klachten = (klachten_toegang.klachten_voor(user, Klacht.objects.filter(leerling=leerling),
                                               op=op).exclude(beklaagde__user=user))
    beroepen = klachten_toegang.beroepen_voor(user, Beroep.objects.filter(leerling=leerling),
                                              op=op)
    return [(Klacht, klachten.values("pk")), (Beroep, beroepen.values("pk"))]


@toegang.onderwerpbeleid("klachten.klacht")
def _klachttermijnen(user):
    """A complaint's deadlines are seen by whoever sees the complaint (a confidential report:
    the vertrouwenspersoon and whom they shared it with, never the directie as such)."""
    from .models import Klacht

    return klachten_toegang.klachten_voor(user, Klacht.objects.all()).values("pk")


@toegang.onderwerpbeleid("klachten.beroep")
def _beroepstermijnen(user):
    from .models import Beroep

    return klachten_toegang.beroepen_voor(user, Beroep.objects.all()).values("pk")
