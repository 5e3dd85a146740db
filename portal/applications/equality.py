"""Equality monitoring: the questions, and how answers are reported.

Answers are kept apart from applications and people (see :class:`EqualityResponse`) and are only ever
shown as counts, with small counts hidden so that no one's answers can be picked out.

Reports must also resist differencing: someone who compares two reports and knows who applied in
between must not learn that person's answers. So a report only ever changes by whole groups of
people (a vacancy counts once it has closed with at least :data:`SMALLEST_SHOWN_COUNT` responses, and a
closed vacancy never changes), and every figure shown is rounded to the nearest :data:`ROUNDED_TO`, so
that a change of one person in a count mostly does not show at all.
"""
from __future__ import annotations

from dataclasses import dataclass

PREFER_NOT_TO_SAY = "prefer_not_to_say"
NOT_ANSWERED = "not_answered"
# A count below this is shown as "fewer than 5"; a report, and a vacancy's part in its organisation's
# report, needs at least this many responses.
SMALLEST_SHOWN_COUNT = 5
# Every figure shown is rounded to the nearest multiple of this.
ROUNDED_TO = 5


@dataclass(frozen=True)
class Question:
    name: str
    text: str
    options: tuple[tuple[str, str], ...]

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [*self.options, (PREFER_NOT_TO_SAY, "Prefer not to say")]


# Based on the questions the Office for National Statistics asked in the 2021 Census.
QUESTIONS = (
    Question("age_band", "What is your age?", (
        ("16_24", "16 to 24"), ("25_34", "25 to 34"), ("35_44", "35 to 44"),
        ("45_54", "45 to 54"), ("55_64", "55 to 64"), ("65_over", "65 or over"),
    )),
    Question("sex", "What is your sex?", (("female", "Female"), ("male", "Male"))),
    Question(
        "gender_same_as_birth",
        "Is the gender you identify with the same as your sex registered at birth?",
        (("yes", "Yes"), ("no", "No")),
    ),
    Question("ethnic_group", "What is your ethnic group?", (
        ("asian", "Asian or Asian British"),
        ("black", "Black, Black British, Caribbean or African"),
        ("mixed", "Mixed or multiple ethnic groups"),
        ("white", "White"),
        ("other", "Another ethnic group"),
    )),
    Question(
        "disability",
        "Do you have a physical or mental health condition or illness that has lasted or is expected to "
        "last 12 months or more, and reduces your ability to carry out day-to-day activities?",
        (("yes", "Yes"), ("no", "No")),
    ),
    Question("religion", "What is your religion?", (
        ("none", "No religion"), ("buddhist", "Buddhist"), ("christian", "Christian"), ("hindu", "Hindu"),
        ("jewish", "Jewish"), ("muslim", "Muslim"), ("sikh", "Sikh"), ("other", "Any other religion"),
    )),
    Question("sexual_orientation", "Which of the following best describes your sexual orientation?", (
        ("straight", "Straight or heterosexual"), ("gay_lesbian", "Gay or lesbian"),
        ("bisexual", "Bisexual"), ("other", "Another sexual orientation"),
    )),
)
QUESTION_NAMES = tuple(question.name for question in QUESTIONS)


@dataclass
class AnswerCount:
    label: str
    count: int | None  # rounded; None: hidden because it is small


@dataclass
class QuestionReport:
    question: Question
    answers: list[AnswerCount]


def suppress(counts: list[int]) -> list[int | None]:
    """Hide every count below :data:`SMALLEST_SHOWN_COUNT`. When that hides only one count, the
    smallest shown count is hidden too: otherwise the hidden one could be worked out from the total."""
    shown: list[int | None] = [count if count >= SMALLEST_SHOWN_COUNT else None for count in counts]
    if shown.count(None) == 1:
        remaining = [(count, index) for index, count in enumerate(shown) if count is not None]
        if remaining:
            shown[min(remaining)[1]] = None
    return shown


def rounded(count: int) -> int:
    """To the nearest multiple of :data:`ROUNDED_TO` (an odd number, so there is never a tie)."""
    return ROUNDED_TO * round(count / ROUNDED_TO)


def build_report(responses: list[dict[str, str | None]]) -> list[QuestionReport]:
    """Counts for each question's answers, including "prefer not to say" and "not answered": small
    ones hidden, the rest rounded."""
    reports = []
    for question in QUESTIONS:
        labels = [*question.choices, (NOT_ANSWERED, "Not answered")]
        tally = dict.fromkeys((value for value, _label in labels), 0)
        for response in responses:
            tally[response.get(question.name) or NOT_ANSWERED] += 1
        shown = suppress([tally[value] for value, _label in labels])
        reports.append(QuestionReport(question, [
            AnswerCount(label, None if count is None else rounded(count))
            for (_value, label), count in zip(labels, shown)
        ]))
    return reports
