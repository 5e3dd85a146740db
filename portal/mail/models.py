from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.time import utcnow


class MessageStatus(StrEnum):
    WAITING = "waiting"  # not sent yet: new, or failed and waiting for its next attempt
    SENT = "sent"
    DEAD = "dead"  # failed for good (a permanent refusal, or every attempt used): only an admin's retry sends it


class OutboxMessage(db.Model):
    """One email, exactly as it goes out, added in the same transaction as the change that caused it.

    A sender claims a due row by setting ``claim`` and ``claimed_until`` in one compare-and-set update,
    so only one delivery attempt is in flight for a message across every process; a claim left by a
    process that died expires at ``claimed_until`` and the message is tried again."""

    __tablename__ = "mail_outbox"
    __table_args__ = (Index("ix_mail_outbox_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The envelope's addresses; the headers are in ``raw``.
    recipient: Mapped[str] = mapped_column(String(320), index=True)
    envelope_from: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(Text)
    # The whole message (headers, plain and HTML parts) as bytes, written out unchanged.
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(10), default=MessageStatus.WAITING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    claim: Mapped[str | None] = mapped_column(String(32))
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    @property
    def status_enum(self) -> MessageStatus:
        return MessageStatus(self.status)
