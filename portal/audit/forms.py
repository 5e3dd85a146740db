from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError

from portal.audit.models import AuditAction
from portal.audit.services import AuditFilters


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class DayField(DateField):
    """A date typed as YYYY-MM-DD (what a date picker sends), with a message that says so."""

    def __init__(self, label, **kwargs):
        super().__init__(label, validators=[Optional()], format="%Y-%m-%d", **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(f"{self.label.text} must be a real date, like 2026-12-02") from None


class AuditFilterForm(FlaskForm):
    """The filters above the audit trail, sent as a GET query so a filtered page can be bookmarked."""

    class Meta:
        csrf = False

    action = SelectField("Event", choices=[SelectChoice("", "Any event")] + [
        SelectChoice(action.value, action.label) for action in AuditAction
    ], validators=[Optional()], invalid_choice_message="Select an event from the list")
    person = StringField("Person's email address, or part of it", filters=[_strip], validators=[
        Length(max=254, message="Person's email address must be 254 characters or fewer"),
    ])
    organisation = SelectField("Organisation", validators=[Optional()],
                               invalid_choice_message="Select an organisation from the list")
    date_from = DayField("From (date)")
    date_to = DayField("To (date)")
    address = StringField("IP address, or how it starts", filters=[_strip], validators=[
        Length(max=45, message="IP address must be 45 characters or fewer"),
    ])

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = [SelectChoice("", "Any organisation")] + [
            SelectChoice(str(organisation.id), organisation.name) for organisation in organisations
        ]

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError("To (date) must be the same as or after From (date)")

    def filters(self) -> AuditFilters:
        return AuditFilters(
            action=AuditAction(self.action.data) if self.action.data else None,
            person=self.person.data or "",
            organisation_id=int(self.organisation.data) if self.organisation.data else None,
            date_from=self.date_from.data,
            date_to=self.date_to.data,
            address=self.address.data or "",
        )
