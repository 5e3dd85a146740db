"""The find-your-career quiz: reading answers from an address, scoring roles against them, live vacancies
near the person's place, and the results a signed-in person chose to keep.

The questions and their points are data (``content/quiz.toml``, read into :class:`Quiz`); nothing here
knows what a question asks. Answers live only in the address of the results page, so they can be shared
and reopened; they are stored only when a signed-in person saves them.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import MultiDict

from portal.careers.content import Quiz, RoleContent
from portal.careers.models import SavedQuizResult
from portal.extensions import db
from portal.indexing.services import search_vacancies
from portal.jobsearch.params import DEFAULT_RADIUS_MILES, RADIUS_MILES, SearchParams
from portal.jobsearch.services import search_query
from portal.locations.services import find_place
from portal.refusals import Refused
from portal.time import utcnow

MAX_PLACE_LENGTH = 100
# A saved result is the normalised query string; the column holds this many characters.
MAX_SAVED_LENGTH = 2000
MAX_SAVED_RESULTS = 20
TOP_RESULTS = 10
# More fields than every option of every question cannot be answers.
MAX_FIELDS = 200
# A role's points as a share of the best role's, in words: the first threshold reached names it.
MATCH_WORDS = ((0.8, "Strong match"), (0.5, "Good match"), (0.0, "Possible match"))
APPRENTICESHIP_CONTRACT = "apprenticeship"


# Answers -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Answers:
    """What a person chose, question by question in the quiz's order; only what the quiz offers."""

    items: tuple[tuple[str, tuple[str, ...]], ...] = ()
    place: str = ""
    distance: int | None = None

    @classmethod
    def parse(cls, quiz: Quiz, args: MultiDict) -> Answers:
        """Keep only known questions and offered values. A single-answer question sent several different
        values is left unanswered (we do not guess which was meant); the rest is kept."""
        items: list[tuple[str, tuple[str, ...]]] = []
        place, distance = "", None
        for question in quiz.questions:
            sent = list(dict.fromkeys(args.getlist(question.key)))
            if question.kind == "place":
                text = clean_place(sent[0]) if len(sent) == 1 else ""
                if text:
                    items.append((question.key, (text,)))
                    place = text
                continue
            values = tuple(value for value in sent if question.option(value) is not None)
            if not values or (len(values) > 1 and not question.multiple):
                continue
            # The quiz's order, so the same answers always make the same address.
            values = tuple(option.value for option in question.options if option.value in values)
            items.append((question.key, values))
            if question.kind == "distance":
                distance = int(values[0])
        return cls(tuple(items), place, distance)

    @classmethod
    def from_query_string(cls, quiz: Quiz, text: str) -> Answers:
        try:
            return cls.parse(quiz, MultiDict(parse_qsl(text or "", max_num_fields=MAX_FIELDS)))
        except ValueError:  # more fields than any answers have
            return cls()

    def without(self, quiz: Quiz, key: str) -> Answers:
        """The same answers with question ``key`` unanswered."""
        return Answers.parse(quiz, MultiDict(self.pairs(leaving_out=key)))

    def get(self, key: str) -> tuple[str, ...]:
        return next((values for item_key, values in self.items if item_key == key), ())

    def __bool__(self) -> bool:
        return bool(self.items)

    def pairs(self, *, leaving_out: str | None = None) -> list[tuple[str, str]]:
        """(key, value) for every answer, as a query string or a form's hidden fields carry them."""
        return [(key, value) for key, values in self.items if key != leaving_out for value in values]

    def query_string(self, *, leaving_out: str | None = None) -> str:
        return urlencode(self.pairs(leaving_out=leaving_out))


_SPACES = re.compile(r"\s+")


def clean_place(text: str) -> str:
    """A town or postcode as typed, without control characters, spaces tidied, at most 100 characters."""
    text = "".join(" " if character.isspace() else character for character in text
                   if character.isspace() or unicodedata.category(character) not in ("Cc", "Cf", "Cs"))
    return _SPACES.sub(" ", text).strip()[:MAX_PLACE_LENGTH].strip()


# Scoring -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RoleResult:
    code: str
    name: str
    points: int
    reasons: tuple[str, ...]
    nearby: int = 0
    match: str = ""

    @property
    def name_in_sentence(self) -> str:
        """"Care worker" as it reads inside a sentence ("care worker"); "GP" and "NHS" keep their capitals."""
        return self.name[0].lower() + self.name[1:] if self.name[1:2].islower() else self.name


