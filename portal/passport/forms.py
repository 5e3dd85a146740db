from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.fields.choices import SelectChoice

from portal.forms import DateInputField
from portal.passport import services
from portal.passport.models import Competence, Employment, Method, TrainingRecord
from portal.passport.sharing import DEFAULT_LINK_DAYS, MAX_LINK_DAYS


def strip_text(value):
    """A filter for text fields: what was typed, without surrounding spaces."""
    return value.strip() if isinstance(value, str) else value


def _choose_competence_choices(groups) -> list[SelectChoice]:
    return [SelectChoice(competence.code, competence.title) for _category, items in groups for competence in items]


class ChooseCompetenceForm(FlaskForm):
    class Meta:
        csrf = False

    competence = SelectField("What kind of training, check or registration is it?", validators=[
        InputRequired("Select the training, check or registration"),
    ], invalid_choice_message="Select the training, check or registration from the list")

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.competence.choices = [SelectChoice("", "Select one")] + _choose_competence_choices(groups)


class RecordForm(FlaskForm):
    level = RadioField("Level", invalid_choice_message="Select the level")
    completed_on = DateInputField("Date completed")
    expires_on = DateInputField("Expiry date")
    provider = StringField("Who delivered it or issued it", filters=[strip_text], validators=[
        InputRequired("Enter who delivered the training or issued the certificate"),
        Length(max=160, message="Who delivered it must be 160 characters or fewer"),
    ])
    method = RadioField(
        "How was it done?",
        choices=[SelectChoice(method.value, method.label) for method in Method],
        validators=[InputRequired("Select how it was done")],
        invalid_choice_message="Select how it was done",
    )
    reference = StringField("Certificate or registration number (optional)", filters=[strip_text], validators=[
        Length(max=80, message="Certificate or registration number must be 80 characters or fewer"),
    ])
    evidence = FileField("Certificate or other evidence (optional)")

    def __init__(self, *args, competence: Competence, **kwargs):
        super().__init__(*args, **kwargs)
        self.competence_ = competence
        if competence.levels:
            self.level.choices = [SelectChoice(level.code, level.label) for level in competence.levels]
        else:
            del self.level
        if not competence.expiry_entered:
            del self.expires_on

    @classmethod
    def for_record(cls, record: TrainingRecord) -> RecordForm:
        return cls(competence=record.competence, data={
            "level": record.level_code, "completed_on": record.completed_on, "expires_on": record.expires_on,
            "provider": record.provider, "method": record.method, "reference": record.reference,
        })

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        today = date.today()
        if self.completed_on.data is None and not self.completed_on.errors:
            self.completed_on.errors.append("Enter the date it was completed")
        elif self.completed_on.data and self.completed_on.data > today:
            self.completed_on.errors.append("Date completed must be today or in the past")
        if self.competence_.expiry_entered:
            if self.expires_on.data is None and not self.expires_on.errors:
                self.expires_on.errors.append("Enter the expiry date")
            elif self.expires_on.data and self.completed_on.data and self.expires_on.data <= self.completed_on.data:
                self.expires_on.errors.append("Expiry date must be after the date completed")
        return valid and not self.errors

    def details(self) -> services.RecordDetails:
        return services.RecordDetails(
            competence_code=self.competence_.code,
            level_code=self.level.data if self.competence_.levels else None,
            completed_on=self.completed_on.data,
            expires_on=self.expires_on.data if self.competence_.expiry_entered else None,
            provider=self.provider.data,
            method=self.method.data,
            reference=self.reference.data or "",
            evidence_upload=self.evidence.data,
        )


class EmploymentForm(FlaskForm):
    organisation_id = SelectField(
        "Employer", coerce=int, validators=[InputRequired("Select your employer")],
        invalid_choice_message="Select your employer from the list",
    )
    job_title = StringField("Job title", filters=[strip_text], validators=[
        InputRequired("Enter your job title"), Length(max=160, message="Job title must be 160 characters or fewer"),
    ])
    started_on = DateInputField("Start date")
    ended_on = DateInputField("End date (leave empty if you still work there)")
    confirmed = BooleanField("Let this employer see my passport and verify my records while I work there")

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id.choices = [SelectChoice(0, "Select your employer")] + [SelectChoice(org.id, org.name) for org in organisations]

    @classmethod
    def for_employment(cls, employment: Employment, organisations) -> EmploymentForm:
        return cls(organisations=organisations, data={
            "organisation_id": employment.organisation_id, "job_title": employment.job_title,
            "started_on": employment.started_on, "ended_on": employment.ended_on,
            "confirmed": employment.confirmed_at is not None,
        })

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not self.organisation_id.data and not self.organisation_id.errors:
            self.organisation_id.errors = ["Select your employer"]
        today = date.today()
        if self.started_on.data is None and not self.started_on.errors:
            self.started_on.errors.append("Enter the date you started")
        elif self.started_on.data and self.started_on.data > today:
            self.started_on.errors.append("Start date must be today or in the past")
        if self.ended_on.data and self.started_on.data and self.ended_on.data < self.started_on.data:
            self.ended_on.errors.append("End date must be the same as or after the start date")
        return valid and not self.errors

    def details(self) -> services.EmploymentDetails:
        return services.EmploymentDetails(
            organisation_id=self.organisation_id.data, job_title=self.job_title.data,
            started_on=self.started_on.data, ended_on=self.ended_on.data, confirmed=bool(self.confirmed.data),
        )


class ShareWithOrganisationForm(FlaskForm):
    organisation_id = SelectField(
        "Employer", coerce=int, validators=[InputRequired("Select the employer")],
        invalid_choice_message="Select the employer from the list",
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id.choices = [SelectChoice(0, "Select an employer")] + [SelectChoice(org.id, org.name) for org in organisations]

    def validate_organisation_id(self, field):
        if not field.data:
            raise ValidationError("Select the employer")


class ShareLinkForm(FlaskForm):
    label = StringField("Who is the link for?", filters=[strip_text], validators=[
        InputRequired("Enter who the link is for, for example the employer's name"),
        Length(max=120, message="Who the link is for must be 120 characters or fewer"),
    ])
    days = IntegerField("How many days should the link work?", default=DEFAULT_LINK_DAYS, validators=[
        InputRequired("Enter how many days the link should work"),
        NumberRange(min=1, max=MAX_LINK_DAYS, message=f"Enter a number of days from 1 to {MAX_LINK_DAYS}"),
    ])


class RefresherForm(FlaskForm):
    competence = SelectField("Subject", invalid_choice_message="Select a subject from the list",
                             validators=[InputRequired("Select a subject")])
    months = IntegerField("Your refresher period in months (leave empty to use the standard period)", validators=[
        Optional(), NumberRange(min=1, max=120, message="Enter a whole number of months from 1 to 120"),
    ])

    def __init__(self, *args, competences=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.competence.choices = [SelectChoice("", "Select a subject")] + [SelectChoice(c.code, c.title) for c in competences]
