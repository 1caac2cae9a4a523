"""Load a statuut preset (a YAML file derived from a seed) as a Statuut version of a school.

The business rules live in the YAML files in `statuut/presets/`; this module only checks them
against the models and writes them. Loading is idempotent: the version is found again by school
and ingangsdatum, its rows by their code (articles by number, access rules by role), and rows
that the file no longer has are removed. The whole file is checked before anything is written.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, ProtectedError
from django.utils.translation import gettext as _

from .models import (
    Artikel,
    Beroepsregel,
    Bevoegdheid,
    Briefregel,
    Eenheid,
    Klachtfase,
    Maatregelsoort,
    Orgaanrol,
    Rol,
    School,
    Statuut,
    Toegangsregel,
    Verzuimdrempel,
)

PRESET_MAP = Path(__file__).with_name("presets")
PRESETS: tuple[str, ...] = ("echnaton-2009", "noordgouw-2022", "wijzer-2024")

#: YAML section -> (model, the field that identifies a row within one statuut version).
SECTIES: dict[str, tuple[type[models.Model], str]] = {
    "artikelen": (Artikel, "nummer"),
    "maatregelen": (Maatregelsoort, "code"),
    "klachtfasen": (Klachtfase, "code"),
    "beroepsregels": (Beroepsregel, "code"),
    "verzuimdrempels": (Verzuimdrempel, "code"),
    "toegang": (Toegangsregel, "rol"),
    "brieven": (Briefregel, "soort"),
    "organen": (Orgaanrol, "orgaan"),
    "bevoegdheden": (Bevoegdheid, "sleutel"),
}
#: Sections a file may leave out (an older or a hand-written preset): then no rows.
OPTIONEEL = {"brieven", "organen", "bevoegdheden"}
#: Sections written as groups ("zorg:", "sancties:" ... each a list), read as one list: the
#: authority rows are grouped by flow so a reader finds a flow's rows together.
GEGROEPEERD = {"bevoegdheden"}
# Set by the loader, never by the file.
NIET_IN_BESTAND = {"id", "statuut", "school", "preset", "volgorde"}
#: Older spellings a file may still use: (model, key) -> the list field it fills with one
#: value. (A complaint stage's `behandelaar(s)` became authority rows, issue 13: a file
#: still naming them is refused as an unknown field.)
ENKELVOUD: dict[tuple[type[models.Model], str], str] = {}


class PresetFout(ValueError):
    """A preset file that cannot be loaded; the message says where, what and how to fix it."""


@dataclass
class _Plan:
    statuut: Statuut
    rijen: dict[str, list[models.Model]] = field(default_factory=dict)


def preset_pad(preset: str) -> Path:
    if preset not in PRESETS:
        raise PresetFout(_("Onbekende preset '%(p)s'. Beschikbaar: %(lijst)s.")
                         % {"p": preset, "lijst": ", ".join(PRESETS)})
    return PRESET_MAP / f"{preset}.yaml"


def preset_laden(*, school: School, preset: str | None = None, pad: Path | None = None) -> Statuut:
    """Load preset `preset` (one of PRESETS) or the YAML file `pad` as a statuut of `school`.

    Raises PresetFout, with nothing written, when the file is missing or wrong.
    """
    if (preset is None) == (pad is None):
        raise TypeError("preset_laden: geef precies één van preset= of pad=.")
    pad = Path(pad) if pad is not None else preset_pad(preset)
    naam = preset or pad.stem
    plan = _plan(pad, _lees(pad))
    with transaction.atomic():
        return _schrijf(school, naam, plan, pad)


#: libyaml's loader where it is installed (ten times faster; the same safe subset of YAML).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Parsed files by (path, mtime, size): the tests load the same two presets for every test.
_GELEZEN: dict[tuple[str, int, int], object] = {}


def _lees_yaml(pad: Path):
    stat = pad.stat()
    sleutel = (str(pad), stat.st_mtime_ns, stat.st_size)
    if sleutel not in _GELEZEN:
        _GELEZEN[sleutel] = yaml.load(pad.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506
    return copy.deepcopy(_GELEZEN[sleutel])


def _lees(pad: Path) -> dict:
    try:
        gegevens = _lees_yaml(pad)
    except OSError as exc:
        raise PresetFout(_("Presetbestand %(pad)s is niet te lezen: %(fout)s.")
                         % {"pad": pad, "fout": exc.strerror or exc}) from exc
    except yaml.YAMLError as exc:
        raise PresetFout(_("%(pad)s is geen geldige YAML: %(fout)s") % {"pad": pad, "fout": exc}
                         ) from exc
    if not isinstance(gegevens, dict):
        raise PresetFout(_("%(pad)s: verwacht bovenaan de sleutels 'statuut' en %(secties)s.")
                         % {"pad": pad, "secties": ", ".join(SECTIES)})
    return gegevens


def _plan(pad: Path, gegevens: dict) -> _Plan:
    """Build every object unsaved and check it; raise one PresetFout listing all problems."""
    fouten: list[str] = []
    onbekend = set(gegevens) - {"statuut", *SECTIES}
    if onbekend:
        fouten.append(_("onbekende sectie(s) %(s)s; toegestaan zijn 'statuut' en %(t)s.")
                      % {"s": ", ".join(sorted(onbekend)), "t": ", ".join(SECTIES)})
    for sectie in ("statuut", *SECTIES):
        if sectie not in gegevens and sectie not in OPTIONEEL:
            fouten.append(_("sectie '%(s)s' ontbreekt. Voeg '%(s)s:' toe (een lege lijst [] "
                            "als het statuut er niets over zegt).") % {"s": sectie})
    statuut = _object(Statuut, gegevens.get("statuut") or {}, "statuut", fouten)
    plan = _Plan(statuut)
    for sectie, (model, sleutel) in SECTIES.items():
        rijen = gegevens.get(sectie) or []
        if sectie in GEGROEPEERD and isinstance(rijen, dict):
            rijen = [rij for groep in rijen.values() for rij in (groep or [])]
        if not isinstance(rijen, list):
            fouten.append(_("'%(s)s' moet een lijst zijn (regels die met '- ' beginnen).")
                          % {"s": sectie})
            rijen = []
        plan.rijen[sectie] = []
        gezien: set = set()
        for i, rij in enumerate(rijen, start=1):
            waar = f"{sectie}[{i}]"
            if isinstance(rij, dict) and rij.get(sleutel):
                waar = f"{sectie}[{i}] ({sleutel} {rij[sleutel]})"
            # Articles and complaint stages keep the order of the file.
            vast = {"volgorde": i} if hasattr(model, "volgorde") else {}
            obj = _object(model, rij, waar, fouten, **vast)
            if obj is None:
                continue
            waarde = getattr(obj, sleutel)
            if waarde in gezien:
                fouten.append(_("%(waar)s: %(veld)s '%(w)s' komt twee keer voor; elke rij heeft "
                                "een eigen %(veld)s.") % {"waar": waar, "veld": sleutel,
                                                          "w": waarde})
            gezien.add(waarde)
            plan.rijen[sectie].append(obj)
    _kruiscontroles(plan, fouten)
    if fouten:
        raise PresetFout(
            _("Preset %(pad)s is niet geladen; er is niets opgeslagen. Herstel in het bestand:")
            % {"pad": pad} + "".join(f"\n- {f}" for f in fouten)
        )
    return plan


def _velden(model: type[models.Model]) -> dict[str, models.Field]:
    return {f.name: f for f in model._meta.concrete_fields if f.name not in NIET_IN_BESTAND}


def _object(model, rij, waar: str, fouten: list[str], **vast):
    if not isinstance(rij, dict):
        fouten.append(_("%(waar)s: verwacht velden als 'naam: waarde'.") % {"waar": waar})
        return None
    velden = _velden(model)
    waarden: dict = {}
    for sleutel, waarde in rij.items():
        if (meervoud := ENKELVOUD.get((model, sleutel))) is not None:
            if meervoud in rij:
                fouten.append(_("%(waar)s: gebruik '%(m)s' of '%(e)s', niet allebei.")
                              % {"waar": waar, "m": meervoud, "e": sleutel})
            sleutel, waarde = meervoud, [waarde]
        if sleutel in velden:
            waarden[sleutel] = waarde
        elif f"{sleutel}_aantal" in velden and f"{sleutel}_eenheid" in velden:
            try:
                waarden[f"{sleutel}_aantal"], waarden[f"{sleutel}_eenheid"] = _termijn(waarde)
            except ValueError:
                fouten.append(_("%(waar)s: %(veld)s '%(w)s' is geen termijn. Schrijf bijv. "
                                "'10 schooldagen'; eenheden: %(e)s.")
                              % {"waar": waar, "veld": sleutel, "w": waarde,
                                 "e": ", ".join(Eenheid.values)})
        else:
            fouten.append(_("%(waar)s: onbekend veld '%(veld)s'. Controleer de spelling; "
                            "bekende velden: %(lijst)s.")
                          % {"waar": waar, "veld": sleutel, "lijst": ", ".join(velden)})
    for naam, veld in velden.items():
        if naam not in waarden and not veld.has_default() and not veld.blank:
            fouten.append(_("%(waar)s: verplicht veld '%(veld)s' ontbreekt. Voeg '%(veld)s: …' "
                            "toe (%(uitleg)s).")
                          % {"waar": waar, "veld": naam, "uitleg": veld.verbose_name})
        elif naam in waarden:
            waarden[naam] = _waarde(veld, waarden[naam], waar, fouten)
    obj = model(**waarden, **vast)
    try:
        obj.full_clean(exclude=["statuut", "school"], validate_unique=False,
                       validate_constraints=False)
    except ValidationError as exc:
        for veld, berichten in exc.message_dict.items():
            if veld in waarden or veld not in velden:  # a missing field is reported above
                fouten.extend(f"{waar}: {veld}: {b}" for b in berichten)
    return obj


def _waarde(veld: models.Field, waarde, waar: str, fouten: list[str]):
    if waarde is None:
        return None if veld.null else (veld.get_default() if veld.has_default() else "")
    if isinstance(veld, models.CharField | models.TextField) and not isinstance(waarde, str):
        # YAML reads 9.10 as the number 9.1: an article number must be quoted.
        fouten.append(_("%(waar)s: %(veld)s moet tekst zijn; zet '%(w)s' tussen "
                        "aanhalingstekens.") % {"waar": waar, "veld": veld.name, "w": waarde})
    if isinstance(veld, models.BooleanField) and not isinstance(waarde, bool):
        fouten.append(_("%(waar)s: %(veld)s moet true of false zijn, niet '%(w)s'.")
                      % {"waar": waar, "veld": veld.name, "w": waarde})
    return waarde


def _termijn(waarde) -> tuple[int | None, str]:
    if waarde is None:
        return None, ""
    aantal, eenheid = str(waarde).split()
    if not aantal.isdigit() or eenheid not in Eenheid.values:
        raise ValueError(waarde)
    return int(aantal), eenheid


def _kruiscontroles(plan: _Plan, fouten: list[str]) -> None:
    nummers = {a.nummer for a in plan.rijen["artikelen"]}
    for sectie, rijen in plan.rijen.items():
        for rij in rijen:
            artikel = getattr(rij, "artikel", "")
            if artikel and artikel not in nummers:
                fouten.append(_("%(s)s (%(r)s): artikel '%(a)s' staat niet onder 'artikelen'. "
                                "Voeg het artikel met zijn tekst toe of verbeter het nummer.")
                              % {"s": sectie, "r": rij, "a": artikel})
    from .acties import actie as geregistreerde_actie

    codes = {"maatregel": {m.code for m in plan.rijen["maatregelen"]},
             "klachtfase": {k.code for k in plan.rijen["klachtfasen"]},
             "beroepsregel": {b.code for b in plan.rijen["beroepsregels"]},
             "rol": set(Rol.values)}
    for rij in plan.rijen.get("bevoegdheden", []):
        soort = getattr(geregistreerde_actie(rij.actie), "voor", "")
        if rij.voor and rij.voor not in codes.get(soort, set()):
            fouten.append(_("bevoegdheden (%(r)s): '%(v)s' is geen %(soort)s van dit statuut. "
                            "Gebruik de code van een %(soort)s, of laat 'voor' weg.")
                          % {"r": rij, "v": rij.voor, "soort": soort or _("onderdeel")})
    treden = [m.trede for m in plan.rijen["maatregelen"]]
    if len(treden) != len(set(treden)):
        fouten.append(_("maatregelen: elke maatregel heeft een eigen trede op de ladder."))


def _schrijf(school: School, naam: str, plan: _Plan, pad: Path) -> Statuut:
    statuut = plan.statuut
    statuut.school, statuut.preset = school, naam
    bestaand = Statuut.objects.filter(school=school, ingangsdatum=statuut.ingangsdatum).first()
    statuut.pk = bestaand.pk if bestaand else None
    statuut.save()
    if bestaand is None:
        # A new statuut: every row is new, one INSERT per section instead of one per row
        # (a preset has some 230 rows; the tests load two for nearly every test). Saving the
        # statuut above already made the access memory forget (dossiers/toegang/geheugen.py).
        for sectie, (model, _sleutel) in SECTIES.items():
            for rij in plan.rijen[sectie]:
                rij.statuut, rij.pk = statuut, None
            model.objects.bulk_create(plan.rijen[sectie])
        return statuut
    # Free the ladder's positions first, so reordering rungs never trips the unique trede.
    Maatregelsoort.objects.filter(statuut=statuut).update(trede=F("trede") + 1000)
    for sectie, (model, sleutel) in SECTIES.items():
        oud = {getattr(r, sleutel): r.pk for r in model.objects.filter(statuut=statuut)}
        nieuw = {getattr(r, sleutel) for r in plan.rijen[sectie]}
        try:
            model.objects.filter(pk__in=[pk for k, pk in oud.items() if k not in nieuw]).delete()
        except ProtectedError as exc:
            raise PresetFout(_("%(pad)s: %(s)s die niet meer in het bestand staan, zijn al in "
                               "gebruik in besluiten en kunnen niet weg. Zet ze terug in het "
                               "bestand.") % {"pad": pad, "s": sectie}) from exc
        for rij in plan.rijen[sectie]:
            rij.statuut = statuut
            rij.pk = oud.get(getattr(rij, sleutel))
            rij.save()
    return statuut
