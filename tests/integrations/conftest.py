"""Helpers for the integration tests: API tokens, a complete vacancy as an employer's system sends it,
and reading vacancies back by reference."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from portal.accounts.models import User
from portal.employers.models import Organisation
from portal.extensions import db
from portal.integrations import services
from portal.vacancies.models import Vacancy


@pytest.fixture
def make_token(app, make_recruiter):
    """A new API token for the organisation, as the recruiter would copy it."""

    def make(organisation, name="Trac"):
        recruiter = make_recruiter(organisation)
        with app.app_context():
            _, token = services.create_token(
                db.session.get(Organisation, organisation.id), name, db.session.get(User, recruiter.id)
            )
            db.session.commit()
        return token

    return make


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def vacancy_json():
    """A vacancy that saves; keyword arguments replace fields (None removes one)."""

    def build(**overrides):
        body = {
            "external_ref": "SCW-042",
            "title": "Senior Care Worker",
            "role_code": "senior_care_worker",
            "contract_type": "permanent",
            "working_time": "full_time",
            "hours_per_week": 37.5,
            "patterns": ["shifts", "weekends"],
            "pay_min": 12.9,
            "pay_max": 14.8,
            "pay_period": "hour",
            "closing_date": (date.today() + timedelta(days=21)).isoformat(),
            "summary": "Lead a small team supporting people at home.",
            "description": "## About the role\n\nYou will lead visits across Charnwood.",
            "requirements": "- Level 3 Diploma in Adult Care",
            "benefits": "- Paid mileage",
            "flags": ["dbs_check", "driving_licence"],
            "sites": ["Head office"],
            "apply_method": "external",
            "apply_url": "https://jobs.example.org/apply/42",
        }
        body.update(overrides)
        return {key: value for key, value in body.items() if value is not None}

    return build


@pytest.fixture
def stored(app):
    """The organisation's vacancy with this reference as stored now, with its site ids, or None."""

    def read(organisation, reference):
        with app.app_context():
            vacancy = services.vacancy_by_reference(organisation.id, reference)
            if vacancy is not None:
                vacancy.site_ids = [site.id for site in vacancy.sites]
                db.session.expunge(vacancy)
            return vacancy

    return read


@pytest.fixture
def vacancy_count(app):
    def count(organisation=None) -> int:
        with app.app_context():
            query = select(func.count(Vacancy.id))
            if organisation is not None:
                query = query.where(Vacancy.organisation_id == organisation.id)
            return db.session.scalar(query)

    return count


@pytest.fixture
def web_vacancy_form(site_ids):
    """The recruiter's web form filled in like ``vacancy_json``; keyword arguments replace fields."""
    from tests.vacancies.conftest import date_parts

    def build(organisation, **overrides):
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
            "description": "About the role",
            "site_ids": [str(site_id) for site_id in site_ids(organisation)],
            "external_ref": "SCW-042",
            "apply_method": "external",
            "apply_url": "https://jobs.example.org/apply/42",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return build
