from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import Length, ValidationError

REVIEW_NOTE_MAX = 500


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _printable(_form, field):
    if field.data and any(ord(character) < 32 and character not in "\r\n\t" for character in field.data):
        raise ValidationError("The note must not contain control characters")


class ReviewForm(FlaskForm):
    """Approving, suspending or reinstating an organisation, with an optional note for the record."""

    note = TextAreaField("Note for the record (optional)", filters=[_strip], validators=[
        Length(max=REVIEW_NOTE_MAX, message=f"The note must be {REVIEW_NOTE_MAX} characters or fewer"), _printable,
    ])
    # "organisation" when sent from the organisation's own page, which the admin then returns to.
    came_from = HiddenField()
