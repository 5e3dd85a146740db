from __future__ import annotations

import math
from datetime import date, timedelta
from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FloatField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from portal.employers.models import Site
from portal.forms import DateInputField
from portal.reference.models import JobRole, PayBand
from portal.vacancies.models import (
    CONTRACT_TYPE_LABELS,
    FLAG_LABELS,
    PAY_PERIOD_LABELS,
    WORKING_PATTERN_LABELS,
    ApplyMethod,
    ContractType,
    Vacancy,
)
from portal.vacancies.services import OPTIONAL_PATTERNS, VacancyDetails

LONGEST_ADVERT = timedelta(days=365)
CV_REQUIRED = "yes"
CV_NOT_REQUIRED = "no"


def _yes_or_no(value):
    """The saved vacancy's True or False as the radios' values; what was sent, as it was sent."""
    if isinstance(value, bool):
        return CV_REQUIRED if value else CV_NOT_REQUIRED
    return value
HIGHEST_HOURLY_PAY = 500
LOWEST_YEARLY_PAY = 1000
HIGHEST_YEARLY_PAY = 500_000


def _choices(labels: dict) -> list[SelectChoice]:
    return [SelectChoice(str(value), label) for value, label in labels.items()]


class AmountField(FloatField):
    """A number as people type it, with or without a pound sign and thousands separators."""

    def __init__(self, label=None, validators=None, invalid_message="Enter a number", **kwargs):
        super().__init__(label, validators, **kwargs)
        self.invalid_message = invalid_message

    def process_formdata(self, valuelist):
        text = valuelist[0].replace("£", "").replace(",", "").strip() if valuelist else ""
        if not text:
            self.data = None
            return
        try:
            self.data = float(text)
        except ValueError:
            self.data = None
            raise ValueError(self.invalid_message) from None
        if not math.isfinite(self.data):
            self.data = None
            raise ValueError(self.invalid_message)


