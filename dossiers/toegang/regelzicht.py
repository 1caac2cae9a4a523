"""What a role or a rule row opens, in tokens: authority over authority (issue 11).

Part of the access policy `dossiers.toegang`; see the package's docstring."""

from __future__ import annotations

from datetime import date

from statuut.models import Rol, Toegangsregel

from . import haken
from .basis import (
    ALLE_SECTIES,
    DOSSIER,
    GEEN,
    ROLLEN_ZONDER_INHOUD,
    _medewerker,
    _statuut_op,
    _vandaag,
    rollen_van,
)
from .matrix import (
    _regels,
)

# --- Authority over authority (issue 11) ---
# Changing roles, grants and the statuut's rules is itself governed: nobody widens their own
# rights, and a widening beyond what the one who makes it may see waits for the directie
# (`dossiers.wijzigingen`). What a role or a rule row *opens* is answered here, in tokens, so
# "is this wider than my own sight" is one set difference and not a second access mechanism:
#   "A".."H", "dossier"      a category of own pupils (the rule's relation)
#   "A*" .. "dossier*"       the same of every pupil of the school
#   "sectie:<s>[*]"          a part of the personal dossier
#   "handeling:<h>[*]"       an action of the matrix (`statuut.Handeling`)
#   "bevoegdheid:<actie>[@<voor>][:<niveau>][*]"   an authority row (`statuut.Bevoegdheid`)
#   "orgaan:<orgaan>"        acting for a body (`statuut.Orgaanrol`)
#   "maatregelen", "klachten", "verzuim"   being named in the measure, complaint and absence
#                            rules of the statuut
#   and what the flows add (`haken.zicht`), e.g. the care file at a level

#: Rule rows (besides the access matrix) whose fields name roles or bodies, and what being
#: named there opens.
def _rolvelden():
    from statuut.models import (
        Beroepsregel,
        Bevoegdheid,
        Klachtfase,
        Maatregelsoort,
        Orgaanrol,
        Statuut,
        Verzuimdrempel,
    )

    return {
        Bevoegdheid: (("rol",), "bevoegdheid"),
        Orgaanrol: (("rollen",), "orgaan"),
        # Who imposes, proposes, approves or informs, who handles a complaint stage or decides
        # a beroep is a Bevoegdheid row now (issue 13); the rows themselves are still rule
        # rows (their changes and deletion are logged).
        Maatregelsoort: ((), "maatregelen"),
        Klachtfase: ((), "klachten"),
        Beroepsregel: ((), "klachten"),
        # Names no role any more (who acts: the verzuim actions' rows); still a rule row.
        Verzuimdrempel: ((), "verzuim"),
        Statuut: ((), "maatregelen"),
    }


def regelmodellen() -> tuple:
    """The rule rows of a statuut version that govern who may do or see what."""
    return (Toegangsregel, *[m for m in _rolvelden() if m._meta.model_name != "statuut"])


def rolvelden(model) -> tuple[str, ...]:
    """The fields of a statuut rule model that name roles (empty: the model names none)."""
    if model is Toegangsregel:
        return ("rol",)
    return _rolvelden().get(model, ((), ""))[0]


def _genoemd(waarden: dict | None, velden: tuple[str, ...]) -> frozenset[str]:
    """The roles named in `velden` of a rule row's values; a body counts as the roles that
    act for it (the geschillencommissie through its secretary, from the directie)."""
    if not waarden:
        return GEEN
    from statuut.models import Orgaanrol

    statuut_id = waarden.get("statuut")
    organen = ({o.orgaan: frozenset(o.rollen)
                for o in Orgaanrol.objects.filter(statuut_id=statuut_id)}
               if statuut_id and isinstance(statuut_id, int) else {})
    uit: set[str] = set()
    for veld in velden:
        waarde = waarden.get(veld)
        for naam in (waarde if isinstance(waarde, list) else [waarde]):
            if not naam:
                continue
            uit |= haken.GENOEMD_ALS.get(naam, frozenset())
            uit |= organen.get(naam, frozenset({naam}))
    return frozenset(uit)


def genoemde_rollen(model, waarden: dict | None) -> frozenset[str]:
    """The roles a rule row (its values as a dict) applies to."""
    return _genoemd(waarden, rolvelden(model))


def _matrixzicht(waarden: dict | None) -> frozenset[str]:
    """What one row of the access matrix opens, as tokens."""
    if not waarden:
        return GEEN
    ster = "" if waarden.get("alleen_eigen_leerlingen", True) else "*"
    cats = list(waarden.get("categorieen") or [])
    uit = set(cats) | {f"{c}{ster}" for c in cats}
    if DOSSIER in cats:
        for sectie in waarden.get("dossiersecties") or ALLE_SECTIES:
            uit |= {f"sectie:{sectie}", f"sectie:{sectie}{ster}"}
    for handeling in waarden.get("handelingen") or []:
        uit |= {f"handeling:{handeling}", f"handeling:{handeling}{ster}"}
    return frozenset(uit)


#: Levels above this count as one ("every level"): a level is a count of school days or a
#: care file level, never near it.
_NIVEAUTEKENS = 60


