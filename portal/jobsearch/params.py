"""The search parameters people and API clients send, read and checked in one place.

The job search page, its Atom feed and the JSON API all read the query string with
:func:`parse_search_args`. The page forgives mistakes (it drops the bad value and says why);
the API reports every problem so the client can fix its request.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from werkzeug.datastructures import MultiDict

from portal.config import MAX_RECORD_ID
from portal.jobsearch.labels import Labels, labels
from portal.locations.services import find_place
from portal.query_parameters import unexpected_parameters
from search import MAX_PER_PAGE, SORTS

MAX_KEYWORDS_LENGTH = 200
MAX_LOCATION_LENGTH = 100
POSTED_WITHIN_DAYS = (1, 3, 7, 14, 30)
RADIUS_MILES = (1, 3, 5, 10, 20, 30, 50)
DEFAULT_RADIUS_MILES = 10
DEFAULT_PER_PAGE = 20
MAX_PAY = 1_000_000
# Ids are 32-bit integers in the database; larger numbers cannot name a row (and SQLite refuses them).

# Filters whose values come from a fixed list: parameter -> the Labels attribute listing the values.
CODE_FILTERS = {
    "sector": "sectors",
    "role_family": "role_families",
    "role": "roles",
    "contract_type": "contract_types",
    "working_pattern": "working_patterns",
    "flags": "flags",
    "pay_band": "pay_bands",
}
CODE_FILTER_NOUNS = {
    "sector": "sector",
    "role_family": "job family",
    "role": "job role",
    "contract_type": "contract type",
    "working_pattern": "working pattern",
    "flags": "requirement",
    "pay_band": "pay band",
}
REPEATABLE = (*CODE_FILTERS, "employer")
PAGE_PARAMETERS = (
    "q", "as_typed", *REPEATABLE, "min_pay", "posted_within", "location", "radius", "sort", "page",
)
API_PARAMETERS = (*PAGE_PARAMETERS, "per_page")
# What API clients send that the search does not read, and what to send instead.
UNKNOWN_PARAMETER_HINTS = {
    **dict.fromkeys(("lat", "lon", "lng", "latitude", "longitude", "near"),
                    "We do not read coordinates. Search near a place with location, a town or postcode district"),
    "distance": "Give the distance in miles with radius",
}
NO_WORDS_PAGE = "Enter words to search for, like a job title. We are showing all jobs"
NO_WORDS_API = "Keywords must include a letter or a number. Leave q out to list every vacancy"
# A pay band as people type it: "band 5", "Band 8a", "AfC band 6", "agenda for change band 7".
BAND_IN_WORDS = re.compile(r"\b(?:(?:afc|agenda\s+for\s+change)\s+)?band\s*(\d[a-d]?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    # When the keywords named a pay band, read as the pay_band filter: the words that did, and all the words typed.
    band_words: str = ""
    band_read: str = ""
    typed_q: str = ""
    # Search the words exactly as typed: no pay band read from them, no spelling corrected.
    as_typed: bool = False
    sector: tuple[str, ...] = ()
    role_family: tuple[str, ...] = ()
    role: tuple[str, ...] = ()
    employer: tuple[int, ...] = ()
    contract_type: tuple[str, ...] = ()
    working_pattern: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    pay_band: tuple[str, ...] = ()
    min_pay: int | None = None
    posted_within: int | None = None
    location: str = ""
    place_name: str | None = None
    near: tuple[float, float] | None = None
    radius: int = DEFAULT_RADIUS_MILES
    sort: str | None = None
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @property
    def applied_sort(self) -> str:
        return self.sort or ("relevance" if self.q else "newest")

    @property
    def has_filters(self) -> bool:
        return any(getattr(self, name) for name in REPEATABLE) or bool(self.min_pay or self.posted_within)

    def without_filters(self) -> SearchParams:
        return replace(self, **{name: () for name in REPEATABLE}, min_pay=None, posted_within=None, page=1)

    def as_typed_args(self) -> dict[str, object]:
        """The parameters that search for the words exactly as they were typed."""
        bands = tuple(code for code in self.pay_band if code != self.band_read)
        return self.query_args(q=self.typed_q or self.q, pay_band=bands, as_typed=True, page=1)

    def query_args(self, **changes) -> dict[str, object]:
        """The parameters as a query string would carry them, leaving out defaults, for ``url_for``."""
        params = replace(self, **changes) if changes else self
        args: dict[str, object] = {}
        if params.q:
            args["q"] = params.q
        if params.as_typed:
            args["as_typed"] = 1
        for name in REPEATABLE:
            if values := getattr(params, name):
                args[name] = list(values)
        if params.min_pay:
            args["min_pay"] = params.min_pay
        if params.posted_within:
            args["posted_within"] = params.posted_within
        if params.location:
            args["location"] = params.location
            if params.radius != DEFAULT_RADIUS_MILES:
                args["radius"] = params.radius
        if params.sort:
            args["sort"] = params.sort
        if params.page > 1:
            args["page"] = params.page
        return args


@dataclass
class ParsedSearch:
    params: SearchParams
    problems: dict[str, str] = field(default_factory=dict)


def parse_search_args(args: MultiDict, *, for_api: bool = False) -> ParsedSearch:
    """Read search parameters; ``problems`` maps each parameter with a bad value to a message.

    A bad value is left out of ``params``. The page ignores parameters it does not know, empty ones, and
    all but the first of repeated ones; the API reports each, so a client never gets results it did not
    ask for.
    """
    problems: dict[str, str] = {}
    if for_api:
        problems.update(unexpected_parameters(args, API_PARAMETERS, REPEATABLE, UNKNOWN_PARAMETER_HINTS))
    known = labels()
    values: dict[str, object] = {"q": _keywords(args, for_api, problems)}
    values["as_typed"] = _as_typed(args, problems)
    for name in CODE_FILTERS:
        values[name] = _codes(args, name, known, problems)
    if not values["as_typed"]:
        values.update(_band_in_words(values["q"], values["pay_band"], known))
    values["employer"] = _employer_ids(args, problems)
    values["min_pay"] = _min_pay(args, problems)
    values["posted_within"] = _choice(
        args, "posted_within", POSTED_WITHIN_DAYS, problems,
        "Choose jobs posted in the last 1, 3, 7, 14 or 30 days",
    )
    values.update(_location(args, problems))
    values["radius"] = _choice(
        args, "radius", RADIUS_MILES, problems,
        "Choose a distance of 1, 3, 5, 10, 20, 30 or 50 miles",
    ) or DEFAULT_RADIUS_MILES
    values["sort"] = _sort(args, values["near"] is not None, problems)
    values["page"] = _whole_number(args, "page", 1, None, problems, "Page must be a whole number, 1 or more") or 1
    if for_api:
        values["per_page"] = _whole_number(
            args, "per_page", 1, MAX_PER_PAGE, problems, f"per_page must be a whole number from 1 to {MAX_PER_PAGE}",
        ) or DEFAULT_PER_PAGE
    return ParsedSearch(SearchParams(**values), problems)


def _text(args: MultiDict, name: str) -> str:
    return " ".join(args.get(name, "").split())


def _keywords(args: MultiDict, for_api: bool, problems: dict[str, str]) -> str:
    text = _text(args, "q")
    if text and not any(character.isalnum() for character in text):
        # Only punctuation, such as * or ?: there is nothing to search for.
        problems["q"] = NO_WORDS_API if for_api else NO_WORDS_PAGE
        return ""
    if len(text) <= MAX_KEYWORDS_LENGTH:
        return text
    if for_api:
        problems["q"] = f"Keywords must be {MAX_KEYWORDS_LENGTH} characters or fewer"
    else:
        problems["q"] = (
            f"Your search was longer than {MAX_KEYWORDS_LENGTH} characters, so we searched for the first "
            f"{MAX_KEYWORDS_LENGTH}. Try a few words, like a job title."
        )
    return text[:MAX_KEYWORDS_LENGTH].rstrip()


def _as_typed(args: MultiDict, problems: dict[str, str]) -> bool:
    text = args.get("as_typed", "").strip().lower()
    if text in ("", "0", "false"):
        return False
    if text not in ("1", "true"):
        problems["as_typed"] = "as_typed must be 1 (search the words exactly as typed) or left out"
        return False
    return True


def _band_in_words(q: str, bands: tuple[str, ...], known: Labels) -> dict[str, object]:
    """The pay band named in the keywords, moved into the pay band filter."""
    for match in BAND_IN_WORDS.finditer(q):
        code = f"band_{match.group(1).lower()}"
        if code in known.pay_bands:
            rest = " ".join(f"{q[:match.start()]} {q[match.end():]}".split())
            return {
                "q": rest,
                "pay_band": tuple(dict.fromkeys((*bands, code))),
                "band_words": match.group(),
                "band_read": code,
                "typed_q": q,
            }
    return {}


def _listed(args: MultiDict, name: str) -> list[str]:
    return list(dict.fromkeys(value.strip() for value in args.getlist(name) if value.strip()))


def _codes(args: MultiDict, name: str, known: Labels, problems: dict[str, str]) -> tuple[str, ...]:
    allowed: Mapping[str, str] = getattr(known, CODE_FILTERS[name])
    values = _listed(args, name)
    unknown = [value for value in values if value not in allowed]
    if unknown:
        problems[name] = f"Choose a {CODE_FILTER_NOUNS[name]} from the list (we do not know {', '.join(unknown)[:100]})"
    return tuple(value for value in values if value in allowed)


def _employer_ids(args: MultiDict, problems: dict[str, str]) -> tuple[int, ...]:
    ids = []
    for value in _listed(args, "employer"):
        if _is_whole_number(value) and 0 < int(value) <= MAX_RECORD_ID:
            ids.append(int(value))
        else:
            problems["employer"] = "Employer must be an employer's number"
    return tuple(ids)


def _min_pay(args: MultiDict, problems: dict[str, str]) -> int | None:
    text = args.get("min_pay", "").strip().replace(",", "").lstrip("£").strip()
    if not text:
        return None
    try:
        amount = float(text)
    except ValueError:
        amount = -1
    if not 0 <= amount <= MAX_PAY:
        problems["min_pay"] = "Enter a minimum yearly pay in pounds, like 25000"
        return None
    return round(amount) or None


def _is_whole_number(text: str) -> bool:
    # str.isdigit also accepts characters like "²" that int() refuses.
    return text.isascii() and text.isdigit()


def _whole_number(
    args: MultiDict, name: str, low: int, high: int | None, problems: dict[str, str], message: str,
) -> int | None:
    text = args.get(name, "").strip()
    if not text:
        return None
    if _is_whole_number(text) and int(text) >= low and (high is None or int(text) <= high):
        return int(text)
    problems[name] = message
    return None


def _choice(args: MultiDict, name: str, choices: tuple[int, ...], problems: dict[str, str], message: str) -> int | None:
    number = _whole_number(args, name, 0, None, problems, message)
    if number is None or number in choices:
        return number
    problems[name] = message
    return None


def _location(args: MultiDict, problems: dict[str, str]) -> dict[str, object]:
    text = _text(args, "location")[:MAX_LOCATION_LENGTH]
    if not text:
        return {"location": "", "place_name": None, "near": None}
    place = find_place(text)
    if place is None:
        problems["location"] = (
            f"We could not find {text}. Try a town or postcode district in the region, like Loughborough or LE11"
        )
        return {"location": text, "place_name": None, "near": None}
    return {"location": text, "place_name": place.name, "near": (place.latitude, place.longitude)}


def _sort(args: MultiDict, has_place: bool, problems: dict[str, str]) -> str | None:
    sort = args.get("sort", "").strip()
    if not sort:
        return None
    if sort not in SORTS:
        problems["sort"] = "Sort by relevance, newest, closing or distance"
        return None
    if sort == "distance" and not has_place:
        if "location" not in problems:
            problems["sort"] = "Enter a town or postcode to sort by distance"
        return None
    return sort
