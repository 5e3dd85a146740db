"""Editable reference lists: sectors, Agenda for Change pay bands, role families and roles."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db


class Sector(db.Model):
    __tablename__ = "sectors"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    is_nhs: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)


class PayBand(db.Model):
    __tablename__ = "pay_bands"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    annual_min: Mapped[float] = mapped_column(Numeric(10, 2, asdecimal=False))
    annual_max: Mapped[float] = mapped_column(Numeric(10, 2, asdecimal=False))
    position: Mapped[int] = mapped_column(default=0)


class RoleFamily(db.Model):
    __tablename__ = "role_families"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)

    roles: Mapped[list[JobRole]] = relationship(back_populates="family", order_by="JobRole.name")


class JobRole(db.Model):
    __tablename__ = "job_roles"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    family_code: Mapped[str] = mapped_column(ForeignKey("role_families.code"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    pay_kind: Mapped[str] = mapped_column(String(10))
    typical_band: Mapped[str | None] = mapped_column(String(20))
    hourly_min: Mapped[float | None] = mapped_column(Numeric(8, 2, asdecimal=False))
    hourly_max: Mapped[float | None] = mapped_column(Numeric(8, 2, asdecimal=False))

    family: Mapped[RoleFamily] = relationship(back_populates="roles")
