"""The skills passport: the catalogue of competences, the records a person holds, where they work,
who they share with, and the trail of every change, view and verification."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.extensions import db
from portal.time import utcnow

if TYPE_CHECKING:
    from portal.applications.models import Application
    from portal.employers.models import Organisation
    from portal.storage import StoredFile


class Category(StrEnum):
    CORE_SKILLS = "core_skills"
    CARE_CERTIFICATE = "care_certificate"
    REGISTRATION = "registration"
    CHECK = "check"
    COMPETENCE = "competence"
    QUALIFICATION = "qualification"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS = {
    Category.CORE_SKILLS: "Statutory and mandatory training (Core Skills Training Framework)",
    Category.CARE_CERTIFICATE: "Care Certificate standards",
    Category.REGISTRATION: "Professional registration",
    Category.CHECK: "Checks and licences",
    Category.COMPETENCE: "Competences and other training",
    Category.QUALIFICATION: "Qualifications",
}


class Method(StrEnum):
    E_LEARNING = "e_learning"
    FACE_TO_FACE = "face_to_face"
    WORKPLACE = "workplace"

    @property
    def label(self) -> str:
        return METHOD_LABELS[self]


METHOD_LABELS = {
    Method.E_LEARNING: "E-learning",
    Method.FACE_TO_FACE: "Face to face",
    Method.WORKPLACE: "Assessed in the workplace",
}


class Competence(db.Model):
    """One entry in the admin-managed catalogue. ``validity_months`` is the refresher period when the
    competence has no levels of its own; ``expiry_entered`` means the expiry comes from the record
    (a registration's renewal date, a licence's expiry) rather than from a refresher period."""

    __tablename__ = "competences"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    category: Mapped[str] = mapped_column(String(30), index=True)
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")
    validity_months: Mapped[int | None] = mapped_column(Integer)
    expiry_entered: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)

    levels: Mapped[list[CompetenceLevel]] = relationship(
        back_populates="competence", cascade="all, delete-orphan", order_by="CompetenceLevel.position",
        lazy="selectin",
    )

    @property
    def category_enum(self) -> Category:
        return Category(self.category)

    def level(self, code: str | None) -> CompetenceLevel | None:
        return next((level for level in self.levels if level.code == code), None)


class CompetenceLevel(db.Model):
    """A level of a competence, higher ``position`` meaning more; its own refresher period, or none
    (never expires) where ``validity_months`` is empty."""

    __tablename__ = "competence_levels"

    competence_code: Mapped[str] = mapped_column(ForeignKey("competences.code", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    label: Mapped[str] = mapped_column(String(80))
    validity_months: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(default=0)

    competence: Mapped[Competence] = relationship(back_populates="levels")


class RoleRequirement(db.Model):
    """A competence a job role needs, at ``level_code`` or above where the competence has levels."""

    __tablename__ = "role_requirements"

    role_code: Mapped[str] = mapped_column(ForeignKey("job_roles.code", ondelete="CASCADE"), primary_key=True)
    competence_code: Mapped[str] = mapped_column(ForeignKey("competences.code", ondelete="CASCADE"), primary_key=True)
    level_code: Mapped[str | None] = mapped_column(String(30))

    competence: Mapped[Competence] = relationship(lazy="joined")


class OrganisationRefresher(db.Model):
    """An employer's own, shorter refresher period for a competence, applied to every level."""

    __tablename__ = "organisation_refreshers"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True)
    competence_code: Mapped[str] = mapped_column(ForeignKey("competences.code", ondelete="CASCADE"), primary_key=True)
    validity_months: Mapped[int] = mapped_column(Integer)

    competence: Mapped[Competence] = relationship(lazy="joined")


class TrainingRecord(db.Model):
    """One completed piece of training, check or registration in a person's passport.

    Once verified the holder cannot change it; a newer record of the same competence and level
    supersedes it. ``expires_on`` is stored only where the competence takes its expiry from the record.
    """

    __tablename__ = "training_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    competence_code: Mapped[str] = mapped_column(ForeignKey("competences.code"), index=True)
    level_code: Mapped[str | None] = mapped_column(String(30))
    completed_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    provider: Mapped[str] = mapped_column(String(160), default="")
    method: Mapped[str] = mapped_column(String(20))
    reference: Mapped[str] = mapped_column(String(80), default="")
    evidence_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))
    added_by_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    verified_by_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    verified_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    competence: Mapped[Competence] = relationship(lazy="joined")
    holder: Mapped[User] = relationship(foreign_keys=[holder_id])
    evidence: Mapped[StoredFile | None] = relationship("StoredFile")
    verified_by_organisation: Mapped[Organisation | None] = relationship(
        foreign_keys=[verified_by_organisation_id], lazy="joined"
    )
    added_by_organisation: Mapped[Organisation | None] = relationship(foreign_keys=[added_by_organisation_id])
    acceptances: Mapped[list[RecordAcceptance]] = relationship(
        back_populates="record", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None

    @property
    def verifier_name(self) -> str:
        organisation = self.verified_by_organisation
        return organisation.name if organisation is not None else "an employer no longer in the portal"

    @property
    def level(self) -> CompetenceLevel | None:
        return self.competence.level(self.level_code)

    @property
    def title(self) -> str:
        level = self.level
        return f"{self.competence.title}, {level.label}" if level else self.competence.title

    @property
    def method_label(self) -> str:
        return Method(self.method).label


class Employment(db.Model):
    """A job the holder lists with an organisation in the portal. While current and confirmed by the
    holder, that organisation's recruiters and trainers see the passport and verify its records."""

    __tablename__ = "employments"

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    job_title: Mapped[str] = mapped_column(String(160))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship(lazy="joined")
    holder: Mapped[User] = relationship()

    @property
    def is_current(self) -> bool:
        return self.ended_on is None

    @hybrid_property
    def opens_passport(self) -> bool:
        """Current and confirmed by the holder: the employer may see the passport and verify its records."""
        return self.ended_on is None and self.confirmed_at is not None

    @opens_passport.inplace.expression
    @classmethod
    def _opens_passport_expression(cls):
        return and_(cls.ended_on.is_(None), cls.confirmed_at.is_not(None))


class ShareKind(StrEnum):
    ORGANISATION = "organisation"
    LINK = "link"


class ShareEndReason(StrEnum):
    STOPPED_BY_HOLDER = "stopped_by_holder"
    APPLICATION_WITHDRAWN = "application_withdrawn"
    APPLICATION_DELETED = "application_deleted"

    @property
    def because(self) -> str:
        return SHARE_END_EXPLANATIONS[self]


SHARE_END_EXPLANATIONS = {
    ShareEndReason.STOPPED_BY_HOLDER: "you stopped sharing",
    ShareEndReason.APPLICATION_WITHDRAWN: "your application was withdrawn",
    ShareEndReason.APPLICATION_DELETED: "your application was deleted",
}


class PassportShare(db.Model):
    """Consent for one organisation, or for whoever holds a link, to see the passport until it expires
    or is revoked. Only the hash of a link's token is kept.

    A share made when applying for a job ends with the application (withdrawn, or deleted when its
    time is up) unless the holder chose ``keep_after_application``."""

    __tablename__ = "passport_shares"

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(120), default="")
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True
    )
    keep_after_application: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When the share ended (whatever ended it), and why.
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    end_reason: Mapped[str | None] = mapped_column(String(30))

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")
    holder: Mapped[User] = relationship()
    application: Mapped[Application | None] = relationship()

    def is_live(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)

    @property
    def ends_with_application(self) -> bool:
        return self.application_id is not None and not self.keep_after_application

    @property
    def end_reason_enum(self) -> ShareEndReason | None:
        return ShareEndReason(self.end_reason) if self.end_reason else None

    @property
    def hides_identity(self) -> bool:
        """Shared with an application the employer shortlists without names: it shows once they know who."""
        return self.application is not None and self.application.identity_hidden


class RecordAcceptance(db.Model):
    """An employer's word that a record meets its own requirement, so the training is not repeated."""

    __tablename__ = "record_acceptances"
    __table_args__ = (UniqueConstraint("record_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("training_records.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    accepted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    record: Mapped[TrainingRecord] = relationship(back_populates="acceptances")
    organisation: Mapped[Organisation] = relationship(lazy="joined")


class PassportView(db.Model):
    """Someone other than the holder looked at the passport (or downloaded it)."""

    __tablename__ = "passport_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    viewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    share_id: Mapped[int | None] = mapped_column(ForeignKey("passport_shares.id", ondelete="SET NULL"))
    what: Mapped[str] = mapped_column(String(40), default="passport")
    viewed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    viewer: Mapped[User | None] = relationship(foreign_keys=[viewer_id])
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")
    share: Mapped[PassportShare | None] = relationship()


class AuditEntry(db.Model):
    """One change to a passport: who did what, to which record, when. Never edited."""

    __tablename__ = "passport_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("training_records.id", ondelete="SET NULL"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    organisation: Mapped[Organisation | None] = relationship()


def _credential_id() -> str:
    return str(uuid.uuid4())


class Credential(db.Model):
    """A signed credential issued for a verified record. The record may later go (superseded,
    revoked or deleted); the credential row stays so that verification can say it was revoked."""

    __tablename__ = "passport_credentials"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_credential_id)
    record_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_records.id", ondelete="SET NULL"), index=True
    )
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_on: Mapped[date | None] = mapped_column(Date)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    revocation_reason: Mapped[str] = mapped_column(String(120), default="")

    record: Mapped[TrainingRecord | None] = relationship()


class ExpiryReminder(db.Model):
    """The reminder for a record expiring on ``expires_on``: one per record per expiry. Claimed by a run
    before the email goes and marked sent after; a claim never marked sent is taken over once stale."""

    __tablename__ = "expiry_reminders"

    record_id: Mapped[int] = mapped_column(ForeignKey("training_records.id", ondelete="CASCADE"), primary_key=True)
    expires_on: Mapped[date] = mapped_column(Date, primary_key=True)
    claimed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
