from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.employers.models import Organisation
from portal.extensions import db
from portal.time import utcnow


class AuditAction(StrEnum):
    """Every event the trail knows. Some are written by other parts of the portal as they arrive;
    the names are fixed here so the workforce team can filter on them from the start."""

    SIGN_IN_SUCCEEDED = "sign_in_succeeded"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGNED_OUT = "signed_out"
    PASSWORD_RESET_REQUESTED = "password_reset_requested"
    PASSWORD_RESET_COMPLETED = "password_reset_completed"
    PASSWORD_CHANGED = "password_changed"
    EMAIL_CHANGED = "email_changed"
    SESSION_REVOKED = "session_revoked"
    TWO_FACTOR_ENABLED = "two_factor_enabled"
    TWO_FACTOR_DISABLED = "two_factor_disabled"
    TWO_FACTOR_FAILED = "two_factor_failed"
    RECOVERY_CODE_USED = "recovery_code_used"
    RATE_LIMITED = "rate_limited"
    ACCESS_REFUSED_SUSPENDED = "access_refused_suspended"
    CROSS_ORGANISATION_REFUSED = "cross_organisation_refused"
    ORGANISATION_APPROVED = "organisation_approved"
    ORGANISATION_SUSPENDED = "organisation_suspended"
    ORGANISATION_REINSTATED = "organisation_reinstated"
    ADMIN_CREATED = "admin_created"
    CATALOGUE_CHANGED = "catalogue_changed"
    ACCOUNT_DELETED = "account_deleted"
    MAIL_RETRIED = "mail_retried"
    CAREERS_CONTENT_SAVED = "careers_content_saved"
    CAREERS_CONTENT_PUBLISHED = "careers_content_published"
    CAREERS_DRAFT_DISCARDED = "careers_draft_discarded"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]

    @property
    def outcome(self) -> AuditOutcome:
        return AuditOutcome.REFUSED if self in REFUSALS else AuditOutcome.SUCCEEDED


class AuditOutcome(StrEnum):
    SUCCEEDED = "succeeded"
    REFUSED = "refused"


ACTION_LABELS = {
    AuditAction.SIGN_IN_SUCCEEDED: "Signed in",
    AuditAction.SIGN_IN_FAILED: "Sign-in failed",
    AuditAction.SIGNED_OUT: "Signed out",
    AuditAction.PASSWORD_RESET_REQUESTED: "Password reset requested",
    AuditAction.PASSWORD_RESET_COMPLETED: "Password reset completed",
    AuditAction.PASSWORD_CHANGED: "Password changed",
    AuditAction.EMAIL_CHANGED: "Email address changed",
    AuditAction.SESSION_REVOKED: "Signed out elsewhere",
    AuditAction.TWO_FACTOR_ENABLED: "Two-step sign-in turned on",
    AuditAction.TWO_FACTOR_DISABLED: "Two-step sign-in turned off",
    AuditAction.TWO_FACTOR_FAILED: "Two-step sign-in code refused",
    AuditAction.RECOVERY_CODE_USED: "Recovery code used",
    AuditAction.RATE_LIMITED: "Too many attempts",
    AuditAction.ACCESS_REFUSED_SUSPENDED: "Refused: organisation suspended",
    AuditAction.CROSS_ORGANISATION_REFUSED: "Refused: another organisation's record",
    AuditAction.ORGANISATION_APPROVED: "Organisation approved",
    AuditAction.ORGANISATION_SUSPENDED: "Organisation suspended",
    AuditAction.ORGANISATION_REINSTATED: "Organisation reinstated",
    AuditAction.ADMIN_CREATED: "Administrator created",
    AuditAction.CATALOGUE_CHANGED: "Passport catalogue changed",
    AuditAction.ACCOUNT_DELETED: "Account deleted",
    AuditAction.MAIL_RETRIED: "Undelivered email sent again",
    AuditAction.CAREERS_CONTENT_SAVED: "Careers page saved as a draft",
    AuditAction.CAREERS_CONTENT_PUBLISHED: "Careers page published",
    AuditAction.CAREERS_DRAFT_DISCARDED: "Careers draft discarded",
}
REFUSALS = frozenset({
    AuditAction.SIGN_IN_FAILED, AuditAction.TWO_FACTOR_FAILED, AuditAction.RATE_LIMITED,
    AuditAction.ACCESS_REFUSED_SUSPENDED, AuditAction.CROSS_ORGANISATION_REFUSED,
})
# Attempts and refusals are kept even when the request that saw them ends without saving anything
# (a failed sign-in, a 404 for another organisation's record): they are what the trail is for.
KEPT_WHEN_THE_REQUEST_FAILS = REFUSALS | {AuditAction.PASSWORD_RESET_REQUESTED}
ORGANISATION_REVIEWS = (
    AuditAction.ORGANISATION_APPROVED, AuditAction.ORGANISATION_SUSPENDED, AuditAction.ORGANISATION_REINSTATED,
)
DELETED_ACCOUNT_LABEL = "deleted account"


class AuditEvent(db.Model):
    """One security event or administrator's action. Never edited, except that a person's account
    deletion clears their id and name from the events they took part in."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    # Who it was at the time (their email), kept when the account later changes or goes; for a
    # failed sign-in, the email address that was tried.
    actor_label: Mapped[str] = mapped_column(String(254), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    subject_type: Mapped[str] = mapped_column(String(40), default="")
    subject_id: Mapped[int | None] = mapped_column(Integer)
    ip_address: Mapped[str] = mapped_column(String(45), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)

    actor: Mapped[User | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()

    @property
    def action_enum(self) -> AuditAction:
        return AuditAction(self.action)
