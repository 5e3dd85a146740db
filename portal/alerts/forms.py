from flask_wtf import FlaskForm
from wtforms import EmailField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from portal.accounts.forms import EMAIL_VALIDATORS
from portal.alerts.models import MAX_LABEL_LENGTH, Frequency

FREQUENCY_CHOICES = [
    SelectChoice(Frequency.DAILY.value, "Daily: one email a day when there are new jobs"),
    SelectChoice(Frequency.WEEKLY.value, "Weekly: one email a week"),
]
FREQUENCY_MESSAGE = "Choose how often you want emails"


def frequency_field() -> RadioField:
    return RadioField(
        "How often do you want emails?",
        id="alert-frequency",
        choices=FREQUENCY_CHOICES,
        default=Frequency.DAILY.value,
        invalid_choice_message=FREQUENCY_MESSAGE,
        validators=[InputRequired(FREQUENCY_MESSAGE)],
    )


def _strip(value: str | None) -> str | None:
    return value.strip() if value else value


class AlertForm(FlaskForm):
    email = EmailField("Email address", id="alert-email", filters=[_strip], validators=EMAIL_VALIDATORS)
    frequency = frequency_field()

    @classmethod
    def for_visitor(cls, signed_in: bool) -> "AlertForm":
        """Signed-in people's alerts go to their account's address, so they are not asked for one."""
        form = cls()
        if signed_in:
            del form.email
        return form


class EditAlertForm(FlaskForm):
    label = StringField(
        "Name of this alert",
        id="alert-label",
        validators=[
            DataRequired("Enter a name for this alert"),
            Length(max=MAX_LABEL_LENGTH, message=f"Name must be {MAX_LABEL_LENGTH} characters or fewer"),
        ],
    )
    frequency = frequency_field()
