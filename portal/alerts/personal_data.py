"""Job alerts' part of a person's data: those they made signed in, and those made for their email address."""
from __future__ import annotations

import json

from sqlalchemy import delete, or_, select

from portal.accounts.models import User
from portal.alerts.models import AlertDelivery, JobAlert
from portal.extensions import db
from portal.privacy.services import register_personal_data


def _belongs_to(user: User):
    return or_(JobAlert.user_id == user.id, JobAlert.email == user.email)


def export_alerts(user: User) -> list[dict]:
    return [
        {
            "label": alert.label,
            "email": alert.email,
            "search": json.loads(alert.query),
            "frequency": alert.frequency,
            "created_at": alert.created_at,
            "confirmed_at": alert.confirmed_at,
            "last_emailed_at": alert.last_digest_at,
        }
        for alert in db.session.scalars(
            select(JobAlert).where(_belongs_to(user)).order_by(JobAlert.created_at, JobAlert.id)
        )
    ]


def delete_alerts(user: User) -> None:
    alert_ids = select(JobAlert.id).where(_belongs_to(user))
    db.session.execute(delete(AlertDelivery).where(AlertDelivery.alert_id.in_(alert_ids)))
    db.session.execute(delete(JobAlert).where(_belongs_to(user)))


register_personal_data("job_alerts", export_alerts, delete_alerts)
