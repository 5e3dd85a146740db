"""The second factor's rules: setting it up, checking codes, recovery codes and turning it off.

Admins must have it; recruiters, trainers and anyone else may turn it on. Every check of a code goes through
:func:`verify_code`, which counts wrong codes per account and refuses a time step that was already used.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from datetime import timedelta
from enum import Enum

import pyotp
from flask import current_app
from sqlalchemy import case, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import User
from portal.accounts.passwords import verify_password
from portal.audit.models import AuditAction
from portal.audit.services import record
from portal.extensions import db
from portal.refusals import Forbidden, Refused
from portal.time import utcnow
from portal.twofactor.models import RecoveryCode, TwoFactorSecret

RECOVERY_CODE_COUNT = 10
# Lower-case letters and digits without the look-alikes 0/o and 1/i/l: 16 of them carry about 79 bits,
# too many to guess even from a stolen hash, so a plain SHA-256 is enough to store them.
RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_CODE_LENGTH = 16
# Codes of the time step before and after the current one are accepted too, for clocks a little out.
VALID_WINDOW = 1
# Wrong codes an account may have in a window, whichever sign-in or page they came from.
ACCOUNT_ATTEMPTS = 10
ATTEMPT_WINDOW = timedelta(minutes=15)


class CodeCheck(Enum):
    WRONG = "The code is not correct. Enter the code your authenticator app shows now"
    ALREADY_USED = "That code has already been used. Wait for your authenticator app to show a new code"
    TOO_MANY_ATTEMPTS = "You have entered too many wrong codes. Wait 15 minutes, then try again"


class AcceptedCode(Enum):
    APP = "a code from the authenticator app"
    RECOVERY = "a recovery code"


class CodeRefused(Refused):
    field = "code"

    def __init__(self, reason: CodeCheck):
        super().__init__(reason.value, status=429 if reason is CodeCheck.TOO_MANY_ATTEMPTS else None)
        self.reason = reason


class AdminsMustKeepTwoFactor(Forbidden):
    message = "Administrators must keep two-step sign-in on."


class WrongPassword(Refused):
    message = "Your password is not correct"
    field = "password"


def _secret_row(user: User) -> TwoFactorSecret | None:
    return db.session.get(TwoFactorSecret, user.id, populate_existing=True)


def is_enabled(user: User) -> bool:
    return bool(db.session.scalar(
        select(func.count()).where(TwoFactorSecret.user_id == user.id, TwoFactorSecret.confirmed_at.is_not(None))
    ))


def is_required(user: User) -> bool:
    return user.is_admin


def secret_being_set_up(user: User) -> str:
    """The secret to show on the set-up page: the same one on every visit until it is confirmed, so reloading
    the page does not undo a scan. Raises ``ValueError`` when the second factor is already on."""
    row = _secret_row(user)
    if row is None:
        row = TwoFactorSecret(user_id=user.id, secret=pyotp.random_base32())
        try:
            with db.session.begin_nested():
                db.session.add(row)
        except IntegrityError:  # the page was opened twice at once: keep the secret the other request made
            row = _secret_row(user)
    if row.confirmed_at is not None:
        raise ValueError("the second factor is already on")
    return row.secret


def provisioning_uri(user: User, secret: str) -> str:
    """The otpauth:// address the QR code holds: authenticator apps read the secret and the labels from it."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=current_app.config["SITE_NAME"])


def _matching_step(secret: str, code: str, now: float) -> int | None:
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        if hmac.compare_digest(totp.at(now, counter_offset=offset), code):
            return current + offset
    return None


