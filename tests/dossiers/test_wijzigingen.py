"""Issue 11, the critical item: nobody widens their own rights.

A functioneel beheerder cannot give their own account a role, cannot change the rule rows of
their own role, and a role or rule that opens pupil data they do not see themselves waits
for a second person of the directie. Every change of roles, grants and rules is in an
append-only change log that the directie reads, and the directie gets a deadline for it.
The admin is tried through its own forms, as the beheerder would.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from dossiers import toegang, toekenningen, wijzigingen
from dossiers.demo import BEHEERDER_RECHTEN
from dossiers.models import (
    Lesopdracht,
    Roltoewijzing,
    Toekenning,
    Verzoekstatus,
    Wijziging,
    Wijzigingsactie,
    Wijzigingsverzoek,
)
from statuut.models import (
    Bevoegdheid,
    Klachtfase,
    Rol,
    Statuut,
    Termijn,
    Termijnstatus,
    Toegangsregel,
)
from statuut.services import InvoerFout
from tests.personas import ALLES, maak_gebruiker

EIGEN_ROL = "Deze regel geldt voor uw eigen rol (Functioneel beheerder)"


@pytest.fixture
def beheerder(wereld):
    """The persona beheerder with the admin rights the demo gives a functioneel beheerder."""
    user = wereld.beheerder
    user.is_staff = True
    user.save()
    for (app, model), acties in BEHEERDER_RECHTEN.items():
        for actie in acties:
            user.user_permissions.add(Permission.objects.get(
                content_type__app_label=app, codename=f"{actie}_{model}"))
    return user


@pytest.fixture
def collega(wereld):
    """A new colleague: mentor of 1B by the timetable, but without any role yet."""
    user = maak_gebruiker("nieuwecollega", "N. Collega", wereld.school, Rol.EXTERN)
    wereld.groep_1b.mentoren.add(user.medewerker)
    return user


def _veld(data: dict, naam: str, veld, waarde) -> None:
    if isinstance(waarde, bool):
        if waarde:
            data[naam] = "on"
    elif isinstance(waarde, list | tuple):
        data[naam] = [str(w) for w in waarde]
    elif waarde is not None:
        data[naam] = str(waarde)


def _velden(data: dict, form) -> None:
    for naam, veld in form.fields.items():
        _veld(data, form.add_prefix(naam), veld, form[naam].value())
        if veld.show_hidden_initial:  # fields with a callable default (a JSON list)
            _veld(data, form.add_initial_prefix(naam), veld, form[naam].value())


def _formulier(response) -> dict:
    """The POST data of an admin change form exactly as the page shows it."""
    data = {"_save": "Opslaan"}
    _velden(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        beheer = formset.management_form
        for naam in beheer.fields:
            data[beheer.add_prefix(naam)] = beheer[naam].value()
        for f in formset.forms:
            _velden(data, f)
    return data


def _rij_toevoegen(data: dict, prefix: str, **velden) -> None:
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    for naam, waarde in velden.items():
        data[f"{prefix}-{n}-{naam}"] = str(waarde)
    data[f"{prefix}-TOTAL_FORMS"] = str(n + 1)


def _medewerker_url(user) -> str:
    return reverse("admin:dossiers_medewerker_change", args=[user.medewerker.pk])


def _rol_erbij(client, door, wie, school, rol):
    client.force_login(door)
    url = _medewerker_url(wie)
    data = _formulier(client.get(url))
    _rij_toevoegen(data, "rollen", school=school.pk, rol=rol, medewerker=wie.medewerker.pk)
    return client.post(url, data, follow=True)


def _inhoud(response) -> str:
    return response.content.decode()


# --- 1. nobody gives their own account a role ------------------------------------------

def test_de_beheerder_geeft_zichzelf_geen_directierol_via_het_medewerkerformulier(
        client, wereld, beheerder):
    response = _rol_erbij(client, beheerder, beheerder, wereld.school, Rol.DIRECTIE)
    assert response.status_code == 200
    assert "U kunt de rollen van uw eigen account niet toevoegen" in _inhoud(response)
    assert set(toegang.rollen_van(beheerder, wereld.school)) == {Rol.FUNCTIONEEL_BEHEERDER}
    assert not Wijzigingsverzoek.objects.exists() and not Wijziging.objects.exists()
    assert toegang.zichtbare_categorieen(beheerder, wereld.anna) == frozenset()


def test_de_beheerder_verwijdert_of_wijzigt_de_eigen_rol_niet(client, wereld, beheerder):
    client.force_login(beheerder)
    url = _medewerker_url(beheerder)
    data = _formulier(client.get(url))
    data["rollen-0-rol"] = Rol.DIRECTIE
    assert "U kunt de rollen van uw eigen account" in _inhoud(client.post(url, data))
    data = _formulier(client.get(url))
    data["rollen-0-DELETE"] = "on"
    assert "U kunt de rollen van uw eigen account" in _inhoud(client.post(url, data))
    assert list(Roltoewijzing.objects.filter(medewerker__user=beheerder)
                .values_list("rol", flat=True)) == [Rol.FUNCTIONEEL_BEHEERDER]


def test_de_beheerder_geeft_de_eigen_rollen_niet_aan_een_ander_account_en_wist_zich_niet(
        client, wereld, beheerder):
    client.force_login(beheerder)
    # Moving the directeur's record (and its roles) to another login is refused.
    vrij = get_user_model().objects.create_user("vrij", password="x")
    url = _medewerker_url(wereld.directie)
    data = _formulier(client.get(url))
    data["user"] = str(vrij.pk)
    assert "koppel er geen ander account aan" in _inhoud(client.post(url, data))
    assert wereld.directie.medewerker.__class__.objects.get(
        pk=wereld.directie.medewerker.pk).user_id == wereld.directie.pk
    # Deleting one's own record is refused on the confirmation page.
    wis = reverse("admin:dossiers_medewerker_delete", args=[beheerder.medewerker.pk])
    assert "U kunt de rollen van uw eigen account" in _inhoud(client.get(wis))
    client.post(wis, {"post": "yes"})
    assert Roltoewijzing.objects.filter(medewerker__user=beheerder).exists()


# --- 2. nobody changes the rules of their own role ---------------------------------------

def _statuut_url(wereld) -> str:
    statuut = Statuut.objects.get(school=wereld.school)
    return reverse("admin:statuut_statuut_change", args=[statuut.pk])


def _toegangsregel_index(data: dict, rol: str) -> int:
    n = int(data["toegangsregels-TOTAL_FORMS"])
    return next(i for i in range(n) if data[f"toegangsregels-{i}-rol"] == rol)


def test_de_beheerder_verruimt_de_toegangsregel_van_de_eigen_rol_niet(client, wereld,
                                                                       beheerder):
    regel = Toegangsregel.objects.get(statuut__school=wereld.school,
                                      rol=Rol.FUNCTIONEEL_BEHEERDER)
    voor = (regel.categorieen, regel.handelingen)
    client.force_login(beheerder)
    url = _statuut_url(wereld)
    data = _formulier(client.get(url))
    i = _toegangsregel_index(data, Rol.FUNCTIONEEL_BEHEERDER)
    data[f"toegangsregels-{i}-categorieen"] = json.dumps(ALLES)
    response = client.post(url, data)
    assert response.status_code == 200
    assert EIGEN_ROL in _inhoud(response)
    regel.refresh_from_db()
    assert (regel.categorieen, regel.handelingen) == voor
    assert not Wijzigingsverzoek.objects.exists() and not Wijziging.objects.exists()
    assert toegang.zichtbare_categorieen(beheerder, wereld.anna) == frozenset()


def test_de_beheerder_geeft_een_andere_rij_de_eigen_rol_niet(client, wereld, beheerder):
    client.force_login(beheerder)
    url = _statuut_url(wereld)
    data = _formulier(client.get(url))
    i = _toegangsregel_index(data, Rol.DIRECTIE)
    data[f"toegangsregels-{i}-DELETE"] = "on"
    j = _toegangsregel_index(data, Rol.FUNCTIONEEL_BEHEERDER)
    data[f"toegangsregels-{j}-DELETE"] = "on"
    # Delete the own row and rename the directie's row (all categories) to the own role.
    data[f"toegangsregels-{i}-DELETE"] = ""
    data[f"toegangsregels-{i}-rol"] = Rol.FUNCTIONEEL_BEHEERDER
    assert EIGEN_ROL in _inhoud(client.post(url, data))
    assert Toegangsregel.objects.filter(statuut__school=wereld.school,
                                        rol=Rol.DIRECTIE).exists()


def _behandelaar_erbij(wereld, code: str, rol: str) -> Bevoegdheid:
    """A new authority row: `rol` handles the complaint stage `code` (issue 13: who handles a
    stage is a row of `klacht.fase_afhandelen`, no longer a field of the stage)."""
    fase = Klachtfase.objects.get(statuut__school=wereld.school, code=code)
    return Bevoegdheid(statuut=fase.statuut, actie="klacht.fase_afhandelen", voor=fase.code,
                       rol=rol, omvang="eigen_leerlingen")


def test_de_beheerder_maakt_zich_geen_behandelaar_van_een_klachtfase(wereld, beheerder):
    rij = _behandelaar_erbij(wereld, "bemiddeling-mentor", Rol.FUNCTIONEEL_BEHEERDER)
    with pytest.raises(InvoerFout, match="uw eigen rol"):
        wijzigingen.regel_wijzigen(door=beheerder, regel=rij)
    assert not Bevoegdheid.objects.filter(actie="klacht.fase_afhandelen",
                                          rol=Rol.FUNCTIONEEL_BEHEERDER).exists()


def test_een_rol_erbij_in_een_klachtfase_wacht_als_zij_het_zicht_verruimt(wereld, beheerder):
    # The beheerder reads no complaint: a mentor handling the schoolleiding's stage waits.
    verzoek = wijzigingen.regel_wijzigen(
        door=beheerder, regel=_behandelaar_erbij(wereld, "klacht-schoolleiding", Rol.MENTOR))
    assert isinstance(verzoek, Wijzigingsverzoek)
    assert not Bevoegdheid.objects.filter(voor="klacht-schoolleiding", rol=Rol.MENTOR).exists()
    wijzigingen.wijziging_bevestigen(door=wereld.directie, verzoek=verzoek)
    assert Bevoegdheid.objects.filter(voor="klacht-schoolleiding", rol=Rol.MENTOR).exists()
    # A rector who sees every complaint of the school opens nothing new on the general route;
    # the confidential route is beyond their sight and waits for another member.
    rector = maak_gebruiker("rectorbeheer", "R. Beheer", wereld.school, Rol.DIRECTIE,
                            Rol.FUNCTIONEEL_BEHEERDER)
    rij = wijzigingen.regel_wijzigen(door=rector, regel=_behandelaar_erbij(
        wereld, "bemiddeling-teamleiding", Rol.MENTOR))
    assert isinstance(rij, Bevoegdheid) and rij.pk is not None
    verzoek = wijzigingen.regel_wijzigen(door=rector, regel=_behandelaar_erbij(
        wereld, "seksuele-intimidatie", Rol.MENTOR))
    assert isinstance(verzoek, Wijzigingsverzoek)


# --- 3. a widening waits for a second person of the directie -----------------------------

def test_mentor_voor_een_collega_wacht_op_de_directie(client, wereld, beheerder, collega):
    response = _rol_erbij(client, beheerder, collega, wereld.school, Rol.MENTOR)
    assert "ter bevestiging aan de directie voorgelegd" in _inhoud(response)
    assert not Roltoewijzing.objects.filter(medewerker__user=collega, rol=Rol.MENTOR).exists()
    verzoek = Wijzigingsverzoek.objects.get()
    assert verzoek.status == Verzoekstatus.OPEN and verzoek.aangevraagd_door == beheerder
    assert verzoek.voor is None and verzoek.na["rol"] == Rol.MENTOR
    # Until the directie confirms, the colleague sees nothing of their group's pupils.
    assert toegang.zichtbare_categorieen(collega, wereld.bram) == frozenset()

    # The directie sees who asked and what, and confirms in the application.
    client.force_login(wereld.directie)
    pagina = _inhoud(client.get(reverse("wijzigingen_school", args=[wereld.school.pk])))
    assert "Wacht op uw bevestiging" in pagina
    assert "rol Mentor van N. Collega (nieuwecollega)" in pagina
    assert "Gevraagd door F. Beheer" in pagina
    response = client.post(reverse("wijziging_bevestigen", args=[verzoek.pk]), follow=True)
    assert "Bevestigd en doorgevoerd" in _inhoud(response)
    verzoek = Wijzigingsverzoek.objects.get(pk=verzoek.pk)
    assert verzoek.status == Verzoekstatus.BEVESTIGD and verzoek.beslist_door == wereld.directie
    assert Roltoewijzing.objects.filter(medewerker__user=collega, rol=Rol.MENTOR).exists()
    assert "dossier" in toegang.zichtbare_categorieen(collega, wereld.bram)


def test_de_directie_kan_een_verzoek_afwijzen(client, wereld, beheerder, collega):
    _rol_erbij(client, beheerder, collega, wereld.school, Rol.DOCENT)
    verzoek = Wijzigingsverzoek.objects.get()
    client.force_login(wereld.directie)
    leeg = client.post(reverse("wijziging_afwijzen", args=[verzoek.pk]), {"reden": " "},
                       follow=True)
    assert "Geef een reden voor de afwijzing" in _inhoud(leeg)
    client.post(reverse("wijziging_afwijzen", args=[verzoek.pk]),
                {"reden": "Geen lesopdracht dit jaar."})
    verzoek = Wijzigingsverzoek.objects.get(pk=verzoek.pk)
    assert verzoek.status == Verzoekstatus.AFGEWEZEN
    assert verzoek.reden == "Geen lesopdracht dit jaar."
    assert not Roltoewijzing.objects.filter(medewerker__user=collega, rol=Rol.DOCENT).exists()
    assert verzoek.termijn.status == Termijnstatus.VERVALLEN
    assert Wijziging.objects.filter(actie=Wijzigingsactie.AFGEWEZEN).exists()


def test_de_aanvrager_bevestigt_het_eigen_verzoek_niet(client, wereld, collega):
    # A rector who also sets the school up sees almost everything, but not the confidential
    # complaints: making someone vertrouwenspersoon is wider than their own sight.
    rector = maak_gebruiker("rectorbeheer", "R. Beheer", wereld.school, Rol.DIRECTIE,
                            Rol.FUNCTIONEEL_BEHEERDER)
    toewijzing = Roltoewijzing(medewerker=collega.medewerker, school=wereld.school,
                               rol=Rol.VERTROUWENSPERSOON)
    verzoek = wijzigingen.rol_toewijzen(door=rector, toewijzing=toewijzing)
    assert isinstance(verzoek, Wijzigingsverzoek)
    with pytest.raises(InvoerFout, match="U kunt uw eigen verzoek niet bevestigen"):
        wijzigingen.wijziging_bevestigen(door=rector, verzoek=verzoek)
    client.force_login(rector)
    pagina = _inhoud(client.get(reverse("wijzigingen_school", args=[wereld.school.pk])))
    assert "U vroeg dit zelf; een ander lid van de directie beslist." in pagina
    client.post(reverse("wijziging_bevestigen", args=[verzoek.pk]))
    verzoek = Wijzigingsverzoek.objects.get(pk=verzoek.pk)
    assert verzoek.status == Verzoekstatus.OPEN
    # A beheerder without the directie role cannot decide at all: 404.
    wijzigingen.wijziging_bevestigen(door=wereld.directie, verzoek=verzoek)
    assert Roltoewijzing.objects.filter(medewerker__user=collega,
                                        rol=Rol.VERTROUWENSPERSOON).exists()


def test_de_beheerder_kan_niet_beslissen(client, wereld, beheerder, collega):
    _rol_erbij(client, beheerder, collega, wereld.school, Rol.MENTOR)
    verzoek = Wijzigingsverzoek.objects.get()
    client.force_login(beheerder)
    assert client.post(reverse("wijziging_bevestigen", args=[verzoek.pk])).status_code == 404
    verzoek = Wijzigingsverzoek.objects.get(pk=verzoek.pk)
    assert verzoek.status == Verzoekstatus.OPEN


def test_de_directie_bevestigt_geen_verruiming_van_de_eigen_rechten(wereld, beheerder):
    regel = Toegangsregel.objects.get(statuut__school=wereld.school, rol=Rol.DOCENT)
    regel.categorieen = [*regel.categorieen, "B"]
    verzoek = wijzigingen.regel_wijzigen(door=beheerder, regel=regel)
    assert isinstance(verzoek, Wijzigingsverzoek)
    regel.refresh_from_db()
    assert "B" not in regel.categorieen
    # The directie holds no docent role here: they may confirm.
    wijzigingen.wijziging_bevestigen(door=wereld.directie, verzoek=verzoek)
    regel.refresh_from_db()
    assert "B" in regel.categorieen
    # A widening of the directie's own row is not theirs to confirm.
    eigen = Toegangsregel.objects.get(statuut__school=wereld.school, rol=Rol.DIRECTIE)
    eigen.handelingen = [*eigen.handelingen, "dossier.opschonen"]
    verzoek = wijzigingen.regel_wijzigen(door=beheerder, regel=eigen)
    with pytest.raises(InvoerFout, match="verruimt uw eigen rechten"):
        wijzigingen.wijziging_bevestigen(door=wereld.directie, verzoek=verzoek)


def test_een_verruiming_van_de_toegangsregel_via_het_beheer_wacht(client, wereld, beheerder):
    client.force_login(beheerder)
    url = _statuut_url(wereld)
    data = _formulier(client.get(url))
    i = _toegangsregel_index(data, Rol.DOCENT)
    data[f"toegangsregels-{i}-categorieen"] = json.dumps(["A", "B", "D", "E", "G"])
    data["titel"] = "Leerlingenstatuut Echnaton (herzien)"
    response = client.post(url, data, follow=True)
    assert "ter bevestiging aan de directie voorgelegd" in _inhoud(response)
    regel = Toegangsregel.objects.get(statuut__school=wereld.school, rol=Rol.DOCENT)
    assert "B" not in regel.categorieen
    # The rest of the form was saved as usual.
    assert Statuut.objects.get(school=wereld.school).titel.endswith("(herzien)")
    verzoek = Wijzigingsverzoek.objects.get()
    assert verzoek.voor["categorieen"] == ["A", "D", "E", "G"]
    assert verzoek.na["categorieen"] == ["A", "B", "D", "E", "G"]


def test_een_versmalling_gaat_meteen_door_en_staat_in_het_log(client, wereld, beheerder):
    client.force_login(beheerder)
    url = _statuut_url(wereld)
    data = _formulier(client.get(url))
    i = _toegangsregel_index(data, Rol.DOCENT)
    data[f"toegangsregels-{i}-categorieen"] = json.dumps(["A", "D"])
    client.post(url, data)
    regel = Toegangsregel.objects.get(statuut__school=wereld.school, rol=Rol.DOCENT)
    assert regel.categorieen == ["A", "D"]
    rij = Wijziging.objects.get()
    assert rij.actie == Wijzigingsactie.GEWIJZIGD and rij.door == beheerder
    assert rij.voor["categorieen"] == ["A", "D", "E", "G"] and rij.na["categorieen"] == ["A", "D"]
    assert rij.school == wereld.school


def test_de_superuser_valt_buiten_de_regels_maar_staat_in_het_log(wereld, collega):
    root = get_user_model().objects.create_superuser("root", password="x")
    toewijzing = Roltoewijzing(medewerker=collega.medewerker, school=wereld.school,
                               rol=Rol.MENTOR)
    assert isinstance(wijzigingen.rol_toewijzen(door=root, toewijzing=toewijzing),
                      Roltoewijzing)
    rij = Wijziging.objects.get()
    assert rij.gebruikersnaam == "root" and rij.na["rol"] == Rol.MENTOR


def test_een_rol_intrekken_via_het_beheer_staat_in_het_log(client, wereld, beheerder):
    client.force_login(beheerder)
    url = _medewerker_url(wereld.docent)
    data = _formulier(client.get(url))
    data["rollen-0-DELETE"] = "on"
    client.post(url, data)
    assert not Roltoewijzing.objects.filter(medewerker__user=wereld.docent).exists()
    rij = Wijziging.objects.get()
    assert rij.actie == Wijzigingsactie.VERWIJDERD and rij.voor["rol"] == Rol.DOCENT
    assert rij.na is None


# --- 4. the append-only change log, read by the directie ---------------------------------

def test_het_log_wordt_nooit_gewijzigd_of_gewist(wereld, beheerder, collega):
    wijzigingen.rol_toewijzen(door=beheerder, toewijzing=Roltoewijzing(
        medewerker=collega.medewerker, school=wereld.school, rol=Rol.FUNCTIONEEL_BEHEERDER))
    rij = Wijziging.objects.get()
    rij.omschrijving = "iets anders"
    with pytest.raises(ValueError, match="nooit gewijzigd"):
        rij.save()
    with pytest.raises(ValueError, match="nooit gewist"):
        rij.delete()
    with pytest.raises(ValueError, match="nooit gewijzigd"):
        Wijziging.objects.update(omschrijving="x")
    with pytest.raises(ValueError, match="nooit gewist"):
        Wijziging.objects.all().delete()
    assert Wijziging.objects.get().omschrijving.startswith("rol Functioneel beheerder")


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="De trigger die het log beschermt bestaat alleen in PostgreSQL.")
def test_de_database_weigert_update_en_delete_van_het_log(wereld, beheerder, collega):
    wijzigingen.rol_toewijzen(door=beheerder, toewijzing=Roltoewijzing(
        medewerker=collega.medewerker, school=wereld.school, rol=Rol.FUNCTIONEEL_BEHEERDER))
    for sql in ("UPDATE dossiers_wijziging SET omschrijving = 'x'",
                "DELETE FROM dossiers_wijziging"):
        with pytest.raises(DatabaseError, match="alleen aan te vullen"):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql)
    assert Wijziging.objects.count() == 1


def test_alleen_de_directie_van_de_school_leest_het_log(client, wereld, beheerder, collega):
    _rol_erbij(client, beheerder, collega, wereld.school, Rol.FUNCTIONEEL_BEHEERDER)
    url = reverse("wijzigingen_school", args=[wereld.school.pk])
    client.force_login(wereld.directie)
    pagina = _inhoud(client.get(url))
    assert "rol Functioneel beheerder van N. Collega (nieuwecollega)" in pagina
    assert "beheerder" in pagina and "toegevoegd" in pagina
    assert client.get(reverse("wijzigingen")).url == url
    root = get_user_model().objects.create_superuser("root", password="x")
    for wie in (beheerder, wereld.mentor, wereld.administratie, wereld.buitenstaander, root):
        client.force_login(wie)
        assert client.get(url).status_code == 404, wie
    # The directie of another school has a log of their own, not this one.
    client.force_login(wereld.buitenstaander)
    assert client.get(reverse("wijzigingen")).url != url
    for wie in (beheerder, wereld.mentor, wereld.administratie, root):
        client.force_login(wie)
        assert client.get(reverse("wijzigingen")).status_code == 404, wie


def test_de_directie_heeft_een_menulink(client, wereld):
    client.force_login(wereld.directie)
    assert reverse("wijzigingen") in _inhoud(client.get(reverse("start")))
    client.force_login(wereld.mentor)
    assert reverse("wijzigingen") not in _inhoud(client.get(reverse("start")))


# --- 5. the directie is told, through a deadline ------------------------------------------

def test_de_directie_krijgt_een_termijn_voor_het_verzoek_en_voor_een_wijziging(
        client, wereld, beheerder, collega):
    _rol_erbij(client, beheerder, collega, wereld.school, Rol.MENTOR)
    verzoek = Wijzigingsverzoek.objects.get()
    termijn = verzoek.termijn
    assert termijn.school == wereld.school and termijn.verantwoordelijke_rol == Rol.DIRECTIE
    assert termijn.status == Termijnstatus.OPEN and termijn.eenheid == "werkdagen"
    assert termijn.omschrijving == ("Bevestigen of afwijzen: rol Mentor van N. Collega "
                                    "(nieuwecollega) (gevraagd door F. Beheer)")
    assert termijn in toegang_open(wereld.directie)
    client.force_login(wereld.directie)
    client.post(reverse("wijziging_bevestigen", args=[verzoek.pk]))
    termijn.refresh_from_db()
    assert termijn.status == Termijnstatus.VOLDAAN

    # A change that is applied at once gets a deadline to look at it; "Alles nagekeken"
    # closes it.
    wijzigingen.rol_intrekken(door=beheerder, toewijzing=Roltoewijzing.objects.get(
        medewerker__user=collega, rol=Rol.EXTERN))
    nakijken = Termijn.objects.get(omschrijving__startswith="Nakijken")
    assert nakijken.verantwoordelijke_rol == Rol.DIRECTIE
    client.post(reverse("wijzigingen_gezien", args=[wereld.school.pk]))
    nakijken.refresh_from_db()
    assert nakijken.status == Termijnstatus.VOLDAAN


def toegang_open(user):
    from dossiers.selectors import open_termijnen

    return open_termijnen(user)


# --- grants -------------------------------------------------------------------------------

def test_een_toekenning_en_de_intrekking_staan_in_het_log_zonder_naam_in_de_termijn(
        client, wereld):
    client.force_login(wereld.directie)
    vandaag = timezone.localdate()
    client.post(reverse("toekenning_verlenen", args=[wereld.anna.pk]), {
        "toekenning-aan": wereld.docent.pk, "toekenning-omvang": "dossier",
        "toekenning-reden": "Begeleiding", "toekenning-geldig_vanaf": vandaag.isoformat(),
        "toekenning-geldig_tot": (vandaag + timedelta(days=30)).isoformat(),
    })
    toekenning = Toekenning.objects.get()
    rij = Wijziging.objects.get(soort="toekenning")
    assert rij.actie == Wijzigingsactie.TOEGEVOEGD and rij.na["leerlingnummer"] == "1001"
    assert rij.na["aan"] == "docent" and rij.voor is None
    toekenningen.toekenning_intrekken(door=wereld.directie, toekenning=toekenning)
    ingetrokken = Wijziging.objects.get(soort="toekenning", actie=Wijzigingsactie.VERWIJDERD)
    assert ingetrokken.voor["omvang"] == "dossier" and ingetrokken.na is None
    for termijn in Termijn.objects.filter(verantwoordelijke_rol=Rol.DIRECTIE):
        assert "Anna" not in termijn.omschrijving and "Vries" not in termijn.omschrijving
        assert "1001" not in termijn.omschrijving
    assert Termijn.objects.filter(verantwoordelijke_rol=Rol.DIRECTIE).count() == 2


def test_een_collega_wissen_legt_elke_rol_vast(client, wereld, beheerder):
    client.force_login(beheerder)
    wis = reverse("admin:dossiers_medewerker_delete", args=[wereld.teamleider.medewerker.pk])
    client.post(wis, {"post": "yes"})
    rij = Wijziging.objects.get()
    assert rij.actie == Wijzigingsactie.VERWIJDERD and rij.voor["rol"] == Rol.TEAMLEIDER
    assert rij.voor["afdeling"] == wereld.onderbouw.pk


def test_een_nieuwe_statuutversie_met_ruimere_regels_wacht_en_de_eigen_rij_wordt_geweigerd(
        client, wereld, beheerder):
    client.force_login(beheerder)
    url = reverse("admin:statuut_statuut_add")
    data = _formulier(client.get(url))
    data.update({"school": str(wereld.school.pk), "titel": "Nieuw statuut",
                 "ingangsdatum": "2030-08-01", "bezwaar_schorsing_mogelijk": ""})
    _rij_toevoegen(data, "toegangsregels", rol=Rol.FUNCTIONEEL_BEHEERDER,
                   categorieen=json.dumps(ALLES), dossiersecties="[]", handelingen="[]")
    assert EIGEN_ROL in _inhoud(client.post(url, data))
    assert not Statuut.objects.filter(titel="Nieuw statuut").exists()
    data[f"toegangsregels-{int(data['toegangsregels-TOTAL_FORMS']) - 1}-rol"] = Rol.DOCENT
    response = client.post(url, data, follow=True)
    assert "ter bevestiging aan de directie voorgelegd" in _inhoud(response)
    nieuw = Statuut.objects.get(titel="Nieuw statuut")
    assert not nieuw.toegangsregels.exists()
    assert Wijzigingsverzoek.objects.get().na["rol"] == Rol.DOCENT
    assert Wijziging.objects.filter(actie=Wijzigingsactie.TOEGEVOEGD,
                                    object_id=nieuw.pk).exists()


# --- a group's mentors and teachers ---------------------------------------------------------


@pytest.fixture
def beheerder_die_lesgeeft(beheerder, wereld):
    """A beheerder who also teaches (a small school): a docent's role, no group of their own."""
    Roltoewijzing.objects.create(medewerker=beheerder.medewerker, school=wereld.school,
                                 rol=Rol.MENTOR)
    return beheerder


