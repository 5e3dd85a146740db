"""Writing messages into the outbox, and what the workforce team may do with those that failed."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from flask import current_app, render_template
from sqlalchemy import delete, select, update

from portal.audit.models import AuditAction
from portal.audit.services import record
from portal.extensions import db
from portal.mail.models import MessageStatus, OutboxMessage
from portal.mail.sender import note_queued
from portal.refusals import Conflict
from portal.time import utcnow

# Headers are not folded below RFC 5322's limit of 998 characters. At the usual 78 a long List-Unsubscribe URL,
# which has no space to fold at, would be sent as encoded words, and mail providers then offer no one-click
# unsubscribe (RFC 8058); subjects would fold just as awkwardly.
MAIL_POLICY = policy.default.clone(max_line_length=998)
# The admin page lists this many of each kind, the most recent first.
LISTED = 200


def send_email(to: str, subject: str, template: str, headers: dict[str, str] | None = None, **context) -> EmailMessage:
    """Queue ``templates/email/<template>.txt`` and ``.html`` as a two-part message in the current
    transaction. It goes once the transaction commits, and never if it rolls back: call this before
    the commit of the change the message is about. Nothing here talks to a mail server."""
    message = compose(to, subject, template, headers, **context)
    queue(message)
    return message


def compose(to: str, subject: str, template: str, headers: dict[str, str] | None = None, **context) -> EmailMessage:
    sender = current_app.config["MAIL_SENDER"]
    subject = " ".join(subject.split())
    message = EmailMessage(policy=MAIL_POLICY)
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    message["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or "proudtocare.local")
    for name, value in (headers or {}).items():
        message[name] = value
    context.setdefault("subject", subject)
    message.set_content(render_template(f"email/{template}.txt", **context))
    message.add_alternative(render_template(f"email/{template}.html", **context), subtype="html")
    return message


def queue(message: EmailMessage) -> OutboxMessage:
    now = utcnow()
    row = OutboxMessage(
        recipient=parseaddr(message["To"])[1] or str(message["To"]),
        envelope_from=parseaddr(message["From"])[1],
        subject=str(message["Subject"]),
        raw=message.as_bytes(),
        created_at=now,
        status=MessageStatus.WAITING.value,
        attempts=0,
        next_attempt_at=now,
    )
    db.session.add(row)
    note_queued(db.session)
    return row


# The workforce team's view of mail that has not gone

def dead_letters() -> list[OutboxMessage]:
    return list(db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.status == MessageStatus.DEAD.value)
        .order_by(OutboxMessage.last_attempt_at.desc(), OutboxMessage.id.desc()).limit(LISTED)
    ))


def waiting_to_retry() -> list[OutboxMessage]:
    """Messages that failed at least once and will be tried again, the next to go first."""
    return list(db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == MessageStatus.WAITING.value, OutboxMessage.attempts > 0)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(LISTED)
    ))


class NotADeadLetter(Conflict):
    """The message is not (or no longer) a dead letter: someone has already sent it again."""


def retry_dead_letter(message_id: int) -> OutboxMessage | None:
    """Give a dead letter a fresh set of attempts, starting now; None when there is no such message.
    Raises NotADeadLetter when it is not (or no longer) dead: a second click, or another admin first,
    which the compare-and-set update decides."""
    message = db.session.get(OutboxMessage, message_id)
    if message is None:
        return None
    revived = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == MessageStatus.DEAD.value)
        .values(status=MessageStatus.WAITING.value, attempts=0, next_attempt_at=utcnow(), claim=None,
                claimed_until=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not revived:
        raise NotADeadLetter(f"The email \u201c{message.subject}\u201d is already being sent again.")
    db.session.refresh(message)
    record(AuditAction.MAIL_RETRIED, subject=message, detail={"recipient": message.recipient, "subject": message.subject})
    note_queued(db.session)
    db.session.flush()
    return message


# Keeping personal data no longer than needed

def purge_sent(days: int, now: datetime) -> int:
    """Delete messages sent more than ``days`` days before ``now``; returns how many."""
    result = db.session.execute(
        delete(OutboxMessage)
        .where(OutboxMessage.status == MessageStatus.SENT.value, OutboxMessage.sent_at < now - timedelta(days=days))
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
