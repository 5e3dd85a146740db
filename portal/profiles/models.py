from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.time import utcnow

if TYPE_CHECKING:
    from portal.storage import StoredFile
    from portal.vacancies.models import Vacancy


class SeekerProfile(db.Model):
    """What a job seeker keeps ready for their next application."""

    __tablename__ = "seeker_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    phone: Mapped[str] = mapped_column(String(30), default="")
    address_line_1: Mapped[str] = mapped_column(String(120), default="")
    address_line_2: Mapped[str] = mapped_column(String(120), default="")
    town: Mapped[str] = mapped_column(String(80), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    default_cv_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    default_cv: Mapped[StoredFile | None] = relationship("StoredFile")

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.address_line_1, self.address_line_2, self.town, self.postcode) if line]


class WorkHistory(db.Model):
    """One job a person has held; ``end_date`` empty means they still work there. Dates are kept to
    the month: the day is always the 1st."""

    __tablename__ = "work_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    employer: Mapped[str] = mapped_column(String(160))
    job_title: Mapped[str] = mapped_column(String(160))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    duties: Mapped[str] = mapped_column(Text, default="")

    @property
    def is_current(self) -> bool:
        return self.end_date is None


class Qualification(db.Model):
    __tablename__ = "qualifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    awarding_body: Mapped[str] = mapped_column(String(160), default="")
    awarded_year: Mapped[int | None] = mapped_column(Integer)


class SavedVacancy(db.Model):
    """A vacancy on a signed-in seeker's shortlist."""

    __tablename__ = "saved_vacancies"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancies.id", ondelete="CASCADE"), primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    vacancy: Mapped[Vacancy] = relationship()
