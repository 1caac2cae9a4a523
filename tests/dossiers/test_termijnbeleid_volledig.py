"""Every kind of subject a deadline can have, in every flow, has its visibility policy
(`toegang.onderwerpbeleid`): a flow that adds a deadline about a pupil's matter and forgets
it would list that deadline for every holder of the responsible role at the school."""

from __future__ import annotations

from django.apps import apps

from dossiers import termijnonderwerpen, toegang
from statuut.models import Termijn


def _modellen_met_een_termijn() -> set[str]:
    uit = set()
    for model in apps.get_models():
        for veld in model._meta.get_fields():
            if (getattr(veld, "related_model", None) is Termijn and veld.concrete
                    and model is not Termijn and model._meta.app_label != "statuut"):
                uit.add(model._meta.label_lower)
    return uit


#: Models holding a deadline whose subject is another model: a complaint's stage (the
#: complaint) and a request to change a school's settings (no pupil: the directie's).
ONDERWERP_ELDERS = {"klachten.klachtstap", "dossiers.wijzigingsverzoek"}


def test_elk_onderwerp_van_een_termijn_over_een_leerling_heeft_een_beleid():
    over_een_leerling = set(termijnonderwerpen._ONDERWERPEN) - {"dossiers.leerling"}
    assert _modellen_met_een_termijn() - ONDERWERP_ELDERS <= over_een_leerling
    assert over_een_leerling - set(toegang._ONDERWERPBELEID) == set()
    assert over_een_leerling == {
        "gedrag.lesmaatregel", "klachten.beroep", "klachten.klacht", "sancties.schorsing",
        "sancties.timeout", "sancties.verwijdering", "uitsturen.uitstuurmelding",
        "verzuim.drempelactie", "verzuim.verlofaanvraag", "zorg.evaluatie", "zorg.zorgdossier"}
