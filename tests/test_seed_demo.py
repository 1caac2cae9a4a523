"""`python manage.py seed_demo`: the demo board, loaded twice, and every demo user can log in.

The demo is loaded once for the whole class (setUpTestData, rolled back afterwards), with a
fast password hasher so thirty logins stay quick.
"""

from datetime import date
from io import StringIO

from django import forms
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse

from dossiers.models import (
    Afdeling,
    Groep,
    Groepsplaatsing,
    Leerling,
    Lesopdracht,
    Medewerker,
    Ouder,
    Ouderschap,
    Roltoewijzing,
)
from statuut.models import (
    Bestuur,
    Onderwijssoort,
    RegioVakantie,
    Rol,
    School,
    Schooljaar,
    SchoolVakantie,
    Statuut,
    Vakantiesoort,
    VrijeDag,
)

SCHOLEN = ["echnaton", "noordgouw", "wijzer"]
ROL_IN_NAAM = {
    "docent": Rol.DOCENT,
    "mentor": Rol.MENTOR,
    "teamleider": Rol.TEAMLEIDER,
    "zorgcoordinator": Rol.ZORGCOORDINATOR,
    "remedial-teacher": Rol.REMEDIAL_TEACHER,
    "vertrouwenspersoon": Rol.VERTROUWENSPERSOON,
    "decaan": Rol.DECAAN,
    "directeur": Rol.DIRECTIE,
    "administratie": Rol.ADMINISTRATIE,
    "beheerder": Rol.FUNCTIONEEL_BEHEERDER,
}
BESTUURSBEHEERDER = "bestuursbeheerder-voorbeeldscholen"
DEMO_USERNAMES = [f"{deel}-{school}" for school in SCHOLEN for deel in ROL_IN_NAAM] + [
    BESTUURSBEHEERDER]
COLLEGA_USERNAMES = [f"collega{n}-{school}" for school in SCHOLEN for n in (1, 2, 3)]


def tellingen() -> dict[str, int]:
    return {
        "besturen": Bestuur.objects.count(),
        "scholen": School.objects.count(),
        "statuten": Statuut.objects.count(),
        "schooljaren": Schooljaar.objects.count(),
        "schoolvakanties": SchoolVakantie.objects.count(),
        "gebruikers": get_user_model().objects.count(),
        "medewerkers": Medewerker.objects.count(),
        "roltoewijzingen": Roltoewijzing.objects.count(),
        "afdelingen": Afdeling.objects.count(),
        "groepen": Groep.objects.count(),
        "lesopdrachten": Lesopdracht.objects.count(),
        "leerlingen": Leerling.objects.count(),
        "plaatsingen": Groepsplaatsing.objects.count(),
        "ouders": Ouder.objects.count(),
        "ouderschappen": Ouderschap.objects.count(),
    }


def formulier_als_post(formulieren: list[forms.BaseForm]) -> dict[str, object]:
    """The POST data a browser would send back for unchanged admin forms."""
    data: dict[str, object] = {}
    for formulier in formulieren:
        for veld in formulier:
            waarde = veld.value()
            if isinstance(veld.field, forms.BooleanField):
                if waarde:
                    data[veld.html_name] = "on"
            elif waarde is None:
                data[veld.html_name] = ""
            elif isinstance(waarde, list | tuple):
                data[veld.html_name] = [str(w) for w in waarde]
            else:
                data[veld.html_name] = str(waarde)
    return data


def admin_post_data(antwoord) -> dict[str, object]:
    formulieren = [antwoord.context["adminform"].form]
    for inline in antwoord.context["inline_admin_formsets"]:
        formulieren.append(inline.formset.management_form)
        formulieren.extend(inline.formset.initial_forms)
    return formulier_als_post(formulieren)


def momentopname() -> dict[str, list]:
    return {
        "leerlingen": list(Leerling.objects.order_by("school", "leerlingnummer").values()),
        "ouders": list(Ouder.objects.order_by("email").values()),
        "medewerkers": list(Medewerker.objects.order_by("naam", "user__username").values()),
        "gebruikers": list(get_user_model().objects.order_by("username").values(
            "id", "username", "first_name", "last_name", "email", "is_staff", "is_active",
            "is_superuser")),
    }


