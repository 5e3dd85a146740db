"""Telling recruiters that applications have arrived: at once, in a daily summary, or never, as each
recruiter chooses.

A notice row is written with the application, in the same transaction, so a notice exists exactly
when the application does. An "at once" email is queued in that transaction too, and its notice
marked sent (:func:`send_at_once`). The scheduled run works on notice rows only:

1. It claims the rows it will send with a compare-and-set update (unsent, and unclaimed or claimed
   by a run that died more than ``CLAIM_DURATION`` ago), and commits the claim. Two runs at the same
   time never claim the same row.
2. It queues one email for the claimed rows and marks them sent in one commit, so the email is
   queued exactly when the rows are marked; the mail outbox delivers it.

A run that fails to queue the email releases its claim, so the next run sends the notice.
"""
from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import url_for
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import selectinload

from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.applications.models import Application, ApplicationEmails, ApplicationEmailSetting, ApplicationNotice
from portal.extensions import db
from portal.mail import send_email
from portal.time import utcnow
from portal.vacancies.models import Vacancy

log = logging.getLogger(__name__)

# Far longer than queueing one email takes.
CLAIM_DURATION = timedelta(minutes=10)


# Each recruiter's choice

def email_choice(user: User) -> ApplicationEmails:
    setting = db.session.get(ApplicationEmailSetting, user.id)
    return ApplicationEmails(setting.choice) if setting else ApplicationEmails.AT_ONCE


def set_email_choice(user: User, choice: ApplicationEmails) -> None:
    """Choosing "never" also drops the notices still waiting for a daily summary."""
    setting = db.session.get(ApplicationEmailSetting, user.id)
    if setting is None:
        setting = ApplicationEmailSetting(user_id=user.id)
        db.session.add(setting)
    setting.choice = choice.value
    if choice is ApplicationEmails.NEVER:
        db.session.execute(
            delete(ApplicationNotice)
            .where(ApplicationNotice.recipient_id == user.id, ApplicationNotice.sent_at.is_(None))
            .execution_options(synchronize_session=False)
        )
    db.session.flush()


def _choices_of(user_ids: list[int]) -> dict[int, ApplicationEmails]:
    chosen = {
        setting.user_id: ApplicationEmails(setting.choice)
        for setting in db.session.scalars(
            select(ApplicationEmailSetting).where(ApplicationEmailSetting.user_id.in_(user_ids))
        )
    }
    return {user_id: chosen.get(user_id, ApplicationEmails.AT_ONCE) for user_id in user_ids}


# Recording

def recipients(vacancy: Vacancy) -> list[User]:
    """The vacancy's organisation's recruiters with active accounts who have not chosen "never"."""
    recruiters = [
        member for member in vacancy.organisation.members
        if member.is_active_account and member.has_role(Role.RECRUITER)
    ]
    choices = _choices_of([member.id for member in recruiters])
    return [member for member in recruiters if choices[member.id] is not ApplicationEmails.NEVER]


def record_notices(application: Application) -> None:
    """Called within the transaction that saves the application."""
    db.session.add_all(
        ApplicationNotice(application_id=application.id, recipient_id=recipient.id, created_at=application.submitted_at)
        for recipient in recipients(application.vacancy)
    )
    db.session.flush()


# Sending

def _claim(conditions: list, now: datetime) -> list[ApplicationNotice]:
    """Step 1: claim the unsent notices matching ``conditions`` and commit the claim."""
    claim = uuid.uuid4().hex
    db.session.execute(
        update(ApplicationNotice)
        .where(
            *conditions,
            ApplicationNotice.sent_at.is_(None),
            or_(ApplicationNotice.claimed_until.is_(None), ApplicationNotice.claimed_until < now),
        )
        .values(claim=claim, claimed_until=now + CLAIM_DURATION)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return list(db.session.scalars(
        select(ApplicationNotice)
        .where(ApplicationNotice.claim == claim)
        .options(selectinload(ApplicationNotice.application).selectinload(Application.vacancy))
        .order_by(ApplicationNotice.created_at, ApplicationNotice.id)
    ))


def _send_claimed(notices: list[ApplicationNotice], send) -> bool:
    """Step 2: queue the email and mark the notices sent; on failure release the claim for the next run."""
    ids = [notice.id for notice in notices]
    try:
        send(notices)
    except Exception:
        log.exception("Could not email notices %s of new applications; the next run retries them", ids)
        db.session.rollback()
        db.session.execute(
            update(ApplicationNotice).where(ApplicationNotice.id.in_(ids))
            .values(claim=None, claimed_until=None).execution_options(synchronize_session=False)
        )
        db.session.commit()
        return False
    sent_at = utcnow()
    for notice in notices:
        notice.sent_at, notice.claim, notice.claimed_until = sent_at, None, None
    db.session.commit()
    return True


def send_at_once(application: Application) -> None:
    """In the transaction that saves the application: queue an email to each recruiter who chose "at
    once" and mark their notice sent. A notice whose email cannot be made is left for the next run."""
    waiting = db.session.scalars(
        select(ApplicationNotice).where(
            ApplicationNotice.application_id == application.id, ApplicationNotice.sent_at.is_(None)
        )
    ).all()
    choices = _choices_of([notice.recipient_id for notice in waiting])
    now = utcnow()
    for notice in waiting:
        if choices[notice.recipient_id] is not ApplicationEmails.AT_ONCE:
            continue
        try:
            _send_one(notice)
        except Exception:
            log.exception("Could not email notice %s of a new application; the next run sends it", notice.id)
            continue
        notice.sent_at = now


@dataclass
class SummaryRun:
    emails_sent: int = 0
    applications_listed: int = 0
    failures: int = 0


def send_summaries(now: datetime | None = None) -> SummaryRun:
    """Email each recruiter who chose a daily summary the applications that arrived since their last
    one, and send any "at once" notice whose email could not be made when its application arrived.
    Commits each step (see the module's description); safe to run twice at once."""
    now = now or utcnow()
    run = SummaryRun()
    pending = db.session.scalars(select(ApplicationNotice.recipient_id).where(ApplicationNotice.sent_at.is_(None))).all()
    choices = _choices_of(sorted(set(pending)))
    due = sorted(recipient_id for recipient_id, choice in choices.items() if choice is not ApplicationEmails.NEVER)
    for recipient_id in due:
        claimed = _claim([ApplicationNotice.recipient_id == recipient_id], now)
        if not claimed:
            continue
        if _send_claimed(claimed, _send_summary):
            run.emails_sent += 1
            run.applications_listed += len(claimed)
        else:
            run.failures += 1
    return run


def _application_link(application: Application) -> str:
    return url_for("applications.application_detail", application_id=application.id, _external=True)


def _send_one(notice: ApplicationNotice) -> None:
    application = notice.application
    send_email(
        notice.recipient.email,
        f"New application for {application.vacancy.title}",
        "application_arrived",
        recipient=notice.recipient,
        application=application,
        link=_application_link(application),
        settings_link=url_for("applications.email_settings", _external=True),
    )


def _send_summary(notices: list[ApplicationNotice]) -> None:
    recipient = notices[0].recipient
    count = len(notices)
    send_email(
        recipient.email,
        f"{count} new {'application' if count == 1 else 'applications'} to read",
        "applications_summary",
        recipient=recipient,
        arrivals=[(notice.application, _application_link(notice.application)) for notice in notices],
        settings_link=url_for("applications.email_settings", _external=True),
    )
