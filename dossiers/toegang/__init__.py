"""The one access policy: who may see which part of which pupil's data.

Everything that shows or touches pupil data asks this module; nothing else checks roles.
The answer comes from data, never from an `if` on the school:

- the statuut in force at the pupil's school (`statuut.selectors.statuut_op`) and its access
  matrix (`Toegangsregel`: role -> categories A..H and "dossier", Echnaton art. 9.3/9.4,
  Noordgouw art. 6.2);
- the user's roles at that school (`Roltoewijzing`);
- the user's relation to the pupil in the current school year, for rules that apply only to
  "eigen leerlingen": mentor of a group the pupil is placed in, docent with a lesopdracht for
  such a group, teamleider of the group's afdeling;
- explicit per-object grants kept with django-guardian (`view_leerling` on one Leerling
  opens the limited part A, D, E and G of art. 9.4, `inzien_dossier` the pupil data and the
  dossier, `inzien_zorg` the care file), honoured only while a `Toekenning` records who gave
  it, why, and from when until when.

Besides reading, the matrix names actions (`statuut.Handeling`: add to the dossier, correct,
clean up, request and send letters, grant, search the read log), each in the same relation.

Every action a flow gives to someone is an authority row (`statuut.Bevoegdheid`) asked
through `bevoegdheden` (`bevoegd`, `bevoegde_rollen`, `leerlingen_bevoegd`, ...), with the
relations of `dossiers.relaties`.

The package's modules, each one job: `basis` (the user as staff, roles, the day), `matrix`
(art. 9: categories, sections, the matrix's actions, grants, the sources' policies, the
deadlines' subjects), `bevoegdheden` (authority rows), `inzagelog`, `inloggen` (who needs a
second factor), `regelzicht` (what a role or a rule row opens: authority over authority),
`haken` (what the flows tell these shared modules) and `geheugen` (answers once per request).
Each flow's policy lives in its own app (`zorg/toegang.py`, `sancties/toegang.py`,
`klachten/toegang.py`, `verzuim/toegang.py`), built from these primitives.

No statuut or no matching rule means no access. A user without a Medewerker sees nothing, and
a superuser gets nothing for free here: the functioneel beheerder works in the admin.
"""

from __future__ import annotations

from .basis import (  # noqa: F401
    ALLE_SECTIES,
    CENTRALE_CATEGORIEEN,
    DOSSIER,
    GEEN,
    GRANT_CATEGORIEEN,
    ROLLEN_ZONDER_INHOUD,
    SCHRIJVEN_IN_DOSSIER,
    ZORG,
    _medewerker,
    _statuut_op,
    _vandaag,
    rollen_per_school,
    rollen_van,
    scholen_van,
    statuut_met_pk,
    toewijzingen_van,
)
from .bevoegdheden import (  # noqa: F401
    ONBEGRENSD,
    alle_rijen,
    bevoegd,
    bevoegde_rijen,
    bevoegde_rollen,
    hoogste_niveau,
    leerlingen_bevoegd,
    orgaanrollen,
    rijen,
    rollen_voor,
    scholen_bevoegd,
    verantwoordelijke,
    weigering,
)
from .inloggen import scholen_met_inhoud  # noqa: F401
from .inzagelog import inzagelog_soorten  # noqa: F401
from .matrix import (  # noqa: F401
    _BRONBELEID,
    _INZAGESOORT,
    _ONDERWERPBELEID,
    _TOEKENNINGSBELEID,
    GEEN_RECHTEN,
    TOEKENNING_CATEGORIEEN,
    Rechten,
    _actieve_toekenningen,
    _eigen_leerling_ids,
    _huidige_plaatsingen,
    _regels,
    _toegekende_leerlingen,
    _toekenningsomvangen,
    _van_bronnen,
    al_gezien,
    brief_leesbaar,
    brieven_leesbaar,
    brieven_voor,
    bronbeleid,
    dossierstukken_voor,
    inzagesoort,
    leerlingen_voor,
    mag,
    mag_op_school,
    mag_sectie_zien,
    mag_termijn_onderwerp_zien,
    mag_termijn_zien,
    mag_zien,
    onderwerpbeleid,
    rechten,
    scholen_waar,
    schoolcategorieen,
    schoolhandelingen,
    termijnen_zichtbaar_filter,
    toe_te_kennen,
    toekenningsbeleid,
    zichtbare_categorieen,
    zichtbare_secties,
    zien_al,
)
from .regelzicht import (  # noqa: F401
    _genoemd,
    _matrixzicht,
    _regelteken,
    _rolvelden,
    eigen_zicht,
    genoemde_rollen,
    heeft_directierol,
    mag_wijziging_beslissen,
    regel_opent,
    regelmodellen,
    rolvelden,
    rolzicht,
    wijzigingsscholen,
)
