"""How a browser holds its signed-in session.

The Flask session cookie is signed, not secret from its holder and not revocable: a copy of it works as
long as the key does. So the cookie carries a random token, and a person is signed in only while the
session that token names is live in the store (see ``session_store``): not ended by signing out or by a
password change, and within its idle and absolute limits (see ``services.timed_out``).
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import Flask, flash, g, redirect, request, session
from flask_login import current_user, login_url, login_user, logout_user
from ua_parser import parse as parse_user_agent

from portal.accounts import services
from portal.accounts.models import User
from portal.accounts.session_store import EndReason, SessionRecord, session_store
from portal.audit.models import AuditAction
from portal.audit.services import record
from portal.extensions import db, login_manager
from portal.time import utcnow

TOKEN_KEY = "session_token"
# Why the last session ran out, for the sign-in page to say.
SIGNED_OUT_NOTICE_KEY = "signed_out_notice"
# last_seen_at is written at most this often, not on every request.
TOUCH_INTERVAL = timedelta(minutes=1)

# What a visitor's browser held before signing in and keeps afterwards; everything else is cleared.
_kept_at_sign_in: set[str] = {"_flashes"}


def keep_at_sign_in(key: str) -> None:
    """Let the session value ``key`` survive signing in (it was made by the visitor who signs in)."""
    _kept_at_sign_in.add(key)


def init_app(app: Flask) -> None:
    login_manager.user_loader(load_user)
    login_manager.unauthorized_handler(ask_to_sign_in)
    app.before_request(check_session)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(user: User) -> None:
    """Sign ``user`` in on this browser with a new session: whatever the browser held before is dropped
    (a session planted in it before signing in is worth nothing after), and the new token is stored."""
    _end_this_session()
    kept = {key: session[key] for key in _kept_at_sign_in if key in session}
    session.clear()
    session.update(kept)
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session_store().add(SessionRecord(
        token_hash=hash_token(token), user_id=user.id, created_at=now, last_seen_at=now,
        ip_address=(request.remote_addr or "")[:45], device=device_label(request.headers.get("User-Agent", "")),
    ))
    session[TOKEN_KEY] = token
    login_user(user)


def sign_out() -> None:
    """End this browser's session and forget everything the browser session held."""
    _end_this_session()
    session.clear()


def _end_this_session() -> None:
    token = session.pop(TOKEN_KEY, None)
    if token:
        session_store().end(hash_token(token), EndReason.SIGNED_OUT, utcnow())
    logout_user()


def current_token_hash() -> str | None:
    token = session.get(TOKEN_KEY)
    return hash_token(token) if token else None


def renew_after_password_change(user: User) -> None:
    """Every other session of the person ends; this browser carries on with a new token."""
    services.end_all_sessions(user, EndReason.PASSWORD_CHANGED)
    start_session(user)


def sign_out_other_devices(user: User) -> None:
    services.end_all_sessions(user, EndReason.SIGNED_OUT_ELSEWHERE, keep=current_token_hash())
    record(AuditAction.SESSION_REVOKED, actor=user, organisation_id=user.organisation_id)


def load_user(user_id: str) -> User | None:
    """Flask-Login's user loader: the user only while this browser's session is live."""
    token_hash = current_token_hash()
    record = session_store().find(token_hash) if token_hash else None
    if record is None or str(record.user_id) != user_id:
        _forget()
        return None
    user = db.session.get(User, record.user_id)
    now = utcnow()
    if user is None or not user.is_active:
        _end_found_session(record, EndReason.ACCOUNT_CLOSED)
        return None
    reason = services.timed_out(record, user, now)
    if reason is not None:
        _end_found_session(record, reason)
        session[SIGNED_OUT_NOTICE_KEY] = services.timeout_notice(reason, user)
        return None
    if now - record.last_seen_at >= TOUCH_INTERVAL:
        session_store().touch(record.token_hash, now)
        g.session_store_written = True
    return user


def _end_found_session(record: SessionRecord, reason: EndReason) -> None:
    session_store().end(record.token_hash, reason, utcnow())
    g.session_store_written = True
    _forget()


def _forget() -> None:
    for key in (TOKEN_KEY, "_user_id", "_fresh", "_id"):
        session.pop(key, None)


def check_session() -> None:
    """Before every request: load the user now, so that a session found ended or timed out is dealt
    with (and its row written) before the view does anything."""
    if request.endpoint == "static" or "_user_id" not in session:
        return
    current_user._get_current_object()
    if g.pop("session_store_written", False):
        db.session.commit()


def ask_to_sign_in():
    """Flask-Login's redirect to the sign-in page. After a time-out the page says why instead of the
    usual 'Sign in to continue'."""
    if SIGNED_OUT_NOTICE_KEY not in session:
        flash(login_manager.login_message, login_manager.login_message_category)
    return redirect(login_url(login_manager.login_view, next_url=request.url))


def take_signed_out_notice() -> str | None:
    return session.pop(SIGNED_OUT_NOTICE_KEY, None)


def device_label(user_agent: str) -> str:
    """A short name for the browser, such as "Chrome on Windows", for the list of signed-in devices."""
    parsed = parse_user_agent(user_agent[:1000])
    browser = parsed.user_agent.family if parsed.user_agent else None
    system = parsed.os.family if parsed.os else None
    if browser and system:
        return f"{browser} on {system}"[:80]
    return (browser or system or "Unknown browser")[:80]
