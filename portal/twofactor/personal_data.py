"""The second factor's part of a person's data: whether it is on, never the secret or the codes."""
from __future__ import annotations

from portal.accounts.models import User
from portal.extensions import db
from portal.privacy.services import register_personal_data
from portal.twofactor import services
from portal.twofactor.models import TwoFactorSecret


def export_two_factor(user: User) -> dict:
    row = db.session.get(TwoFactorSecret, user.id)
    return {
        "turned_on_at": row.confirmed_at if row else None,
        "unused_recovery_codes": services.recovery_codes_left(user),
    }


register_personal_data("two_step_sign_in", export_two_factor, services.reset_two_factor)
