from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.employers.models import Organisation
from portal.extensions import db
from portal.time import utcnow


class ApiToken(db.Model):
    """A key an employer's own system uses to write the organisation's vacancies. Only a hash is kept:
    the token itself is shown once, when it is created."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)

    organisation: Mapped[Organisation] = relationship()
    created_by: Mapped[User | None] = relationship()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class CsvImport(db.Model):
    """An uploaded CSV of vacancies between its preview and the recruiter's confirmation, then what
    the import did with each row."""

    __tablename__ = "csv_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(String(255))
    columns_json: Mapped[str] = mapped_column(Text)
    rows_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    imported_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcomes_json: Mapped[str | None] = mapped_column(Text)

    @property
    def columns(self) -> list[str]:
        return json.loads(self.columns_json)

    @property
    def rows(self) -> list[dict[str, str]]:
        return json.loads(self.rows_json)

    @property
    def outcomes(self) -> list[dict] | None:
        return json.loads(self.outcomes_json) if self.outcomes_json else None
