"""Who may use a view."""
from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from portal.accounts.roles import Role
from portal.pages.errors import organisation_suspended


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


def organisation_member_required(may_use: Callable[[], bool]):
    """A signed-in member of an organisation that may act (see ``Organisation.may_act``) for whom
    ``may_use()`` holds; every view working for an organisation goes through here, so suspending it
    closes all of them at once and reinstating it opens them again."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.organisation_id is None or not may_use():
                abort(403)
            if not current_user.organisation.may_act:
                return organisation_suspended(current_user.organisation)
            return view(*args, **kwargs)

        return wrapped

    return decorator


# A recruiter of an organisation; views then scope every query to it.
recruiter_required = organisation_member_required(lambda: current_user.has_role(Role.RECRUITER))
