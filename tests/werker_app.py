"""The Celery app as the real test worker runs it, with one hook at the edge of the world:
when TEST_WERKER_PAUZE names a directory and the file `blok` exists in it, the worker process
writes its pid to `bezig-<pid>` and waits before WeasyPrint writes a PDF (`pdf`) or before an
e-mail leaves (`mail`), so a test can kill it halfway, as a crash would."""

import os
import time
from pathlib import Path

from config.celery import app  # noqa: F401

_MAP = os.environ.get("TEST_WERKER_PAUZE")
_BIJ = os.environ.get("TEST_WERKER_PAUZE_BIJ", "pdf")


def _wacht():
    map_ = Path(_MAP)
    if not (map_ / "blok").exists():
        return
    (map_ / f"bezig-{os.getpid()}").write_text("")
    for _ in range(600):
        if not (map_ / "blok").exists():
            return
        time.sleep(0.1)


if _MAP:
    if _BIJ == "pdf":
        import weasyprint

        _write_pdf = weasyprint.HTML.write_pdf

        def write_pdf(self, *args, **kwargs):
            _wacht()
            return _write_pdf(self, *args, **kwargs)

        weasyprint.HTML.write_pdf = write_pdf
    elif _BIJ == "mail":
        from django.core.mail.backends.filebased import EmailBackend

        _send = EmailBackend.send_messages

        def send_messages(self, messages):
            _wacht()
            return _send(self, messages)

        EmailBackend.send_messages = send_messages
