"""The verwijdering rules of the statuut in force, as one value for the procedure."""

from __future__ import annotations

from dataclasses import dataclass

from statuut.models import Statuut


@dataclass(frozen=True)
class Verwijderingsregels:
    horen_artikel: str = ""
    middelen_artikel: str = ""
    tlv_artikel: str = ""


def regels_voor(statuut: Statuut) -> Verwijderingsregels:
    return Verwijderingsregels(
        horen_artikel=statuut.verwijdering_horen_artikel,
        middelen_artikel=statuut.verwijdering_middelen_artikel,
        tlv_artikel=statuut.verwijdering_tlv_artikel,
    )
