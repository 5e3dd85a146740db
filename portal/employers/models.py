from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, Float, ForeignKey, String, Text
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.columns import stored_enum
from portal.extensions import db
from portal.reference.models import Sector
from portal.time import utcnow

if TYPE_CHECKING:
    from portal.accounts.models import User
    from portal.storage.models import StoredFile
    from portal.vacancies.models import Vacancy


class OrganisationStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    SUSPENDED = "suspended"


class Organisation(db.Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    slug: Mapped[str] = mapped_column(String(180), unique=True)
    sector_code: Mapped[str] = mapped_column(ForeignKey("sectors.code"), index=True)
    website: Mapped[str | None] = mapped_column(String(255))
    about: Mapped[str] = mapped_column(Text, default="")
    # use_alter: stored files name their owner, a user, and users their organisation; this closes the loop.
    logo_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL", use_alter=True))
    status: Mapped[OrganisationStatus] = mapped_column(
        stored_enum(OrganisationStatus, 20), default=OrganisationStatus.PENDING, index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)

    sector: Mapped[Sector] = relationship()
    logo: Mapped[StoredFile | None] = relationship("StoredFile")
    sites: Mapped[list[Site]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", order_by="Site.id"
    )
    members: Mapped[list[User]] = relationship(back_populates="organisation")
    vacancies: Mapped[list[Vacancy]] = relationship(back_populates="organisation")

    @hybrid_property
    def is_approved(self) -> bool:
        return self.status == OrganisationStatus.APPROVED

    @property
    def may_act(self) -> bool:
        """Whether its members may use the portal for it, on the web or through its API tokens. A
        suspended organisation may do nothing until reinstated. One awaiting approval prepares, as it
        always could (vacancies, colleagues, API tokens, imports), while what is public or touches
        people waits for approval: its vacancies stay hidden, so nobody can apply, and it sees no passports."""
        return self.status != OrganisationStatus.SUSPENDED


class Site(db.Model):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(160))
    town: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str] = mapped_column(String(10))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    organisation: Mapped[Organisation] = relationship(back_populates="sites")

    @property
    def label(self) -> str:
        return f"{self.name}, {self.town} {self.postcode}"


class Invitation(db.Model):
    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(40), default="recruiter", server_default="recruiter")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)

    organisation: Mapped[Organisation] = relationship()
