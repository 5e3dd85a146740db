"""A sign-in waiting for its second step. The session holds only who and when, never a signed-in user."""
from __future__ import annotations

import time

from flask import session

from portal.accounts.models import User
from portal.extensions import db
from portal.refusals import Refused

PENDING_KEY = "two_factor_pending"
PENDING_SECONDS = 5 * 60
ATTEMPTS_PER_SIGN_IN = 5


class PendingSignInExpired(Refused):
    message = "You took more than 5 minutes to enter your code. Sign in again."


def start(user: User) -> None:
    session[PENDING_KEY] = {"user": user.id, "at": int(time.time()), "attempts": 0}


def pending_user() -> User | None:
    """The person part way through signing in; raises :class:`PendingSignInExpired` after five minutes."""
    marker = session.get(PENDING_KEY)
    if not isinstance(marker, dict):
        return None
    if time.time() - marker.get("at", 0) > PENDING_SECONDS:
        clear()
        raise PendingSignInExpired()
    user = db.session.get(User, marker.get("user"))
    if user is None or not user.is_active:
        clear()
        return None
    return user


def count_wrong_code() -> bool:
    """Count a wrong code against this sign-in; True when it has had all it may, and is cleared. A browser
    could send an older cookie back with a lower count: the limit per account in the services still holds."""
    marker = dict(session[PENDING_KEY], attempts=session[PENDING_KEY]["attempts"] + 1)
    if marker["attempts"] >= ATTEMPTS_PER_SIGN_IN:
        clear()
        return True
    session[PENDING_KEY] = marker
    return False


def clear() -> None:
    session.pop(PENDING_KEY, None)