class VacancyForm(FlaskForm):
    title = StringField(
        "Job title",
        validators=[InputRequired("Enter the job title"), Length(max=160, message="Job title must be 160 characters or fewer")],
    )
    role_code = SelectField(
        "Type of role",
        validators=[InputRequired("Select the type of role")],
        invalid_choice_message="Select the type of role from the list",
    )
    contract_type = RadioField(
        "Contract type", choices=_choices(CONTRACT_TYPE_LABELS), invalid_choice_message="Select the contract type"
    )
    working_time = RadioField(
        "Full or part time",
        choices=_choices({key: WORKING_PATTERN_LABELS[key] for key in ("full_time", "part_time")}),
        invalid_choice_message="Select full time or part time",
    )
    hours_per_week = AmountField(
        "Hours a week (optional)",
        validators=[Optional(), NumberRange(min=1, max=60, message="Hours a week must be between 1 and 60")],
        invalid_message="Hours a week must be a number, like 37.5",
    )
    patterns = SelectMultipleField(
        "Working pattern", choices=_choices({key: WORKING_PATTERN_LABELS[key] for key in OPTIONAL_PATTERNS})
    )
    pay_band_code = SelectField(
        "Agenda for Change band (optional)", invalid_choice_message="Select an Agenda for Change band from the list"
    )
    pay_min = AmountField("Minimum pay", invalid_message="Minimum pay must be an amount, like 12.60 or 24937")
    pay_max = AmountField("Maximum pay", invalid_message="Maximum pay must be an amount, like 13.50 or 26598")
    pay_period = RadioField(
        "The pay is", choices=_choices({"hour": "An hourly rate", "year": "A yearly salary"}), validate_choice=False
    )
    closing_date = DateInputField("Closing date", validators=[InputRequired("Enter the closing date")])
    summary = TextAreaField(
        "Summary",
        validators=[InputRequired("Enter a summary"), Length(max=300, message="Summary must be 300 characters or fewer")],
    )
    description = TextAreaField(
        "Job description",
        validators=[
            InputRequired("Enter the job description"),
            Length(max=20_000, message="Job description must be 20,000 characters or fewer"),
        ],
    )
    requirements = TextAreaField(
        "What you need (optional)",
        validators=[Length(max=10_000, message="What you need must be 10,000 characters or fewer")],
    )
    benefits = TextAreaField(
        "What we offer (optional)",
        validators=[Length(max=10_000, message="What we offer must be 10,000 characters or fewer")],
    )
    flags = SelectMultipleField("About this job", choices=_choices(FLAG_LABELS))
    site_ids = SelectMultipleField(
        "Where the job is based",
        coerce=int,
        validators=[InputRequired("Select at least one place where the job is based")],
        invalid_choice_message="Select places from your organisation's list",
        invalid_value_message="Select places from your organisation's list",
    )
    external_ref = StringField(
        "Your reference (optional)",
        validators=[Length(max=80, message="Your reference must be 80 characters or fewer")],
    )
    apply_method = RadioField(
        "How people apply",
        choices=[
            SelectChoice(ApplyMethod.EXTERNAL.value, "On our website or another jobs site"),
            SelectChoice(ApplyMethod.PORTAL.value, "Apply through this portal"),
        ],
        invalid_choice_message="Select how people apply",
    )
    apply_url = URLField(
        "Link to the application", validators=[Length(max=500, message="Link must be 500 characters or fewer")]
    )
    max_applications = AmountField(
        "Most applications you will take (optional)",
        validators=[Optional(), NumberRange(min=1, max=10_000, message="Most applications must be between 1 and 10,000")],
        invalid_message="Most applications must be a number, like 50",
    )
    anonymised_shortlisting = BooleanField("Hide applicants' names and contact details until you shortlist them")
    # Not choosing is allowed: the job's flags then decide (see Vacancy.cv_required_by_default).
    cv_required = RadioField(
        "Do applicants need to send a CV? (optional)",
        choices=[SelectChoice(CV_REQUIRED, "Yes"), SelectChoice(CV_NOT_REQUIRED, "No")],
        coerce=_yes_or_no,
        validate_choice=False,
    )

    @classmethod
    def for_vacancy(cls, vacancy: Vacancy) -> VacancyForm:
        return cls(
            obj=vacancy,
            patterns=[pattern for pattern in OPTIONAL_PATTERNS if getattr(vacancy, f"works_{pattern}")],
            flags=vacancy.flags,
            site_ids=[site.id for site in vacancy.sites],
        )

    def offer_choices(self, roles: list[JobRole], bands: list[PayBand], sites: list[Site]) -> None:
        self.role_code.choices = [SelectChoice("", "Choose a role")] + [
            SelectChoice(role.code, role.name, optgroup=role.family.name) for role in roles
        ]
        self.pay_band_code.choices = [SelectChoice("", "No band")] + [
            SelectChoice(band.code, band.name) for band in bands
        ]
        self.site_ids.choices = [SelectChoice(site.id, site.label) for site in sites]

    def validate_closing_date(self, field: DateInputField) -> None:
        if field.data is None:
            return
        today = date.today()
        if field.data < today:
            raise ValidationError("Closing date must be today or in the future")
        if field.data > today + LONGEST_ADVERT:
            raise ValidationError("Closing date must be within a year from today")

    def validate_apply_url(self, field: URLField) -> None:
        if self.apply_method.data != ApplyMethod.EXTERNAL:
            return
        address = (field.data or "").strip()
        if not address:
            raise ValidationError("Enter the link where people apply")
        parts = urlsplit(address)
        if parts.scheme not in ("http", "https") or "." not in parts.netloc:
            raise ValidationError("Enter a web address starting with https://, like https://jobs.example.org/apply")

    def validate_cv_required(self, field: RadioField) -> None:
        if field.data not in (None, "", CV_REQUIRED, CV_NOT_REQUIRED):
            raise ValidationError("Select yes or no for whether applicants need to send a CV, or leave it empty")

    def validate_max_applications(self, field: AmountField) -> None:
        if field.data is not None and not field.data.is_integer():
            raise ValidationError("Most applications must be a whole number, like 50")

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return self._validate_pay() and valid

    def _validate_pay(self) -> bool:
        if self.pay_min.errors or self.pay_max.errors:
            return False
        low, high = self.pay_min.data, self.pay_max.data
        if low is None and high is None:
            if not self.pay_band_code.data and self.contract_type.data != ContractType.VOLUNTEER:
                self.pay_min.errors.append("Enter the pay, or choose an Agenda for Change band")
                return False
            return True
        if self.pay_period.data not in PAY_PERIOD_LABELS:
            self.pay_period.errors.append("Select whether the pay is an hourly rate or a yearly salary")
            return False
        for field in (self.pay_min, self.pay_max):
            problem = self._unlikely_amount(field.data, self.pay_period.data)
            if problem:
                field.errors.append(f"{field.label.text} {problem}")
        if low is not None and high is not None and low > high:
            self.pay_max.errors.append("Maximum pay must be the same as or more than the minimum pay")
        return not (self.pay_min.errors or self.pay_max.errors)

    @staticmethod
    def _unlikely_amount(amount: float | None, period: str) -> str | None:
        if amount is None:
            return None
        if amount <= 0:
            return "must be more than £0"
        if period == "hour" and amount > HIGHEST_HOURLY_PAY:
            return f"of £{amount:,.2f} an hour looks like a yearly salary: check the amount or choose a yearly salary"
        if period == "year" and amount < LOWEST_YEARLY_PAY:
            return f"of £{amount:,.2f} a year looks like an hourly rate: check the amount or choose an hourly rate"
        if period == "year" and amount > HIGHEST_YEARLY_PAY:
            return f"must be £{HIGHEST_YEARLY_PAY:,} a year or less"
        return None

    def details(self) -> VacancyDetails:
        return VacancyDetails(
            title=self.title.data.strip(),
            role_code=self.role_code.data,
            contract_type=self.contract_type.data,
            working_time=self.working_time.data,
            hours_per_week=self.hours_per_week.data,
            patterns=list(self.patterns.data),
            pay_band_code=self.pay_band_code.data or None,
            pay_min=self.pay_min.data,
            pay_max=self.pay_max.data,
            pay_period=self.pay_period.data if self.pay_period.data in PAY_PERIOD_LABELS else None,
            closing_date=self.closing_date.data,
            summary=self.summary.data.strip(),
            description=self.description.data.strip(),
            requirements=(self.requirements.data or "").strip(),
            benefits=(self.benefits.data or "").strip(),
            flags=list(self.flags.data),
            site_ids=list(self.site_ids.data),
            external_ref=(self.external_ref.data or "").strip() or None,
            apply_method=self.apply_method.data,
            apply_url=(self.apply_url.data or "").strip() or None,
            max_applications=int(self.max_applications.data) if self.max_applications.data is not None else None,
            anonymised_shortlisting=self.anonymised_shortlisting.data,
            cv_required={CV_REQUIRED: True, CV_NOT_REQUIRED: False}.get(self.cv_required.data),
        )
