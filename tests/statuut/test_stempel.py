"""The statuut's rules, the roles and the grants kept between requests (statuut/stempel.py)
are never older than the database: every write to a school, a version, its matrix, its
authority rows, its bodies, a role assignment or a grant, by any writer, moves the stamp in
the same transaction, and a stamp rolled back never returns. A pupil's relations are not
kept: a placement ended behind the application's back ends them at the next request."""

from __future__ import annotations

from datetime import date

from django.db import connection, transaction
from django.urls import reverse

from dossiers import toegang
from dossiers.models import Roltoewijzing, Toekenning
from statuut import stempel
from statuut.models import Bevoegdheid, Orgaanrol, Rol, School, Statuut, Toegangsregel
from statuut.selectors import statuut_op


def test_elke_schrijfactie_op_de_regels_verzet_de_stempel(wereld):
    statuut = Statuut.objects.filter(school=wereld.school).first()
    gezien = [stempel.lezen()]
    regel = Toegangsregel.objects.get(statuut=statuut, rol=Rol.DOCENT)
    for schrijven in (
        lambda: Statuut.objects.filter(pk=statuut.pk).update(titel="Nieuw"),
        lambda: Toegangsregel.objects.filter(pk=regel.pk).update(categorieen=["A"]),
        lambda: Bevoegdheid.objects.filter(statuut=statuut).first().delete(),
        lambda: Orgaanrol.objects.filter(statuut=statuut).update(rollen=[Rol.DIRECTIE]),
        lambda: regel.save(),
        lambda: School.objects.filter(pk=wereld.school.pk).update(adres="Laan 2"),
        lambda: Roltoewijzing.objects.filter(medewerker__user=wereld.docent).update(
            rol=Rol.MENTOR),
        lambda: Roltoewijzing.objects.filter(medewerker__user=wereld.docent).delete(),
        lambda: Toekenning.objects.create(
            leerling=wereld.anna, user=wereld.docent_4h, omvang="dossier", reden="x",
            verleend_door=wereld.directie, geldig_vanaf=date(2026, 11, 2),
            geldig_tot=date(2026, 12, 2)),
    ):
        schrijven()
        gezien.append(stempel.lezen())
    with connection.cursor() as cursor:  # a writer outside the application (psql)
        cursor.execute("UPDATE statuut_toegangsregel SET categorieen = %s WHERE id = %s",
                       ['["A", "D"]', regel.pk])
    gezien.append(stempel.lezen())
    assert None not in gezien and len(set(gezien)) == len(gezien), gezien


def test_een_teruggedraaide_stempel_komt_niet_terug(wereld):
    statuut = Statuut.objects.filter(school=wereld.school).first()
    voor = stempel.lezen()
    with transaction.atomic():
        Statuut.objects.filter(pk=statuut.pk).update(titel="Even")
        teruggedraaid = stempel.lezen()
        transaction.set_rollback(True)
    assert stempel.lezen() == voor != teruggedraaid
    Statuut.objects.filter(pk=statuut.pk).update(titel="Echt")
    assert stempel.lezen() not in (voor, teruggedraaid)


def test_een_versmalling_buiten_de_applicatie_geldt_bij_het_volgende_verzoek(client, wereld):
    """The mentor opens Anna's page (the process now keeps the matrix); the mentor's row of
    the matrix is deleted behind the application's back, without any signal: the next
    request already refuses, and so does the policy asked outside a request."""
    client.force_login(wereld.mentor)
    url = reverse("leerling", args=[wereld.anna.pk])
    assert client.get(url).status_code == 200
    assert "A" in toegang.rechten(wereld.mentor, wereld.anna).categorieen
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM statuut_toegangsregel WHERE rol = %s", [Rol.MENTOR])
    assert client.get(url).status_code == 404
    assert "A" not in toegang.rechten(wereld.mentor, wereld.anna).categorieen


def test_een_rol_die_buiten_de_applicatie_vervalt_geldt_bij_het_volgende_verzoek(
        client, wereld):
    client.force_login(wereld.mentor)
    url = reverse("leerling", args=[wereld.anna.pk])
    assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM dossiers_roltoewijzing WHERE medewerker_id = %s",
                       [wereld.mentor.medewerker.pk])
    assert client.get(url).status_code == 404
    assert toegang.rollen_van(wereld.mentor, wereld.school) == frozenset()


def test_een_plaatsing_die_buiten_de_applicatie_vervalt_geldt_bij_het_volgende_verzoek(
        client, wereld):
    """Anna taken out of her group behind the application's back: her mentor's relation to
    her ends at the next request (should the relations ever be kept, they must follow)."""
    client.force_login(wereld.mentor)
    url = reverse("leerling", args=[wereld.anna.pk])
    assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM dossiers_groepsplaatsing WHERE leerling_id = %s",
                       [wereld.anna.pk])
    assert client.get(url).status_code == 404
    assert toegang.rechten(wereld.mentor, wereld.anna).categorieen == frozenset()


def test_een_uitgedeelde_rij_is_een_eigen_kopie(wereld):
    """What one request does to a kept row in memory never reaches the next one."""
    eerste = statuut_op(wereld.school, date(2026, 11, 2))
    eerste.titel = "Alleen in dit geheugen"
    eerste.maatregelen_cache = ["iets"]
    tweede = statuut_op(wereld.school, date(2026, 11, 2))
    assert tweede.titel != "Alleen in dit geheugen" and tweede is not eerste
    assert not hasattr(tweede, "maatregelen_cache")
