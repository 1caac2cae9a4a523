"""The rules come from the statuut version in force on the date of the decision: a new
Echnaton version from 24 November 2026 takes the one-day schorsing back to the
schoolleiding, so the teamleider who heard the pupil on the 23rd can no longer decide."""

from __future__ import annotations

from pathlib import Path

import yaml
from django.urls import reverse

from statuut.presets import preset_laden, preset_pad

from .conftest import moment
from .helpers import Loper, meldingen, vers


def test_het_besluit_volgt_de_versie_die_op_de_besluitdatum_geldt(
        client, scholen, klok, tmp_path, django_capture_on_commit_callbacks):
    w = scholen.w
    gegevens = yaml.safe_load(Path(preset_pad("echnaton-2009")).read_text(encoding="utf-8"))
    gegevens["statuut"]["ingangsdatum"] = "2026-11-24"
    gegevens["statuut"]["geldig_tot"] = None
    gegevens["statuut"]["versie"] = "2026"
    for m in gegevens["maatregelen"]:
        if m["code"] == "schorsing-1-dag":
            m["mandaat_van"] = ""
    # The one-day schorsing's authority rows: the schoolleiding's only.
    gegevens["bevoegdheden"]["sancties"] = [
        r for r in gegevens["bevoegdheden"]["sancties"]
        if not (r["actie"] == "maatregel.opleggen" and r.get("voor") == "schorsing-1-dag"
                and r["rol"] == "teamleider")]
    pad = tmp_path / "echnaton-2026.yaml"
    pad.write_text(yaml.safe_dump(gegevens, allow_unicode=True), encoding="utf-8")
    nieuw = preset_laden(school=w.school, pad=pad)

    loper = Loper(client, django_capture_on_commit_callbacks).als(w.teamleider)
    schorsing = loper.voorstellen(w.anna, gronden=["Diefstal"], eerste_dag="2026-11-26",
                                  schooldagen="1")
    loper.stap(schorsing, "plannen", op="2026-11-23T13:00", plaats="kamer")
    loper.stap(schorsing, "horen", gehoord_op="2026-11-23", gehoord_door=[w.teamleider.pk],
               ouders_aanwezig="on", verslag="Gehoord.")
    klok.move_to(moment(2026, 11, 24))
    antwoord = loper.stap(schorsing, "besluiten", eerste_dag="2026-11-26", schooldagen="1",
                          motivering="Diefstal.")
    assert meldingen(antwoord) == [
        "Dit mag u niet: een eendaagse schorsing (1 schooldag) opleggen is volgens artikel 8.2 "
        "van het Leerlingenstatuut OSG Echnaton 2009-2011 voorbehouden aan Directie / "
        "schoolleiding."]
    loper.als(w.directie).stap(schorsing, "besluiten", eerste_dag="2026-11-26",
                               schooldagen="1", motivering="Diefstal.")
    schorsing = vers(schorsing)
    assert (schorsing.statuut, schorsing.maatregel.statuut) == (nieuw, nieuw)
    pagina = client.get(reverse("sancties:schorsing", args=[schorsing.pk])).content.decode()
    assert "Eendaagse schorsing" in pagina
