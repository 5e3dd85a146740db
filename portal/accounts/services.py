"""Accounts: registration, signing in, sessions and their time limits, passwords and email addresses."""
from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypeVar
from urllib.parse import urlsplit

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from limits import RateLimitItem, parse_many
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import User
from portal.accounts.passwords import hash_password, needs_rehash, verify_password
from portal.accounts.roles import Role
from portal.accounts.session_store import EndReason, SessionRecord, session_store
from portal.audit.models import AuditAction
from portal.audit.services import record
from portal.extensions import db, limiter
from portal.mail import send_email
from portal.refusals import Conflict, Refused
from portal.time import utcnow

Result = TypeVar("Result")
# Staff see other people's applications and passports, so their sessions end sooner when left alone.
STAFF_ROLES = frozenset({Role.ADMIN, Role.RECRUITER, Role.TRAINER})
# How long the record of a session (when, from which address and device) is kept after it started.
SESSION_RECORDS_KEPT = timedelta(days=30)


# Told to someone changing their address to another account's.
ADDRESS_TAKEN = "Another account already uses this email address. Enter a different one"


class EmailAlreadyRegistered(Conflict):
    message = "An account with this email address already exists. Sign in or reset your password."
    field = "email"


class WrongPassword(Refused):
    message = "Your password is not right. Check it and try again"
    field = "password"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def register_user(email: str, full_name: str, password: str, roles: tuple[Role, ...] = (Role.JOB_SEEKER,)) -> User:
    if find_user_by_email(email):
        raise EmailAlreadyRegistered()
    user = User(email=normalise_email(email), full_name=full_name.strip(), password_hash=hash_password(password))
    for role in roles:
        user.grant(role)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user when the email and password match an active account; None in every other case alike.
    Right password or not, nobody is signed in yet: a second step may follow (see ``record_sign_in``)."""
    user = find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password) or user is None or not user.is_active:
        reason = "no such account" if user is None else ("wrong password" if user.is_active else "account closed")
        record(AuditAction.SIGN_IN_FAILED, actor=None, actor_label=normalise_email(email), subject=user,
               detail={"reason": reason})
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def record_sign_in(user: User) -> None:
    """The person has passed every step of signing in."""
    user.last_sign_in_at = utcnow()
    record(AuditAction.SIGN_IN_SUCCEEDED, actor=user, organisation_id=user.organisation_id)


@dataclass(frozen=True)
class AttemptRule:
    """How many failed attempts at one thing an account, and an address, may make in a while (settings
    such as "5 per 15 minutes"), and what the person is told once they have. ``{wait}`` in a refusal
    becomes the time left, such as "15 minutes"."""

    action: str
    account_limit_setting: str
    address_limit_setting: str
    account_refusal: str
    address_refusal: str


SIGN_IN = AttemptRule(
    "sign-in",
    "SIGN_IN_ACCOUNT_LIMIT",
    "SIGN_IN_ADDRESS_LIMIT",
    "Too many attempts to sign in to this account. Wait {wait} or reset your password",
    "Too many failed attempts to sign in from your network. Wait {wait}, then try again",
)
# Typing the password again for a sensitive change is one more guess at it, so it shares sign-in's count.
PASSWORD_CONFIRMATION = replace(
    SIGN_IN, account_refusal="Too many wrong passwords for this account. Wait {wait}, then try again"
)
PASSWORD_RESET = AttemptRule(
    "password-reset",
    "PASSWORD_RESET_ACCOUNT_LIMIT",
    "PASSWORD_RESET_ADDRESS_LIMIT",
    "We have already sent several reset links for this email address. Check your inbox and spam folder, "
    "or wait {wait} and ask again",
    "Too many password resets were asked for from your network. Wait {wait}, then try again",
)


class TooManyAttempts(Refused):
    status = 429

    def __init__(self, message: str, retry_after_seconds: int):
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after_seconds)}


def limit_attempts(
    rule: AttemptRule, email: str | None, address: str | None, attempt: Callable[[], Result]
) -> Result:
    """The result of ``attempt()``, unless the account (by email, whether or not it exists) or the address
    has used up its failures for ``rule``: then TooManyAttempts, without trying. A falsy result counts
    as a failure against both; a success never counts. The counts live in the rate limiter's storage,
    so every process serving the site shares them."""
    if not limiter.enabled:
        return attempt()
    counters = []
    if email:
        # Hashed, so that the limiter's storage holds no email addresses.
        account = ("account", hashlib.sha256(normalise_email(email).encode()).hexdigest())
        counters += [(limit, account, rule.account_refusal) for limit in _limits(rule.account_limit_setting)]
    if address:
        counters += [
            (limit, ("address", address), rule.address_refusal) for limit in _limits(rule.address_limit_setting)
        ]
    for limit, key, refusal in counters:
        if not limiter.limiter.test(limit, rule.action, *key):
            seconds = _seconds_until_reset(limit, rule.action, *key)
            record(AuditAction.RATE_LIMITED, actor=None, actor_label=normalise_email(email) if email else "",
                   detail={"rule": rule.action, "counted_by": key[0]})
            raise TooManyAttempts(refusal.format(wait=_wait_text(seconds)), seconds)
    result = attempt()
    if not result:
        for limit, key, _refusal in counters:
            limiter.limiter.hit(limit, rule.action, *key)
    return result


def _limits(setting: str) -> list[RateLimitItem]:
    return parse_many(current_app.config[setting])


def _seconds_until_reset(limit: RateLimitItem, *key: str) -> int:
    reset_at = limiter.limiter.get_window_stats(limit, *key).reset_time
    return max(1, math.ceil(reset_at - time.time()))


def _wait_text(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    if minutes > 90:
        hours = math.ceil(minutes / 60)
        return f"{hours} hours"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def safe_next_url(target: str | None) -> str | None:
    """``target`` only when it stays on this site."""
    if not target or "\\" in target or any(ord(ch) < 32 for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def _password_fingerprint(user: User) -> str:
    # Changing the password changes the fingerprint, so a reset link works once.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    return _reset_serializer().dumps({"user": user.id, "fingerprint": _password_fingerprint(user)})


def user_for_reset_token(token: str) -> User | None:
    try:
        payload = _reset_serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
    except (SignatureExpired, BadSignature):
        return None
    user = db.session.get(User, payload.get("user")) if isinstance(payload, dict) else None
    if user is None or payload.get("fingerprint") != _password_fingerprint(user):
        return None
    return user


def request_password_reset(email: str) -> None:
    """Email a reset link when the account exists; say nothing either way."""
    user = find_user_by_email(email)
    record(AuditAction.PASSWORD_RESET_REQUESTED, actor=None, actor_label=normalise_email(email), subject=user,
           detail={"emailed": user is not None and user.is_active})
    if user is None or not user.is_active:
        return
    link = url_for("accounts.reset_password", token=make_reset_token(user), _external=True)
    minutes = current_app.config["PASSWORD_RESET_MAX_AGE"] // 60
    send_email(user.email, "Reset your password", "password_reset", user=user, link=link, minutes=minutes)


def set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)


def reset_password(user: User, password: str) -> None:
    """A new password by a reset link: whoever holds a session of the account is signed out."""
    set_password(user, password)
    end_all_sessions(user, EndReason.PASSWORD_RESET)
    record(AuditAction.PASSWORD_RESET_COMPLETED, actor=user, organisation_id=user.organisation_id, subject=user)


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Raises WrongPassword. The caller ends the person's other sessions (it knows which one is this)."""
    if not verify_password(user.password_hash, current_password):
        raise WrongPassword
    set_password(user, new_password)
    record(AuditAction.PASSWORD_CHANGED, actor=user, organisation_id=user.organisation_id, subject=user)


