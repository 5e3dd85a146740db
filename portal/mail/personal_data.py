"""The mail outbox's part of a person's data: the emails sent, or waiting to go, to their address.

The export lists each message's subject and what became of it, not its body: bodies hold links that
act for the person (a password reset), which an archive should not carry around."""
from __future__ import annotations

from sqlalchemy import delete, func, select

from portal.accounts.models import User
from portal.extensions import db
from portal.mail.models import OutboxMessage
from portal.privacy.services import register_personal_data


def _to(user: User):
    return func.lower(OutboxMessage.recipient) == user.email.lower()


def export_emails(user: User) -> list[dict]:
    return [
        {
            "to": message.recipient,
            "subject": message.subject,
            "queued_at": message.created_at,
            "status": message.status,
            "sent_at": message.sent_at,
        }
        for message in db.session.scalars(
            select(OutboxMessage).where(_to(user)).order_by(OutboxMessage.created_at, OutboxMessage.id)
        )
    ]


def delete_emails(user: User) -> None:
    db.session.execute(delete(OutboxMessage).where(_to(user)).execution_options(synchronize_session=False))


register_personal_data("emails", export_emails, delete_emails)
