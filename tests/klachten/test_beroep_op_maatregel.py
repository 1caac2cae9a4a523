"""One appeal mechanism attached to the measure itself (issue 13 point 5): a beroep points at
the schorsing, not at a dossier entry; it is filed only where the statuut gives it against
that measure (Echnaton art. 12 Beroep 2: against a measure of the teamleiding, at the
schoolleiding), only while no other remedy runs on it (the bezwaar of art. 8), and its outcome
is applied by the schorsing's own flow: a cancelled schorsing is cancelled in sancties, every
entry of its decision and of its letters carries the same mark, its deadlines end.

The tests that need the schorsing's own registration (`dossiers.maatregelen`, done by the
sancties flow) are skipped until it is there; the rest runs on its own."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse

from dossiers import dossier, maatregelen
from dossiers.models import Dossierstuk
from klachten import services
from klachten import toegang as klachten_toegang
from klachten.models import Beroep
from sancties import services as sancties_services
from sancties.models import Schorsing
from statuut.models import Beroepsregel, Dossiersectie, Termijn, Termijnstatus
from statuut.services import InvoerFout
from tests.sancties.conftest import klok, moment, scholen  # noqa: F401  (the three schools)

VANDAAG = date(2026, 11, 23)  # the sancties clock: Monday 23 November 2026
NA_DE_MERGE = ("De schorsing is nog geen geregistreerde maatregel (dossiers.maatregelen): de "
               "sancties-stroom registreert haar rechtsmiddelen en `toepassen`. Deze test "
               "draait na het samenvoegen met die stroom.")


def _schorsing(w, door, schooldagen: int, on_commit) -> Schorsing:
    """A schorsing of Anna decided by `door`, through the sancties services (its letters
    rendered, so their dossier entries exist)."""
    with on_commit(execute=True):
        schorsing = sancties_services.schorsing_voorstellen(
            door=door, leerling=w.anna, gronden=["Wangedrag of vernieling"], ernst="ernstig",
            feiten="Ruit ingegooid.", eerste_dag=date(2026, 11, 25), schooldagen=schooldagen)
        sancties_services.hoorgesprek_plannen(door=door, schorsing=schorsing,
                                              op=moment(2026, 11, 23, 13), plaats="kamer")
        sancties_services.hoorgesprek_vastleggen(
            door=door, schorsing=schorsing, gehoord_op=VANDAAG, gehoord_door=[door],
            ouders_aanwezig=True, verslag="Anna erkent de vernieling.")
        sancties_services.schorsing_besluiten(
            door=door, schorsing=schorsing, eerste_dag=date(2026, 11, 25),
            schooldagen=schooldagen, motivering="Opzettelijke vernieling.", opdrachten="Huiswerk.",
            bevoegd_gezag_geinformeerd_op=VANDAAG)
    return Schorsing.objects.get(pk=schorsing.pk)


@pytest.fixture
def eendaagse(scholen, django_capture_on_commit_callbacks):  # noqa: F811
    """Art. 8.2: the teamleider imposes a one-day schorsing (mandate of the directie)."""
    if Schorsing not in maatregelen.maatregelmodellen():
        pytest.skip(NA_DE_MERGE)
    return _schorsing(scholen.w, scholen.w.teamleider, 1, django_capture_on_commit_callbacks)


@pytest.fixture
def driedaagse(scholen, django_capture_on_commit_callbacks):  # noqa: F811
    """Art. 8.2: a three-day schorsing is the directie's; art. 12 gives no beroep against a
    measure of the directie (the bezwaar of art. 8 remains)."""
    return _schorsing(scholen.w, scholen.w.directie, 3, django_capture_on_commit_callbacks)


def _regel(w, code: str) -> Beroepsregel:
    return Beroepsregel.objects.get(statuut__school=w.school, code=code)


def _bezwaar(w, schorsing: Schorsing):
    """File the bezwaar against the schorsing as the first of the staff the sancties flow
    lets do that; None when nobody can (the InvoerFout of the last one is raised)."""
    fout = None
    for user in (w.directie, w.administratie, w.mentor, w.teamleider):
        try:
            return sancties_services.bezwaar_indienen(door=user, schorsing=schorsing,
                                                      ingediend_op=VANDAAG,
                                                      gronden="Te zwaar.")
        except InvoerFout as exc:
            fout = exc
    raise fout


def _bezwaar_kan(w, schorsing: Schorsing) -> bool:
    """Could a bezwaar be started now? (Tried and undone.)"""
    try:
        with transaction.atomic():
            _bezwaar(w, schorsing)
            transaction.set_rollback(True)
    except InvoerFout:
        return False
    return True


def _open_termijnen(schorsing: Schorsing):
    return Termijn.objects.filter(
        onderwerp_type=ContentType.objects.get_for_model(Schorsing), onderwerp_id=schorsing.pk,
        status__in=[Termijnstatus.OPEN, Termijnstatus.VERLOPEN])


# --- after the merge with the sancties flow -------------------------------------------------


def test_beroep_tegen_een_eendaagse_schorsing_vernietigd_laat_een_staat_na(
        scholen, eendaagse, django_capture_on_commit_callbacks):  # noqa: F811
    w = scholen.w
    assert _bezwaar_kan(w, eendaagse)
    beroep = services.beroep_instellen(door=w.mentor, leerling=w.anna,
                                       regel=_regel(w, "beroep-teamleiding"),
                                       toelichting="Anna gooide de ruit niet.", op=VANDAAG,
                                       maatregel=eendaagse)
    assert (beroep.maatregel, beroep.maatregel_stuk) == (eendaagse, None)
    # One remedy at a time: while the beroep runs, no bezwaar.
    assert not _bezwaar_kan(w, eendaagse)

    with django_capture_on_commit_callbacks(execute=True):
        services.beroep_beslissen(door=w.directie, beroep=beroep, uitkomst="vernietigd",
                                  beslissing="Niet Anna: de camerabeelden tonen een ander.",
                                  op=VANDAAG)
    schorsing = Schorsing.objects.get(pk=eendaagse.pk)
    # One consistent state: cancelled in sancties, no bezwaar against what is no more...
    assert schorsing.status == "vernietigd"
    assert not _bezwaar_kan(w, schorsing)
    assert schorsing.bezwaarstatus == "geen"
    # ... every entry of the decision, the decision letter's included, marked the same way...
    stukken = list(dossier.stukken_van_besluit(schorsing))
    origineel = [s for s in stukken if s.vervangt_id is None and not s.is_verwijderd]
    nieuwste = [s for s in stukken if not s.is_verwijderd and not s.addenda.exists()]
    assert any(s.bron_type != ContentType.objects.get_for_model(Schorsing)
               for s in origineel), "de brief van het besluit staat in het dossier"
    assert all(s.addenda.exists() for s in origineel)
    assert {s.titel.split("]")[0] + "]" for s in nieuwste} == {"[Vervallen]"}
    # ... and its deadlines ended.
    assert not _open_termijnen(schorsing).exists()
    assert Beroep.objects.get(pk=beroep.pk).termijn.status == Termijnstatus.VOLDAAN


def test_geen_beroep_terwijl_het_bezwaar_loopt(scholen, eendaagse):  # noqa: F811
    w = scholen.w
    _bezwaar(w, eendaagse)
    with pytest.raises(InvoerFout, match="loopt al"):
        services.beroep_instellen(door=w.mentor, leerling=w.anna,
                                  regel=_regel(w, "beroep-teamleiding"), toelichting="Onterecht.",
                                  op=VANDAAG, maatregel=eendaagse)
    assert not Beroep.objects.exists()


# --- on its own -------------------------------------------------------------------------------


def test_geen_beroep_tegen_een_maatregel_waartegen_het_statuut_er_geen_geeft(
        scholen, driedaagse):  # noqa: F811
    """Art. 12 gives beroep against a measure of a docent or the teamleiding only."""
    w = scholen.w
    schorsing = driedaagse
    for code in ("beroep-teamleiding", "beroep-docent"):
        with pytest.raises(InvoerFout, match="geeft het leerlingenstatuut geen beroep binnen "
                                             "de school"):
            services.beroep_instellen(door=w.mentor, leerling=w.anna, regel=_regel(w, code),
                                      toelichting="Te zwaar.", op=VANDAAG, maatregel=schorsing)
    assert not Beroep.objects.exists()


def test_het_beroep_wijst_de_maatregel_zelf_aan_en_wie_hem_nam_ziet_het(client, scholen,  # noqa: F811
                                                                        driedaagse):
    w = scholen.w
    beroep = Beroep.objects.create(
        school=w.school, statuut=_regel(w, "beroep-teamleiding").statuut,
        regel=_regel(w, "beroep-teamleiding"), leerling=w.anna, maatregel=driedaagse,
        toelichting="Onterecht.", ingediend_op=VANDAAG, ingediend_door=w.mentor)
    client.force_login(w.directie)
    pagina = client.get(reverse("klachten:beroep", args=[beroep.pk])).content.decode()
    tegen = pagina.split('<dd class="tegen">', 1)[1].split("</dd>", 1)[0]
    assert "25-11-2026" in tegen  # the schorsing of 25 November, not an entry of the dossier
    # Who wrote an entry of the measure sees the beroep against it; who has no relation not.
    dossier.stuk_toevoegen(door=w.docent_4h, leerling=w.anna, sectie=Dossiersectie.GEDRAG,
                           titel="Melding bij de schorsing", inhoud="Ik zag het gebeuren.",
                           datum=VANDAAG, bron=driedaagse, controleer=False)
    alle = Beroep.objects.all()
    assert list(klachten_toegang.beroepen_voor(w.docent_4h, alle)) == [beroep]
    assert not klachten_toegang.beroepen_voor(w.teamleider_bovenbouw, alle).exists()


def test_een_oud_beroep_op_een_dossierstuk_van_de_schorsing_wijst_na_het_migreren_haar_aan(
        scholen, driedaagse):  # noqa: F811
    w = scholen.w
    regel = _regel(w, "beroep-teamleiding")
    van_de_schorsing = Dossierstuk.objects.filter(
        bron_type=ContentType.objects.get_for_model(Schorsing),
        bron_id=driedaagse.pk).order_by("pk").first()
    los = dossier.stuk_toevoegen(door=w.teamleider, leerling=w.anna, sectie=Dossiersectie.GEDRAG,
                                 titel="Gele kaart", datum=VANDAAG, controleer=False)
    oud, dagelijks = (Beroep.objects.create(
        school=w.school, statuut=regel.statuut, regel=regel, leerling=w.anna,
        maatregel_stuk=stuk, toelichting="Onterecht.", ingediend_op=VANDAAG,
        ingediend_door=w.mentor) for stuk in (van_de_schorsing, los))
    migratie = importlib.import_module("klachten.migrations.0004_beroep_op_de_maatregel")
    migratie.naar_de_maatregel(django_apps, None, modellen=[Schorsing])
    oud, dagelijks = Beroep.objects.get(pk=oud.pk), Beroep.objects.get(pk=dagelijks.pk)
    assert (oud.maatregel, oud.maatregel_stuk) == (driedaagse, None)
    # A measure that is only a dossier entry (a gele kaart) keeps its entry.
    assert (dagelijks.maatregel, dagelijks.maatregel_stuk) == (None, los)
