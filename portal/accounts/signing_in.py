"""The last step of every way of signing in."""
from flask import redirect, request, url_for

from portal.accounts import sessions
from portal.accounts.models import User
from portal.accounts.services import record_sign_in, safe_next_url
from portal.extensions import db


def home_url(user: User) -> str:
    """Where a person starts: the page of the work their role is for, checked from the widest role down."""
    if user.is_admin:
        return url_for("admin.dashboard")
    if user.is_recruiter:
        return url_for("applications.recruiter_dashboard")
    if user.handles_passports:
        return url_for("passport.organisation_passports")
    return url_for("pages.home")


def complete_sign_in(user: User):
    """Start a session for ``user``, once they have passed every step asked of them, and send them on to
    ``next`` when one was given, or else to their role's home."""
    sessions.start_session(user)
    record_sign_in(user)
    db.session.commit()
    return redirect(safe_next_url(request.args.get("next")) or home_url(user))
