"""The verwijdering rules that have no statuut column yet, read from
`sancties/data/verwijderingsregels.yaml` by the statuut's preset (a pure, cached read)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from statuut.models import Rol, Statuut

BESTAND = Path(__file__).with_name("data") / "verwijderingsregels.yaml"


@dataclass(frozen=True)
class Verwijderingsregels:
    horen_door: tuple[str, ...] = ()
    horen_artikel: str = ""
    middelen_artikel: str = ""
    tlv_artikel: str = ""


@cache
def _alle() -> dict[str, Verwijderingsregels]:
    gegevens = yaml.safe_load(BESTAND.read_text(encoding="utf-8")) or {}
    uit = {}
    for preset, rij in gegevens.items():
        rij = dict(rij or {})
        onbekend = [r for r in rij.get("horen_door", []) if r not in Rol.values]
        if onbekend:
            raise ValueError(f"{BESTAND}: {preset}: onbekende rol(len) {onbekend}")
        rij["horen_door"] = tuple(rij.get("horen_door", ()))
        uit[preset] = Verwijderingsregels(**rij)
    return uit


def regels_voor(statuut: Statuut) -> Verwijderingsregels:
    return _alle().get(statuut.preset, Verwijderingsregels())
