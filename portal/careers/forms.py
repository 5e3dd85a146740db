"""The workforce team's forms for the careers content: the text of a page, and a new pathway's address."""
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Regexp

from portal.careers.content import MAX_TEXT

NOTE_MAX = 200
OUT_OF_DATE = "This form is out of date. Copy your text, then open the page again."


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class ContentForm(FlaskForm):
    """One careers document's text. ``version`` is the document's version the editor started from, so a
    save over someone else's newer one is refused rather than losing their work."""

    # Line ends arrive as \n and control characters (a NUL among them) are already gone: see portal.text.
    text = TextAreaField("Text of the page", validators=[
        InputRequired("Enter the text of the page"),
        Length(max=MAX_TEXT, message=f"The text is too long: the most is {MAX_TEXT:,} characters"),
    ])
    note = StringField("What you changed (optional)", filters=[_strip], validators=[
        Length(max=NOTE_MAX, message=f"The note must be {NOTE_MAX} characters or fewer"),
    ])
    version = HiddenField()

    needs_version = True

    def version_number(self) -> int | None:
        value = (self.version.data or "").strip()
        return int(value) if value.isdigit() and len(value) < 10 else None

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.needs_version and self.version_number() is None:
            # Said beside the text: the hidden field is not something the person can put right.
            self.text.errors.append(OUT_OF_DATE)
            valid = False
        return valid


class NewPathwayForm(ContentForm):
    slug = StringField("Address of the pathway", filters=[_strip], validators=[
        InputRequired("Enter the address of the pathway"),
        Length(max=80, message="The address must be 80 characters or fewer"),
        Regexp(r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
               message="The address must be lower case words joined by hyphens, like care-worker-to-nurse"),
    ])

    needs_version = False