def _bevoegdheidzicht(waarden: dict | None) -> frozenset[str]:
    """What one authority row opens, as tokens: the action (in its scope, for its rung or
    stage) up to its level, so raising a level or widening the scope opens something new."""
    if not waarden or not waarden.get("actie"):
        return GEEN
    basis = f"bevoegdheid:{waarden['actie']}"
    if waarden.get("voor"):
        basis += f"@{waarden['voor']}"
    ster = "*" if waarden.get("omvang", "school") == "school" else ""
    niveau = waarden.get("niveau")
    hoogste = _NIVEAUTEKENS if niveau is None else min(int(niveau), _NIVEAUTEKENS)
    uit = {basis, f"{basis}{ster}"}
    uit |= {f"{basis}:{n}" for n in range(1, hoogste + 1)}
    uit |= {f"{basis}:{n}{ster}" for n in range(1, hoogste + 1)}
    return frozenset(uit)


def _regelteken(model, waarden: dict) -> str:
    teken = _rolvelden()[model][1]
    if teken == "orgaan":
        return f"orgaan:{waarden.get('orgaan', '')}"
    return teken


def rolzicht(school, rollen, *, op: date | None = None) -> frozenset[str]:
    """What holding `rollen` at `school` opens under the statuut in force on `op`: the access
    matrix, the care rules, complaint content, and being named in the statuut's rule rows."""
    from django.forms.models import model_to_dict

    rollen = frozenset(rollen) - {""}
    statuut = _statuut_op(school, _vandaag(op))
    if statuut is None or not rollen:
        return GEEN
    zicht: set[str] = set()
    for regel in _regels(statuut, set(rollen)):
        zicht |= _matrixzicht(model_to_dict(regel))
    inhoud = rollen - ROLLEN_ZONDER_INHOUD
    for hook in haken.ZICHT:
        zicht |= hook(school, inhoud, statuut)
    from statuut.models import Bevoegdheid, Orgaanrol

    organen = {o.orgaan: set(o.rollen) for o in Orgaanrol.objects.filter(statuut=statuut)}
    for rij in Bevoegdheid.objects.filter(statuut=statuut):
        if ({rij.rol} | organen.get(rij.rol, set())) & inhoud:
            zicht |= _bevoegdheidzicht(model_to_dict(rij))
    for model, (velden, _teken) in _rolvelden().items():
        if model is Bevoegdheid:
            continue
        rijen = [statuut] if model._meta.model_name == "statuut" else model.objects.filter(
            statuut=statuut)
        for rij in rijen:
            waarden = model_to_dict(rij, fields=[*velden, "orgaan"])
            if _genoemd(waarden, velden) & inhoud:
                zicht.add(_regelteken(model, waarden))
    return frozenset(zicht)


def eigen_zicht(user, school, *, op: date | None = None) -> frozenset[str]:
    """What `user`'s own roles at `school` open (nothing for a superuser: see `_medewerker`)."""
    return rolzicht(school, rollen_van(user, school), op=op)


def regel_opent(model, voor: dict | None, na: dict | None) -> frozenset[str]:
    """What changing a rule row from `voor` to `na` (None: no row) opens that was not open:
    for a row of the access matrix the new tokens, for a row naming roles its token when a
    role is named that was not."""
    if na is None:
        return GEEN
    if model is Toegangsregel:
        if voor is None or voor.get("rol") != na.get("rol"):
            return _matrixzicht(na)
        return _matrixzicht(na) - _matrixzicht(voor)
    if model._meta.model_name == "bevoegdheid":
        if voor is None or voor.get("rol") != na.get("rol"):
            return _bevoegdheidzicht(na)
        return _bevoegdheidzicht(na) - _bevoegdheidzicht(voor)
    velden = rolvelden(model)
    if not velden:
        return GEEN
    nieuw = _genoemd(na, velden) - ROLLEN_ZONDER_INHOUD
    if voor is not None and _regelteken(model, voor) == _regelteken(model, na):
        nieuw -= _genoemd(voor, velden)
    return frozenset({_regelteken(model, na)}) if nieuw else GEEN


def wijzigingsscholen(user):
    """The schools whose change log and pending changes `user` sees: where they hold the
    directie role (the schoolleiding answers for who may see what)."""
    from statuut.models import School

    if _medewerker(user) is None:
        return School.objects.none()
    return School.objects.filter(roltoewijzingen__medewerker__user=user,
                                 roltoewijzingen__rol=Rol.DIRECTIE).distinct()


def heeft_directierol(user) -> bool:
    """The menu link to the change log: directie somewhere. Asked on every page, so it uses
    the roles the menu already loaded for this request (`schoolhandelingen`) when it can."""
    if _medewerker(user) is None:
        return False
    rollen = getattr(user, "_menu_rollen", None)
    if rollen is not None:
        return Rol.DIRECTIE in rollen
    return wijzigingsscholen(user).exists()


def mag_wijziging_beslissen(user, verzoek) -> bool:
    """A pending change is confirmed or rejected by a member of that school's directie, a
    second person: never the one who asked."""
    return (verzoek.aangevraagd_door_id != getattr(user, "pk", None)
            and Rol.DIRECTIE in rollen_van(user, verzoek.school_id))
