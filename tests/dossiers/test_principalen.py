"""Principals beyond staff (issue 13 point 6): the pupil and a parent with gezag hold rights
of their own under the statuut's authority rows, each in their own relation to one pupil
(Echnaton art. 9.3 and 9.6, Noordgouw art. 6.1). No pages yet: the portal is built on this.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from dossiers import toegang
from dossiers.models import Ouder, Ouderschap
from statuut.models import Bevoegdheid, Principaal
from tests.personas import WACHTWOORD, maak_leerling

OP = date(2026, 12, 7)


def _account(naam: str):
    return get_user_model().objects.create_user(username=naam, password=WACHTWOORD)


@pytest.fixture
def gezin(wereld):
    """Anna (13, Echnaton) with her own account; her mother with gezag and her father
    without; Dirk (Noordgouw); and Eva, 18 on the day, at Echnaton."""
    anna_account = _account("anna")
    wereld.anna.user = anna_account
    wereld.anna.save()
    moeder_account, vader_account = _account("moeder"), _account("vader")
    moeder = Ouder.objects.get(ouderschappen__leerling=wereld.anna)
    moeder.user = moeder_account
    moeder.save()
    vader = Ouder.objects.create(achternaam="Vries", tussenvoegsel="de", user=vader_account)
    Ouderschap.objects.create(leerling=wereld.anna, ouder=vader, relatie="vader", gezag=False)
    eva = maak_leerling(wereld.school, "1009", "Eva", "Smit", wereld.groep_1a,
                        geboortedatum=date(2008, 12, 7))
    eva_ouder_account = _account("evasouder")
    Ouderschap.objects.create(leerling=eva, relatie="moeder", ouder=Ouder.objects.create(
        achternaam="Smit", user=eva_ouder_account))
    return {"anna": anna_account, "moeder": moeder_account, "vader": vader_account,
            "eva": eva, "evas_ouder": eva_ouder_account}


def test_de_rijen_van_echnaton_geven_leerling_en_ouders_inzage_met_artikel_9_3(wereld):
    rijen = {(r.actie, r.rol): r.artikel for r in Bevoegdheid.objects.filter(
        statuut__school=wereld.school, rol__in=Principaal.values)}
    assert rijen == {
        ("dossier.inzien", Principaal.LEERLING): "9.3",
        ("dossier.inzien", Principaal.OUDER): "9.3",
        ("dossier.correctie_vragen", Principaal.LEERLING): "9.6",
        ("dossier.correctie_vragen", Principaal.OUDER): "9.6",
    }


def test_de_leerling_ziet_alleen_het_eigen_dossier(wereld, gezin):
    anna = gezin["anna"]
    assert toegang.bevoegd(anna, "dossier.inzien", wereld.anna, op=OP)
    assert toegang.bevoegde_rollen(anna, "dossier.inzien", wereld.anna, op=OP) == {
        Principaal.LEERLING}
    assert not toegang.bevoegd(anna, "dossier.inzien", wereld.bram, op=OP)
    assert list(toegang.leerlingen_bevoegd(anna, "dossier.inzien", op=OP)) == [wereld.anna]


def test_een_ouder_met_gezag_wel_een_ouder_zonder_gezag_niet(wereld, gezin):
    assert toegang.bevoegd(gezin["moeder"], "dossier.inzien", wereld.anna, op=OP)
    assert list(toegang.leerlingen_bevoegd(gezin["moeder"], "dossier.correctie_vragen",
                                           op=OP)) == [wereld.anna]
    assert not toegang.bevoegd(gezin["vader"], "dossier.inzien", wereld.anna, op=OP)
    assert not toegang.leerlingen_bevoegd(gezin["vader"], "dossier.inzien", op=OP).exists()


def test_bij_een_meerderjarige_leerling_alleen_met_diens_toestemming(wereld, gezin):
    eva, ouder = gezin["eva"], gezin["evas_ouder"]
    # The day before her 18th birthday her mother still holds the right; on it, no longer.
    assert toegang.bevoegd(ouder, "dossier.inzien", eva, op=date(2026, 12, 6))
    assert not toegang.bevoegd(ouder, "dossier.inzien", eva, op=OP)
    assert not toegang.leerlingen_bevoegd(ouder, "dossier.inzien", op=OP).exists()
    eva.toestemming_ouders_informeren_op = date(2026, 12, 7)
    eva.save()
    assert toegang.bevoegd(ouder, "dossier.inzien", eva, op=OP)
    assert list(toegang.leerlingen_bevoegd(ouder, "dossier.inzien", op=OP)) == [eva]


def test_noordgouw_art_6_1_en_een_statuut_zonder_rij_geeft_niets(wereld, gezin):
    dirk_account = _account("dirk")
    wereld.dirk.user = dirk_account
    wereld.dirk.save()
    assert toegang.bevoegd(dirk_account, "dossier.inzien", wereld.dirk, op=OP)
    assert toegang.rijen(toegang.basis._statuut_op(wereld.andere_school, OP), "dossier.inzien"
                         )[0].artikel == "6.1"
    # Without the rows, the pupil has nothing: rights come from the statuut, not from code.
    Bevoegdheid.objects.filter(statuut__school=wereld.andere_school,
                               rol__in=Principaal.values).delete()
    assert not toegang.bevoegd(dirk_account, "dossier.inzien", wereld.dirk, op=OP)
    assert toegang.weigering(toegang.basis._statuut_op(wereld.andere_school, OP),
                             "dossier.inzien") == (
        "Dit mag u niet: het leerlingenstatuut geeft niemand de bevoegdheid voor de "
        "leerlingenadministratie en het dossier inzien.")


def test_een_principaal_krijgt_geen_rechten_van_medewerkers(wereld, gezin):
    # The pupil's account is no staff member: the matrix and the staff's actions give it
    # nothing, and a staff row never reaches a parent.
    anna = gezin["anna"]
    assert toegang.rechten(anna, wereld.anna, op=OP) == toegang.GEEN_RECHTEN
    assert not toegang.leerlingen_voor(anna, op=OP).exists()
    assert not toegang.scholen_bevoegd(gezin["moeder"], "dossier.inzien", op=OP).exists()
    assert toegang.weigering(toegang.basis._statuut_op(wereld.school, OP),
                             "dossier.inzien", wat="het dossier inzien") == (
        "Dit mag u niet: het dossier inzien is volgens artikel 9.3 van het "
        f"{toegang.basis._statuut_op(wereld.school, OP).titel} voorbehouden aan "
        "De leerling zelf, Ouder/verzorger met gezag.")
