from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField
from wtforms.validators import InputRequired


class DeleteAccountForm(FlaskForm):
    understood = BooleanField(
        "I understand that my account and everything in it will be deleted, and that this cannot be undone",
        validators=[InputRequired("Confirm that you understand your account will be deleted")],
    )
    password = PasswordField("Your password", validators=[InputRequired("Enter your password")])
