"""Careers content as the workforce team write it: the text of a role, a pathway, the quiz and the
interest areas, read and checked into plain values.

A document is TOML front matter between two ``+++`` lines, then Markdown (see the README of
``portal/careers/content``). Every problem found is reported at once, in words for the person editing,
so one bad edit is refused whole and can be corrected in one go.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum

from portal.refusals import Refused


class ContentKind(StrEnum):
    ROLE = "role"
    PATHWAY = "pathway"
    QUIZ = "quiz"
    INTERESTS = "interests"

    @property
    def label(self) -> str:
        return {"role": "Role", "pathway": "Pathway", "quiz": "Quiz", "interests": "Interest areas"}[self.value]


class ContentInvalid(Refused):
    """The text cannot be published or saved: ``problems`` lists every reason."""

    status = 422

    def __init__(self, problems: list[str]):
        super().__init__("This text has problems: " + "; ".join(problems), field="text")
        self.problems = problems


ROLE_SECTIONS = (
    "What the job is",
    "A day in the job",
    "Where you could work",
    "What you need to be good at",
    "Training you get",
    "Hours and patterns",
)
ENTRY_KINDS = {
    "none": "No qualifications needed",
    "apprenticeship": "Apprenticeship",
    "college": "College course",
    "degree": "University degree",
    "degree_apprenticeship": "Degree apprenticeship",
    "registration": "Registration",
}
# The ways in a visitor browses by, and the entry route kinds behind each.
ENTRY_BUCKETS = {
    "no_experience": ("No experience needed", {"none"}),
    "apprenticeship": ("Start with an apprenticeship", {"apprenticeship", "degree_apprenticeship"}),
    "college": ("After college", {"college"}),
    "degree": ("After a degree", {"degree"}),
}
STEP_KINDS = {
    "experience": "Experience",
    "apprenticeship": "Apprenticeship",
    "degree_apprenticeship": "Degree apprenticeship",
    "qualification": "Qualification",
    "degree": "University degree",
    "registration": "Registration",
}
APPRENTICESHIP_KINDS = {"apprenticeship", "degree_apprenticeship"}
WORKS_WITH = ("people", "things", "data")
SUMMARY_LIMIT = 300
MAX_TEXT = 60_000

_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)(.*)\Z", re.DOTALL)
_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_STANDARD = re.compile(r"ST\d{4}")
_CODE = re.compile(r"[a-z0-9_]{1,60}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Vocabulary:
    """The codes a document may refer to."""

    roles: frozenset[str]
    sectors: frozenset[str]
    interests: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EntryRoute:
    kind: str
    title: str
    detail: str = ""
    level: int | None = None
    standard: str | None = None
    body: str | None = None

    @property
    def kind_label(self) -> str:
        return ENTRY_KINDS[self.kind]


@dataclass(frozen=True)
class RoleContent:
    code: str
    summary: str
    interests: tuple[str, ...]
    works_with: tuple[str, ...]
    personal_care: bool
    clinical_contact: bool
    sectors: tuple[str, ...]
    settings: tuple[str, ...]
    hours: str
    part_time: bool
    nights_weekends: bool
    leads_to: tuple[str, ...]
    entry_routes: tuple[EntryRoute, ...]
    sections: tuple[tuple[str, str], ...] = ()
    pay_note: str = ""

    @property
    def is_full(self) -> bool:
        return len(self.sections) == len(ROLE_SECTIONS)

    @property
    def entry_buckets(self) -> tuple[str, ...]:
        kinds = {route.kind for route in self.entry_routes}
        return tuple(bucket for bucket, (_label, wanted) in ENTRY_BUCKETS.items() if kinds & wanted)

    @property
    def apprenticeship_routes(self) -> tuple[EntryRoute, ...]:
        return tuple(route for route in self.entry_routes if route.kind in APPRENTICESHIP_KINDS)

    @property
    def traits(self) -> frozenset[str]:
        """What the quiz scores a role on."""
        traits = {f"interest:{code}" for code in self.interests}
        traits |= {f"works_with:{kind}" for kind in self.works_with}
        traits |= {f"sector:{code}" for code in self.sectors}
        kinds = {route.kind for route in self.entry_routes}
        traits |= {f"entry:{kind}" for kind in kinds & {"none", "college", "registration"}}
        if kinds & APPRENTICESHIP_KINDS:
            traits.add("entry:apprenticeship")
        if kinds & {"degree", "degree_apprenticeship"}:
            traits.add("entry:degree")
        for flag in ("personal_care", "clinical_contact", "part_time", "nights_weekends"):
            if getattr(self, flag):
                traits.add(flag)
        return frozenset(traits)


@dataclass(frozen=True)
class PathwayStep:
    from_role: str
    to_role: str
    kind: str
    what: str
    time: str
    level: int | None = None
    standard: str | None = None
    body: str | None = None

    @property
    def kind_label(self) -> str:
        return STEP_KINDS[self.kind]


@dataclass(frozen=True)
class Pathway:
    slug: str
    title: str
    summary: str
    sectors: tuple[str, ...]
    steps: tuple[PathwayStep, ...]
    introduction: str = ""

    @property
    def roles(self) -> tuple[str, ...]:
        """The pathway's roles, each once, in the order of its steps (a topological order)."""
        return tuple(_topological_order(self.steps))


