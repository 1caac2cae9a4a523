"""Pagination of lists that grow with the years (the read log): count no further than needed.

Django's Paginator counts every matching row to number the pages; the read log of one
reader at a large school holds hundreds of thousands of rows, and counting them cost more
than the page itself (issue 15: 155 ms of a 175 ms page, growing every year). Newest first,
a reader of the log wants the recent pages and narrows the search for older ones, so the
count stops at a bound and the page says so.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class BegrensdePaginator(Paginator):
    """A Paginator that counts at most `grens` rows; `afgekapt` says there are more (the
    pages beyond the bound are reached by narrowing the search, e.g. by period)."""

    grens = 10_000

    @cached_property
    def count(self) -> int:
        # COUNT over a LIMITed subquery: the database stops after `grens` + 1 rows.
        gevonden = self.object_list.order_by()[: self.grens + 1].count()
        self.afgekapt = gevonden > self.grens
        return min(gevonden, self.grens)

    afgekapt = False