def notify_password_changed(user: User) -> None:
    send_email(user.email, "Your password has been changed", "password_changed", user=user,
               reset_link=url_for("accounts.forgot_password", _external=True))


def change_email(user: User, password: str, new_email: str) -> str:
    """Give the account a new email address and return the old one. Raises WrongPassword, or
    EmailAlreadyRegistered when another account has the address (the unique constraint decides, so two
    people taking the same address at once cannot both have it)."""
    if not verify_password(user.password_hash, password):
        raise WrongPassword
    old_email, new_email = user.email, normalise_email(new_email)
    if new_email == old_email:
        return old_email
    if find_user_by_email(new_email) is not None:
        raise EmailAlreadyRegistered(ADDRESS_TAKEN)
    try:
        with db.session.begin_nested():
            user.email = new_email
    except IntegrityError:
        raise EmailAlreadyRegistered(ADDRESS_TAKEN) from None
    record(AuditAction.EMAIL_CHANGED, actor=user, organisation_id=user.organisation_id, subject=user,
           detail={"old_email": old_email, "new_email": new_email})
    return old_email


def notify_email_changed(user: User, old_email: str) -> None:
    """Tell the old address, so that a person whose account was taken over hears of it."""
    send_email(old_email, "Your email address has been changed", "email_changed", user=user, old_email=old_email)


# Sessions: the rules. How a browser holds its session is in ``sessions``; where it is kept, in ``session_store``.

def idle_limit(user: User) -> timedelta:
    config = current_app.config
    minutes = config["SESSION_IDLE_MINUTES_STAFF"] if user.roles & STAFF_ROLES else config["SESSION_IDLE_MINUTES_SEEKER"]
    return timedelta(minutes=minutes)


def absolute_limit() -> timedelta:
    return timedelta(hours=current_app.config["SESSION_ABSOLUTE_HOURS"])


def timed_out(record: SessionRecord, user: User, now: datetime) -> EndReason | None:
    """Why the session has run out by ``now``, or None while it may go on."""
    if now - record.created_at >= absolute_limit():
        return EndReason.EXPIRED
    if now - record.last_seen_at >= idle_limit(user):
        return EndReason.IDLE
    return None


def timeout_notice(reason: EndReason, user: User) -> str:
    if reason is EndReason.IDLE:
        return f"You were signed out because you had not done anything for {_duration(idle_limit(user))}."
    return f"You were signed out because you signed in more than {_duration(absolute_limit())} ago."


def _duration(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    if minutes % 60:
        return f"{minutes} minutes" if minutes != 1 else "1 minute"
    hours = minutes // 60
    return f"{hours} hours" if hours != 1 else "1 hour"


def live_sessions(user: User, now: datetime) -> list[SessionRecord]:
    return [record for record in session_store().for_user(user.id) if timed_out(record, user, now) is None]


def end_all_sessions(user: User, reason: EndReason, keep: str | None = None) -> None:
    session_store().end_all(user.id, reason, utcnow(), keep=keep)


def purge_old_sessions(now: datetime) -> int:
    """Forget, with their addresses and devices, sessions started more than SESSION_RECORDS_KEPT ago."""
    return session_store().purge(now - SESSION_RECORDS_KEPT)


def record_sign_out(user: User) -> None:
    record(AuditAction.SIGNED_OUT, actor=user, organisation_id=user.organisation_id)
