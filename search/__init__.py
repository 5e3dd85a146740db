"""Full-text vacancy search on Whoosh.

The portal passes plain vacancy documents in and gets dataclasses back; no
other package touches Whoosh. See ``VacancyIndex`` for the on-disk layout and
concurrency rules, ``SearchQuery``/``SearchResult`` for the query features.
"""

from .index import IndexUnavailable, VacancyIndex
from .query import MAX_PER_PAGE, SORTS, Hit, SearchQuery, SearchResult
from .schema import FACET_FIELDS

__all__ = [
    "FACET_FIELDS",
    "MAX_PER_PAGE",
    "SORTS",
    "Hit",
    "IndexUnavailable",
    "SearchQuery",
    "SearchResult",
    "VacancyIndex",
]
