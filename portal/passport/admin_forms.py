"""The admin's form for a catalogue entry: its code, title, category, validity and levels.

Levels are typed one a line as ``code | label | months`` and read into :class:`LevelDetails`, with an
error naming the line for anything that cannot be read.
"""
from __future__ import annotations

import re

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, ValidationError

from portal.passport import catalogue
from portal.passport.catalogue import CompetenceDetails, LevelDetails
from portal.passport.forms import strip_text
from portal.passport.models import Category, Competence
from portal.refusals import Refused

CODE = re.compile(r"[a-z0-9_]+")
MAX_MONTHS = 120
MAX_LEVEL_CODE = 30
MAX_LEVEL_LABEL = 80


class MonthsInvalid(Refused, ValueError):
    field = "months"



def parse_months(text: str) -> int | None:
    """A whole number of months from 1 to MAX_MONTHS, or None when left empty."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= MAX_MONTHS:
        raise MonthsInvalid(f"a whole number from 1 to {MAX_MONTHS}")
    return int(text)


def parse_levels(text: str, expiry_entered: bool) -> tuple[list[LevelDetails], list[str]]:
    """The levels typed one a line as ``code | label | months``, and a message for each line in error."""
    levels: list[LevelDetails] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > 3:
            errors.append(f"Line {number}: write code | label | months, with no more than two | characters")
            continue
        code, label, months_text = (parts + ["", ""])[:3]
        problem = _level_problem(code, label, seen)
        try:
            months = parse_months(months_text)
        except MonthsInvalid as invalid:
            problem = problem or f"enter the months as {invalid}, or leave them out"
            months = None
        if not problem and months and expiry_entered:
            problem = "leave out the months: the expiry date is entered on each record"
        if problem:
            errors.append(f"Line {number}: {problem}")
            continue
        seen[code] = number
        levels.append(LevelDetails(code=code, label=label, validity_months=months))
    return levels, errors


def _level_problem(code: str, label: str, seen: dict[str, int]) -> str | None:
    if not code:
        return "enter the level's code before the first |, like 2"
    if not CODE.fullmatch(code) or len(code) > MAX_LEVEL_CODE:
        return f"the level's code can only use lowercase letters, digits and underscores, up to {MAX_LEVEL_CODE}"
    if code in seen:
        return f"level {code} is already on line {seen[code]}"
    if not label:
        return "enter the level's label after the first |, like Level 2"
    if len(label) > MAX_LEVEL_LABEL:
        return f"the level's label must be {MAX_LEVEL_LABEL} characters or fewer"
    return None


def levels_text(competence: Competence) -> str:
    return "\n".join(
        " | ".join([level.code, level.label] + ([str(level.validity_months)] if level.validity_months else []))
        for level in competence.levels
    )


class CompetenceForm(FlaskForm):
    code = StringField(
        "Code",
        filters=[strip_text],
        validators=[InputRequired("Enter a code, like fire_safety"), Length(max=60, message="The code must be 60 characters or fewer")],
    )
    title = StringField(
        "Title",
        filters=[strip_text],
        validators=[InputRequired("Enter the title"), Length(max=160, message="The title must be 160 characters or fewer")],
    )
    category = SelectField(
        "Category",
        choices=[SelectChoice("", "Choose a category")] + [SelectChoice(category.value, category.label) for category in Category],
        validators=[InputRequired("Select the category")],
    )
    description = TextAreaField(
        "Description (optional)",
        default="",
        filters=[strip_text],
        validators=[Length(max=5000, message="The description must be 5,000 characters or fewer")],
    )
    validity_months = StringField("Valid for, in months (optional)", default="", filters=[strip_text])
    expiry_entered = BooleanField("The expiry date is entered on each record")
    is_active = BooleanField("Active: people can add it to their passport", default=True)
    levels = TextAreaField("Levels (optional)", default="")

    def __init__(self, *args, existing: Competence | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing = existing
        self.level_details: list[LevelDetails] = []
        if existing is not None:
            # The code of an existing entry never changes: records refer to it.
            del self.code

    @classmethod
    def for_competence(cls, competence: Competence) -> CompetenceForm:
        return cls(existing=competence, data={
            "title": competence.title,
            "category": competence.category,
            "description": competence.description,
            "validity_months": str(competence.validity_months or ""),
            "expiry_entered": competence.expiry_entered,
            "is_active": competence.is_active,
            "levels": levels_text(competence),
        })

    def validate_code(self, field):
        if not CODE.fullmatch(field.data):
            raise ValidationError("The code can only use lowercase letters, digits and underscores, like fire_safety")
        taken = catalogue.get_competence(field.data)
        if taken is not None:
            raise ValidationError(f"The code {field.data} is already used by {taken.title}: choose another")

    def validate_validity_months(self, field):
        try:
            months = parse_months(field.data)
        except MonthsInvalid as invalid:
            raise ValidationError(f"Enter the months as {invalid}, or leave them empty if it never expires") from invalid
        if months and self.expiry_entered.data:
            raise ValidationError("Leave the validity empty: the expiry date is entered on each record")
        if months and self.levels.data.strip():
            raise ValidationError("Leave the validity empty when there are levels: give each level its months")

    def validate_levels(self, field):
        self.level_details, errors = parse_levels(field.data, self.expiry_entered.data)
        if errors:
            field.errors.extend(errors)  # one message for each line in error; any message fails the field
            return
        if self.existing is not None:
            kept = {level.code for level in self.level_details}
            for level in self.existing.levels:
                if level.code not in kept and catalogue.level_in_use(self.existing.code, level.code):
                    raise ValidationError(
                        f"Keep level {level.code} ({level.label}): records use it. You can change its label."
                    )

    def details(self) -> CompetenceDetails:
        return CompetenceDetails(
            title=self.title.data,
            category=self.category.data,
            description=self.description.data,
            validity_months=parse_months(self.validity_months.data),
            expiry_entered=self.expiry_entered.data,
            is_active=self.is_active.data,
            levels=self.level_details,
        )
