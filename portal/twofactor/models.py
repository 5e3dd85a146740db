from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.time import utcnow


class TwoFactorSecret(db.Model):
    """A person's authenticator app secret. Until ``confirmed_at`` is set it is only being set up: it was
    shown on the set-up page and is not asked for at sign-in."""

    __tablename__ = "two_factor_secrets"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The 30-second time step of the last code accepted: that code, and any earlier one, is refused after.
    last_used_step: Mapped[int | None]
    # Wrong codes in the window that started at ``failed_window_started_at``.
    failed_attempts: Mapped[int] = mapped_column(default=0)
    failed_window_started_at: Mapped[datetime | None] = mapped_column(DateTime)


class RecoveryCode(db.Model):
    __tablename__ = "two_factor_recovery_codes"
    __table_args__ = (UniqueConstraint("user_id", "code_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
