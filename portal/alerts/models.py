from __future__ import annotations

import json
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.time import utcnow


MAX_LABEL_LENGTH = 200


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"

    @property
    def period(self) -> timedelta:
        return timedelta(days=1) if self is Frequency.DAILY else timedelta(days=7)


class DeliveryState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    # The vacancy closed before its digest went out, so it was left out.
    SKIPPED = "skipped"


class JobAlert(db.Model):
    """A saved search whose new matches are emailed daily or weekly."""

    __tablename__ = "job_alerts"
    __table_args__ = (Index("ix_job_alerts_due", "confirmed_at", "next_due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    # The search as query-string parameters (JSON), read back with the search page's own parser.
    query: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(MAX_LABEL_LENGTH))
    frequency: Mapped[str] = mapped_column(String(10), default=Frequency.DAILY.value)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    next_due_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_checked_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_digest_at: Mapped[datetime | None] = mapped_column(DateTime)
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)

    @property
    def search_args(self) -> dict[str, object]:
        """The search as ``url_for`` takes it for the search page."""
        return json.loads(self.query)


class AlertDelivery(db.Model):
    """One vacancy in an alert's digests: recorded before the email goes, so it is never sent twice."""

    __tablename__ = "alert_deliveries"

    alert_id: Mapped[int] = mapped_column(ForeignKey("job_alerts.id", ondelete="CASCADE"), primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id", ondelete="CASCADE"), primary_key=True)
    state: Mapped[str] = mapped_column(String(10), default=DeliveryState.PENDING.value)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
