"""The audit trail's part of a person's data.

The export lists the events the person took part in. Deleting the account keeps those events, since
the trail must still show that a sign-in failed or an organisation was suspended, but without the
person: their id is cleared and their name becomes "deleted account".
"""
from __future__ import annotations

from sqlalchemy import func, or_, update

from portal.accounts.models import User
from portal.audit.models import DELETED_ACCOUNT_LABEL, AuditAction, AuditEvent
from portal.audit.services import events_about, record
from portal.extensions import db
from portal.privacy.services import register_personal_data


def export_events(user: User) -> list[dict]:
    return [
        {
            "occurred_at": event.occurred_at,
            "event": event.action_enum.label,
            "outcome": event.outcome,
            "ip_address": event.ip_address,
            "organisation": event.organisation.name if event.organisation else None,
        }
        for event in db.session.scalars(events_about(user.id).order_by(AuditEvent.occurred_at, AuditEvent.id))
    ]


def forget_person(user: User) -> None:
    record(AuditAction.ACCOUNT_DELETED, actor=user, subject=user)
    db.session.flush()
    # Their own acts, and attempts on their account that name them by the email address tried.
    named_by_email = (
        (AuditEvent.subject_type == User.__name__) & (AuditEvent.subject_id == user.id)
        & (func.lower(AuditEvent.actor_label) == user.email.lower())
    )
    db.session.execute(
        update(AuditEvent).where(or_(AuditEvent.actor_id == user.id, named_by_email))
        .values(actor_id=None, actor_label=DELETED_ACCOUNT_LABEL)
        .execution_options(synchronize_session=False)
    )


register_personal_data("security_events", export_events, forget_person)
