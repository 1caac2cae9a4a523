"""Documents kept with dossier entries (a scan of a signed report): the only writer of
`Document`.

- `document_uploaden`: check an uploaded file (PDF, JPEG or PNG, recognised by its content,
  not its name; at most `MAX_BYTES`) and keep it, pending, for the user who uploaded it;
- `wachtend_document`: that pending upload again, by its token (a form with an error keeps
  the file, so the user does not pick it again);
- `document_koppelen`: tie a pending upload to the dossier entry a flow's service writes.

Reading goes through `dossiers.views_dossier.dossierstuk_document`: the entry must be one
the user may read (`toegang.dossierstukken_voor`), and the read is logged.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from statuut.services import InvoerFout

from .models import Document, Dossierstuk, Leerling

MAX_BYTES = 10 * 1024 * 1024
#: A pending upload nobody tied to an entry is removed after this long.
WACHTEN = timedelta(days=1)

#: The kinds of file accepted, by their first bytes (the file's own signature).
SOORTEN: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", "PDF"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
)


def _soort(begin: bytes) -> str | None:
    for handtekening, mimetype, _naam in SOORTEN:
        if begin.startswith(handtekening):
            return mimetype
    return None


def _naam(bestandsnaam: str) -> str:
    naam = (bestandsnaam or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return (naam or "document")[:200]


@transaction.atomic
def document_uploaden(*, door, leerling: Leerling, bestand) -> Document:
    """Keep `bestand` (a Django UploadedFile) as a pending document, or InvoerFout saying
    why not; nothing is kept then."""
    naam = _naam(getattr(bestand, "name", ""))
    grootte = bestand.size or 0
    if grootte == 0:
        raise InvoerFout(_("Het bestand ‘%(n)s’ is leeg. Kies het juiste bestand.") % {"n": naam})
    if grootte > MAX_BYTES:
        raise InvoerFout(_("Het bestand ‘%(n)s’ is te groot (%(g)s MB); het mag ten hoogste "
                           "%(m)d MB zijn. Scan met een lagere resolutie of als PDF.")
                         % {"n": naam, "g": f"{grootte / 1024 / 1024:.1f}".replace(".", ","),
                            "m": MAX_BYTES // 1024 // 1024})
    bestand.seek(0)
    inhoud = bestand.read(MAX_BYTES + 1)
    mimetype = _soort(inhoud[:16])
    if mimetype is None:
        raise InvoerFout(_("Het bestand ‘%(n)s’ is geen PDF, JPEG of PNG (gekeken naar de "
                           "inhoud, niet naar de naam). Upload de scan als PDF, JPEG of PNG.")
                         % {"n": naam})
    # Pending uploads of this user that were never used are not kept longer than needed.
    Document.objects.filter(geupload_door=door, dossierstuk__isnull=True,
                            geupload_op__lt=timezone.now() - WACHTEN).delete()
    return Document.objects.create(leerling=leerling, token=uuid.uuid4(), bestandsnaam=naam,
                                   mimetype=mimetype, grootte=len(inhoud), inhoud=inhoud,
                                   geupload_door=door)


def wachtend_document(*, door, leerling: Leerling, token) -> Document | None:
    """The user's own pending upload for this pupil, or None (unknown, used, or someone
    else's: a token never opens another user's file)."""
    try:
        token = uuid.UUID(str(token))
    except (TypeError, ValueError):
        return None
    return (Document.objects.defer("inhoud")
            .filter(token=token, geupload_door=door, leerling=leerling,
                    dossierstuk__isnull=True).first())


@transaction.atomic
def document_koppelen(*, document: Document, stuk: Dossierstuk) -> Document:
    """Tie a pending upload to `stuk`, the entry of the same pupil that records it."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.dossierstuk_id is not None or document.leerling_id != stuk.leerling_id:
        raise InvoerFout(_("Dit bestand hoort niet (meer) bij dit formulier. Kies het "
                           "bestand opnieuw."))
    document.dossierstuk = stuk
    document.save(update_fields=["dossierstuk"])
    return document
