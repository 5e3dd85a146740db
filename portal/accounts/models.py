from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.roles import Role
from portal.extensions import db
from portal.time import utcnow

if TYPE_CHECKING:
    from portal.employers.models import Organisation


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    is_active_account: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime)

    organisation: Mapped[Organisation | None] = relationship(back_populates="members")
    role_grants: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def is_active(self) -> bool:
        return self.is_active_account

    @property
    def roles(self) -> set[Role]:
        return {Role(grant.role) for grant in self.role_grants}

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def grant(self, role: Role) -> None:
        if role not in self.roles:
            self.role_grants.append(UserRole(role=role.value))

    @property
    def is_admin(self) -> bool:
        return self.has_role(Role.ADMIN)

    @property
    def is_recruiter(self) -> bool:
        return self.has_role(Role.RECRUITER) and self.organisation_id is not None

    @property
    def handles_passports(self) -> bool:
        """A recruiter or trainer of an organisation: sees the passports shared with it or of its staff."""
        return self.organisation_id is not None and bool(self.roles & {Role.RECRUITER, Role.TRAINER})


class UserRole(db.Model):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(40), primary_key=True)

    user: Mapped[User] = relationship(back_populates="role_grants")


class UserSession(db.Model):
    """One signed-in browser. Its cookie carries a random token; only the token's SHA-256 is kept, so
    reading this table does not let anyone take over a session."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    end_reason: Mapped[str | None] = mapped_column(String(30))
    ip_address: Mapped[str] = mapped_column(String(45), default="")
    device: Mapped[str] = mapped_column(String(80), default="")
