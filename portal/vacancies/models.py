from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Column, ColumnElement, Date, DateTime, Float, ForeignKey, Integer, String, Table, Text, UniqueConstraint, and_,
)
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.columns import stored_enum
from portal.employers.models import Organisation, Site
from portal.extensions import db
from portal.reference.models import JobRole, PayBand, Sector
from portal.time import utcnow


class VacancyStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class ContractType(StrEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    BANK = "bank"
    APPRENTICESHIP = "apprenticeship"
    VOLUNTEER = "volunteer"

    @property
    def label(self) -> str:
        return CONTRACT_TYPE_LABELS[self]


CONTRACT_TYPE_LABELS = {
    ContractType.PERMANENT: "Permanent",
    ContractType.FIXED_TERM: "Fixed term",
    ContractType.BANK: "Bank",
    ContractType.APPRENTICESHIP: "Apprenticeship",
    ContractType.VOLUNTEER: "Volunteer",
}

WORKING_PATTERN_LABELS = {
    "full_time": "Full time",
    "part_time": "Part time",
    "shifts": "Shifts",
    "nights": "Nights",
    "weekends": "Weekends",
}

FLAG_LABELS = {
    "dbs_check": "DBS check needed",
    "driving_licence": "Driving licence needed",
    "visa_sponsorship": "Visa sponsorship available",
    "school_leavers": "Suitable for school and college leavers",
    "no_experience": "No experience needed",
}

PAY_PERIOD_LABELS = {"hour": "an hour", "year": "a year"}


class ApplyMethod(StrEnum):
    EXTERNAL = "external"
    PORTAL = "portal"


vacancy_sites = Table(
    "vacancy_sites",
    db.metadata,
    Column("vacancy_id", Integer, ForeignKey("vacancies.id", ondelete="CASCADE"), primary_key=True),
    Column("site_id", Integer, ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
)


class Vacancy(db.Model):
    __tablename__ = "vacancies"
    # The employer's reference names one vacancy, so its own system and CSV files can update it.
    __table_args__ = (UniqueConstraint("organisation_id", "external_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    title: Mapped[str] = mapped_column(String(160))
    role_code: Mapped[str] = mapped_column(ForeignKey("job_roles.code"), index=True)
    sector_code: Mapped[str] = mapped_column(ForeignKey("sectors.code"), index=True)
    contract_type: Mapped[str] = mapped_column(String(20))
    working_time: Mapped[str] = mapped_column(String(20))
    hours_per_week: Mapped[float | None] = mapped_column(Float)
    works_shifts: Mapped[bool] = mapped_column(default=False)
    works_nights: Mapped[bool] = mapped_column(default=False)
    works_weekends: Mapped[bool] = mapped_column(default=False)
    pay_band_code: Mapped[str | None] = mapped_column(ForeignKey("pay_bands.code"))
    pay_min: Mapped[float | None] = mapped_column(Float)
    pay_max: Mapped[float | None] = mapped_column(Float)
    pay_period: Mapped[str] = mapped_column(String(10), default="year")
    closing_date: Mapped[date] = mapped_column(Date, index=True)
    summary: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    requirements: Mapped[str] = mapped_column(Text, default="")
    benefits: Mapped[str] = mapped_column(Text, default="")
    dbs_check: Mapped[bool] = mapped_column(default=False)
    driving_licence: Mapped[bool] = mapped_column(default=False)
    visa_sponsorship: Mapped[bool] = mapped_column(default=False)
    school_leavers: Mapped[bool] = mapped_column(default=False)
    no_experience: Mapped[bool] = mapped_column(default=False)
    external_ref: Mapped[str | None] = mapped_column(String(80))
    apply_method: Mapped[str] = mapped_column(String(20), default=ApplyMethod.EXTERNAL.value)
    apply_url: Mapped[str | None] = mapped_column(String(500))
    # Applications through the portal: the vacancy closes itself when this many have been sent.
    max_applications: Mapped[int | None] = mapped_column(Integer)
    # Applicants' names, contact details and CVs stay hidden from recruiters until shortlisting.
    anonymised_shortlisting: Mapped[bool] = mapped_column(default=False)
    # Whether applicants through the portal must send a CV.
    cv_required: Mapped[bool] = mapped_column(default=True)
    status: Mapped[VacancyStatus] = mapped_column(stored_enum(VacancyStatus, 20), default=VacancyStatus.DRAFT, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    reposted_from_id: Mapped[int | None] = mapped_column(ForeignKey("vacancies.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation] = relationship(back_populates="vacancies")
    role: Mapped[JobRole] = relationship()
    sector: Mapped[Sector] = relationship()
    pay_band: Mapped[PayBand | None] = relationship()
    sites: Mapped[list[Site]] = relationship(secondary=vacancy_sites, order_by="Site.id")

    @property
    def working_patterns(self) -> list[str]:
        patterns = [self.working_time]
        patterns += [name for name in ("shifts", "nights", "weekends") if getattr(self, f"works_{name}")]
        return patterns

    @property
    def flags(self) -> list[str]:
        return [name for name in FLAG_LABELS if getattr(self, name)]

    @property
    def closed_on(self) -> date:
        """The last day it took applications: the day it was closed, if that came before the closing date."""
        if self.closed_at is None:
            return self.closing_date
        return min(self.closed_at.date(), self.closing_date)

    @property
    def cv_required_by_default(self) -> bool:
        """Jobs for school leavers or people with no experience ask for no CV unless the employer says so."""
        return not (self.school_leavers or self.no_experience)

    # The one rule for which vacancies job seekers see. Each is a hybrid: ``vacancy.is_live(today)`` on
    # a loaded row, ``Vacancy.is_live(today)`` as a condition in a query, and the two always agree.

    @hybrid_method
    def is_open(self, today: date) -> bool:
        """Published and not past its closing date, whatever the organisation's standing."""
        return self.status == VacancyStatus.PUBLISHED and self.closing_date >= today

    @is_open.inplace.expression
    @classmethod
    def _is_open_expression(cls, today: date) -> ColumnElement[bool]:
        return and_(cls.status == VacancyStatus.PUBLISHED, cls.closing_date >= today)

    @hybrid_property
    def is_listed(self) -> bool:
        """Published by an approved organisation: in the search index, open or past its closing date."""
        return self.status == VacancyStatus.PUBLISHED and self.organisation.is_approved

    @is_listed.inplace.expression
    @classmethod
    def _is_listed_expression(cls) -> ColumnElement[bool]:
        return and_(cls.status == VacancyStatus.PUBLISHED, cls.organisation.has(Organisation.is_approved))

    @hybrid_method
    def is_live(self, today: date) -> bool:
        """Open for job seekers to see and apply: published by an approved organisation, and not past
        its closing date."""
        return self.is_open(today) and self.organisation.is_approved

    @is_live.inplace.expression
    @classmethod
    def _is_live_expression(cls, today: date) -> ColumnElement[bool]:
        return and_(cls.is_open(today), cls.organisation.has(Organisation.is_approved))
