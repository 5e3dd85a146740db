"""The last step of every way of signing in."""
from flask import redirect, request, url_for
from flask_login import login_user

from portal.accounts.models import User
from portal.accounts.services import safe_next_url


def complete_sign_in(user: User):
    """Sign ``user`` in, once they have passed every step asked of them, and send them on to ``next``."""
    login_user(user)
    return redirect(safe_next_url(request.args.get("next")) or url_for("pages.home"))
