from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from portal.integrations.csv_import import NOT_CSV


class TokenForm(FlaskForm):
    name = StringField(
        "Name of the token",
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[
            DataRequired("Enter a name for the token, like the name of the system that will use it"),
            Length(max=80, message="Name must be 80 characters or fewer"),
        ],
    )


class CsvUploadForm(FlaskForm):
    file = FileField(
        "CSV file",
        validators=[FileRequired("Select a CSV file"), FileAllowed(["csv"], NOT_CSV)],
    )
