"""Who may use a view."""
from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from portal.accounts.roles import Role


def role_required(role: Role):
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


admin_required = role_required(Role.ADMIN)


def recruiter_required(view):
    """A recruiter who belongs to an organisation; views then scope every query to it."""

    @wraps(view)
    @role_required(Role.RECRUITER)
    def wrapped(*args, **kwargs):
        if current_user.organisation_id is None:
            abort(403)
        return view(*args, **kwargs)

    return wrapped
