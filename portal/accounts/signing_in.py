"""The last step of every way of signing in."""
from flask import redirect, request, url_for

from portal.accounts import sessions
from portal.accounts.models import User
from portal.accounts.services import record_sign_in, safe_next_url
from portal.extensions import db


def complete_sign_in(user: User):
    """Start a session for ``user``, once they have passed every step asked of them, and send them on to ``next``."""
    sessions.start_session(user)
    record_sign_in(user)
    db.session.commit()
    return redirect(safe_next_url(request.args.get("next")) or url_for("pages.home"))
