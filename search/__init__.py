"""Full-text vacancy and careers search on Whoosh.

The portal passes plain vacancy documents in and gets dataclasses back; no
other package touches Whoosh. See ``VacancyIndex`` for the on-disk layout and
concurrency rules, ``SearchQuery``/``SearchResult`` for the query features,
``CareersIndex`` for role and pathway pages and ``Synonyms`` for the
abbreviations and everyday words applied to both at query time.
"""

from .careers import CareerHit, CareersIndex
from .index import IndexUnavailable, VacancyIndex
from .query import MAX_PER_PAGE, SORTS, Hit, SearchQuery, SearchResult
from .schema import FACET_FIELDS
from .synonyms import Synonyms

__all__ = [
    "CareerHit",
    "CareersIndex",
    "FACET_FIELDS",
    "MAX_PER_PAGE",
    "SORTS",
    "Hit",
    "IndexUnavailable",
    "SearchQuery",
    "SearchResult",
    "Synonyms",
    "VacancyIndex",
]