@dataclass(frozen=True)
class Interest:
    code: str
    name: str
    description: str


@dataclass(frozen=True)
class Score:
    trait: str
    points: int
    reason: str = ""


@dataclass(frozen=True)
class QuizOption:
    value: str
    label: str
    scores: tuple[Score, ...] = ()


@dataclass(frozen=True)
class QuizQuestion:
    key: str
    text: str
    kind: str = "choice"
    hint: str = ""
    multiple: bool = False
    options: tuple[QuizOption, ...] = ()

    def option(self, value: str) -> QuizOption | None:
        return next((option for option in self.options if option.value == value), None)


@dataclass(frozen=True)
class Quiz:
    questions: tuple[QuizQuestion, ...]
    nearby_points: int = 0
    nearby_reason: str = ""

    def question(self, key: str) -> QuizQuestion | None:
        return next((question for question in self.questions if question.key == key), None)

    @property
    def place_question(self) -> QuizQuestion | None:
        return next((question for question in self.questions if question.kind == "place"), None)

    @property
    def distance_question(self) -> QuizQuestion | None:
        return next((question for question in self.questions if question.kind == "distance"), None)


class _Checker:
    """Collects every problem in a table of values instead of stopping at the first."""

    def __init__(self, where: str = "") -> None:
        self.problems: list[str] = []
        self.where = where

    def problem(self, message: str) -> None:
        self.problems.append(f"{self.where}{message}" if self.where else message)

    def text(self, table: dict, name: str, *, required: bool = True, limit: int = 500) -> str:
        value = table.get(name, "")
        if not isinstance(value, str):
            self.problem(f"“{name}” must be text in quotes")
            return ""
        value = value.strip()
        if required and not value:
            self.problem(f"“{name}” is missing")
        elif len(value) > limit:
            self.problem(f"“{name}” is {len(value)} characters long; the most is {limit}")
        elif _CONTROL.search(value):
            self.problem(f"“{name}” contains a control character")
        return value

    def flag(self, table: dict, name: str) -> bool:
        value = table.get(name)
        if not isinstance(value, bool):
            self.problem(f"“{name}” must be true or false")
            return False
        return value

    def codes(self, table: dict, name: str, allowed, *, least: int = 1, most: int = 20) -> tuple[str, ...]:
        value = table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(f"“{name}” must be a list of codes in quotes, like [\"a\", \"b\"]")
            return ()
        unknown = [item for item in value if item not in allowed]
        if unknown:
            self.problem(f"“{name}” has unknown codes: {', '.join(unknown)}")
        if len(set(value)) != len(value):
            self.problem(f"“{name}” repeats a code")
        if not least <= len(value) <= most:
            self.problem(f"“{name}” must have {least} to {most} entries")
        return tuple(item for item in value if item in allowed)

    def level(self, table: dict) -> int | None:
        value = table.get("level")
        if not isinstance(value, int) or isinstance(value, bool) or not 2 <= value <= 7:
            self.problem("“level” must be a whole number from 2 to 7")
            return None
        return value

    def standard(self, table: dict) -> str | None:
        value = table.get("standard")
        if not isinstance(value, str) or not _STANDARD.fullmatch(value):
            self.problem("“standard” must be an apprenticeship standard reference such as ST0216")
            return None
        return value

    def tables(self, table: dict, name: str, *, least: int = 1) -> list[dict]:
        value = table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(f"“{name}” must be written as [[{name}]] tables")
            return []
        if len(value) < least:
            self.problem(f"at least {least} [[{name}]] needed")
        return value

    def unknown_fields(self, table: dict, known: set[str], what: str) -> None:
        extra = sorted(set(table) - known)
        if extra:
            self.problem(f"{what} has fields this portal does not know: {', '.join(extra)}")

    def raise_any(self) -> None:
        if self.problems:
            raise ContentInvalid(self.problems)


