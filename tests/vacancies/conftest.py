"""Helpers for the vacancy tests: a complete, valid vacancy form and a signed-in recruiter."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from portal.extensions import db
from portal.vacancies.models import Vacancy


def date_parts(value: date) -> dict[str, str]:
    return {"closing_date-day": str(value.day), "closing_date-month": str(value.month), "closing_date-year": str(value.year)}


@pytest.fixture
def vacancy_form():
    """Form data that saves a vacancy; keyword arguments replace fields (None leaves a field out)."""

    def build(sites, **overrides):
        data = {
            "title": "Senior Care Worker",
            "role_code": "senior_care_worker",
            "contract_type": "permanent",
            "working_time": "full_time",
            "hours_per_week": "37.5",
            "patterns": ["shifts", "weekends"],
            "pay_band_code": "",
            "pay_min": "12.90",
            "pay_max": "14.80",
            "pay_period": "hour",
            **date_parts(date.today() + timedelta(days=21)),
            "summary": "Lead a small team supporting people at home.",
            "description": "## About the role\n\nYou will lead visits across Charnwood.",
            "requirements": "- Level 3 Diploma in Adult Care",
            "benefits": "- Paid mileage",
            "flags": ["dbs_check", "driving_licence"],
            "site_ids": [str(site_id) for site_id in sites],
            "external_ref": "SCW-042",
            "apply_method": "external",
            "apply_url": "https://jobs.example.org/apply/42",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return build



@pytest.fixture
def load_vacancy(app):
    """The vacancy as stored now, with its sites and pay band read while the session is open."""

    def load(vacancy_id: int) -> Vacancy | None:
        with app.app_context():
            vacancy = db.session.get(Vacancy, vacancy_id)
            if vacancy is not None:
                vacancy.site_ids = [site.id for site in vacancy.sites]
                db.session.expunge(vacancy)
            return vacancy

    return load

