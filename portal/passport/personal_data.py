"""The passport's part of a person's data: records, employments, shares, who viewed it and its history.
Deleting the account revokes the credentials issued for its records, so they verify as revoked."""
from __future__ import annotations

from sqlalchemy import delete, select

from portal.accounts.models import User
from portal.extensions import db
from portal.passport import services, sharing
from portal.passport.models import AuditEntry, Employment, PassportShare, PassportView, TrainingRecord
from portal.privacy.services import register_personal_data


def export_passport(user: User) -> dict:
    return {
        "records": [
            {
                "id": record.id,
                "competence": record.competence.title,
                "level": record.level.label if record.level else None,
                "completed_on": record.completed_on,
                "expires_on": record.expires_on,
                "provider": record.provider,
                "method": record.method_label,
                "reference": record.reference,
                "evidence_file_id": record.evidence_file_id,
                "verified_by": record.verified_by_organisation.name if record.verified_by_organisation else None,
                "verified_at": record.verified_at,
                "superseded_at": record.superseded_at,
                "accepted_by": [acceptance.organisation.name for acceptance in record.acceptances],
            }
            for record in services.holder_records(user.id, include_superseded=True)
        ],
        "employments": [
            {"employer": employment.organisation.name, "job_title": employment.job_title,
             "started_on": employment.started_on, "ended_on": employment.ended_on,
             "employer_may_see_passport": employment.opens_passport}
            for employment in services.employments(user.id)
        ],
        "shares": [
            {"with": share.label, "kind": share.kind, "created_at": share.created_at, "expires_at": share.expires_at,
             "ended_at": share.revoked_at, "ended_because": share.end_reason_enum.because if share.end_reason else None,
             "made_with_application": share.application_id is not None,
             "kept_after_application": share.keep_after_application}
            for share in sharing.shares(user.id)
        ],
        "views": [
            {"organisation": view.organisation.name if view.organisation else None, "what": view.what,
             "viewed_at": view.viewed_at}
            for view in sharing.views_of(user.id)
        ],
        "history": [
            {"at": entry.at, "action": entry.action, "detail": entry.detail} for entry in services.audit_trail(user.id)
        ],
    }


def delete_passport(user: User) -> None:
    for record in db.session.scalars(select(TrainingRecord).where(TrainingRecord.holder_id == user.id)):
        services.revoke_credentials(record, "The holder closed their account")
    for model in (PassportView, AuditEntry, PassportShare, Employment, TrainingRecord):
        db.session.execute(delete(model).where(model.holder_id == user.id))


register_personal_data("skills_passport", export_passport, delete_passport)