def split_front_matter(text: str) -> tuple[dict, str]:
    """The front matter as a table and the Markdown after it."""
    if len(text) > MAX_TEXT:
        raise ContentInvalid([f"The text is {len(text):,} characters long; the most is {MAX_TEXT:,}"])
    if "\x00" in text:
        raise ContentInvalid(["The text contains a NUL character"])
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        raise ContentInvalid(["The text must start with a line +++, then the facts, then another line +++"])
    return _toml(match.group(1)), match.group(2).strip()


def _toml(text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # The front matter starts on the document's second line.
        message = re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + 1}", str(error))
        raise ContentInvalid([f"The facts between the +++ lines cannot be read: {message}"]) from None


def _sections(markdown: str, checker: _Checker) -> tuple[tuple[str, str], ...]:
    if not markdown:
        return ()
    headings = list(_HEADING.finditer(markdown))
    if not headings or markdown[: headings[0].start()].strip():
        checker.problem("the text after the facts must start with a heading such as “## What the job is”")
        return ()
    found = []
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(markdown)
        found.append((heading.group(1), markdown[heading.end():end].strip()))
    names = [name for name, _body in found]
    if names != list(ROLE_SECTIONS):
        checker.problem("the sections must be, in this order: " + "; ".join(f"## {name}" for name in ROLE_SECTIONS)
                        + " (or none at all for a short role)")
    for name, body in found:
        if not body:
            checker.problem(f"the section “{name}” is empty")
    return tuple(found)


ROLE_FIELDS = {
    "summary", "interests", "works_with", "personal_care", "clinical_contact", "sectors", "settings", "hours",
    "part_time", "nights_weekends", "leads_to", "entry_routes", "pay_note",
}


def parse_role(code: str, text: str, known: Vocabulary) -> RoleContent:
    facts, markdown = split_front_matter(text)
    check = _Checker()
    check.unknown_fields(facts, ROLE_FIELDS, "The role")
    routes = []
    for number, table in enumerate(check.tables(facts, "entry_routes"), start=1):
        routes.append(_entry_route(table, _Checker(f"entry route {number}: "), check))
    settings = facts.get("settings", [])
    if not isinstance(settings, list) or not all(isinstance(s, str) and s.strip() for s in settings) \
            or not 1 <= len(settings) <= 8:
        check.problem("“settings” must be a list of 1 to 8 places in quotes")
        settings = []
    leads_to = check.codes(facts, "leads_to", known.roles, least=0)
    if code in leads_to:
        check.problem("“leads_to” cannot name the role itself")
    role = RoleContent(
        code=code,
        summary=check.text(facts, "summary", limit=SUMMARY_LIMIT),
        interests=check.codes(facts, "interests", known.interests, most=3),
        works_with=check.codes(facts, "works_with", WORKS_WITH, most=3),
        personal_care=check.flag(facts, "personal_care"),
        clinical_contact=check.flag(facts, "clinical_contact"),
        sectors=check.codes(facts, "sectors", known.sectors),
        settings=tuple(s.strip() for s in settings),
        hours=check.text(facts, "hours", limit=160),
        part_time=check.flag(facts, "part_time"),
        nights_weekends=check.flag(facts, "nights_weekends"),
        leads_to=leads_to,
        entry_routes=tuple(route for route in routes if route),
        sections=_sections(markdown, check),
        pay_note=check.text(facts, "pay_note", required=False, limit=300),
    )
    check.raise_any()
    return role


def _entry_route(table: dict, check: _Checker, overall: _Checker) -> EntryRoute | None:
    check.unknown_fields(table, {"kind", "title", "detail", "level", "standard", "body"}, "it")
    kind = table.get("kind")
    if kind not in ENTRY_KINDS:
        check.problem(f"“kind” must be one of {', '.join(ENTRY_KINDS)}")
    route = EntryRoute(
        kind=kind if kind in ENTRY_KINDS else "none",
        title=check.text(table, "title", limit=160),
        detail=check.text(table, "detail", required=False, limit=400),
        level=check.level(table) if kind in APPRENTICESHIP_KINDS else None,
        standard=check.standard(table) if kind in APPRENTICESHIP_KINDS else None,
        body=check.text(table, "body", limit=160) if kind == "registration" else None,
    )
    overall.problems.extend(check.problems)
    return None if check.problems else route


