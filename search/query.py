"""Search requests and results exchanged with the portal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice

from whoosh.analysis import STOP_WORDS

from .schema import FACET_FIELDS, WORD
from .synonyms import NO_SYNONYMS, Group, Synonyms

SORTS = ("relevance", "newest", "closing", "distance")
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_WORDS = 20
MAX_WORD_LENGTH = 40
# Only the start of very long input is scanned for words.
MAX_TEXT_LENGTH = 4000



@dataclass
class SearchQuery:
    """One search request.

    text: keywords, matched with English stemming against title (boosted
        most), role name, summary, employer name and body text. All words
        must match; if that finds nothing, any word may match (unless
        ``any_word_fallback`` is False). Text without a usable word (only
        punctuation or stop words) matches nothing.
        What the words name comes before what merely mentions them: when
        some open vacancy (within the pay, date and place limits) has every
        word in its title or role, only those match; else, when some has one
        of the words there, only those; else any vacancy with the words.
        Facet filters do not change which of these applies, so facet counts
        describe the same kind of result.
        When nothing matches and a correction of the words finds vacancies,
        those are returned instead (unless ``correct_spelling`` is False),
        with ``SearchResult.corrected_text`` saying so.
    synonyms: a word (or run of words) that is a term of this list matches
        what was typed or any of its meanings, as one word would (see
        ``search.synonyms``); None: words match only themselves.
    sector, role_family, role, employer_id, contract_type, working_pattern,
    pay_band: accepted values; OR within a field, AND across fields. Empty = any.
    flags: every listed flag must be present.
    min_pay: the vacancy's annual pay is at least this (no pay = excluded).
    posted_within_days: posted no earlier than ``now`` minus this many days
        (fractions allowed).
    near, radius_miles: (lat, lon) and a radius; keeps vacancies with a site
        within the radius. ``near`` alone only provides distances and the
        "distance" sort.
    sort: "relevance" (newest when there are no keywords), "newest",
        "closing" (soonest first) or "distance" (needs ``near``, otherwise
        treated as "relevance").
    page: 1-based; per_page: clamped to 1..100.
    facets: names from ``FACET_FIELDS`` to count (see ``SearchResult``).
    today: vacancies closing before this date are never returned
        (default: today in UTC).
    now: reference time for ``posted_within_days`` (default: now, UTC).
    """

    text: str = ""
    sector: Sequence[str] = ()
    role_family: Sequence[str] = ()
    role: Sequence[str] = ()
    employer_id: Sequence[int] = ()
    contract_type: Sequence[str] = ()
    working_pattern: Sequence[str] = ()
    flags: Sequence[str] = ()
    pay_band: Sequence[str] = ()
    min_pay: float | None = None
    posted_within_days: float | None = None
    near: tuple[float, float] | None = None
    radius_miles: float | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    facets: Sequence[str] = ()
    today: date | None = None
    now: datetime | None = None
    any_word_fallback: bool = True
    correct_spelling: bool = True
    synonyms: Synonyms | None = None

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}; expected one of {SORTS}")
        unknown = set(self.facets) - set(FACET_FIELDS)
        if unknown:
            raise ValueError(f"unknown facets {sorted(unknown)}; expected some of {FACET_FIELDS}")
        self.page = max(1, int(self.page))
        self.per_page = min(MAX_PER_PAGE, max(1, int(self.per_page)))
        self.text = self.text or ""

    def selected(self, facet: str) -> tuple[str, ...]:
        """The filter values for a facet field, as indexed (strings)."""
        return tuple(dict.fromkeys(str(v) for v in getattr(self, facet) or ()))


@dataclass
class Hit:
    """One result: ``title_html`` and ``snippet_html`` are HTML-escaped with the
    matching words wrapped in ``<mark>``, so they are safe to render as markup.
    ``score`` is the relevance score, or None when not ranked by relevance.
    ``distance_miles`` is to the nearest site, when the query gave ``near``
    and the vacancy has sites."""

    id: int
    score: float | None
    distance_miles: float | None
    title_html: str
    snippet_html: str


@dataclass
class SearchResult:
    """Hits for the requested page plus the information around them.

    total: number of matching vacancies across all pages.
    sort: the sort actually applied (see ``SearchQuery.sort``).
    facets: {facet: {value: count}} for each requested facet, most frequent
        first. Counts apply the keywords and every other filter but not the
        facet's own selection (multi-select), except ``flags``: flags combine
        with AND, so each flag's count is the total if it were also ticked.
        Selected values are always listed, even with a count of 0.
        ``employer_id`` values are ints.
    suggestion: corrected keywords when a word looks misspelt, else None.
    corrected_text: when the keywords found nothing, the corrected keywords
        whose results these are; else None.
    """

    hits: list[Hit]
    total: int
    page: int
    per_page: int
    sort: str
    facets: dict[str, dict] = field(default_factory=dict)
    suggestion: str | None = None
    corrected_text: str | None = None

    @property
    def pages(self) -> int:
        return -(-self.total // self.per_page)


@dataclass
class Keywords:
    """Query text reduced to lower-case words, and the groups searched for:
    every group must match (each is one word, or a synonym term with its
    meanings). ``stems`` are all the stems the groups may match, for
    highlighting."""

    words: list[str]
    groups: list[Group]

    @property
    def stems(self) -> list[str]:
        return list(dict.fromkeys(s for group in self.groups for s in group.stems))

    @classmethod
    def parse(cls, text: str, synonyms: Synonyms | None = None) -> Keywords:
        words = [
            token.group().lower()[:MAX_WORD_LENGTH]
            for token in islice(WORD.finditer(text[:MAX_TEXT_LENGTH]), MAX_WORDS)
        ]
        searchable = [word for word in words if is_searchable(word)]
        return cls(words, (synonyms or NO_SYNONYMS).groups(searchable))


def is_searchable(word: str) -> bool:
    """Whether the indexing analyzer keeps this lower-case word."""
    return len(word) >= 2 and word not in STOP_WORDS
