"""Whoosh schema for vacancies and conversion of portal documents into it."""

from __future__ import annotations

import math
import re
import struct
from collections import Counter
from datetime import date, datetime, timezone
from functools import lru_cache

from whoosh import columns, fields
from whoosh.analysis import STOP_WORDS, LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.lang.porter import stem as _porter_stem
from whoosh.system import pack_uint

# Bump whenever the schema or the column layouts change: indexes built with
# another version are reported unavailable so the portal rebuilds them.
FORMAT_VERSION = 3

# Words as the stemming analyzer finds them; queries are split the same way, so user input
# is never parsed as a query language.
WORD = re.compile(r"\w+(?:\.?\w+)*")
STEMMING = StemmingAnalyzer(cachesize=100_000)
# The corrector suggests real words, so its field keeps them unstemmed.
SPELLING_WORD = re.compile(r"[^\W\d_]{3,}")
SPELLING = RegexTokenizer(SPELLING_WORD.pattern) | LowercaseFilter()

# Field boosts applied at query time: the role the employer chose says what the job is most
# surely, then the title, well above body text. The role must outweigh the title so that a job of
# a nursing role comes before, say, a secretary to the nursing team (see Term for the levels).
TEXT_FIELDS = {
    "title": 6.0,
    "role_name": 8.5,
    "summary": 2.0,
    "employer_name": 1.5,
    "text": 1.0,
}
# Where a word names what the job is, rather than mentioning it in passing.
FOCUS_FIELDS = ("title", "role_name")

# Filter and facet names, which are also their Whoosh field names.
FACET_FIELDS = (
    "sector",
    "role_family",
    "role",
    "employer_id",
    "contract_type",
    "working_pattern",
    "flags",
    "pay_band",
)

# Fields where a document may have several values.
MULTI_VALUED_FIELDS = frozenset({"working_pattern", "flags"})

# Per-document numbers kept in a fixed-width column so one read fills the
# in-memory arrays used for range filters and sorting:
# vacancy id, posted_at (epoch seconds), closing date (ordinal), annual pay (NaN = none).
META = struct.Struct("<qqid")
NO_PAY = math.nan
NEVER_CLOSES = date.max.toordinal()
# Locations: a run of (lat, lon) doubles.
LOCATION = struct.Struct("<dd")


class CountedText(fields.TEXT):
    """A text field that stores term frequencies but no field lengths (ranking
    does not normalise by length) and counts its terms in bulk: running the
    analyzer token by token is most of the cost of indexing."""

    def __init__(self, analyzer, stored: bool = False) -> None:
        super().__init__(analyzer=analyzer, phrase=False, stored=stored)
        self.scorable = False

    def index(self, value, **kwargs):
        return [
            (term.encode("utf-8"), n, float(n), pack_uint(n)) for term, n in self.terms(value).items()
        ]

    def terms(self, value: str) -> dict[str, int]:
        raise NotImplementedError


class StemmedText(CountedText):
    """Indexed with the terms ``STEMMING`` produces."""

    def __init__(self, stored: bool = False) -> None:
        super().__init__(STEMMING, stored)

    def terms(self, value: str) -> dict[str, int]:
        terms: dict[str, int] = {}
        for word, n in Counter(map(str.lower, WORD.findall(value))).items():
            if len(word) >= 2 and word not in STOP_WORDS:
                term = stem(word)
                terms[term] = terms.get(term, 0) + n
        return terms


class SpellingText(CountedText):
    """Indexed with the terms ``SPELLING`` produces."""

    def __init__(self) -> None:
        super().__init__(SPELLING)

    def terms(self, value: str) -> dict[str, int]:
        return Counter(map(str.lower, SPELLING_WORD.findall(value)))


class Codec(W3Codec):
    """Whoosh's codec without per-posting field length lookups when writing:
    no field here stores lengths."""

    length_stats = False


CODEC = Codec()


def _schema() -> fields.Schema:
    return fields.Schema(
        key=fields.ID(unique=True),
        title=StemmedText(stored=True),
        summary=StemmedText(stored=True),
        text=StemmedText(stored=True),
        employer_name=StemmedText(),
        role_name=StemmedText(),
        spell=SpellingText(),
        sector=fields.ID,
        role_family=fields.ID,
        role=fields.ID,
        employer_id=fields.ID,
        contract_type=fields.ID,
        working_pattern=fields.KEYWORD,
        flags=fields.KEYWORD,
        pay_band=fields.ID,
        meta=fields.COLUMN(columns.FixedBytesColumn(META.size)),
        locations=fields.COLUMN(columns.VarBytesColumn()),
    )


SCHEMA = _schema()


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Stem one lower-case word exactly as the indexing analyzer does."""
    return _porter_stem(word)


def facet_label(field: str, value: str):
    """How a facet value is reported: employer ids as ints, others as indexed."""
    if field == "employer_id" and value.isdigit():
        return int(value)
    return value


def doc_key(vacancy_id: int) -> str:
    return f"vacancy:{int(vacancy_id)}"


def epoch_seconds(value: datetime) -> int:
    """Naive datetimes are taken to be UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return int(value.timestamp())


def _date_ordinal(value: date | datetime | None) -> int:
    if value is None:
        return NEVER_CLOSES
    if isinstance(value, datetime):
        value = value.date()
    return value.toordinal()


def _code(value) -> str:
    return "" if value is None else str(value).strip()


def _codes(values) -> str:
    return " ".join(code for code in map(_code, values or ()) if code)


def to_whoosh(doc: dict) -> dict:
    """Convert a portal vacancy document into Whoosh field values."""
    pay = doc.get("pay_annual")
    pay = NO_PAY if pay is None else float(pay)
    locations = b"".join(
        LOCATION.pack(float(lat), float(lon)) for lat, lon in doc.get("locations") or ()
    )
    title = doc.get("title") or ""
    summary = doc.get("summary") or ""
    employer_name = doc.get("employer_name") or ""
    role_name = doc.get("role_name") or ""
    values = {
        "key": doc_key(doc["id"]),
        "title": title,
        "summary": summary,
        "text": doc.get("text") or "",
        "employer_name": employer_name,
        "role_name": role_name,
        "spell": " ".join((title, summary, role_name, employer_name)),
        "sector": _code(doc.get("sector")),
        "role_family": _code(doc.get("role_family")),
        "role": _code(doc.get("role")),
        "employer_id": _code(doc.get("employer_id")),
        "contract_type": _code(doc.get("contract_type")),
        "working_pattern": _codes(doc.get("working_patterns")),
        "flags": _codes(doc.get("flags")),
        "pay_band": _code(doc.get("pay_band")),
        "meta": META.pack(
            int(doc["id"]),
            epoch_seconds(doc["posted_at"]),
            _date_ordinal(doc.get("closing_date")),
            pay,
        ),
        "locations": locations,
    }
    # An empty string would be indexed as a term of its own.
    return {name: value for name, value in values.items() if value != ""}
