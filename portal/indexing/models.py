from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db
from portal.time import utcnow


class SearchChange(db.Model):
    """One vacancy whose search document must be rebuilt, written in the transaction that changed it."""

    __tablename__ = "search_changes"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
