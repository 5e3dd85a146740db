from __future__ import annotations

import re
from datetime import date

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from portal.employers.services import normalise_postcode
from portal.profiles import services
from portal.profiles.models import Qualification, SeekerProfile, WorkHistory

EARLIEST_YEAR = 1940
PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()-]+$")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ContactDetailsForm(FlaskForm):
    phone = StringField(
        "Phone number (optional)", filters=[_strip],
        validators=[Length(max=30, message="Phone number must be 30 characters or fewer")],
    )
    address_line_1 = StringField(
        "Address line 1 (optional)", filters=[_strip],
        validators=[Length(max=120, message="Address line 1 must be 120 characters or fewer")],
    )
    address_line_2 = StringField(
        "Address line 2 (optional)", filters=[_strip],
        validators=[Length(max=120, message="Address line 2 must be 120 characters or fewer")],
    )
    town = StringField(
        "Town or city (optional)", filters=[_strip],
        validators=[Length(max=80, message="Town or city must be 80 characters or fewer")],
    )
    postcode = StringField("Postcode (optional)", filters=[_strip])

    @classmethod
    def for_profile(cls, profile: SeekerProfile | None) -> ContactDetailsForm:
        if profile is None:
            return cls()
        return cls(data={name: getattr(profile, name) for name in services.ContactDetails.__dataclass_fields__})

    def validate_phone(self, field):
        digits = re.sub(r"\D", "", field.data or "")
        if field.data and (not PHONE_CHARACTERS.match(field.data) or not 10 <= len(digits) <= 15):
            raise ValidationError("Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")

    def validate_postcode(self, field):
        if field.data and normalise_postcode(field.data) is None:
            raise ValidationError("Enter a full UK postcode, like LE1 5WW")

    def details(self) -> services.ContactDetails:
        return services.ContactDetails(
            phone=self.phone.data or "",
            address_line_1=self.address_line_1.data or "",
            address_line_2=self.address_line_2.data or "",
            town=self.town.data or "",
            postcode=normalise_postcode(self.postcode.data) if self.postcode.data else "",
        )


def _month_start(month_field: StringField, year_field: StringField, what: str, required: bool) -> date | None:
    """The first of the month typed into a month and year pair; errors go beside the pair."""
    month_text, year_text = month_field.data or "", year_field.data or ""
    if not month_text and not year_text:
        if required:
            month_field.errors.append(f"Enter the month and year you {what}")
        return None
    if not month_text:
        month_field.errors.append(f"The date you {what} must include a month")
        return None
    if not year_text:
        year_field.errors.append(f"The date you {what} must include a year")
        return None
    this_year = date.today().year
    if not month_text.isdigit() or not 1 <= int(month_text) <= 12:
        month_field.errors.append(f"The month you {what} must be a number from 1 to 12")
        return None
    if not year_text.isdigit() or len(year_text) != 4 or not EARLIEST_YEAR <= int(year_text) <= this_year:
        year_field.errors.append(f"The year you {what} must be a 4-digit year from {EARLIEST_YEAR} to {this_year}")
        return None
    started = date(int(year_text), int(month_text), 1)
    if started > date.today():
        month_field.errors.append(f"The date you {what} must be this month or in the past")
        return None
    return started


class WorkHistoryForm(FlaskForm):
    job_title = StringField(
        "Job title", filters=[_strip],
        validators=[InputRequired("Enter your job title"), Length(max=160, message="Job title must be 160 characters or fewer")],
    )
    employer = StringField(
        "Employer", filters=[_strip],
        validators=[InputRequired("Enter the employer's name"), Length(max=160, message="Employer must be 160 characters or fewer")],
    )
    start_month = StringField("Month", filters=[_strip])
    start_year = StringField("Year", filters=[_strip])
    end_month = StringField("Month", filters=[_strip])
    end_year = StringField("Year", filters=[_strip])
    duties = TextAreaField(
        "Main duties (optional)",
        validators=[Length(max=5000, message="Main duties must be 5,000 characters or fewer")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_date: date | None = None
        self.end_date: date | None = None

    @classmethod
    def for_entry(cls, entry: WorkHistory) -> WorkHistoryForm:
        end = entry.end_date
        return cls(data={
            "job_title": entry.job_title,
            "employer": entry.employer,
            "start_month": str(entry.start_date.month),
            "start_year": str(entry.start_date.year),
            "end_month": str(end.month) if end else "",
            "end_year": str(end.year) if end else "",
            "duties": entry.duties,
        })

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        self.start_date = _month_start(self.start_month, self.start_year, "started", required=True)
        self.end_date = _month_start(self.end_month, self.end_year, "left", required=False)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            self.end_month.errors.append("The date you left must be the same as or after the date you started")
        return valid and not self.errors

    def details(self) -> services.WorkHistoryDetails:
        return services.WorkHistoryDetails(
            employer=self.employer.data,
            job_title=self.job_title.data,
            start_date=self.start_date,
            end_date=self.end_date,
            duties=(self.duties.data or "").strip(),
        )


class QualificationForm(FlaskForm):
    title = StringField(
        "Qualification", filters=[_strip],
        validators=[InputRequired("Enter the name of the qualification"), Length(max=200, message="Qualification must be 200 characters or fewer")],
    )
    awarding_body = StringField(
        "Awarding body or school (optional)", filters=[_strip],
        validators=[Length(max=160, message="Awarding body must be 160 characters or fewer")],
    )
    awarded_year = StringField("Year awarded (optional)", filters=[_strip], validators=[Optional()])

    @classmethod
    def for_qualification(cls, qualification: Qualification) -> QualificationForm:
        return cls(data={
            "title": qualification.title,
            "awarding_body": qualification.awarding_body,
            "awarded_year": str(qualification.awarded_year) if qualification.awarded_year else "",
        })

    def validate_awarded_year(self, field):
        this_year = date.today().year
        if not field.data.isdigit() or len(field.data) != 4 or not EARLIEST_YEAR <= int(field.data) <= this_year:
            raise ValidationError(f"Year awarded must be a 4-digit year from {EARLIEST_YEAR} to {this_year}")

    def details(self) -> services.QualificationDetails:
        return services.QualificationDetails(
            title=self.title.data,
            awarding_body=self.awarding_body.data or "",
            awarded_year=int(self.awarded_year.data) if self.awarded_year.data else None,
        )


class CVForm(FlaskForm):
    cv = FileField("Upload a file")
