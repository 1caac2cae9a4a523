"""Query-count pins measure a request made warm.

What the process keeps between requests (the statuut's rules, the roles and grants under
their stamp, `statuut/stempel.py`; content types) is read again by the first request after
someone changed those rows, which a test may do between two measurements. A pin says what a
page asks every time, so it measures the request made a second time."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def warm(verzoek: Callable):
    """The queries of `verzoek()` made a second time, and its answer."""
    verzoek()
    with CaptureQueriesContext(connection) as queries:
        antwoord = verzoek()
    return queries, antwoord
