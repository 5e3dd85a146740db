"""Careers content kept as versions: every save is a new revision, and a document points at the one
that is published and at a newer draft, if any."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.careers.content import ContentKind
from portal.columns import stored_enum
from portal.extensions import db
from portal.time import utcnow


class CareerRevision(db.Model):
    """One saved text of a document. Revisions are never changed, so restoring copies an old one."""

    __tablename__ = "career_revisions"
    # Ids are never reused, even on SQLite: the published content is cached by the ids published.
    __table_args__ = (Index("ix_career_revisions_document", "kind", "key", "id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ContentKind] = mapped_column(stored_enum(ContentKind, 20))
    key: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)
    # None when the text came from the files in the repository.
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str] = mapped_column(String(200), default="")
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    published_by: Mapped[User | None] = relationship(foreign_keys=[published_by_id])


class CareerDocument(db.Model):
    """A role, a pathway, the quiz or the interest areas: what the public sees, and what is being edited."""

    __tablename__ = "career_documents"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ContentKind] = mapped_column(stored_enum(ContentKind, 20))
    key: Mapped[str] = mapped_column(String(80))
    published_revision_id: Mapped[int | None] = mapped_column(ForeignKey("career_revisions.id"))
    draft_revision_id: Mapped[int | None] = mapped_column(ForeignKey("career_revisions.id"))
    # The text the files last gave, so a load tells an edited document from one the files changed.
    file_revision_id: Mapped[int | None] = mapped_column(ForeignKey("career_revisions.id"))
    # Goes up by one at every change, so an editor saving over a newer version is told, not overwritten.
    version: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    published: Mapped[CareerRevision | None] = relationship(foreign_keys=[published_revision_id])
    draft: Mapped[CareerRevision | None] = relationship(foreign_keys=[draft_revision_id])
    from_file: Mapped[CareerRevision | None] = relationship(foreign_keys=[file_revision_id])


class SavedQuizResult(db.Model):
    """Quiz answers a signed-in person chose to keep, as the query string of their results page."""

    __tablename__ = "saved_quiz_results"
    # The same answers saved twice (a double click) are one row: the database decides, not a check first.
    __table_args__ = (UniqueConstraint("user_id", "answers"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    answers: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