def parse_pathway(slug: str, text: str, known: Vocabulary) -> Pathway:
    facts, introduction = split_front_matter(text)
    check = _Checker()
    if not _SLUG.fullmatch(slug) or len(slug) > 80:
        check.problem("the pathway's address must be lower case words joined by hyphens")
    check.unknown_fields(facts, {"title", "summary", "sectors", "steps"}, "The pathway")
    if _HEADING.search(introduction):
        check.problem("the introduction cannot have headings")
    steps = []
    for number, table in enumerate(check.tables(facts, "steps", least=2), start=1):
        step_check = _Checker(f"step {number}: ")
        step = _step(table, step_check, known)
        check.problems.extend(step_check.problems)
        if not step_check.problems:
            steps.append(step)
    pathway = Pathway(
        slug=slug,
        title=check.text(facts, "title", limit=120),
        summary=check.text(facts, "summary", limit=SUMMARY_LIMIT),
        sectors=check.codes(facts, "sectors", known.sectors),
        steps=tuple(steps),
        introduction=introduction,
    )
    if steps and not check.problems:
        check.problems.extend(graph_problems(pathway.steps))
    check.raise_any()
    return pathway


def _step(table: dict, check: _Checker, known: Vocabulary) -> PathwayStep:
    check.unknown_fields(table, {"from", "to", "kind", "what", "time", "level", "standard", "body"}, "it")
    kind = table.get("kind")
    if kind not in STEP_KINDS:
        check.problem(f"“kind” must be one of {', '.join(STEP_KINDS)}")
    ends = []
    for end in ("from", "to"):
        value = table.get(end)
        if value not in known.roles:
            check.problem(f"“{end}” must be a role code from the role list (not “{value}”)")
        ends.append(value)
    if ends[0] == ends[1]:
        check.problem("a step must join two different roles")
    return PathwayStep(
        from_role=ends[0], to_role=ends[1], kind=kind if kind in STEP_KINDS else "experience",
        what=check.text(table, "what", limit=400), time=check.text(table, "time", limit=80),
        level=check.level(table) if kind in APPRENTICESHIP_KINDS else None,
        standard=check.standard(table) if kind in APPRENTICESHIP_KINDS else None,
        body=check.text(table, "body", limit=160) if kind == "registration" else None,
    )


def graph_problems(steps) -> list[str]:
    """Why the steps do not make a map a reader can follow: a repeated step, a loop, or separate pieces."""
    problems = []
    pairs = [(step.from_role, step.to_role) for step in steps]
    if len(set(pairs)) != len(pairs):
        problems.append("two steps join the same pair of roles")
    if len(_topological_order(steps)) < len({role for pair in pairs for role in pair}):
        problems.append("the steps go round in a loop; a pathway must always lead onwards")
    neighbours: dict[str, set[str]] = {}
    for start, end in pairs:
        neighbours.setdefault(start, set()).add(end)
        neighbours.setdefault(end, set()).add(start)
    if neighbours:
        seen, waiting = set(), [next(iter(neighbours))]
        while waiting:
            role = waiting.pop()
            if role not in seen:
                seen.add(role)
                waiting.extend(neighbours[role] - seen)
        if len(seen) < len(neighbours):
            problems.append("the steps make separate pieces; every step must connect to the rest")
    return problems


def _topological_order(steps) -> list[str]:
    """Roles ordered so each step goes forwards; roles on a loop are left out."""
    order: list[str] = []
    for step in steps:
        for role in (step.from_role, step.to_role):
            if role not in order:
                order.append(role)
    incoming = {role: 0 for role in order}
    for step in steps:
        incoming[step.to_role] += 1
    ready = [role for role in order if incoming[role] == 0]
    result = []
    while ready:
        role = ready.pop(0)
        result.append(role)
        for step in steps:
            if step.from_role == role:
                incoming[step.to_role] -= 1
                if incoming[step.to_role] == 0:
                    ready.append(step.to_role)
    return result


def parse_interests(text: str) -> tuple[Interest, ...]:
    facts = _toml(text)
    check = _Checker()
    interests = []
    for number, table in enumerate(check.tables(facts, "interests", least=2), start=1):
        item = _Checker(f"interest {number}: ")
        code = item.text(table, "code", limit=60)
        if code and not _CODE.fullmatch(code):
            item.problem("“code” must be lower case letters, digits and underscores")
        interests.append(Interest(code, item.text(table, "name", limit=80), item.text(table, "description", limit=300)))
        check.problems.extend(item.problems)
    if len({interest.code for interest in interests}) != len(interests):
        check.problem("two interest areas share a code")
    check.raise_any()
    return tuple(interests)


