"""The signed-in sessions' part of a person's data, for the export archive and account deletion."""
from __future__ import annotations

from portal.accounts import services
from portal.accounts.models import User
from portal.accounts.session_store import EndReason
from portal.privacy.services import register_personal_data
from portal.time import utcnow


def export_sessions(user: User) -> list[dict]:
    return [
        {
            "device": record.device,
            "ip_address": record.ip_address,
            "signed_in_at": record.created_at,
            "last_active_at": record.last_seen_at,
        }
        for record in services.live_sessions(user, utcnow())
    ]


def end_sessions(user: User) -> None:
    # The database's rows go with the account (their foreign key cascades); Redis needs telling.
    services.end_all_sessions(user, EndReason.ACCOUNT_CLOSED)


register_personal_data("signed_in_sessions", export_sessions, end_sessions)
