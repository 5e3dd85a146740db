from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import Email, EqualTo, InputRequired, Length, ValidationError

from portal.accounts.passwords import password_problem

EMAIL_VALIDATORS = [
    InputRequired("Enter your email address"),
    Email("Enter an email address in the correct format, like name@example.com", check_deliverability=False),
    Length(max=254, message="Email address must be 254 characters or fewer"),
]


class CurrentPasswordMixin:
    # Declared before NewPasswordMixin, so that the error summary lists it first.
    current_password = PasswordField("Current password", validators=[InputRequired("Enter your current password")])


class NewPasswordMixin:
    """A new password, checked against the password rule and the details of the person it is for: the
    form's own email and name fields, else ``password_owner``, else the person signed in."""

    password = PasswordField("Create a password", validators=[InputRequired("Enter a password")])
    confirm_password = PasswordField(
        "Confirm your password",
        validators=[InputRequired("Confirm your password"), EqualTo("password", "Passwords must match")],
    )
    password_owner = None

    def validate_password(self, field) -> None:
        problem = password_problem(field.data, self._owner_details())
        if problem:
            raise ValidationError(problem)

    def _owner_details(self) -> list[str]:
        details = [getattr(self, name).data for name in ("email", "full_name") if hasattr(self, name)]
        owner = self.password_owner or (current_user if current_user.is_authenticated else None)
        if owner is not None:
            details += [owner.email, owner.full_name]
        return [detail for detail in details if isinstance(detail, str)]


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