def test_niemand_maakt_zichzelf_mentor_of_docent_van_een_groep(client, wereld,
                                                               beheerder_die_lesgeeft):
    b = beheerder_die_lesgeeft
    client.force_login(b)
    url = reverse("admin:dossiers_groep_change", args=[wereld.groep_1b.pk])
    data = _formulier(client.get(url))
    data["mentoren"] = [*data.get("mentoren", []), str(b.medewerker.pk)]
    antwoord = client.post(url, data)
    assert antwoord.status_code == 200
    assert "U kunt uzelf geen mentor van een groep maken" in antwoord.content.decode()
    assert not wereld.groep_1b.mentoren.filter(pk=b.medewerker.pk).exists()

    data = _formulier(client.get(url))
    _rij_toevoegen(data, "lesopdrachten", docent=b.medewerker.pk, vak="gym",
                   groep=wereld.groep_1b.pk)
    antwoord = client.post(url, data)
    assert "U kunt uzelf geen lesopdracht in een groep geven" in antwoord.content.decode()
    assert not Lesopdracht.objects.filter(docent=b.medewerker).exists()
    assert not toegang.mag_zien(b, wereld.bram, "A")

    # A colleague may be made mentor by the beheerder as before.
    data = _formulier(client.get(url))
    data["mentoren"] = [*data.get("mentoren", []), str(wereld.docent.medewerker.pk)]
    assert client.post(url, data).status_code == 302
    assert wereld.groep_1b.mentoren.filter(pk=wereld.docent.medewerker.pk).exists()
