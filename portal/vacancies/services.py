"""Vacancies: the rules for creating, publishing, closing and reposting them."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from portal.accounts.models import utcnow
from portal.extensions import db
from portal.vacancies.models import Vacancy, VacancyStatus


def close_expired_vacancies(today: date) -> int:
    expired = db.session.scalars(
        select(Vacancy).where(Vacancy.status == VacancyStatus.PUBLISHED, Vacancy.closing_date < today)
    ).all()
    for vacancy in expired:
        vacancy.status = VacancyStatus.CLOSED.value
        vacancy.closed_at = utcnow()
    db.session.flush()
    return len(expired)
