"""Emails to holders whose records expire within 60 days: one reminder per record for each expiry date.

A run claims a reminder by inserting an :class:`ExpiryReminder` row, keyed on the record and its expiry
date, and commits the claims; it then queues the email in the mail outbox and marks the claims sent in
one commit, so the email goes exactly when they are marked. A second run, even one working at the same
moment, cannot claim the same reminder, so it never sends it twice; a renewed record has a new expiry
date and so gets a reminder of its own. When an email cannot be made its claims are deleted and the
next run tries again. A run that dies between committing its claims and queueing the email leaves
claims never marked sent: after ``CLAIM_LEASE`` the next run takes them over.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from flask import url_for
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import User
from portal.extensions import db
from portal.mail import send_email
from portal.passport.models import Competence, CompetenceLevel, ExpiryReminder, TrainingRecord
from portal.passport.status import EXPIRING_WITHIN, expiry_date
from portal.time import utcnow

log = logging.getLogger(__name__)
# Far longer than sending one holder's email takes: a claim this old was left by a run that died.
CLAIM_LEASE = timedelta(hours=1)


@dataclass
class ReminderRun:
    emails_sent: int = 0
    records_reminded: int = 0
    claimed_elsewhere: int = 0
    failures: int = 0


@dataclass(frozen=True)
class Due:
    record_id: int
    title: str
    expires_on: date


@dataclass
class HolderDue:
    holder_id: int
    records: list[Due] = field(default_factory=list)


def send_expiry_reminders(today: date, now: datetime | None = None) -> ReminderRun:
    """Email each active holder the current records of theirs that expire after today and within 60
    days and have not been reminded of for that expiry date. Commits as it goes (see the module's notes)."""
    now = now or utcnow()
    run = ReminderRun()
    for holder_due in due_reminders(today, now):
        claimed = claim(holder_due.records, now)
        db.session.commit()
        run.claimed_elsewhere += len(holder_due.records) - len(claimed)
        if not claimed:
            continue
        holder = db.session.get(User, holder_due.holder_id)
        try:
            send_reminder_email(holder, claimed)
        except Exception:
            log.exception("Expiry reminder for holder %s failed; it is retried on the next run", holder_due.holder_id)
            db.session.rollback()
            release(claimed)
            db.session.commit()
            run.failures += 1
            continue
        mark_sent(claimed, utcnow())
        db.session.commit()
        run.emails_sent += 1
        run.records_reminded += len(claimed)
    return run


def due_reminders(today: date, now: datetime) -> list[HolderDue]:
    """Each active holder's current records expiring within the window and not yet reminded of (nor
    being reminded of by another run), by holder."""
    window_end = today + EXPIRING_WITHIN
    records = db.session.scalars(
        select(TrainingRecord).join(User, User.id == TrainingRecord.holder_id)
        .where(TrainingRecord.superseded_at.is_(None), User.is_active_account.is_(True), _may_expire_after(today))
        .order_by(TrainingRecord.holder_id, TrainingRecord.id)
    )
    found = [
        (record, expires_on) for record in records
        if (expires_on := expiry_date(record)) is not None and today < expires_on <= window_end
    ]
    reminded = {(record_id, expires_on) for record_id, expires_on in db.session.execute(
        select(ExpiryReminder.record_id, ExpiryReminder.expires_on)
        .where(ExpiryReminder.record_id.in_([record.id for record, _ in found]), _settled(now))
    )}
    by_holder: dict[int, HolderDue] = {}
    for record, expires_on in found:
        if (record.id, expires_on) not in reminded:
            holder_due = by_holder.setdefault(record.holder_id, HolderDue(record.holder_id))
            holder_due.records.append(Due(record.id, record.title, expires_on))
    return list(by_holder.values())


def _may_expire_after(today: date):
    """A filter in SQL that keeps every record that might expire after today: those with an entered
    expiry date after today, and those completed within the catalogue's longest refresher period."""
    longest = max(
        (months for months in (
            db.session.scalar(select(func.max(Competence.validity_months))),
            db.session.scalar(select(func.max(CompetenceLevel.validity_months))),
        ) if months),
        default=None,
    )
    entered = and_(TrainingRecord.expires_on.is_not(None), TrainingRecord.expires_on > today)
    if longest is None:
        return entered
    return or_(entered, TrainingRecord.completed_on > today - relativedelta(months=longest))


def _settled(now: datetime):
    """Reminders sent, or claimed by a run that may still be sending them."""
    return or_(ExpiryReminder.sent_at.is_not(None), ExpiryReminder.claimed_at > now - CLAIM_LEASE)


def _matches(item: Due):
    return and_(ExpiryReminder.record_id == item.record_id, ExpiryReminder.expires_on == item.expires_on)


def claim(due: list[Due], now: datetime) -> list[Due]:
    """Claim each reminder in a savepoint of its own, taking over a stale claim that was never sent;
    those another run has sent or is sending are left out."""
    claimed = []
    for item in due:
        try:
            with db.session.begin_nested():
                db.session.add(ExpiryReminder(record_id=item.record_id, expires_on=item.expires_on, claimed_at=now))
        except IntegrityError:
            taken_over = db.session.execute(
                update(ExpiryReminder).where(_matches(item), ~_settled(now)).values(claimed_at=now)
            ).rowcount
            if not taken_over:
                continue
        claimed.append(item)
    return claimed


def mark_sent(claimed: list[Due], now: datetime) -> None:
    db.session.execute(update(ExpiryReminder).where(or_(*(_matches(item) for item in claimed))).values(sent_at=now))


def release(claimed: list[Due]) -> None:
    db.session.execute(delete(ExpiryReminder).where(or_(*(_matches(item) for item in claimed))))


def send_reminder_email(holder: User, due: list[Due]) -> None:
    count = len(due)
    send_email(
        holder.email,
        "1 record in your skills passport expires soon" if count == 1
        else f"{count} records in your skills passport expire soon",
        "passport_reminder",
        holder=holder,
        records=sorted(due, key=lambda item: (item.expires_on, item.title)),
        days=EXPIRING_WITHIN.days,
        passport_link=url_for("passport.mine", _external=True),
    )
