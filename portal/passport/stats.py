"""Figures for the system's workforce team: how the passport is used, overall and by sector.

Each holder counts in the sector of the organisation they list as their current employer (the most
recently started job where they list more than one), or under "no current employer in the portal".
Shares count in the sector of the organisation shared with, or as share links; acceptances in the
sector of the accepting organisation. Every figure is one aggregate query.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import distinct, func, or_, select

from portal.employers.models import Organisation
from portal.extensions import db
from portal.passport.models import Employment, PassportShare, RecordAcceptance, TrainingRecord
from portal.reference.models import Sector

NO_EMPLOYER = "No current employer in the portal"
SHARE_LINKS = "Share links"


@dataclass
class Figures:
    """One row of the table. None where a figure does not apply to the row (a share link has no
    holders' records; people without an employer make no acceptances)."""

    label: str
    passports: int | None = 0
    records: int | None = 0
    verified: int | None = 0
    shares: int | None = 0
    acceptances: int | None = 0

    @property
    def verified_percent(self) -> int | None:
        return round(100 * self.verified / self.records) if self.records else None


@dataclass
class PassportStatistics:
    sectors: list[Figures]
    no_employer: Figures
    share_links: Figures
    total: Figures = field(init=False)

    def __post_init__(self):
        rows = self.rows
        self.total = Figures("All sectors", **{
            name: sum(getattr(row, name) or 0 for row in rows)
            for name in ("passports", "records", "verified", "shares", "acceptances")
        })

    @property
    def rows(self) -> list[Figures]:
        return [*self.sectors, self.no_employer, self.share_links]


def passport_statistics() -> PassportStatistics:
    sectors = {code: Figures(name) for code, name in db.session.execute(
        select(Sector.code, Sector.name).order_by(Sector.position, Sector.name)
    )}
    no_employer = Figures(NO_EMPLOYER, shares=None, acceptances=None)
    share_links = Figures(SHARE_LINKS, passports=None, records=None, verified=None, acceptances=None)

    for sector_code, passports, records, verified in db.session.execute(_records_by_sector()):
        row = sectors.get(sector_code, no_employer)
        row.passports, row.records, row.verified = passports, records, verified
    for sector_code, shares in db.session.execute(_shares_by_sector()):
        (share_links if sector_code is None else sectors[sector_code]).shares = shares
    for sector_code, acceptances in db.session.execute(_acceptances_by_sector()):
        sectors[sector_code].acceptances = acceptances
    return PassportStatistics(list(sectors.values()), no_employer, share_links)


def _holder_sectors():
    """Each holder with a current job in the portal, and that organisation's sector."""
    ranked = (
        select(
            Employment.holder_id,
            Organisation.sector_code,
            func.row_number().over(
                partition_by=Employment.holder_id, order_by=(Employment.started_on.desc(), Employment.id.desc())
            ).label("rank"),
        )
        .join(Organisation, Organisation.id == Employment.organisation_id)
        .where(Employment.ended_on.is_(None))
        .subquery()
    )
    return select(ranked.c.holder_id, ranked.c.sector_code).where(ranked.c.rank == 1).subquery()


def _records_by_sector():
    """Passports held (people with a current record), current records and how many are verified."""
    holders = _holder_sectors()
    return (
        select(
            holders.c.sector_code,
            func.count(distinct(TrainingRecord.holder_id)),
            func.count(TrainingRecord.id),
            func.count(TrainingRecord.verified_at),
        )
        .select_from(TrainingRecord)
        .outerjoin(holders, holders.c.holder_id == TrainingRecord.holder_id)
        .where(TrainingRecord.superseded_at.is_(None))
        .group_by(holders.c.sector_code)
    )


def _shares_by_sector():
    return (
        select(Organisation.sector_code, func.count(PassportShare.id))
        .select_from(PassportShare)
        .outerjoin(Organisation, Organisation.id == PassportShare.organisation_id)
        .group_by(Organisation.sector_code)
    )


def _acceptances_by_sector():
    """Records accepted by an organisation other than the one that verified them: training not repeated."""
    return (
        select(Organisation.sector_code, func.count(RecordAcceptance.id))
        .join(Organisation, Organisation.id == RecordAcceptance.organisation_id)
        .join(TrainingRecord, TrainingRecord.id == RecordAcceptance.record_id)
        .where(or_(
            TrainingRecord.verified_by_organisation_id.is_(None),
            TrainingRecord.verified_by_organisation_id != RecordAcceptance.organisation_id,
        ))
        .group_by(Organisation.sector_code)
    )
