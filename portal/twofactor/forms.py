from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired, Length, Regexp


def _without_spaces(value: str | None) -> str | None:
    return "".join(value.split()) if value else value


class ConfirmAppForm(FlaskForm):
    code = StringField(
        "Code from your authenticator app",
        filters=[_without_spaces],
        validators=[
            InputRequired("Enter the 6-digit code from your authenticator app"),
            Regexp(r"^[0-9]{6}$", message="Enter the code as 6 digits, like 123456"),
        ],
    )


class SignInCodeForm(FlaskForm):
    code = StringField(
        "Code",
        validators=[
            InputRequired("Enter the 6-digit code from your authenticator app, or a recovery code"),
            Length(max=40, message="Enter the 6-digit code from your authenticator app, or a recovery code"),
        ],
    )


class TurnOffForm(FlaskForm):
    password = PasswordField("Your password", validators=[InputRequired("Enter your password")])
    code = StringField(
        "Code from your authenticator app, or a recovery code",
        validators=[
            InputRequired("Enter the 6-digit code from your authenticator app, or a recovery code"),
            Length(max=40, message="Enter the 6-digit code from your authenticator app, or a recovery code"),
        ],
    )


class NewRecoveryCodesForm(FlaskForm):
    pass