def score(quiz: Quiz, roles: Mapping[str, RoleContent], answers: Answers, nearby: Mapping[str, int] | None = None,
          *, names: Mapping[str, str] | None = None) -> list[RoleResult]:
    """Every role with more than zero points, best first, ties by name.

    A role's points are the sum, over the options chosen, of the points of the traits it has; with
    ``nearby`` (open vacancies near the person by role code) a role with any gets the quiz's nearby points.
    Its reasons are the reasons of its positive points, each once, the one worth most points first
    (a reason given by several traits counts all of them).
    """
    names = names or {}
    chosen = [
        entry
        for question in quiz.questions if question.kind == "choice"
        for value in answers.get(question.key)
        for entry in question.option(value).scores
    ]
    results = []
    for code, role in roles.items():
        traits = role.traits
        total = 0
        weights: dict[str, int] = {}
        for entry in chosen:
            if entry.trait not in traits:
                continue
            total += entry.points
            if entry.points > 0 and entry.reason:
                weights[entry.reason] = weights.get(entry.reason, 0) + entry.points
        count = (nearby or {}).get(code, 0)
        if count and quiz.nearby_points:
            total += quiz.nearby_points
            weights[quiz.nearby_reason] = weights.get(quiz.nearby_reason, 0) + quiz.nearby_points
        if total > 0:
            # sorted() keeps the quiz's order among reasons worth the same.
            reasons = tuple(sorted(weights, key=lambda reason: -weights[reason]))
            results.append(RoleResult(code, names.get(code, code), total, reasons, count))
    results.sort(key=lambda result: (-result.points, result.name.casefold(), result.code))
    best = results[0].points if results else 0
    return [replace(result, match=match_words(result.points, best)) for result in results]


def match_words(points: int, best: int) -> str:
    share = points / best if best > 0 else 0
    return next(words for least, words in MATCH_WORDS if share >= least)


# Live vacancies near the person ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Nearby:
    """Open vacancies by role within ``radius`` miles of the place typed; ``place_name`` is None when
    the place was not found."""

    place_text: str
    place_name: str | None
    radius: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return self.place_name is not None

    def search_args(self, code: str) -> dict[str, object]:
        """The job search for this role near the place, as ``url_for`` takes it."""
        return SearchParams(role=(code,), location=self.place_text, radius=self.radius).query_args()


def search_radius(miles: int | None) -> int:
    """The job search's distance that covers ``miles``: the links must show what was counted."""
    if miles is None:
        return DEFAULT_RADIUS_MILES
    return next((radius for radius in RADIUS_MILES if radius >= miles), RADIUS_MILES[-1])


def find_nearby(answers: Answers) -> Nearby | None:
    """Open vacancies per role near the answers' place, in one search; None when no place was given."""
    if not answers.place:
        return None
    radius = search_radius(answers.distance)
    place = find_place(answers.place)
    if place is None:
        return Nearby(answers.place, None, radius)
    params = SearchParams(location=answers.place, place_name=place.name, near=(place.latitude, place.longitude),
                          radius=radius)
    query = replace(search_query(params, per_page=1, page=1), facets=("role",))
    result = search_vacancies(query)
    counts = {str(code): count for code, count in result.facets.get("role", {}).items() if count}
    return Nearby(answers.place, place.name, radius, counts)


def apprenticeship_search_args(code: str, nearby: Nearby | None = None) -> dict[str, object]:
    """The job search for apprenticeships in this role (near the place, when it was found)."""
    place = {"location": nearby.place_text, "radius": nearby.radius} if nearby and nearby.found else {}
    return SearchParams(role=(code,), contract_type=(APPRENTICESHIP_CONTRACT,), **place).query_args()


# Saved results ---------------------------------------------------------------------------------------------

class NothingToSave(Refused):
    status = 422

    def __init__(self) -> None:
        super().__init__("Answer at least one question before saving your results.")


def save_result(user_id: int, answers: Answers) -> SavedQuizResult:
    """Keep these answers for the person. The same answers saved again (a double click, a second tab)
    stay one entry, moved to the top; beyond the most a person keeps, the oldest go."""
    text = answers.query_string()
    if not text or len(text) > MAX_SAVED_LENGTH:
        raise NothingToSave()
    saved = _saved_with(user_id, text)
    if saved is None:
        try:
            with db.session.begin_nested():
                saved = SavedQuizResult(user_id=user_id, answers=text, created_at=utcnow())
                db.session.add(saved)
        except IntegrityError:
            # The database keeps one row per person and answers: another request saved them just now.
            saved = _saved_with(user_id, text)
    else:
        saved.created_at = utcnow()
    db.session.flush()
    _drop_oldest(user_id)
    return saved


def _saved_with(user_id: int, text: str) -> SavedQuizResult | None:
    return db.session.scalar(
        select(SavedQuizResult).where(SavedQuizResult.user_id == user_id, SavedQuizResult.answers == text))


def _newest_first():
    return SavedQuizResult.created_at.desc(), SavedQuizResult.id.desc()


def _drop_oldest(user_id: int) -> None:
    kept = select(SavedQuizResult.id).where(SavedQuizResult.user_id == user_id).order_by(*_newest_first()) \
        .limit(MAX_SAVED_RESULTS)
    db.session.execute(
        delete(SavedQuizResult)
        .where(SavedQuizResult.user_id == user_id, SavedQuizResult.id.not_in(kept))
        .execution_options(synchronize_session=False)
    )


def saved_results(user_id: int) -> list[SavedQuizResult]:
    return list(db.session.scalars(
        select(SavedQuizResult).where(SavedQuizResult.user_id == user_id).order_by(*_newest_first())))


def saved_result(user_id: int, saved_id: int) -> SavedQuizResult | None:
    """The person's own saved result, or None (another person's is the same as none)."""
    return db.session.scalar(
        select(SavedQuizResult).where(SavedQuizResult.id == saved_id, SavedQuizResult.user_id == user_id))


def delete_saved(saved: SavedQuizResult) -> None:
    db.session.delete(saved)