def _reserve_attempt(user_id: int) -> bool:
    """Count one attempt before checking it, in one UPDATE, so parallel requests cannot all slip under the
    limit; False once the account has used up its attempts for the window."""
    now = utcnow()
    cutoff = now - ATTEMPT_WINDOW
    window_open = TwoFactorSecret.failed_window_started_at > cutoff
    result = db.session.execute(
        update(TwoFactorSecret)
        .where(
            TwoFactorSecret.user_id == user_id,
            or_(
                TwoFactorSecret.failed_window_started_at.is_(None),
                TwoFactorSecret.failed_window_started_at <= cutoff,
                TwoFactorSecret.failed_attempts < ACCOUNT_ATTEMPTS,
            ),
        )
        .values(
            failed_attempts=case((window_open, TwoFactorSecret.failed_attempts + 1), else_=1),
            failed_window_started_at=case((window_open, TwoFactorSecret.failed_window_started_at), else_=now),
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _forget_attempts(user_id: int) -> None:
    db.session.execute(
        update(TwoFactorSecret)
        .where(TwoFactorSecret.user_id == user_id)
        .values(failed_attempts=0, failed_window_started_at=None)
        .execution_options(synchronize_session=False)
    )


def _claim_step(user_id: int, step: int) -> bool:
    """Record ``step`` as used; False when it, or a later one, was used already (a replayed code)."""
    result = db.session.execute(
        update(TwoFactorSecret)
        .where(
            TwoFactorSecret.user_id == user_id,
            or_(TwoFactorSecret.last_used_step.is_(None), TwoFactorSecret.last_used_step < step),
        )
        .values(last_used_step=step)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def verify_code(user: User, code: str, *, recovery_codes: bool = True, now: float | None = None) -> AcceptedCode:
    """Accept a current code from the app, or (when ``recovery_codes``) an unused recovery code, which is then
    used up. Raises :class:`CodeRefused` otherwise. Refusals and recovery codes used go into the audit trail."""
    try:
        accepted = _check_code(user, code, recovery_codes, now)
    except CodeRefused as refusal:
        record(AuditAction.TWO_FACTOR_FAILED, actor=user, organisation_id=user.organisation_id,
               detail={"reason": refusal.reason.name.lower()})
        raise
    if accepted is AcceptedCode.RECOVERY:
        record(AuditAction.RECOVERY_CODE_USED, actor=user, organisation_id=user.organisation_id)
    return accepted


def _check_code(user: User, code: str, recovery_codes: bool, now: float | None) -> AcceptedCode:
    row = _secret_row(user)
    if row is None:
        raise CodeRefused(CodeCheck.WRONG)
    if not _reserve_attempt(user.id):
        raise CodeRefused(CodeCheck.TOO_MANY_ATTEMPTS)
    digits = "".join(code.split())
    if len(digits) == 6 and digits.isascii() and digits.isdigit():
        step = _matching_step(row.secret, digits, time.time() if now is None else now)
        if step is None:
            raise CodeRefused(CodeCheck.WRONG)
        if not _claim_step(user.id, step):
            raise CodeRefused(CodeCheck.ALREADY_USED)
        accepted = AcceptedCode.APP
    elif recovery_codes and row.confirmed_at is not None and use_recovery_code(user, code):
        accepted = AcceptedCode.RECOVERY
    else:
        raise CodeRefused(CodeCheck.WRONG)
    _forget_attempts(user.id)
    return accepted


def enable_two_factor(user: User, code: str) -> list[str]:
    """Turn the second factor on once the person proves their app has the secret; returns their first
    recovery codes, to be shown once."""
    verify_code(user, code, recovery_codes=False)
    row = _secret_row(user)
    row.confirmed_at = utcnow()
    record(AuditAction.TWO_FACTOR_ENABLED, actor=user, organisation_id=user.organisation_id)
    return replace_recovery_codes(user)


def disable_two_factor(user: User, password: str, code: str) -> None:
    """Turn the second factor off at the person's own request: their password and a code prove it is them."""
    if is_required(user):
        raise AdminsMustKeepTwoFactor()
    if not verify_password(user.password_hash, password):
        raise WrongPassword()
    verify_code(user, code)
    reset_two_factor(user)
    record(AuditAction.TWO_FACTOR_DISABLED, actor=user, organisation_id=user.organisation_id)


def reset_two_factor(user: User) -> None:
    """Forget the secret and the recovery codes: for a lost phone (an admin then sets it up again at their next
    page), and when the account is deleted."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.execute(delete(TwoFactorSecret).where(TwoFactorSecret.user_id == user.id))


def _normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isascii() and ch.isalnum())


def _hash_recovery_code(code: str) -> str:
    return hashlib.sha256(_normalise_recovery_code(code).encode()).hexdigest()


def _new_recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_CODE_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, RECOVERY_CODE_LENGTH, 4))


def replace_recovery_codes(user: User) -> list[str]:
    """A new set of recovery codes, returned once in plain text; only their hashes are kept, and the old set
    stops working."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [_new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash_recovery_code(code)) for code in codes)
    db.session.flush()
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """Use up one recovery code; False when it is not one of the person's unused codes."""
    result = db.session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _hash_recovery_code(code),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(
        select(func.count()).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )
