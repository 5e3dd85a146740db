from __future__ import annotations

import secrets
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.columns import stored_enum
from portal.extensions import db
from portal.time import utcnow

if TYPE_CHECKING:
    from portal.storage import StoredFile
    from portal.vacancies.models import Vacancy


class ApplicationStatus(StrEnum):
    NEW = "new"
    REVIEWING = "reviewing"
    SHORTLISTED = "shortlisted"
    INTERVIEW = "interview"
    OFFERED = "offered"
    HIRED = "hired"
    NOT_PROGRESSED = "not_progressed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return RECRUITER_STATUS_LABELS[self]

    @property
    def seeker_label(self) -> str:
        return SEEKER_STATUS_LABELS[self]


RECRUITER_STATUS_LABELS = {
    ApplicationStatus.NEW: "New",
    ApplicationStatus.REVIEWING: "Reviewing",
    ApplicationStatus.SHORTLISTED: "Shortlisted",
    ApplicationStatus.INTERVIEW: "Interview",
    ApplicationStatus.OFFERED: "Offered",
    ApplicationStatus.HIRED: "Hired",
    ApplicationStatus.NOT_PROGRESSED: "Not progressed",
    ApplicationStatus.WITHDRAWN: "Withdrawn",
}
SEEKER_STATUS_LABELS = {
    ApplicationStatus.NEW: "Received",
    ApplicationStatus.REVIEWING: "Received",
    ApplicationStatus.SHORTLISTED: "Shortlisted",
    ApplicationStatus.INTERVIEW: "Invited to interview",
    ApplicationStatus.OFFERED: "Offered the job",
    ApplicationStatus.HIRED: "Hired",
    ApplicationStatus.NOT_PROGRESSED: "Not taken forward",
    ApplicationStatus.WITHDRAWN: "Withdrawn",
}
# The statuses a recruiter can give; withdrawing is the applicant's own act.
RECRUITER_STATUSES = tuple(status for status in ApplicationStatus if status != ApplicationStatus.WITHDRAWN)
# The applicant is emailed when their application reaches one of these, and "My applications" shows
# the latest of them; "new" and "reviewing" are the employer's own steps once the application is in.
NOTIFIED_STATUSES = frozenset({
    ApplicationStatus.SHORTLISTED, ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED,
    ApplicationStatus.HIRED, ApplicationStatus.NOT_PROGRESSED,
})
SEEKER_VISIBLE_STATUSES = NOTIFIED_STATUSES | {ApplicationStatus.WITHDRAWN}
# With anonymised shortlisting, reaching any of these shows the applicant's name, contact details and CV.
IDENTITY_REVEALING_STATUSES = frozenset({
    ApplicationStatus.SHORTLISTED, ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.HIRED,
})
WITHDRAWABLE_STATUSES = frozenset({
    ApplicationStatus.NEW, ApplicationStatus.REVIEWING, ApplicationStatus.SHORTLISTED,
    ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED,
})

RIGHT_TO_WORK_LABELS = {
    "yes": "Yes",
    "needs_sponsorship": "No, I will need sponsorship",
    "not_sure": "I'm not sure",
}


class Application(db.Model):
    __tablename__ = "applications"
    # On SQLite, AUTOINCREMENT stops the id of a deleted last row from being given out again: the
    # reference (A-0001) is built from the id and must never name two people.
    __table_args__ = (
        UniqueConstraint("vacancy_id", "user_id", name="uq_applications_vacancy_id_user_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    full_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(30))
    address_line_1: Mapped[str] = mapped_column(String(120))
    address_line_2: Mapped[str] = mapped_column(String(120), default="")
    town: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str] = mapped_column(String(10))
    supporting_statement: Mapped[str] = mapped_column(Text)
    right_to_work: Mapped[str] = mapped_column(String(20))
    # Set straight after the row is inserted: the file is stored only once the application has won
    # any race with a duplicate of itself.
    cv_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))
    status: Mapped[ApplicationStatus] = mapped_column(
        stored_enum(ApplicationStatus, 20), default=ApplicationStatus.NEW, index=True
    )
    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # When the applicant first reached a status that reveals who they are (anonymised shortlisting).
    identity_revealed_at: Mapped[datetime | None] = mapped_column(DateTime)

    vacancy: Mapped[Vacancy] = relationship()
    user: Mapped[User] = relationship()
    cv: Mapped[StoredFile | None] = relationship("StoredFile")
    history: Mapped[list[ApplicationStatusChange]] = relationship(
        back_populates="application", cascade="all, delete-orphan",
        order_by="(ApplicationStatusChange.changed_at, ApplicationStatusChange.id)",
    )
    notes: Mapped[list[ApplicationNote]] = relationship(
        back_populates="application", cascade="all, delete-orphan",
        order_by="(ApplicationNote.created_at, ApplicationNote.id)",
    )

    @property
    def reference(self) -> str:
        return f"A-{self.id:04d}"

    @property
    def status_enum(self) -> ApplicationStatus:
        return ApplicationStatus(self.status)

    @property
    def identity_hidden(self) -> bool:
        return self.vacancy.anonymised_shortlisting and self.identity_revealed_at is None

    @property
    def can_withdraw(self) -> bool:
        return self.status in WITHDRAWABLE_STATUSES

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.address_line_1, self.address_line_2, self.town, self.postcode) if line]

    @property
    def seeker_update(self) -> ApplicationStatusChange:
        """What "My applications" shows: the latest change the applicant has been told about, or
        the application's arrival."""
        told = [change for change in self.history if change.status in SEEKER_VISIBLE_STATUSES]
        return told[-1] if told else self.history[0]


class ApplicationStatusChange(db.Model):
    __tablename__ = "application_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    status: Mapped[ApplicationStatus] = mapped_column(stored_enum(ApplicationStatus, 20))
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    application: Mapped[Application] = relationship(back_populates="history")
    changed_by: Mapped[User | None] = relationship()

    @property
    def status_enum(self) -> ApplicationStatus:
        return ApplicationStatus(self.status)


class ApplicationNote(db.Model):
    """A recruiter's note on an application, seen only by recruiters of the vacancy's organisation."""

    __tablename__ = "application_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    application: Mapped[Application] = relationship(back_populates="notes")
    author: Mapped[User | None] = relationship()


def _random_key() -> str:
    return uuid.uuid4().hex


class EqualityResponse(db.Model):
    """One applicant's equality monitoring answers, deliberately not linked to the application or the
    person: no user or application id, a random key rather than a sequence that would follow the order
    of applications, and only the month it arrived. Each answer is an option value, "prefer_not_to_say",
    or empty when the question was skipped."""

    __tablename__ = "equality_responses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_random_key)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id", ondelete="CASCADE"), index=True)
    month: Mapped[date] = mapped_column(Date)
    age_band: Mapped[str | None] = mapped_column(String(30))
    sex: Mapped[str | None] = mapped_column(String(30))
    gender_same_as_birth: Mapped[str | None] = mapped_column(String(30))
    ethnic_group: Mapped[str | None] = mapped_column(String(30))
    disability: Mapped[str | None] = mapped_column(String(30))
    religion: Mapped[str | None] = mapped_column(String(30))
    sexual_orientation: Mapped[str | None] = mapped_column(String(30))


def _draft_token() -> str:
    return secrets.token_urlsafe(32)


class ApplicationDraft(db.Model):
    """What a visitor typed into an application form before signing in, kept until they come back to
    it (too long for the session cookie). The visitor's session holds the token."""

    __tablename__ = "application_drafts"

    token: Mapped[str] = mapped_column(String(64), primary_key=True, default=_draft_token)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id", ondelete="CASCADE"), index=True)
    answers: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)


class ApplicationEmails(StrEnum):
    """How a recruiter wants to hear that an application has arrived."""

    AT_ONCE = "at_once"
    DAILY = "daily"
    NEVER = "never"

    @property
    def label(self) -> str:
        return APPLICATION_EMAILS_LABELS[self]


APPLICATION_EMAILS_LABELS = {
    ApplicationEmails.AT_ONCE: "At once, an email for each application",
    ApplicationEmails.DAILY: "A daily summary",
    ApplicationEmails.NEVER: "Never",
}


class ApplicationEmailSetting(db.Model):
    """A recruiter's choice of application emails; with no row, they are emailed at once."""

    __tablename__ = "application_email_settings"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    choice: Mapped[str] = mapped_column(String(10), default=ApplicationEmails.AT_ONCE.value)


class ApplicationNotice(db.Model):
    """A recruiter to be told of one application. Written in the same transaction as the application,
    so no notice is lost however sending fails; sent once, whether at once or in a daily summary."""

    __tablename__ = "application_notices"
    __table_args__ = (UniqueConstraint("application_id", "recipient_id", name="uq_application_notices_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    # A sending run marks the rows it works on, so that a second run at the same time leaves them
    # alone; the mark of a run that died expires.
    claim: Mapped[str | None] = mapped_column(String(32))
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)

    application: Mapped[Application] = relationship()
    recipient: Mapped[User] = relationship()
