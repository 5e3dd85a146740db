"""Who may use the employer's passport pages."""
from functools import wraps

from flask import abort
from flask_login import current_user, login_required


def passport_staff_required(view):
    """A recruiter or trainer of an organisation; the views then check that organisation's access
    to each passport."""

    @wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.handles_passports:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
