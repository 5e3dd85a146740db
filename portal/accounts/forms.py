from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import Email, EqualTo, InputRequired, Length

from portal.accounts.services import MIN_PASSWORD_LENGTH

EMAIL_VALIDATORS = [
    InputRequired("Enter your email address"),
    Email("Enter an email address in the correct format, like name@example.com", check_deliverability=False),
    Length(max=254, message="Email address must be 254 characters or fewer"),
]


class CurrentPasswordMixin:
    # Declared before NewPasswordMixin, so that the error summary lists it first.
    current_password = PasswordField("Current password", validators=[InputRequired("Enter your current password")])


class NewPasswordMixin:
    password = PasswordField(
        "Create a password",
        validators=[
            InputRequired("Enter a password"),
            Length(min=MIN_PASSWORD_LENGTH, max=200, message=f"Password must be at least {MIN_PASSWORD_LENGTH} characters"),
        ],
    )
    confirm_password = PasswordField(
        "Confirm your password",
        validators=[InputRequired("Confirm your password"), EqualTo("password", "Passwords must match")],
    )


class RegisterForm(NewPasswordMixin, FlaskForm):
    full_name = StringField("Full name", validators=[InputRequired("Enter your full name"), Length(max=120)])
    email = EmailField("Email address", validators=EMAIL_VALIDATORS)


class SignInForm(FlaskForm):
    email = EmailField("Email address", validators=EMAIL_VALIDATORS)
    password = PasswordField("Password", validators=[InputRequired("Enter your password")])


class ForgotPasswordForm(FlaskForm):
    email = EmailField("Email address", validators=EMAIL_VALIDATORS)


class ResetPasswordForm(NewPasswordMixin, FlaskForm):
    pass


class ChangePasswordForm(CurrentPasswordMixin, NewPasswordMixin, FlaskForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.password.label.text = "New password"
        self.confirm_password.label.text = "Confirm your new password"


class ChangeEmailForm(FlaskForm):
    email = EmailField("New email address", validators=EMAIL_VALIDATORS)
    password = PasswordField("Your password", validators=[InputRequired("Enter your password")])


class SignOutOtherDevicesForm(FlaskForm):
    """A button: the form carries only the CSRF token."""
