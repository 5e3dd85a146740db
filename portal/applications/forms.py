from __future__ import annotations

from dataclasses import asdict

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from portal.accounts.forms import EMAIL_VALIDATORS
from portal.accounts.models import User
from portal.applications import equality
from portal.applications.models import (
    APPLICATION_EMAILS_LABELS, RECRUITER_STATUSES, RIGHT_TO_WORK_LABELS, ApplicationEmails,
)
from portal.applications.services import ApplicationDetails
from portal.employers.services import normalise_postcode
from portal.profiles.forms import ContactDetailsForm
from portal.profiles.models import SeekerProfile
from portal.profiles.services import ContactDetails
from portal.storage import StoredFile

SAVED_CV = "saved"
NEW_CV = "upload"
NO_CV = "none"
STATEMENT_MAX_LENGTH = 10_000
NOTE_MAX_LENGTH = 5_000
CONTACT_FIELDS = ("phone", "address_line_1", "address_line_2", "town", "postcode")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _required_text(label: str, what: str, max_length: int) -> StringField:
    return StringField(label, filters=[_strip], validators=[
        DataRequired(f"Enter {what}"), Length(max=max_length, message=f"{label} must be {max_length} characters or fewer"),
    ])


class ApplicationForm(FlaskForm):
    full_name = _required_text("Full name", "your full name", 120)
    email = EmailField("Email address", filters=[_strip], validators=EMAIL_VALIDATORS)
    phone = _required_text("Phone number", "your phone number", 30)
    address_line_1 = _required_text("Address line 1", "the first line of your address", 120)
    address_line_2 = StringField(
        "Address line 2 (optional)", filters=[_strip],
        validators=[Length(max=120, message="Address line 2 must be 120 characters or fewer")],
    )
    town = _required_text("Town or city", "your town or city", 80)
    postcode = _required_text("Postcode", "your postcode", 10)
    save_to_profile = BooleanField("Save my phone number and address to my profile for next time")
    supporting_statement = TextAreaField(
        "Supporting statement",
        validators=[
            DataRequired("Enter your supporting statement"),
            Length(max=STATEMENT_MAX_LENGTH, message=f"Supporting statement must be {STATEMENT_MAX_LENGTH:,} characters or fewer"),
        ],
    )
    cv_source = RadioField(
        "Your CV",
        choices=[SelectChoice(SAVED_CV, "Use my saved CV"), SelectChoice(NEW_CV, "Upload a different CV")],
        default=SAVED_CV,
        invalid_choice_message="Select whether to use your saved CV or upload a different one",
    )
    cv = FileField("Upload your CV")
    share_passport = BooleanField("Share my skills passport with this employer")
    keep_sharing = BooleanField("Keep sharing after this application ends")
    right_to_work = RadioField(
        "Do you have the right to work in the UK?",
        choices=[SelectChoice(value, label) for value, label in RIGHT_TO_WORK_LABELS.items()],
        invalid_choice_message="Select whether you have the right to work in the UK",
    )

    validate_phone = ContactDetailsForm.validate_phone
    validate_postcode = ContactDetailsForm.validate_postcode

    def __init__(self, *args, saved_cv: StoredFile | None = None, cv_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.saved_cv = saved_cv
        self.cv_required = cv_required
        if saved_cv is not None:
            self.cv_source.choices = [
                SelectChoice(SAVED_CV, f"Use my saved CV ({saved_cv.filename})"),
                SelectChoice(NEW_CV, "Upload a different CV"),
            ]
        if not cv_required:
            self.cv_source.label.text = "Your CV (optional)"
            self.cv_source.choices = [*self.cv_source.choices, SelectChoice(NO_CV, "Do not send a CV")]
            self.cv.label.text = "Upload your CV (optional)"

    @classmethod
    def prefilled(
        cls, user: User, profile: SeekerProfile | None, saved_cv: StoredFile | None, cv_required: bool = True,
    ) -> ApplicationForm:
        data = {"full_name": user.full_name, "email": user.email}
        if profile is not None:
            data.update({name: getattr(profile, name) for name in CONTACT_FIELDS})
        return cls(data=data, saved_cv=saved_cv, cv_required=cv_required)

    @property
    def equality_fields(self) -> list[RadioField]:
        return [self[name] for name in equality.QUESTION_NAMES]

    @property
    def uses_saved_cv(self) -> bool:
        return self.saved_cv is not None and self.cv_source.data == SAVED_CV

    @property
    def uploads_cv(self) -> bool:
        return bool(self.cv.data and getattr(self.cv.data, "filename", ""))

    def validate_cv(self, field: FileField) -> None:
        if self.uses_saved_cv or self.uploads_cv:
            return
        if not self.cv_required and (self.saved_cv is None or self.cv_source.data == NO_CV):
            return
        raise ValidationError("Select your CV" if self.saved_cv is None else "Select the CV to upload")

    def typed_answers(self) -> dict[str, str | bool]:
        """Everything typed or chosen, except the file, to keep while the visitor signs in."""
        return {
            name: field.data for name, field in self._fields.items()
            if name not in {"cv", "csrf_token"} and isinstance(field.data, (str, bool))
        }

    def contact_details(self) -> ContactDetails:
        return ContactDetails(
            phone=self.phone.data,
            address_line_1=self.address_line_1.data,
            address_line_2=self.address_line_2.data or "",
            town=self.town.data,
            postcode=normalise_postcode(self.postcode.data),
        )

    def details(self) -> ApplicationDetails:
        return ApplicationDetails(
            full_name=self.full_name.data,
            email=self.email.data,
            **asdict(self.contact_details()),
            supporting_statement=self.supporting_statement.data.strip(),
            right_to_work=self.right_to_work.data,
            cv_upload=self.cv.data if not self.uses_saved_cv and self.uploads_cv else None,
            saved_cv=self.saved_cv if self.uses_saved_cv else None,
            equality_answers={field.name: field.data or None for field in self.equality_fields},
        )


class UnansweredAllowedRadioField(RadioField):
    """Radios that may be left with nothing chosen."""

    def pre_validate(self, form):
        if self.data:
            super().pre_validate(form)


for _question in equality.QUESTIONS:
    setattr(ApplicationForm, _question.name, UnansweredAllowedRadioField(
        _question.text,
        choices=[SelectChoice(value, label) for value, label in _question.choices],
        invalid_choice_message="Select one of the answers, or leave the question unanswered",
    ))


def _status_choices() -> list[SelectChoice]:
    return [SelectChoice(status.value, status.label) for status in RECRUITER_STATUSES]


class StatusForm(FlaskForm):
    status = SelectField("Status", choices=_status_choices(), invalid_choice_message="Select a status from the list")


class BulkStatusForm(FlaskForm):
    application_ids = SelectMultipleField(
        "Applicants", coerce=int, validators=[InputRequired("Select at least one applicant")],
        invalid_choice_message="Select applicants from the list",
    )
    status = SelectField(
        "Change the selected applicants' status to", choices=_status_choices(),
        invalid_choice_message="Select a status from the list",
    )


class NoteForm(FlaskForm):
    body = TextAreaField(
        "Add a note",
        validators=[
            DataRequired("Enter the note"),
            Length(max=NOTE_MAX_LENGTH, message=f"Note must be {NOTE_MAX_LENGTH:,} characters or fewer"),
        ],
    )


class ApplicationEmailsForm(FlaskForm):
    choice = RadioField(
        "Email me about new applications",
        choices=[SelectChoice(choice.value, label) for choice, label in APPLICATION_EMAILS_LABELS.items()],
        default=ApplicationEmails.AT_ONCE.value,
        invalid_choice_message="Select when to be emailed about new applications",
    )
