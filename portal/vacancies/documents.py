"""A vacancy as the search index sees it."""
from __future__ import annotations

from portal.markdown import markdown_to_text
from portal.vacancies.models import Vacancy

STANDARD_WEEKLY_HOURS = 37.5
WEEKS_PER_YEAR = 52.14


def annual_pay(amount: float | None, period: str, hours_per_week: float | None) -> float | None:
    if amount is None:
        return None
    if period == "hour":
        return round(amount * (hours_per_week or STANDARD_WEEKLY_HOURS) * WEEKS_PER_YEAR, 2)
    return amount


def vacancy_document(vacancy: Vacancy) -> dict:
    return {
        "id": vacancy.id,
        "title": vacancy.title,
        "summary": vacancy.summary,
        "text": "\n".join(
            markdown_to_text(part) for part in (vacancy.description, vacancy.requirements, vacancy.benefits)
        ),
        "employer_name": vacancy.organisation.name,
        "role_name": vacancy.role.name,
        "sector": vacancy.sector_code,
        "role_family": vacancy.role.family_code,
        "role": vacancy.role_code,
        "employer_id": vacancy.organisation_id,
        "contract_type": vacancy.contract_type,
        "working_patterns": vacancy.working_patterns,
        "pay_annual": annual_pay(vacancy.pay_max or vacancy.pay_min, vacancy.pay_period, vacancy.hours_per_week),
        "flags": vacancy.flags,
        "pay_band": vacancy.pay_band_code,
        "posted_at": vacancy.published_at or vacancy.created_at,
        "closing_date": vacancy.closing_date,
        "locations": [
            (site.latitude, site.longitude) for site in vacancy.sites if site.latitude is not None
        ],
        "visible": vacancy.is_listed,
    }
