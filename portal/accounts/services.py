"""Accounts: registration, signing in and password resets."""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from portal.accounts.models import User, utcnow
from portal.accounts.passwords import hash_password, needs_rehash, verify_password
from portal.accounts.roles import Role
from portal.audit.models import AuditAction
from portal.audit.services import record
from portal.extensions import db
from portal.mail import send_email

MIN_PASSWORD_LENGTH = 10


class EmailAlreadyRegistered(Exception):
    pass


def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def register_user(email: str, full_name: str, password: str, roles: tuple[Role, ...] = (Role.JOB_SEEKER,)) -> User:
    if find_user_by_email(email):
        raise EmailAlreadyRegistered(email)
    user = User(email=normalise_email(email), full_name=full_name.strip(), password_hash=hash_password(password))
    for role in roles:
        user.grant(role)
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user when the email and password match an active account; None in every other case alike."""
    user = find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password) or user is None or not user.is_active:
        reason = "no such account" if user is None else ("wrong password" if user.is_active else "account closed")
        record(AuditAction.SIGN_IN_FAILED, actor=None, actor_label=normalise_email(email), subject=user,
               detail={"reason": reason})
        return None
    record(AuditAction.SIGN_IN_SUCCEEDED, actor=user, organisation_id=user.organisation_id)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_sign_in_at = utcnow()
    return user


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


def complete_password_reset(user: User, password: str) -> None:
    set_password(user, password)
    record(AuditAction.PASSWORD_RESET_COMPLETED, actor=user, organisation_id=user.organisation_id, subject=user)


def sign_out(user: User) -> None:
    """Record the sign-out; the caller commits, then ends the session."""
    record(AuditAction.SIGNED_OUT, actor=user, organisation_id=user.organisation_id)