@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class SeedDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        eerste = StringIO()
        call_command("seed_demo", stdout=eerste)
        cls.uitvoer = eerste.getvalue()
        cls.tellingen_na_eerste = tellingen()
        cls.momentopname_na_eerste = momentopname()
        call_command("seed_demo", stdout=StringIO())
        cls.tellingen_na_tweede = tellingen()
        cls.momentopname_na_tweede = momentopname()

    def test_a_second_run_changes_nothing_and_duplicates_nothing(self):
        self.assertEqual(self.tellingen_na_tweede, self.tellingen_na_eerste)
        self.assertEqual(self.momentopname_na_tweede, self.momentopname_na_eerste)

    def test_the_demo_has_exactly_the_documented_size(self):
        self.assertEqual(self.tellingen_na_tweede, {
            "besturen": 1,
            "scholen": 3,
            "statuten": 3,
            "schooljaren": 1,
            "schoolvakanties": 3,
            "gebruikers": 40,  # 30 demo users, the board's beheerder, 9 colleagues
            "medewerkers": 39,
            "roltoewijzingen": 30 + 9 * 2,
            "afdelingen": 6,
            "groepen": 12,
            "lesopdrachten": 3 * (4 + 2) + 2 * 4,
            "leerlingen": 90,
            "plaatsingen": 90,
            "ouders": 150,
            "ouderschappen": 150,
        })

    def test_one_board_with_three_schools_in_region_midden_on_three_presets(self):
        bestuur = Bestuur.objects.get()
        self.assertEqual(bestuur.naam, "Stichting Voorbeeldscholen")
        scholen = {s.korte_naam: s for s in School.objects.filter(bestuur=bestuur)}
        self.assertEqual(sorted(scholen), SCHOLEN)
        self.assertEqual({s.regio for s in scholen.values()}, {"midden"})
        self.assertEqual(
            {k: s.onderwijssoort for k, s in scholen.items()},
            {"echnaton": Onderwijssoort.VO, "noordgouw": Onderwijssoort.VO,
             "wijzer": Onderwijssoort.PO},
        )
        self.assertEqual(
            {s.school.korte_naam: s.preset for s in Statuut.objects.select_related("school")},
            {"echnaton": "echnaton-2009", "noordgouw": "noordgouw-2022",
             "wijzer": "wijzer-2024"},
        )

    def test_each_school_has_its_own_meivakantie_2027_and_school_year_2026_2027(self):
        self.assertEqual(Schooljaar.objects.get().naam, "2026-2027")
        for school in School.objects.all():
            mei = SchoolVakantie.objects.get(school=school, schooljaar="2026-2027",
                                             soort=Vakantiesoort.MEI)
            self.assertEqual((mei.eerste_dag, mei.laatste_dag),
                             (date(2027, 4, 24), date(2027, 5, 2)))

    def test_one_active_user_per_role_per_school(self):
        User = get_user_model()
        for school in SCHOLEN:
            for deel, rol in ROL_IN_NAAM.items():
                with self.subTest(school=school, rol=rol):
                    houders = User.objects.filter(
                        is_active=True,
                        medewerker__rollen__school__korte_naam=school,
                        medewerker__rollen__rol=rol,
                    ).distinct()
                    self.assertEqual([u.username for u in houders], [f"{deel}-{school}"])
        self.assertEqual(
            sorted(User.objects.filter(is_active=True).values_list("username", flat=True)),
            sorted(DEMO_USERNAMES),
        )
        self.assertFalse(User.objects.filter(is_superuser=True).exists())
        for collega in User.objects.filter(username__in=COLLEGA_USERNAMES):
            self.assertFalse(collega.is_active)
            self.assertFalse(collega.has_usable_password())

    def test_mentor_docent_and_teamleider_are_tied_to_groups_with_pupils(self):
        for school in SCHOLEN:
            with self.subTest(school=school):
                mentor = Medewerker.objects.get(user__username=f"mentor-{school}")
                mentorgroepen = list(mentor.mentorgroepen.all())
                self.assertEqual(len(mentorgroepen), 1)
                self.assertGreater(mentorgroepen[0].leerlingen.count(), 0)
                docent = Medewerker.objects.get(user__username=f"docent-{school}")
                lesgroepen = Groep.objects.filter(lesopdrachten__docent=docent).distinct()
                self.assertEqual(lesgroepen.count(), 2)
                self.assertTrue(all(g.leerlingen.exists() for g in lesgroepen))
                teamleider = Roltoewijzing.objects.get(
                    medewerker__user__username=f"teamleider-{school}", rol=Rol.TEAMLEIDER)
                self.assertIsNotNone(teamleider.afdeling)
                self.assertEqual(mentorgroepen[0].afdeling, teamleider.afdeling)
        # Every group has a mentor.
        self.assertFalse(Groep.objects.filter(mentoren__isnull=True).exists())

    def test_pupils_are_of_an_age_that_fits_the_school_and_have_one_or_two_parents(self):
        peildatum = date(2026, 10, 1)

        def leeftijd(geboren: date) -> int:
            return peildatum.year - geboren.year - (
                (peildatum.month, peildatum.day) < (geboren.month, geboren.day))

        for school in School.objects.all():
            leerlingen = list(Leerling.objects.filter(school=school).prefetch_related(
                "ouders"))
            self.assertEqual(len(leerlingen), 30)
            leeftijden = [leeftijd(ll.geboortedatum) for ll in leerlingen]
            if school.onderwijssoort == Onderwijssoort.VO:
                self.assertTrue(all(12 <= j <= 19 for j in leeftijden), leeftijden)
                self.assertTrue(any(j >= 18 for j in leeftijden))
            else:
                self.assertTrue(all(4 <= j <= 12 for j in leeftijden), leeftijden)
            for leerling in leerlingen:
                ouders = list(leerling.ouders.all())
                self.assertIn(len(ouders), (1, 2))
                self.assertTrue(all(o.email.endswith("@example.org") for o in ouders))
                self.assertTrue(leerling.adres and leerling.postcode and leerling.woonplaats)

    def test_the_command_prints_every_demo_user_and_the_password(self):
        for username in DEMO_USERNAMES:
            self.assertIn(username, self.uitvoer)
        self.assertIn("demo", self.uitvoer.splitlines()[-1])

    def test_every_demo_user_logs_in_with_password_demo_and_sees_the_start_page(self):
        for username in DEMO_USERNAMES:
            with self.subTest(username=username):
                self.client.logout()
                antwoord = self.client.post(
                    reverse("login"), {"username": username, "password": "demo"})
                self.assertRedirects(antwoord, reverse("start"), fetch_redirect_response=False)
                self.assertEqual(self.client.get(reverse("start")).status_code, 200)

    def test_the_demo_schools_do_not_require_a_second_factor(self):
        # A first try works with the password alone (README "Demo users"); a real school
        # requires one by default.
        self.assertEqual(set(School.objects.values_list("tweede_factor", flat=True)),
                         {"niet_verplicht"})

    def test_only_the_beheerder_uses_the_admin_and_sees_only_their_own_school(self):
        User = get_user_model()
        beheerder = User.objects.get(username="beheerder-noordgouw")
        self.assertTrue(beheerder.is_staff)
        self.assertTrue(beheerder.has_perm("dossiers.change_leerling"))
        self.assertTrue(beheerder.has_perm("statuut.change_schoolvakantie"))
        self.assertFalse(beheerder.has_perm("dossiers.view_dossierstuk"))
        self.assertFalse(beheerder.has_perm("dossiers.view_ouder"))
        self.assertFalse(beheerder.has_perm("statuut.change_regiovakantie"))
        # Every rule row of the statuut, the authority rows included (issue 13), is the
        # beheerder's to keep, under the governance rules.
        for model in ("toegangsregel", "bevoegdheid", "orgaanrol", "verzuimdrempel"):
            self.assertTrue(beheerder.has_perm(f"statuut.change_{model}"), model)
        self.assertEqual(
            sorted(User.objects.filter(is_staff=True).values_list("username", flat=True)),
            sorted([*(f"beheerder-{s}" for s in SCHOLEN), BESTUURSBEHEERDER]),
        )
        self.client.force_login(beheerder)
        antwoord = self.client.get(reverse("admin:dossiers_leerling_changelist"))
        self.assertEqual(antwoord.status_code, 200)
        self.assertEqual(antwoord.context["cl"].result_count, 30)
        self.assertEqual(
            {ll.school.korte_naam for ll in antwoord.context["cl"].result_list}, {"noordgouw"})
        self.client.force_login(User.objects.get(username="mentor-noordgouw"))
        antwoord = self.client.get(reverse("admin:dossiers_leerling_changelist"))
        self.assertEqual(antwoord.status_code, 302)

    def test_a_studiedag_added_in_the_admin_recomputes_the_school_calendar(self):
        school = School.objects.get(korte_naam="echnaton")
        versie = school.kalender_versie
        self.client.force_login(get_user_model().objects.get(username="beheerder-echnaton"))
        url = reverse("admin:statuut_school_change", args=[school.pk])
        data = admin_post_data(self.client.get(url))
        prefix = "vrije_dagen"
        nieuw = int(data[f"{prefix}-TOTAL_FORMS"])
        data[f"{prefix}-TOTAL_FORMS"] = str(nieuw + 1)
        data[f"{prefix}-{nieuw}-eerste_dag"] = "2027-03-22"
        data[f"{prefix}-{nieuw}-laatste_dag"] = "2027-03-22"
        data[f"{prefix}-{nieuw}-omschrijving"] = "studiedag teamscholing"
        antwoord = self.client.post(url, data)
        self.assertEqual(antwoord.status_code, 302, getattr(antwoord, "context", None)
                         and antwoord.context["errors"])
        self.assertTrue(VrijeDag.objects.filter(school=school, eerste_dag=date(2027, 3, 22),
                                                omschrijving="studiedag teamscholing").exists())
        school.refresh_from_db()
        self.assertGreater(school.kalender_versie, versie)

    def test_saving_a_school_without_calendar_changes_leaves_its_calendar_alone(self):
        school = School.objects.get(korte_naam="echnaton")
        versie = school.kalender_versie
        self.client.force_login(get_user_model().objects.get(username="beheerder-echnaton"))
        url = reverse("admin:statuut_school_change", args=[school.pk])
        data = admin_post_data(self.client.get(url))
        data["adres"] = "Parkweg 2"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        school.refresh_from_db()
        self.assertEqual((school.adres, school.kalender_versie), ("Parkweg 2", versie))

    def test_editing_a_regional_vacation_recomputes_every_school_of_the_region(self):
        versies = dict(School.objects.values_list("korte_naam", "kalender_versie"))
        vakantie = RegioVakantie.objects.get(schooljaar="2026-2027", regio="midden",
                                             soort=Vakantiesoort.HERFST)
        self.client.force_login(get_user_model().objects.get(username=BESTUURSBEHEERDER))
        url = reverse("admin:statuut_regiovakantie_change", args=[vakantie.pk])
        data = admin_post_data(self.client.get(url))
        data["status"] = "confirmed"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        vakantie.refresh_from_db()
        self.assertEqual(vakantie.status, "confirmed")
        for korte_naam, kalender_versie in School.objects.values_list(
                "korte_naam", "kalender_versie"):
            self.assertGreater(kalender_versie, versies[korte_naam], korte_naam)

    def test_partly_confirmed_regional_vacations_stand_out_in_the_list(self):
        self.client.force_login(get_user_model().objects.get(username="beheerder-wijzer"))
        antwoord = self.client.get(reverse("admin:statuut_regiovakantie_changelist"),
                                   {"status__exact": "partly confirmed"})
        self.assertEqual(antwoord.status_code, 200)
        self.assertContains(antwoord, "deels bevestigd, controleren")
        self.assertContains(antwoord, "&#9888;")

    def test_a_beheerder_cannot_open_another_school_in_the_admin(self):
        self.client.force_login(get_user_model().objects.get(username="beheerder-echnaton"))
        andere = School.objects.get(korte_naam="noordgouw")
        antwoord = self.client.get(reverse("admin:statuut_school_change", args=[andere.pk]))
        self.assertEqual(antwoord.status_code, 302)  # "does not exist", back to the index
        leerling = Leerling.objects.filter(school=andere).first()
        antwoord = self.client.get(reverse("admin:dossiers_leerling_change", args=[leerling.pk]))
        self.assertEqual(antwoord.status_code, 302)