QUESTION_KINDS = ("choice", "place", "distance")


def parse_quiz(text: str, known_traits: frozenset[str] | None = None) -> Quiz:
    facts = _toml(text)
    check = _Checker()
    questions = []
    for number, table in enumerate(check.tables(facts, "questions", least=2), start=1):
        item = _Checker(f"question {number}: ")
        questions.append(_question(table, item, known_traits))
        check.problems.extend(item.problems)
    keys = [question.key for question in questions]
    if len(set(keys)) != len(keys):
        check.problem("two questions share a key")
    for kind in ("place", "distance"):
        if sum(question.kind == kind for question in questions) > 1:
            check.problem(f"only one question can be of kind “{kind}”")
    live = facts.get("live", {})
    if not isinstance(live, dict):
        check.problem("“live” must be a table")
        live = {}
    points = live.get("nearby_points", 0)
    if not isinstance(points, int) or isinstance(points, bool) or not 0 <= points <= 5:
        check.problem("“nearby_points” must be a whole number from 0 to 5")
        points = 0
    reason = check.text(live, "nearby_reason", required=bool(points), limit=160)
    check.raise_any()
    return Quiz(tuple(questions), nearby_points=points, nearby_reason=reason)


def _question(table: dict, check: _Checker, known_traits: frozenset[str] | None) -> QuizQuestion:
    check.unknown_fields(table, {"key", "text", "hint", "multiple", "kind", "options"}, "it")
    key = check.text(table, "key", limit=40)
    if key and not _CODE.fullmatch(key):
        check.problem("“key” must be lower case letters, digits and underscores")
    kind = table.get("kind", "choice")
    if kind not in QUESTION_KINDS:
        check.problem(f"“kind” must be one of {', '.join(QUESTION_KINDS)}")
    multiple = table.get("multiple", False)
    if not isinstance(multiple, bool):
        check.problem("“multiple” must be true or false")
        multiple = False
    options = []
    if kind == "place":
        if table.get("options"):
            check.problem("a place question has no options")
    else:
        for number, option in enumerate(check.tables(table, "options", least=2), start=1):
            options.append(_option(option, _Checker(f"option {number}: "), check, kind, known_traits))
    if len({option.value for option in options}) != len(options):
        check.problem("two options share a value")
    return QuizQuestion(
        key=key, text=check.text(table, "text", limit=200), kind=kind,
        hint=check.text(table, "hint", required=False, limit=300), multiple=multiple, options=tuple(options),
    )


def _option(table: dict, check: _Checker, overall: _Checker, kind: str, known_traits) -> QuizOption:
    check.unknown_fields(table, {"value", "label", "scores"}, "it")
    value = check.text(table, "value", limit=40)
    if kind == "distance" and not value.isdigit():
        check.problem("a distance option's value must be a whole number of miles")
    elif value and not _CODE.fullmatch(value):
        check.problem("“value” must be lower case letters, digits and underscores")
    scores = []
    raw = table.get("scores", [])
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        check.problem("“scores” must be a list of { trait, points, reason }")
        raw = []
    if kind == "distance" and raw:
        check.problem("a distance option has no scores")
    for score in raw:
        trait = score.get("trait")
        points = score.get("points")
        if not isinstance(trait, str) or (known_traits is not None and trait not in known_traits):
            check.problem(f"no role has the trait “{trait}”")
        if not isinstance(points, int) or isinstance(points, bool) or not -5 <= points <= 5:
            check.problem("“points” must be a whole number from -5 to 5")
            points = 0
        reason = check.text(score, "reason", required=points > 0, limit=160)
        scores.append(Score(str(trait), points, reason))
    overall.problems.extend(check.problems)
    return QuizOption(value=value, label=check.text(table, "label", limit=200), scores=tuple(scores))


def known_traits(sectors, interests) -> frozenset[str]:
    """Every trait a quiz may score: what roles can have, whether or not one has it today."""
    traits = {f"interest:{code}" for code in interests} | {f"sector:{code}" for code in sectors}
    traits |= {f"works_with:{kind}" for kind in WORKS_WITH}
    traits |= {"entry:none", "entry:apprenticeship", "entry:college", "entry:degree", "entry:registration"}
    traits |= {"personal_care", "clinical_contact", "part_time", "nights_weekends"}
    return frozenset(traits)
