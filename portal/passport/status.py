"""When a record expires and what that means today: valid, expiring within 60 days, or expired.

A record "expires on" its expiry date: it is valid up to the day before and expired on the day itself.
Refresher periods are counted in calendar months, so training completed on 29 February with a 12-month
refresher expires on 28 February of the next year.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

EXPIRING_WITHIN = timedelta(days=60)


class Status(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return {"valid": "Valid", "expiring": "Expires soon", "expired": "Expired"}[self.value]

    @property
    def colour(self) -> str:
        return {"valid": "green", "expiring": "yellow", "expired": "red"}[self.value]


@dataclass(frozen=True)
class RecordStatus:
    status: Status
    expires_on: date | None
    refresher_months: int | None


def refresher_months(record, employer_months: int | None = None) -> int | None:
    """The catalogue's refresher period for the record's competence and level, or the employer's
    own where it is shorter (an employer's period also applies where the catalogue sets none)."""
    level = record.level
    months = level.validity_months if level is not None else record.competence.validity_months
    if employer_months is None:
        return months
    return employer_months if months is None else min(months, employer_months)


def expiry_date(record, employer_months: int | None = None) -> date | None:
    if record.competence.expiry_entered:
        return record.expires_on
    months = refresher_months(record, employer_months)
    return record.completed_on + relativedelta(months=months) if months else None


def status_on(expires_on: date | None, today: date) -> Status:
    if expires_on is None or expires_on - today > EXPIRING_WITHIN:
        return Status.VALID
    return Status.EXPIRED if today >= expires_on else Status.EXPIRING


def record_status(record, today: date, employer_months: int | None = None) -> RecordStatus:
    expires_on = expiry_date(record, employer_months)
    return RecordStatus(status_on(expires_on, today), expires_on, refresher_months(record, employer_months))
